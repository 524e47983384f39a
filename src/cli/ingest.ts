import path from 'node:path';
import cliProgress from 'cli-progress';
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { sha256OfFile } from '../inbox/identity.ts';
import { listInbox } from '../inbox/scan.ts';
import { createInProcessQueue } from '../queue/inprocess.ts';
import type { ProcessResult } from '../queue/types.ts';

export interface IngestSummary {
  processed: number;
  failed: number;
  duplicate: number;
  notAReport: number;
  lines: string[];
}

/** Processes every file of a folder with the in-process queue and the app's database. */
export async function ingestCommand(dir: string, opts: { concurrency?: number; progress?: boolean }): Promise<void> {
  const config = loadConfig();
  const files = await listInbox(dir);
  if (files.length === 0) {
    process.stdout.write(`Không có tệp nào trong ${dir}.\n`);
    return;
  }
  const app = await openApp(config);
  const showBar = opts.progress !== false && process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    { format: 'Đang xử lý [{bar}] {value}/{total} tệp | {file}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const summary: IngestSummary = { processed: 0, failed: 0, duplicate: 0, notAReport: 0, lines: [] };
  const record = (file: string, r: ProcessResult) => {
    const name = path.relative(dir, file);
    if (r.status === 'processed') summary.processed++;
    else if (r.status === 'duplicate') summary.duplicate++;
    else if (r.status === 'not_a_report') summary.notAReport++;
    else summary.failed++;
    if (r.status !== 'processed') summary.lines.push(`  ${name}: ${label(r)}`);
    if (showBar) bar.increment({ file: name });
  };
  try {
    if (showBar) bar.start(files.length, 0, { file: '' });
    const queue = createInProcessQueue({ concurrency: opts.concurrency ?? config.concurrency, processor: app.processor });
    const seen = new Map<string, string>();
    const pending: Promise<void>[] = [];
    for (const file of files) {
      const sha256 = await sha256OfFile(file);
      const first = seen.get(sha256);
      if (first) {
        record(file, { status: 'duplicate', message: `trùng nội dung với ${path.relative(dir, first)}` });
        continue;
      }
      seen.set(sha256, file);
      pending.push(
        queue.run({ path: path.resolve(file), sha256, originalName: path.basename(file) }).then(
          (r) => record(file, r),
          (err: unknown) => record(file, { status: 'failed', message: err instanceof Error ? err.message : String(err) }),
        ),
      );
    }
    await Promise.all(pending);
    await queue.close();
  } finally {
    if (showBar) bar.stop();
    await app.close();
  }
  process.stdout.write(
    `Kết quả: đã xử lý ${summary.processed}, lỗi ${summary.failed}, trùng lặp ${summary.duplicate}` +
      `${summary.notAReport ? `, không phải báo cáo ${summary.notAReport}` : ''} (tổng ${files.length} tệp)\n` +
      (summary.lines.length ? `${summary.lines.join('\n')}\n` : ''),
  );
}

function label(r: ProcessResult): string {
  if (r.status === 'duplicate') return `trùng lặp${r.message ? ` (${r.message})` : ''}`;
  if (r.status === 'not_a_report') return `không phải báo cáo${r.message ? ` — ${r.message}` : ''}`;
  return `lỗi — ${r.message ?? 'không rõ'}`;
}

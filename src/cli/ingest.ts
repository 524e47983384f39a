import path from 'node:path';
import { lstat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { displayName, dropKey, sha256OfFile } from '../inbox/identity.ts';
import { listChangedFailed, listInbox, symlinkLine } from '../inbox/scan.ts';
import { closeParsers, jobsInFlight, processFile, settleFailedJob } from '../pipeline.ts';
import { createInProcessQueue } from '../queue/inprocess.ts';
import type { ProcessFileData, ProcessResult } from '../queue/types.ts';

export interface IngestSummary {
  processed: number;
  /** Content the database already has (an earlier ingest of the same files): not processed again. */
  known: number;
  failed: number;
  duplicate: number;
  notAReport: number;
  /** Symlinks found in the folder: not followed, not read, left in place. */
  symlinks: number;
  lines: string[];
}

/** Outcomes whose content is not processed again when met again (a failed one is: staff's retry). */
const SETTLED = new Set(['processed', 'not_a_report', 'duplicate']);

/**
 * Processes every file of a folder with the in-process queue and the app's database.
 * By default the files stay where they are (a folder of reports to import, such as
 * samples/inbox); with `move`, the folder is treated as an inbox: each file moves to
 * processed/, failed/ (+ .error.json), duplicates/ or not-a-report/ once the database has
 * recorded its outcome.
 */
export async function ingestCommand(dir: string, opts: { concurrency?: number; progress?: boolean; move?: boolean }): Promise<void> {
  const config = loadConfig();
  const root = path.resolve(dir);
  const symlinks: string[] = [];
  // The same listing as the watcher's: symlinks (to files or folders) are reported, never followed.
  const files = await listInbox(dir, { onSymlink: (f) => symlinks.push(f) });
  if (opts.move) files.push(...(await listChangedFailed(dir, { onSymlink: (f) => symlinks.push(f) })));
  const symlinkLines = symlinks.map((f) => `  ${symlinkLine(displayName(path.relative(dir, f)))}`);
  if (files.length === 0) {
    process.stdout.write(`Không có tệp nào trong ${dir}.\n${symlinkLines.length ? `${symlinkLines.join('\n')}\n` : ''}`);
    return;
  }
  const app = await openApp(config);
  // --concurrency: files parsed at once (threads); more jobs are in flight (pipeline.jobsInFlight).
  const threads = opts.concurrency ?? config.concurrency;
  const deps = { ...app.deps, threads };
  const showBar = opts.progress !== false && process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    { format: 'Đang xử lý [{bar}] {value}/{total} tệp | {file}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const summary: IngestSummary = { processed: 0, known: 0, failed: 0, duplicate: 0, notAReport: 0, symlinks: symlinks.length, lines: [...symlinkLines] };
  const record = (file: string, r: ProcessResult | { status: 'known'; message: string }) => {
    const name = displayName(path.relative(dir, file));
    if (r.status === 'known') {
      summary.known++;
      summary.lines.push(`  ${name}: đã có trong cơ sở dữ liệu — ${r.message}`);
      if (showBar) bar.increment({ file: name });
      return;
    }
    if (r.status === 'processed') summary.processed++;
    else if (r.status === 'duplicate') summary.duplicate++;
    else if (r.status === 'not_a_report') summary.notAReport++;
    else summary.failed++;
    if (r.status !== 'processed') summary.lines.push(`  ${name}: ${label(r)}`);
    if (showBar) bar.increment({ file: name });
  };
  try {
    if (showBar) bar.start(files.length, 0, { file: '' });
    const queue = createInProcessQueue({
      concurrency: jobsInFlight(threads),
      processor: (data) => processFile(data, deps),
      retry: { backoffDelayMs: config.backoffMs },
    });
    const seen = new Map<string, string>();
    const pending: Promise<void>[] = [];
    for (const file of files) {
      let data: ProcessFileData;
      try {
        const sha256 = await sha256OfFile(file, opts.move ? root : undefined);
        data = { path: path.resolve(file), sha256, originalName: displayName(path.basename(file)) };
        if (opts.move) {
          // Every copy gets its own job: a duplicate is moved to duplicates/ by the processor.
          data.inbox = root;
          data.dropKey = dropKey(data.path, await lstat(file));
        } else {
          const first = seen.get(sha256);
          if (first) {
            record(file, { status: 'duplicate', message: `trùng nội dung với ${displayName(path.relative(dir, first))}` });
            continue;
          }
          seen.set(sha256, file);
          // Already in the database (this folder ingested before): said so, not processed again.
          const known = await app.files.bySha(sha256);
          if (known && SETTLED.has(known.status)) {
            record(file, { status: 'known', message: knownLabel(known.status, known.original_name, displayName(path.basename(file))) });
            continue;
          }
        }
      } catch (err) {
        record(file, { status: 'failed', message: err instanceof Error ? err.message : String(err) });
        continue;
      }
      pending.push(
        queue.run(data).then(
          (r) => record(file, r),
          async (err: unknown) => {
            // Every attempt threw (not the file's fault, e.g. a database error): recorded as failed,
            // and with --move the file goes to failed/ with the reason.
            const r = await settleFailedJob(data, err instanceof Error ? err : new Error(String(err)), deps);
            record(file, r);
          },
        ),
      );
    }
    await Promise.all(pending);
    await queue.close();
  } finally {
    if (showBar) bar.stop();
    await closeParsers();
    await app.close();
  }
  process.stdout.write(
    `Kết quả: đã xử lý ${summary.processed}${summary.known ? `, đã có từ trước ${summary.known}` : ''}, lỗi ${summary.failed}, trùng lặp ${summary.duplicate}` +
      `${summary.notAReport ? `, không phải báo cáo ${summary.notAReport}` : ''} (tổng ${files.length} tệp)` +
      `${summary.symlinks ? `; bỏ qua ${summary.symlinks} liên kết tượng trưng` : ''}\n` +
      (summary.lines.length ? `${summary.lines.join('\n')}\n` : '') +
      (opts.move ? `Tệp đã được chuyển vào ${path.join(dir, 'processed')}, failed, duplicates, not-a-report.\n` : ''),
  );
}

function knownLabel(status: string, originalName: string, name: string): string {
  const as = originalName === name ? '' : ` (nhận với tên "${originalName}")`;
  if (status === 'not_a_report') return `không phải báo cáo, đã ghi nhận trước đây${as}`;
  if (status === 'duplicate') return `trùng lặp, đã ghi nhận trước đây${as}`;
  return `đã xử lý trước đây${as}, không xử lý lại`;
}

function label(r: ProcessResult): string {
  if (r.status === 'duplicate') return `trùng lặp${r.message ? ` (${r.message})` : ''}`;
  if (r.status === 'not_a_report') return `không phải báo cáo${r.message ? ` — ${r.message}` : ''}`;
  return `lỗi — ${r.message ?? 'không rõ'}`;
}

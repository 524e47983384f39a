import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { userLine } from '../errors.ts';
import { displayName, dropKey, sha256OfFile } from '../inbox/identity.ts';
import { listChangedFailed, listInbox, oncePerLink, symlinkLine } from '../inbox/scan.ts';
import { StabilityTracker } from '../inbox/stable.ts';
import { watchInbox } from '../inbox/watch.ts';
import { log } from '../log.ts';
import { closeParsers, jobsInFlight, processFile, settleFailedJob } from '../pipeline.ts';
import { createBullQueue } from '../queue/bullmq.ts';
import { createInProcessQueue } from '../queue/inprocess.ts';
import { defaultJobOptions } from '../queue/jobs.ts';
import { untilShutdown } from '../queue/shutdown.ts';
import type { JobQueue, ProcessFileData, ProcessResult } from '../queue/types.ts';

/**
 * Watches an inbox: each file, once completely written (size and mtime stable for
 * BAOCAO_STABLE_MS), is enqueued once per drop. With REDIS_URL the jobs go to BullMQ for the
 * workers; without, they run in this process on the embedded database. After processing, the
 * file is in INBOX/processed/, failed/ (+ .error.json), duplicates/ or not-a-report/.
 */
export async function watchCommand(inbox: string, opts: { once?: boolean }): Promise<void> {
  const config = loadConfig();
  const root = path.resolve(inbox);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`không tìm thấy thư mục ${inbox}`);
  const rel = (file: string) => displayName(path.relative(root, file));
  const onSymlink = oncePerLink((file: string) => process.stderr.write(`${symlinkLine(rel(file))}\n`));

  let app: App | null = null;
  let queue: JobQueue & { drain?: () => Promise<void> };
  if (config.redisUrl) {
    queue = createBullQueue({
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      jobOptions: defaultJobOptions({ backoffDelayMs: config.backoffMs }),
    });
  } else {
    app = await openApp(config);
    const deps = app.deps;
    const report = (file: string, r: ProcessResult) =>
      process.stderr.write(`${rel(file)}: ${STATUS_LABEL[r.status]}${r.message && r.status !== 'processed' ? ` — ${r.message}` : ''}\n`);
    queue = createInProcessQueue({
      concurrency: jobsInFlight(config.concurrency),
      processor: (data) => processFile(data, deps),
      retry: { backoffDelayMs: config.backoffMs },
      onCompleted: (data, r) => report(data.path, r),
      onFailed: (data, err) => void settleFailedJob(data, err, deps).then((r) => report(data.path, r)),
    });
  }

  let retryTimer: NodeJS.Timeout | null = null;
  let rescan: (() => Promise<void>) | null = null;
  const offers = new Set<Promise<void>>();
  const offer = (file: string, st: Stats) => {
    const p = enqueue(file, st).finally(() => offers.delete(p));
    offers.add(p);
  };
  const enqueue = async (file: string, st: Stats) => {
    let data: ProcessFileData;
    try {
      data = {
        path: file,
        sha256: await sha256OfFile(file, root),
        originalName: displayName(path.basename(file)),
        inbox: root,
        dropKey: dropKey(file, st),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as { code?: string }).code !== 'NOT_FOUND') {
        process.stderr.write(`${userLine(rel(file), err)}\n`);
      }
      return;
    }
    try {
      const { added } = await queue.enqueue(data);
      if (added) process.stderr.write(`Đã nhận: ${rel(file)}\n`);
    } catch (err) {
      // Redis down, say: the file stays in the inbox and is offered again shortly.
      log.warn({ file: rel(file), err: (err as Error).message }, 'enqueue failed; will retry');
      process.stderr.write(`Chưa đưa được vào hàng đợi, sẽ thử lại: ${rel(file)}\n`);
      retryTimer ??= setTimeout(() => {
        retryTimer = null;
        void rescan?.();
      }, 5_000);
    }
  };
  const settleOffers = async () => {
    while (offers.size) await Promise.allSettled([...offers]);
  };
  /** `drain`: wait for every job enqueued (--once); otherwise only for the jobs in hand — files
   *  still waiting stay in the inbox for the next start. */
  const shutdown = async (drain: boolean) => {
    if (retryTimer) clearTimeout(retryTimer);
    await settleOffers();
    if (drain) await queue.drain?.();
    await queue.close();
    await closeParsers();
    await app?.close();
  };

  if (opts.once) {
    // Each file present now, once stable; then (embedded) wait for the jobs, and stop.
    const tracker = new StabilityTracker({ stableMs: config.stableMs, onStable: offer, onSymlink });
    for (const file of await listInbox(root, { onSymlink })) tracker.touch(file);
    for (const file of await listChangedFailed(root, { onSymlink })) tracker.touch(file);
    while (tracker.pending > 0) await new Promise((r) => setTimeout(r, 50));
    await shutdown(true);
    return;
  }

  const watcher = watchInbox(root, offer, {
    stableMs: config.stableMs,
    usePolling: config.usePolling,
    rescanMs: config.rescanMs,
    onError: (err) => process.stderr.write(`[inbox] ${err.message}\n`),
    onSymlink,
  });
  rescan = watcher.rescan;
  await watcher.ready;
  process.stderr.write(`Đang theo dõi ${inbox} (pid ${process.pid}). Nhấn Ctrl+C để dừng.\n`);
  await untilShutdown(
    async () => {
      await watcher.close();
      await shutdown(false);
    },
    { onSignal: () => process.stderr.write('Đang dừng: hoàn tất việc đang làm…\n') },
  );
}

const STATUS_LABEL: Record<ProcessResult['status'], string> = {
  processed: 'đã xử lý',
  failed: 'lỗi',
  duplicate: 'trùng lặp',
  not_a_report: 'không phải báo cáo',
};

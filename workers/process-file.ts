// The BullMQ worker: a thin shell around the one job processor (src/pipeline.ts).
// Crash safety comes from BullMQ's job locks: a worker that dies (kill -9, power cut) stops
// renewing its jobs' locks; after lockDuration the next stalled check (every stalledInterval, by
// any live worker) puts them back to wait and another worker runs them again — the processor is
// idempotent. A job that stalls more than maxStalledCount times, or throws on every attempt,
// ends in failed/ with its reason (settleFailedJob).
import { openApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { displayName } from '../src/inbox/identity.ts';
import { log } from '../src/log.ts';
import { closeParsers, isDatabaseUnavailable, jobsInFlight, processFile, settleFailedJob } from '../src/pipeline.ts';
import { startBullWorker } from '../src/queue/bullmq.ts';
import { processFileJobId } from '../src/queue/jobs.ts';

export interface RunningWorker {
  /** Finishes the jobs in hand, takes no new one, releases connections and threads. */
  close(): Promise<void>;
}

export async function runWorker(config: Config, opts: { concurrency?: number } = {}): Promise<RunningWorker> {
  if (!config.redisUrl || !config.databaseUrl) {
    throw new Error('worker cần DATABASE_URL và REDIS_URL (chế độ nhúng dùng "baocao ingest" hoặc "baocao watch")');
  }
  const app = await openWhenReachable(config);
  // --concurrency: files parsed at once (threads); BullMQ hands out more jobs (pipeline.jobsInFlight).
  const threads = opts.concurrency ?? config.concurrency;
  const deps = { ...app.deps, threads };
  const name = (p: string) => displayName(p);
  let worker;
  try {
    worker = await startBullWorker({
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      concurrency: jobsInFlight(threads),
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.stalledIntervalMs,
      maxStalledCount: config.maxStalledCount,
      onActive: (data, jobId) => log.info({ pid: process.pid, jobId, file: name(data.path) }, 'job start'),
      processor: async (data, progress) => {
        const jobId = processFileJobId(data.sha256, data.dropKey);
        let result;
        try {
          result = await processFile(data, progress ? { ...deps, onProgress: (_job, p) => progress(p) } : deps);
        } catch (err) {
          log.info({ pid: process.pid, jobId, file: name(data.path), err: (err as Error).message }, 'job not done');
          throw err;
        }
        log.info({ pid: process.pid, jobId, file: name(data.path), status: result.status, reportId: result.reportId, movedTo: result.movedTo }, 'job done');
        return result;
      },
      onFailed: (data, err, attempts) => {
        log.warn({ pid: process.pid, file: name(data.path), attempts, err: err.message }, 'job failed for good');
        void settleFailedJob(data, err, deps).then((r) =>
          log.info({ pid: process.pid, file: name(data.path), status: r.status, code: r.code, movedTo: r.movedTo }, 'job settled as failed'),
        );
      },
      onError: (err) => log.warn({ pid: process.pid, err: err.message }, 'queue error'),
    });
  } catch (err) {
    await app.close();
    throw err;
  }
  const handle = worker;
  return {
    async close() {
      await handle.close(); // finishes the job in hand, starts no new one
      await closeParsers();
      await app.close();
    },
  };
}

/** openApp, waiting (up to 2 minutes) while PostgreSQL cannot be reached: a worker started
 *  during a database restart waits for it instead of exiting. */
async function openWhenReachable(config: Config) {
  const until = Date.now() + 120_000;
  for (let wait = 500; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await openApp(config);
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() > until) throw err;
      log.warn({ pid: process.pid, err: (err as Error).message }, 'database unreachable at start-up; waiting');
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

// The JobQueue on Redis with BullMQ: the producer (watcher, API) and long-lived workers.
// Every ioredis connection made here is closed by the handle's close().
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import {
  DEFAULT_STALLED,
  JobName,
  QUEUE_NAME,
  defaultJobOptions,
  isTransientError,
  processFileJobId,
  type ProcessFileData,
} from './jobs.ts';
import { describeProgress, type FileProgress } from './progress.ts';
import type { EnqueueResult, JobQueue, ProcessResult, Processor, WorkerHandle, WorkerHooks } from './types.ts';

export interface BullQueueOptions {
  redisUrl: string;
  /** Redis key prefix (default 'bull'); tests use a unique one per run. */
  prefix?: string;
  queueName?: string;
  /** Overrides of defaultJobOptions() (tests shorten the backoff). */
  jobOptions?: JobsOptions;
}

export interface BullQueue extends JobQueue {
  readonly queue: Queue<ProcessFileData, ProcessResult>;
  /** The files the workers are processing now, with the pages they reported, then those waiting. */
  progress(): Promise<FileProgress[]>;
}

export function createBullQueue(opts: BullQueueOptions): BullQueue {
  // Producers fail fast when Redis is down (ioredis' default retry count), rather than hang.
  const connection = new Redis(opts.redisUrl, { lazyConnect: false });
  connection.on('error', () => {}); // reported through the failing command instead
  const queue = new Queue<ProcessFileData, ProcessResult>(opts.queueName ?? QUEUE_NAME, {
    connection,
    prefix: opts.prefix ?? 'bull',
    defaultJobOptions: { ...defaultJobOptions(), ...opts.jobOptions },
  });
  queue.on('error', () => {});

  let closed: Promise<void> | undefined;
  return {
    queue,
    async enqueue(data: ProcessFileData): Promise<EnqueueResult> {
      const jobId = processFileJobId(data.sha256, data.dropKey);
      // A job id that exists makes add() a no-op that still returns a Job with the new data,
      // so ask first. Two producers racing on one id both hear added=true, yet one job runs.
      const existing = await queue.getJob(jobId);
      if (existing) {
        // A drop's job that finished while its file is still in the inbox (the watcher sees it
        // again: its move failed, or it failed for good before it could be moved): run it again.
        // The processor is idempotent. Jobs per content (no dropKey) keep their dedupe.
        const state = data.dropKey ? await existing.getState() : 'active';
        if (state !== 'completed' && state !== 'failed') return { jobId, added: false };
        await existing.remove().catch(() => {});
      }
      await queue.add(JobName.ProcessFile, data, { jobId });
      return { jobId, added: true };
    },
    async progress() {
      // The first 50 waiting too: the page keeps polling from the upload until the file is done.
      const [active, waiting] = await Promise.all([queue.getActive(), queue.getWaiting(0, 49)]);
      const queued = waiting.map((job) => describeProgress(job.data.originalName, null, new Date(job.timestamp), true));
      return active
        .map((job) => {
          const p = job.progress as { done?: unknown; total?: unknown } | number;
          const pages = typeof p === 'object' && typeof p.done === 'number' && typeof p.total === 'number' ? { done: p.done, total: p.total } : null;
          return describeProgress(job.data.originalName, pages, new Date(job.processedOn ?? job.timestamp));
        })
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
        .concat(queued);
    },
    close() {
      return (closed ??= (async () => {
        try {
          await queue.close();
        } finally {
          await quit(connection);
        }
      })());
    },
  };
}

export interface BullWorkerOptions extends WorkerHooks {
  redisUrl: string;
  prefix?: string;
  queueName?: string;
  concurrency: number;
  processor: Processor;
  /** How long a job's lock lasts without renewal (ms): a dead worker's job is taken over after
   *  at most lockDurationMs + stalledIntervalMs. Default DEFAULT_STALLED. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (ms). Default DEFAULT_STALLED. */
  stalledIntervalMs?: number;
  /** Recoveries of a stalled job before it fails for good. Default DEFAULT_STALLED. */
  maxStalledCount?: number;
  /** The job is put back (not failed) while the processor throws TransientError, this many
   *  times at most; meanwhile the queue pauses transientPauseMs. Defaults 200 and 2 000 ms. */
  maxTransientRetries?: number;
  transientPauseMs?: number;
  /** Observer of each job start (logs; the chaos script reads them). */
  onActive?: (data: ProcessFileData, jobId: string) => void;
}

export interface BullWorkerHandle extends WorkerHandle {
  readonly worker: Worker<ProcessFileData, ProcessResult>;
}

export async function startBullWorker(opts: BullWorkerOptions): Promise<BullWorkerHandle> {
  // Workers block on Redis: their connection must retry forever (BullMQ requires null).
  const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const onError = opts.onError ?? ((err: Error) => console.error(`[queue] ${err.message}`));
  connection.on('error', onError);

  const maxTransient = opts.maxTransientRetries ?? 200;
  const transientPauseMs = opts.transientPauseMs ?? 2_000;
  const worker: Worker<ProcessFileData, ProcessResult> = new Worker<ProcessFileData, ProcessResult>(
    opts.queueName ?? QUEUE_NAME,
    async (job: Job<ProcessFileData, ProcessResult>) => {
      if (job.name !== JobName.ProcessFile) throw new Error(`no handler for job '${job.name}'`);
      opts.onActive?.(job.data, job.id ?? '');
      try {
        // Pages read, for GET /api/progress in the server process (BullQueue.progress).
        return await opts.processor(job.data, (p) => {
          void job.updateProgress(p).catch(() => {});
        });
      } catch (err) {
        // The database (or another service) is down: not the file's fault. Back to the waiting
        // list without using an attempt, and the queue pauses a little (every worker would fail
        // the same way meanwhile).
        if (isTransientError(err) && (job.attemptsStarted ?? 0) <= maxTransient) {
          await worker.rateLimit(transientPauseMs);
          throw Worker.RateLimitError();
        }
        throw err;
      }
    },
    {
      connection,
      prefix: opts.prefix ?? 'bull',
      concurrency: opts.concurrency,
      autorun: false,
      lockDuration: opts.lockDurationMs ?? DEFAULT_STALLED.lockDurationMs,
      stalledInterval: opts.stalledIntervalMs ?? DEFAULT_STALLED.stalledIntervalMs,
      maxStalledCount: opts.maxStalledCount ?? DEFAULT_STALLED.maxStalledCount,
      // After a Redis outage, retry the bookkeeping of a finished job soon (default 15 s).
      runRetryDelay: 1_000,
    },
  );
  worker.on('error', onError);
  worker.on('completed', (job, result) => opts.onCompleted?.(job.data, result));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    // Final: no attempt left, or unrecoverable (a job that stalled more than maxStalledCount).
    const unrecoverable = err.name === 'UnrecoverableError';
    if (job.attemptsMade >= attempts || unrecoverable) opts.onFailed?.(job.data, err, job.attemptsMade);
  });

  try {
    await worker.waitUntilReady();
  } catch (err) {
    await worker.close(true).catch(() => {});
    await quit(connection);
    throw err;
  }
  void worker.run().catch(onError);

  let closed: Promise<void> | undefined;
  return {
    worker,
    close() {
      return (closed ??= (async () => {
        try {
          await worker.close(); // waits for the jobs in hand; takes no new one
        } finally {
          await quit(connection);
        }
      })());
    },
  };
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

// The JobQueue on Redis with BullMQ: the producer (watcher, API) and long-lived workers.
// Every ioredis connection made here is closed by the handle's close().
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { JobName, QUEUE_NAME, defaultJobOptions, processFileJobId, type ProcessFileData } from './jobs.ts';
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
      const jobId = processFileJobId(data.sha256);
      // A job id that exists makes add() a no-op that still returns a Job with the new data,
      // so ask first. Two producers racing on one id both hear added=true, yet one job runs.
      if (await queue.getJob(jobId)) return { jobId, added: false };
      await queue.add(JobName.ProcessFile, data, { jobId });
      return { jobId, added: true };
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
  /** How long a job's lock lasts without renewal (ms). Default BullMQ's 30 s. */
  lockDurationMs?: number;
}

export interface BullWorkerHandle extends WorkerHandle {
  readonly worker: Worker<ProcessFileData, ProcessResult>;
}

export async function startBullWorker(opts: BullWorkerOptions): Promise<BullWorkerHandle> {
  // Workers block on Redis: their connection must retry forever (BullMQ requires null).
  const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const onError = opts.onError ?? ((err: Error) => console.error(`[queue] ${err.message}`));
  connection.on('error', onError);

  const worker = new Worker<ProcessFileData, ProcessResult>(
    opts.queueName ?? QUEUE_NAME,
    async (job: Job<ProcessFileData, ProcessResult>) => {
      if (job.name !== JobName.ProcessFile) throw new Error(`no handler for job '${job.name}'`);
      return opts.processor(job.data);
    },
    {
      connection,
      prefix: opts.prefix ?? 'bull',
      concurrency: opts.concurrency,
      autorun: false,
      ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
    },
  );
  worker.on('error', onError);
  worker.on('completed', (job, result) => opts.onCompleted?.(job.data, result));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade >= attempts) opts.onFailed?.(job.data, err, job.attemptsMade);
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

// The JobQueue inside this process (embedded mode: no Redis). Same contract as BullMQ:
// one job per id (an id seen before is not added again), at most `concurrency` jobs at once,
// a processor that throws is retried with the same attempts and exponential backoff as
// defaultJobOptions(). Jobs live in memory: what is waiting when the process stops is
// not kept — the files stay 'received' in the database, to be enqueued again at start-up.
import { DEFAULT_RETRY, backoffDelay, isTransientError, processFileJobId, type ProcessFileData, type RetryPolicy } from './jobs.ts';
import type { EnqueueResult, JobQueue, ProcessResult, Processor, WorkerHooks } from './types.ts';

export interface InProcessQueueOptions extends WorkerHooks {
  concurrency: number;
  processor: Processor;
  /** Default DEFAULT_RETRY (the BullMQ job options' attempts and backoff). */
  retry?: Partial<RetryPolicy>;
  /** A processor throwing TransientError is retried after transientPauseMs without using an
   *  attempt, this many times at most. Defaults 200 and 2 000 ms. */
  maxTransientRetries?: number;
  transientPauseMs?: number;
}

export interface InProcessStats {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export interface InProcessQueue extends JobQueue {
  /**
   * Enqueues (or finds the job already enqueued with this id) and resolves with its result;
   * rejects with the last error when every attempt threw, or when the queue closed first.
   */
  run(data: ProcessFileData): Promise<ProcessResult>;
  /** Resolves once every job enqueued so far (and any enqueued meanwhile) has finished. */
  drain(): Promise<void>;
  stats(): InProcessStats;
}

interface QueuedJob {
  id: string;
  data: ProcessFileData;
  attemptsMade: number;
  transientRetries: number;
  settled: boolean;
  result: Promise<ProcessResult>;
  resolve(result: ProcessResult): void;
  reject(error: Error): void;
}

export function createInProcessQueue(opts: InProcessQueueOptions): InProcessQueue {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, got ${opts.concurrency}`);
  }
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const onError = opts.onError ?? ((e: Error) => console.error(`[queue] ${e.message}`));
  const jobs = new Map<string, QueuedJob>(); // every id ever enqueued: the dedupe set
  const waiting: QueuedJob[] = [];
  const delayed = new Map<NodeJS.Timeout, QueuedJob>();
  const active = new Set<Promise<void>>();
  let completed = 0;
  let failed = 0;
  let closing = false;
  let drainWaiters: (() => void)[] = [];

  const outstanding = () => waiting.length + active.size + delayed.size;

  const settleDrains = () => {
    if (outstanding() > 0) return;
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const pump = () => {
    while (!closing && active.size < opts.concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      const running = attempt(job).finally(() => {
        active.delete(running);
        pump();
        settleDrains();
      });
      active.add(running);
    }
  };

  const attempt = async (job: QueuedJob): Promise<void> => {
    job.attemptsMade++;
    let result: ProcessResult;
    try {
      result = await opts.processor(job.data);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      // The database is unreachable (TransientError): wait and try again without using an
      // attempt, as the BullMQ worker does (bounded, like there).
      const transient = isTransientError(error) && job.transientRetries < (opts.maxTransientRetries ?? 200);
      if (transient) {
        job.transientRetries++;
        job.attemptsMade--;
      }
      if (transient || job.attemptsMade < retry.attempts) {
        // Closing: no retry now, and not a final failure either (the file is still 'received').
        if (closing) return job.reject(new Error(`queue closed before job ${job.id} could be retried`, { cause: error }));
        const timer = setTimeout(() => {
          delayed.delete(timer);
          waiting.push(job);
          pump();
          settleDrains();
        }, transient ? (opts.transientPauseMs ?? 2_000) : backoffDelay(retry, job.attemptsMade));
        delayed.set(timer, job);
        return;
      }
      failed++;
      observe(() => opts.onFailed?.(job.data, error, job.attemptsMade));
      return job.reject(error);
    }
    completed++;
    observe(() => opts.onCompleted?.(job.data, result));
    job.resolve(result);
  };

  const observe = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const add = (data: ProcessFileData): { job: QueuedJob; added: boolean } => {
    const id = processFileJobId(data.sha256, data.dropKey);
    const existing = jobs.get(id);
    // A drop's job that finished, its file seen again (see bullmq.ts enqueue): run it again.
    if (existing && !(data.dropKey && existing.settled)) return { job: existing, added: false };
    if (closing) throw new Error('queue is closed');
    let resolve!: (r: ProcessResult) => void;
    let reject!: (e: Error) => void;
    const result = new Promise<ProcessResult>((res, rej) => ((resolve = res), (reject = rej)));
    result.catch(() => {}); // callers of enqueue() do not await results
    const job: QueuedJob = {
      id,
      data,
      attemptsMade: 0,
      transientRetries: 0,
      settled: false,
      result,
      resolve: (r) => ((job.settled = true), resolve(r)),
      reject: (e) => ((job.settled = true), reject(e)),
    };
    jobs.set(id, job);
    waiting.push(job);
    pump();
    return { job, added: true };
  };

  let closed: Promise<void> | undefined;
  return {
    async enqueue(data) {
      const { job, added } = add(data);
      return { jobId: job.id, added } satisfies EnqueueResult;
    },
    run(data) {
      try {
        return add(data).job.result;
      } catch (err) {
        return Promise.reject(err);
      }
    },
    drain() {
      if (outstanding() === 0) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
    stats() {
      return { waiting: waiting.length, active: active.size, delayed: delayed.size, completed, failed };
    },
    close() {
      return (closed ??= (async () => {
        closing = true;
        const dropped = [...waiting.splice(0), ...delayed.values()];
        for (const timer of delayed.keys()) clearTimeout(timer);
        delayed.clear();
        for (const job of dropped) job.reject(new Error(`queue closed before job ${job.id} ran`));
        await Promise.allSettled([...active]);
        settleDrains();
      })());
    },
  } satisfies InProcessQueue & JobQueue;
}

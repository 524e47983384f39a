// The queue as the rest of the program sees it: enqueue a file, and one processor for it.
// Two implementations: BullMQ on Redis (bullmq.ts) and in-process (inprocess.ts).
import type { ProcessFileData } from './jobs.ts';

export type { ProcessFileData } from './jobs.ts';
export { TransientError, isTransientError } from './jobs.ts';

export interface EnqueueResult {
  jobId: string;
  /** false when a job with this id already exists (same file content enqueued before). */
  added: boolean;
}

export interface JobQueue {
  enqueue(data: ProcessFileData): Promise<EnqueueResult>;
  close(): Promise<void>;
}

export type ProcessStatus = 'processed' | 'failed' | 'duplicate' | 'not_a_report';

/**
 * What processing a file came to. 'failed' is a failure the processor handled (a corrupt
 * file: recorded, not retried); a processor that throws gets retried up to `attempts`.
 */
export interface ProcessResult {
  status: ProcessStatus;
  reportId?: number;
  message?: string;
  /** The error code (src/errors.ts) of a failed or not-a-report file. */
  code?: string;
  /** Where the file went (a managed inbox: processed/, failed/, duplicates/, not-a-report/). */
  movedTo?: string;
}

/** `progress`: where the processor reports OCR pages read (BullMQ: the job's progress). */
export type Processor = (data: ProcessFileData, progress?: (p: { done: number; total: number }) => void) => Promise<ProcessResult>;

/** Optional observers, the same for both implementations. */
export interface WorkerHooks {
  onCompleted?: (data: ProcessFileData, result: ProcessResult) => void;
  /** After the last attempt threw (no retry left), or (BullMQ) the job stalled too often. */
  onFailed?: (data: ProcessFileData, error: Error, attemptsMade: number) => void;
  /** Errors of the queue machinery itself (Redis connection, …). Default: console.error. */
  onError?: (error: Error) => void;
}

export interface WorkerHandle {
  /** Finishes the jobs in hand, starts no new one, releases connections. */
  close(): Promise<void>;
}

// Job names, data, ids and options: in one place, shared by both queue implementations.
import type { JobsOptions } from 'bullmq';

export const QUEUE_NAME = 'baocao';

export const JobName = {
  ProcessFile: 'process-file',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** What a job carries: where the file is and its hash — never the file itself. */
export interface ProcessFileData {
  path: string;
  sha256: string;
  originalName: string;
}

/** The job id: one job per file content. BullMQ custom ids must not contain ':' nor be integers. */
export function processFileJobId(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: '${sha256}'`);
  return `doc-${sha256}`;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before retry n (n ≥ 1): backoffDelayMs · 2^(n−1). */
  backoffDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, backoffDelayMs: 2_000 };

/** Delay before the retry that follows failed try number `attemptsMade` (1-based), as BullMQ's 'exponential'. */
export function backoffDelay(policy: RetryPolicy, attemptsMade: number): number {
  return Math.round(policy.backoffDelayMs * 2 ** (attemptsMade - 1));
}

/** BullMQ options of every job: retries, and retention so Redis does not grow. */
export function defaultJobOptions(retry: Partial<RetryPolicy> = {}): JobsOptions {
  const policy = { ...DEFAULT_RETRY, ...retry };
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffDelayMs },
    removeOnComplete: { count: 1_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  };
}

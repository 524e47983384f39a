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
  /**
   * The inbox the file was dropped in (a managed inbox, `baocao watch`, `ingest --move`): the
   * processor moves the file to <inbox>/processed|failed|duplicates|not-a-report/<its subpath>.
   * Absent: the file stays where it is.
   */
  inbox?: string;
  /**
   * One drop of a file (src/inbox/identity.ts dropKey: path, inode, size, times). With it the
   * job id is per drop, so a second copy of the same content gets a job of its own (to be moved
   * to duplicates/); without it the job id is per content.
   */
  dropKey?: string;
}

/** The job id: one job per file content (or per drop, with a dropKey). BullMQ custom ids must
 *  not contain ':' nor be integers. */
export function processFileJobId(sha256: string, dropKey?: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: '${sha256}'`);
  if (dropKey === undefined) return `doc-${sha256}`;
  if (!/^[0-9a-f]{8,40}$/.test(dropKey)) throw new Error(`not a drop key: '${dropKey}'`);
  return `doc-${sha256}-${dropKey}`;
}

/** BullMQ worker settings for crashed workers: a job whose lock is not renewed for
 *  lockDurationMs is found by the next stalled check (every stalledIntervalMs) and given to
 *  another worker; after maxStalledCount such recoveries it fails (to failed/). */
export interface StalledPolicy {
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
}

export const DEFAULT_STALLED: StalledPolicy = { lockDurationMs: 30_000, stalledIntervalMs: 15_000, maxStalledCount: 3 };

/** A processor that throws this says "the infrastructure is unavailable (database down), the
 *  file is fine": the BullMQ worker puts the job back and pauses briefly without using up one of
 *  its attempts, up to maxTransientRetries times. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

export function isTransientError(err: unknown): err is TransientError {
  return err instanceof Error && err.name === 'TransientError';
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

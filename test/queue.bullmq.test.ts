// The BullMQ JobQueue on the real Redis, under a prefix of its own.
import { afterAll, describe, expect, it } from 'vitest';
import { createBullQueue, startBullWorker, type BullQueue, type BullWorkerHandle } from '../src/queue/bullmq.ts';
import { defaultJobOptions, processFileJobId, type ProcessFileData } from '../src/queue/jobs.ts';
import { queueIntake } from '../src/api/intake.ts';
import type { ProcessResult, Processor } from '../src/queue/types.ts';
import { cleanupRedisPrefix, fakeSha, testRedisUrl, uniquePrefix } from './helpers/db.ts';

const redisUrl = testRedisUrl();
const prefix = uniquePrefix();
const fast = defaultJobOptions({ backoffDelayMs: 20 });
const open: { close(): Promise<void> }[] = [];
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
const socketsAtStart = sockets();

afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
  await cleanupRedisPrefix(prefix, redisUrl);
});

function job(label: string): ProcessFileData {
  const sha256 = fakeSha(label);
  return { path: `/inbox/${label}.docx`, sha256, originalName: `${label}.docx` };
}

async function waitFor(cond: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function queueFor(queueName: string): BullQueue {
  const q = createBullQueue({ redisUrl, prefix, queueName, jobOptions: fast });
  open.push(q);
  return q;
}

async function workerFor(
  queueName: string,
  processor: Processor,
  extra: Partial<Parameters<typeof startBullWorker>[0]> = {},
): Promise<BullWorkerHandle> {
  const w = await startBullWorker({ redisUrl, prefix, queueName, concurrency: 4, processor, ...extra });
  open.push(w);
  return w;
}

describe('BullMQ queue', () => {
  it('shows the pages a worker reports (job progress) while the job runs, and nothing after', async () => {
    const queue = queueFor('progress');
    const intake = queueIntake(queue);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reported = false;
    const data = { ...job('progress-scan'), originalName: 'bao-cao-quet.pdf' };
    // Queued before any worker runs: listed as waiting.
    await queue.enqueue(data);
    expect(await intake.progress!()).toMatchObject([{ name: 'bao-cao-quet.pdf', stage: 'waiting', text: 'bao-cao-quet.pdf — chờ xử lý', done: null }]);
    await workerFor('progress', async (_d, progress) => {
      progress?.({ done: 2, total: 5 });
      reported = true;
      await gate;
      return { status: 'processed' };
    });
    await waitFor(() => reported);
    let files = await intake.progress!();
    for (const until = Date.now() + 10_000; files[0]?.done !== 2 && Date.now() < until; files = await intake.progress!()) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ name: 'bao-cao-quet.pdf', stage: 'ocr', stageLabel: 'nhận dạng chữ', done: 2, total: 5, text: 'bao-cao-quet.pdf — nhận dạng chữ 2/5 trang' });
    release();
    for (const until = Date.now() + 10_000; files.length > 0 && Date.now() < until; files = await intake.progress!()) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(files).toEqual([]);
  });

  it('runs each job id once: 20 enqueues with 3 repeated ids → 17 runs', async () => {
    const queue = queueFor('dedupe');
    const calls: string[] = [];
    await workerFor('dedupe', async (d) => {
      calls.push(d.sha256);
      return { status: 'processed' };
    });
    const labels = Array.from({ length: 17 }, (_, i) => `dedupe-${i}`);
    const all = [...labels, labels[0]!, labels[5]!, labels[16]!];
    const results = [];
    for (const label of all) results.push(await queue.enqueue(job(label)));
    expect(results.filter((r) => r.added)).toHaveLength(17);
    expect(results[17]).toEqual({ jobId: processFileJobId(fakeSha(labels[0]!)), added: false });
    expect(results[0]!.jobId).toMatch(/^doc-[0-9a-f]{64}$/);
    await waitFor(() => calls.length >= 17);
    await new Promise((r) => setTimeout(r, 300)); // nothing more arrives
    expect(calls).toHaveLength(17);
    expect(new Set(calls).size).toBe(17);
    // a completed job is kept (within retention): enqueuing it again is still a no-op
    expect((await queue.enqueue(job(labels[3]!))).added).toBe(false);
  });

  it('retries a job that throws, then it succeeds', async () => {
    const queue = queueFor('retry');
    const tries = new Map<string, number>();
    const completed: ProcessResult[] = [];
    const failed: Error[] = [];
    await workerFor(
      'retry',
      async (d) => {
        const n = (tries.get(d.sha256) ?? 0) + 1;
        tries.set(d.sha256, n);
        if (n === 1) throw new Error('database went away');
        return { status: 'processed', reportId: 42 };
      },
      { onCompleted: (_d, r) => completed.push(r), onFailed: (_d, e) => failed.push(e) },
    );
    await queue.enqueue(job('flaky'));
    await waitFor(() => completed.length === 1);
    expect(tries.get(fakeSha('flaky'))).toBe(2);
    expect(completed[0]).toEqual({ status: 'processed', reportId: 42 });
    expect(failed).toEqual([]);
  });

  it('gives up after 3 attempts and reports the failure once', async () => {
    const queue = queueFor('give-up');
    let tries = 0;
    const failed: { error: Error; attempts: number }[] = [];
    await workerFor(
      'give-up',
      async () => {
        tries++;
        throw new Error(`broken #${tries}`);
      },
      { onFailed: (_d, error, attempts) => failed.push({ error, attempts }) },
    );
    await queue.enqueue(job('hopeless'));
    await waitFor(() => failed.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(tries).toBe(3);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 3 });
    expect(failed[0]!.error.message).toBe('broken #3');
    const state = await queue.queue.getJobState(processFileJobId(fakeSha('hopeless')));
    expect(state).toBe('failed');
  });

  it('closes gracefully: the job in hand finishes, no new one starts', async () => {
    const queue = queueFor('graceful');
    const started: string[] = [];
    const finished: string[] = [];
    const worker = await workerFor(
      'graceful',
      async (d) => {
        started.push(d.originalName);
        await new Promise((r) => setTimeout(r, 500));
        finished.push(d.originalName);
        return { status: 'processed' };
      },
      { concurrency: 1 },
    );
    await queue.enqueue(job('slow-1'));
    await queue.enqueue(job('slow-2'));
    await waitFor(() => started.length === 1);
    await worker.close();
    expect(finished).toEqual(['slow-1.docx']);
    await new Promise((r) => setTimeout(r, 300));
    expect(started).toEqual(['slow-1.docx']);
    expect(await queue.queue.getJobState(processFileJobId(fakeSha('slow-2')))).toBe('waiting');

    // the waiting job is picked up by the next worker
    const next: string[] = [];
    await workerFor('graceful', async (d) => {
      next.push(d.originalName);
      return { status: 'processed' };
    });
    await waitFor(() => next.length === 1);
    expect(next).toEqual(['slow-2.docx']);
  });

  it('closes every Redis connection it opened', async () => {
    await Promise.all(open.splice(0).map((h) => h.close()));
    await waitFor(() => sockets() <= socketsAtStart, 5_000);
    expect(sockets()).toBeLessThanOrEqual(socketsAtStart);
  });
});

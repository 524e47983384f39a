// The in-process JobQueue: the same contract as BullMQ's, without Redis.
import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import { DEFAULT_RETRY, backoffDelay, defaultJobOptions, processFileJobId, type ProcessFileData } from '../src/queue/jobs.ts';
import type { ProcessResult } from '../src/queue/types.ts';
import { fakeSha } from './helpers/db.ts';

function job(label: string): ProcessFileData {
  return { path: `/inbox/${label}.pdf`, sha256: fakeSha(label), originalName: `${label}.pdf` };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok: ProcessResult = { status: 'processed' };

describe('in-process queue', () => {
  it('runs each job id once: 20 enqueues with 3 repeated ids → 17 runs', async () => {
    const calls: string[] = [];
    const queue = createInProcessQueue({
      concurrency: 4,
      processor: async (d) => {
        calls.push(d.sha256);
        await sleep(5);
        return ok;
      },
    });
    const labels = Array.from({ length: 17 }, (_, i) => `dedupe-${i}`);
    const results = [];
    for (const label of [...labels, labels[0]!, labels[5]!, labels[16]!]) results.push(await queue.enqueue(job(label)));
    expect(results.filter((r) => r.added)).toHaveLength(17);
    expect(results[18]).toEqual({ jobId: processFileJobId(fakeSha(labels[5]!)), added: false });
    await queue.drain();
    expect(calls).toHaveLength(17);
    expect(new Set(calls).size).toBe(17);
    expect((await queue.enqueue(job(labels[2]!))).added).toBe(false); // done jobs still dedupe
    expect(queue.stats()).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 17, failed: 0 });
    await queue.close();
  });

  it('never runs more than `concurrency` jobs at once', async () => {
    let active = 0;
    let peak = 0;
    const queue = createInProcessQueue({
      concurrency: 3,
      processor: async () => {
        peak = Math.max(peak, ++active);
        await sleep(10);
        active--;
        return ok;
      },
    });
    for (let i = 0; i < 12; i++) await queue.enqueue(job(`bounded-${i}`));
    await queue.drain();
    expect(peak).toBe(3);
    await queue.close();
  });

  it('retries a job that throws, then it succeeds; run() resolves with the result', async () => {
    let tries = 0;
    const completed: ProcessResult[] = [];
    const queue = createInProcessQueue({
      concurrency: 2,
      retry: { backoffDelayMs: 10 },
      processor: async () => {
        if (++tries === 1) throw new Error('database went away');
        return { status: 'processed', reportId: 7 };
      },
      onCompleted: (_d, r) => completed.push(r),
    });
    await expect(queue.run(job('flaky'))).resolves.toEqual({ status: 'processed', reportId: 7 });
    expect(tries).toBe(2);
    expect(completed).toHaveLength(1);
    // run() of an id seen before gives the first job's result, without running again
    await expect(queue.run(job('flaky'))).resolves.toEqual({ status: 'processed', reportId: 7 });
    expect(tries).toBe(2);
    await queue.close();
  });

  it('gives up after the same attempts as the BullMQ options, with exponential backoff', async () => {
    expect(DEFAULT_RETRY.attempts).toBe(defaultJobOptions().attempts);
    expect(defaultJobOptions().backoff).toEqual({ type: 'exponential', delay: DEFAULT_RETRY.backoffDelayMs });
    expect([1, 2, 3].map((n) => backoffDelay({ attempts: 3, backoffDelayMs: 100 }, n))).toEqual([100, 200, 400]);

    const at: number[] = [];
    const failed: number[] = [];
    const queue = createInProcessQueue({
      concurrency: 1,
      retry: { backoffDelayMs: 40 },
      processor: async () => {
        at.push(Date.now());
        throw new Error(`broken #${at.length}`);
      },
      onFailed: (_d, _e, attempts) => failed.push(attempts),
    });
    await expect(queue.run(job('hopeless'))).rejects.toThrow('broken #3');
    await queue.drain();
    expect(at).toHaveLength(3);
    expect(failed).toEqual([3]);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(35); // 40 ms
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(75); // 80 ms
    expect(queue.stats().failed).toBe(1);
    await queue.close();
  });

  it('drain() waits for jobs enqueued while draining and for pending retries', async () => {
    let tries = 0;
    const done: string[] = [];
    const queue = createInProcessQueue({
      concurrency: 2,
      retry: { backoffDelayMs: 30 },
      processor: async (d) => {
        if (d.originalName === 'retry.pdf' && ++tries === 1) throw new Error('once');
        await sleep(10);
        done.push(d.originalName);
        if (d.originalName === 'first.pdf') await queue.enqueue(job('follow-up'));
        return ok;
      },
    });
    await queue.enqueue(job('first'));
    await queue.enqueue(job('retry'));
    await queue.drain();
    expect(done.sort()).toEqual(['first.pdf', 'follow-up.pdf', 'retry.pdf']);
    await queue.drain(); // nothing outstanding: resolves at once
    await queue.close();
  });

  it('closes gracefully: the job in hand finishes, no new one starts', async () => {
    const started: string[] = [];
    const finished: string[] = [];
    const queue = createInProcessQueue({
      concurrency: 1,
      processor: async (d) => {
        started.push(d.originalName);
        await sleep(200);
        finished.push(d.originalName);
        return ok;
      },
    });
    const first = queue.run(job('slow-1'));
    const second = queue.run(job('slow-2'));
    await sleep(20);
    await queue.close();
    expect(finished).toEqual(['slow-1.pdf']);
    await expect(first).resolves.toEqual(ok);
    await expect(second).rejects.toThrow(/closed/);
    await sleep(250);
    expect(started).toEqual(['slow-1.pdf']);
    await expect(queue.enqueue(job('late'))).rejects.toThrow(/closed/);
    await queue.drain(); // resolves: nothing outstanding after close
  });
});

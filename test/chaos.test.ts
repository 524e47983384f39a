// A small chaos run in CI (scripts/chaos.ts): 20 files through `baocao watch` and three
// `baocao worker` child processes on real PostgreSQL and a private redis-server, with four faults
// — kill -9 of a worker mid-job, Redis killed and restarted, PostgreSQL unreachable for 3 s, a
// worker stopped with SIGTERM and replaced. Nothing lost, nothing stored twice.
import { describe, expect, it } from 'vitest';
import { formatReport, runChaos } from '../scripts/chaos.ts';

describe('chaos (real queue, worker processes, faults)', () => {
  it('20 files, 4 faults: every file accounted for exactly once', async () => {
    const lines: string[] = [];
    const report = await runChaos({ files: 20, faults: 4, workers: 3, concurrency: 2, faultSpacingMs: 2500, log: (l) => lines.push(l) });
    const shown = `${lines.join('\n')}\n${formatReport(report)}`;
    expect(report.lost, shown).toBe(0);
    expect(report.storedTwice, shown).toBe(0);
    expect(report.stillInInbox, shown).toBe(0);
    expect(report.problems, shown).toEqual([]);
    expect(report.ok).toBe(true);

    const placed = Object.values(report.folders).reduce((a, b) => a + b, 0);
    expect(placed, shown).toBe(report.dropped);
    expect(report.folders.duplicates, shown).toBe(report.copies);
    expect(report.folders.failed, shown).toBeGreaterThanOrEqual(report.bad);
    expect(report.reportRows, shown).toBe(report.folders.processed);
    expect(report.faults.map((f) => f.kind), shown).toEqual(['kill-worker', 'redis-restart', 'pg-cut', 'worker-restart']);

    // kill -9 mid-job: another worker finished the killed worker's jobs
    const kill = report.faults[0]!;
    const killedPid = Number(/worker (\d+)/.exec(kill.detail)![1]);
    for (const [job, pid] of Object.entries(kill.finishedBy ?? {})) {
      expect(pid, `${job}\n${shown}`).not.toBeNull();
      expect(pid, shown).not.toBe(killedPid);
    }
    // SIGTERM: the worker exits cleanly and starts nothing after the signal
    const graceful = report.faults[3]!.graceful!;
    expect(graceful.exitCode, shown).toBe(0);
    expect(graceful.startedAfterSignal, shown).toBe(0);
  }, 180_000);
});

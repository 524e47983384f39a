// Child processes for the benchmark, timed from outside: wall seconds and peak RSS (GNU time's
// maximum resident set size of the process — threads included, its own children not).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p)) ?? null;

export interface Timed {
  seconds: number;
  /** Peak RSS in bytes; null without GNU time. */
  rss: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  /** Resolves when the process ends. */
  done: Promise<Timed>;
}

let seq = 0;

/** Starts `cmd args` under GNU time. */
export function start(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, opts: { onStderr?: (s: string) => void } = {}): Started {
  const out = path.join(tmpdir(), `baocao-bench-time-${process.pid}-${seq++}`);
  const argv = GNU_TIME ? [GNU_TIME, '-f', '%e %M', '-o', out, cmd, ...args] : [cmd, ...args];
  const t0 = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    opts.onStderr?.(d.toString());
  });
  const done = new Promise<Timed>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', async (code) => {
      const seconds = (performance.now() - t0) / 1000;
      let rss: number | null = null;
      if (GNU_TIME) {
        const line = (await readFile(out, 'utf8').catch(() => '')).trim().split('\n').pop() ?? '';
        const kb = Number(line.split(' ')[1]);
        rss = Number.isFinite(kb) ? kb * 1024 : null;
        await rm(out, { force: true });
      }
      resolve({ seconds, rss, code, stdout, stderr });
    });
  });
  return { child, done };
}

/** Sends a signal to the command itself (under GNU time: time's child; time would die of it and
 *  leave the command running). */
export function signal(s: Started, sig: NodeJS.Signals): void {
  const pid = s.child.pid;
  if (pid === undefined || s.child.exitCode !== null) return;
  if (!GNU_TIME) {
    s.child.kill(sig);
    return;
  }
  let inner: number[] = [];
  try {
    inner = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    /* already gone */
  }
  for (const p of inner) process.kill(p, sig);
}

export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Timed> {
  return start(cmd, args, env).done;
}

export const hasGnuTime = GNU_TIME !== null;

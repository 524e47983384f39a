// Running an external tool (pdftoppm, tesseract) under a deadline it cannot outlive.
//
// Parsing runs in a worker thread that is terminated at the file's deadline (src/parse/isolated.ts);
// terminating a thread does not end the processes it started, and its timers die with it. So each
// tool runs under coreutils `timeout -k`, which ends it by itself, in a process group of its own
// that our timer kills as a whole (SIGKILL) when it fires first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ToolResult {
  stdout: Buffer;
  stderr: string;
}

/** The tool is not installed (ENOENT, or exit 127 from `timeout`). */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool}: not installed`);
    this.name = 'ToolMissingError';
  }
}

/** The tool did not finish within its time. */
export class ToolTimeoutError extends Error {
  constructor(readonly tool: string, readonly ms: number) {
    super(`${tool}: no result after ${ms} ms`);
    this.name = 'ToolTimeoutError';
  }
}

export class ToolFailedError extends Error {
  constructor(readonly tool: string, readonly exitCode: number | null, readonly stderr: string) {
    super(`${tool} exited with ${exitCode}: ${stderr.trim().split('\n').pop() ?? ''}`.slice(0, 300));
    this.name = 'ToolFailedError';
  }
}

const TIMEOUT_BIN = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p)) ?? null;
const MAX_OUTPUT = 64 * 1024 * 1024;

export interface RunOptions {
  timeoutMs: number;
  /** Written to the tool's stdin (then closed). */
  input?: Uint8Array;
  env?: NodeJS.ProcessEnv;
}

export function runTool(cmd: string, args: string[], opts: RunOptions): Promise<ToolResult> {
  const ms = Math.max(1, Math.round(opts.timeoutMs));
  // `timeout` ends the tool at its deadline even if this thread is gone; -k: SIGKILL 2 s after SIGTERM.
  const [file, argv] = TIMEOUT_BIN
    ? [TIMEOUT_BIN, ['-k', '2', `${(ms / 1000).toFixed(3)}s`, cmd, ...args]]
    : [cmd, args];
  return new Promise<ToolResult>((resolve, reject) => {
    let settled = false;
    const child = spawn(file, argv, {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // its own process group, killed as a whole below
      env: opts.env ?? process.env,
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const finish = (e: Error | null, r?: ToolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) {
        killGroup();
        reject(e);
      } else resolve(r!);
    };
    const timer = setTimeout(() => finish(new ToolTimeoutError(cmd, ms)), ms + 500);
    child.stdout.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (outBytes > MAX_OUTPUT) finish(new ToolFailedError(cmd, null, 'output too large'));
      else out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 16_384) err += d.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ENOENT' ? new ToolMissingError(cmd) : e));
    child.on('close', (code, signal) => {
      if (code === 0) return finish(null, { stdout: Buffer.concat(out), stderr: err });
      if (TIMEOUT_BIN && code === 127) return finish(new ToolMissingError(cmd));
      if (TIMEOUT_BIN && (code === 124 || code === 137)) return finish(new ToolTimeoutError(cmd, ms));
      if (signal === 'SIGKILL' || signal === 'SIGTERM') return finish(new ToolTimeoutError(cmd, ms));
      finish(new ToolFailedError(cmd, code, err));
    });
    child.stdin.on('error', () => { /* EPIPE: the tool ended first; its exit code tells */ });
    if (opts.input) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

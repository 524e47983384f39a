// Runs one exported function of a module in worker threads with bounded memory and time, so
// that one hostile or pathological file cannot hang or exhaust the process that parses it:
//   - each thread has a V8 heap limit (resourceLimits.maxOldGenerationSizeMb): running out of it
//     ends that thread only (ERR_WORKER_OUT_OF_MEMORY) → BaocaoError MEMORY_LIMIT;
//   - each call has a deadline, counted from when a thread takes it: past it the thread is
//     terminated (an aborted piscina task) → BaocaoError TIMEOUT;
//   - the process's own event loop stays free meanwhile (BullMQ keeps renewing its job locks).
// The threads are piscina's: started on demand up to maxThreads, reused (the module, and what
// it caches — the registry — is loaded once per thread), unref'd while idle and ended after
// idleTimeoutMs unused. Calls beyond maxThreads wait here, so that their deadline only starts
// once a thread is free. The thread runs src/parse/thread.mjs, which loads the module (through
// tsx when it is TypeScript: Node 20 does not carry the parent's loader hooks into threads).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { BaocaoError, type ErrorCode, ERROR_MESSAGES } from '../errors.ts';

export interface IsolatedPoolOptions {
  /** URL of the module (file:, data:); `.ts` modules are loaded through tsx. */
  moduleUrl: string;
  /** The exported (async) function to call with the arguments of run(). */
  exportName: string;
  timeoutMs: number;
  memoryMb: number;
  /** Default 4. Calls beyond wait for a free thread. */
  maxThreads?: number;
  /** An idle thread ends after this long (default 30 s); a new one starts when work comes. */
  idleTimeoutMs?: number;
}

export interface IsolatedPool {
  /** Calls the function in a thread. Its errors come back as BaocaoError when they were one
   *  (code + detail), otherwise as an Error with the thread's message. */
  run<T>(args: unknown[]): Promise<T>;
  /** Threads now running. */
  readonly size: number;
  close(): Promise<void>;
}

/** The thread could not start (loader missing, module failed to load): not the file's fault. */
export class IsolationUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IsolationUnavailableError';
  }
}

type Reply =
  | { fatal: string }
  | { ok: true; value: unknown }
  | { ok: false; error: { name?: string; code?: string; detail?: string; message: string } };

const THREAD_FILE = fileURLToPath(new URL('./thread.mjs', import.meta.url));

let loaderMemo: string | null | undefined;

/** file:// URL of tsx's ESM API (its package.json "exports"), or null when tsx is not installed. */
function tsxLoaderUrl(): string | null {
  if (loaderMemo !== undefined) return loaderMemo;
  try {
    const require = createRequire(import.meta.url);
    const pkgFile = require.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: Record<string, unknown> };
    const entry = pkg.exports?.['./esm/api'] as { import?: { default?: string } | string } | undefined;
    const rel = typeof entry?.import === 'string' ? entry.import : entry?.import?.default;
    const file = rel ? path.join(path.dirname(pkgFile), rel) : null;
    loaderMemo = file && existsSync(file) ? pathToFileURL(file).href : null;
  } catch {
    loaderMemo = null;
  }
  return loaderMemo;
}

export function createIsolatedPool(opts: IsolatedPoolOptions): IsolatedPool {
  const maxThreads = opts.maxThreads ?? 4;
  const needsLoader = /\.[cm]?ts$/.test(new URL(opts.moduleUrl).pathname);
  const loader = needsLoader ? tsxLoaderUrl() : null;
  let piscina: Piscina | null = null;
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  const pool = (): Piscina => {
    if (needsLoader && !loader) throw new IsolationUnavailableError('tsx is needed to load TypeScript in a thread');
    piscina ??= new Piscina({
      filename: THREAD_FILE,
      name: 'run',
      workerData: { loader, moduleUrl: opts.moduleUrl, exportName: opts.exportName },
      minThreads: 0,
      maxThreads,
      idleTimeout: opts.idleTimeoutMs ?? 30_000,
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb },
      // A thread's console output is not the command's.
      stdout: false,
      stderr: false,
    } as ConstructorParameters<typeof Piscina>[0]);
    return piscina;
  };

  /** Resolves when a thread is free for one more call (this pool's own queue). */
  const slot = (): Promise<void> => {
    if (running < maxThreads) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const call = async <T>(args: unknown[]): Promise<T> => {
    const p = pool();
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, opts.timeoutMs);
    let reply: Reply;
    try {
      reply = (await p.run({ args }, { signal: abort.signal })) as Reply;
    } catch (err) {
      const e = err as Error & { code?: string };
      if (timedOut) throw new BaocaoError('TIMEOUT', `${Math.round(opts.timeoutMs / 100) / 10} s`, { cause: e });
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new BaocaoError('MEMORY_LIMIT', `${opts.memoryMb} MB`, { cause: e });
      if (closed) throw new Error('isolated pool is closed');
      throw e;
    } finally {
      clearTimeout(timer);
    }
    if ('fatal' in reply) throw new IsolationUnavailableError(`thread failed to start: ${reply.fatal.split('\n')[0]}`);
    if (reply.ok) return reply.value as T;
    const e = reply.error;
    if (e.name === 'BaocaoError' && e.code && e.code in ERROR_MESSAGES) throw new BaocaoError(e.code as ErrorCode, e.detail);
    const err = new Error(e.message);
    if (e.name) err.name = e.name;
    throw err;
  };

  return {
    async run<T>(args: unknown[]): Promise<T> {
      if (closed) throw new Error('isolated pool is closed');
      await slot();
      try {
        if (closed) throw new Error('isolated pool is closed');
        return await call<T>(args);
      } finally {
        release();
      }
    },
    get size() {
      return piscina?.threads.length ?? 0;
    },
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w();
      const p = piscina;
      piscina = null;
      await p?.destroy();
    },
  };
}

// The module piscina runs in each parsing thread (src/parse/isolated.ts). Plain JavaScript, so
// that it loads without a compiler: it registers tsx first when the module it serves is
// TypeScript (tests, or `baocao` run from its sources), loads that module once per thread, and
// answers each task with { ok, value } or { ok: false, error } (a BaocaoError's code and detail
// survive the trip; a thrown Error would lose them in the structured clone).
import { workerData } from 'node:worker_threads';

const { loader, moduleUrl, exportName } = workerData;

async function load() {
  if (loader) (await import(loader)).register();
  const mod = await import(moduleUrl);
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`no function ${exportName} in ${moduleUrl}`);
  return fn;
}

let fnPromise;

/** One task: { args } → { ok: true, value } | { ok: false, error } | { fatal } (module failed to load). */
export async function run(task) {
  fnPromise ??= load();
  let fn;
  try {
    fn = await fnPromise;
  } catch (err) {
    return { fatal: String((err && err.stack) || err) };
  }
  try {
    return { ok: true, value: await fn(...task.args) };
  } catch (err) {
    const e = err || {};
    return {
      ok: false,
      error: {
        name: e.name,
        code: typeof e.code === 'string' ? e.code : undefined,
        detail: typeof e.detail === 'string' ? e.detail : undefined,
        message: String(e.message || e),
      },
    };
  }
}

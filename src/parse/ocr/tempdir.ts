// A private temporary folder per OCR call, removed afterwards. A parse thread terminated at its
// deadline runs no `finally`: its folder is left behind, so each new call first removes the
// folders of processes that no longer exist, and folders untouched for longer than any OCR call
// can go without writing a page into them (each rendered page changes the folder's mtime).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'baocao-ocr-';
const MAX_IDLE_MS = 15 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes folders left by earlier calls that can no longer be in use. */
export async function sweepStale(base = tmpdir()): Promise<number> {
  let removed = 0;
  const names = await readdir(base).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    const dir = join(base, name);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) continue;
    const old = Date.now() - info.mtimeMs > MAX_IDLE_MS;
    if (old || (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid))) {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

/** Runs `fn` with a new private folder, removed when it ends (whatever the outcome). */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>, base = tmpdir()): Promise<T> {
  await sweepStale(base);
  const dir = await mkdtemp(join(base, `${PREFIX}${process.pid}-`));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

// An exclusive lockfile for the embedded database's data dir. PGlite has no lock between
// processes: two processes on the same data dir corrupt it. The lock records pid + host;
// a lock left by a process that no longer runs on this host is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class DataDirLockedError extends Error {
  readonly lockPath: string;
  readonly holder: LockInfo | null;
  constructor(lockPath: string, holder: LockInfo | null) {
    const who = holder
      ? `tiến trình ${holder.pid} trên máy ${holder.hostname}, từ ${holder.startedAt}`
      : 'một tiến trình khác';
    super(
      `Cơ sở dữ liệu nhúng đang được ${who} sử dụng (khóa ${lockPath}). ` +
        'Chạy watcher, worker và API trong cùng một tiến trình, hoặc dùng DATABASE_URL (PostgreSQL). ' +
        `[data dir locked by ${holder ? `pid ${holder.pid}@${holder.hostname}` : 'another process'}; ` +
        `if that process is gone, delete ${lockPath}]`,
    );
    this.name = 'DataDirLockedError';
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface HeldLock {
  readonly path: string;
  release(): void;
}

/** Takes the lock at `lockPath` (creating its directory) or throws DataDirLockedError. */
export function acquireLock(lockPath: string, dir: string): HeldLock {
  mkdirSync(dir, { recursive: true });
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockPath, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(lockPath);
      if (attempt === 0 && holder && holder.hostname === info.hostname && !isAlive(holder.pid)) {
        try {
          unlinkSync(lockPath); // stale: its process is gone
        } catch {
          /* another process took it over first; retry decides */
        }
        continue;
      }
      throw new DataDirLockedError(lockPath, holder);
    }
    try {
      writeSync(fd, JSON.stringify(info));
    } finally {
      closeSync(fd);
    }
    return holdLock(lockPath);
  }
}

function holdLock(lockPath: string): HeldLock {
  let held = true;
  const onExit = () => release();
  function release() {
    if (!held) return;
    held = false;
    process.off('exit', onExit);
    try {
      unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  }
  process.on('exit', onExit);
  return { path: lockPath, release };
}

function readLock(lockPath: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? '?') };
  } catch {
    return null; // half-written or unreadable: treat as held
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

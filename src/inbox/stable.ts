// "Completely written": a file whose size and mtime have not changed for `stableMs` AND that no
// process holds open for writing (writers.ts). A file being copied over a slow share or saved
// by Word grows and gets a new mtime as it is written; a writer may also pause longer than the
// window with the file still open — it is handed on only once both stayed put for the whole
// window and the writer has closed it. Where open handles cannot be seen (no /proc), the window
// is three times as long (and the pipeline checks the sha256 again before it records and moves).
// A symlink is never tracked: it is reported (onSymlink) and left alone.
import { lstat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isOpenForWriting } from './writers.ts';

/** Without a way to see writers, the window is this many times longer. */
export const BLIND_WINDOW_FACTOR = 3;

export interface StabilityOptions {
  stableMs: number;
  /** How often a tracked file is stat'ed (ms). Default stableMs / 4, between 50 and 500. */
  pollMs?: number;
  onStable: (file: string, st: Stats) => void;
  /** A tracked path turned out to be a symbolic link (not followed, not handed on). */
  onSymlink?: (file: string) => void;
  /** Whether someone holds the file open for writing (null: cannot tell). Default: /proc (writers.ts). */
  openForWriting?: (file: string) => Promise<boolean | null>;
}

interface Tracked {
  size: number;
  mtimeMs: number;
  since: number;
  timer: NodeJS.Timeout | null;
}

const isSymlink = (st: Stats) => st.isSymbolicLink();

export class StabilityTracker {
  private readonly tracked = new Map<string, Tracked>();
  private readonly pollMs: number;
  private closed = false;

  constructor(private readonly opts: StabilityOptions) {
    this.pollMs = opts.pollMs ?? Math.min(500, Math.max(50, Math.round(opts.stableMs / 4)));
  }

  /** A file appeared or changed: (re)start watching it. */
  touch(file: string): void {
    if (this.closed) return;
    const t = this.tracked.get(file);
    if (t) {
      t.since = Date.now(); // an event means it changed: the window starts again
      return;
    }
    const entry: Tracked = { size: -1, mtimeMs: -1, since: Date.now(), timer: null };
    this.tracked.set(file, entry);
    void this.check(file, entry);
  }

  /** A file disappeared. */
  forget(file: string): void {
    const t = this.tracked.get(file);
    if (t?.timer) clearTimeout(t.timer);
    this.tracked.delete(file);
  }

  /** Files not yet stable. */
  get pending(): number {
    return this.tracked.size;
  }

  close(): void {
    this.closed = true;
    for (const t of this.tracked.values()) if (t.timer) clearTimeout(t.timer);
    this.tracked.clear();
  }

  private async check(file: string, t: Tracked): Promise<void> {
    t.timer = null;
    if (this.closed || this.tracked.get(file) !== t) return;
    const st = await lstat(file).catch(() => null);
    if (this.closed || this.tracked.get(file) !== t) return;
    if (!st || !st.isFile()) {
      this.tracked.delete(file);
      if (st && isSymlink(st)) this.opts.onSymlink?.(file);
      return;
    }
    let now = Date.now();
    let window = this.opts.stableMs;
    if (st.size !== t.size || st.mtimeMs !== t.mtimeMs) {
      t.size = st.size;
      t.mtimeMs = st.mtimeMs;
      t.since = now;
    } else if (now - t.since >= window) {
      const writing = await (this.opts.openForWriting ?? isOpenForWriting)(file);
      if (this.closed || this.tracked.get(file) !== t) return;
      now = Date.now();
      if (writing === true) {
        t.since = now; // still open for writing: a whole window again once it is closed
      } else if (writing === null && now - t.since < this.opts.stableMs * BLIND_WINDOW_FACTOR) {
        window = this.opts.stableMs * BLIND_WINDOW_FACTOR; // cannot see writers here: wait longer
      } else {
        this.tracked.delete(file);
        this.opts.onStable(file, st);
        return;
      }
    }
    const wait = Math.max(10, Math.min(this.pollMs, window - (now - t.since)));
    t.timer = setTimeout(() => void this.check(file, t), wait);
  }
}

// "Completely written": a file whose size and mtime have not changed for `stableMs`. A file
// being copied over a slow share or saved by Word grows and gets a new mtime as it is written;
// it is handed on only once both stayed put for the whole window.
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export interface StabilityOptions {
  stableMs: number;
  /** How often a tracked file is stat'ed (ms). Default stableMs / 4, between 50 and 500. */
  pollMs?: number;
  onStable: (file: string, st: Stats) => void;
}

interface Tracked {
  size: number;
  mtimeMs: number;
  since: number;
  timer: NodeJS.Timeout | null;
}

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
    const st = await stat(file).catch(() => null);
    if (this.closed || this.tracked.get(file) !== t) return;
    if (!st || !st.isFile()) {
      this.tracked.delete(file);
      return;
    }
    const now = Date.now();
    if (st.size !== t.size || st.mtimeMs !== t.mtimeMs) {
      t.size = st.size;
      t.mtimeMs = st.mtimeMs;
      t.since = now;
    } else if (now - t.since >= this.opts.stableMs) {
      this.tracked.delete(file);
      this.opts.onStable(file, st);
      return;
    }
    const wait = Math.max(10, Math.min(this.pollMs, this.opts.stableMs - (now - t.since)));
    t.timer = setTimeout(() => void this.check(file, t), wait);
  }
}

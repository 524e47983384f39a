// Watches an inbox folder (and its subfolders) and hands on each file once it is completely
// written: size and mtime unchanged for `stableMs` (stable.ts). Events come from chokidar
// (inotify, or polling for network shares where inotify events never arrive); a full rescan
// every `rescanMs` catches what events missed and re-offers files still waiting (after a queue
// outage, say) — handing a file on twice is harmless: enqueueing is idempotent per drop.
// Outcome folders (processed/, failed/, duplicates/, not-a-report/) and editor/OS side files
// are ignored — except a file in failed/ whose content changed since it failed (its
// .error.json names another sha256): the start and every rescan offer it again. Symbolic links
// are never followed: each is reported once (onSymlink) and left in place. Names are used as the
// file system gives them (NFC or NFD alike).
import type { Stats } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnored, listChangedFailed, listInbox, oncePerLink, OUTCOME_FOLDERS } from './scan.ts';
import { StabilityTracker } from './stable.ts';

export interface WatchOptions {
  /** How long size and mtime must stay unchanged before a file counts as written (ms). Default 2000. */
  stableMs?: number;
  /** Poll instead of inotify (network shares). */
  usePolling?: boolean;
  /** Full rescan every … ms; 0 = never. Default 60 000. */
  rescanMs?: number;
  /** Errors of the watcher itself (a folder that cannot be read …). */
  onError?: (err: Error) => void;
  /** A symlink in the inbox (reported once per link; never followed, read or moved). */
  onSymlink?: (file: string) => void;
}

export interface InboxWatcher {
  /** Resolves after the initial scan. */
  ready: Promise<void>;
  /** Offers every file of the inbox again (each once stable). */
  rescan(): Promise<void>;
  close(): Promise<void>;
}

export function watchInbox(dir: string, onFile: (file: string, st: Stats) => void, opts: WatchOptions = {}): InboxWatcher {
  const root = path.resolve(dir);
  const onError = opts.onError ?? ((err: Error) => process.stderr.write(`[inbox] ${err.message}\n`));
  const onSymlink = oncePerLink(opts.onSymlink ?? ((file: string) => process.stderr.write(`[inbox] symlink ignored: ${file}\n`)));
  const tracker = new StabilityTracker({ stableMs: opts.stableMs ?? 2000, onStable: onFile, onSymlink });
  const ignored = (p: string) => {
    const rel = path.relative(root, p);
    if (!rel) return false;
    if (rel.startsWith('..')) return true;
    const first = rel.split(path.sep)[0]!;
    return (OUTCOME_FOLDERS as readonly string[]).includes(first) || isIgnored(path.basename(p));
  };
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: false,
    usePolling: opts.usePolling ?? false,
    interval: 1000,
    ignored,
    followSymlinks: false, // a symlink comes as an 'add' of the link itself; the tracker reports it
  });
  watcher.on('add', (file: string) => tracker.touch(file));
  watcher.on('change', (file: string) => tracker.touch(file));
  watcher.on('unlink', (file: string) => tracker.forget(file));
  watcher.on('error', (err: unknown) => onError(err instanceof Error ? err : new Error(String(err))));
  const rescan = async () => {
    try {
      for (const file of await listInbox(root, { onSymlink })) tracker.touch(file);
      for (const file of await listChangedFailed(root, { onSymlink })) tracker.touch(file);
    } catch (err) {
      onError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const ready = new Promise<void>((resolve) =>
    watcher.once('ready', () => {
      // Files that changed in failed/ while nobody watched.
      void listChangedFailed(root, { onSymlink })
        .then((files) => files.forEach((f) => tracker.touch(f)), (err: unknown) => onError(err instanceof Error ? err : new Error(String(err))))
        .finally(() => resolve());
    }),
  );
  const rescanMs = opts.rescanMs ?? 60_000;
  const timer = rescanMs > 0 ? setInterval(() => void rescan(), rescanMs) : null;

  return {
    ready,
    rescan,
    async close() {
      if (timer) clearInterval(timer);
      tracker.close();
      await watcher.close();
    },
  };
}

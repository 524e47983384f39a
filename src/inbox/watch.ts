// Watches an inbox folder and hands each new, completely written file to a callback once.
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnored, OUTCOME_FOLDERS } from './scan.ts';

export interface WatchOptions {
  /** How long size and mtime must stay unchanged before a file counts as written (ms). */
  stableMs?: number;
  /** Poll instead of inotify (network shares). */
  usePolling?: boolean;
}

export function watchInbox(dir: string, onFile: (file: string) => void, opts: WatchOptions = {}): FSWatcher {
  const root = path.resolve(dir);
  const watcher = watch(root, {
    ignoreInitial: false,
    usePolling: opts.usePolling ?? false,
    awaitWriteFinish: { stabilityThreshold: opts.stableMs ?? 1000, pollInterval: 100 },
    ignored: (p: string) => {
      const rel = path.relative(root, p);
      if (!rel) return false;
      const first = rel.split(path.sep)[0]!;
      return (OUTCOME_FOLDERS as readonly string[]).includes(first) || isIgnored(path.basename(p));
    },
  });
  watcher.on('add', (file: string) => onFile(file));
  return watcher;
}

// Lists the report files of an inbox folder (recursively), skipping what is not a received file.
// Symbolic links — to files or to folders — are never followed nor listed: they are reported
// (onSymlink) and left where they are. The watcher, `watch --once`, `serve` and `ingest` all list
// through here, so they agree.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256OfFile } from './identity.ts';

/** Folders the pipeline writes into, inside an inbox (never scanned for new files). */
export const OUTCOME_FOLDERS = ['processed', 'failed', 'duplicates', 'not-a-report'] as const;
export type OutcomeFolder = (typeof OUTCOME_FOLDERS)[number];

/** Editor lock files, OS metadata and our own side files are never reports. */
export function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.startsWith('._') ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini' ||
    name.endsWith('.error.json') ||
    name.endsWith('.expected.json') ||
    name.endsWith('.tmp') ||
    name.endsWith('.part')
  );
}

export interface ListOptions {
  /** A symlink found in the inbox (not followed, not listed). */
  onSymlink?: (file: string) => void;
}

export async function listInbox(dir: string, opts: ListOptions = {}): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string, depth: number): Promise<void> {
    // A subfolder may vanish (moved away) between listing and walking it.
    const entries = await readdir(d, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (depth > 0 && err.code === 'ENOENT') return [];
      throw err;
    });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (isIgnored(e.name)) continue;
      const full = path.join(d, e.name);
      if (e.isSymbolicLink()) {
        opts.onSymlink?.(full);
      } else if (e.isDirectory()) {
        if (depth === 0 && (OUTCOME_FOLDERS as readonly string[]).includes(e.name)) continue;
        await walk(full, depth + 1);
      } else if (e.isFile()) {
        out.push(full);
      }
    }
  }
  await walk(dir, 0);
  return out;
}

/** The line staff see for a symlink found in an inbox (once per link). */
export function symlinkLine(rel: string): string {
  return `${rel}: bỏ qua — liên kết tượng trưng (symlink), không đọc, không chuyển; hãy chép tệp thật vào thư mục nhận`;
}

/** Reports each symlink once per process run (the watcher re-lists the inbox on every rescan). */
export function oncePerLink(report: (file: string) => void): (file: string) => void {
  const seen = new Set<string>();
  return (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    report(file);
  };
}

/**
 * Files in <inbox>/failed/ whose content changed since they failed — their .error.json names
 * another sha256 (a slow writer went on writing into the moved file, or staff replaced it there).
 * They are taken again, like a new drop. A file not newer than its note is not even read.
 */
export async function listChangedFailed(inbox: string, opts: ListOptions = {}): Promise<string[]> {
  const root = path.join(path.resolve(inbox), 'failed');
  const top = await lstat(root).catch(() => null);
  if (!top?.isDirectory()) return [];
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isSymbolicLink()) {
        opts.onSymlink?.(full);
      } else if (e.isDirectory()) {
        await walk(full);
      } else if (e.isFile() && !isIgnored(e.name)) {
        if (await changedSinceNote(full)) out.push(full);
      }
    }
  }
  await walk(root);
  return out.sort((a, b) => a.localeCompare(b));
}

async function changedSinceNote(file: string): Promise<boolean> {
  const noteFile = `${file}.error.json`;
  const [st, noteSt] = await Promise.all([lstat(file).catch(() => null), lstat(noteFile).catch(() => null)]);
  if (!st?.isFile() || !noteSt?.isFile() || st.mtimeMs <= noteSt.mtimeMs) return false;
  let noted: string | undefined;
  try {
    noted = (JSON.parse(await readFile(noteFile, 'utf8')) as { sha256?: string }).sha256;
  } catch {
    return false;
  }
  if (!noted) return false;
  return (await sha256OfFile(file).catch(() => noted)) !== noted;
}

// Moving a processed file out of the inbox, into the folder of its outcome:
//   INBOX/a/b/x.docx → INBOX/processed/a/b/x.docx   (or failed/, duplicates/, not-a-report/)
// keeping its subpath, never overwriting ("x (1).docx" on a clash), bytes untouched (a hard link
// then an unlink, or a rename; a copy with COPYFILE_EXCL only across devices). Beside a failed
// or not-a-report file: "x.docx.error.json" {code, message, file, time, sha256}.
// Idempotent: moving a file that another attempt already moved finds it (same inode at the
// destination, or the source gone and findMoved locating it by subpath and sha256).
// Never through a symlink: the file must be a regular file whose folder lies inside the inbox's
// real path, and every folder on the way to the destination is checked (created when missing,
// refused when it is a symlink) — see safe.ts.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessStatus } from '../queue/types.ts';
import { displayName, sha256OfFile } from './identity.ts';
import { assertFolderInside, assertMovable, outsideError } from './safe.ts';
import { OUTCOME_FOLDERS, type OutcomeFolder } from './scan.ts';

export const FOLDER_OF: Record<ProcessStatus, OutcomeFolder> = {
  processed: 'processed',
  failed: 'failed',
  duplicate: 'duplicates',
  not_a_report: 'not-a-report',
};

export const STATUS_OF: Record<OutcomeFolder, ProcessStatus> = {
  processed: 'processed',
  failed: 'failed',
  duplicates: 'duplicate',
  'not-a-report': 'not_a_report',
};

export interface ErrorNote {
  code: string;
  /** The reason, in Vietnamese, one line. */
  message: string;
  /** The file's path in the inbox (NFC), as dropped. */
  file: string;
  /** ISO time of the decision. */
  time: string;
  sha256?: string;
}

/** The file's path relative to the inbox (its base name when it is not inside the inbox). A file
 *  in an outcome folder (failed/a/x.docx, retried after its content changed) keeps its subpath
 *  there (a/x.docx). */
export function inboxSubpath(inbox: string, file: string): string {
  const rel = path.relative(path.resolve(inbox), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return path.basename(file);
  const [first, ...rest] = rel.split(path.sep);
  return rest.length && (OUTCOME_FOLDERS as readonly string[]).includes(first!) ? rest.join(path.sep) : rel;
}

/** Creates the folders from the inbox down to `dir` one by one, refusing a symlink or a file on
 *  the way (so nothing is ever created or moved outside the inbox). */
async function ensureFolderInside(inbox: string, dir: string): Promise<void> {
  const root = path.resolve(inbox);
  const rel = path.relative(root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw outsideError(dir);
  let current = root;
  for (const part of rel ? rel.split(path.sep) : []) {
    current = path.join(current, part);
    const st = await lstat(current).catch(() => null);
    if (!st) {
      await mkdir(current).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      const made = await lstat(current);
      if (!made.isDirectory()) throw outsideError(current);
    } else if (!st.isDirectory()) {
      throw outsideError(current); // a symlink (or a file) where a folder should be
    }
  }
  await assertFolderInside(inbox, dir);
}

function candidateName(base: string, n: number): string {
  if (n === 0) return base;
  const ext = path.extname(base);
  const stem = ext && ext !== base ? base.slice(0, -ext.length) : base;
  return `${stem} (${n})${ext}`;
}

const isCode = (err: unknown, ...codes: string[]) => codes.includes((err as NodeJS.ErrnoException)?.code ?? '');

/**
 * Moves `file` into <inbox>/<folder>/<subpath>; returns where it went. Throws ENOENT when the
 * file is gone (the caller then looks for it with findMoved).
 */
export async function moveIntoFolder(inbox: string, file: string, folder: OutcomeFolder): Promise<string> {
  const rel = inboxSubpath(inbox, file);
  const dir = path.join(path.resolve(inbox), folder, path.dirname(rel));
  const base = path.basename(rel);
  const src = await assertMovable(inbox, file);
  await ensureFolderInside(inbox, dir);
  // Already where it belongs (a file retried from failed/ that failed again).
  if (path.resolve(file) === path.join(dir, base)) return path.resolve(file);
  for (let n = 0; n < 10_000; n++) {
    const dest = path.join(dir, candidateName(base, n));
    try {
      await link(file, dest); // atomic, never replaces an existing name
    } catch (err) {
      if (isCode(err, 'EEXIST')) {
        // Moved there before by an attempt that stopped short of removing the source?
        const there = await lstat(dest).catch(() => null);
        if (there && there.ino === src.ino && there.dev === src.dev) {
          await unlink(file).catch((e: unknown) => { if (!isCode(e, 'ENOENT')) throw e; });
          return dest;
        }
        continue;
      }
      if (isCode(err, 'ENOENT')) throw err;
      // No hard links here (some network shares) or another device: rename after a check, or copy.
      if (await exists(dest)) continue;
      if (isCode(err, 'EXDEV')) {
        try {
          await copyFile(file, dest, constants.COPYFILE_EXCL);
        } catch (e) {
          if (isCode(e, 'EEXIST')) continue;
          throw e;
        }
      } else {
        await rename(file, dest);
        return dest;
      }
    }
    await unlink(file).catch((e: unknown) => { if (!isCode(e, 'ENOENT')) throw e; });
    return dest;
  }
  throw new Error(`no free name for ${base} in ${dir}`);
}

/** Writes "<dest>.error.json" (atomically: a new temp file — never an existing name, so never
 *  through a planted symlink — renamed over it). */
export async function writeErrorNote(dest: string, note: ErrorNote): Promise<string> {
  const target = `${dest}.error.json`;
  const tmp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(note, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
  await rename(tmp, target);
  return target;
}

/**
 * Where an earlier attempt put this file: <inbox>/<folder>/<subpath> or one of its "(n)"
 * variants whose content has this sha256. Folders in `prefer` are looked at first.
 */
export async function findMoved(
  inbox: string,
  file: string,
  sha256: string,
  prefer: OutcomeFolder[] = [],
): Promise<{ path: string; folder: OutcomeFolder } | null> {
  const rel = inboxSubpath(inbox, file);
  const base = path.basename(rel);
  const ext = path.extname(base);
  const stem = ext && ext !== base ? base.slice(0, -ext.length) : base;
  const variant = new RegExp(`^${escapeRegExp(stem)} \\(\\d+\\)${escapeRegExp(ext)}$`);
  const folders = [...prefer, ...OUTCOME_FOLDERS.filter((f) => !prefer.includes(f))];
  for (const folder of folders) {
    const dir = path.join(path.resolve(inbox), folder, path.dirname(rel));
    if (!(await assertFolderInside(inbox, dir).then(() => true, () => false))) continue; // missing, or a symlink
    const names = await readdir(dir).catch(() => [] as string[]);
    const candidates = names.filter((n) => n === base || variant.test(n)).sort((a, b) => a.length - b.length || a.localeCompare(b));
    for (const name of candidates) {
      const p = path.join(dir, name);
      if ((await sha256OfFile(p).catch(() => null)) === sha256) return { path: p, folder };
    }
  }
  return null;
}

export async function exists(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => null)) !== null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The note for a failed/not-a-report file. */
export function errorNote(inbox: string, file: string, code: string, message: string, sha256?: string): ErrorNote {
  return {
    code,
    message,
    file: displayName(inboxSubpath(inbox, file).split(path.sep).join('/')),
    time: new Date().toISOString(),
    ...(sha256 ? { sha256 } : {}),
  };
}

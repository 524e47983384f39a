// Moving a processed file out of the inbox, into the folder of its outcome:
//   INBOX/a/b/x.docx → INBOX/processed/a/b/x.docx   (or failed/, duplicates/, not-a-report/)
// keeping its subpath, never overwriting ("x (1).docx" on a clash), bytes untouched (a hard link
// then an unlink, or a rename; a copy with COPYFILE_EXCL only across devices). Beside a failed
// or not-a-report file: "x.docx.error.json" {code, message, file, time, sha256}.
// Idempotent: moving a file that another attempt already moved finds it (same inode at the
// destination, or the source gone and findMoved locating it by subpath and sha256).
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessStatus } from '../queue/types.ts';
import { displayName, sha256OfFile } from './identity.ts';
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

/** The file's path relative to the inbox (its base name when it is not inside the inbox). */
export function inboxSubpath(inbox: string, file: string): string {
  const rel = path.relative(path.resolve(inbox), path.resolve(file));
  return !rel || rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel;
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
  await mkdir(dir, { recursive: true });
  const src = await lstat(file);
  for (let n = 0; n < 10_000; n++) {
    const dest = path.join(dir, candidateName(base, n));
    try {
      await link(file, dest); // atomic, never replaces an existing name
    } catch (err) {
      if (isCode(err, 'EEXIST')) {
        // Moved there before by an attempt that stopped short of removing the source?
        const there = await stat(dest).catch(() => null);
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

/** Writes "<dest>.error.json" (atomically: a temp file renamed). */
export async function writeErrorNote(dest: string, note: ErrorNote): Promise<string> {
  const target = `${dest}.error.json`;
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(note, null, 2)}\n`, 'utf8');
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

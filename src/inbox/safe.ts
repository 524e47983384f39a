// Reading received files without ever going through a symbolic link:
//   - the file is opened with O_NOFOLLOW (a symlink as its last component fails with ELOOP) and
//     O_NONBLOCK (a FIFO planted in the inbox cannot hang the reader), and must be a regular file;
//   - inside an inbox, the file actually opened (its path as the kernel knows it, from
//     /proc/self/fd; elsewhere realpath) must lie inside the inbox's real path — a symlinked
//     folder on the way (INBOX/x → /etc) is refused too.
// Everything that reads a received file's bytes (identity, the pipeline, the download) and
// everything that moves one (move.ts) goes through here.
import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BaocaoError } from '../errors.ts';

const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Is `p` the folder `root` or inside it (both real, absolute paths)? */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The inbox's real path (symlinks in the configured path itself are the administrator's choice). */
export async function realInbox(inbox: string): Promise<string> {
  return realpath(path.resolve(inbox));
}

/** The real path of an open file: from /proc/self/fd on Linux (race-free), else realpath(file). */
async function realPathOf(handle: FileHandle, file: string): Promise<string> {
  const link = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => null);
  if (link && path.isAbsolute(link) && !link.endsWith(' (deleted)')) return link;
  return realpath(file);
}

export function symlinkError(file: string): BaocaoError {
  return new BaocaoError('SYMLINK', `${path.basename(file)} là liên kết tượng trưng (symlink)`);
}

export function outsideError(file: string): BaocaoError {
  return new BaocaoError('SYMLINK', `${path.basename(file)} nằm ngoài thư mục nhận (qua liên kết tượng trưng)`);
}

/**
 * Opens a received file for reading: never through a symlink, only a regular file, and with
 * `inbox` only inside its real path. Throws BaocaoError SYMLINK (symlink, or outside the inbox),
 * NOT_FOUND (gone, or not a regular file).
 */
export async function openReceived(file: string, inbox?: string): Promise<{ handle: FileHandle; stats: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw symlinkError(file);
    throw new BaocaoError('NOT_FOUND', (err as Error).message.split('\n')[0], { cause: err });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BaocaoError('NOT_FOUND', `${path.basename(file)} không phải một tệp`);
    if (inbox) {
      const [root, real] = await Promise.all([realInbox(inbox), realPathOf(handle, file)]);
      if (!isInside(root, real)) throw outsideError(file);
    }
    return { handle, stats };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** The whole file (opened as openReceived does); FILE_TOO_LARGE above maxBytes, before reading. */
export async function readReceived(file: string, opts: { inbox?: string; maxBytes?: number; tooLarge?: (size: number) => Error } = {}): Promise<Buffer> {
  const { handle, stats } = await openReceived(file, opts.inbox);
  try {
    if (opts.maxBytes !== undefined && stats.size > opts.maxBytes) {
      throw opts.tooLarge?.(stats.size) ?? new BaocaoError('FILE_TOO_LARGE');
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** What an inbox entry is, without following it: a regular file, a symlink, or something else. */
export async function entryKind(file: string): Promise<'file' | 'symlink' | 'other' | 'gone'> {
  const st = await lstat(file).catch(() => null);
  if (!st) return 'gone';
  if (st.isSymbolicLink()) return 'symlink';
  return st.isFile() ? 'file' : 'other';
}

/**
 * Checks that a file about to be moved (or its folder about to receive one) is what it seems:
 * `file` a regular file, not a symlink; its folder's real path inside the inbox's. Throws SYMLINK.
 */
export async function assertMovable(inbox: string, file: string): Promise<Stats> {
  const st = await lstat(file);
  if (st.isSymbolicLink()) throw symlinkError(file);
  if (!st.isFile()) throw new BaocaoError('NOT_FOUND', `${path.basename(file)} không phải một tệp`);
  await assertFolderInside(inbox, path.dirname(file), file);
  return st;
}

/** Throws SYMLINK when `dir`'s real path is not inside the inbox's (a symlinked folder). */
export async function assertFolderInside(inbox: string, dir: string, file: string = dir): Promise<void> {
  const [root, real] = await Promise.all([realInbox(inbox), realpath(dir)]);
  if (!isInside(root, real)) throw outsideError(file);
}

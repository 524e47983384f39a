// A received file's identity: its sha256, computed from its bytes.
import { createHash } from 'node:crypto';
import { openReceived } from './safe.ts';

export function sha256OfBuffer(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** The sha256 of a file's bytes, read without following a symlink (and, with `inbox`, only
 *  inside it): see safe.ts. */
export async function sha256OfFile(file: string, inbox?: string): Promise<string> {
  const { handle } = await openReceived(file, inbox);
  const hash = createHash('sha256');
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** What identifies one drop of a file (not its content): path, inode, size and times. A copy of
 *  the same content dropped again — even at the same path — gets another key; the same file
 *  seen again by a watcher (restart, rescan) gets the same key. 16 hex digits. */
export function dropKey(file: string, st: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): string {
  return createHash('sha1')
    .update(`${file}\0${st.ino}\0${st.size}\0${Math.round(st.mtimeMs)}\0${Math.round(st.ctimeMs)}`)
    .digest('hex')
    .slice(0, 16);
}

/** Bidirectional-text controls (U+202A–202E embeddings/overrides, U+2066–2069 isolates,
 *  U+200E/200F marks): in a name they make "cod.exe\u202Excod.docx"-style tricks. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

export function stripBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/** A file name as stored and shown: NFC (macOS and some zip tools write NFD), without
 *  bidirectional-text controls. The path on disk is never changed — it is what the file system
 *  knows the file by. */
export function displayName(name: string): string {
  return stripBidi(name.normalize('NFC'));
}

// The one reader of zip containers (.docx, .xlsx) in the parse stage: the central directory
// (names and declared sizes, never the data) and, on demand, one entry inflated with a cap.
// Used by type sniffing (entry names), the zip-bomb check (declared sizes) and the .docx
// numbering rebuild (word/numbering.xml).
import { inflateRawSync } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared. 0xFFFFFFFF (a ZIP64 marker) is kept as is: far above any limit a report needs. */
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, or null when the zip has none we can read (truncated, damaged).
 *  Stops after maxEntries entries. */
export function zipDirectory(buffer: Buffer, maxEntries = Number.POSITIVE_INFINITY): ZipEntryInfo[] | null {
  const eocd = buffer.lastIndexOf(EOCD, Math.max(0, buffer.length - 22));
  if (eocd < 0 || eocd + 22 > buffer.length || eocd < buffer.length - 22 - 65535) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count && entries.length < maxEntries && p + 46 <= buffer.length && buffer.readUInt32LE(p) === CENTRAL; i++) {
    const nameLen = buffer.readUInt16LE(p + 28);
    entries.push({
      name: buffer.toString('utf8', p + 46, Math.min(buffer.length, p + 46 + nameLen)),
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      uncompressedSize: buffer.readUInt32LE(p + 24),
      localOffset: buffer.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return entries.length ? entries : null;
}

/** Entry names from the central directory; for a truncated zip, from the local headers. */
export function zipEntryNames(buffer: Buffer): string[] {
  const dir = zipDirectory(buffer);
  if (dir) return dir.map((e) => e.name);
  const names: string[] = [];
  const sig = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let p = buffer.indexOf(sig); p >= 0 && p + 30 <= buffer.length && names.length < 10_000; p = buffer.indexOf(sig, p + 4)) {
    const nameLen = buffer.readUInt16LE(p + 26);
    names.push(buffer.toString('utf8', p + 30, Math.min(buffer.length, p + 30 + nameLen)));
  }
  return names;
}

/** One entry (stored or deflated), or null when absent or unreadable. The output is capped
 *  (a zip bomb stops at maxBytes). */
export function readZipEntry(buffer: Buffer, name: string, maxBytes = 64 * 1024 * 1024): Buffer | null {
  const entry = zipDirectory(buffer)?.find((e) => e.name === name);
  if (!entry) return null;
  const local = entry.localOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) return null;
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.length <= maxBytes ? Buffer.from(data) : null;
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}

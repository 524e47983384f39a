// The one reader of zip containers (.docx, .xlsx) in the parse stage: the central directory
// (names and declared sizes, never the data) and, on demand, one entry inflated with a cap, or
// every entry inflated once under a running byte budget (inflateAll) — the parts the .docx
// reader (docx/package.ts) and mammoth then read, so nothing after it inflates anything.
// Used by type sniffing (entry names), the zip-bomb checks (declared, then actual sizes) and
// the .docx numbering rebuild (word/numbering.xml). No zip64, no encryption.
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

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Why inflateAll stopped. */
export class ZipInflateError extends Error {
  constructor(
    /** 'lies': an entry inflates to more than its declared size; 'total': the budget is spent. */
    readonly kind: 'lies' | 'total',
    readonly entry: string,
    message: string,
  ) {
    super(message);
    this.name = 'ZipInflateError';
  }
}

export interface Inflated {
  entries: ZipEntry[];
  /** Entries that cannot be inflated (no local header, encrypted, a method other than store or
   *  deflate, damaged data): left out; a reader that needs one reports the file as damaged. */
  unreadable: string[];
}

/**
 * Every entry, inflated once, never more than it declares and never more than `maxTotalBytes` in
 * all: zlib inflates chunk by chunk and stops as soon as its running output passes the entry's cap
 * (maxOutputLength), so a zip whose directory lies (a 1 MB file declaring 100 kB that inflates to
 * 1 GB) costs at most its declared size in memory and time. Null when there is no readable
 * central directory. Throws ZipInflateError.
 */
export function inflateAll(buffer: Buffer, maxTotalBytes: number): Inflated | null {
  const dir = zipDirectory(buffer);
  if (!dir) return null;
  const out: Inflated = { entries: [], unreadable: [] };
  let total = 0;
  for (const e of dir) {
    const local = e.localOffset;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL || buffer.readUInt16LE(local + 6) & 1) {
      out.unreadable.push(e.name);
      continue;
    }
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + e.compressedSize);
    const budget = maxTotalBytes - total;
    const cap = Math.min(e.uncompressedSize, budget);
    let inflated: Buffer | null = null;
    let past = false;
    if (e.method === 0) {
      if (data.length <= cap) inflated = Buffer.from(data);
      else past = true;
    } else if (e.method === 8) {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
        if (inflated.length > cap) past = true; // (a cap of 0 was asked as 1)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') past = true;
      }
    }
    if (past) {
      // Past the cap: past what the entry declares, or past what is left of the budget.
      if (cap === budget && budget < e.uncompressedSize) throw new ZipInflateError('total', e.name, `more than ${maxTotalBytes} bytes inflated`);
      throw new ZipInflateError('lies', e.name, `${e.name} declares ${e.uncompressedSize} bytes and inflates to more`);
    }
    if (!inflated) {
      out.unreadable.push(e.name);
      continue;
    }
    total += inflated.length;
    out.entries.push({ name: e.name, data: inflated });
  }
  return out;
}

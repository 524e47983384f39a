// The one reader of zip containers (.docx, .xlsx) in the parse stage: the central directory
// (names and declared sizes, never the data) and, on demand, one entry inflated with a cap, or
// every entry inflated under a running byte budget (inflateAll) — what mammoth is then given,
// re-packed without compression (writeZip), so that no reader after us inflates anything.
// Used by type sniffing (entry names), the zip-bomb checks (declared, then actual sizes) and
// the .docx numbering rebuild (word/numbering.xml). No zip64, no encryption.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

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
    /** 'lies': an entry inflates to more than its declared size; 'total': the budget is spent;
     *  'unreadable': no directory, a local header missing, a method other than store/deflate, damaged data. */
    readonly kind: 'lies' | 'total' | 'unreadable',
    readonly entry: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ZipInflateError';
  }
}

/**
 * Every entry, inflated, never more than it declares and never more than `maxTotalBytes` in all:
 * zlib inflates chunk by chunk and stops as soon as its running output passes the entry's cap
 * (maxOutputLength), so a zip whose directory lies (a 1 MB file declaring 100 kB that inflates to
 * 1 GB) costs at most its declared size in memory and time. Throws ZipInflateError.
 */
export function inflateAll(buffer: Buffer, maxTotalBytes: number): ZipEntry[] {
  const dir = zipDirectory(buffer);
  if (!dir) throw new ZipInflateError('unreadable', null, 'no readable central directory');
  const out: ZipEntry[] = [];
  let total = 0;
  for (const e of dir) {
    const local = e.localOffset;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) throw new ZipInflateError('unreadable', e.name, `no local header for ${e.name}`);
    if (buffer.readUInt16LE(local + 6) & 1) throw new ZipInflateError('unreadable', e.name, `${e.name} is encrypted`);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + e.compressedSize);
    const budget = maxTotalBytes - total;
    const cap = Math.min(e.uncompressedSize, budget);
    let inflated: Buffer | null = null;
    if (e.method === 0) {
      if (data.length <= cap) inflated = Buffer.from(data);
    } else if (e.method === 8) {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
          throw new ZipInflateError('unreadable', e.name, `${e.name}: ${(err as Error).message}`);
        }
      }
      if (inflated && inflated.length > cap) inflated = null; // (a cap of 0 was asked as 1)
    } else {
      throw new ZipInflateError('unreadable', e.name, `${e.name}: compression method ${e.method}`);
    }
    if (!inflated) {
      // Past the cap: past what the entry declares, or past what is left of the budget.
      if (cap === budget && budget < e.uncompressedSize) throw new ZipInflateError('total', e.name, `more than ${maxTotalBytes} bytes inflated`);
      throw new ZipInflateError('lies', e.name, `${e.name} declares ${e.uncompressedSize} bytes and inflates to more`);
    }
    total += inflated.length;
    out.push({ name: e.name, data: inflated });
  }
  return out;
}

/** A zip of the entries with a fixed timestamp (1 Jan 2024 00:00), UTF-8 names, deflate level 9
 *  or stored (no compression: a reader then inflates nothing). */
export function writeZip(entries: readonly ZipEntry[], opts: { store?: boolean } = {}): Buffer {
  const method = opts.store ? 0 : 8;
  const DOS_TIME = 0;
  const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const comp = opts.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

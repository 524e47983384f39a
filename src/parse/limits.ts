// Limits on untrusted files, checked before any parser sees them:
//   - size on disk (an empty file, a file larger than the limit);
//   - for a zip container (.docx, and anything else with a zip's magic bytes): the central
//     directory's declared sizes — total uncompressed size, compression ratio and entry count —
//     read WITHOUT inflating a single entry, so a zip bomb is refused at the cost of
//     reading a few kilobytes of its directory.
// A zip that lies in its directory (declared small, inflates huge) gets past this check; it is
// stopped while inflating: inflateForParsing inflates each entry once, at most to its declared
// size (and all of them to at most the limit); the .docx reader reads those parts only.
import { loadConfig } from '../config.ts';
import { BaocaoError } from '../errors.ts';
import { inflateAll, zipDirectory, ZipInflateError } from './zip.ts';

export interface FileLimits {
  /** Largest file accepted (bytes). */
  maxFileBytes: number;
  /** Largest declared total uncompressed size of a zip's entries (bytes). */
  maxUnzippedBytes: number;
  /** Time allowed to parse and extract one file (ms). */
  parseTimeoutMs: number;
  /** Heap of the parsing thread (MB). */
  parseMemoryMb: number;
}

/** Above this declared size, a total compression ratio beyond MAX_RATIO is a bomb (real .docx: 3–20×). */
const RATIO_FLOOR_BYTES = 20 * 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 20_000;

export interface ZipDirectory {
  entries: number;
  /** Sums of the sizes the central directory declares. */
  compressedBytes: number;
  uncompressedBytes: number;
}

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5) && (buffer[3] === 4 || buffer[3] === 6);
}

/**
 * Reads a zip's central directory (never its data). Resolves null when there is no readable
 * directory (a truncated or damaged zip: the parser reports it as a broken file).
 */
export async function readZipDirectory(buffer: Buffer, stopAboveBytes = Number.POSITIVE_INFINITY): Promise<ZipDirectory | null> {
  const entries = zipDirectory(buffer, MAX_ENTRIES + 1);
  if (!entries) return null;
  const dir: ZipDirectory = { entries: 0, compressedBytes: 0, uncompressedBytes: 0 };
  for (const e of entries) {
    dir.entries++;
    dir.compressedBytes += e.compressedSize;
    dir.uncompressedBytes += e.uncompressedSize;
    if (dir.uncompressedBytes > stopAboveBytes) break; // enough seen to refuse
  }
  return dir;
}

/** Throws ZIP_BOMB when a zip's declared contents exceed the limits; reads no entry's data. */
export async function checkZip(buffer: Buffer, maxUnzippedBytes: number): Promise<ZipDirectory | null> {
  const dir = await readZipDirectory(buffer, maxUnzippedBytes);
  if (!dir) return null;
  const mb = formatMb;
  if (dir.uncompressedBytes > maxUnzippedBytes) {
    throw new BaocaoError('ZIP_BOMB', `khai báo ${dir.uncompressedBytes > maxUnzippedBytes * 1.05 ? 'hơn ' : ''}${mb(dir.uncompressedBytes)} khi giải nén, giới hạn ${mb(maxUnzippedBytes)}`);
  }
  if (dir.entries > MAX_ENTRIES) throw new BaocaoError('ZIP_BOMB', `hơn ${MAX_ENTRIES} mục trong tệp nén`);
  if (dir.uncompressedBytes > RATIO_FLOOR_BYTES && dir.uncompressedBytes > MAX_RATIO * Math.max(1, dir.compressedBytes)) {
    throw new BaocaoError('ZIP_BOMB', `tỉ lệ nén ${Math.round(dir.uncompressedBytes / Math.max(1, dir.compressedBytes))}:1`);
  }
  return dir;
}

/** "12.3 MB" (one decimal below 10 MB). */
export function formatMb(bytes: number): string {
  const mb = bytes / 1048576;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

export function tooLarge(size: number, max: number): BaocaoError {
  return new BaocaoError('FILE_TOO_LARGE', `${formatMb(size)}, giới hạn ${formatMb(max)}`);
}

/** The checks before parsing: empty, too large, zip bomb. Throws BaocaoError. */
export async function checkLimits(buffer: Buffer, limits: Pick<FileLimits, 'maxFileBytes' | 'maxUnzippedBytes'>): Promise<void> {
  if (buffer.length === 0) throw new BaocaoError('FILE_EMPTY');
  if (buffer.length > limits.maxFileBytes) throw tooLarge(buffer.length, limits.maxFileBytes);
  if (isZip(buffer)) await checkZip(buffer, limits.maxUnzippedBytes);
}

/** BAOCAO_MAX_UNZIPPED_MB's default. */
export const DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

let configuredMax: number | undefined;

/** The environment's BAOCAO_MAX_UNZIPPED_MB (its default when unset or invalid). */
function configuredMaxUnzipped(): number {
  if (configuredMax === undefined) {
    try {
      configuredMax = loadConfig().maxUnzippedBytes;
    } catch {
      configuredMax = DEFAULT_MAX_UNZIPPED_BYTES;
    }
  }
  return configuredMax;
}

/**
 * A .docx's (zip's) parts as its parser reads them: every entry inflated once, each to at most its
 * declared size and all together to at most `maxUnzippedBytes` — stopping as soon as the running
 * output passes either. Null when the zip has no readable directory; entries that cannot be
 * inflated are left out (the parser reports the file as damaged if it needs one). Throws
 * ZIP_BOMB when the zip lies about a size or is too big once inflated.
 */
export function inflateForParsing(buffer: Buffer, maxUnzippedBytes: number = configuredMaxUnzipped()): Map<string, Buffer> | null {
  try {
    const inflated = inflateAll(buffer, maxUnzippedBytes);
    return inflated ? new Map(inflated.entries.map((e) => [e.name, e.data])) : null;
  } catch (err) {
    if (!(err instanceof ZipInflateError)) throw err;
    if (err.kind === 'lies') throw new BaocaoError('ZIP_BOMB', `mục ${err.entry} giải nén ra nhiều hơn dung lượng khai báo`);
    throw new BaocaoError('ZIP_BOMB', `giải nén ra hơn ${formatMb(maxUnzippedBytes)}`);
  }
}

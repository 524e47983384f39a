// What a file is, by its content: magic bytes, the entry names of a zip, the stream names of an
// OLE2 (Word 97) container. The file name's extension only breaks ties; it is never trusted alone.
import { inflateRawSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';

export type SniffedType = 'docx' | 'pdf' | 'doc' | 'xlsx' | 'unknown';

export interface Sniffed {
  type: SniffedType;
  /** What the content looked like, for messages: 'pdf', 'docx', 'zip', 'rtf', 'xls', 'image/png' … */
  detail: string;
}

export async function sniffType(buffer: Buffer, fileName: string): Promise<SniffedType> {
  return (await sniff(buffer, fileName)).type;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function sniff(buffer: Buffer, fileName: string): Promise<Sniffed> {
  const ext = extensionOf(fileName);
  if (buffer.length === 0) return { type: 'unknown', detail: 'empty' };
  // PDF readers accept a header anywhere in the first 1 KiB (some producers prepend junk).
  if (buffer.subarray(0, 1024).includes('%PDF-')) return { type: 'pdf', detail: 'pdf' };
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5) && (buffer[3] === 4 || buffer[3] === 6)) {
    return sniffZip(buffer, ext);
  }
  if (buffer.subarray(0, 8).equals(CFB_MAGIC)) return sniffCfb(buffer, ext);
  if (buffer.subarray(0, 5).toString('latin1') === '{\\rtf') return { type: 'unknown', detail: 'rtf' };
  const ft = await fileTypeFromBuffer(buffer).catch(() => undefined);
  if (ft) return { type: 'unknown', detail: ft.mime };
  return { type: 'unknown', detail: looksLikeText(buffer) ? 'text' : ext ? `.${ext}` : 'unknown' };
}

function sniffZip(buffer: Buffer, ext: string): Sniffed {
  const names = zipEntryNames(buffer);
  // The main part is word/document.xml; a few tools write word/document2.xml.
  const word = names.some((n) => /^word\/document\d*\.xml$/.test(n));
  const xl = names.some((n) => n.startsWith('xl/'));
  if (word && xl) return ext === 'xlsx' ? { type: 'xlsx', detail: 'xlsx' } : { type: 'docx', detail: 'docx' };
  if (word) return { type: 'docx', detail: 'docx' };
  if (xl) return { type: 'xlsx', detail: 'xlsx' };
  if (names.some((n) => n.startsWith('ppt/'))) return { type: 'unknown', detail: 'pptx' };
  if (names.includes('mimetype') && names.includes('content.xml')) return { type: 'unknown', detail: 'odf' };
  // A zip we cannot list, named .docx: most likely a damaged Word file (parseDocx will say so).
  if (!names.length) return ext === 'docx' ? { type: 'docx', detail: 'docx (unreadable zip)' } : { type: 'unknown', detail: 'zip (unreadable)' };
  return { type: 'unknown', detail: 'zip' };
}

/** Entry names from the central directory; for a truncated zip, from the local headers. */
export function zipEntryNames(buffer: Buffer): string[] {
  const names: string[] = [];
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), Math.max(0, buffer.length - 22));
  if (eocd >= 0 && eocd + 22 <= buffer.length && eocd >= buffer.length - 22 - 65535) {
    const count = buffer.readUInt16LE(eocd + 10);
    let p = buffer.readUInt32LE(eocd + 16);
    for (let i = 0; i < count && p + 46 <= buffer.length && buffer.readUInt32LE(p) === 0x02014b50; i++) {
      const nameLen = buffer.readUInt16LE(p + 28);
      const extraLen = buffer.readUInt16LE(p + 30);
      const commentLen = buffer.readUInt16LE(p + 32);
      names.push(buffer.toString('utf8', p + 46, Math.min(buffer.length, p + 46 + nameLen)));
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (names.length) return names;
  }
  // No usable central directory: walk the local file headers we can find.
  const sig = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let p = buffer.indexOf(sig); p >= 0 && p + 30 <= buffer.length && names.length < 10_000; p = buffer.indexOf(sig, p + 4)) {
    const nameLen = buffer.readUInt16LE(p + 26);
    names.push(buffer.toString('utf8', p + 30, Math.min(buffer.length, p + 30 + nameLen)));
  }
  return names;
}

/** One entry of a zip (stored or deflated), or null when absent or unreadable. The output is
 *  capped (a zip bomb stops at maxBytes). */
export function readZipEntry(buffer: Buffer, name: string, maxBytes = 64 * 1024 * 1024): Buffer | null {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), Math.max(0, buffer.length - 22));
  if (eocd < 0 || eocd + 22 > buffer.length) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && p + 46 <= buffer.length && buffer.readUInt32LE(p) === 0x02014b50; i++) {
    const method = buffer.readUInt16LE(p + 10);
    const compressed = buffer.readUInt32LE(p + 20);
    const nameLen = buffer.readUInt16LE(p + 28);
    const extraLen = buffer.readUInt16LE(p + 30);
    const commentLen = buffer.readUInt16LE(p + 32);
    const local = buffer.readUInt32LE(p + 42);
    if (buffer.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + compressed);
      try {
        if (method === 0) return data.length <= maxBytes ? Buffer.from(data) : null;
        if (method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
      } catch {
        return null;
      }
      return null;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

function sniffCfb(buffer: Buffer, ext: string): Sniffed {
  const has = (name: string) => buffer.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage')) return { type: 'unknown', detail: 'encrypted Office file' };
  if (has('WordDocument')) return { type: 'doc', detail: 'doc' };
  if (has('Workbook') || has('Book')) return { type: 'unknown', detail: 'xls' };
  if (has('PowerPoint Document')) return { type: 'unknown', detail: 'ppt' };
  return ext === 'doc' ? { type: 'doc', detail: 'doc' } : { type: 'unknown', detail: 'ole2' };
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

function looksLikeText(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096);
  return head.length > 0 && !head.includes(0) && Buffer.from(head.toString('utf8'), 'utf8').length >= head.length * 0.9;
}

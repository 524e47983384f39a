// What a file is, by its content: magic bytes, the entry names of a zip, the stream names of an
// OLE2 (Word 97) container, the first tags of a text file (RTF, HTML, Word 2003 XML). The file
// name's extension only breaks ties; it is never trusted alone.
import { fileTypeFromBuffer } from 'file-type';
import { readZipEntry, zipEntryNames } from './zip.ts';

export { readZipEntry, zipEntryNames } from './zip.ts';

/** 'rtf', 'html', 'wordml' (Word 2003 XML): legacy Word-family files read through LibreOffice. */
export type SniffedType = 'docx' | 'pdf' | 'doc' | 'rtf' | 'html' | 'wordml' | 'xlsx' | 'unknown';

export interface Sniffed {
  type: SniffedType;
  /** What the content looked like, for messages: 'pdf', 'docx', 'docm', 'zip', 'rtf', 'xls', 'image/png' … */
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
  const head = textHead(buffer);
  if (head.startsWith('{\\rtf')) return { type: 'rtf', detail: 'rtf' };
  if (/^<\?xml[^>]*>\s*(<\?mso-application\s+progid="Word\.Document"\?>|<w:wordDocument\b)/i.test(head) || (/^<\?xml/i.test(head) && /<w:wordDocument\b/.test(head))) {
    return { type: 'wordml', detail: 'Word 2003 XML' };
  }
  if (/^(<!--[\s\S]*?-->\s*)*(<!doctype\s+html\b|<html\b)/i.test(head)) return { type: 'html', detail: 'html' };
  const ft = await fileTypeFromBuffer(buffer).catch(() => undefined);
  if (ft) return { type: 'unknown', detail: ft.mime };
  return { type: 'unknown', detail: looksLikeText(buffer) ? 'text' : ext ? `.${ext}` : 'unknown' };
}

function sniffZip(buffer: Buffer, ext: string): Sniffed {
  const names = zipEntryNames(buffer);
  // The main part is word/document.xml; a few tools write word/document2.xml.
  const word = names.some((n) => /^word\/document\d*\.xml$/.test(n));
  // A macro-enabled Word file (.docm, whatever its name): its VBA project, or its content type.
  if (word && (names.includes('word/vbaProject.bin') || /macroEnabled/i.test(readZipEntry(buffer, '[Content_Types].xml', 1024 * 1024)?.toString('utf8') ?? ''))) {
    return { type: 'unknown', detail: 'docm' };
  }
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

/** The first 4 KiB as text, without a byte-order mark or leading white space (UTF-16 files
 *  keep their zero bytes: they are not taken for text formats). */
function textHead(buffer: Buffer): string {
  return buffer.subarray(0, 4096).toString('latin1').replace(/^(\xef\xbb\xbf)?\s*/, '');
}

function looksLikeText(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096);
  return head.length > 0 && !head.includes(0) && Buffer.from(head.toString('utf8'), 'utf8').length >= head.length * 0.9;
}

// The parse stage: bytes → document model. The type comes from the content (sniff.ts), never
// from the file name alone. Each format's parser is imported the first time a file of that
// format comes (a .docx never loads the PDF reader, OCR or LibreOffice's driver).
import type { DocumentModel, SourceFormat } from '../document/model.ts';
import { BaocaoError } from '../errors.ts';
import type { OcrOptions } from './ocr/index.ts';
import { sniff, type SniffedType } from './sniff.ts';

export type { OcrOptions, OcrProgress } from './ocr/index.ts';
export { sniff, sniffType, type Sniffed, type SniffedType } from './sniff.ts';

const parseDocx = async (buffer: Buffer) => (await import('./docx.ts')).parseDocx(buffer);
const parsePdf = async (buffer: Buffer) => (await import('./pdf/index.ts')).parsePdf(buffer);
const parseScannedPdf = async (buffer: Buffer, opts?: OcrOptions) => (await import('./ocr/index.ts')).parseScannedPdf(buffer, opts);
const parseLegacyWord = async (buffer: Buffer, type: 'doc' | 'rtf' | 'html' | 'wordml') =>
  (await import('./doc/index.ts')).parseLegacyWord(buffer, type);

/** The model's format for a sniffed type we can parse; null for the rest. RTF, HTML and Word
 *  2003 XML count as legacy Word ('doc'). */
export function formatOf(type: SniffedType): SourceFormat | null {
  if (type === 'docx' || type === 'pdf' || type === 'doc') return type;
  return type === 'rtf' || type === 'html' || type === 'wordml' ? 'doc' : null;
}

const UNSUPPORTED_DETAIL: Record<string, string> = {
  xlsx: 'tệp Excel (.xlsx)',
  xls: 'tệp Excel 97-2003 (.xls)',
  'encrypted Office file': 'tệp Office có mật khẩu',
  ole2: 'tệp Office không rõ loại',
};

export interface ParseOptions {
  /** Scanned PDFs: the OCR's deadline and progress (src/parse/ocr/). */
  ocr?: OcrOptions;
  /** PDFs without a text layer: 'ocr' (default) reads their page images here; 'refuse' throws
   *  NO_TEXT (the caller has them read elsewhere: the pipeline's OCR threads); 'only' reads the
   *  images without trying the text layer again. */
  scans?: 'ocr' | 'refuse' | 'only';
}

export async function parseFile(buffer: Buffer, fileName: string, opts: ParseOptions = {}): Promise<DocumentModel> {
  if (buffer.length === 0) throw new BaocaoError('FILE_EMPTY');
  const { type, detail } = await sniff(buffer, fileName);
  if (type === 'docx') return parseDocx(buffer);
  if (type === 'pdf') {
    if (opts.scans === 'only') return parseScannedPdf(buffer, opts.ocr);
    // No text layer (a scan), or one that cannot be read: read the page images.
    return parsePdf(buffer).catch((err: unknown) => {
      if (err instanceof BaocaoError && err.code === 'NO_TEXT' && opts.scans !== 'refuse') return parseScannedPdf(buffer, opts.ocr);
      throw err;
    });
  }
  if (type === 'doc' || type === 'rtf' || type === 'html' || type === 'wordml') return parseLegacyWord(buffer, type);
  if (detail === 'docm') throw new BaocaoError('MACRO_DOC');
  if (detail === 'encrypted Office file' && !/\.xlsx?$/i.test(fileName.trim())) throw new BaocaoError('ENCRYPTED_DOC');
  // A readable zip without a Word document in it, named .docx: report it as a broken Word file.
  if (detail === 'zip' && /\.docx$/i.test(fileName.trim())) throw new BaocaoError('CORRUPT_DOCX', 'không có word/document.xml');
  throw new BaocaoError('UNSUPPORTED_TYPE', UNSUPPORTED_DETAIL[detail] ?? detail);
}

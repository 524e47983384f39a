// Legacy Word-family files → document model: Word 97–2003 (.doc), RTF and Word 2003 XML are
// converted to .docx by LibreOffice (soffice.ts), which keeps tables with their merged cells and
// each run's font, then read by the .docx parser (so legacy fonts, numbering, fields … are handled
// once). HTML is read directly (html.ts) unless it uses legacy fonts. A password-protected .doc is
// refused before LibreOffice sees it.
import type { DocumentModel } from '../../document/model.ts';
import { BaocaoError } from '../../errors.ts';
import { parseDocx } from '../docx.ts';
import { decodeHtml, htmlNamesLegacyFont, parseHtmlDocument } from './html.ts';
import { convertToDocx, type ConvertibleKind, type ConvertOptions } from './soffice.ts';
import { word97Info } from './word97.ts';

export { findSoffice } from './soffice.ts';
export { word97Info } from './word97.ts';

export async function parseLegacyWord(buffer: Buffer, kind: ConvertibleKind, opts: ConvertOptions = {}): Promise<DocumentModel> {
  if (kind === 'doc') {
    const info = word97Info(buffer);
    if (!info) throw new BaocaoError('CORRUPT_DOC', 'không có luồng WordDocument');
    if (info.encrypted) throw new BaocaoError('ENCRYPTED_DOC');
  }
  if (kind === 'html') {
    const html = decodeHtml(buffer);
    if (!htmlNamesLegacyFont(html)) return parseHtmlDocument(html);
  }
  const docx = await convertToDocx(buffer, kind, opts);
  return parseDocx(docx, 'doc');
}

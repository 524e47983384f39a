// Legacy Word-family files → document model: Word 97–2003 (.doc), RTF, HTML and Word 2003 XML
// are converted to .docx by LibreOffice (soffice.ts), which keeps tables with their merged cells
// and each run's font, then read by the .docx parser (so legacy fonts, numbering, fields … are
// handled once). A password-protected .doc is refused before LibreOffice sees it.
import type { DocumentModel } from '../../document/model.ts';
import { BaocaoError } from '../../errors.ts';
import { parseDocx } from '../docx.ts';
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
  const docx = await convertToDocx(buffer, kind, opts);
  return parseDocx(docx, 'doc');
}

// .docx → document model. The package is read through the parse stage's zip reader
// (docx/package.ts); what Word writes that mammoth does not read as Word shows it is fixed in the
// XML first (docx/preprocess.ts: numbering, fields, text boxes, content controls, legacy fonts,
// headers/footers); mammoth turns the document into HTML (default style map, so Word heading
// styles become h1…h6) and cheerio walks it into blocks (docx/html-blocks.ts).
import mammoth from 'mammoth';
import type { DocumentModel, SourceFormat } from '../document/model.ts';
import { buildDocument } from '../document/structure.ts';
import { BaocaoError } from '../errors.ts';
import { htmlToBlocks } from './docx/html-blocks.ts';
import { DocxPackage } from './docx/package.ts';
import { preprocessPackage } from './docx/preprocess.ts';

export { htmlToBlocks } from './docx/html-blocks.ts';

/** Images are skipped (no base64 encoding of pictures we never read). */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

/** `format`: what the model says the source was ('doc' when the .docx came from a .doc). */
export async function parseDocx(buffer: Buffer, format: SourceFormat = 'docx'): Promise<DocumentModel> {
  const pkg = new DocxPackage(buffer);
  const main = pkg.mainDocumentPath();
  if (!main) throw new BaocaoError('CORRUPT_DOCX', pkg.has('[Content_Types].xml') ? 'không có word/document.xml' : 'không đọc được tệp nén');
  let html: string;
  try {
    preprocessPackage(pkg, main);
    // mammoth reads the package through its `file` input (exists/read), never the zip itself.
    const input = { file: pkg.mammothFile() } as unknown as { buffer: Buffer };
    const result = await mammoth.convertToHtml(input, { convertImage: noImages, externalFileAccess: false });
    html = result.value;
  } catch (err) {
    if (err instanceof BaocaoError) throw err;
    throw new BaocaoError('CORRUPT_DOCX', firstLine(err), { cause: err });
  }
  return buildDocument(htmlToBlocks(html), format);
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 200);
}

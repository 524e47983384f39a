// Text-layer PDF → document model, step by step:
//   open.ts    bytes → MuPDF document (or CORRUPT_PDF / ENCRYPTED_PDF / EMPTY_PDF)
//   chars.ts   page → characters with box, baseline, size, font
//   rules.ts   page → drawn horizontal/vertical rules
//   lines.ts   characters → words on baselines, in visual order (legacy fonts decoded)
//   tables.ts  words → borderless tables (ruled ones come from the rules, in the layout)
//   ../layout/page-layout.ts  words + rules + tables → paragraphs, table grids, column blocks
//   ../../document/structure.ts  blocks → document model (sections, regions)
// A PDF without a usable text layer (a scan) throws NO_TEXT: parse/index.ts sends it to OCR.
import type { DocumentModel } from '../../document/model.ts';
import { buildDocument } from '../../document/structure.ts';
import { BaocaoError } from '../../errors.ts';
import { layoutToBlocks, type PageData } from '../layout/page-layout.ts';
import { judgeTextLayer } from '../ocr/garbage.ts';
import { pageChars, type PageChars } from './chars.ts';
import { charsToRuns } from './lines.ts';
import { corrupt, openPdf, type PdfDocument } from './open.ts';
import { pageRules } from './rules.ts';
import { borderlessTables } from './tables.ts';

export async function parsePdf(buffer: Buffer): Promise<DocumentModel> {
  const { doc, pageCount } = await openPdf(buffer);
  try {
    const pages = await readPages(doc, pageCount);
    return buildDocument(layoutToBlocks(pages), 'pdf', pageCount);
  } finally {
    doc.destroy();
  }
}

async function readPages(doc: PdfDocument, pageCount: number): Promise<PageData[]> {
  // First the characters of every page: a scan without a text layer stops here, before its
  // drawings are read.
  const texts: PageChars[] = [];
  let letters = 0;
  for (let n = 0; n < pageCount; n++) {
    const page = loadPage(doc, n);
    try {
      const pc = pageChars(page);
      texts.push(pc);
      for (const ch of pc.chars) if (/\p{L}/u.test(ch.c)) letters++;
    } catch (err) {
      throw corrupt(err);
    } finally {
      page.destroy();
    }
  }
  // "No letters at all", with a little slack for a scanner's stamp ('CamScanner') on each page.
  if (letters < Math.max(1, 20 * pageCount)) throw new BaocaoError('NO_TEXT', `${letters} chữ trên ${pageCount} trang`);

  const pages: PageData[] = [];
  for (let n = 0; n < pageCount; n++) {
    const page = loadPage(doc, n);
    try {
      const { width, height, chars } = texts[n]!;
      const runs = charsToRuns(chars);
      const rules = await pageRules(page);
      pages.push({ page: n + 1, width, height, runs, rules, tables: borderlessTables(n + 1, runs, rules) });
    } catch (err) {
      throw corrupt(err);
    } finally {
      page.destroy();
    }
  }
  // A text layer that is there but unreadable (a broken scanner OCR layer, a font without a
  // Unicode map): NO_TEXT sends the file to OCR (parse/index.ts).
  if (judgeTextLayer(pages.flatMap((p) => p.runs.map((r) => r.text)).join(' ')).unreadable) throw new BaocaoError('NO_TEXT', 'lớp chữ không đọc được');
  return pages;
}

function loadPage(doc: PdfDocument, n: number) {
  try {
    return doc.loadPage(n);
  } catch (err) {
    throw corrupt(err);
  }
}

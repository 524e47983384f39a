// Writing sample files: .docx from the model (docx package) and its PDF through LibreOffice,
// with time stamps fixed so that the same model always gives the same bytes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocModel } from './model.ts';
import { renderDocx } from './render-docx.ts';
import { docxToPdf } from './soffice.ts';
import { normalizePdf } from './zip.ts';

export function ymdOfIso(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

/** Writes a model as `<id>.docx` (docx package) and `<id>.pdf` (that .docx through LibreOffice) into `dir`. */
export async function writeDocxAndPdf(model: DocModel, id: string, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const docxPath = join(dir, `${id}.docx`);
  writeFileSync(docxPath, await renderDocx(model));
  const tmp = mkdtempSync(join(tmpdir(), 'baocao-pdf-'));
  try {
    const [pdf] = await docxToPdf([docxPath], tmp);
    const pdfPath = join(dir, `${id}.pdf`);
    writeFileSync(pdfPath, normalizePdf(readFileSync(pdf!), ymdOfIso(model.created)));
    return [docxPath, pdfPath];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

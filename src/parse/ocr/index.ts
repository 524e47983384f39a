// Scanned PDF (no text layer, or one that cannot be read) → document model, format 'pdf-ocr'.
//
//   PDF ─pdfinfo/pdfimages─▶ pages, scan resolution ─pdftoppm─▶ colour page image (render.ts)
//     ─▶ seal's red dropped (stamp.ts) ─▶ upright and level (straighten.ts)
//     ─▶ ruling lines found and erased (rules.ts, tables.ts) ─tesseract─▶ words (tesseract.ts, hocr.ts)
//     ─▶ OCR confusions fixed where the shape is unambiguous (confusions.ts)
//     ─▶ runs + rules in points ─▶ the layout shared with text PDFs (layout.ts) ─▶ document model
//     ─▶ words read with low confidence marked for review (uncertain.ts)
//
// Every tool runs as a subprocess under the call's deadline (subprocess.ts); pages are read two at
// a time; the temporary folder is removed at the end (tempdir.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentModel } from '../../document/model.ts';
import { buildDocument, resolveGrid } from '../../document/structure.ts';
import { BaocaoError } from '../../errors.ts';
import { fixConfusions, fixLineStart, fixRomanSequence } from './confusions.ts';
import { layoutToBlocks, type PageData } from './layout.ts';
import { ocrPage, type PageResult } from './page.ts';
import { imageResolutions, pageCount, renderPage } from './render.ts';
import { retone } from './retone.ts';
import { isNoise, unifySizes } from './runs.ts';
import { ToolFailedError, ToolMissingError, ToolTimeoutError } from './subprocess.ts';
import { withTempDir } from './tempdir.ts';
import { ensureOcrTools, POPPLER_PACKAGES } from './tools.ts';
import { markUncertain, UNCERTAIN_BELOW } from './uncertain.ts';

export interface OcrProgress {
  /** Pages read so far, and in all. */
  done: number;
  total: number;
}

export interface OcrOptions {
  /** Time for the whole OCR of the file (ms). Default DEFAULT_OCR_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Called after each page. */
  onProgress?: (p: OcrProgress) => void;
  /** Pages read at once (each tesseract process uses one core). Default 2. */
  jobs?: number;
  /** Words below this confidence (0–100) are marked uncertain. Default UNCERTAIN_BELOW. */
  uncertainBelow?: number;
}

export const DEFAULT_OCR_TIMEOUT_MS = 120_000;
/** Resolution pages are read at: the scan's own, within these bounds. */
export const MIN_DPI = 150;
export const MAX_DPI = 300;
/** For pages without a scanned image (a text layer that could not be read). */
export const VECTOR_DPI = 200;

/** What the OCR of each page found, for the measurements (bench, tests). */
export interface OcrStats {
  pages: Omit<PageResult, 'data'>[];
  ms: number;
}

export async function parseScannedPdf(buffer: Buffer, opts: OcrOptions = {}): Promise<DocumentModel> {
  return (await ocrPdf(buffer, opts)).doc;
}

export async function ocrPdf(buffer: Buffer, opts: OcrOptions = {}): Promise<{ doc: DocumentModel; stats: OcrStats }> {
  const t0 = Date.now();
  const results = await readScannedPages(buffer, opts);
  const doc = pagesToDocument(results, opts);
  return { doc, stats: { pages: results.map(({ data: _data, ...rest }) => rest), ms: Date.now() - t0 } };
}

/** Every page of the PDF read by OCR (in page order). */
export async function readScannedPages(buffer: Buffer, opts: OcrOptions = {}): Promise<PageResult[]> {
  const budget = opts.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  const deadline = Date.now() + budget;
  let done = 0;
  let total = 0;
  const timeout = () => new BaocaoError('OCR_TIMEOUT', `${done}/${total || '?'} trang sau ${Math.round(budget / 1000)} s`);
  const timeLeft = () => {
    const left = deadline - Date.now();
    if (left <= 0) throw timeout();
    return left;
  };

  await ensureOcrTools(Math.min(10_000, budget));
  try {
    return await withTempDir(async (dir) => {
      const pdf = join(dir, 'in.pdf');
      await writeFile(pdf, buffer);
      total = await pageCount(pdf, timeLeft());
      if (total === 0) throw new BaocaoError('NO_TEXT', 'không có trang nào');
      const ppi = await imageResolutions(pdf, timeLeft());
      const results: PageResult[] = new Array<PageResult>(total);
      let next = 1;
      let failed = false;
      const worker = async () => {
        while (next <= total && !failed) {
          const page = next++;
          const scan = ppi.get(page);
          const dpi = scan ? Math.round(Math.min(MAX_DPI, Math.max(MIN_DPI, scan))) : VECTOR_DPI;
          const img = await renderPage(pdf, page, dpi, dir, timeLeft());
          results[page - 1] = await ocrPage(img, { page, dpi, timeLeft });
          done++;
          opts.onProgress?.({ done, total });
        }
      };
      const guarded = () => worker().catch((err: unknown) => {
        failed = true; // the other workers stop after their current page
        throw err;
      });
      await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs ?? 2, total)) }, guarded));
      return results;
    });
  } catch (err) {
    throw ocrError(err, timeout);
  }
}

/** OCR'd pages → the document model: confusions fixed, sizes unified, the shared layout, and the
 *  words read with low confidence marked. */
export function pagesToDocument(results: PageResult[], opts: Pick<OcrOptions, 'uncertainBelow'> = {}): DocumentModel {
  for (const r of results) {
    for (const run of r.data.runs) if (run.word === 0) run.text = fixLineStart(run.text);
    r.data.runs = r.data.runs.filter((run) => !isNoise(run));
  }
  const runs = results.flatMap((r) => r.data.runs);
  const lineStarts = results.flatMap((r) => [...r.data.runs].filter((run) => run.word === 0).sort((a, b) => a.y - b.y));
  fixRomanSequence(lineStarts, opts.uncertainBelow ?? UNCERTAIN_BELOW);
  if (runs.length === 0) throw new BaocaoError('NO_TEXT', `không đọc được chữ nào trên ${results.length} trang ảnh`);
  for (const run of runs) run.text = fixConfusions(run.text);
  retone(runs, { unsureBelow: opts.uncertainBelow ?? UNCERTAIN_BELOW });
  unifySizes(runs);
  const doc = buildDocument(layoutToBlocks(results.map((r) => r.data)), 'pdf-ocr', results.length);
  trimCellNumbers(doc);
  markUncertain(doc, runs, opts.uncertainBelow ?? UNCERTAIN_BELOW);
  return doc;
}

/** A table cell that holds one number never ends with its separator: '17,' is a speck after '17'. */
function trimCellNumbers(doc: DocumentModel): void {
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    let changed = false;
    for (const row of b.cells) for (const c of row) {
      // ... nor starts with a bar: '| 10' is the remnant of a ruling line before '10'.
      if (/^\|\s*\d[\d.,]*$/.test(c.text) || /^\d[\d.,]*[.,]$/.test(c.text)) {
        c.text = c.text.replace(/^\|\s*/, '').replace(/[.,]+$/, '');
        changed = true;
      }
    }
    if (changed) b.grid = resolveGrid(b.cells);
  }
}

function ocrError(err: unknown, timeout: () => BaocaoError): unknown {
  if (err instanceof BaocaoError) return err;
  if (err instanceof ToolTimeoutError) return timeout();
  if (err instanceof ToolMissingError) return new BaocaoError('OCR_UNAVAILABLE', `cần cài: ${POPPLER_PACKAGES}`, { cause: err });
  if (err instanceof ToolFailedError) return new BaocaoError('OCR_FAILED', err.message.split('\n')[0], { cause: err });
  return err;
}

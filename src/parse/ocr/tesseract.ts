// tesseract (Debian `tesseract-ocr` + `tesseract-ocr-vie`, the CLI) on one page image: the PGM goes
// in on stdin, hOCR comes out on stdout — no files. One thread per process (OMP_THREAD_LIMIT=1):
// pages run side by side instead, and the machine is shared.
import type { GrayImage } from './image.ts';
import { toPgm } from './image.ts';
import { parseHocr, type OcrWord } from './hocr.ts';
import { runTool } from './subprocess.ts';

export const TESSERACT = process.env.BAOCAO_TESSERACT ?? 'tesseract';
export const OCR_LANG = 'vie';

/** Page segmentation: 3 = a page of text (columns, paragraphs); 11 = sparse text, every piece of
 *  text wherever it is (the cells of a table). */
export type PageSegMode = 3 | 6 | 11;

export interface TesseractOptions {
  dpi: number;
  psm: PageSegMode;
  timeoutMs: number;
}

export async function ocrImage(img: GrayImage, opts: TesseractOptions): Promise<OcrWord[]> {
  const args = [
    'stdin', 'stdout',
    '--dpi', String(Math.round(opts.dpi)),
    '-l', OCR_LANG,
    '--psm', String(opts.psm),
    // Not worth its time on printed documents: retrying lines as white-on-black.
    '-c', 'tessedit_do_invert=0',
    'hocr',
  ];
  const { stdout } = await runTool(TESSERACT, args, {
    input: toPgm(img),
    timeoutMs: opts.timeoutMs,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  return parseHocr(stdout.toString('utf8'));
}

/** The languages tesseract has (`--list-langs`). */
export async function tesseractLanguages(timeoutMs: number): Promise<string[]> {
  const { stdout } = await runTool(TESSERACT, ['--list-langs'], { timeoutMs });
  return stdout.toString('utf8').split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
}

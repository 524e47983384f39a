// OCR'd words (image pixels) → the layout's runs (points, origin top-left, baseline y), each
// keeping tesseract's confidence for the review marks (uncertain.ts).
import type { OcrWord } from './hocr.ts';
import type { Run } from './layout.ts';

export interface OcrRun extends Run {
  /** tesseract's word confidence, 0–100. */
  conf: number;
  /** 1-based page. */
  page: number;
  /** Line of the page the word was read in, and the word's place in it (for locating it later). */
  line: number;
  word: number;
}

export function wordsToRuns(words: OcrWord[], dpi: number, page: number): OcrRun[] {
  const k = 72 / dpi;
  const runs: OcrRun[] = [];
  let line = -1, word = 0;
  for (const w of words) {
    if (w.line !== line) {
      line = w.line;
      word = 0;
    }
    // tesseract's x_size is about the font size; a word alone in a line (sparse mode) can get an
    // odd one: keep it between the word's own height and twice that.
    const h = w.y1 - w.y0;
    const size = Math.min(Math.max(w.lineSize, h), 2 * h) * k;
    runs.push({
      text: w.text,
      x: w.x0 * k,
      y: w.baseline * k,
      w: (w.x1 - w.x0) * k,
      size: Math.max(4, size),
      bold: false,
      italic: false,
      conf: w.conf,
      page,
      line: w.line,
      word: word++,
    });
  }
  return runs;
}

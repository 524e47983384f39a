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
    // tesseract's x_size is about the font size, the same for every word of the line (a dash's
    // own box is a pixel or two high).
    const size = (w.lineSize > 0 ? w.lineSize : w.y1 - w.y0) * k;
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

/** tesseract estimates each line's size on its own, a point or so apart between lines of one
 *  paragraph; the layout takes a size change for a paragraph boundary. Sizes within `tolerance`
 *  (relative) of the document's median line size become that size (a line with brackets or
 *  tall capitals gets a size a quarter larger); clearly larger or smaller
 *  text (a title, a footnote) keeps its own. */
export function unifySizes(runs: OcrRun[], tolerance = 0.3): void {
  const perLine = new Map<string, number>();
  for (const r of runs) perLine.set(`${r.page}:${r.line}`, r.size);
  const sizes = [...perLine.values()].sort((a, b) => a - b);
  if (!sizes.length) return;
  const median = sizes[Math.floor(sizes.length / 2)]!;
  for (const r of runs) if (Math.abs(r.size - median) <= tolerance * median) r.size = median;
}

/** Specks of dirt, seal or signature strokes that OCR took for a short word: read with next to no
 *  confidence, or punctuation alone with little. A list dash ('-') is never dropped. */
export function isNoise(r: OcrRun): boolean {
  const n = [...r.text].length;
  if (/^[-–—+•]$/u.test(r.text)) return false;
  if (r.conf < 35 && n <= 2) return true;
  return r.conf < 50 && /^[^\p{L}\p{N}]+$/u.test(r.text);
}

// Which way up a scanned page is. Two cheap measurements instead of a second OCR pass:
//  - turned a quarter: the text lines run down the page, so the ink's column profile is peakier
//    than its row profile;
//  - upside down: Vietnamese (like any Latin script) has far more ink above the x-height band of
//    a line (capitals, ascenders, tone marks, circumflexes, breves) than below it (g, p, q, y and
//    the dot below); upside down, that is reversed.
// The OCR step keeps a check on the result: a page read with very low confidence is tried the
// other way up (index.ts).
import { binarize, type GrayImage } from './image.ts';
import { findSkew, sampleInk, type InkSample } from './skew.ts';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** How much peakier a profile is than ink spread evenly over its bins. */
function peakiness(s: InkSample, score: number, vertical: boolean): number {
  const n = s.xs.length;
  if (n === 0) return 0;
  const bins = vertical ? s.width : s.height;
  return score / ((n * n) / bins);
}

/** Whether the text lines run across the page (false: turned a quarter). */
export function linesRunAcross(img: GrayImage): { across: boolean; rows: number; cols: number } {
  const step = Math.max(1, Math.round(Math.max(img.width, img.height) / 700));
  const s = sampleInk(img, step);
  const rows = peakiness(s, findSkew(s, 5, false).score, false);
  const cols = peakiness(s, findSkew(s, 5, true).score, true);
  return { across: rows >= cols, rows, cols };
}

/** Ink above and below the x-height band, summed over the page's text lines (image level: text
 *  lines horizontal). above/below > 1: upright. */
export function inkAboveBelow(img: GrayImage, ink: Uint8Array = binarize(img)): { above: number; below: number; lines: number } {
  const { width: w, height: h } = img;
  const rows = new Float64Array(h);
  for (let y = 0; y < h; y++) {
    let c = 0;
    const o = y * w;
    for (let x = 0; x < w; x++) c += ink[o + x]!;
    rows[y] = c;
  }
  const sorted = Float64Array.from(rows).sort();
  const p95 = sorted[Math.floor(0.95 * (h - 1))]!;
  const t = Math.max(1, 0.04 * p95);
  let above = 0, below = 0, lines = 0;
  for (let y = 0; y < h;) {
    if (rows[y]! <= t) {
      y++;
      continue;
    }
    let end = y;
    while (end < h && rows[end]! > t) end++;
    const band = rows.subarray(y, end);
    const max = Math.max(...band);
    const mean = band.reduce((a, b) => a + b, 0) / band.length;
    // Skip bands that are one dominant row (a rule) or too thin to have a core.
    if (band.length >= 6 && max < 4 * mean) {
      let top = 0, bottom = band.length - 1;
      while (band[top]! < 0.5 * max) top++;
      while (band[bottom]! < 0.5 * max) bottom--;
      for (let k = 0; k < top; k++) above += band[k]!;
      for (let k = bottom + 1; k < band.length; k++) below += band[k]!;
      lines++;
    }
    y = end;
  }
  return { above, below, lines };
}

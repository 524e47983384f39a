// Ink that OCR left unread inside ruled tables: tesseract in sparse mode still skips a lone short
// value in a cell ('9', '0', 'x'). The ink not covered by any word box is grouped into pieces of
// text (connected components joined along a line), and the pieces are read again, each on its
// own row of one strip image (one tesseract call for all of them).
import type { GrayImage } from './image.ts';
import type { OcrWord } from './hocr.ts';
import type { Box } from './tables.ts';

export interface Piece extends Box {
  pixels: number;
}

export interface LeftoverOptions {
  dpi: number;
  /** Ink threshold (grey level at or below which a pixel is ink). */
  threshold: number;
}

/** Pieces of unread text inside `regions`. */
export function unreadPieces(img: GrayImage, regions: Box[], words: OcrWord[], opts: LeftoverOptions): Piece[] {
  const { width: w, height: h } = img;
  const pt = opts.dpi / 72;
  const mask = new Uint8Array(w * h);
  for (const r of regions) {
    for (let y = Math.max(0, Math.ceil(r.y0) + 2); y <= Math.min(h - 1, Math.floor(r.y1) - 2); y++) {
      for (let x = Math.max(0, Math.ceil(r.x0) + 2); x <= Math.min(w - 1, Math.floor(r.x1) - 2); x++) {
        if (img.data[y * w + x]! <= opts.threshold) mask[y * w + x] = 1;
      }
    }
  }
  const m = Math.round(pt); // a point of margin around each word read
  for (const wd of words) {
    for (let y = Math.max(0, wd.y0 - m); y < Math.min(h, wd.y1 + m); y++) mask.fill(0, y * w + Math.max(0, wd.x0 - m), y * w + Math.min(w, wd.x1 + m));
  }
  // Connected components (8-neighbours).
  const comps: Piece[] = [];
  const stack: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    let x0 = w, y0 = h, x1 = 0, y1 = 0, pixels = 0;
    mask[i] = 0;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop()!;
      const x = j % w, y = (j - x) / w;
      pixels++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const k = ny * w + nx;
          if (mask[k]) {
            mask[k] = 0;
            stack.push(k);
          }
        }
      }
    }
    comps.push({ x0, y0, x1, y1, pixels });
  }
  // Glyph-sized components only: not specks of noise, not the remains of a rule.
  const glyphs = comps.filter((c) => {
    const cw = c.x1 - c.x0 + 1, ch = c.y1 - c.y0 + 1;
    return c.pixels >= pt * pt && ch <= 30 * pt && Math.max(cw, ch) / Math.max(1, Math.min(cw, ch)) < 12;
  });
  // Join components into pieces of text: the same line, less than an em apart; marks above/below.
  const em = 10 * pt;
  const pieces = glyphs.map((c) => ({ ...c }));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < pieces.length && !changed; i++) {
      for (let j = i + 1; j < pieces.length; j++) {
        const a = pieces[i]!, b = pieces[j]!;
        const xGap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1);
        const yGap = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1);
        if (xGap < 0.6 * em && yGap < 0.35 * em) {
          pieces[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), pixels: a.pixels + b.pixels };
          pieces.splice(j, 1);
          changed = true;
          break;
        }
      }
    }
  }
  // A piece must be as tall as a small letter.
  return pieces.filter((p) => p.y1 - p.y0 + 1 >= 4.5 * pt && p.pixels >= 4 * pt * pt);
}

export interface Strip {
  image: GrayImage;
  /** Where each piece sits in the strip (top-left), in piece order. */
  at: { x: number; y: number }[];
}

/** The pieces, each on its own row of a white image, a line's height apart. */
export function stripOf(img: GrayImage, pieces: Piece[], dpi: number): Strip {
  const pad = Math.round((12 * dpi) / 72);
  const width = Math.max(...pieces.map((p) => p.x1 - p.x0 + 1)) + 2 * pad;
  const at: Strip['at'] = [];
  let y = pad;
  for (const p of pieces) {
    at.push({ x: pad, y });
    y += p.y1 - p.y0 + 1 + pad;
  }
  const height = y;
  const data = new Uint8Array(width * height).fill(255);
  pieces.forEach((p, i) => {
    const o = at[i]!;
    for (let yy = p.y0; yy <= p.y1; yy++) {
      const src = yy * img.width;
      data.set(img.data.subarray(src + p.x0, src + p.x1 + 1), (o.y + yy - p.y0) * width + o.x);
    }
  });
  return { image: { width, height, data }, at };
}

/** Words read in the strip, moved back to where their piece is on the page. */
export function wordsFromStrip(strip: Strip, pieces: Piece[], words: OcrWord[], lineBase: number): OcrWord[] {
  const out: OcrWord[] = [];
  for (const wd of words) {
    const cy = (wd.y0 + wd.y1) / 2;
    const i = strip.at.findIndex((o, k) => cy >= o.y && cy <= o.y + pieces[k]!.y1 - pieces[k]!.y0 + 1);
    if (i < 0) continue;
    const p = pieces[i]!, o = strip.at[i]!;
    const dx = p.x0 - o.x, dy = p.y0 - o.y;
    out.push({ ...wd, x0: wd.x0 + dx, x1: wd.x1 + dx, y0: wd.y0 + dy, y1: wd.y1 + dy, baseline: wd.baseline + dy, line: lineBase + i });
  }
  return out;
}

// Ruling lines of a level page image: long, thin runs of ink, horizontal or vertical. They become
// the layout's Rules (table borders, in image pixels here), and are erased from the image before
// OCR: tesseract takes a ruled table for a picture and drops its text.
import type { GrayImage } from './image.ts';

export interface PixelRule {
  dir: 'h' | 'v';
  /** Row (h) or column (v) of the rule's middle. */
  at: number;
  /** First and last pixel along the rule. */
  from: number;
  to: number;
  /** Rows (h) or columns (v) the rule covers, for erasing. */
  thickFrom: number;
  thickTo: number;
}

export interface RuleOptions {
  /** Pixels per inch of the image. */
  dpi: number;
  /** Shortest horizontal rule, points: longer than the top of a long word's letters (a table's
   *  rules run across all its columns, so each is long even when a column is narrow). */
  minHorizontalPt?: number;
  /** Shortest vertical rule, points (longer than a letter's stem, shorter than a one-line row). */
  minVerticalPt?: number;
  /** Thickest rule, points (thicker ink is a filled area, not a line). */
  maxThicknessPt?: number;
}

/** Ink run in one row (or column) of the mask: [start, end] inclusive. */
interface Span {
  line: number;
  from: number;
  to: number;
}

/**
 * Runs along one direction. `get(line, pos)` reads the ink mask with the direction's axes; a gap
 * of up to `gap` pixels inside a run is bridged (JPEG noise, a faint scan) as long as ink covers
 * `minFill` of the run. The page is level (straighten.ts): a rule stays within a line or two; one
 * that drifts a pixel comes out as pieces that the layout joins again.
 */
function longRuns(lines: number, length: number, get: (line: number, pos: number) => number, minLen: number, gap: number, minFill: number): Span[] {
  const out: Span[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1, last = -1, inked = 0;
    for (let p = 0; p <= length; p++) {
      const on = p < length && get(l, p) === 1;
      if (on) {
        if (start < 0) {
          start = p;
          inked = 0;
        }
        last = p;
        inked++;
      } else if (start >= 0 && p - last > gap) {
        if (last - start + 1 >= minLen && inked >= minFill * (last - start + 1)) out.push({ line: l, from: start, to: last });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs in neighbouring lines that overlap become one rule (its thickness = the lines it covers). */
function groupRuns(spans: Span[], dir: 'h' | 'v', maxThick: number): PixelRule[] {
  const open: { lines: number[]; from: number; to: number; last: number; count: number; sum: number }[] = [];
  const done: typeof open = [];
  for (const s of spans) {
    // Spans come line by line; close groups that the previous line did not continue.
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.last < s.line - 1) done.push(...open.splice(i, 1));
    const g = open.find((o) => o.last >= s.line - 1 && o.last < s.line && s.from <= o.to && s.to >= o.from);
    if (g) {
      g.from = Math.min(g.from, s.from);
      g.to = Math.max(g.to, s.to);
      g.last = s.line;
      g.lines.push(s.line);
      g.sum += s.line * (s.to - s.from + 1);
      g.count += s.to - s.from + 1;
    } else open.push({ lines: [s.line], from: s.from, to: s.to, last: s.line, count: s.to - s.from + 1, sum: s.line * (s.to - s.from + 1) });
  }
  done.push(...open);
  const out: PixelRule[] = [];
  for (const g of done) {
    const first = g.lines[0]!, last = g.lines[g.lines.length - 1]!;
    if (last - first + 1 > maxThick) continue;
    out.push({ dir, at: g.sum / g.count, from: g.from, to: g.to, thickFrom: first, thickTo: last });
  }
  return out;
}

/** Horizontal and vertical rules of an ink mask (1 = ink) of a level page. */
export function findRules(ink: Uint8Array, width: number, height: number, opts: RuleOptions): PixelRule[] {
  const px = opts.dpi / 72;
  const minH = Math.round((opts.minHorizontalPt ?? 36) * px);
  const minV = Math.round((opts.minVerticalPt ?? 14) * px);
  const maxThick = Math.max(3, Math.round((opts.maxThicknessPt ?? 3) * px));
  const gap = Math.max(1, Math.round(0.008 * opts.dpi)); // 1 px at 150 dpi, 2 at 300
  const hSpans = longRuns(height, width, (l, p) => ink[l * width + p]!, minH, gap, 0.9);
  const vSpans = longRuns(width, height, (l, p) => ink[p * width + l]!, minV, gap, 0.9);
  return [...groupRuns(hSpans, 'h', maxThick), ...groupRuns(vSpans, 'v', maxThick)];
}

/** Whites out the rules' ink (with a pixel of margin) in a copy of the image. */
export function eraseRules(img: GrayImage, rules: PixelRule[]): GrayImage {
  const data = Uint8Array.from(img.data);
  const { width: w, height: h } = img;
  for (const r of rules) {
    const a0 = Math.max(0, r.thickFrom - 1), a1 = r.thickTo + 1;
    for (let a = a0; a <= a1; a++) {
      for (let p = Math.max(0, r.from); p <= r.to; p++) {
        const [x, y] = r.dir === 'h' ? [p, a] : [a, p];
        if (x < w && y < h) data[y * w + x] = 255;
      }
    }
  }
  return { width: w, height: h, data };
}

// Skew of a scanned page: the small angle at which its text lines lie level. Projection profile:
// the ink pixels, sheared by a trial angle, are counted per row; level lines give tall narrow
// peaks, so the sum of squared row counts is largest at the right angle.
import { binarize, type GrayImage } from './image.ts';

/** Ink pixels of a reduced copy of the image (every `step`-th pixel in both directions). */
export interface InkSample {
  xs: Int32Array;
  ys: Int32Array;
  width: number;
  height: number;
}

export function sampleInk(img: GrayImage, step: number, ink: Uint8Array = binarize(img)): InkSample {
  const xs: number[] = [], ys: number[] = [];
  const w = Math.floor(img.width / step), h = Math.floor(img.height / step);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Any ink in the step × step block.
      let hit = false;
      for (let dy = 0; dy < step && !hit; dy++) {
        const row = (y * step + dy) * img.width + x * step;
        for (let dx = 0; dx < step; dx++) if (ink[row + dx]) { hit = true; break; }
      }
      if (hit) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Int32Array.from(xs), ys: Int32Array.from(ys), width: w, height: h };
}

/** Sum of squared counts of the rows the ink falls in once sheared by `deg` (positive: lines go
 *  down to the right). `vertical`: the same for columns (a page turned a quarter). */
export function profileScore(s: InkSample, deg: number, vertical = false): number {
  const t = Math.tan((deg * Math.PI) / 180);
  const n = vertical ? s.width : s.height;
  const span = vertical ? s.height : s.width;
  const pad = Math.ceil(Math.abs(t) * span) + 1;
  const bins = new Float64Array(n + 2 * pad);
  const a = vertical ? s.xs : s.ys;
  const b = vertical ? s.ys : s.xs;
  for (let i = 0; i < a.length; i++) bins[Math.round(a[i]! - b[i]! * t) + pad]!++;
  let sum = 0;
  for (const c of bins) sum += c * c;
  return sum;
}

/** The angle (degrees, positive: lines go down to the right) in [-maxDeg, maxDeg] that levels the
 *  text lines, with the score there. */
export function findSkew(s: InkSample, maxDeg = 5, vertical = false): { angle: number; score: number } {
  let best = { angle: 0, score: profileScore(s, 0, vertical) };
  const scan = (from: number, to: number, step: number) => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const score = profileScore(s, a, vertical);
      if (score > best.score) best = { angle: a, score };
    }
  };
  scan(-maxDeg, maxDeg, 0.25);
  const c = best.angle;
  scan(c - 0.25, c + 0.25, 0.05);
  const d = best.angle;
  scan(d - 0.05, d + 0.05, 0.01);
  return { angle: Math.round(best.angle * 100) / 100, score: best.score };
}

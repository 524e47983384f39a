// Step 2b of the PDF path: a page → the horizontal and vertical rules it draws (table borders).
// Stroked straight segments, and thin filled rectangles (Word and Chromium draw cell borders so).
// Curves, wide fills (cell shading) and white paint are not rules.
import type { Rule } from '../layout/page-layout.ts';
import { mupdf, type PdfPage } from './open.ts';

type Matrix = [number, number, number, number, number, number];
type Point = [number, number];

const apply = (m: Matrix, x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Thinner than this (points) a filled rectangle is a line. */
const THIN = 3;

export async function pageRules(page: PdfPage): Promise<Rule[]> {
  const m = await mupdf();
  const [bx0, by0] = page.getBounds();
  const rules: Rule[] = [];
  const subpathsOf = (path: InstanceType<typeof m.Path>, ctm: Matrix): Point[][] => {
    const out: Point[][] = [];
    let cur: Point[] = [];
    const at = (x: number, y: number): Point => {
      const [px, py] = apply(ctm, x, y);
      return [px - bx0, py - by0];
    };
    path.walk({
      moveTo(x, y) {
        if (cur.length > 1) out.push(cur);
        cur = [at(x, y)];
      },
      lineTo(x, y) {
        cur.push(at(x, y));
      },
      curveTo(_x1, _y1, _x2, _y2, x3, y3) {
        // A curve is never a table rule: it breaks the subpath.
        if (cur.length > 1) out.push(cur);
        cur = [at(x3, y3)];
      },
      closePath() {
        if (cur.length > 1) {
          cur.push(cur[0]!);
          out.push(cur);
        }
        cur = cur.length ? [cur[0]!] : [];
      },
    });
    if (cur.length > 1) out.push(cur);
    return out;
  };
  const white = (color: number[]) => color.length > 0 && color.length < 4 && color.every((v) => v > 0.95);
  const device = new m.Device({
    fillPath(path, _evenOdd, ctm, _cs, color) {
      if (white(color)) return;
      for (const sp of subpathsOf(path, ctm)) thinBox(sp, rules);
    },
    strokePath(path, _stroke, ctm, _cs, color) {
      if (white(color)) return;
      for (const sp of subpathsOf(path, ctm)) segments(sp, rules);
    },
  });
  try {
    page.run(device, m.Matrix.identity);
    device.close();
  } finally {
    device.destroy();
  }
  return rules;
}

/** A filled axis-aligned box thinner than THIN is a rule. */
function thinBox(sp: Point[], out: Rule[]): void {
  if (sp.length < 4) return;
  const axisAligned = sp.every((p, j) => j === 0 || Math.abs(p[0] - sp[j - 1]![0]) < 0.5 || Math.abs(p[1] - sp[j - 1]![1]) < 0.5);
  if (!axisAligned) return;
  const xs = sp.map((p) => p[0]);
  const ys = sp.map((p) => p[1]);
  const x1 = Math.min(...xs), x2 = Math.max(...xs), y1 = Math.min(...ys), y2 = Math.max(...ys);
  if (y2 - y1 <= THIN && x2 - x1 > THIN) out.push({ dir: 'h', at: (y1 + y2) / 2, from: x1, to: x2 });
  else if (x2 - x1 <= THIN && y2 - y1 > THIN) out.push({ dir: 'v', at: (x1 + x2) / 2, from: y1, to: y2 });
}

/** The horizontal and vertical segments of a stroked subpath. */
function segments(sp: Point[], out: Rule[]): void {
  for (let j = 1; j < sp.length; j++) {
    const [ax, ay] = sp[j - 1]!;
    const [bx, by] = sp[j]!;
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 2) out.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 2) out.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  }
}

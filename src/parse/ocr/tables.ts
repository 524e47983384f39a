// Where the ruled tables of a page image are: groups of horizontal and vertical rules that touch
// (the same grouping the layout uses to build grids), as boxes. Used to OCR the inside of tables
// apart from the running text, and to erase only the vertical rules that belong to a table.
import type { PixelRule } from './rules.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RuledTable {
  box: Box;
  rules: PixelRule[];
}

function touches(h: PixelRule, v: PixelRule, tol: number): boolean {
  return v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;
}

/** Groups of touching rules with at least two of each direction. `tol`: pixels. */
export function ruledTables(rules: PixelRule[], tol: number): RuledTable[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!, b = rules[j]!;
      if (a.dir === b.dir) continue;
      const [h, v] = a.dir === 'h' ? [a, b] : [b, a];
      if (touches(h, v, tol)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, PixelRule[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const out: RuledTable[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((r) => r.dir === 'h');
    const vs = g.filter((r) => r.dir === 'v');
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = [...hs.flatMap((r) => [r.from, r.to]), ...vs.map((r) => r.at)];
    const ys = [...vs.flatMap((r) => [r.from, r.to]), ...hs.map((r) => r.at)];
    out.push({ box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }, rules: g });
  }
  return out;
}

/** A table's vertical rule that runs on past the last horizontal rule it meets, by less than
 *  `maxOvershoot` pixels, into a letter's stem ('đ', 'g' sitting on the rule): cut back to that
 *  rule, so that a merged cell above is not split. In place. */
export function trimOvershoots(table: RuledTable, tol: number, maxOvershoot: number): void {
  const hs = table.rules.filter((r) => r.dir === 'h');
  for (const v of table.rules) {
    if (v.dir !== 'v') continue;
    const met = hs.filter((h) => v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol).map((h) => h.at);
    if (met.length < 2) continue;
    const top = Math.min(...met), bottom = Math.max(...met);
    if (v.from < top - tol && top - v.from < maxOvershoot) v.from = top;
    if (v.to > bottom + tol && v.to - bottom < maxOvershoot) v.to = bottom;
  }
}

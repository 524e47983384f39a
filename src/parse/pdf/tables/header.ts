// Borderless tables, step 4: the header above the first row with a value. Its pieces are stacked
// into cells (a cell's next line is close below it, aligned with it, alone under it), a cell over
// others spans their columns (merged header cells, flush left or centred), and the header's rows
// are the cells' nesting levels.
import type { GridTable } from '../../layout/page-layout.ts';
import type { Columns } from './columns.ts';
import { WRAP_PITCH_EM, type Piece, type TLine } from './pieces.ts';

interface HeaderCell {
  pieces: Piece[];
  top: number;
  y: number;
  c0: number;
  c1: number;
  level: number;
}

export interface Header {
  /** Grid cells of the header rows (rows 0 … levels − 1). */
  cells: GridTable['cells'];
  levels: number;
  /** Top of each header row. */
  tops: number[];
}

export function readHeader(header: readonly TLine[], cols: Columns): Header {
  const { spans, colRange } = cols;
  const ncols = spans.length;
  const hcells = stackCells(header, colRange);
  widenCentred(hcells, spans);
  const levels = assignLevels(hcells);
  const owner = ownerGrid(hcells, levels, ncols);
  const cells: GridTable['cells'] = [];
  const covered = Array.from({ length: levels }, () => new Array<boolean>(ncols).fill(false));
  for (let L = 0; L < levels; L++) {
    for (let c = 0; c < ncols; c++) {
      if (covered[L]![c]) continue;
      const h = owner[L]![c];
      if (!h || h.c0 !== c) {
        cells.push({ r: L, c, rs: 1, cs: 1, runs: [] });
        continue;
      }
      const cs = h.c1 - h.c0 + 1;
      let rs = 1;
      while (L + rs < levels && Array.from({ length: cs }, (_, k) => owner[L + rs]![c + k]).every((o) => !o)) rs++;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) covered[L + dr]![c + dc] = true;
      cells.push({ r: L, c, rs, cs, runs: h.pieces.flatMap((p) => p.runs) });
    }
  }
  const tops: number[] = [];
  for (let L = 0; L < levels; L++) {
    const at = hcells.filter((h) => h.level === L).map((h) => h.top);
    tops.push(at.length ? Math.min(...at) : (tops[L - 1] ?? 0) + 0.01);
  }
  return { cells, levels, tops };
}

/** Pieces stacked into cells: a piece continues the cell above it when it is close below it,
 *  within its columns, aligned with it (left, centre or right: a cell under a wider one, its
 *  parent, is not) and the only piece of its line under it (pieces side by side are cells). */
function stackCells(header: readonly TLine[], colRange: Columns['colRange']): HeaderCell[] {
  const hcells: HeaderCell[] = [];
  for (const l of header) {
    for (const p of l.pieces) {
      const [c0, c1] = colRange(p);
      const aligned = (h: HeaderCell) => {
        const q = h.pieces[h.pieces.length - 1]!;
        return Math.abs(q.left - p.left) < 2.5 || Math.abs(q.right - p.right) < 2.5 || Math.abs(q.left + q.right - p.left - p.right) < 5;
      };
      const alone = (h: HeaderCell) => l.pieces.filter((q) => {
        const [a, b] = colRange(q);
        return a >= h.c0 && b <= h.c1;
      }).length === 1;
      const above = hcells.filter((h) => h.c0 <= c0 && c1 <= h.c1 && p.y - h.y <= WRAP_PITCH_EM * l.size && p.y > h.y + 0.3 * l.size && aligned(h) && alone(h));
      const under = above[above.length - 1];
      const blocked = under && hcells.some((h) => h !== under && h.y > under.y && h.y < p.y && h.c0 <= c0 && h.c1 >= c0);
      if (under && !blocked) {
        under.pieces.push(p);
        under.y = p.y;
        under.c1 = Math.max(under.c1, c1);
      } else hcells.push({ pieces: [p], top: p.y - l.size, y: p.y, c0, c1, level: 0 });
    }
  }
  return hcells;
}

/** A cell centred over more columns than its text reaches is widened (left, right or both), within
 *  its parent's columns, while that centres it better over them (cells centred in equal columns:
 *  the middle of the first and the last column's middles), or as well over columns whose cells
 *  below start on the same line as those under it (siblings). */
function widenCentred(hcells: HeaderCell[], spans: Columns['spans']): void {
  const ncols = spans.length;
  /** The top of the first header cell below h in column c. */
  const firstBelow = (h: HeaderCell, c: number): number | null => {
    const tops = hcells.filter((k) => k !== h && k.top > h.y - 0.2 * (h.y - h.top) && k.c0 <= c && k.c1 >= c).map((k) => Math.round(k.top));
    return tops.length ? Math.min(...tops) : null;
  };
  const mid = (c: number) => (spans[c]!.left + spans[c]!.right) / 2;
  for (const h of hcells) {
    const center = (Math.min(...h.pieces.map((p) => p.left)) + Math.max(...h.pieces.map((p) => p.right))) / 2;
    const off = (c0: number, c1: number) => Math.abs((mid(c0) + mid(c1)) / 2 - center);
    const sideBySide = (c: number) => hcells.some((k) => k !== h && Math.abs(k.top - h.top) < 1 && k.c0 <= c && k.c1 >= c);
    const parent = hcells.filter((k) => k !== h && k.y < h.top + 1 && k.c0 <= h.c0 && k.c1 >= h.c1).sort((a, b) => b.y - a.y)[0];
    const fits = (c: number) => c >= (parent?.c0 ?? 0) && c <= (parent?.c1 ?? ncols - 1) && !sideBySide(c) && firstBelow(h, c) !== null;
    for (;;) {
      const options = ([[h.c0 - 1, h.c1], [h.c0, h.c1 + 1], [h.c0 - 1, h.c1 + 1]] as const)
        .filter(([a, b]) => (a === h.c0 || fits(a)) && (b === h.c1 || fits(b)))
        .filter(([a, b]) => off(a, b) < 0.03 * (spans[b]!.right - spans[a]!.left) && (off(a, b) < off(h.c0, h.c1) - 1
          || (off(a, b) <= off(h.c0, h.c1) + 1 && [a, b].every((c) => firstBelow(h, c) === firstBelow(h, h.c0)))));
      if (!options.length) break;
      const [a, b] = options.sort((x, y) => off(x[0], x[1]) - off(y[0], y[1]))[0]!;
      h.c0 = a;
      h.c1 = b;
    }
  }
}

/** Each cell's level: one below the deepest cell above it in its columns; cells under a parent on
 *  the same line share a level ('Ngân sách huyện', 'Ngân sách xã' under 'Trong đó' and beside it).
 *  Returns the number of levels. */
function assignLevels(hcells: HeaderCell[]): number {
  hcells.sort((h, k) => h.top - k.top);
  for (const h of hcells) {
    const over = hcells.filter((k) => k !== h && k.top < h.top - 0.3 * (h.y - h.top) && k.c0 <= h.c1 && k.c1 >= h.c0 && k.y < h.top + 0.5);
    h.level = over.length ? 1 + Math.max(...over.map((k) => k.level)) : 0;
  }
  for (const h of hcells) {
    if (h.level === 0) continue;
    const peers = hcells.filter((k) => k.level > 0 && Math.abs(k.top - h.top) < 2);
    h.level = Math.max(...peers.map((k) => k.level));
  }
  return hcells.length ? 1 + Math.max(...hcells.map((h) => h.level)) : 0;
}

/** The header as a grid of owners. A cell left of an empty place under the same parent spans it
 *  (when a deeper row has a cell there); a cell with nothing above it up to its parent moves up
 *  under the parent (centred vertically in a cell two rows high, its text sits on the lower row). */
function ownerGrid(hcells: HeaderCell[], levels: number, ncols: number): (HeaderCell | null)[][] {
  const owner: (HeaderCell | null)[][] = Array.from({ length: levels }, () => new Array<HeaderCell | null>(ncols).fill(null));
  for (const h of hcells) {
    const taken = owner[h.level]![h.c0];
    if (taken) {
      // Two cells at one place (a wide cell ran into its neighbour): one cell, no text lost.
      taken.pieces.push(...h.pieces);
      continue;
    }
    for (let c = h.c0; c <= h.c1; c++) if (!owner[h.level]![c]) owner[h.level]![c] = h;
  }
  for (let L = 1; L < levels; L++) {
    for (let c = 1; c < ncols; c++) {
      const left = owner[L]![c - 1];
      if (owner[L]![c] || !left || owner[L - 1]![c] !== owner[L - 1]![c - 1] || !owner[L - 1]![c]) continue;
      if (!owner.slice(L + 1).some((row) => row[c])) continue;
      owner[L]![c] = left;
      left.c1 = Math.max(left.c1, c);
    }
  }
  for (let L = 2; L < levels; L++) {
    for (const h of new Set(owner[L]!.filter((o): o is HeaderCell => o !== null))) {
      if (h.level !== L) continue;
      let to = L;
      while (to > 1 && Array.from({ length: h.c1 - h.c0 + 1 }, (_, k) => owner[to - 1]![h.c0 + k]).every((o) => !o)) to--;
      if (to === L) continue;
      for (let c = h.c0; c <= h.c1; c++) {
        owner[L]![c] = null;
        owner[to]![c] = h;
      }
      h.level = to;
    }
  }
  return owner;
}

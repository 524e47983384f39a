// Borderless tables, step 5: the rows below the header. Each line is a row, except a line that
// goes on with the row above: close to it (no cell padding between), not a second value in a
// cell, not a new first cell, and, in a cell that already has text, a wrap (its first word would
// not have fitted on the line above). The first line of a cell centred vertically opens the row
// of the line below it that starts in the first column.
import type { GridTable, Run } from '../../layout/page-layout.ts';
import type { Columns } from './columns.ts';
import { VALUE, WRAP_PITCH_EM, type Piece, type TLine } from './pieces.ts';

interface RowCell {
  cs: number;
  runs: Run[];
  last: Piece;
}

export interface Body {
  /** Grid cells of the body rows, from row `firstRow` on. */
  cells: GridTable['cells'];
  /** Top of each body row. */
  tops: number[];
}

export function readRows(data: readonly TLine[], cols: Columns, firstRow: number): Body {
  const { spans, colRange } = cols;
  const ncols = spans.length;
  const rows: { y: number; cells: Map<number, RowCell>; opened: boolean }[] = [];
  // Would the piece's first word have fitted at the end of the cell's last line (the room: the
  // widest text its columns hold)? Then it is not that line's wrap.
  const fitted = (cell: RowCell, p: Piece) => {
    const c = colRange(cell.last)[0];
    const room = spans[Math.min(ncols - 1, c + cell.cs - 1)]!.right - spans[c]!.left;
    return cell.last.right - cell.last.left + 0.25 * p.runs[0]!.size + p.runs[0]!.w < room - 2;
  };
  let prev: TLine | null = null;
  data.forEach((l, k) => {
    const placed = l.pieces.map((p) => ({ p, range: colRange(p) }));
    const startsRow = placed.some(({ range }) => range[0] === 0);
    const row = rows[rows.length - 1];
    const next = data[k + 1];
    const leads = next !== undefined && !startsRow && next.y - l.y < 0.9 * l.size && next.pieces.some((p) => colRange(p)[0] === 0);
    const joins = !leads && row !== undefined && prev !== null && (l.y - prev.y <= WRAP_PITCH_EM * l.size || row.opened)
      && !(row.cells.has(0) && startsRow)
      && placed.every(({ p, range }) => {
        const cell = row.cells.get(range[0]);
        return !cell || (!VALUE.test(p.text) && !fitted(cell, p));
      });
    const target = joins && row ? row.cells : new Map<number, RowCell>();
    for (const { p, range } of placed) {
      const had = target.get(range[0]);
      if (had) {
        had.runs.push(...p.runs);
        had.cs = Math.max(had.cs, range[1] - range[0] + 1);
        had.last = p;
      } else target.set(range[0], { cs: range[1] - range[0] + 1, runs: [...p.runs], last: p });
    }
    if (!joins) rows.push({ y: l.y - l.size, cells: target, opened: leads });
    else if (row && startsRow) row.opened = false;
    prev = l;
  });
  const cells: GridTable['cells'] = [];
  rows.forEach((row, k) => {
    for (let c = 0; c < ncols;) {
      const cell = row.cells.get(c);
      const cs = cell ? Math.min(cell.cs, ncols - c) : 1;
      cells.push({ r: firstRow + k, c, rs: 1, cs, runs: cell?.runs ?? [] });
      c += cs;
    }
  });
  return { cells, tops: rows.map((r) => r.y) };
}

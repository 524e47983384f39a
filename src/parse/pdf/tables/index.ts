// Step 4 of the PDF path: words → borderless tables. A Word table printed without borders has no
// rules to find its cells by; its cells show in the words' geometry instead:
//   pieces.ts   words → lines → pieces (a cell's text on one line: cell gaps are wider than word spaces)
//   (here)      blocks of lines that hold a table: lines with several pieces and the lines around
//               them that are not running text, titles or notes
//   columns.ts  the columns, from the rows with values and the header's lowest cells
//   header.ts   the header above the first value row: cells, merged cells, levels
//   rows.ts     the rows below it (wrapped cells, cells centred vertically)
// Only blocks of three columns or more are taken; two-column blocks (the header and signature
// tables) are read by the layout's column blocks. Ruled tables come from the rules, in the layout.
import { detectTables, LIST_LABEL, type GridTable, type Rule, type Run } from '../../layout/page-layout.ts';
import { findColumns } from './columns.ts';
import { readHeader } from './header.ts';
import { toLines, VALUE, WRAP_PITCH_EM, type TLine } from './pieces.ts';
import { readRows } from './rows.ts';

/** Lines of one table are at most this far apart (em, baseline to baseline). */
const ROW_PITCH_EM = 2.2;

export function borderlessTables(page: number, runs: readonly Run[], rules: readonly Rule[]): GridTable[] {
  const ruled = detectTables(page, rules);
  const free = runs.filter((r) => !ruled.some((t) => r.y >= t.top - 2 && r.y - 0.3 * r.size <= t.bottom + 2 && r.x + r.w >= t.xs[0]! - 2 && r.x <= t.xs[t.xs.length - 1]! + 2));
  const lines = toLines(free);
  if (lines.length < 2) return [];
  const textLeft = percentile(lines.map((l) => l.left), 0.1);
  const textRight = Math.max(...lines.map((l) => l.right));
  const width = Math.max(1, textRight - textLeft);
  /** Is `l`, next to `from` (the table's line beside it; `block` the table's lines so far),
   *  running text rather than a table line? */
  const isFlow = (l: TLine, from: TLine, block: TLine[]) => {
    if (l.pieces.length > 1) return false;
    const center = (l.left + l.right) / 2;
    // A title centred on the page: set apart from the table by more than a row's pitch, or not
    // lined up with the table's cells (a merged header cell starts where a cell starts, or is
    // centred over the cells it spans).
    if (Math.abs(center - (textLeft + textRight) / 2) < 0.03 * width) {
      if (Math.abs(l.y - from.y) > 1.4 * Math.max(l.size, from.size) || l.right - l.left > 0.5 * width) return true;
      const pieces = block.flatMap((k) => k.pieces);
      const aligned = pieces.some((a) => Math.abs(a.left - l.left) < 2 || Math.abs(a.right - l.right) < 2)
        || pieces.some((a) => pieces.some((b) => b.right > a.left && Math.abs((a.left + b.right) / 2 - center) < 1.5));
      if (!aligned) return true;
    }
    // A note set flush right, a row's distance from the table ('Đơn vị tính: …'); a cell of the
    // last column is as close to the cells beside it as a line.
    if (l.right >= textRight - 2 && l.left > textLeft + 0.5 * width && Math.abs(l.y - from.y) > WRAP_PITCH_EM * Math.max(l.size, from.size)) return true;
    if (l.left > textLeft + l.size) return false;
    // From the left margin: a line of text, a numbered heading ('2. Công tác kiểm tra …'), a sentence.
    const words = l.runs.length;
    return l.right - l.left >= 0.45 * width || words >= 6 || (words >= 3 && LIST_LABEL.test(l.runs[0]!.text));
  };
  const isRow = (l: TLine) => l.pieces.length >= 3 || (l.pieces.length === 2 && !LIST_LABEL.test(l.pieces[0]!.text));

  const tables: GridTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isRow(lines[i]!)) {
      i++;
      continue;
    }
    // The block around this row line: close lines that are not running text.
    let a = i, b = i;
    const near = (p: TLine, q: TLine) => Math.abs(q.y - p.y) <= ROW_PITCH_EM * Math.max(p.size, q.size);
    while (b + 1 < lines.length && near(lines[b]!, lines[b + 1]!) && !isFlow(lines[b + 1]!, lines[b]!, lines.slice(a, b + 1))) b++;
    while (a > 0 && near(lines[a - 1]!, lines[a]!) && !isFlow(lines[a - 1]!, lines[a]!, lines.slice(a, b + 1))) a--;
    const table = buildTable(page, lines.slice(a, b + 1));
    if (table) tables.push(table);
    i = b + 1;
  }
  return tables;
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}


/** A block of lines → a table grid, or null when it is not one (fewer than two lines with several
 *  pieces, fewer than three columns). */
function buildTable(page: number, lines: TLine[]): GridTable | null {
  if (lines.filter((l) => l.pieces.length >= 2).length < 2) return null;
  // The header ends at the first line with a value (a form left blank is all header). Lines less
  // than a line apart are one row (cells centred vertically: the first line of a wrapped cell sits
  // above the one-line cells of its row).
  let firstValue = lines.findIndex((l) => l.pieces.some((p) => VALUE.test(p.text)));
  if (firstValue < 0) firstValue = lines.length;
  while (firstValue > 0 && firstValue < lines.length && lines[firstValue]!.y - lines[firstValue - 1]!.y < 0.9 * lines[firstValue]!.size) firstValue--;
  let header = lines.slice(0, firstValue);
  let data = lines.slice(firstValue);
  const cols = findColumns(header, data);
  if (!cols) return null;
  const { xs, colRange } = cols;

  // A header line with a new cell in the first column starts the body when it is a row's distance
  // below the one above it, or when its first word would have fitted on that one (not a wrap):
  // 'I  Các văn bản của …' under 'TT  Số, kí hiệu …'.
  let lastFirst: TLine['pieces'][number] | null = null;
  for (let k = 0; k < header.length; k++) {
    const l = header[k]!;
    const first = l.pieces.find((p) => colRange(p)[0] === 0);
    if (!first) continue;
    const fitted = lastFirst !== null && lastFirst.right - lastFirst.left + 0.25 * l.size + first.runs[0]!.w < xs[1]! - xs[0]! - 1;
    if (lastFirst !== null && (first.y - lastFirst.y > WRAP_PITCH_EM * l.size || fitted)) {
      data = [...header.slice(k), ...data];
      header = header.slice(0, k);
      break;
    }
    lastFirst = first;
  }

  const head = readHeader(header, cols);
  const body = readRows(data, cols, head.levels);
  const lastLine = lines[lines.length - 1]!;
  const ys = [...head.tops, ...body.tops, lastLine.y + 0.3 * lastLine.size];
  for (let k = 1; k < ys.length; k++) if (!(ys[k]! > ys[k - 1]!)) ys[k] = ys[k - 1]! + 0.01;
  return { page, top: ys[0]!, bottom: ys[ys.length - 1]!, xs, ys, cells: [...head.cells, ...body.cells], borderless: true };
}

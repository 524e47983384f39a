// Step 4 of the PDF path: words → borderless tables. A Word table printed without borders has no
// rules to find its cells by; its cells show in the words' geometry instead:
//  - a gap between two cells of a line is wider than the line's word spaces (cell padding);
//  - the value rows (a number or a mark in some cell) give the columns: the x-ranges their pieces
//    cover, plus the header pieces that stand over no value;
//  - above the first value row is the header: its pieces are stacked into cells (wrapped lines of a
//    cell start in the same column and follow at the line pitch), a cell over others spans their
//    columns (merged header cells), and the header's rows are the cells' nesting levels;
//  - below it each line is a row, except a line that only continues the wrapped cells above.
// Only blocks of three columns or more are taken; two-column blocks (the header and signature
// tables) are read by the layout's column blocks. Ruled tables come from the rules, in the layout.
import { detectTables, LIST_LABEL, type GridTable, type Rule, type Run } from '../layout/page-layout.ts';

interface Piece {
  runs: Run[];
  /** Baseline of its first word (a line's pieces may sit a little apart: cells centred vertically). */
  y: number;
  left: number;
  right: number;
  text: string;
}

interface TLine {
  y: number;
  size: number;
  runs: Run[];
  pieces: Piece[];
  left: number;
  right: number;
}

/** A cell gap is at least this wide (em), and wider than the line's word spaces by WORD_SPACE_RATIO. */
const CELL_GAP_EM = 0.3;
const WORD_SPACE_RATIO = 1.25;
/** Lines of one table are at most this far apart (em, baseline to baseline). */
const ROW_PITCH_EM = 2.2;
/** Lines of one cell follow at most this far apart (em); a new row is farther (cell padding). */
const WRAP_PITCH_EM = 1.25;
const VALUE = /^(?:\d[\d.,]*|[xX×✓✔])$/u;

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

// ---------------------------------------------------------------------------------------------
// Words → lines → pieces (the text of one cell on one line)

function toLines(runs: readonly Run[]): TLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(r.y - g[0]!.y) <= 0.4 * Math.min(r.size, g[0]!.size)) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    const rs = g.sort((a, b) => a.x - b.x);
    const size = Math.max(...rs.map((r) => r.size));
    const gaps = rs.slice(1).map((r, k) => r.x - (rs[k]!.x + rs[k]!.w));
    // The line's word space: the middle one of its gaps up to 0.7 em (a justified line stretches
    // them all alike; a thin space inside '19 074' is not one).
    const small = gaps.filter((x) => x <= 0.7 * size).sort((x, y) => x - y);
    const space = small.length ? small[small.length >> 1]! : 0.25 * size;
    // A justified line with few words stretches every space alike, even past 0.7 em: many gaps,
    // all within 15 % of each other, are word spaces.
    const sortedGaps = [...gaps].sort((x, y) => x - y);
    const uniform = gaps.length >= 5 && sortedGaps[sortedGaps.length - 1]! <= 1.15 * sortedGaps[0]!;
    const cut = uniform ? Infinity : Math.max(CELL_GAP_EM * size, WORD_SPACE_RATIO * space);
    const pieces: Piece[] = [];
    rs.forEach((r, k) => {
      const last = pieces[pieces.length - 1];
      // A list number and the tab after it ('1.⇥Công tác tập huấn …') are one piece of text.
      const afterLabel = pieces.length === 1 && last !== undefined && /[.)]$|^[-–+•]$/u.test(last.text) && LIST_LABEL.test(last.text) && gaps[k - 1]! < 6 * size;
      if (last && (gaps[k - 1]! <= cut || afterLabel)) {
        last.runs.push(r);
        last.right = Math.max(last.right, r.x + r.w);
        last.text += ` ${r.text}`;
      } else pieces.push({ runs: [r], y: r.y, left: r.x, right: r.x + r.w, text: r.text });
    });
    return { y: rs[0]!.y, size, runs: rs, pieces, left: pieces[0]!.left, right: Math.max(...pieces.map((p) => p.right)) };
  });
}

// ---------------------------------------------------------------------------------------------
// A block of lines → a table grid

interface HeaderCell {
  pieces: Piece[];
  top: number;
  y: number;
  c0: number;
  c1: number;
  level: number;
}

function buildTable(page: number, lines: TLine[]): GridTable | null {
  let firstValue = lines.findIndex((l) => l.pieces.some((p) => VALUE.test(p.text)));
  if (firstValue < 0) return null;
  // Lines less than a line apart are one row (cells centred vertically: the first line of a
  // wrapped cell sits above the one-line cells of its row).
  while (firstValue > 0 && lines[firstValue]!.y - lines[firstValue - 1]!.y < 0.9 * lines[firstValue]!.size) firstValue--;
  let header = lines.slice(0, firstValue);
  let data = lines.slice(firstValue);
  if (lines.filter((l) => l.pieces.length >= 2).length < 2) return null;

  // Columns: the x-ranges the value rows cover, then the header pieces over nothing else.
  const spans: { left: number; right: number }[] = [];
  const addSpan = (left: number, right: number, mergeGap: number) => {
    const overl = spans.filter((s) => left < s.right + mergeGap && right > s.left - mergeGap);
    for (const s of overl) spans.splice(spans.indexOf(s), 1);
    spans.push({ left: Math.min(left, ...overl.map((s) => s.left)), right: Math.max(right, ...overl.map((s) => s.right)) });
  };
  for (const l of data) if (l.pieces.length >= 2) for (const p of l.pieces) addSpan(p.left, p.right, 0.1 * l.size);
  // A one-piece line across two columns at the end is a note under the table ('Đơn vị tính: …').
  const bridges = (l: TLine) => l.pieces.length === 1 && spans.filter((sp) => l.left < sp.right && l.right > sp.left).length >= 2;
  while (data.length > 1 && bridges(data[data.length - 1]!)) data.pop();
  // Other one-piece lines only open a column where there is none (they may be wider than it).
  for (const l of data) if (l.pieces.length === 1 && !spans.some((sp) => l.left < sp.right && l.right > sp.left)) addSpan(l.left, l.right, 0.1 * l.size);
  // A header piece over no value opens a column of its own when no header piece below it shares
  // its place (a column left empty in every row); a piece with others under it ('Trong đó') is a
  // merged cell over theirs.
  const headerPieces = header.flatMap((l) => l.pieces).sort((p, q) => (p.right - p.left) - (q.right - q.left));
  const leaf = (p: Piece) => !headerPieces.some((q) => q !== p && q.y > p.y + 0.5 && q.left < p.right && q.right > p.left);
  // A header piece over no value, between columns, beside a column that has no header piece of its
  // own, is that column's header (a header centred over values set flush left).
  const headed = (sp: { left: number; right: number }) => headerPieces.some((q) => q.left < sp.right && q.right > sp.left);
  const valueSpans = [...spans];
  for (const p of headerPieces) {
    if (!leaf(p) || spans.some((s) => p.left < s.right && p.right > s.left)) continue;
    const left = valueSpans.filter((sp) => sp.right <= p.left).sort((a, b) => b.right - a.right)[0];
    const right = valueSpans.filter((sp) => sp.left >= p.right).sort((a, b) => a.left - b.left)[0];
    const host = left && right ? (!headed(left) ? left : !headed(right) ? right : null) : null;
    if (host) {
      host.left = Math.min(host.left, p.left);
      host.right = Math.max(host.right, p.right);
    } else spans.push({ left: p.left, right: p.right });
  }
  spans.sort((s, t) => s.left - t.left);
  if (process.env.DEBUG_TABLES) {
    for (const l of lines) console.error(l.y.toFixed(1), l.pieces.map((p) => `[${p.left.toFixed(0)}-${p.right.toFixed(0)}]${p.text}`).join(' | '));
    console.error('spans', spans.map((s) => `${s.left.toFixed(0)}-${s.right.toFixed(0)}`).join(' '));
  }
  if (spans.length < 3) return null;
  // Each column's extent: its values and the header pieces standing over them alone (the lowest
  // header cell of the column). Pieces above several columns are merged cells over them.
  for (const p of headerPieces) {
    if (!leaf(p)) continue;
    const over = spans.filter((sp) => p.left < sp.right && p.right > sp.left);
    if (over.length !== 1) continue;
    const sp = over[0]!;
    const k = spans.indexOf(sp);
    const left = Math.min(sp.left, p.left), right = Math.max(sp.right, p.right);
    // It must not run into a neighbour's values.
    if ((k > 0 && left < spans[k - 1]!.right) || (k + 1 < spans.length && right > spans[k + 1]!.left)) continue;
    sp.left = left;
    sp.right = right;
  }
  const xs = [spans[0]!.left - 1, ...spans.slice(1).map((s, k) => (spans[k]!.right + s.left) / 2), spans[spans.length - 1]!.right + 1];
  const ncols = spans.length;
  const colOf = (x: number) => {
    let c = 0;
    while (c < ncols - 1 && x >= xs[c + 1]!) c++;
    return c;
  };
  const colRange = (p: Piece): [number, number] => {
    // The columns whose extent the piece overlaps; one in a gap goes to the column nearest it.
    const over = spans.map((sp, c) => (p.left < sp.right - 0.5 && p.right > sp.left + 0.5 ? c : -1)).filter((c) => c >= 0);
    if (over.length) return [over[0]!, over[over.length - 1]!];
    const c = colOf((p.left + p.right) / 2);
    return [c, c];
  };

  // A line of the header with a new cell in the first column, a row's distance below the one
  // above it ('I  Các văn bản của …' under 'TT  Số, kí hiệu …'), starts the body.
  // Or a line's distance, when its first word would have fitted on the line above (no wrap).
  let lastFirst: Piece | null = null;
  for (let k = 0; k < header.length; k++) {
    const l = header[k]!;
    const first = l.pieces.find((p) => colRange(p)[0] === 0);
    if (!first) continue;
    const word = first.runs[0]!;
    const fitted = lastFirst !== null && lastFirst.right - lastFirst.left + 0.25 * l.size + word.w < xs[1]! - xs[0]! - 1;
    if (lastFirst !== null && (first.y - lastFirst.y > WRAP_PITCH_EM * l.size || fitted)) {
      data = [...header.slice(k), ...data];
      header = header.slice(0, k);
      break;
    }
    lastFirst = first;
  }

  // Header: pieces stacked into cells, cells nested into levels.
  const hcells: HeaderCell[] = [];
  for (const l of header) {
    for (const p of l.pieces) {
      const [c0, c1] = colRange(p);
      // The next line of a cell: close below it, within its columns, aligned with it (left,
      // centre or right); a cell under a wider one (its parent) is not aligned with it.
      const aligned = (h: HeaderCell) => {
        const q = h.pieces[h.pieces.length - 1]!;
        return Math.abs(q.left - p.left) < 2.5 || Math.abs(q.right - p.right) < 2.5 || Math.abs(q.left + q.right - p.left - p.right) < 5;
      };
      // (and the only piece of its line under that cell: pieces side by side are cells of their own)
      const alone = (h: HeaderCell) => l.pieces.filter((q) => { const [a, b] = colRange(q); return a >= h.c0 && b <= h.c1; }).length === 1;
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
  /** The top of the first header cell below h in column c (cells side by side under one parent
   *  start on one line). */
  const firstBelow = (h: HeaderCell, c: number): number | null => {
    const tops = hcells.filter((k) => k !== h && k.top > h.y - 0.2 * (h.y - h.top) && k.c0 <= c && k.c1 >= c).map((k) => Math.round(k.top));
    return tops.length ? Math.min(...tops) : null;
  };
  // A cell centred over more columns than its text reaches: widened, left, right or both, while
  // that centres it better over them, and the columns it takes have the same cells below it
  // (siblings under one parent start on one line).
  for (const h of hcells) {
    const left = Math.min(...h.pieces.map((p) => p.left)), right = Math.max(...h.pieces.map((p) => p.right));
    const center = (left + right) / 2;
    // Cells centred in equal columns: the middle of the first and the last column's middles.
    const mid = (c: number) => (spans[c]!.left + spans[c]!.right) / 2;
    const off = (c0: number, c1: number) => Math.abs((mid(c0) + mid(c1)) / 2 - center);
    const sideBySide = (c: number) => hcells.some((k) => k !== h && Math.abs(k.top - h.top) < 1 && k.c0 <= c && k.c1 >= c);
    // ... and within its parent's columns.
    const parent = hcells.filter((k) => k !== h && k.y < h.top + 1 && k.c0 <= h.c0 && k.c1 >= h.c1).sort((a, b) => b.y - a.y)[0];
    const fits = (c: number) => c >= (parent?.c0 ?? 0) && c <= (parent?.c1 ?? ncols - 1) && !sideBySide(c) && firstBelow(h, c) !== null;
    for (;;) {
      const options = ([[h.c0 - 1, h.c1], [h.c0, h.c1 + 1], [h.c0 - 1, h.c1 + 1]] as const)
        .filter(([a, b]) => (a === h.c0 || fits(a)) && (b === h.c1 || fits(b)))
        .filter(([a, b]) => off(a, b) < 0.03 * (spans[b]!.right - spans[a]!.left) && (off(a, b) < off(h.c0, h.c1) - 1
          // as well centred, over columns whose cells below start on the same line as those under it
          || (off(a, b) <= off(h.c0, h.c1) + 1 && [a, b].every((c) => firstBelow(h, c) === firstBelow(h, h.c0)))));
      if (!options.length) break;
      const [a, b] = options.sort((x, y) => off(x[0], x[1]) - off(y[0], y[1]))[0]!;
      h.c0 = a;
      h.c1 = b;
    }
  }
  hcells.sort((h, k) => h.top - k.top);
  for (const h of hcells) {
    const over = hcells.filter((k) => k !== h && k.top < h.top - 0.3 * (h.y - h.top) && k.c0 <= h.c1 && k.c1 >= h.c0 && k.y < h.top + 0.5);
    h.level = over.length ? 1 + Math.max(...over.map((k) => k.level)) : 0;
  }
  // Cells under a parent on the same line sit on the same level ('Ngân sách huyện', 'Ngân sách xã'
  // under 'Trong đó' and beside it).
  for (const h of hcells) {
    if (h.level === 0) continue;
    const peers = hcells.filter((k) => k.level > 0 && Math.abs(k.top - h.top) < 2);
    h.level = Math.max(...peers.map((k) => k.level));
  }
  const levels = hcells.length ? 1 + Math.max(...hcells.map((h) => h.level)) : 0;
  // The header as a grid of owners; a cell left of an empty place under the same parent spans it.
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
      const deeper = owner.slice(L + 1).some((row) => row[c]);
      if (!deeper) continue;
      owner[L]![c] = left;
      left.c1 = Math.max(left.c1, c);
    }
  }
  // A cell with nothing above it in its columns up to its parent starts right under the parent
  // (centred vertically in a cell two rows high, its text sits on the lower row).
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

  // Rows below the header: a line each, or the continuation of wrapped cells above.
  type RowCell = { cs: number; runs: Run[]; last: Piece };
  const rows: { y: number; cells: Map<number, RowCell> }[] = [];
  let prev: TLine | null = null;
  // Would the piece's first word have fitted at the end of the cell's last line? Then it is not
  // that line's wrap but a new paragraph or a new row.
  const fitted = (cell: RowCell, p: Piece) => {
    // The room in the cell: the widest text its columns hold.
    const c = colRange(cell.last)[0];
    const room = spans[Math.min(ncols - 1, c + cell.cs - 1)]!.right - spans[c]!.left;
    return cell.last.right - cell.last.left + 0.25 * p.runs[0]!.size + p.runs[0]!.w < room - 2;
  };
  /** Rows opened by the first line of a centred cell: the line with the row's first cell joins them. */
  const openedBy = new Map<number, boolean>();
  data.forEach((l, k) => {
    const placed = l.pieces.map((p) => ({ p, range: colRange(p) }));
    const row = rows[rows.length - 1];
    // Less than a line above a line that starts a row in the first column: the first line of a
    // wrapped cell in that row (cells centred vertically).
    const next = data[k + 1];
    const leads = next !== undefined && !placed.some(({ range }) => range[0] === 0) && next.y - l.y < 0.9 * l.size
      && next.pieces.some((p) => colRange(p)[0] === 0);
    // Close to the line above (no cell padding between): the same row, unless it starts a new
    // numbered row or puts a second value into a cell.
    const opened = rows.length > 0 && openedBy.get(rows.length - 1) === true;
    const joins = !leads && row !== undefined && prev !== null && (l.y - prev.y <= WRAP_PITCH_EM * l.size || opened)
      && !(row.cells.has(0) && placed.some(({ range }) => range[0] === 0))
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
    if (!joins) {
      rows.push({ y: l.y - l.size, cells: target });
      openedBy.set(rows.length - 1, leads);
    } else if (opened && placed.some(({ range }) => range[0] === 0)) openedBy.set(rows.length - 1, false);
    prev = l;
  });
  rows.forEach((row, k) => {
    const r = levels + k;
    for (let c = 0; c < ncols;) {
      const cell = row.cells.get(c);
      const cs = cell ? Math.min(cell.cs, ncols - c) : 1;
      cells.push({ r, c, rs: 1, cs, runs: cell?.runs ?? [] });
      c += cs;
    }
  });

  // Row lines (y): the header's levels from their cells' tops, then the rows.
  const ys: number[] = [];
  for (let L = 0; L < levels; L++) ys.push(Math.min(...hcells.filter((h) => h.level === L).map((h) => h.top)));
  for (const row of rows) ys.push(row.y);
  ys.push(data[data.length - 1]!.y + 0.3 * data[data.length - 1]!.size);
  for (let k = 1; k < ys.length; k++) if (!(ys[k]! > ys[k - 1]!)) ys[k] = ys[k - 1]! + 0.01;
  return { page, top: ys[0]!, bottom: ys[ys.length - 1]!, xs, ys, cells, borderless: true };
}

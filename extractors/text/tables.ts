// Table views: a table's header rows and column labels (merged headers resolved), value cells, total
// rows, the text around a table, and a count read from a column. Pure functions over the model.
import type { Block, DocumentModel, Table } from '../../src/document/model.ts';
import { parseVnNumber } from '../../src/document/numbers.ts';
import { foldKeep } from '../../src/document/text.ts';
import { rowQuote } from '../lib.ts';

const CELL_EMPTY = /^[\s\-–—.…]*$/;

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}


export interface TableView {
  table: Table;
  /** Number of header rows at the top. */
  headerRows: number;
  /** Per column, its header labels from top to bottom (merged headers resolved, duplicates dropped). */
  paths: string[][];
  /** Per column, paths joined with ' > '. */
  labels: string[];
  /** Per column, folded labels (for keyword tests). */
  folded: string[];
  /** Indexes of the rows below the header (column-numbering rows '(1) (2) …' left out). */
  dataRows: number[];
}

const MARK = /^[xX×✓✔✗☑●•+vV]$/;

export function isMark(cell: string): boolean {
  return MARK.test(cell.trim());
}

/** Units of measure a value cell may carry after its number. */
const CELL_UNIT = /^(?:ha|km2|km²|km|m2|%|nguoi|ho|khau|nhan khau|thon|xom|to dan pho|chi bo|dang vien|dong chi|d\/c|cai|chiec|lop|luot|cuoc|dot|lan|dong|trieu dong|trieu|nghin dong|tr\.?d|phieu|thanh vien)$/;

/** A cell that holds a value: a number or a mark. */
function isValueCell(cell: string): boolean {
  const t = cell.trim();
  if (isMark(t)) return true;
  // A number, maybe with a unit of measure or a bracket in the cell ('512,4 ha', '7.215 người', '19 (trong đó …)');
  // not a heading such as '3 sao' or 'Nhóm 1'.
  const m = /^(\d[\d.,\s]*?)\s*(?:([\p{L}%²/.]+(?:\s+[\p{L}]+)?)|\(.*\))?$/u.exec(t);
  if (!m || parseVnNumber(m[1]!.trim()) === null) return false;
  return m[2] === undefined || CELL_UNIT.test(foldKeep(m[2]));
}

/** A row numbering the columns: (1) (2) (3) … or 1 2 3 … or A B 1 2 … */
function isNumberingRow(row: string[]): boolean {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  if (cells.length < 3) return false;
  const nums = cells.map((c) => /^\(?(\d{1,2})\)?$/.exec(c)?.[1]).filter((x): x is string => x !== undefined).map(Number);
  if (nums.length < 3 || nums.length < cells.length - 2) return false;
  return nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
}

/** Reads the header of a table. Header rows = the rows at the top before the first row with a value
 *  cell (number or mark). Text tables (no merged cells) leave a merged header's other positions blank:
 *  a blank header position takes the label on its left when both sit under the same parent label in
 *  the row above (a horizontal merge), else nothing (a vertical merge: the label above applies). */
export function tableView(table: Table): TableView {
  const grid = table.grid;
  const width = grid[0]?.length ?? 0;
  let headerRows = 0;
  while (headerRows < grid.length && !grid[headerRows]!.some(isValueCell)) headerRows++;
  // (a table with no value at all is all header: an empty form, no data rows)
  // Effective label and span id per header row.
  const eff: (string | null)[][] = [];
  const span: number[][] = [];
  for (let r = 0; r < headerRows; r++) {
    eff[r] = [];
    span[r] = [];
    for (let c = 0; c < width; c++) {
      const cell = grid[r]![c]!.trim();
      if (cell) {
        // a docx merge repeats the text: same span as the left cell when it repeats it
        const sameAsLeft = c > 0 && grid[r]![c - 1]!.trim() === cell && (r === 0 || span[r - 1]![c - 1] === span[r - 1]![c]);
        eff[r]![c] = cell;
        span[r]![c] = sameAsLeft ? span[r]![c - 1]! : r * 1000 + c;
        continue;
      }
      const left = c > 0 ? eff[r]![c - 1] : null;
      const sameParent = r === 0 || span[r - 1]![c - 1] === span[r - 1]![c];
      if (left && sameParent) {
        eff[r]![c] = left;
        span[r]![c] = span[r]![c - 1]!;
      } else {
        eff[r]![c] = null;
        span[r]![c] = r === 0 ? r * 1000 + c : span[r - 1]![c]!;
      }
    }
  }
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const p: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const l = eff[r]![c];
      if (l && p[p.length - 1] !== l) p.push(l.replace(/\s*\n\s*/g, ' '));
    }
    paths.push(p);
  }
  const labels = paths.map((p) => p.join(' > '));
  const dataRows: number[] = [];
  for (let r = headerRows; r < grid.length; r++) if (!isNumberingRow(grid[r]!)) dataRows.push(r);
  return { table, headerRows, paths, labels, folded: labels.map(foldKeep), dataRows };
}

/** Folded text describing a table: the title of the section it sits in, the paragraphs just before it
 *  (up to `back` blocks, stopping at another table), and its header labels. */
export function tableContext(doc: DocumentModel, table: Table, back = 2): string {
  const parts: string[] = [];
  const at = doc.blocks.indexOf(table);
  for (let i = at - 1, n = 0; i >= 0 && n < back; i--, n++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'paragraph') break;
    parts.unshift(b.text);
    if (b.heading) break;
  }
  const heading = headingOf(doc, table);
  if (heading && !parts.includes(heading)) parts.unshift(heading);
  return foldKeep(parts.join(' \n '));
}

/** The text of the heading of the section a block sits in (the nearest heading before it with that path). */
export function headingOf(doc: DocumentModel, block: Block): string | null {
  const at = doc.blocks.indexOf(block);
  const key = block.section.join('\u0000');
  for (let i = at; i >= 0; i--) {
    const b = doc.blocks[i]!;
    if (b.kind === 'paragraph' && b.heading && b.section.join('\u0000') === key) return b.text;
  }
  return null;
}

/** Paragraph texts within `n` blocks after a table (units such as 'Đơn vị tính: Triệu đồng' sit there). */
export function textAfter(doc: DocumentModel, table: Table, n = 2): string[] {
  const at = doc.blocks.indexOf(table);
  const out: string[] = [];
  for (let i = at + 1; i < doc.blocks.length && out.length < n; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'paragraph' || b.heading) break;
    out.push(b.text);
  }
  return out;
}

/** The value of a table cell: a number, or null for an empty cell or a non-number. */
export function cellNumber(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const t = cell.trim();
  if (!t || !/^\d[\d.,\s]*$/.test(t)) return null;
  return parseVnNumber(t);
}

/** A table row as a quote without its empty cells (and without a merged cell's repeats). */
export function cellsQuote(row: string[]): string {
  return rowQuote(row.map((c) => c.trim()).filter((c) => !CELL_EMPTY.test(c)));
}

export interface ColumnValue {
  value: number;
  table: Table;
  /** The rows the value was read from (one, or the summed rows). */
  rows: string[][];
  /** 'Số lớp tập huấn: 0 (0 | 0 | 0)' — the column and the row(s). */
  quote: string;
}

/** A count read from the column whose header (folded) matches `header`, in the first table that has
 *  such a column with a number: the total row when there is one, the single data row, or the sum of
 *  the data rows (one row per class, inspection …). Empty cells are not zeros: a column with no
 *  number gives nothing. `only` filters tables by their folded context + labels. */
export function columnValue(doc: DocumentModel, header: RegExp, only?: (ctx: string) => boolean): ColumnValue | null {
  for (const t of doc.blocks) {
    if (t.kind !== 'table') continue;
    const view = tableView(t);
    const col = view.folded.findIndex((s) => header.test(s));
    if (col < 0) continue;
    if (only && !only(`${tableContext(doc, t)} ${view.folded.join(' | ')}`)) continue;
    const rows = view.dataRows.map((r) => t.grid[r]!);
    const withValue = rows.filter((row) => cellNumber(row[col]) !== null);
    if (!withValue.length) continue;
    const total = withValue.find(isTotalRow);
    const used = total ? [total] : withValue;
    const quote = `${view.labels[col]}: ${used.map((row) => row[col]!.trim()).join(' + ')} (${used.map(cellsQuote).join(' / ')})`;
    const sum = used.reduce((acc, row) => acc + cellNumber(row[col])!, 0);
    return { value: round6(sum), table: t, rows: used, quote };
  }
  return null;
}

/** Rows that total other rows ('Tổng số', 'Tổng cộng', 'Cộng'). */
export function isTotalRow(row: string[]): boolean {
  return row.some((c) => /^(tong( so| cong)?|cong|toan (xa|huyen))\s*:?$/.test(foldKeep(c.trim())));
}

// Labelled values: a label, a number and its unit, however a report lays them out —
//   - a key–value table: first text column the label, a later column the number, maybe a unit column
//     ('Chỉ tiêu | Đơn vị | Số lượng' → 'Dân số | người | 12.345'), or the unit in the label ('Diện tích (ha)');
//   - 'label: value unit' statements in text: a bullet line ('- Diện tích tự nhiên: 1.073,6 ha;'), or several
//     in a row separated by ';' ('Số hộ: 3.412 hộ; nhân khẩu: 13.906 người').
// Extractors then match labels (folded, numbering and bullets stripped) against what they look for.
// A label is read as a whole: 'Văn hóa công sở của cán bộ, công chức' is not 'Cán bộ, công chức'.
import type { DocumentModel, Table } from '../src/document/model.ts';
import { NUMBER } from '../src/document/numbers.ts';
import { DISQUALIFY } from './lexicon.ts';
import { qualifiersIn } from './text/mentions.ts';
import { OTHER_SCOPE, cellNumber, cellsQuote, foldKeep, makeLine, num, tableView, type Line } from './find.ts';

export interface LabelledValue {
  /** Folded label without bullets, numbering, a trailing ':' or a unit in brackets. */
  label: string;
  value: number;
  /** Folded unit: from a unit column, the words after the number, or '(ha)' in the label; '' when none. */
  unit: string;
  /** The line to quote (a table row, or the paragraph), and the span of the statement in it. */
  line: Line;
  start: number;
  end: number;
}

const BULLET = /^\s*(?:[-+•*–]\s*|(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\s*[.)/]\s+)*/u;
const UNIT_IN_LABEL = /\s*\(([^()]{1,30})\)\s*$/u;
const UNIT_HEADER = /^(?:don vi(?: tinh)?|dvt)$/;
/** Columns that do not hold the current value: row numbers, notes, targets, other periods, ratios. */
const OTHER_COLUMN = /^(?:tt|stt|so tt)$|ghi chu|ke hoach|chi tieu giao|muc tieu|cung ky|so sanh|ty le|tang|giam|du kien/;

/** Splits a raw label into its words and a unit written in brackets at its end. */
export function cleanLabel(raw: string): { label: string; unit: string } {
  let label = foldKeep(raw.replace(/\n/g, ' ')).replace(BULLET, '').replace(/[:\s]+$/, '').trim();
  let unit = '';
  const m = UNIT_IN_LABEL.exec(label);
  if (m) {
    unit = m[1]!.trim();
    label = label.slice(0, m.index).trim();
  }
  return { label: label.replace(/\s+/g, ' '), unit };
}

// --- tables ----------------------------------------------------------------------------------

function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** The year a column header names ('Năm 2023', 'Đến 31/5/2024'), if any. */
function headerYear(folded: string): number | null {
  const m = /(?<![\d/.])(20[1-3]\d)(?!\d)/.exec(folded);
  return m ? Number(m[1]) : null;
}

function fromTable(t: Table, year: number | null): LabelledValue[] {
  const view = tableView(t);
  const width = t.grid[0]?.length ?? 0;
  if (width < 2) return [];
  const unitCol = view.folded.findIndex((s) => UNIT_HEADER.test(s.trim()));
  const skip = new Set<number>();
  view.folded.forEach((s, c) => {
    if (OTHER_COLUMN.test(s.trim())) skip.add(c);
    const y = headerYear(s);
    if (y !== null && year !== null && y !== year && !/den|tinh den|thoi diem/.test(s)) skip.add(c);
  });
  const out: LabelledValue[] = [];
  for (const r of view.dataRows) {
    const row = t.grid[r]!;
    const labelCol = row.findIndex((c, i) => i !== unitCol && hasLetters(c) && cellNumber(c) === null && !skip.has(i));
    if (labelCol < 0) continue;
    const { label, unit: labelUnit } = cleanLabel(row[labelCol]!);
    if (!label || label.split(' ').length > 14) continue;
    for (let c = labelCol + 1; c < row.length; c++) {
      if (c === unitCol || skip.has(c) || row[c] === row[labelCol]) continue;
      const cell = row[c]!.trim();
      const m = new RegExp(String.raw`^(${NUMBER})\s*([\p{L}%²/ .]*)$`, 'u').exec(cell);
      if (!m) continue;
      const value = num(m[1]);
      if (value === null) continue;
      const unit = (unitCol >= 0 ? foldKeep(row[unitCol]!.trim()) : '') || foldKeep(m[2]!.trim()) || labelUnit;
      const line = makeLine(t, cellsQuote(row), cellsQuote(row));
      out.push({ label, value, unit, line, start: 0, end: line.text.length });
      break;
    }
  }
  return out;
}

// --- text ------------------------------------------------------------------------------------

/** 'label: 1.073,6 ha' at the start of a piece of text (a bullet line, or one of its ';' parts). */
const STATEMENT = new RegExp(
  String.raw`^\s*((?:[-+•*–]\s*)?[\p{L}][^:;\d]{1,70}?)\s*:\s*(${NUMBER})(?![\d/]|[.,]\d)\s*((?:[\p{L}²/]+\s*){0,4})`,
  'u',
);

/** 'label là 11 003' in one comma-separated part of a sentence ('…, tổng số nhân khẩu là 11 003, …'). */
const IS_STATEMENT = new RegExp(
  String.raw`^\s*([\p{L}][^:;,\d]{1,50}?)\s+(?:là|có)\s+(${NUMBER})(?![\d/]|[.,]\d)\s*((?:[\p{L}²/]+\s*){0,3})`,
  'u',
);

function statement(line: Line, re: RegExp, piece: string, at: number): LabelledValue | null {
  const m = re.exec(piece);
  if (!m) return null;
  const { label, unit: labelUnit } = cleanLabel(m[1]!);
  const value = num(m[2]);
  if (!label || value === null || label.split(' ').length > 10) return null;
  const unit = foldKeep(m[3]!.trim()) || labelUnit;
  const lead = piece.length - piece.trimStart().length;
  return { label, value, unit, line, start: at + lead, end: at + m[0].trimEnd().length };
}

/** Comma-separated parts of a piece, each after a part that stated a number (so that a comma inside a
 *  name, 'Cán bộ, công chức là 21 người', does not start a part). */
function commaParts(line: Line, piece: string, at: number): LabelledValue[] {
  const out: LabelledValue[] = [];
  let from = 0;
  let prevHasNumber = false;
  for (const m of piece.matchAll(/,\s/g)) {
    const part = piece.slice(from, m.index);
    if (from > 0 && prevHasNumber) {
      const v = statement(line, IS_STATEMENT, part, at + from);
      if (v) out.push(v);
    }
    prevHasNumber = /\d/.test(part);
    from = m.index + m[0].length;
  }
  if (from > 0 && prevHasNumber) {
    const v = statement(line, IS_STATEMENT, piece.slice(from), at + from);
    if (v) out.push(v);
  }
  return out;
}

function fromParagraph(line: Line): LabelledValue[] {
  const out: LabelledValue[] = [];
  // Pieces: the text split at ';' (outside brackets) and at sentence ends.
  const text = line.text;
  let start = 0;
  let depth = 0;
  const cut = (end: number) => {
    const piece = text.slice(start, end);
    const v = statement(line, STATEMENT, piece, start) ?? statement(line, IS_STATEMENT, piece, start);
    if (v) out.push(v);
    out.push(...commaParts(line, piece, start));
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ';' || (ch === '.' && /^\s+\p{Lu}/u.test(text.slice(i + 1))))) cut(i);
  }
  cut(text.length);
  return out;
}

/** Every labelled value of the given lines' blocks (tables read whole, paragraphs by statements). */
export function labelledValues(doc: DocumentModel, lines: Line[], year: number | null): LabelledValue[] {
  void doc;
  const out: LabelledValue[] = [];
  const seen = new Set<unknown>();
  for (const l of lines) {
    if (seen.has(l.block)) continue;
    seen.add(l.block);
    if (l.block.kind === 'table') out.push(...fromTable(l.block, year));
    else out.push(...fromParagraph(makeLine(l.block, l.block.text)));
  }
  // A label that names another year ('Dân số năm 2023') is not about the report's.
  return out.filter((v) => year === null || [...v.label.matchAll(/(?<![\d/.])(20[1-3]\d)(?!\d)/g)].every((m) => Number(m[1]) === year));
}

export interface LabelSpec {
  /** The label, anchored at its start (folded; optional 'tổng số', 'số', 'số lượng' before it are allowed). */
  label: RegExp;
  /** Words that make the label about something else ('hộ nghèo', 'đất nông nghiệp'). */
  not?: RegExp;
  /** At most this many words after the label's match ('Dân số toàn xã' = 2). */
  tail?: number;
  /** The unit must match (folded), or be empty when `unitOptional`. */
  unit?: RegExp;
  unitOptional?: boolean;
}

const LEAD = /^(?:tong so|tong|so luong|so)\s+/;

/** Whether a labelled value is the one a spec looks for. */
export function labelMatches(v: LabelledValue, spec: LabelSpec): boolean {
  const label = v.label.replace(LEAD, '');
  if (OTHER_SCOPE.test(label)) return false;
  // A quota, a target, another year's or a larger unit's figure, a request ('CBCC được giao', 'Kế hoạch').
  const q = qualifiersIn(label);
  if (DISQUALIFY.some((k) => q.has(k))) return false;
  const m = spec.label.exec(label);
  if (!m || m.index !== 0) return false;
  const tail = label.slice(m[0].length).trim();
  if (tail && tail.split(/\s+/).length > (spec.tail ?? 3)) return false;
  if (spec.not && (spec.not.test(v.label) || spec.not.test(v.unit))) return false;
  if (spec.unit) {
    if (!v.unit) return spec.unitOptional === true;
    return spec.unit.test(v.unit);
  }
  return true;
}

/** The first labelled value that matches, in the order given. */
export function findLabelled(values: LabelledValue[], spec: LabelSpec, accept: (v: LabelledValue) => number | null = (v) => v.value): { value: number; v: LabelledValue } | null {
  for (const v of values) {
    if (!labelMatches(v, spec)) continue;
    const value = accept(v);
    if (value !== null) return { value, v };
  }
  return null;
}

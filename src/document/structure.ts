// Turns the raw blocks a parser read (paragraphs with style, tables as cells) into the
// document model: normalised text, resolved table grids, regions and section paths.
// Knows the layout of Vietnamese administrative documents, nothing of any report type.
import type { Block, DocumentModel, Heading, Paragraph, Region, SourceFormat, Table, TableCell, TextStyle } from './model.ts';
import { isMostlyUpper, normalizeText } from './text.ts';

export type RawBlock =
  | { kind: 'paragraph'; text: string; style?: TextStyle }
  | { kind: 'table'; cells: TableCell[][] };

type Scheme = 'part' | 'roman' | 'upper' | 'arabic' | 'paren' | 'lower' | 'annex' | `dotted${number}` | `style${number}`;

interface Marker {
  scheme: Scheme;
  label: string;
  title: string;
}

const ROMAN = /^(?:XX|X{0,1})(?:IX|IV|V?I{0,3})$/;
const PART_ORDINALS: Record<string, string> = { 'NHẤT': 'I', HAI: 'II', BA: 'III', 'TƯ': 'IV', 'BỐN': 'IV', 'NĂM': 'V', 'SÁU': 'VI' };

function isRoman(s: string): boolean {
  return s.length > 0 && ROMAN.test(s);
}

/** Reads the numbering at the start of a paragraph ("II.", "PHẦN I", "2.4.", "1)", "a)").
 *  Returns null for a paragraph that does not start like a heading. */
export function parseMarker(text: string, style: TextStyle = {}): Marker | null {
  // 'PHẦN THỨ NHẤT', 'Phần thứ hai': ordinal words are labelled as Roman numerals.
  let m = /^PHẦN\s+THỨ\s+(NHẤT|HAI|BA|TƯ|BỐN|NĂM|SÁU)(?![\p{L}])\s*[.:\-–—]?\s*(.*)$/iu.exec(text);
  if (m) return { scheme: 'part', label: PART_ORDINALS[m[1]!.toUpperCase()]!, title: m[2] ?? '' };
  m = /^PHẦN\s+(?:THỨ\s+)?([IVX]+|\d{1,2}|[A-ZĐ]+)\s*[.:\-–—]?\s*(.*)$/iu.exec(text);
  if (m && /^PHẦN/.test(text.toUpperCase()) && (isRoman(m[1]!.toUpperCase()) || /^\d/.test(m[1]!) || isMostlyUpper(text))) {
    return { scheme: 'part', label: m[1]!.toUpperCase(), title: m[2] ?? '' };
  }
  m = /^([IVX]{1,5})\s*[.\-–:)]\s*(\S.*)$/u.exec(text);
  if (m && isRoman(m[1]!)) return { scheme: 'roman', label: m[1]!, title: m[2]! };
  m = /^([A-ZĐ])\s*[.)]\s+(\p{L}.*)$/u.exec(text);
  if (m) return { scheme: 'upper', label: m[1]!, title: m[2]! };
  m = /^(\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+(\p{L}.*)$/u.exec(text);
  if (m) {
    const depth = m[1]!.split('.').length;
    return { scheme: `dotted${depth}`, label: m[1]!, title: m[2]! };
  }
  m = /^(\d{1,2})\s*([.)]|\/)\s*(\p{L}.*)$/u.exec(text);
  if (m) return { scheme: m[2] === ')' ? 'paren' : 'arabic', label: m[1]!, title: m[3]! };
  m = /^([a-zđ])\s*[.)/]\s+(\p{L}.*)$/u.exec(text);
  if (m) return { scheme: 'lower', label: m[1]!, title: m[2]! };
  if (style.headingStyle && text.length <= 200) {
    return { scheme: `style${style.headingStyle}`, label: text.slice(0, 60), title: text };
  }
  return null;
}

const TITLE_WORDS = /^(BÁO CÁO|KẾ HOẠCH|GIẤY MỜI|BIÊN BẢN|QUYẾT ĐỊNH|TỜ TRÌNH|THÔNG BÁO|CÔNG VĂN|HƯỚNG DẪN|CHƯƠNG TRÌNH|NGHỊ QUYẾT)\b/u;
const ANNEX_WORDS = /^(BIỂU|PHỤ LỤC|TỔNG HỢP|DANH SÁCH|BẢNG)\b/u;
const CLOSING_START = /^(Nơi nhận\s*:?|(TM|KT|Q|TL|TUQ)\s*\.\s*\S)/u;

/** The document type word of a title line ('BÁO CÁO', 'GIẤY MỜI' …), or null. */
export function titleWord(text: string): string | null {
  const t = text.toUpperCase();
  if (!isMostlyUpper(text) && !/^BÁO CÁO\b/.test(text)) return null;
  return TITLE_WORDS.exec(t)?.[1] ?? null;
}

function blockText(b: RawBlock): string {
  return b.kind === 'paragraph' ? b.text : b.cells.map((r) => r.map((c) => c.text).join(' ')).join('\n');
}

/** Resolve merged cells into a rectangular grid; a merged cell's text fills every position it covers. */
export function resolveGrid(cells: TableCell[][]): string[][] {
  const grid: (string | undefined)[][] = [];
  cells.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const rr = r + dr;
        grid[rr] ??= [];
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) grid[rr]![c + dc] = cell.text;
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

function findRegions(blocks: RawBlock[]): Region[] {
  const n = blocks.length;
  const regions: Region[] = new Array(n).fill('body');
  const texts = blocks.map(blockText);
  // Title: the first document-type line ('BÁO CÁO') and the summary lines under it.
  const titleAt = blocks.findIndex((b) => b.kind === 'paragraph' && titleWord(b.text) !== null);
  let bodyStart = 0;
  if (titleAt >= 0) {
    for (let i = 0; i < titleAt; i++) regions[i] = 'header';
    regions[titleAt] = 'title';
    let i = titleAt + 1;
    for (let extra = 0; i < n && extra < 3; i++, extra++) {
      const b = blocks[i]!;
      if (b.kind !== 'paragraph') break;
      const t = b.text;
      if (parseMarker(t, b.style) || t.length > 250 || /[.:;]$/.test(t) || /^(Kính gửi|Thực hiện|Căn cứ|Theo|-|\+)/u.test(t)) break;
      regions[i] = 'title';
    }
    bodyStart = i;
  }
  // Closing: 'Nơi nhận' or the signature authority line, in the second half of the body.
  let closingAt = -1;
  for (let i = Math.max(bodyStart, Math.floor(n / 3)); i < n; i++) {
    const lines = texts[i]!.split('\n');
    if (lines.some((l) => CLOSING_START.test(l.trim()))) { closingAt = i; break; }
  }
  // Annexes: upper-case 'BIỂU …' / 'PHỤ LỤC …' / 'TỔNG HỢP …' lines after the closing (or the body).
  const annexFrom = closingAt >= 0 ? closingAt + 1 : bodyStart;
  let annexAt = -1;
  for (let i = annexFrom; i < n; i++) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph' && isAnnexTitle(b.text)) { annexAt = i; break; }
  }
  if (closingAt >= 0) for (let i = closingAt; i < (annexAt >= 0 ? annexAt : n); i++) regions[i] = 'closing';
  if (annexAt >= 0) for (let i = annexAt; i < n; i++) regions[i] = 'annex';
  return regions;
}

function isAnnexTitle(text: string): boolean {
  return ANNEX_WORDS.test(text) && isMostlyUpper(text) && text.length < 200;
}

/** Builds the document model from raw blocks. */
export function buildDocument(raw: RawBlock[], format: SourceFormat, pageCount: number | null = null): DocumentModel {
  // Normalise and drop empty paragraphs first, so positions are stable.
  const cleaned: RawBlock[] = [];
  for (const b of raw) {
    if (b.kind === 'paragraph') {
      const text = normalizeText(b.text);
      if (!text) continue;
      const prev = cleaned[cleaned.length - 1];
      if (prev?.kind === 'paragraph' && brokenNumber(prev.text, text)) {
        prev.text = `${prev.text}${text}`;
        continue;
      }
      if (prev?.kind === 'paragraph' && continues(prev, text, b.style ?? {})) {
        prev.text = `${prev.text} ${text}`;
        continue;
      }
      cleaned.push({ kind: 'paragraph', text: joinBrokenNumbers(text), style: b.style ?? {} });
    } else {
      const cells = b.cells
        .map((row) => row.map((c) => ({ ...c, text: c.text.split('\n').map(normalizeText).filter(Boolean).join('\n') })))
        .filter((row) => row.length > 0);
      if (cells.length > 0) cleaned.push({ kind: 'table', cells });
    }
  }
  const regions = findRegions(cleaned);
  const blocks: Block[] = [];
  let stack: Marker[] = [];
  let annexCount = 0;
  cleaned.forEach((b, index) => {
    const region = regions[index]!;
    if (b.kind === 'table') {
      const table: Table = { kind: 'table', index, cells: b.cells, grid: resolveGrid(b.cells), section: stack.map((s) => s.label), region };
      blocks.push(table);
      return;
    }
    const style = b.style ?? {};
    let heading: Heading | undefined;
    if (region === 'annex' && isAnnexTitle(b.text)) {
      annexCount++;
      const marker: Marker = { scheme: 'annex', label: `PL${annexCount}`, title: annexTitle(cleaned, index) };
      stack = [marker];
      heading = { level: 1, label: marker.label, title: marker.title };
    } else if (region === 'body' || region === 'annex') {
      const marker = parseMarker(b.text, style);
      if (marker) {
        stack = place(stack, marker);
        heading = { level: stack.length, label: marker.label, title: marker.title };
      }
    }
    const p: Paragraph = { kind: 'paragraph', index, text: b.text, style, section: stack.map((s) => s.label), region };
    if (heading) p.heading = heading;
    blocks.push(p);
  });
  return { format, blocks, pageCount };
}

/** A number broken after its thousands point by a line or paragraph end ('dân số toàn xã 18.' /
 *  '329 nhân khẩu'): a paragraph that ends with 1–3 digits and '.', and a next one that starts with
 *  three digits and a word. */
function brokenNumber(prev: string, text: string): boolean {
  return /(?<![\d.,])\d{1,3}\.$/.test(prev) && /^\d{3}(?![\d.,])\s+\p{L}/u.test(text);
}

/** The same break inside a paragraph, where the line end became a space: 'dân số là 20. 698 nhân khẩu'. */
function joinBrokenNumbers(text: string): string {
  return text.replace(/(?<![\d.,])(\d{1,3})\. (\d{3})(?=\s+\p{Ll})/gu, '$1.$2');
}

/** A paragraph broken inside a sentence (a PDF line the producer split: '… có 16 chi bộ với 356' /
 *  'đảng viên. …'): it starts in lower case, is not numbered, and the one before it neither ends a
 *  sentence nor is a heading, in the same emphasis. */
function continues(prev: { text: string; style?: TextStyle }, text: string, style: TextStyle): boolean {
  if (!/^\p{Ll}/u.test(text) || /[.:;!?)]$/.test(prev.text) || parseMarker(text, style) || parseMarker(prev.text, prev.style)) return false;
  const p = prev.style ?? {};
  return !!p.bold === !!style.bold && p.headingStyle === style.headingStyle;
}

/** An annex title with the subtitle lines under it ('BIỂU TỔNG HỢP' + 'Thành viên Ban chỉ đạo …'). */
function annexTitle(blocks: RawBlock[], at: number): string {
  const parts = [(blocks[at] as { text: string }).text];
  for (let i = at + 1; i < blocks.length && parts.length < 4; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph' || isAnnexTitle(b.text) || parseMarker(b.text, b.style) || b.text.length > 200) break;
    parts.push(b.text);
  }
  return parts.join(' ');
}

/** Places a heading marker in the stack of open sections: a scheme already open closes
 *  everything below it; a new scheme opens one level deeper; '2.4' goes under '2'. */
function place(stack: Marker[], marker: Marker): Marker[] {
  if (marker.scheme.startsWith('dotted')) {
    const parentLabel = marker.label.split('.').slice(0, -1).join('.');
    const parentAt = findLast(stack, (s) => s.label === parentLabel && (s.scheme === 'arabic' || s.scheme.startsWith('dotted')));
    if (parentAt >= 0) return [...stack.slice(0, parentAt + 1), marker];
  }
  const sameAt = findLast(stack, (s) => s.scheme === marker.scheme);
  if (sameAt >= 0) return [...stack.slice(0, sameAt), marker];
  // An outer scheme (roman, part) that is not open yet never nests under inner ones.
  if (marker.scheme === 'roman' || marker.scheme === 'part') {
    const innerAt = stack.findIndex((s) => s.scheme !== 'part' && s.scheme !== 'annex' && s.scheme !== 'upper');
    if (innerAt >= 0) return [...stack.slice(0, innerAt), marker];
  }
  return [...stack, marker];
}

function findLast<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

// Shared machinery of the content extractors (profile, criteria, surveys, …): searchable lines
// over paragraphs and table rows, diacritics-free matching that keeps positions, number tokens
// for embedding in patterns, quotes for provenance, and a header-aware view of annex tables.
// Pure functions over the document model.
import type { Provenance } from '../src/contract.ts';
import type { Block, DocumentModel, Paragraph, SectionPath, Table } from '../src/document/model.ts';
import { NUMBER, parseVnInteger, parseVnNumber } from '../src/document/numbers.ts';
import { parsePeriod } from '../src/document/periods.ts';
import { findDates } from '../src/document/dates.ts';
import { referencesIn } from './references.ts';
import { paragraphs, provenance, rowQuote, sectionsAbout, isUnder } from './lib.ts';
import { foldKeep } from '../src/document/text.ts';
import { qualifiersIn } from './text/mentions.ts';

// ---------------------------------------------------------------------------------------------
// Folding that keeps positions

export { foldKeep } from '../src/document/text.ts';

// ---------------------------------------------------------------------------------------------
// Number tokens for patterns written on folded text (add the 'u' flag: they use \p{L})

/** One number as a capture group, not part of a date, ratio, document number or percentage:
 *  not preceded by a digit, '.', ',' or '/', not followed by a digit, '/', '%' or a decimal part. */
export const N = String.raw`(?<![\d.,/])(${NUMBER})(?![\d%]|[.,/]\d|\s*\/\s*\d|\s*%)`;
/** A number followed by '%' (the '%' is not captured). */
export const PCT = String.raw`(?<![\d.,/])(${NUMBER})\s*%`;
/** End of a word (next char is not a letter or digit). */
export const EOW = String.raw`(?![\p{L}\d])`;
/** Start of a word. */
export const BOW = String.raw`(?<![\p{L}\d])`;

export function num(raw: string | undefined): number | null {
  return raw === undefined ? null : parseVnNumber(raw);
}

export function int(raw: string | undefined): number | null {
  return raw === undefined ? null : parseVnInteger(raw);
}

/** Rounds away binary noise (17,1958 km² × 100 = 1719.5800000000002). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A test for whole words (folded): W('chua|khong dat') does not fire inside 'chuan'. */
export function W(words: string): RegExp {
  return new RegExp(String.raw`(?<![\p{L}])(?:${words})(?![\p{L}])`, 'u');
}

/** Words that put a figure on a larger unit than the commune ('dân số toàn quận', 'của huyện'). */
export const OTHER_SCOPE = /(?<![\p{L}])(?:(?:toan|ca|cua|tren dia ban) (?:huyen|quan|tinh|thanh pho|thi xa)|ca nuoc)(?![\p{L}])/u;

/** A bare 4-digit year (1990–2039) written without separators. */
export function isYear(raw: string): boolean {
  return /^(19[89]\d|20[0-3]\d)$/.test(raw.trim());
}

// ---------------------------------------------------------------------------------------------
// Lines: what the patterns run on

export interface Line {
  block: Block;
  /** Original text (NFC). */
  text: string;
  /** foldKeep(text): same length, lower case, no diacritics. */
  folded: string;
  /** For table lines: the quote to cite (the row, cells joined with ' | '). */
  quote?: string;
}

/** A number's spelled-out form in brackets after it ('02 (hai) lớp', '15 (mười lăm) thành viên'). */
const SPELLED = /(\d\s*)\((\s*(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|muoi|tram|nghin|ngan|linh|le|trieu|mươi)\s*)+\)/gu;

/** foldKeep() with a number's spelled-out form blanked (same length), so that '02 (hai) lớp' reads as '02 lớp'. */
export function foldLine(text: string): string {
  return foldKeep(text).replace(SPELLED, (m, num: string) => num + ' '.repeat(m.length - num.length));
}

export function makeLine(block: Block, text: string, quote?: string): Line {
  const line: Line = { block, text, folded: foldLine(text) };
  if (quote !== undefined) line.quote = quote;
  return line;
}

export function paraLines(paras: Paragraph[]): Line[] {
  return paras.map((p) => makeLine(p, p.text));
}

const CELL_EMPTY = /^[\s\-–—.…]*$/;

/** A table as searchable lines: each row as 'label: value …' (cells joined with ': '), and, when the
 *  table has header rows, each data cell as 'column header: value' (for tables laid out in columns). */
export function tableLines(t: Table): Line[] {
  const out: Line[] = [];
  const view = tableView(t);
  const start = view.headerRows;
  t.grid.forEach((row, r) => {
    if (r < start) return;
    const cells = dedupeAdjacent(row.filter((c) => !CELL_EMPTY.test(c)));
    if (cells.length === 0) return;
    out.push(makeLine(t, cells.join(': '), rowQuote(row)));
  });
  if (view.headerRows > 0) {
    for (const r of view.dataRows) {
      const row = t.grid[r]!;
      row.forEach((cell, c) => {
        if (CELL_EMPTY.test(cell)) return;
        const label = view.labels[c]!;
        if (!label) return;
        out.push(makeLine(t, `${label}: ${cell}`, `${label} | ${cell}`));
      });
    }
  }
  return out;
}

function dedupeAdjacent(xs: string[]): string[] {
  return xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
}

/** Headings of the sections that plan the next period or ask for things ('PHƯƠNG HƯỚNG, NHIỆM VỤ
 *  6 THÁNG CUỐI NĂM', 'Nhiệm vụ năm 2025', 'Kiến nghị, đề xuất'): their numbers are targets, not results. */
const PLAN_HEADING = /^(?:[\p{L}\s,]*\s)?(?:phuong huong|nhiem vu (?:trong tam |chu yeu )?(?:\d|quy|nam|thoi gian|giai doan)|nhiem vu,? giai phap|ke hoach (?:nam|quy|thoi gian) (?:toi|sau)|kien nghi|de xuat)/u;

const planCache = new WeakMap<DocumentModel, SectionPath[]>();

/** The sections about plans and requests (see PLAN_HEADING), not about results. */
export function planSections(doc: DocumentModel): SectionPath[] {
  let paths = planCache.get(doc);
  if (!paths) {
    paths = sectionsAbout(doc, PLAN_HEADING).filter((p) => p.length > 0);
    const results = sectionsAbout(doc, /ket qua|tinh hinh|danh gia/);
    paths = paths.filter((p) => !results.some((r) => r.length === p.length && r.every((x, i) => x === p[i])));
    planCache.set(doc, paths);
  }
  return paths;
}

/** Lines of every block in document order (paragraphs of the given regions; tables as rows), without
 *  the sections that plan the next period. */
export function docLines(doc: DocumentModel, regions: string[] = ['body', 'annex']): Line[] {
  const out: Line[] = [];
  const plans = planSections(doc);
  for (const b of doc.blocks) {
    if (!regions.includes(b.region)) continue;
    if (plans.some((p) => isUnder(b, p))) continue;
    if (b.kind === 'paragraph') out.push(makeLine(b, b.text));
    else out.push(...tableLines(b));
  }
  return out;
}

/** Lines in two groups: first those under sections whose heading (folded) matches `about`,
 *  then all the others (in document order). An empty first group when no heading matches. */
export function linesPreferring(doc: DocumentModel, about: RegExp, regions?: string[]): Line[][] {
  const paths = sectionsAbout(doc, about);
  const all = docLines(doc, regions);
  const inside = all.filter((l) => paths.some((p) => isUnder(l.block, p)));
  const outside = all.filter((l) => !inside.includes(l));
  return [inside, outside];
}

/** A line's folded text with every date and cited document ('Quyết định số 96/QĐ-UBND ngày 02/7/2024')
 *  blanked out (same length): a count can then be looked for across them ('Ban Chỉ đạo … được kiện toàn
 *  theo Quyết định số 96/QĐ-UBND ngày 02/7/2024, gồm 11 thành viên') and never read from them. */
export function maskedFolded(line: Line): string {
  const spans: [number, number][] = [
    ...findDates(line.text).map((d): [number, number] => [d.index, d.index + d.raw.length]),
    ...referencesIn(line.text).map((r): [number, number] => [r.index, r.end]),
  ];
  let out = line.folded;
  for (const [a, b] of spans) out = out.slice(0, a) + '_'.repeat(Math.max(0, b - a)) + out.slice(b);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentences with positions, quotes

export { sentenceSpans, sentenceAt, clauseAt, phraseAt } from './text/sentences.ts';
import { sentenceAt, clauseAt, phraseAt } from './text/sentences.ts';

export type QuoteSize = 'phrase' | 'clause' | 'sentence';

/** The quote for a match on a line: the table row for table lines, else its phrase, clause or sentence. */
export function quoteFor(line: Line, start: number, end: number, size: QuoteSize = 'clause'): string {
  if (line.quote !== undefined) return line.quote;
  const at = size === 'sentence' ? sentenceAt : size === 'phrase' ? phraseAt : clauseAt;
  let [a, b] = at(line.text, start, end);
  if (b - a > 200) {
    // A long run-on sentence ('… dịch vụ công. kết quả: … đạt 100%'): cut at the nearest
    // '. ' / ': ' before the match and the next '. ' after it.
    const head = line.text.slice(a, start);
    const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf(': '));
    if (cut >= 0) a = a + cut + 2;
    const tail = line.text.slice(end, b);
    const stop = tail.search(/\.\s/);
    if (stop >= 0) b = end + stop + 1;
  }
  return line.text.slice(a, b).trim();
}

export function provFor(line: Line, start: number, end: number, size: QuoteSize = 'clause'): Provenance {
  return provenance(line.block, quoteFor(line, start, end, size));
}

// ---------------------------------------------------------------------------------------------
// Searching

export interface Hit<T> {
  value: T;
  line: Line;
  /** Span of the whole match in line.text. */
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** Runs a global copy of the pattern over a line's folded text. */
export function* matches(line: Line, pattern: RegExp): Generator<RegExpExecArray> {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags.includes('u') ? flags : `${flags}u`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.folded))) {
    yield m;
    // Overlapping scan: a rejected match must not hide a later one starting inside it.
    re.lastIndex = m.index + 1;
  }
}

/** A target or a request stated in the clause before a position ('phấn đấu …', 'dự kiến …', 'đề nghị
 *  cấp …'): the number there is not what was done. The lexicon's 'plan' and 'request' qualifiers. */
export function aimedAt(line: Line, at: number): boolean {
  const [a] = clauseAt(line.text, at);
  const q = qualifiersIn(line.folded.slice(a, at));
  return q.has('plan') || q.has('request');
}

/** The first hit, trying the groups of lines in order, then within a group the patterns in order,
 *  then the lines in document order. `read` turns a match into a value, or null to reject it. */
export function findFirst<T>(
  groups: Line[][],
  patterns: RegExp[],
  read: (m: RegExpExecArray, line: Line, patternIndex: number) => T | null,
): Hit<T> | null {
  for (const lines of groups) {
    for (let pi = 0; pi < patterns.length; pi++) {
      for (const line of lines) {
        for (const m of matches(line, patterns[pi]!)) {
          const value = read(m, line, pi);
          if (value !== null && value !== undefined && !aimedAt(line, m.index)) {
            return { value, line, start: m.index, end: m.index + m[0].length, match: m };
          }
        }
      }
    }
  }
  return null;
}

/** Every hit of the patterns, in document order of the lines. */
export function findAll<T>(
  lines: Line[],
  patterns: RegExp[],
  read: (m: RegExpExecArray, line: Line, patternIndex: number) => T | null,
): Hit<T>[] {
  const out: Hit<T>[] = [];
  for (const line of lines) {
    for (let pi = 0; pi < patterns.length; pi++) {
      for (const m of matches(line, patterns[pi]!)) {
        const value = read(m, line, pi);
        if (value !== null && value !== undefined && !aimedAt(line, m.index)) out.push({ value, line, start: m.index, end: m.index + m[0].length, match: m });
      }
    }
  }
  return out;
}

/** The folded text just before a position (for "không đăng ký", "kết nạp …" checks). */
export function before(line: Line, at: number, chars: number): string {
  return line.folded.slice(Math.max(0, at - chars), at);
}

/** The report's own year: the year of the period its title reports on ('… năm 2024 và phương hướng
 *  năm 2025' → 2024), else the last year in the title, else the header, else the most frequent in the body. */
export function reportYear(doc: DocumentModel): number | null {
  const titleText = paragraphs(doc, ['title']).map((p) => p.text).join(' ');
  const period = titleText ? parsePeriod(titleText) : null;
  if (period?.year) return period.year;
  const years = (regions: string[]) =>
    paragraphs(doc, regions as never)
      .flatMap((p) => [...p.text.matchAll(/(?<![\d/.])(20[1-3]\d)(?!\d)/g)].map((m) => Number(m[1])));
  const title = years(['title']);
  if (title.length) return title[title.length - 1]!;
  const header = years(['header']);
  if (header.length) return header[header.length - 1]!;
  const body = years(['body']);
  if (!body.length) return null;
  const counts = new Map<number, number>();
  for (const y of body) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** The text names one or more years, none of them `year`, and no span of years ('2021-2025'):
 *  it speaks of another year than the report's. */
export function otherYearOnly(text: string, year: number): boolean {
  if (/20[1-3]\d\s*[-–]\s*20[1-3]\d/.test(text)) return false;
  const named = [...text.matchAll(/(?<![\d/.])(20[1-3]\d)(?!\d)/g)].map((y) => Number(y[1]));
  return named.length > 0 && !named.includes(year);
}

/** Capitalises the first letter, keeps the rest as written; trims and single-spaces. */
export function sentenceCase(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t[0]!.toLocaleUpperCase('vi') + t.slice(1) : t;
}

// Table views live in text/tables.ts.
export {
  cellNumber, cellsQuote, columnValue, headingOf, isMark, isTotalRow, tableContext, tableView, textAfter,
  type ColumnValue, type TableView,
} from './text/tables.ts';
import { tableView } from './text/tables.ts';

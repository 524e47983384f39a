// Reporting periods as Vietnamese reports name them:
//   '6 tháng đầu năm 2024' → 2024-H1, '6 tháng cuối năm 2024' → 2024-H2, '6 tháng năm 2024' → 2024-H1,
//   'quý I năm 2024' / 'Quý II/2024' → 2024-Q1 / 2024-Q2, '9 tháng đầu năm 2024' → 2024-9M,
//   'năm 2024' / 'kết quả năm 2024' → 2024 (the whole year).
// A title names the period it reports on first and the period it plans for after it, and the year
// often sits at the end and belongs to both: 'Kết quả … 6 tháng đầu năm, triển khai nhiệm vụ
// 6 tháng cuối năm 2024' is 2024-H1.
import { foldKeepLength } from './names.ts';

export type PeriodPart = 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | '9M' | 'Y';

export interface PeriodMention {
  part: PeriodPart;
  /** The year written with the expression itself ('6 tháng đầu năm 2024'), or null. */
  year: number | null;
  raw: string;
  index: number;
  end: number;
}

export interface ParsedPeriod {
  /** '2024-H1' … '2024' (contract format); null when no year can be found for the period. */
  period: string | null;
  part: PeriodPart;
  year: number | null;
  /** The expression the period was read from. */
  raw: string;
  index: number;
}

/** '2024' + 'H1' → '2024-H1'; 'Y' → '2024'. */
export function formatPeriod(year: number, part: PeriodPart): string {
  return part === 'Y' ? String(year) : `${year}-${part}`;
}

/** '2024-H1' → { year: 2024, part: 'H1' }; null for anything else. */
export function splitPeriod(period: string): { year: number; part: PeriodPart } | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|9M))?$/.exec(period);
  if (!m) return null;
  return { year: Number(m[1]), part: (m[2] as PeriodPart | undefined) ?? 'Y' };
}

/** The months a period covers, first and last (1-based). */
export function periodMonths(part: PeriodPart): [number, number] {
  switch (part) {
    case 'H1': return [1, 6];
    case 'H2': return [7, 12];
    case 'Q1': return [1, 3];
    case 'Q2': return [4, 6];
    case 'Q3': return [7, 9];
    case 'Q4': return [10, 12];
    case '9M': return [1, 9];
    case 'Y': return [1, 12];
  }
}

// Patterns on foldKeepLength() text: lower case, no diacritics, same indexes as the original.
const YEAR_AFTER = String.raw`(?:\s*,?\s*(?:nam\s*)?(?:[/-]\s*)?((?:19|20)\d{2})(?!\d))?`;
const SIX = String.raw`(?:0?6|sau)`;
const NINE = String.raw`(?:0?9|chin)`;
const SUBPERIOD = new RegExp(
  '(?:' + [
    String.raw`(?<h1>\b${SIX}\s+thang\s+dau(?:\s+nam)?)`,
    String.raw`(?<h2>\b${SIX}\s+thang\s+cuoi(?:\s+nam)?)`,
    String.raw`(?<h1b>\b${SIX}\s+thang(?=\s*(?:nam\s*)?(?:[/-]\s*)?(?:19|20)\d{2}(?!\d)))`,
    String.raw`(?<m9>\b${NINE}\s+thang(?:\s+dau(?:\s+nam)?|(?=\s*(?:nam\s*)?(?:[/-]\s*)?(?:19|20)\d{2}(?!\d))))`,
    String.raw`(?<q>\bqu[yi]\s+(?<qn>iv|i{1,3}|[1-4])(?![a-z\d]))`,
  ].join('|') + ')' + YEAR_AFTER,
  'g',
);
const YEAR_ONLY = /\bnam\s+((?:19|20)\d{2})(?!\d)/g;
/** A year standing alone: not a date's ('11/6/2024') nor a document number's ('1901-CV/BCĐ'). */
const ANY_YEAR = /(?<![\d/.-])((?:19|20)\d{2})(?!\d|[-/][\p{L}\d]|[.,]\d)/gu;

const QUARTERS: Record<string, PeriodPart> = { i: 'Q1', '1': 'Q1', ii: 'Q2', '2': 'Q2', iii: 'Q3', '3': 'Q3', iv: 'Q4', '4': 'Q4' };

/** Every sub-year period expression (H1, H2, quarters, nine months) in a text, in order. */
export function findSubPeriods(text: string): PeriodMention[] {
  const folded = foldKeepLength(text.normalize('NFC'));
  const out: PeriodMention[] = [];
  for (const m of folded.matchAll(SUBPERIOD)) {
    const g = m.groups ?? {};
    let part: PeriodPart;
    if (g.h1 !== undefined || g.h1b !== undefined) part = 'H1';
    else if (g.h2 !== undefined) part = 'H2';
    else if (g.m9 !== undefined) part = '9M';
    else part = QUARTERS[g.qn ?? ''] ?? 'Q1';
    const index = m.index ?? 0;
    const year = m[m.length - 1] !== undefined ? Number(m[m.length - 1]) : null;
    out.push({ part, year, raw: text.slice(index, index + m[0].length).trim(), index, end: index + m[0].length });
  }
  return out;
}

/** Every 'năm 2024' that is not the year of a sub-period expression. */
export function findYearMentions(text: string): PeriodMention[] {
  const folded = foldKeepLength(text.normalize('NFC'));
  const subs = findSubPeriods(text);
  const out: PeriodMention[] = [];
  for (const m of folded.matchAll(YEAR_ONLY)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (subs.some((s) => index < s.end && end > s.index)) continue;
    out.push({ part: 'Y', year: Number(m[1]), raw: text.slice(index, end), index, end });
  }
  return out;
}

/** The first four-digit year at or after `from` (then before it), for expressions whose year sits elsewhere. */
function nearbyYear(folded: string, from: number, before: number): number | null {
  for (const m of folded.slice(from).matchAll(ANY_YEAR)) return Number(m[1]);
  let last: number | null = null;
  for (const m of folded.slice(0, before).matchAll(ANY_YEAR)) last = Number(m[1]);
  return last;
}

/**
 * The period a title (or a sentence stating what the report is about) reports on: the first
 * sub-year expression, with its own year or else the next year written after it (the year at the end
 * of '… 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024'), or else a year before it,
 * or else `defaultYear`. With no sub-year expression, the first 'năm 2024' is the whole year.
 */
export function parsePeriod(text: string, opts: { defaultYear?: number } = {}): ParsedPeriod | null {
  const t = text.normalize('NFC');
  const folded = foldKeepLength(t);
  const sub = findSubPeriods(t)[0];
  if (sub) {
    const year = sub.year ?? nearbyYear(folded, sub.end, sub.index) ?? opts.defaultYear ?? null;
    return { period: year !== null ? formatPeriod(year, sub.part) : null, part: sub.part, year, raw: sub.raw, index: sub.index };
  }
  const whole = findYearMentions(t)[0];
  if (whole) return { period: formatPeriod(whole.year!, 'Y'), part: 'Y', year: whole.year, raw: whole.raw, index: whole.index };
  return null;
}

/** Whether two periods can describe the same report: equal parts, and equal years when both are known. */
export function samePeriod(a: { part: PeriodPart; year: number | null }, b: { part: PeriodPart; year: number | null }): boolean {
  if (a.part !== b.part) return false;
  return a.year === null || b.year === null || a.year === b.year;
}

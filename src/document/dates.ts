// Vietnamese dates as reports write them:
//   'ngày 11/6/2024', '11/6/2024', '11-6-2024', '11.06.2024', 'ngày 05/3/2020',
//   'ngày 20 tháng 6 năm 2024', 'ngày  tháng 6 năm 2024' (a draft: the day left blank),
//   'ngày …/6/2024', 'ngày ... tháng ... năm 2024', 'tháng 6/2024', 'tháng 6 năm 2024' (a month, no day).
// A date is returned as YYYY-MM-DD only when day, month and year are all stated and form a real date.

export interface VnDate {
  /** YYYY-MM-DD when day, month and year are stated and valid; null otherwise. */
  iso: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  /** The date has a place for the day ('ngày …') but no day in it: a draft left blank. */
  dayBlank: boolean;
  monthBlank: boolean;
  yearBlank: boolean;
  /** A month without a day ('tháng 6/2024'): not blank, just a month. */
  monthOnly: boolean;
  /** All stated parts form a real date (false for '31/6/2024' or 'tháng 13'). */
  valid: boolean;
  /** The matched text and where it starts. */
  raw: string;
  index: number;
}

/** Two digits, zero-padded. */
function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether y-m-d is a real calendar date (Gregorian, years 1900–2100). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** YYYY-MM-DD, or null when the parts do not form a real date. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  return isValidDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

// A blank: nothing, spaces, dots, ellipses or underscores where a number belongs.
const BLANK = String.raw`[\s.…_·]*`;
const NUM = String.raw`(\d{1,2})`;
const YEAR = String.raw`(\d{4})`;
// 'tháng'/'năm' as the words; 'thang'/'nam' also match text typed without marks.
const NGAY = String.raw`ng[aàá]y`;
const THANG = String.raw`th[aá]ng`;
const NAM = String.raw`n[aă]m`;

/** 'ngày 20 tháng 6 năm 2024' and its blanks: day, month and year are each a number or a blank. */
const LONG = new RegExp(
  String.raw`${NGAY}(?:\s*(\d{1,2})|${BLANK})\s*${THANG}(?:\s*(\d{1,2})|${BLANK})\s*(?:,\s*)?${NAM}(?:\s*${YEAR}|\s*(20)(?:[.…_]+|\s*$)|${BLANK})`,
  'giu',
);
/** '11/6/2024', '11-6-2024', '11.06.2024', with an optional 'ngày' and blanks ('ngày …/6/2024', 'ngày   /   /2024'). */
const SHORT = new RegExp(
  String.raw`(?:(${NGAY})\s*(?:(\d{1,2})|[.…_\s]*)\s*([/.-])\s*(?:(\d{1,2})|[.…_\s]*)\s*\3\s*${YEAR}|(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\7\s*${YEAR})(?![\d/])`,
  'giu',
);
/** 'tháng 6/2024', 'tháng 06-2024', 'tháng 6 năm 2024' (not preceded by 'ngày …'). */
const MONTH = new RegExp(String.raw`${THANG}\s*(\d{1,2})\s*(?:[/.-]\s*|,?\s*${NAM}\s*)${YEAR}(?!\d)`, 'giu');

function make(raw: string, index: number, year: number | null, month: number | null, day: number | null, hasDaySlot: boolean): VnDate {
  const dayBlank = hasDaySlot && day === null;
  const monthBlank = month === null;
  const yearBlank = year === null;
  const monthOnly = !hasDaySlot && day === null && month !== null && year !== null;
  let valid = true;
  if (month !== null && (month < 1 || month > 12)) valid = false;
  if (year !== null && (year < 1900 || year > 2100)) valid = false;
  if (day !== null && (day < 1 || day > 31)) valid = false;
  if (valid && day !== null && month !== null && year !== null) valid = isValidDate(year, month, day);
  if (valid && day !== null && month !== null && year === null) valid = isValidDate(2024, month, day); // leap-year friendly
  const iso = valid && day !== null && month !== null && year !== null ? toIsoDate(year, month, day) : null;
  return { iso, year, month, day, dayBlank, monthBlank, yearBlank, monthOnly, valid, raw: raw.trim(), index };
}

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** Every date in a text, in order (overlapping matches resolved by position: long form first). */
export function findDates(text: string): VnDate[] {
  const t = text.normalize('NFC');
  const found: VnDate[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const add = (d: VnDate, start: number, end: number) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    found.push(d);
  };
  for (const m of t.matchAll(LONG)) {
    const start = m.index ?? 0;
    const year = num(m[3]);
    add(make(m[0], start, year, num(m[2]), num(m[1]), true), start, start + m[0].length);
  }
  for (const m of t.matchAll(SHORT)) {
    const start = m.index ?? 0;
    if (m[1] !== undefined) {
      // 'ngày' + slots that may be blank
      const d = num(m[2]);
      const mo = num(m[4]);
      add(make(m[0], start, Number(m[5]), mo, d, true), start, start + m[0].length);
    } else {
      add(make(m[0], start, Number(m[9]), num(m[8]), num(m[6]), true), start, start + m[0].length);
    }
  }
  for (const m of t.matchAll(MONTH)) {
    const start = m.index ?? 0;
    // 'ngày 20 tháng 6 năm 2024' was read above; a month inside it is not a date of its own.
    add(make(m[0], start, Number(m[2]), Number(m[1]), null, false), start, start + m[0].length);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in a text, or null. */
export function parseDate(text: string): VnDate | null {
  return findDates(text)[0] ?? null;
}

/** The first date in a text as YYYY-MM-DD; null when there is none, a part is blank, or it is not a real date. */
export function parseIsoDate(text: string): string | null {
  return parseDate(text)?.iso ?? null;
}

/** A date that starts at `from` (after optional spaces, a comma, 'ban hành', or an opening parenthesis). */
export function dateAt(text: string, from: number): VnDate | null {
  const rest = text.slice(from, from + 60);
  const lead = /^\s*(?:[,;]\s*)?(?:(?:được\s+)?ban\s+hành\s+)?(?:\(\s*)?/iu.exec(rest);
  const skip = lead ? lead[0].length : 0;
  const d = parseDate(rest.slice(skip));
  if (!d || d.index !== 0) return null;
  return { ...d, index: from + skip };
}

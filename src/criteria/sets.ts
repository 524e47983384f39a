// Criteria sets of the "chính quyền thân thiện" scoring, as data: each province issues its own set
// and revises it; a report is checked against the set of its province in force for its year (and,
// where a set ended within a year, its period). A province and period without a known set — every
// province but Bắc Giang, and tỉnh Bắc Ninh from 1 Jul 2025 — is checked for internal consistency
// only (met ≤ total, unmet indicators = total − met), and the workspace says so.
// Add a set by adding an entry below (groups in order; indicators numbered consecutively from 1).
import { nameKey } from '../document/names.ts';
import { periodMonths, splitPeriod } from '../document/periods.ts';

export interface CriteriaGroupDef {
  group: number;
  /** Number of indicators (chỉ tiêu) in the group; for a survey group, null. */
  count: number | null;
  /** 'indicators': counted in chỉ tiêu; 'survey': the satisfaction survey, counted in survey forms. */
  kind: 'indicators' | 'survey';
}

export interface CriteriaGroup extends CriteriaGroupDef {
  /** First and last indicator number of the group (inclusive); null for a survey group. */
  from: number | null;
  to: number | null;
}

export interface CriteriaSet {
  id: string;
  province: string;
  /** Years (report periods) the set applies to, inclusive. */
  fromYear: number;
  toYear: number;
  /** Last day in force when it ended within `toYear` (ISO); reports on later periods are not checked against it. */
  until?: string;
  /** The document that issued the set. */
  source: string;
  groups: CriteriaGroup[];
}

interface CriteriaSetDef {
  id: string;
  province: string;
  fromYear: number;
  toYear: number;
  until?: string;
  source: string;
  groups: CriteriaGroupDef[];
}

const DEFINITIONS: CriteriaSetDef[] = [
  {
    id: 'bac-giang-2024',
    province: 'Bắc Giang',
    // Issued 17/4/2024 and in force until replaced: reports on 2024 and on the first half of 2025
    // (the province was merged into Bắc Ninh on 1/7/2025). A new set gets an entry of its own.
    fromYear: 2024,
    toYear: 2025,
    until: '2025-06-30',
    source: 'Quyết định số 710/QĐ-UBND ngày 17/4/2024 của Chủ tịch UBND tỉnh Bắc Giang',
    groups: [
      { group: 1, count: 8, kind: 'indicators' },
      { group: 2, count: 4, kind: 'indicators' },
      { group: 3, count: 11, kind: 'indicators' },
      { group: 4, count: 6, kind: 'indicators' },
      { group: 5, count: 10, kind: 'indicators' },
      { group: 6, count: 8, kind: 'indicators' },
      { group: 7, count: null, kind: 'survey' },
    ],
  },
];

/** Numbers the indicators of a set's groups consecutively from 1. */
export function buildCriteriaSet(def: CriteriaSetDef): CriteriaSet {
  let next = 1;
  const groups = def.groups.map((g): CriteriaGroup => {
    if (g.kind === 'survey' || g.count === null) return { ...g, from: null, to: null };
    const from = next;
    next += g.count;
    return { ...g, from, to: next - 1 };
  });
  return { ...def, groups };
}

export const CRITERIA_SETS: readonly CriteriaSet[] = DEFINITIONS.map(buildCriteriaSet);

/** The set of a province for a year, or null when none is known (then no range checks are made). */
export function criteriaSetFor(province: string | null | undefined, year: number | null | undefined): CriteriaSet | null {
  if (!province || !year) return null;
  const key = nameKey(province);
  return CRITERIA_SETS.find((s) => nameKey(s.province) === key && year >= s.fromYear && year <= s.toYear) ?? null;
}

/** The group an indicator number belongs to in a set, or null. */
export function groupOfIndicator(set: CriteriaSet, indicator: number): CriteriaGroup | null {
  return set.groups.find((g) => g.from !== null && g.to !== null && indicator >= g.from && indicator <= g.to) ?? null;
}

/** The set of a province for a report period ('2025-H1'): by its year, and not past the set's last day. */
export function criteriaSetForPeriod(province: string | null | undefined, period: string | null | undefined): CriteriaSet | null {
  const p = period ? splitPeriod(period) : null;
  if (!p) return null;
  const set = criteriaSetFor(province, p.year);
  if (!set?.until) return set;
  const lastMonth = `${p.year}-${String(periodMonths(p.part)[1]).padStart(2, '0')}`;
  return lastMonth <= set.until.slice(0, 7) ? set : null;
}

/** What a report of a province and period is checked against, in words for staff. */
export function criteriaCheckNote(province: string | null | undefined, period: string | null | undefined): { set: CriteriaSet | null; note: string } {
  const set = criteriaSetForPeriod(province, period);
  if (set) return { set, note: `Đối chiếu với bộ tiêu chí ${set.id} (${set.source})` };
  const where = province ? `tỉnh ${province}` : 'tỉnh không rõ';
  return {
    set: null,
    note: `Chưa có bộ tiêu chí của ${where} cho kỳ ${period ?? 'không rõ'}: chỉ kiểm tra tính nhất quán nội bộ ` +
      '(số chỉ tiêu đạt không vượt tổng số, số chỉ tiêu chưa đạt được nêu khớp với tổng số trừ số đạt)',
  };
}

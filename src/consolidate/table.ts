// The district's consolidated table for one period: one row per commune (its current report),
// plus totals per district. Pure: built from stored extractions.
import type { Extraction } from '../contract.ts';

export interface ReportForTable {
  reportId: number;
  extraction: Extraction;
  flagCount: number;
}

/** Columns of the table, in order: key, Vietnamese header, whether the district total sums it. */
export const COLUMNS = [
  { key: 'commune', header: 'Xã/phường/thị trấn', sum: false },
  { key: 'population', header: 'Dân số', sum: true },
  { key: 'households', header: 'Số hộ', sum: true },
  { key: 'areaHa', header: 'Diện tích (ha)', sum: true },
  { key: 'villages', header: 'Thôn/TDP', sum: true },
  { key: 'partyCells', header: 'Chi bộ', sum: true },
  { key: 'partyMembers', header: 'Đảng viên', sum: true },
  { key: 'cadres', header: 'CB, CC', sum: true },
  { key: 'police', header: 'Công an CQ', sum: true },
  { key: 'criteriaMet', header: 'Chỉ tiêu đạt', sum: true },
  { key: 'criteriaTotal', header: 'Tổng chỉ tiêu', sum: true },
  { key: 'satisfactionPercent', header: 'Hài lòng (%)', sum: false },
  { key: 'starsRegistered', header: 'Sao đăng ký', sum: false },
  { key: 'budgetPlanned', header: 'KP dự toán (tr.đ)', sum: true },
  { key: 'budgetDisbursed', header: 'KP đã triển khai (tr.đ)', sum: true },
  { key: 'flags', header: 'Cảnh báo', sum: true },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

export interface ConsolidatedRow {
  reportId: number | null;
  commune: string;
  communeKind: string | null;
  district: string | null;
  population: number | null;
  households: number | null;
  areaHa: number | null;
  villages: number | null;
  partyCells: number | null;
  partyMembers: number | null;
  cadres: number | null;
  police: number | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
  satisfactionPercent: number | null;
  starsRegistered: number | null;
  budgetPlanned: number | null;
  budgetDisbursed: number | null;
  flags: number;
}

export interface DistrictTable {
  district: string;
  province: string | null;
  rows: ConsolidatedRow[];
  totals: ConsolidatedRow;
}

export interface ConsolidatedTable {
  period: string;
  districts: DistrictTable[];
}

function sumOrNull(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  // Round away binary noise from decimal sums (1719.58 + 812.3 …).
  return Math.round(present.reduce((a, b) => a + b, 0) * 1000) / 1000;
}

export function rowOf(r: ReportForTable): ConsolidatedRow {
  const e = r.extraction;
  const p = e.profile;
  return {
    reportId: r.reportId,
    commune: e.unit.commune ?? '(không rõ)',
    communeKind: e.unit.communeKind,
    district: e.unit.district,
    population: p.population,
    households: p.households,
    areaHa: p.areaHa,
    villages: p.villages,
    partyCells: p.partyCells,
    partyMembers: p.partyMembers,
    cadres: p.cadres,
    police: p.police,
    criteriaMet: e.criteria.length ? e.criteria.reduce((a, c) => a + c.met, 0) : null,
    criteriaTotal: e.criteria.length ? e.criteria.reduce((a, c) => a + c.total, 0) : null,
    satisfactionPercent: e.satisfactionPercent,
    starsRegistered: e.starsRegistered,
    budgetPlanned: e.budget.planned.total,
    budgetDisbursed: e.budget.disbursed.total,
    flags: r.flagCount,
  };
}

export function consolidate(period: string, reports: ReportForTable[]): ConsolidatedTable {
  const byDistrict = new Map<string, { province: string | null; rows: ConsolidatedRow[] }>();
  for (const r of reports) {
    const key = r.extraction.unit.district ?? '(không rõ)';
    const entry = byDistrict.get(key) ?? { province: r.extraction.unit.province, rows: [] };
    entry.rows.push(rowOf(r));
    byDistrict.set(key, entry);
  }
  const collator = new Intl.Collator('vi');
  const districts = [...byDistrict.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([district, { province, rows }]) => {
      rows.sort((a, b) => collator.compare(a.commune, b.commune));
      const totals: ConsolidatedRow = {
        reportId: null,
        commune: `Tổng cộng (${rows.length} đơn vị)`,
        communeKind: null,
        district,
        population: null, households: null, areaHa: null, villages: null, partyCells: null, partyMembers: null,
        cadres: null, police: null, criteriaMet: null, criteriaTotal: null, satisfactionPercent: null,
        starsRegistered: null, budgetPlanned: null, budgetDisbursed: null, flags: 0,
      };
      for (const col of COLUMNS) {
        if (!col.sum) continue;
        const k = col.key as Exclude<ColumnKey, 'commune'>;
        (totals as unknown as Record<string, number | null>)[k] = sumOrNull(rows.map((r) => r[k] as number | null));
      }
      totals.flags = rows.reduce((a, r) => a + r.flags, 0);
      return { district, province, rows, totals };
    });
  return { period, districts };
}

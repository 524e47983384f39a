// The district's consolidated table for one period: one row per commune of the district —
// every commune of the registry, those without a report shown as not reported — plus totals.
// Pure: built from the current reports' effective extractions (corrections applied).
import type { Extraction } from '../contract.ts';
import { communeOf, districtOf, placeReport, reportNote, type ServedDistrict } from './scope.ts';
import { genericPath } from './paths.ts';

export interface ReportForTable {
  reportId: number;
  /** The effective extraction: the stored one with its corrections applied. */
  extraction: Extraction;
  flagCount: number;
  /** Paths whose value a correction set. */
  correctedPaths?: Iterable<string>;
}

export const STATUS_REPORTED = 'đã báo cáo';
export const STATUS_MISSING = 'chưa báo cáo';

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
  { key: 'status', header: 'Tình trạng', sum: false },
] as const;

/** Further columns of the exports (CSV, the XLSX's full sheet): the annexes' figures. */
export const EXTRA_COLUMNS = [
  { key: 'steeringMembers', header: 'BCĐ: số thành viên', sum: true },
  { key: 'steeringHead', header: 'Trưởng BCĐ', sum: false },
  { key: 'supportMembers', header: 'Tổ giúp việc: số thành viên', sum: true },
  { key: 'supportLeader', header: 'Tổ trưởng Tổ giúp việc', sum: false },
  { key: 'budgetPlannedDistrict', header: 'KP dự toán: NS huyện (tr.đ)', sum: true },
  { key: 'budgetPlannedCommune', header: 'KP dự toán: NS xã (tr.đ)', sum: true },
  { key: 'budgetDisbursedDistrict', header: 'KP đã triển khai: NS huyện (tr.đ)', sum: true },
  { key: 'budgetDisbursedCommune', header: 'KP đã triển khai: NS xã (tr.đ)', sum: true },
  { key: 'surveysDone', header: 'Phiếu khảo sát đã thực hiện', sum: true },
  { key: 'surveysPlanned', header: 'Phiếu khảo sát kế hoạch', sum: true },
  { key: 'trainingClasses', header: 'Lớp tập huấn', sum: true },
  { key: 'trainingParticipants', header: 'Người tham gia tập huấn', sum: true },
  { key: 'inspections', header: 'Cuộc kiểm tra, giám sát', sum: true },
] as const;

/** The exports' columns: the table's, the annexes' figures, the status last. */
export const EXPORT_COLUMNS = [
  ...COLUMNS.filter((c) => c.key !== 'status'),
  ...EXTRA_COLUMNS,
  ...COLUMNS.filter((c) => c.key === 'status'),
];

export type ColumnKey = (typeof COLUMNS)[number]['key'] | (typeof EXTRA_COLUMNS)[number]['key'];

/** The extraction paths behind each column (list indexes as []): a correction of one marks the cell. */
const COLUMN_PATHS: Partial<Record<ColumnKey, string[]>> = {
  population: ['profile.population'],
  households: ['profile.households'],
  areaHa: ['profile.areaHa'],
  villages: ['profile.villages'],
  partyCells: ['profile.partyCells'],
  partyMembers: ['profile.partyMembers'],
  cadres: ['profile.cadres'],
  police: ['profile.police'],
  criteriaMet: ['criteria[].met'],
  criteriaTotal: ['criteria[].total'],
  satisfactionPercent: ['satisfactionPercent'],
  starsRegistered: ['starsRegistered'],
  budgetPlanned: ['budget.planned.total'],
  budgetDisbursed: ['budget.disbursed.total'],
  steeringMembers: ['steeringCommittee.members'],
  steeringHead: ['steeringCommittee.head'],
  supportMembers: ['supportTeam.members'],
  supportLeader: ['supportTeam.leader'],
  budgetPlannedDistrict: ['budget.planned.district'],
  budgetPlannedCommune: ['budget.planned.commune'],
  budgetDisbursedDistrict: ['budget.disbursed.district'],
  budgetDisbursedCommune: ['budget.disbursed.commune'],
  surveysDone: ['surveys.done'],
  surveysPlanned: ['surveys.planned'],
  trainingClasses: ['training.classes'],
  trainingParticipants: ['training.participants'],
  inspections: ['inspections'],
};

/** The columns that show a path's value. */
export function columnsOfPath(path: string): ColumnKey[] {
  const g = genericPath(path);
  return (Object.entries(COLUMN_PATHS) as [ColumnKey, string[]][]).filter(([, paths]) => paths.includes(g)).map(([k]) => k);
}

export interface ConsolidatedRow {
  reportId: number | null;
  /** GSO commune code (registry); null for a commune the registry does not know. */
  code: string | null;
  commune: string;
  communeKind: string | null;
  district: string | null;
  reported: boolean;
  /** A unit of the scope in force for the period (false: a report of a former unit, or of a name the
   *  registry does not know, listed beside the units). */
  inList: boolean;
  /** Whether the totals count the row (not a former unit whose successor reported itself). */
  counted: boolean;
  /** For staff: what the row is when it is not simply a unit's report (Vietnamese), or null. */
  note: string | null;
  /** A successor unit (a dissolved scope asked for a later period): the former units it carries on. */
  carriesOn: string[] | null;
  /** 'đã báo cáo' | 'chưa báo cáo' (the totals row: 'n/m đã báo cáo'). */
  status: string;
  /** Columns whose value comes from a correction. */
  corrected: ColumnKey[];
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
  steeringMembers: number | null;
  steeringHead: string | null;
  supportMembers: number | null;
  supportLeader: string | null;
  budgetPlannedDistrict: number | null;
  budgetPlannedCommune: number | null;
  budgetDisbursedDistrict: number | null;
  budgetDisbursedCommune: number | null;
  surveysDone: number | null;
  surveysPlanned: number | null;
  trainingClasses: number | null;
  trainingParticipants: number | null;
  inspections: number | null;
}

export interface DistrictTable {
  /** 'district' or 'province': the level of the scope (a district before 1 Jul 2025, a province from then on). */
  level: 'district' | 'province';
  /** 'huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh', 'Các đơn vị kế thừa …'. */
  label: string;
  /** The district's name (the province's for a province). */
  district: string;
  districtCode: string | null;
  province: string | null;
  /** The scope asked for no longer existed in the period: its rows are the units that carry it on. */
  successorOf: string | null;
  /** The registry the units are from ('danh mục đơn vị hành chính 01/07/2025'); null without one. */
  registry: string | null;
  rows: ConsolidatedRow[];
  totals: ConsolidatedRow;
  /** Units of the scope in force for the period (rows with inList; without a registry: every row). */
  communes: number;
  /** Those of them with a report for the period. */
  reported: number;
}

/** A current report of the period from a commune outside the served district(s). */
export interface OutsideReport {
  reportId: number;
  commune: string | null;
  communeKind: string | null;
  district: string | null;
  province: string | null;
}

export interface ConsolidatedTable {
  period: string;
  districts: DistrictTable[];
  /** Reports left out of the table: their commune is not of a served district. */
  outside: OutsideReport[];
}

function sumOrNull(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  // Round away binary noise from decimal sums (1719.58 + 812.3 …).
  return Math.round(present.reduce((a, b) => a + b, 0) * 1000) / 1000;
}

function emptyRow(commune: string, communeKind: string | null, district: string | null, code: string | null): ConsolidatedRow {
  return {
    reportId: null, code, commune, communeKind, district, reported: false, inList: true, counted: true, note: null, carriesOn: null,
    status: STATUS_MISSING, corrected: [],
    population: null, households: null, areaHa: null, villages: null, partyCells: null, partyMembers: null,
    cadres: null, police: null, criteriaMet: null, criteriaTotal: null, satisfactionPercent: null,
    starsRegistered: null, budgetPlanned: null, budgetDisbursed: null, flags: 0,
    steeringMembers: null, steeringHead: null, supportMembers: null, supportLeader: null,
    budgetPlannedDistrict: null, budgetPlannedCommune: null, budgetDisbursedDistrict: null, budgetDisbursedCommune: null,
    surveysDone: null, surveysPlanned: null, trainingClasses: null, trainingParticipants: null, inspections: null,
  };
}

export function rowOf(r: ReportForTable, code: string | null = null): ConsolidatedRow {
  const e = r.extraction;
  const p = e.profile;
  const corrected = new Set<ColumnKey>();
  for (const path of r.correctedPaths ?? []) for (const k of columnsOfPath(path)) corrected.add(k);
  return {
    ...emptyRow(e.unit.commune ?? '(không rõ)', e.unit.communeKind, e.unit.district, code),
    reportId: r.reportId,
    reported: true,
    status: STATUS_REPORTED,
    corrected: [...corrected],
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
    steeringMembers: e.steeringCommittee.members,
    steeringHead: e.steeringCommittee.head,
    supportMembers: e.supportTeam.members,
    supportLeader: e.supportTeam.leader,
    budgetPlannedDistrict: e.budget.planned.district,
    budgetPlannedCommune: e.budget.planned.commune,
    budgetDisbursedDistrict: e.budget.disbursed.district,
    budgetDisbursedCommune: e.budget.disbursed.commune,
    surveysDone: e.surveys.done,
    surveysPlanned: e.surveys.planned,
    trainingClasses: e.training.classes,
    trainingParticipants: e.training.participants,
    inspections: e.inspections,
  };
}

function totalsOf(district: string, all: ConsolidatedRow[]): ConsolidatedRow {
  const units = all.filter((r) => r.inList);
  const reported = units.filter((r) => r.reported).length;
  const rows = all.filter((r) => r.counted);
  const totals = emptyRow(`Tổng cộng (${reported}/${units.length} đơn vị đã báo cáo)`, null, district, null);
  totals.status = `${reported}/${units.length} đã báo cáo`;
  const record = totals as unknown as Record<string, number | null>;
  for (const col of [...COLUMNS, ...EXTRA_COLUMNS]) {
    if (!col.sum) continue;
    record[col.key] = sumOrNull(rows.map((r) => (r as unknown as Record<string, number | null>)[col.key] ?? null));
  }
  totals.flags = rows.reduce((a, r) => a + r.flags, 0);
  totals.corrected = [...new Set(rows.flatMap((r) => r.corrected))].filter((k) => [...COLUMNS, ...EXTRA_COLUMNS].some((c) => c.key === k && c.sum));
  return totals;
}

export interface ConsolidateOptions {
  /** The districts the table is for, with their registry communes: each gets a row whether it
   *  reported or not; reports of other districts go to `outside`. Without it: the districts the
   *  reports name, with only the communes that reported. */
  districts?: readonly ServedDistrict[];
}

const collator = new Intl.Collator('vi');

export function consolidate(period: string, reports: ReportForTable[], opts: ConsolidateOptions = {}): ConsolidatedTable {
  if (!opts.districts) return byNamedDistricts(period, reports);
  const outside: OutsideReport[] = [];
  const rowsOf = new Map<ServedDistrict, ConsolidatedRow[]>(opts.districts.map((d) => [d, []]));
  const carried = new Map<ConsolidatedRow, string[]>();
  for (const r of reports) {
    const u = r.extraction.unit;
    const d = districtOf(opts.districts, u);
    if (!d) {
      outside.push({ reportId: r.reportId, commune: u.commune, communeKind: u.communeKind, district: u.district, province: u.province });
      continue;
    }
    const c = communeOf(d, u);
    const row = rowOf(r, c?.code ?? null);
    row.note = reportNote(d, u);
    if (c) {
      row.commune = c.commune;
      row.communeKind = c.communeKind;
      row.carriesOn = c.carriesOn ?? null;
    } else {
      row.inList = false;
      const by = d.registry && u.commune ? placeReport(d.registry, u).carriedBy.map((x) => x.communeCode) : [];
      if (by.length) carried.set(row, by);
    }
    rowsOf.get(d)!.push(row);
  }
  const districts = opts.districts.map((d): DistrictTable => {
    const rows = rowsOf.get(d)!;
    const have = new Set(rows.filter((r) => r.inList).map((r) => r.code).filter((c): c is string => c !== null));
    for (const c of d.communes) {
      if (have.has(c.code)) continue;
      const row = emptyRow(c.commune, c.communeKind, c.district ?? (d.level === 'district' ? d.district : null), c.code);
      row.carriesOn = c.carriesOn ?? null;
      rows.push(row);
    }
    // A former unit's report beside its successor's own: shown, not added to the totals twice.
    for (const [row, codes] of carried) {
      if (!rows.includes(row)) continue;
      const own = rows.filter((x) => x.inList && x.reported && x.code !== null && codes.includes(x.code));
      if (own.length) {
        row.counted = false;
        row.note = `${row.note ?? ''}; không cộng vào tổng: ${own.map((x) => `${x.communeKind ?? ''} ${x.commune}`.trim()).join(', ')} đã báo cáo`.replace(/^; /, '');
      }
    }
    rows.sort((a, b) => Number(b.inList) - Number(a.inList) || collator.compare(a.commune, b.commune) || collator.compare(a.communeKind ?? '', b.communeKind ?? ''));
    const units = rows.filter((r) => r.inList);
    return {
      level: d.level,
      label: d.label,
      district: d.district,
      districtCode: d.districtCode,
      province: d.province,
      successorOf: d.successorOf,
      registry: d.registry?.label ?? null,
      rows,
      totals: totalsOf(d.district, rows),
      communes: units.length,
      reported: units.filter((r) => r.reported).length,
    };
  });
  return { period, districts, outside };
}

/** Without a registry: one table per district the reports name, the reporting communes only. */
function byNamedDistricts(period: string, reports: ReportForTable[]): ConsolidatedTable {
  const byDistrict = new Map<string, { province: string | null; rows: ConsolidatedRow[] }>();
  for (const r of reports) {
    const key = r.extraction.unit.district ?? '(không rõ)';
    const entry = byDistrict.get(key) ?? { province: r.extraction.unit.province, rows: [] };
    entry.rows.push(rowOf(r));
    byDistrict.set(key, entry);
  }
  const districts = [...byDistrict.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([district, { province, rows }]) => {
      rows.sort((a, b) => collator.compare(a.commune, b.commune));
      return {
        level: 'district' as const, label: district, district, districtCode: null, province, successorOf: null, registry: null,
        rows, totals: totalsOf(district, rows), communes: rows.length, reported: rows.length,
      };
    });
  return { period, districts, outside: [] };
}

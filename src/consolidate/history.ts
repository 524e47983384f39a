// A unit's figures over time, across the reforms: for a unit of 1 Jul 2025, its own reports beside
// those of its predecessors (the units of 1 Mar 2025 that went into it, from the crosswalk), with the
// sums of the additive figures where every predecessor moved into it whole; where one was split, the
// figures are said not to be comparable instead. Earlier names of a unit are followed by its code
// (between the three-level lists a code keeps its unit); units merged away on 1 Dec 2024 – 1 Mar 2025
// are not followed (no machine-readable crosswalk).
// Reports are placed in the registry at the end of their period (a code means another unit in
// another list: thị trấn Thắng, 07840, until 30 Jun 2025; xã Hiệp Hòa, 07840, from 1 Jul 2025).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { CorrectionsRepository, type CorrectionRow } from '../db/repositories/corrections.ts';
import type { Registry, UnitRow } from '../registry/index.ts';
import { communeLabel, successionText } from '../registry/labels.ts';
import { findWrittenUnit, parseUnitName } from '../registry/unit-name.ts';
import { dateVn, periodEnd, periodStart, sameUnit } from '../registry/view.ts';
import { applyCorrections } from './corrections.ts';
import { currentReports, extractionsOf } from './queries.ts';
import { placeReport } from './scope.ts';
import { rowOf, type ConsolidatedRow } from './table.ts';

/** Figures that add up over units (a merged unit's is the sum of its parts'). */
export const ADDITIVE = ['population', 'households', 'areaHa', 'villages', 'partyCells', 'partyMembers', 'cadres', 'police'] as const;
/** Shown, never summed. */
export const OTHER = ['criteriaMet', 'criteriaTotal', 'satisfactionPercent', 'starsRegistered'] as const;
export type FigureKey = (typeof ADDITIVE)[number] | (typeof OTHER)[number];
export type Figures = Record<FigureKey, number | null>;

/** New units that took in more than their predecessors (data/README.md): not comparable by sums. */
const EXTRA_AREA: Record<string, string> = {
  '14698': 'xã Kim Đông còn nhận thêm vùng ven biển của huyện Kim Sơn không thuộc xã nào',
};

export interface HistoryUnit {
  code: string;
  kind: string;
  name: string;
  district: string | null;
  province: string;
  /** The list the code belongs to ('2025-07') and the date it is in force from. */
  list: string;
  listFrom: string;
  label: string;
}

export interface HistoryPredecessor extends HistoryUnit {
  /** Its earlier names where its code survived ('xã Thanh Vân' until 31/12/2024). */
  formerNames: string[];
  /** Split over several new units: all of them (labels); null when it moved into this one whole. */
  splitInto: string[] | null;
}

export interface HistoryCell {
  reportId: number;
  /** The unit as the report names it. */
  named: string;
  figures: Figures;
}

export interface HistoryPeriod {
  period: string;
  own: HistoryCell | null;
  /** One per predecessor, in the order of `predecessors`; null where it sent no report. */
  predecessors: (HistoryCell | null)[];
  /** The predecessors' additive figures summed, when comparable and every one of them reported. */
  sum: Partial<Record<(typeof ADDITIVE)[number], number | null>> | null;
  /** Why there is no sum (Vietnamese), or null. */
  note: string | null;
}

export interface UnitHistory {
  unit: HistoryUnit;
  /** What carries the unit on, when it no longer exists at the date asked; null when it does. */
  successors: string | null;
  /** What became of it after its list (the newest list's view), or null when unchanged. */
  later: string | null;
  predecessors: HistoryPredecessor[];
  /** Whether the predecessors' sums compare with the unit's own figures. */
  comparable: boolean;
  note: string;
  periods: HistoryPeriod[];
}

export class HistoryError extends Error {
  constructor(readonly status: 400 | 404, message: string) {
    super(message);
  }
}

function unitOf(registry: Registry, u: UnitRow): HistoryUnit {
  return {
    code: u.communeCode, kind: u.communeKind, name: u.commune, district: u.district, province: u.province,
    list: u.list, listFrom: registry.listFrom(u.list), label: communeLabel(u),
  };
}

function figuresOf(row: ConsolidatedRow): Figures {
  const out = {} as Figures;
  for (const k of [...ADDITIVE, ...OTHER]) out[k] = row[k];
  return out;
}

/** The unit asked for: by code in the list in force on the date, or by its written name. */
export function findHistoryUnit(registry: Registry, query: { code?: string; name?: string; date: string }): UnitRow {
  const at = registry.at(query.date);
  if (query.code) {
    const u = at.lists.map((l) => l.commune(query.code!)).find((x) => x);
    if (!u) throw new HistoryError(404, `Không có đơn vị mã ${query.code} trong ${at.label} (mã chỉ có nghĩa cùng với ngày)`);
    return u;
  }
  const written = parseUnitName(query.name ?? '');
  if (!written.commune) throw new HistoryError(400, "Ghi tên đơn vị cấp xã, ví dụ 'xã Hiệp Hòa, tỉnh Bắc Ninh'");
  const hits = findWrittenUnit(at, written);
  if (hits.length === 0) throw new HistoryError(404, `Không tìm thấy '${query.name}' trong ${at.label} hay các danh mục trước đó`);
  if (hits.length > 1) {
    throw new HistoryError(400, `'${query.name}' có ${hits.length} đơn vị: ${hits.slice(0, 5).map((h) => communeLabel(h)).join('; ')}${hits.length > 5 ? '; …' : ''} — ghi thêm huyện/tỉnh`);
  }
  return hits[0]!;
}

/** The unit's predecessors (a unit of a list with a crosswalk into it), with their earlier names. */
function predecessorsOf(registry: Registry, at: Registry, u: UnitRow): HistoryPredecessor[] {
  return at.predecessors(u).map((p) => {
    const same = at.sameCodeRows(p.unit);
    const formerNames = same
      .filter((r) => !sameUnit(r, p.unit))
      .map((r) => `${communeLabel(r, false)} (danh mục ${dateVn(registry.listFrom(r.list))})`);
    return { ...unitOf(registry, p.unit), formerNames: [...new Set(formerNames)], splitInto: p.splitInto ? p.splitInto.map((x) => communeLabel(x)) : null };
  });
}

/** Whether two rows are the same unit by code: in the same list, or both in three-level lists
 *  (where a code keeps its unit; across 1 Jul 2025 it does not). */
function sameCode(registry: Registry, a: { communeCode: string; list: string }, b: { communeCode: string; list: string }): boolean {
  if (a.communeCode !== b.communeCode) return false;
  if (a.list === b.list) return true;
  const levels = (list: string) => registry.at(registry.listFrom(list)).levels;
  return levels(a.list) === 3 && levels(b.list) === 3;
}

export async function unitHistory(db: Kysely<DB>, registry: Registry, query: { code?: string; name?: string; date: string }): Promise<UnitHistory> {
  const unit = findHistoryUnit(registry, query);
  const at = registry.at(registry.listFrom(unit.list));
  const asked = registry.at(query.date);
  const succession = asked.inForce(unit) ? null : asked.successors(unit);
  const newest = registry.at(registry.listDates().at(-1)!);
  const afterwards = newest.inForce(unit) ? null : newest.successors(unit);
  const predecessors = predecessorsOf(registry, at, unit);
  const split = predecessors.filter((p) => p.splitInto);
  const extra = EXTRA_AREA[unit.communeCode] && unit.list === '2025-07' ? EXTRA_AREA[unit.communeCode]! : null;
  const comparable = predecessors.length > 0 && split.length === 0 && !extra;
  const note = predecessors.length === 0
    ? 'Không có đơn vị tiền thân trong bảng chuyển đổi (chỉ có bảng chuyển đổi cho ngày 01/07/2025); số liệu theo mã đơn vị qua các danh mục ba cấp'
    : comparable
      ? `${predecessors.length} đơn vị tiền thân nhập nguyên vào ${communeLabel(unit, false)}: cộng các số liệu cộng được (dân số, số hộ, diện tích, thôn, chi bộ, đảng viên, cán bộ, công an) để so sánh`
      : extra
        ? `Số liệu không so sánh được bằng tổng: ${extra}`
        : `Số liệu không so sánh được bằng tổng: ${split.map((p) => `${p.kind} ${p.name} được chia cho ${p.splitInto!.join('; ')}`).join('; ')}`;

  // The current reports placed in the registry at the end of their periods.
  const briefs = await currentReports(db);
  const views = new Map<string, Registry>();
  const viewOf = (period: string) => {
    let v = views.get(period);
    if (!v) views.set(period, (v = registry.forPeriod(period)));
    return v;
  };
  type Hit = { reportId: number; period: string; named: string; slot: 'own' | number };
  const hits: Hit[] = [];
  for (const r of briefs) {
    if (!periodEnd(r.period)) continue;
    const names = { commune: r.commune, communeKind: r.commune_kind, district: r.district, province: r.province };
    const place = placeReport(viewOf(r.period), names);
    const named = [r.commune_kind, r.commune].filter(Boolean).join(' ') + (r.district ? `, ${r.district}` : '') + (r.province ? `, ${r.province}` : '');
    const row = place.unit ?? place.former;
    if (!row) continue;
    if (place.unit && sameCode(registry, place.unit, unit)) { hits.push({ reportId: r.id, period: r.period, named, slot: 'own' }); continue; }
    const i = predecessors.findIndex((p) => sameCode(registry, row, { communeCode: p.code, list: p.list }));
    if (i >= 0) hits.push({ reportId: r.id, period: r.period, named, slot: i });
  }

  const extractions = await extractionsOf(db, hits.map((h) => h.reportId));
  const corrections = new Map<number, CorrectionRow[]>();
  for (const c of await new CorrectionsRepository(db).forReports(hits.map((h) => h.reportId))) {
    corrections.set(c.report_id, [...(corrections.get(c.report_id) ?? []), c]);
  }
  const byPeriod = new Map<string, HistoryPeriod>();
  for (const h of hits) {
    const e = extractions.get(h.reportId);
    if (!e) continue;
    const eff = applyCorrections(e, corrections.get(h.reportId) ?? []).extraction;
    const cell: HistoryCell = { reportId: h.reportId, named: h.named, figures: figuresOf(rowOf({ reportId: h.reportId, extraction: eff, flagCount: 0 })) };
    const p = byPeriod.get(h.period) ?? { period: h.period, own: null, predecessors: predecessors.map(() => null), sum: null, note: null };
    if (h.slot === 'own') p.own = cell;
    else p.predecessors[h.slot] = cell;
    byPeriod.set(h.period, p);
  }
  for (const p of byPeriod.values()) {
    if (!predecessors.length || p.predecessors.every((c) => c === null)) continue;
    if (!comparable) { p.note = 'không cộng: số liệu không so sánh được'; continue; }
    const missing = predecessors.filter((_, i) => p.predecessors[i] === null).map((x) => `${x.kind} ${x.name}`);
    if (missing.length) { p.note = `không cộng: chưa có báo cáo của ${missing.join(', ')}`; continue; }
    const sum: Partial<Record<(typeof ADDITIVE)[number], number | null>> = {};
    for (const k of ADDITIVE) {
      const values = p.predecessors.map((c) => c!.figures[k]);
      sum[k] = values.every((v) => v !== null) ? Math.round(values.reduce((a, b) => a! + b!, 0)! * 1000) / 1000 : null;
    }
    p.sum = sum;
    const unstable = predecessors.filter((x) => !stableSince(registry, x, p.period));
    if (unstable.length) {
      p.note = `${unstable.map((x) => `${x.kind} ${x.name}`).join(', ')}: huyện có đơn vị sáp nhập sau kỳ này (01/12/2024 – 01/03/2025, không có bảng chuyển đổi), tổng có thể không so sánh được`;
    }
  }
  // By the end of the period, the longer period first ('2025' after '2025-H2'? both end 31/12: year first).
  const order = (x: HistoryPeriod) => `${periodEnd(x.period)}|${periodStart(x.period)}`;
  const periods = [...byPeriod.values()].sort((a, b) => order(a).localeCompare(order(b)));
  return {
    unit: unitOf(registry, unit),
    successors: succession ? successionText(succession) : null,
    later: afterwards && afterwards.since ? successionText(afterwards) : null,
    predecessors,
    comparable,
    note,
    periods,
  };
}

/** Whether a predecessor (a unit of the crosswalk's older list) was the same unit, with the same
 *  neighbours, at the end of a period: its row there is the same, and no commune code of its district
 *  disappeared between then and its own list (a merger without a crosswalk may have enlarged it). */
function stableSince(registry: Registry, p: HistoryPredecessor, period: string): boolean {
  const then = registry.forPeriod(period);
  const own = registry.at(p.listFrom);
  if (then.asOf >= own.asOf) return true;
  const ownRow = own.list.commune(p.code);
  const thenRow = then.list.commune(p.code);
  if (!ownRow || !thenRow || !sameUnit(ownRow, thenRow) || !thenRow.districtCode) return false;
  return then.list.communesIn(thenRow.districtCode).every((c) => own.list.commune(c.communeCode) !== null);
}

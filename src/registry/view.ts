// The registry as it stood on one date: the list(s) in force then, with the earlier lists behind them.
//
// Lookups (findProvince, findDistricts, findCommunes) answer from the lists in force first; when
// those have no such name they answer from the earlier lists, newest first, so that a report written
// with a unit's former name is still read right (`inForce(row)` tells which). `nearest`,
// `communesIn` and `communesOfProvince` use the lists in force only. `successors(row)` follows a
// unit of an earlier list to the units of this date that carry it on: by its code between the
// three-level lists (a code that survives is the same unit, possibly renamed or moved to another
// district), by the crosswalk into the two-level list of 1 July 2025 (where codes change meaning).
import { nameKey } from '../document/names.ts';
import { splitPeriod, periodMonths } from '../document/periods.ts';
import { LISTS, listInfo, listsInForce, loadCrosswalk, loadList } from './catalogue.ts';
import type { Crosswalk } from './crosswalk.ts';
import {
  nearestOf,
  UnitList,
  type DistrictRef,
  type NearestMatch,
  type NearestWithin,
  type ProvinceRef,
  type Scope,
  type UnitRow,
} from './list.ts';

/** Where the lists come from: the dated files, or one list given directly. */
export interface ListSource {
  /** List ids in date order. */
  ids: readonly string[];
  list(id: string): UnitList;
  /** The first day a list is in force (without loading it). */
  from(id: string): string;
  /** The ids in force on a date, the primary one first. */
  inForce(date: string): string[];
  /** The crosswalk into a list, or null. */
  crosswalk(to: string): Crosswalk | null;
}

export const DATED_LISTS: ListSource = {
  ids: LISTS.map((l) => l.id),
  list: loadList,
  from: (id) => listInfo(id).from,
  inForce: listsInForce,
  crosswalk: loadCrosswalk,
};

/** A unit of an earlier list followed to the date of a view. */
export interface Succession {
  /** The units in force that carry it on; empty when it cannot be followed. */
  units: UnitRow[];
  /** Whether it was spread over several units (crosswalk rows to more than one new unit). */
  split: boolean;
  /** First day it no longer existed as named (name, kind, district or province changed, or merged
   *  away); null when it is unchanged. */
  since: string | null;
  /** False when it was merged away without a machine-readable mapping (1 Dec 2024 – 1 Mar 2025). */
  traced: boolean;
  /** How it was followed: its code alone (the same unit, renamed or moved), or through the crosswalk. */
  via: 'code' | 'crosswalk';
}

export interface Predecessor {
  /** The old unit (a row of the crosswalk's older list). */
  unit: UnitRow;
  /** It was spread over several new units: these are all of them (this one included). */
  splitInto: UnitRow[] | null;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export function dateVn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The last day of a period ('2024-H1' → '2024-06-30', '2025' → '2025-12-31'); null if malformed. */
export function periodEnd(period: string): string | null {
  const p = splitPeriod(period);
  if (!p) return null;
  const month = periodMonths(p.part)[1];
  const day = new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return `${p.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first day of a period. */
export function periodStart(period: string): string | null {
  const p = splitPeriod(period);
  if (!p) return null;
  return `${p.year}-${String(periodMonths(p.part)[0]).padStart(2, '0')}-01`;
}

/** The date a report is checked at: its date of issue, else the end of its period; null when neither. */
export function reportDate(r: { date?: string | null; period?: string | null }): string | null {
  if (r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date)) return r.date;
  return r.period ? periodEnd(r.period) : null;
}

export class Registry {
  /** The date asked for. */
  readonly date: string;
  private readonly inForceIds: readonly string[];
  private readonly earlierIds: readonly string[];

  constructor(private readonly source: ListSource, date: string) {
    this.date = date;
    this.inForceIds = source.inForce(date);
    const first = source.ids.indexOf(this.inForceIds[0]!);
    this.earlierIds = source.ids.slice(0, Math.max(0, first)).filter((id) => !this.inForceIds.includes(id)).reverse();
  }

  /** A registry of one list read from CSV text (tests, custom lists); `at()` gives the same list. */
  static fromCsv(text: string, asOf = '2024-11-01', id = 'custom'): Registry {
    const list = UnitList.fromCsv(text, id, asOf);
    return new Registry({ ids: [id], list: () => list, from: () => asOf, inForce: () => [id], crosswalk: () => null }, asOf);
  }

  /** The primary list in force. */
  get list(): UnitList {
    return this.source.list(this.inForceIds[0]!);
  }

  /** Every list in force (more than one in a gap: December 2024). */
  get lists(): UnitList[] {
    return this.inForceIds.map((id) => this.source.list(id));
  }

  /** The date the primary list is in force from. */
  get asOf(): string {
    return this.source.from(this.inForceIds[0]!);
  }

  /** The units of the primary list. */
  get units(): readonly UnitRow[] {
    return this.list.units;
  }

  /** 2: provinces and communes (from 1 July 2025); 3: with districts. */
  get levels(): 2 | 3 {
    return this.list.levels;
  }

  /** The date is before the first list: that list stands in for the one in force then. */
  get beforeFirstList(): boolean {
    return this.date < this.source.from(this.source.ids[0]!);
  }

  /** 'danh mục đơn vị hành chính 01/07/2025', naming both lists in a gap. */
  get label(): string {
    const dates = this.inForceIds.map((id) => dateVn(this.source.from(id)));
    return `danh mục đơn vị hành chính ${dates.join(' và ')}`;
  }

  /** The registry on another date (the lists are shared, loaded once). */
  at(date: string): Registry {
    return new Registry(this.source, date);
  }

  /** The registry at the end of a period ('2025-H1' → 30/06/2025). */
  forPeriod(period: string): Registry {
    const end = periodEnd(period);
    if (!end) throw new Error(`kỳ báo cáo không hợp lệ: ${period}`);
    return this.at(end);
  }

  /** The first day of a list ('2025-03' → '2025-03-01'). */
  listFrom(id: string): string {
    return this.source.from(id);
  }

  /** The first day of every list, oldest first. */
  listDates(): string[] {
    return this.source.ids.map((id) => this.source.from(id));
  }

  /** The first days of the lists after the ones in force, oldest first. */
  laterListDates(): string[] {
    const last = Math.max(...this.inForceIds.map((id) => this.source.ids.indexOf(id)));
    return this.source.ids.slice(last + 1).map((id) => this.source.from(id));
  }

  /** Whether a row or ref of any list belongs to a list in force on this date. */
  inForce(unit: { list: string }): boolean {
    return this.inForceIds.includes(unit.list);
  }

  /** The lists to search: in force first, then the earlier ones, newest first. */
  private *searchOrder(): Generator<UnitList> {
    for (const id of this.inForceIds) yield this.source.list(id);
    for (const id of this.earlierIds) yield this.source.list(id);
  }

  /** The hits of the first list, in search order, that has any. */
  private firstHits<T>(find: (l: UnitList) => T[]): T[] {
    for (const l of this.searchOrder()) {
      const hits = find(l);
      if (hits.length) return hits;
    }
    return [];
  }

  /** The province of that name or code (see the file's comment for earlier lists), or null. */
  findProvince(name: string): ProvinceRef | null {
    for (const l of this.searchOrder()) {
      const p = l.findProvince(name);
      if (p) return p;
    }
    return null;
  }

  /** Every district of that name, within the province when given. */
  findDistricts(name: string, scope: Omit<Scope, 'district'> = {}): DistrictRef[] {
    return this.firstHits((l) => l.findDistricts(name, scope));
  }

  /** The one district of that name (within the province when given); null when none or ambiguous. */
  findDistrict(name: string, scope: Omit<Scope, 'district'> = {}): DistrictRef | null {
    const hits = this.findDistricts(name, scope);
    return hits.length === 1 ? hits[0]! : null;
  }

  /** Every commune of that name within the given district / province / kind. */
  findCommunes(name: string, scope: Scope = {}): UnitRow[] {
    return this.firstHits((l) => l.findCommunes(name, scope));
  }

  /** The one commune of that name in the scope; null when none or ambiguous. */
  findCommune(name: string, scope: Scope = {}): UnitRow | null {
    const hits = this.findCommunes(name, scope);
    return hits.length === 1 ? hits[0]! : null;
  }

  /** The communes in force of a district (by code or by name within the province). */
  communesIn(district: string, province?: string | null): UnitRow[] {
    for (const l of this.lists) {
      const hits = l.communesIn(district, province);
      if (hits.length) return hits;
    }
    return [];
  }

  /** The communes in force of a province (by name or code). */
  communesOfProvince(province: string): UnitRow[] {
    for (const l of this.lists) {
      const hits = l.communesOfProvinceNamed(province);
      if (hits.length) return hits;
    }
    return [];
  }

  /**
   * The name in force nearest to `name` (nameDistance) among the communes, districts or provinces
   * of the scope: communes within `within.district` / `within.province`, districts within `within.province`.
   */
  nearest(name: string, within: Scope & { level: 'commune' }): NearestMatch<UnitRow> | null;
  nearest(name: string, within: Scope & { level: 'district' }): NearestMatch<DistrictRef> | null;
  nearest(name: string, within: Scope & { level: 'province' }): NearestMatch<ProvinceRef> | null;
  nearest(name: string, within: NearestWithin): NearestMatch<UnitRow | DistrictRef | ProvinceRef> | null {
    return nearestOf(name, within.level, this.lists.flatMap((l) => l.nearestPool(within)));
  }

  /** Like `nearest`, among the units of the earlier lists only (a name misspelt from a former unit's). */
  nearestEarlier(name: string, within: Scope & { level: 'commune' }): NearestMatch<UnitRow> | null;
  nearestEarlier(name: string, within: Scope & { level: 'district' }): NearestMatch<DistrictRef> | null;
  nearestEarlier(name: string, within: Scope & { level: 'province' }): NearestMatch<ProvinceRef> | null;
  nearestEarlier(name: string, within: NearestWithin): NearestMatch<UnitRow | DistrictRef | ProvinceRef> | null {
    for (const id of this.earlierIds) {
      const hit = nearestOf(name, within.level, this.source.list(id).nearestPool(within));
      if (hit?.near) return hit;
    }
    return null;
  }

  /** Like `findCommunes`, in the earlier lists only (the newest that has any). */
  findCommunesEarlier(name: string, scope: Scope = {}): UnitRow[] {
    for (const id of this.earlierIds) {
      const hits = this.source.list(id).findCommunes(name, scope);
      if (hits.length) return hits;
    }
    return [];
  }

  /** A unit of an earlier list followed to this date (see the file's comment). */
  successors(row: UnitRow): Succession {
    if (this.inForce(row)) return { units: [row], split: false, since: null, traced: true, via: 'code' };
    const ids = this.source.ids;
    const start = ids.indexOf(row.list);
    const end = ids.indexOf(this.inForceIds[0]!);
    if (start < 0 || end < 0 || start > end) return { units: [], split: false, since: null, traced: false, via: 'code' };
    let cur: UnitRow[] = [row];
    let since: string | null = null;
    let split = false;
    let via: Succession['via'] = 'code';
    for (let i = start + 1; i <= end; i++) {
      const prev = this.source.list(ids[i - 1]!);
      const next = this.source.list(ids[i]!);
      if (next.levels === 3 && prev.levels === 3) {
        const mapped = cur.map((r) => next.commune(r.communeCode));
        if (mapped.some((m) => m === null)) return { units: [], split, since: since ?? next.from, traced: false, via };
        if (mapped.some((m, k) => !sameUnit(cur[k]!, m!))) since ??= next.from;
        cur = mapped as UnitRow[];
        continue;
      }
      const cw = this.source.crosswalk(next.id);
      if (!cw || cw.from !== prev.id) return { units: [], split, since: since ?? next.from, traced: false, via };
      since ??= next.from;
      via = 'crosswalk';
      const out = new Map<string, UnitRow>();
      for (const r of cur) {
        const rows = cw.successors(r.communeCode);
        if (rows.length > 1) split = true;
        for (const c of rows) {
          const u = next.commune(c.newCode);
          if (u) out.set(u.communeCode, u);
        }
      }
      cur = [...out.values()];
      if (cur.length === 0) return { units: [], split, since, traced: false, via };
    }
    return { units: cur, split, since, traced: true, via };
  }

  /** Whether a unit of any list existed, as named, on this date: in force, or the same unit
   *  (code, kind, name, district, province) in the list in force — codes are compared only between
   *  three-level lists, where a code keeps its unit. */
  existsAsNamed(row: UnitRow): boolean {
    if (this.inForce(row)) return true;
    const s = this.successors(row);
    if (s.traced && s.since === null) return true;
    if (this.source.list(row.list).levels !== 3) return false;
    return this.lists.some((l) => {
      const u = l.levels === 3 ? l.commune(row.communeCode) : null;
      return u !== null && sameUnit(u, row);
    });
  }

  /** The units of the crosswalk's older list that went into a unit of this date's list (empty when
   *  the list has no crosswalk into it, or the unit no predecessor). */
  predecessors(row: UnitRow): Predecessor[] {
    const cw = this.source.crosswalk(row.list);
    if (!cw) return [];
    const old = this.source.list(cw.from);
    const now = this.source.list(cw.to);
    const out: Predecessor[] = [];
    for (const c of cw.predecessors(row.communeCode)) {
      const unit = old.commune(c.oldCode);
      if (!unit) continue;
      const rows = cw.successors(c.oldCode);
      const splitInto = rows.length > 1 ? rows.map((s) => now.commune(s.newCode)).filter((u): u is UnitRow => u !== null) : null;
      out.push({ unit, splitInto });
    }
    return out;
  }

  /** The districts a unit of a three-level list belonged to in the earlier lists, when other than its
   *  own (xã Tư Mại, thành phố Bắc Giang in 2025: huyện Yên Dũng until 31 Dec 2024). */
  formerDistricts(row: UnitRow): string[] {
    const own = nameKey(row.district ?? '');
    return [...new Set(this.sameCodeRows(row).map((r) => r.district).filter((d): d is string => d !== null && nameKey(d) !== own))];
  }

  /** The same unit (same code) in each three-level list up to and including its own, oldest first:
   *  its former names where its code survived (between three-level lists a code keeps its unit). */
  sameCodeRows(row: UnitRow): UnitRow[] {
    const upTo = this.source.ids.indexOf(row.list);
    if (upTo < 0 || this.source.list(row.list).levels !== 3) return [row];
    const out: UnitRow[] = [];
    for (const id of this.source.ids.slice(0, upTo + 1)) {
      const l = this.source.list(id);
      const u = l.levels === 3 ? l.commune(row.communeCode) : null;
      if (u) out.push(u);
    }
    return out;
  }
}

/** Same kind, name, district and province (codes equal). */
export function sameUnit(a: UnitRow, b: UnitRow): boolean {
  return a.communeKind === b.communeKind && nameKey(a.commune) === nameKey(b.commune) && a.districtCode === b.districtCode &&
    nameKey(a.district ?? '') === nameKey(b.district ?? '') && nameKey(a.province) === nameKey(b.province);
}


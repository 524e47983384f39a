// One list of administrative units, as in force from one date: three levels (province / district /
// commune) until 30 June 2025, two (province / commune) from 1 July 2025. Names are matched by
// nameKey() (NFC, unified tone placement, lower case); a commune is matched within its district or
// province, since names clash across the country. Codes are only meaningful within one list.
import { isNearName, nameDistance, nameKey } from '../document/names.ts';
import { readCsv } from './csv.ts';

export type CommuneKind = 'xã' | 'phường' | 'thị trấn' | 'đặc khu';
export type DistrictKind = 'huyện' | 'quận' | 'thị xã' | 'thành phố';
export type ProvinceKind = 'tỉnh' | 'thành phố';

export interface UnitRow {
  /** The list the row belongs to ('2024-11', '2025-01', '2025-03', '2025-07'). */
  list: string;
  provinceCode: string;
  provinceKind: ProvinceKind;
  province: string;
  /** Null in a two-level list (from 1 July 2025 there are no districts). */
  districtCode: string | null;
  districtKind: DistrictKind | null;
  district: string | null;
  communeCode: string;
  communeKind: CommuneKind;
  commune: string;
}

export interface DistrictRef {
  list: string;
  provinceCode: string;
  provinceKind: ProvinceKind;
  province: string;
  districtCode: string;
  districtKind: DistrictKind;
  district: string;
}

export interface ProvinceRef {
  list: string;
  provinceCode: string;
  provinceKind: ProvinceKind;
  province: string;
}

/** Narrows a search: names of the containing units (any spelling nameKey() unifies) or their codes. */
export interface Scope {
  province?: string | null;
  district?: string | null;
  kind?: string | null;
}

export interface NearestMatch<T> {
  name: string;
  distance: number;
  /** Close enough to be the same name misspelt (isNearName). */
  near: boolean;
  unit: T;
}

export type NearestWithin = Scope & { level: 'commune' | 'district' | 'province' };

/** Strips a leading unit word the caller left in ('huyện Hiệp Hòa', 'Tỉnh Bắc Giang'). */
export function bareName(name: string, level: 'province' | 'district' | 'commune'): string {
  const words = level === 'province' ? PROVINCE_WORDS : level === 'district' ? DISTRICT_WORDS : COMMUNE_WORDS;
  return name.normalize('NFC').replace(words, '').trim();
}
const PROVINCE_WORDS = /^(?:tỉnh|thành phố|tp\.?)\s+/iu;
const DISTRICT_WORDS = /^(?:huyện|quận|thị xã|thành phố|tp\.?)\s+/iu;
const COMMUNE_WORDS = /^(?:xã|phường|thị trấn|đặc khu)\s+/iu;

/** nameKey(), remembered: the lists repeat the same names (provinces, districts, communes across lists). */
const keys = new Map<string, string>();
function key(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    k = nameKey(name);
    keys.set(name, k);
  }
  return k;
}

const COLUMNS = ['province_code', 'province_kind', 'province', 'district_code', 'district_kind', 'district', 'commune_code', 'commune_kind', 'commune'] as const;

export class UnitList {
  private readonly byCommuneKey = new Map<string, UnitRow[]>();
  private readonly byCode = new Map<string, UnitRow>();
  private readonly districtList: DistrictRef[] = [];
  private readonly byDistrictKey = new Map<string, DistrictRef[]>();
  private readonly provinceList: ProvinceRef[] = [];
  private readonly byProvinceKey = new Map<string, ProvinceRef>();
  private readonly communesOfDistrict = new Map<string, UnitRow[]>();
  private readonly communesOfProvince = new Map<string, UnitRow[]>();

  /**
   * @param id   the list's name ('2025-03')
   * @param from the first day it is in force (ISO date)
   */
  constructor(readonly id: string, readonly from: string, readonly units: readonly UnitRow[]) {
    for (const u of units) {
      push(this.byCommuneKey, key(u.commune), u);
      this.byCode.set(u.communeCode, u);
      push(this.communesOfProvince, u.provinceCode, u);
      if (u.districtCode !== null && u.districtKind !== null && u.district !== null) {
        if (!this.communesOfDistrict.has(u.districtCode)) {
          const d: DistrictRef = {
            list: id, provinceCode: u.provinceCode, provinceKind: u.provinceKind, province: u.province,
            districtCode: u.districtCode, districtKind: u.districtKind, district: u.district,
          };
          this.districtList.push(d);
          push(this.byDistrictKey, key(u.district), d);
        }
        push(this.communesOfDistrict, u.districtCode, u);
      }
      const pk = key(u.province);
      if (!this.byProvinceKey.has(pk)) {
        const p: ProvinceRef = { list: id, provinceCode: u.provinceCode, provinceKind: u.provinceKind, province: u.province };
        this.provinceList.push(p);
        this.byProvinceKey.set(pk, p);
      }
    }
  }

  /** Three levels (with districts) or two. */
  get levels(): 2 | 3 {
    return this.districtList.length ? 3 : 2;
  }

  get provinces(): readonly ProvinceRef[] {
    return this.provinceList;
  }

  get districts(): readonly DistrictRef[] {
    return this.districtList;
  }

  /** Reads a list from CSV text with the header of units-2024.csv (three levels) or of
   *  units-2025-07.csv (two levels: no district columns). */
  static fromCsv(text: string, id: string, from: string): UnitList {
    const rows = readCsv(text, COLUMNS, ['district_code', 'district_kind', 'district']);
    const units = rows.map((f): UnitRow => ({
      list: id,
      provinceCode: f.province_code!, provinceKind: f.province_kind as ProvinceKind, province: f.province!,
      districtCode: f.district_code || null, districtKind: (f.district_kind || null) as DistrictKind | null, district: f.district || null,
      communeCode: f.commune_code!, communeKind: f.commune_kind as CommuneKind, commune: f.commune!,
    }));
    return new UnitList(id, from, units);
  }

  /** The commune of that code in this list (a code names another unit in another list). */
  commune(code: string): UnitRow | null {
    return this.byCode.get(code) ?? null;
  }

  /** The province of that name ('Bắc Giang', 'tỉnh Bắc Giang') or code, or null. */
  findProvince(name: string): ProvinceRef | null {
    return this.byProvinceKey.get(nameKey(bareName(name, 'province'))) ?? this.provinceList.find((p) => p.provinceCode === name.trim()) ?? null;
  }

  /** Every district of that name, within the province when given. */
  findDistricts(name: string, scope: Omit<Scope, 'district'> = {}): DistrictRef[] {
    let hits = this.byDistrictKey.get(nameKey(bareName(name, 'district'))) ?? [];
    if (scope.province) hits = hits.filter((d) => inProvince(d, scope.province!));
    if (scope.kind) hits = hits.filter((d) => d.districtKind === scope.kind);
    return hits;
  }

  /** The district of that code, or null. */
  district(code: string): DistrictRef | null {
    return this.districtList.find((d) => d.districtCode === code) ?? null;
  }

  /** Every commune of that name within the given district / province / kind. */
  findCommunes(name: string, scope: Scope = {}): UnitRow[] {
    let hits = this.byCommuneKey.get(nameKey(bareName(name, 'commune'))) ?? [];
    if (scope.district) {
      const wanted = nameKey(bareName(scope.district, 'district'));
      hits = hits.filter((u) => u.district !== null && (u.districtCode === scope.district || key(u.district) === wanted));
    }
    if (scope.province) hits = hits.filter((u) => inProvince(u, scope.province!));
    if (scope.kind) hits = hits.filter((u) => u.communeKind === scope.kind);
    return hits;
  }

  /** The communes of a district (by code or by name within the province). */
  communesIn(district: string, province?: string | null): UnitRow[] {
    const byCode = this.communesOfDistrict.get(district);
    if (byCode) return byCode;
    return this.findDistricts(district, { province: province ?? null }).flatMap((x) => this.communesOfDistrict.get(x.districtCode) ?? []);
  }

  /** The communes of a province (by code or name). */
  communesOfProvinceNamed(province: string): UnitRow[] {
    const p = this.findProvince(province);
    return p ? (this.communesOfProvince.get(p.provinceCode) ?? []) : [];
  }

  /** The candidates `nearest` compares a name with (see Registry.nearest). */
  nearestPool(within: NearestWithin): { name: string; unit: UnitRow | DistrictRef | ProvinceRef }[] {
    if (within.level === 'province') return this.provinceList.map((p) => ({ name: p.province, unit: p }));
    if (within.level === 'district') {
      return this.districtList.filter((d) => !within.province || inProvince(d, within.province)).map((d) => ({ name: d.district, unit: d }));
    }
    let units: readonly UnitRow[] = within.district ? this.communesIn(within.district, within.province) : this.units;
    if (within.province) units = units.filter((u) => inProvince(u, within.province!));
    if (within.kind) {
      const sameKind = units.filter((u) => u.communeKind === within.kind);
      if (sameKind.length) units = sameKind;
    }
    return units.map((u) => ({ name: u.commune, unit: u }));
  }
}

/** The candidate nearest to `name` (nameDistance), with whether it is near enough to be a misspelling. */
export function nearestOf<T>(name: string, level: 'commune' | 'district' | 'province', pool: Iterable<{ name: string; unit: T }>): NearestMatch<T> | null {
  const target = bareName(name, level);
  let best: { name: string; unit: T; distance: number } | null = null;
  for (const c of pool) {
    const distance = nameDistance(target, c.name);
    if (!best || distance < best.distance) best = { ...c, distance };
  }
  return best ? { ...best, near: isNearName(target, best.name) } : null;
}

function inProvince(u: { provinceCode: string; province: string }, province: string): boolean {
  return u.provinceCode === province || key(u.province) === nameKey(bareName(province, 'province'));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// The registry of administrative units (units-2024.csv: GSO's list in force from 1 November 2024).
// Loaded once, then passed to extraction as an object, so that extractors stay pure functions.
// Names are matched by nameKey() (NFC, unified tone placement, lower case), and a commune is
// matched within its district: names clash across the country.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isNearName, nameDistance, nameKey } from '../document/names.ts';

export type CommuneKind = 'xã' | 'phường' | 'thị trấn';
export type DistrictKind = 'huyện' | 'quận' | 'thị xã' | 'thành phố';
export type ProvinceKind = 'tỉnh' | 'thành phố';

export interface UnitRow {
  provinceCode: string;
  provinceKind: ProvinceKind;
  province: string;
  districtCode: string;
  districtKind: DistrictKind;
  district: string;
  communeCode: string;
  communeKind: CommuneKind;
  commune: string;
}

export interface DistrictRef {
  provinceCode: string;
  provinceKind: ProvinceKind;
  province: string;
  districtCode: string;
  districtKind: DistrictKind;
  district: string;
}

export interface ProvinceRef {
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

export const DEFAULT_REGISTRY_FILE = fileURLToPath(new URL('./units-2024.csv', import.meta.url));

/** Splits one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Strips a leading unit word the caller left in ('huyện Hiệp Hòa', 'Tỉnh Bắc Giang'). */
function bare(name: string, words: RegExp): string {
  return name.normalize('NFC').replace(words, '').trim();
}
const PROVINCE_WORDS = /^(?:tỉnh|thành phố|tp\.?)\s+/iu;
const DISTRICT_WORDS = /^(?:huyện|quận|thị xã|thành phố|tp\.?)\s+/iu;
const COMMUNE_WORDS = /^(?:xã|phường|thị trấn)\s+/iu;

export class Registry {
  /** The date the list is in force from. */
  readonly asOf: string;
  readonly units: readonly UnitRow[];
  private readonly byCommuneKey = new Map<string, UnitRow[]>();
  private readonly districts: DistrictRef[] = [];
  private readonly byDistrictKey = new Map<string, DistrictRef[]>();
  private readonly provinces: ProvinceRef[] = [];
  private readonly byProvinceKey = new Map<string, ProvinceRef>();
  private readonly communesOfDistrict = new Map<string, UnitRow[]>();

  constructor(units: UnitRow[], asOf = '2024-11-01') {
    this.asOf = asOf;
    this.units = units;
    const seenDistrict = new Set<string>();
    for (const u of units) {
      push(this.byCommuneKey, nameKey(u.commune), u);
      push(this.communesOfDistrict, u.districtCode, u);
      if (!seenDistrict.has(u.districtCode)) {
        seenDistrict.add(u.districtCode);
        const d: DistrictRef = {
          provinceCode: u.provinceCode, provinceKind: u.provinceKind, province: u.province,
          districtCode: u.districtCode, districtKind: u.districtKind, district: u.district,
        };
        this.districts.push(d);
        push(this.byDistrictKey, nameKey(u.district), d);
      }
      const pk = nameKey(u.province);
      if (!this.byProvinceKey.has(pk)) {
        const p: ProvinceRef = { provinceCode: u.provinceCode, provinceKind: u.provinceKind, province: u.province };
        this.provinces.push(p);
        this.byProvinceKey.set(pk, p);
      }
    }
  }

  /** Reads the registry from CSV text with the header of units-2024.csv. */
  static fromCsv(text: string, asOf?: string): Registry {
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = csvFields(lines[0] ?? '');
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`registry: column '${name}' missing`);
      return i;
    };
    const idx = {
      provinceCode: col('province_code'), provinceKind: col('province_kind'), province: col('province'),
      districtCode: col('district_code'), districtKind: col('district_kind'), district: col('district'),
      communeCode: col('commune_code'), communeKind: col('commune_kind'), commune: col('commune'),
    };
    const units: UnitRow[] = [];
    for (const line of lines.slice(1)) {
      const f = csvFields(line).map((s) => s.normalize('NFC').trim());
      units.push({
        provinceCode: f[idx.provinceCode]!, provinceKind: f[idx.provinceKind] as ProvinceKind, province: f[idx.province]!,
        districtCode: f[idx.districtCode]!, districtKind: f[idx.districtKind] as DistrictKind, district: f[idx.district]!,
        communeCode: f[idx.communeCode]!, communeKind: f[idx.communeKind] as CommuneKind, commune: f[idx.commune]!,
      });
    }
    return new Registry(units, asOf);
  }

  /** The province of that name ('Bắc Giang', 'tỉnh Bắc Giang', 'Thừa Thiên Huế'), or null. */
  findProvince(name: string): ProvinceRef | null {
    return this.byProvinceKey.get(nameKey(bare(name, PROVINCE_WORDS))) ?? null;
  }

  /** Every district of that name, within the province when given. */
  findDistricts(name: string, scope: Omit<Scope, 'district'> = {}): DistrictRef[] {
    const key = nameKey(bare(name, DISTRICT_WORDS));
    let hits = this.byDistrictKey.get(key) ?? [];
    if (scope.province) hits = hits.filter((d) => this.inProvince(d, scope.province!));
    if (scope.kind) hits = hits.filter((d) => d.districtKind === scope.kind);
    return hits;
  }

  /** The one district of that name (within the province when given); null when none or ambiguous. */
  findDistrict(name: string, scope: Omit<Scope, 'district'> = {}): DistrictRef | null {
    const hits = this.findDistricts(name, scope);
    return hits.length === 1 ? hits[0]! : null;
  }

  /** Every commune of that name within the given district / province / kind. */
  findCommunes(name: string, scope: Scope = {}): UnitRow[] {
    const key = nameKey(bare(name, COMMUNE_WORDS));
    let hits = this.byCommuneKey.get(key) ?? [];
    if (scope.district) hits = hits.filter((u) => u.districtCode === scope.district || nameKey(u.district) === nameKey(bare(scope.district!, DISTRICT_WORDS)));
    if (scope.province) hits = hits.filter((u) => this.inProvince(u, scope.province!));
    if (scope.kind) hits = hits.filter((u) => u.communeKind === scope.kind);
    return hits;
  }

  /** The one commune of that name in the scope (match it within its district); null when none or ambiguous. */
  findCommune(name: string, scope: Scope = {}): UnitRow | null {
    const hits = this.findCommunes(name, scope);
    return hits.length === 1 ? hits[0]! : null;
  }

  /** The communes of a district (by code or by name within the province). */
  communesIn(district: string, province?: string | null): UnitRow[] {
    if (this.communesOfDistrict.has(district)) return this.communesOfDistrict.get(district)!;
    const d = this.findDistricts(district, { province: province ?? null });
    return d.flatMap((x) => this.communesOfDistrict.get(x.districtCode) ?? []);
  }

  /**
   * The registered name nearest to `name` (nameDistance) among the communes, districts or provinces
   * of the scope: communes within `within.district` / `within.province`, districts within `within.province`.
   */
  nearest(name: string, within: Scope & { level: 'commune' }): NearestMatch<UnitRow> | null;
  nearest(name: string, within: Scope & { level: 'district' }): NearestMatch<DistrictRef> | null;
  nearest(name: string, within: Scope & { level: 'province' }): NearestMatch<ProvinceRef> | null;
  nearest(name: string, within: Scope & { level: 'commune' | 'district' | 'province' }): NearestMatch<UnitRow | DistrictRef | ProvinceRef> | null {
    let pool: { name: string; unit: UnitRow | DistrictRef | ProvinceRef }[];
    let target: string;
    if (within.level === 'province') {
      target = bare(name, PROVINCE_WORDS);
      pool = this.provinces.map((p) => ({ name: p.province, unit: p }));
    } else if (within.level === 'district') {
      target = bare(name, DISTRICT_WORDS);
      pool = this.districts.filter((d) => !within.province || this.inProvince(d, within.province)).map((d) => ({ name: d.district, unit: d }));
    } else {
      target = bare(name, COMMUNE_WORDS);
      let units: readonly UnitRow[] = within.district ? this.communesIn(within.district, within.province) : this.units;
      if (within.province) units = units.filter((u) => this.inProvince(u, within.province!));
      if (within.kind) {
        const sameKind = units.filter((u) => u.communeKind === within.kind);
        if (sameKind.length) units = sameKind;
      }
      pool = units.map((u) => ({ name: u.commune, unit: u }));
    }
    let best: { name: string; unit: UnitRow | DistrictRef | ProvinceRef; distance: number } | null = null;
    for (const c of pool) {
      const distance = nameDistance(target, c.name);
      if (!best || distance < best.distance) best = { ...c, distance };
    }
    return best ? { ...best, near: isNearName(target, best.name) } : null;
  }

  private inProvince(u: { provinceCode: string; province: string }, province: string): boolean {
    return u.provinceCode === province || nameKey(u.province) === nameKey(bare(province, PROVINCE_WORDS));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let cached: Registry | null = null;

/** The registry from src/registry/units-2024.csv, read synchronously at first use and kept. */
export function loadRegistry(file: string = DEFAULT_REGISTRY_FILE): Registry {
  if (file !== DEFAULT_REGISTRY_FILE) return Registry.fromCsv(readFileSync(file, 'utf8'));
  cached ??= Registry.fromCsv(readFileSync(file, 'utf8'));
  return cached;
}

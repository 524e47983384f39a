// Which district(s) an installation serves, and their communes from the registry.
//   BAOCAO_DISTRICT set (name or GSO code, BAOCAO_PROVINCE when the name is not unique):
//     that district; reports of other districts are "outside" (UNIT_OUTSIDE_DISTRICT).
//   unset: the districts that the period's reports name (within BAOCAO_PROVINCE when set).
import { nameKey } from '../document/names.ts';
import type { DistrictRef, Registry } from '../registry/index.ts';

export interface ScopeSetting {
  district?: string | undefined;
  province?: string | undefined;
}

export interface CommuneRef {
  code: string;
  commune: string;
  communeKind: string;
}

export interface ServedDistrict {
  /** GSO code; null for a district the registry does not know (then only reporting communes are listed). */
  districtCode: string | null;
  /** huyện | quận | thị xã | thành phố (registry); null when unknown. */
  districtKind: string | null;
  district: string;
  province: string | null;
  communes: CommuneRef[];
}

export interface UnitNames {
  commune: string | null;
  communeKind: string | null;
  district: string | null;
  province: string | null;
}

/** The configured district in the registry; throws a message for staff when it is unknown or ambiguous. */
export function configuredDistrict(registry: Registry, setting: ScopeSetting): DistrictRef | null {
  if (!setting.district) return null;
  const byCode = registry.units.find((u) => u.districtCode === setting.district);
  if (byCode) return byCode;
  if (setting.province && !registry.findProvince(setting.province)) {
    throw new Error(`BAOCAO_PROVINCE '${setting.province}' không có trong danh mục đơn vị hành chính`);
  }
  const hits = registry.findDistricts(setting.district, { province: setting.province ?? null });
  if (hits.length === 0) {
    throw new Error(`BAOCAO_DISTRICT '${setting.district}' không có trong danh mục đơn vị hành chính${setting.province ? ` của ${setting.province}` : ''}`);
  }
  if (hits.length > 1) {
    throw new Error(
      `BAOCAO_DISTRICT '${setting.district}' có ở ${hits.length} tỉnh (${hits.map((h) => h.province).join(', ')}): đặt thêm BAOCAO_PROVINCE`,
    );
  }
  return hits[0]!;
}

function served(registry: Registry, d: DistrictRef): ServedDistrict {
  return {
    districtCode: d.districtCode,
    districtKind: d.districtKind,
    district: d.district,
    province: d.province,
    communes: registry.communesIn(d.districtCode).map((u) => ({ code: u.communeCode, commune: u.commune, communeKind: u.communeKind })),
  };
}

/** The districts to consolidate for a period, given the units its reports name. */
export function servedDistricts(registry: Registry, setting: ScopeSetting, reported: readonly UnitNames[]): ServedDistrict[] {
  const configured = configuredDistrict(registry, setting);
  if (configured) return [served(registry, configured)];
  const out: ServedDistrict[] = [];
  const seen = new Set<string>();
  const wanted = setting.province ? (registry.findProvince(setting.province)?.province ?? setting.province) : null;
  for (const u of reported) {
    if (!u.district) continue;
    if (wanted && (!u.province || nameKey(u.province) !== nameKey(wanted))) continue;
    const ref = registry.findDistrict(u.district, { province: u.province ?? setting.province ?? null });
    const key = ref ? ref.districtCode : `?${nameKey(u.district)}|${nameKey(u.province ?? '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref ? served(registry, ref) : { districtCode: null, districtKind: null, district: u.district, province: u.province, communes: [] });
  }
  const collator = new Intl.Collator('vi');
  return out.sort((a, b) => collator.compare(a.district, b.district));
}

/** Whether a report's unit belongs to a served district. */
export function inDistrict(d: ServedDistrict, u: UnitNames): boolean {
  if (!u.district || nameKey(u.district) !== nameKey(d.district)) return false;
  return !u.province || !d.province || nameKey(u.province) === nameKey(d.province);
}

/** The registry commune of the district that a report names, or null. */
export function communeOf(d: ServedDistrict, u: UnitNames): CommuneRef | null {
  if (!u.commune) return null;
  const key = nameKey(u.commune);
  const named = d.communes.filter((c) => nameKey(c.commune) === key);
  if (named.length <= 1) return named[0] ?? null;
  return named.find((c) => c.communeKind === u.communeKind) ?? null;
}

/** The served district a report belongs to, or null (a report from outside). */
export function districtOf(districts: readonly ServedDistrict[], u: UnitNames): ServedDistrict | null {
  return districts.find((d) => inDistrict(d, u)) ?? null;
}

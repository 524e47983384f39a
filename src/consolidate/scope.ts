// What a period's table is for — the scope — and its units from the registry in force at the
// period's end (registry.forPeriod(period)):
//   a district ('huyện Hiệp Hòa, tỉnh Bắc Giang') or a province ('tỉnh Bắc Ninh'), as written in
//   Vietnamese (--scope, BAOCAO_SCOPE; BAOCAO_DISTRICT + BAOCAO_PROVINCE as before): every unit of it
//   in force then. A unit that no longer existed then (huyện Hiệp Hòa in 2025-H2, dissolved on
//   1 Jul 2025) answers with the units that carry it on, labelled as successors.
//   unset: the districts (before 1 Jul 2025) or provinces (from then on) that the period's reports name;
//   BAOCAO_PROVINCE alone limits these to that province (from 1 Jul 2025: that province).
// Reports are placed by their unit in that registry: the same unit under a former name (a code kept
// across the three-level lists) counts as its report; a unit merged into another is listed beside it.
import { nameKey } from '../document/names.ts';
import type { DistrictRef, ProvinceRef, Registry, UnitRow } from '../registry/index.ts';
import { communeLabel, districtLabel, provinceLabel, successionText } from '../registry/labels.ts';
import { districtSuccession, placeUnit } from '../registry/placement.ts';
import { dateVn } from '../registry/view.ts';

export interface ScopeSetting {
  /** 'huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh', a district (3 digits) or province (2 digits) code. */
  scope?: string | undefined;
  /** BAOCAO_DISTRICT: a district's name or code. */
  district?: string | undefined;
  /** BAOCAO_PROVINCE: with the district, its province; alone, a limit (see the file's comment). */
  province?: string | undefined;
}

export interface CommuneRef {
  /** Code in the list in force at the period's end. */
  code: string;
  commune: string;
  communeKind: string;
  district: string | null;
  /** In a group of successors: the units of the asked scope that it carries on ('xã Đông Lỗ', …). */
  carriesOn?: string[];
}

export interface ServedDistrict {
  level: 'district' | 'province';
  /** 'huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh', 'Các đơn vị kế thừa huyện Hiệp Hòa, …'. */
  label: string;
  /** Code in the period's list; null for a unit the registry does not know, or a group of successors. */
  districtCode: string | null;
  /** huyện | quận | thị xã | thành phố; 'tỉnh' / 'thành phố' for a province; null when unknown. */
  districtKind: string | null;
  /** The district's name, or the province's for a province (the name a report's unit is compared with). */
  district: string;
  province: string | null;
  communes: CommuneRef[];
  /** The scope asked for no longer existed at the period's end: these units carry it on. */
  successorOf: string | null;
  /** The registry at the period's end, which reports are placed in (null: by names only). */
  registry: Registry | null;
}

export interface UnitNames {
  commune: string | null;
  communeKind: string | null;
  district: string | null;
  province: string | null;
}

/** Where a report's unit stands at the period's end. */
export interface ReportPlace {
  /** The unit in force that the report is the report of (the same unit, possibly renamed or moved). */
  unit: UnitRow | null;
  /** A former unit merged into (or split over) these: listed beside them, not as their report. */
  carriedBy: UnitRow[];
  /** The former unit the report names (a row of an earlier list), when it is one. */
  former: UnitRow | null;
  /** For staff: why the report is not simply a unit's row (Vietnamese), or null. */
  note: string | null;
}

/** A scope as written: district and/or province, or a name that may be either. */
export interface ScopeName {
  district?: string;
  province?: string;
  /** No unit word: a district, else a province. */
  either?: string;
  /** Which setting it came from, for messages. */
  source: string;
}

const DISTRICT_WORD = /^(?:huyện|quận|thị xã)\s+/iu;
const PROVINCE_WORD = /^tỉnh\s+/iu;
const CITY_WORD = /^(?:thành phố|tp\.?)\s*/iu;

/** 'huyện Hiệp Hòa, tỉnh Bắc Giang' → {district, province}; 'tỉnh Bắc Ninh' → {province}; 'thành phố
 *  Huế' → {either}; '223' → {district}; '24' → {province}. */
export function parseScopeName(text: string, source = 'phạm vi'): ScopeName {
  const parts = text.normalize('NFC').split(/[,;]/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const out: ScopeName = { source };
  for (const [i, part] of parts.entries()) {
    if (/^\d{3}$/.test(part) || DISTRICT_WORD.test(part)) out.district = part;
    else if (/^\d{2}$/.test(part) || PROVINCE_WORD.test(part)) out.province = part;
    else if (CITY_WORD.test(part)) {
      // 'thành phố X, tỉnh Y': a district-level city; 'huyện X, thành phố Y': a province-level one.
      if (parts.length > 1 && i === 0) out.district = part;
      else if (parts.length > 1) out.province = part;
      else out.either = part;
    } else if (parts.length > 1 && i > 0) out.province = part;
    else out.either = part;
  }
  return out;
}

/** The scope a setting names, or null when it names none (then: the units the reports name). */
export function scopeNameOf(setting: ScopeSetting): ScopeName | null {
  if (setting.scope) return parseScopeName(setting.scope, `phạm vi '${setting.scope}'`);
  if (setting.district) {
    return { district: setting.district, ...(setting.province ? { province: setting.province } : {}), source: 'BAOCAO_DISTRICT' };
  }
  return null;
}

/** Thrown for a scope the registry does not know (the message is for staff). */
export class ScopeError extends Error {}

function districtByCode(registry: Registry, code: string): DistrictRef | null {
  for (const date of [registry.date, ...registry.listDates().filter((d) => d <= registry.date).reverse()]) {
    const v = registry.at(date);
    for (const l of v.lists) {
      const d = l.district(code);
      if (d) return d;
    }
  }
  return null;
}

/** The district or province a scope names, in the registry given (units of earlier lists included). */
export function findScope(registry: Registry, name: ScopeName): { district: DistrictRef } | { province: ProvinceRef } {
  const province = name.province ? registry.findProvince(name.province) : null;
  if (name.province && !province) {
    const what = name.source === 'BAOCAO_DISTRICT' ? 'BAOCAO_PROVINCE' : name.source;
    throw new ScopeError(`${what}: '${name.province}' không có trong danh mục đơn vị hành chính`);
  }
  const districtName = name.district ?? name.either;
  if (districtName) {
    const hits = /^\d{3}$/.test(districtName)
      ? [districtByCode(registry, districtName)].filter((d): d is DistrictRef => d !== null)
      : registry.findDistricts(districtName, { province: province?.province ?? null });
    if (hits.length === 1) return { district: hits[0]! };
    if (hits.length > 1) {
      const hint = name.source === 'BAOCAO_DISTRICT' ? 'đặt thêm BAOCAO_PROVINCE' : `ghi thêm tỉnh, ví dụ '${districtName}, tỉnh …'`;
      throw new ScopeError(`${name.source === 'BAOCAO_DISTRICT' ? `BAOCAO_DISTRICT '${districtName}'` : name.source} có ở ${hits.length} tỉnh (${hits.map((h) => h.province).join(', ')}): ${hint}`);
    }
    if (!name.either) {
      const where = province ? ` của ${provinceLabel(province)}` : '';
      throw new ScopeError(`${name.source === 'BAOCAO_DISTRICT' ? `BAOCAO_DISTRICT '${districtName}'` : name.source} không có trong danh mục đơn vị hành chính${where}`);
    }
  }
  const p = province ?? (name.either ? registry.findProvince(name.either) : null);
  if (!p) throw new ScopeError(`${name.source} không có trong danh mục đơn vị hành chính`);
  return { province: p };
}

/** The configured district in the registry (BAOCAO_DISTRICT, or a --scope / BAOCAO_SCOPE naming a
 *  district); null when the setting names none. Throws a message for staff when unknown or ambiguous. */
export function configuredDistrict(registry: Registry, setting: ScopeSetting): DistrictRef | null {
  const name = scopeNameOf(setting);
  if (!name) return null;
  const found = findScope(registry, name);
  return 'district' in found ? found.district : null;
}

/** Checks a setting against every list (a scope of any date is valid); throws a message for staff. */
export function validateScope(registry: Registry, setting: ScopeSetting): void {
  const name = scopeNameOf(setting);
  const last = registry.listDates().at(-1) ?? registry.date;
  if (name) findScope(registry.at(last), name);
  else if (setting.province && !registry.at(last).findProvince(setting.province)) {
    throw new ScopeError(`BAOCAO_PROVINCE '${setting.province}' không có trong danh mục đơn vị hành chính`);
  }
}

/** The label of a setting for display ('huyện Hiệp Hòa, tỉnh Bắc Giang'); null when none. */
export function scopeLabel(registry: Registry, setting: ScopeSetting): string | null {
  const name = scopeNameOf(setting);
  const last = registry.listDates().at(-1) ?? registry.date;
  if (!name) {
    const p = setting.province ? registry.at(last).findProvince(setting.province) : null;
    return p ? provinceLabel(p) : null;
  }
  const found = findScope(registry.at(last), name);
  return 'district' in found ? districtLabel(found.district) : provinceLabel(found.province);
}

function refOf(u: UnitRow): CommuneRef {
  return { code: u.communeCode, commune: u.commune, communeKind: u.communeKind, district: u.district };
}

function districtGroup(registry: Registry, d: DistrictRef): ServedDistrict {
  return {
    level: 'district', label: districtLabel(d), districtCode: d.districtCode, districtKind: d.districtKind, district: d.district,
    province: d.province, communes: registry.communesIn(d.districtCode).map(refOf), successorOf: null, registry,
  };
}

function provinceGroup(registry: Registry, p: ProvinceRef): ServedDistrict {
  return {
    level: 'province', label: provinceLabel(p), districtCode: null, districtKind: p.provinceKind, district: p.province,
    province: p.province, communes: registry.communesOfProvince(p.provinceCode).map(refOf), successorOf: null, registry,
  };
}

/** The units in force that carry on the given former communes, each with the ones it carries on. */
function successorsOf(registry: Registry, former: readonly UnitRow[]): CommuneRef[] {
  const out = new Map<string, CommuneRef>();
  for (const c of former) {
    for (const s of registry.successors(c).units) {
      const ref = out.get(s.communeCode) ?? { ...refOf(s), carriesOn: [] };
      ref.carriesOn!.push(`${c.communeKind} ${c.commune}`);
      out.set(s.communeCode, ref);
    }
  }
  return [...out.values()];
}

/** A dissolved district or province, asked for a period after it ended: the units that carry it on. */
function successorGroup(registry: Registry, scope: { district: DistrictRef } | { province: ProvinceRef }): ServedDistrict {
  const ref = 'district' in scope ? scope.district : scope.province;
  const then = registry.at(registry.listFrom(ref.list));
  const former = 'district' in scope ? then.communesIn(scope.district.districtCode) : then.communesOfProvince(scope.province.provinceCode);
  const since = 'district' in scope ? districtSuccession(registry, scope.district).since : null;
  const asked = 'district' in scope ? districtLabel(scope.district) : provinceLabel(scope.province);
  const untraced = former.filter((c) => !registry.successors(c).traced).length;
  return {
    level: 'district' in scope ? 'district' : 'province',
    label: `Các đơn vị kế thừa ${asked}${since ? ` (không còn từ ${dateVn(since)})` : ''}` +
      (untraced ? ` — ${untraced} đơn vị cũ không theo được (sáp nhập không có bảng chuyển đổi)` : ''),
    districtCode: null,
    districtKind: 'district' in scope ? scope.district.districtKind : scope.province.provinceKind,
    district: 'district' in scope ? scope.district.district : scope.province.province,
    province: ref.province,
    communes: successorsOf(registry, former),
    successorOf: asked,
    registry,
  };
}

/** The group of a scope in the registry at the period's end. */
export function scopeGroup(registry: Registry, name: ScopeName): ServedDistrict {
  const found = findScope(registry, name);
  if ('district' in found) return registry.inForce(found.district) ? districtGroup(registry, found.district) : successorGroup(registry, found);
  return registry.inForce(found.province) ? provinceGroup(registry, found.province) : successorGroup(registry, found);
}

const places = new WeakMap<Registry, Map<string, ReportPlace>>();

/** Where a report's unit stands in the registry (memoised per registry). */
export function placeReport(registry: Registry, u: UnitNames): ReportPlace {
  let memo = places.get(registry);
  if (!memo) places.set(registry, (memo = new Map()));
  const key = `${u.commune ?? ''}|${u.communeKind ?? ''}|${u.district ?? ''}|${u.province ?? ''}`;
  let place = memo.get(key);
  if (!place) {
    place = computePlace(registry, u);
    memo.set(key, place);
  }
  return place;
}

function computePlace(registry: Registry, u: UnitNames): ReportPlace {
  if (!u.commune) return { unit: null, carriedBy: [], former: null, note: null };
  const p = placeUnit(registry, u);
  if ((p.commune.status === 'in-force' || p.commune.status === 'former') && p.commune.ambiguous) {
    return { unit: null, carriedBy: [], former: null, note: `tên ${u.communeKind ?? 'xã'} ${u.commune} có ở nhiều nơi: báo cáo không nêu huyện, tỉnh` };
  }
  if (p.commune.status === 'in-force') return { unit: p.commune.unit, carriedBy: [], former: null, note: null };
  if (p.commune.status === 'former') {
    const s = p.commune.succession;
    const former = p.commune.unit;
    const text = `${communeLabel(former, false)}: ${successionText(s)}`;
    if (s.traced && s.via === 'code' && s.units.length === 1) return { unit: s.units[0]!, carriedBy: [], former, note: text };
    return { unit: null, carriedBy: s.units, former, note: text };
  }
  return { unit: null, carriedBy: [], former: null, note: `không có trong ${registry.label}` };
}

/** The groups of the units the period's reports name (no scope set). */
function groupsOfReports(registry: Registry, setting: ScopeSetting, reported: readonly UnitNames[]): ServedDistrict[] {
  const out = new Map<string, ServedDistrict>();
  const wanted = setting.province ? registry.findProvince(setting.province) : null;
  const wantedNames = wanted ? new Set([nameKey(wanted.province)]) : null;
  for (const u of reported) {
    const place = placeReport(registry, u);
    const unit = place.unit ?? (place.carriedBy.length === 1 ? place.carriedBy[0]! : null);
    if (unit) {
      if (wantedNames && !wantedNames.has(nameKey(unit.province)) && !(u.province && wantedNames.has(nameKey(u.province)))) continue;
      if (unit.districtCode) {
        const d = registry.list.district(unit.districtCode) ?? registry.lists.map((l) => l.district(unit.districtCode!)).find(Boolean);
        if (d && !out.has(`d${d.districtCode}`)) out.set(`d${d.districtCode}`, districtGroup(registry, d));
      } else {
        const p = registry.findProvince(unit.province);
        if (p && !out.has(`p${p.provinceCode}`)) out.set(`p${p.provinceCode}`, provinceGroup(registry, p));
      }
      continue;
    }
    // A unit the registry does not place: its district (or province) as the report names it.
    if (wantedNames && (!u.province || !wantedNames.has(nameKey(u.province)))) continue;
    const level = registry.levels === 3 && u.district ? 'district' : 'province';
    const name = level === 'district' ? u.district : u.province;
    if (!name) continue;
    if (level === 'district') {
      const ref = registry.findDistrict(name, { province: u.province });
      if (ref && registry.inForce(ref)) {
        if (!out.has(`d${ref.districtCode}`)) out.set(`d${ref.districtCode}`, districtGroup(registry, ref));
        continue;
      }
    } else {
      const ref = registry.findProvince(name);
      if (ref && registry.inForce(ref)) {
        if (!out.has(`p${ref.provinceCode}`)) out.set(`p${ref.provinceCode}`, provinceGroup(registry, ref));
        continue;
      }
    }
    const key = `?${level}|${nameKey(name)}|${nameKey(u.province ?? '')}`;
    if (!out.has(key)) {
      out.set(key, {
        level, label: level === 'district' ? `${name}${u.province ? `, ${u.province}` : ''}` : name, districtCode: null, districtKind: null,
        district: name, province: u.province, communes: [], successorOf: null, registry,
      });
    }
  }
  const collator = new Intl.Collator('vi');
  return [...out.values()].sort((a, b) => collator.compare(a.district, b.district));
}

/**
 * The groups to consolidate for a period, given the registry at the period's end
 * (registry.forPeriod(period)) and the units its reports name.
 */
export function servedDistricts(registry: Registry, setting: ScopeSetting, reported: readonly UnitNames[]): ServedDistrict[] {
  const name = scopeNameOf(setting);
  if (name) return [scopeGroup(registry, name)];
  if (setting.province && registry.levels === 2) return [scopeGroup(registry, { province: setting.province, source: 'BAOCAO_PROVINCE' })];
  return groupsOfReports(registry, setting, reported);
}

/** Whether a report's unit belongs to a group: by its place in the registry, else by the names. */
export function inDistrict(d: ServedDistrict, u: UnitNames): boolean {
  const place = d.registry && u.commune ? placeReport(d.registry, u) : null;
  if (place?.unit) return d.communes.some((c) => c.code === place.unit!.communeCode);
  if (place?.carriedBy.length) return place.carriedBy.some((x) => d.communes.some((c) => c.code === x.communeCode));
  if (d.level === 'province' && !d.successorOf) return !!u.province && nameKey(u.province) === nameKey(d.province ?? '');
  if (!u.district || nameKey(u.district) !== nameKey(d.district)) return false;
  return !u.province || !d.province || nameKey(u.province) === nameKey(d.province);
}

/** The unit of the group that a report is the report of, or null (a former unit merged into one of
 *  the group's, or a name the registry does not know: listed beside the units). */
export function communeOf(d: ServedDistrict, u: UnitNames): CommuneRef | null {
  if (!u.commune) return null;
  const place = d.registry ? placeReport(d.registry, u) : null;
  if (place?.unit) return d.communes.find((c) => c.code === place.unit!.communeCode) ?? null;
  if (place?.carriedBy.length) return null;
  const key = nameKey(u.commune);
  const named = d.communes.filter((c) => nameKey(c.commune) === key);
  if (named.length <= 1) return named[0] ?? null;
  return named.find((c) => c.communeKind === u.communeKind) ?? null;
}

/** Why a report's row is not simply its unit's (Vietnamese), or null. */
export function reportNote(d: ServedDistrict, u: UnitNames): string | null {
  return d.registry && u.commune ? placeReport(d.registry, u).note : null;
}

/** The served group a report belongs to, or null (a report from outside). */
export function districtOf(districts: readonly ServedDistrict[], u: UnitNames): ServedDistrict | null {
  return districts.find((d) => inDistrict(d, u)) ?? null;
}

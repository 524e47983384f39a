// Where the unit a report names stands in the registry of its date, level by level:
//   in force  the list(s) in force on that date have it;
//   former    only an earlier list has it (merged away, renamed, its district dissolved …): with the
//             units that carry it on, where they can be followed;
//   unknown   no list up to that date has it (a misspelling, or a unit of a later list).
// Province, district and commune are looked up as the UNKNOWN_UNIT check always did: the district
// within a known province, the commune within a known district (else the province).
import { nameKey } from '../document/names.ts';
import type { DistrictRef, ProvinceRef, UnitRow } from './list.ts';
import { dateVn, type Registry, type Succession } from './view.ts';

export interface NamedUnit {
  commune: string | null;
  communeKind: string | null;
  district: string | null;
  province: string | null;
}

export type LevelPlacement<T> =
  | { status: 'absent' }
  | { status: 'in-force'; unit: T; ambiguous?: boolean }
  | { status: 'former'; unit: T; succession: Succession; provinces?: ProvinceRef[]; ambiguous?: boolean; candidates?: T[] }
  | { status: 'unknown'; laterList: string | null };

export interface Placement {
  province: LevelPlacement<ProvinceRef>;
  district: LevelPlacement<DistrictRef>;
  commune: LevelPlacement<UnitRow>;
  /** The names the district and commune were searched within (for messages). */
  inProvince: string | null;
  inDistrict: string | null;
}

/** The date of the first later list that has the name, as 'DD/MM/YYYY'; null when none. */
function laterListOf(view: Registry, has: (v: Registry) => boolean): string | null {
  for (const from of view.laterListDates()) {
    const later = view.at(from);
    if (has(later)) return dateVn(from);
  }
  return null;
}

export function placeUnit(view: Registry, u: NamedUnit): Placement {
  const out: Placement = { province: { status: 'absent' }, district: { status: 'absent' }, commune: { status: 'absent' }, inProvince: null, inDistrict: null };
  // The province, and the province(s) to look for the district and commune in.
  let provinceScopes: (string | null)[] = [null];
  if (u.province) {
    const p = view.findProvince(u.province);
    if (!p) {
      out.province = { status: 'unknown', laterList: laterListOf(view, (v) => {
        const later = v.findProvince(u.province!);
        return later !== null && v.inForce(later);
      }) };
    }
    else if (view.inForce(p)) out.province = { status: 'in-force', unit: p };
    else {
      const provinces = successorProvinces(view, p);
      const since = provinceEnd(view, p);
      out.province = { status: 'former', unit: p, succession: { units: [], split: provinces.length > 1, since, traced: provinces.length > 0, via: 'crosswalk' }, provinces };
    }
    if (p) {
      out.inProvince = p.province;
      // A former province: its units may be named in it (old names) or in its successor (new names).
      provinceScopes = out.province.status === 'former' ? [u.province, ...(out.province.provinces ?? []).map((x) => x.province)] : [u.province];
    }
  }
  let districtRef: DistrictRef | null = null;
  if (u.district) {
    // From 1 July 2025 a district named with its (new) province is looked for in the old provinces
    // that went into it ('huyện Hiệp Hòa, tỉnh Bắc Ninh': Hiệp Hòa was in Bắc Giang).
    const scopes = view.levels === 2 && out.province.status === 'in-force'
      ? [...provinceScopes, ...predecessorProvinces(view, out.province.unit)]
      : provinceScopes;
    const hits = scopes.map((p) => view.findDistricts(u.district!, { province: p })).find((h) => h.length) ?? [];
    const inForce = hits.find((d) => view.inForce(d));
    districtRef = inForce ?? hits[0] ?? null;
    if (inForce) out.district = { status: 'in-force', unit: inForce };
    else if (hits.length) out.district = { status: 'former', unit: hits[0]!, succession: districtSuccession(view, hits[0]!) };
    else out.district = { status: 'unknown', laterList: laterListOf(view, (v) => v.findDistricts(u.district!).some((d) => v.inForce(d))) };
    if (districtRef) out.inDistrict = districtRef.district;
  }
  if (u.commune) {
    const scopes = districtRef
      ? [{ district: districtRef.district, province: districtRef.province }]
      : provinceScopes.map((p) => ({ province: p }));
    // The first scope with a unit in force, else the first with a former one.
    let hits: UnitRow[] = [];
    for (const s of scopes) {
      const h = view.findCommunes(u.commune, s);
      if (h.some((x) => view.inForce(x))) { hits = h; break; }
      if (!hits.length) hits = h;
    }
    if (!hits.length && districtRef && out.district.status === 'former') {
      // The district is dissolved: the commune may be named in it but sit elsewhere now.
      for (const p of [...provinceScopes, districtRef.province]) {
        hits = view.findCommunes(u.commune, { province: p });
        if (hits.length) break;
      }
    }
    // In force under another kind ('thị trấn Tân An' named, 'phường Tân An' in force): the unit of
    // that kind in an earlier list, if there is one, is the one named.
    if (u.communeKind && hits.length && !hits.some((h) => h.communeKind === u.communeKind)) {
      const scope = districtRef ? { district: districtRef.district, province: districtRef.province } : { province: provinceScopes[0] ?? null };
      const earlier = view.findCommunesEarlier(u.commune, { ...scope, kind: u.communeKind });
      if (earlier.length) hits = earlier;
    }
    const sameKind = hits.filter((h) => !u.communeKind || h.communeKind === u.communeKind);
    const pool = sameKind.length ? sameKind : hits;
    // Several units of that name (no district or province to tell them apart): it exists, but which
    // one is not known.
    const inForceHits = pool.filter((h) => view.inForce(h));
    if (inForceHits.length) out.commune = { status: 'in-force', unit: inForceHits[0]!, ambiguous: inForceHits.length > 1 };
    else if (pool.length) out.commune = { status: 'former', unit: pool[0]!, succession: view.successors(pool[0]!), ambiguous: pool.length > 1, candidates: pool };
    else {
      out.commune = {
        status: 'unknown',
        laterList: laterListOf(view, (v) => v.findCommunes(u.commune!, districtRef ? { district: u.district } : {}).some((c) => v.inForce(c) && (!u.province || provinceMatches(c, u.province)))),
      };
    }
  }
  return out;
}

function provinceMatches(c: UnitRow, province: string): boolean {
  return nameKey(c.province) === nameKey(province.replace(/^(tỉnh|thành phố)\s+/iu, ''));
}

/** The old provinces whose communes went into a province of a list with a crosswalk (tỉnh Bắc Ninh
 *  of 1 July 2025: Bắc Giang and Bắc Ninh). */
export function predecessorProvinces(view: Registry, p: ProvinceRef): string[] {
  const out = new Set<string>();
  for (const c of view.communesOfProvince(p.provinceCode)) for (const x of view.predecessors(c)) out.add(x.unit.province);
  return [...out];
}

/** The provinces in force that the communes of a former province went to. */
export function successorProvinces(view: Registry, p: ProvinceRef): ProvinceRef[] {
  const old = view.at(listDate(view, p.list));
  const out = new Map<string, ProvinceRef>();
  for (const c of old.communesOfProvince(p.provinceCode)) {
    for (const s of view.successors(c).units) {
      const ref = view.findProvince(s.province);
      if (ref && view.inForce(ref)) out.set(ref.provinceCode, ref);
    }
  }
  return [...out.values()];
}

/** The first day a former province no longer existed under its name (up to the view's date). */
function provinceEnd(view: Registry, p: ProvinceRef): string | null {
  const from = view.listFrom(p.list);
  for (const d of view.listDates()) {
    if (d <= from || d > view.date) continue;
    const v = view.at(d);
    const q = v.findProvince(p.province);
    if (!q || !v.inForce(q)) return d;
  }
  return null;
}

/** A former district followed to the view's date: the units its communes went to. */
export function districtSuccession(view: Registry, d: DistrictRef): Succession {
  const old = view.at(listDate(view, d.list));
  const out = new Map<string, UnitRow>();
  let split = false;
  let traced = true;
  let since: string | null = null;
  for (const c of old.communesIn(d.districtCode)) {
    const s = view.successors(c);
    if (!s.traced) traced = false;
    if (s.split) split = true;
    if (s.since && (!since || s.since < since)) since = s.since;
    for (const x of s.units) out.set(x.communeCode, x);
  }
  return { units: [...out.values()], split, since, traced, via: 'crosswalk' };
}

/** The first day of a list, by its id. */
function listDate(view: Registry, id: string): string {
  return view.listFrom(id);
}

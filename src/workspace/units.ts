// Units on the page: the scopes offered for a period, the registered units a misspelt name may be
// mapped to (nearest name first), and the alias a mapping records. Pure over the registry.
import type { Extraction } from '../contract.ts';
import { nameDistance, nameKey } from '../document/names.ts';
import type { Registry } from '../registry/index.ts';
import { servedDistricts, type ScopeSetting, type ServedDistrict } from '../consolidate/scope.ts';
import type { AliasLevel, NewAlias } from './aliases.ts';

/** The scopes the page offers for a period: the configured one, the province its units are in at the
 *  period's end (tỉnh Bắc Giang for 2024-H1, tỉnh Bắc Ninh for 2025-H2) and that province's districts
 *  in force then (none from 1 Jul 2025). */
export function scopesFor(registryAll: Registry, setting: ScopeSetting, configured: string | null, period: string): { configured: string | null; options: string[] } {
  const registry = registryAll.forPeriod(period);
  let groups: ServedDistrict[] = [];
  try {
    groups = configured ? servedDistricts(registry, setting, []) : [];
  } catch {
    groups = [];
  }
  const provinces = new Map<string, string>();
  for (const g of groups) {
    for (const c of g.communes.slice(0, 1)) {
      const u = registry.lists.map((l) => l.commune(c.code)).find((x) => x && registry.inForce(x));
      if (u) provinces.set(u.provinceCode, `${u.provinceKind} ${u.province}`);
    }
  }
  const options = new Set<string>(configured ? [configured] : []);
  for (const [code, label] of provinces) {
    options.add(label);
    const districts = new Map<string, string>();
    for (const u of registry.list.units) {
      if (u.provinceCode !== code || !u.districtCode || !u.district) continue;
      districts.set(u.districtCode, `${u.districtKind} ${u.district}, ${u.provinceKind} ${u.province}`);
    }
    for (const d of [...districts.values()].sort((a, b) => a.localeCompare(b, 'vi'))) options.add(d);
  }
  return { configured, options: [...options] };
}

export interface AliasCandidates {
  written: string | null;
  candidates: { code: string; label: string; distance: number }[];
}

/** The units a report's commune (the scope's units in force for the period) or district (the
 *  province's districts) may be mapped to, nearest name first. */
export function aliasCandidates(registryAll: Registry, setting: ScopeSetting, u: Extraction['unit'], period: string, level: AliasLevel): AliasCandidates {
  const registry = registryAll.forPeriod(period);
  const written = level === 'commune' ? u.commune : u.district;
  let candidates: { code: string; label: string; name: string }[];
  if (level === 'commune') {
    const districts = servedDistricts(registry, setting, [u]);
    candidates = districts.flatMap((d) => d.communes.map((c) => ({
      code: c.code, name: c.commune, label: `${c.communeKind} ${c.commune}${c.district ? `, ${c.district}` : ''}${d.province ? `, ${d.province}` : ''}`,
    })));
  } else {
    const province = u.province ? registry.findProvince(u.province) : null;
    const pool = province ? registry.list.units.filter((x) => x.provinceCode === province.provinceCode) : registry.list.units;
    const seen = new Map<string, { code: string; label: string; name: string }>();
    for (const x of pool) {
      if (!x.districtCode || !x.district || seen.has(x.districtCode)) continue;
      seen.set(x.districtCode, { code: x.districtCode, name: x.district, label: `${x.districtKind ?? 'huyện'} ${x.district}, ${x.province}` });
    }
    candidates = [...seen.values()];
  }
  const ranked = candidates
    .map((c) => ({ code: c.code, label: c.label, distance: written ? nameDistance(written, c.name) : 99 }))
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label, 'vi'));
  return { written, candidates: ranked };
}

export type AliasTarget =
  | { ok: true; alias: Omit<NewAlias, 'reason' | 'report_id' | 'token_id' | 'who'> }
  | { ok: false; status: 400; message: string };

/** The alias that maps what a report writes to the registered unit of a code, in force for the period. */
export function aliasTarget(registryAll: Registry, u: Extraction['unit'], period: string, input: { level: AliasLevel; targetCode: string }): AliasTarget {
  const registry = registryAll.forPeriod(period);
  const written = input.level === 'commune' ? u.commune : u.district;
  if (!written) return { ok: false, status: 400, message: input.level === 'commune' ? 'báo cáo không nêu tên xã' : 'báo cáo không nêu tên huyện' };
  if (input.level === 'commune') {
    const target = registry.lists.map((l) => l.commune(input.targetCode)).find((x) => x && registry.inForce(x));
    if (!target) return { ok: false, status: 400, message: `mã ${input.targetCode} không phải đơn vị cấp xã trong ${registry.label}` };
    if (nameKey(target.commune) === nameKey(written) && nameKey(target.district ?? '') === nameKey(u.district ?? '')) {
      return { ok: false, status: 400, message: `báo cáo đã ghi đúng tên ${target.communeKind} ${target.commune}` };
    }
    return {
      ok: true,
      alias: {
        level: 'commune', written, within_district_key: u.district ? nameKey(u.district) : null, within_province_key: u.province ? nameKey(u.province) : null,
        target_code: target.communeCode, target_name: target.commune, target_kind: target.communeKind, target_district: target.district, target_province: target.province,
      },
    };
  }
  const target = registry.lists.map((l) => l.district(input.targetCode)).find((x) => x && registry.inForce(x));
  if (!target) return { ok: false, status: 400, message: `mã ${input.targetCode} không phải đơn vị cấp huyện trong ${registry.label}` };
  return {
    ok: true,
    alias: {
      level: 'district', written, within_district_key: null, within_province_key: null,
      target_code: target.districtCode, target_name: target.district, target_kind: target.districtKind, target_district: target.district, target_province: target.province,
    },
  };
}

// A unit written as staff write it: 'xã Hiệp Hòa, tỉnh Bắc Ninh', 'thị trấn Thắng, huyện Hiệp Hòa,
// tỉnh Bắc Giang' → its commune (with its kind), district and province.
import type { Registry } from './view.ts';
import type { UnitRow } from './list.ts';

export interface WrittenUnit {
  commune: string | null;
  communeKind: string | null;
  district: string | null;
  province: string | null;
}

const COMMUNE = /^(xã|phường|thị trấn|đặc khu)\s+(.+)$/iu;
const DISTRICT = /^(huyện|quận|thị xã)\s+(.+)$/iu;
const PROVINCE = /^(tỉnh)\s+(.+)$/iu;
const CITY = /^(?:thành phố|tp\.?)\s*(.+)$/iu;

/** The parts of a written unit; the first part without a unit word is the commune. */
export function parseUnitName(text: string): WrittenUnit {
  const out: WrittenUnit = { commune: null, communeKind: null, district: null, province: null };
  const parts = text.normalize('NFC').split(',').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  parts.forEach((part, i) => {
    let m: RegExpExecArray | null;
    if ((m = COMMUNE.exec(part))) { out.communeKind = m[1]!.toLowerCase(); out.commune = m[2]!; }
    else if ((m = DISTRICT.exec(part))) out.district = m[2]!;
    else if ((m = PROVINCE.exec(part))) out.province = m[2]!;
    else if ((m = CITY.exec(part))) {
      // 'thành phố' last is a province ('…, thành phố Hà Nội'), before it a district.
      if (i === parts.length - 1 && i > 0) out.province = m[1]!;
      else out.district = m[1]!;
    } else if (out.commune === null && i === 0) out.commune = part;
    else if (i === parts.length - 1) out.province = part;
    else out.district = part;
  });
  return out;
}

/** The communes a written unit names in the registry (in force first; see Registry.findCommunes). */
export function findWrittenUnit(registry: Registry, u: WrittenUnit): UnitRow[] {
  if (!u.commune) return [];
  const hits = registry.findCommunes(u.commune, { district: u.district, province: u.province });
  const sameKind = u.communeKind ? hits.filter((h) => h.communeKind === u.communeKind) : hits;
  return sameKind.length ? sameKind : hits;
}

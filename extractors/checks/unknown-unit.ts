// UNKNOWN_UNIT: the commune (within its district), the district (within its province) or the province
// is not in the registry of administrative units; the message names the nearest registered name.
// Names match as nameKey() does (tone placement, NFC/NFD, case); a missing or different mark or letter
// ('Yen Dũng' for 'Yên Dũng') is not a match.
import { splitPeriod } from '../../src/document/periods.ts';
import { makeFlag, quoteOf, type DocCheck } from './common.ts';

function asOfVn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export const checkUnknownUnit: DocCheck = ({ fields, provenance, ctx }) => {
  const registry = ctx.registry;
  if (!registry) return [];
  const { commune, communeKind, district, province } = fields.unit;
  const list = `danh mục đơn vị hành chính (${asOfVn(registry.asOf)})`;
  // A report on a period after the list's year may name a unit created by a later merger:
  // still flagged, as information, with the list's date in the message.
  const year = (fields.period ? splitPeriod(fields.period)?.year : null) ?? (fields.document.date ? Number(fields.document.date.slice(0, 4)) : null);
  const later = year !== null && year > Number(registry.asOf.slice(0, 4));
  const severity = later ? 'info' as const : 'warning' as const;
  const note = later ? ' (danh mục chưa gồm các sáp nhập từ 01/12/2024)' : '';
  const flags = [];
  // A province not in the list (misspelt: 'Bac Giang') is flagged, and does not narrow the search for
  // the district and commune (they are looked up in the whole country).
  let provinceKnown = false;
  if (province) {
    provinceKnown = registry.findProvince(province) !== null;
    if (!provinceKnown) {
      const near = registry.nearest(province, { level: 'province' });
      flags.push(makeFlag(
        'UNKNOWN_UNIT',
        `Không tìm thấy đơn vị cấp tỉnh '${province}' trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.provinceKind} ${near.name}` : ''),
        [quoteOf(provenance, 'unit.province')],
        severity,
      ));
    }
  }
  const inProvince = provinceKnown ? province : null;
  let districtKnown = false;
  if (district) {
    districtKnown = registry.findDistricts(district, { province: inProvince }).length > 0;
    if (!districtKnown) {
      const near = registry.nearest(district, { level: 'district', province: inProvince });
      const where = inProvince ? ` của tỉnh ${inProvince}` : '';
      flags.push(makeFlag(
        'UNKNOWN_UNIT',
        `Không tìm thấy đơn vị cấp huyện '${district}'${where} trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.districtKind} ${near.name}` : ''),
        [quoteOf(provenance, 'unit.district')],
        severity,
      ));
    }
  }
  if (commune) {
    const scope = districtKnown ? { district, province: inProvince } : { province: inProvince };
    const hits = registry.findCommunes(commune, scope);
    if (hits.length === 0) {
      const near = registry.nearest(commune, { level: 'commune', ...scope, kind: communeKind });
      const kind = communeKind ?? 'xã';
      const where = districtKnown ? ` thuộc huyện ${district}` : inProvince ? ` thuộc tỉnh ${inProvince}` : '';
      flags.push(makeFlag(
        'UNKNOWN_UNIT',
        `Không tìm thấy ${kind} '${commune}'${where} trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.communeKind} ${near.name} (${near.unit.districtKind} ${near.unit.district}, ${near.unit.provinceKind} ${near.unit.province})` : ''),
        [quoteOf(provenance, 'unit.commune')],
        severity,
      ));
    }
  }
  return flags;
};

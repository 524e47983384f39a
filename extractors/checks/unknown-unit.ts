// UNKNOWN_UNIT: the commune (within its district), the district (within its province) or the province
// is in no list of administrative units up to the report's date (ctx.registry is the registry of that
// date); the message names the nearest name in force then. A unit of an earlier list (merged away,
// renamed) is not unknown: UNIT_SUCCEEDED names what carries it on.
// Names match as nameKey() does (tone placement, NFC/NFD, case); a missing or different mark or letter
// ('Yen Dũng' for 'Yên Dũng') is not a match.
import { placeUnit } from '../../src/registry/placement.ts';
import { dateVn } from '../../src/registry/view.ts';
import { makeFlag, quoteOf, type DocCheck } from './common.ts';

export const checkUnknownUnit: DocCheck = ({ fields, provenance, ctx }) => {
  const registry = ctx.registry;
  if (!registry) return [];
  const { commune, communeKind, district, province } = fields.unit;
  const place = placeUnit(registry, fields.unit);
  const list = registry.label;
  // Before the first list (1 Nov 2024) that list stands in for the one in force: a unit merged away
  // earlier in 2024 is not in it, so its absence is information only.
  const severity = registry.beforeFirstList ? 'info' as const : 'warning' as const;
  const note = registry.beforeFirstList ? ' (danh mục sớm nhất hiện có; không gồm các đơn vị đã sáp nhập trước ngày đó)' : '';
  const later = (date: string | null) => (date ? `; tên này có trong danh mục từ ${date}: kiểm tra ngày, kỳ báo cáo` : '');
  // No name in force is near: a former unit's name may be (a dissolved district misspelt).
  const former = (unit: { list: string }) => ` (tên cũ, trong danh mục ${dateVn(registry.listFrom(unit.list))})`;
  const flags = [];
  // A province not in the list (misspelt: 'Bac Giang') is flagged, and does not narrow the search for
  // the district and commune (they are looked up in the whole country).
  if (province && place.province.status === 'unknown') {
    const now = registry.nearest(province, { level: 'province' });
    const old = now?.near ? null : registry.nearestEarlier(province, { level: 'province' });
    const near = old ?? now;
    flags.push(makeFlag(
      'UNKNOWN_UNIT',
      `Không tìm thấy đơn vị cấp tỉnh '${province}' trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.provinceKind} ${near.name}${old ? former(old.unit) : ''}` : '') + later(place.province.laterList),
      [quoteOf(provenance, 'unit.province')],
      severity,
    ));
  }
  const inProvince = place.inProvince;
  if (district && place.district.status === 'unknown') {
    const now = registry.levels === 3 ? registry.nearest(district, { level: 'district', province: inProvince }) : null;
    const old = now?.near ? null : registry.nearestEarlier(district, { level: 'district', province: inProvince });
    const near = old ?? now;
    const where = inProvince ? ` của tỉnh ${inProvince}` : '';
    flags.push(makeFlag(
      'UNKNOWN_UNIT',
      `Không tìm thấy đơn vị cấp huyện '${district}'${where} trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.districtKind} ${near.name}${old ? former(old.unit) : ''}` : '') + later(place.district.laterList),
      [quoteOf(provenance, 'unit.district')],
      severity,
    ));
  }
  if (commune && place.commune.status === 'unknown') {
    const districtKnown = place.inDistrict !== null && registry.levels === 3 && place.district.status === 'in-force';
    const provinceNow = place.province.status === 'in-force' ? inProvince : place.province.status === 'former' ? (place.province.provinces?.[0]?.province ?? null) : null;
    const scope = districtKnown ? { district, province: inProvince } : { province: provinceNow };
    const now = registry.nearest(commune, { level: 'commune', ...scope, kind: communeKind });
    const old = now?.near ? null : registry.nearestEarlier(commune, { level: 'commune', district: place.inDistrict ? district : null, province: inProvince, kind: communeKind });
    const near = old ?? now;
    const kind = communeKind ?? 'xã';
    const where = place.inDistrict ? ` thuộc huyện ${district}` : inProvince ? ` thuộc tỉnh ${inProvince}` : '';
    const nearWhere = near ? [near.unit.district ? `${near.unit.districtKind} ${near.unit.district}` : null, `${near.unit.provinceKind} ${near.unit.province}`].filter(Boolean).join(', ') : '';
    flags.push(makeFlag(
      'UNKNOWN_UNIT',
      `Không tìm thấy ${kind} '${commune}'${where} trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.communeKind} ${near.name} (${nearWhere})${old ? former(old.unit) : ''}` : '') + later(place.commune.laterList),
      [quoteOf(provenance, 'unit.commune')],
      severity,
    ));
  }
  return flags;
};

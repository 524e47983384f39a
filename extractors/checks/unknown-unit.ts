// UNKNOWN_UNIT: the commune (within its district) or the district (within its province) is not in the
// registry of administrative units; the message names the nearest registered name.
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
  let districtKnown = false;
  if (district) {
    const inProvince = registry.findDistricts(district, { province });
    districtKnown = inProvince.length > 0;
    if (!districtKnown) {
      const near = registry.nearest(district, { level: 'district', province });
      const where = province ? ` của tỉnh ${province}` : '';
      flags.push(makeFlag(
        'UNKNOWN_UNIT',
        `Không tìm thấy đơn vị cấp huyện '${district}'${where} trong ${list}${note}` + (near ? `; tên gần nhất: ${near.unit.districtKind} ${near.name}` : ''),
        [quoteOf(provenance, 'unit.district')],
        severity,
      ));
    }
  }
  if (commune) {
    const scope = districtKnown ? { district, province } : { province };
    const hits = registry.findCommunes(commune, scope);
    if (hits.length === 0) {
      const near = registry.nearest(commune, { level: 'commune', ...scope, kind: communeKind });
      const kind = communeKind ?? 'xã';
      const where = districtKnown ? ` thuộc huyện ${district}` : province ? ` thuộc tỉnh ${province}` : '';
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

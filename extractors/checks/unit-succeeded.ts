// UNIT_SUCCEEDED (not one of the contract's codes): the report names a unit that no longer existed,
// as named, on its date (ctx.registry is the registry of that date) — merged away, renamed, its
// district dissolved, its province merged — and the message names the unit(s) that carried it on,
// or says that no mapping is known (the mergers of 1 Dec 2024 – 1 Mar 2025 have none).
// Severity: warning when the unit did not exist at the end of the report's period either (its
// figures cannot go into that period's table as such); info when it did (a report issued after a
// reform, on a period before it), when it is the same unit under its former name, kind or district
// (its code kept: its report still counts as the unit's), and for a province's new name alone.
import { communeLabel, districtLabel, provinceLabel, successionText } from '../../src/registry/labels.ts';
import { placeUnit } from '../../src/registry/placement.ts';
import { dateVn } from '../../src/registry/view.ts';
import { makeFlag, quoteOf, type DocCheck } from './common.ts';

export const checkUnitSucceeded: DocCheck = ({ fields, provenance, ctx }) => {
  const registry = ctx.registry;
  if (!registry) return [];
  const place = placeUnit(registry, fields.unit);
  const when = fields.document.date ? `ngày ${dateVn(fields.document.date)} của báo cáo` : fields.period ? `cuối kỳ ${fields.period}` : 'ngày của báo cáo';
  const atPeriodEnd = fields.period ? registry.forPeriod(fields.period) : null;
  const evidence = [quoteOf(provenance, 'unit.commune'), quoteOf(provenance, 'unit.district'), quoteOf(provenance, 'unit.province')];

  if (place.commune.status === 'former' && place.commune.ambiguous) {
    // Named without its district or province, and several former units had that name.
    const names = (place.commune.candidates ?? []).slice(0, 4).map((c) => `${communeLabel(c)}: ${successionText(registry.successors(c))}`);
    return [makeFlag('UNIT_SUCCEEDED', `${fields.unit.communeKind ?? 'xã'} ${fields.unit.commune} không còn tại ${when}; trước đây có ${names.length} đơn vị tên này — ${names.join('; ')}`, evidence, 'warning')];
  }
  if (place.commune.status === 'former') {
    const row = place.commune.unit;
    const s = place.commune.succession;
    // The same unit under another name, kind or district (its code kept): the report uses old names.
    if (s.traced && s.via === 'code' && s.units.length === 1) {
      return [makeFlag('UNIT_SUCCEEDED', `${communeLabel(row)}: tên cũ tại ${when} — ${successionText(s)}`, evidence, 'info')];
    }
    const existed = atPeriodEnd !== null && atPeriodEnd.existsAsNamed(row);
    return [makeFlag('UNIT_SUCCEEDED', `${communeLabel(row)} không còn tại ${when}: ${successionText(s)}`, evidence, existed ? 'info' : 'warning')];
  }
  if (place.district.status === 'former' && place.commune.status !== 'unknown') {
    const d = place.district.unit;
    const s = place.district.succession;
    const byProvince = registry.levels === 2 ? ' (từ 01/07/2025 không còn cấp huyện)' : '';
    const carried = s.units.length ? `; các đơn vị kế thừa: ${s.units.map((u) => communeLabel(u, false)).join('; ')}` : '';
    const existed = atPeriodEnd !== null && atPeriodEnd.findDistricts(d.district, { province: d.province }).some((x) => atPeriodEnd.inForce(x));
    return [makeFlag(
      'UNIT_SUCCEEDED',
      `${districtLabel(d)} không còn tại ${when}${s.since ? ` (từ ${dateVn(s.since)})` : ''}${byProvince}${carried}`,
      evidence,
      existed ? 'info' : 'warning',
    )];
  }
  if (place.province.status === 'former') {
    const p = place.province.unit;
    const now = place.province.provinces ?? [];
    const since = place.province.succession.since;
    return [makeFlag(
      'UNIT_SUCCEEDED',
      `${provinceLabel(p)} không còn tại ${when}${since ? ` (từ ${dateVn(since)})` : ''}` + (now.length ? `: nay thuộc ${now.map(provinceLabel).join(', ')}` : ''),
      evidence,
      'info',
    )];
  }
  return [];
};

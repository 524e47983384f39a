// Units as staff read them, in Vietnamese: 'xã Hiệp Hòa, tỉnh Bắc Ninh (mã 07840)', and what became
// of a former unit ('từ 01/07/2025 do xã Hiệp Hòa, tỉnh Bắc Ninh (mã 07840) kế thừa').
import type { DistrictRef, ProvinceRef, UnitRow } from './list.ts';
import { dateVn, type Succession } from './view.ts';

export function provinceLabel(p: Pick<ProvinceRef, 'provinceKind' | 'province'>): string {
  return `${p.provinceKind} ${p.province}`;
}

export function districtLabel(d: Pick<DistrictRef, 'districtKind' | 'district' | 'provinceKind' | 'province'>): string {
  return `${d.districtKind} ${d.district}, ${d.provinceKind} ${d.province}`;
}

/** 'xã Đông Lỗ, huyện Hiệp Hòa, tỉnh Bắc Giang (mã 07879)'; two levels from 1 July 2025. */
export function communeLabel(u: UnitRow, withCode = true): string {
  const district = u.district ? `, ${u.districtKind} ${u.district}` : '';
  return `${u.communeKind} ${u.commune}${district}, ${u.provinceKind} ${u.province}${withCode ? ` (mã ${u.communeCode})` : ''}`;
}

/** What became of a former unit, as a clause: 'từ 01/07/2025 do … kế thừa', 'từ 01/07/2025 được chia
 *  cho: …', 'từ 01/01/2025 là …', or that it cannot be followed. */
export function successionText(s: Succession): string {
  const since = s.since ? `từ ${dateVn(s.since)} ` : '';
  if (!s.traced || s.units.length === 0) {
    return `${since ? `không còn ${since}` : 'không còn '}(đã sáp nhập; danh mục không ghi đơn vị tiếp nhận)`.replace(/\s+\(/, ' (');
  }
  const names = s.units.map((u) => communeLabel(u)).join('; ');
  if (s.split) return `${since}được chia cho: ${names} (số liệu không so sánh trực tiếp được)`;
  if (s.units.length > 1) return `${since}do các đơn vị kế thừa: ${names}`;
  if (s.via === 'code') return `${since}là ${names}`;
  return `${since}do ${names} kế thừa`;
}

// The dated registry on the real lists (src/registry/data): which list is in force on a date, lazy
// loading, following a unit across the reforms, and codes that mean other units in other lists.
import { describe, expect, it } from 'vitest';
import { loadedFiles, loadRegistry, periodEnd, reportDate } from '../src/registry/index.ts';
import { communeLabel, successionText } from '../src/registry/labels.ts';

const files = () => loadedFiles().map((f) => f.file);

describe('loading', () => {
  it('reads only the lists asked for, each once per process', () => {
    // Nothing else in this file runs before this test (vitest isolates test files).
    const r = loadRegistry();
    expect(r.units).toHaveLength(10472);
    expect(files()).toEqual(['units-2024.csv']);
    expect(r.at('2025-08-01').units).toHaveLength(3321);
    expect(r.at('2025-12-31').units).toHaveLength(3321);
    expect(files()).toEqual(['units-2024.csv', 'units-2025-07.csv']);
    // A unit's successors need the lists between and the crosswalk: read then, once.
    r.at('2025-08-01').successors(r.findCommune('Đông Lỗ', { district: 'Hiệp Hòa' })!);
    r.at('2025-09-01').successors(r.findCommune('Mai Đình', { district: 'Hiệp Hòa' })!);
    expect(files().sort()).toEqual(['crosswalk-2025-07.csv', 'units-2024.csv', 'units-2025-01.csv', 'units-2025-03.csv', 'units-2025-07.csv']);
    expect(loadedFiles().every((f) => f.rows > 0 && f.ms >= 0)).toBe(true);
  });
});

describe('the list in force on a date (data/README.md)', () => {
  const r = loadRegistry();
  it.each([
    ['2024-06-30', '2024-11-01', 1, true],
    ['2024-11-01', '2024-11-01', 1, false],
    ['2024-11-30', '2024-11-01', 1, false],
    ['2024-12-15', '2024-11-01', 2, false], // the December 2024 gap: both lists count
    ['2025-01-01', '2025-01-01', 1, false],
    ['2025-02-28', '2025-01-01', 1, false],
    ['2025-03-01', '2025-03-01', 1, false],
    ['2025-06-30', '2025-03-01', 1, false],
    ['2025-07-01', '2025-07-01', 1, false],
    ['2026-05-01', '2025-07-01', 1, false],
  ] as const)('%s → the list of %s', (date, asOf, lists, before) => {
    const v = r.at(date);
    expect(v.asOf).toBe(asOf);
    expect(v.lists).toHaveLength(lists);
    expect(v.beforeFirstList).toBe(before);
  });
  it('the gap says so in its label', () => {
    expect(r.at('2024-12-10').label).toBe('danh mục đơn vị hành chính 01/11/2024 và 01/01/2025');
    expect(r.at('2025-08-01').label).toBe('danh mục đơn vị hành chính 01/07/2025');
  });
  it('a report is checked at its date of issue, else at the end of its period', () => {
    expect(reportDate({ date: '2025-01-10', period: '2024' })).toBe('2025-01-10');
    expect(reportDate({ date: null, period: '2025-H1' })).toBe('2025-06-30');
    expect(reportDate({ date: null, period: '2024-Q1' })).toBe('2024-03-31');
    expect(reportDate({ date: null, period: null })).toBeNull();
    expect(periodEnd('2024-9M')).toBe('2024-09-30');
    expect(periodEnd('2024-Q4')).toBe('2024-12-31');
    expect(periodEnd('2024-H7')).toBeNull();
  });
});

describe('units of a scope at each time', () => {
  const r = loadRegistry();
  it('huyện Hiệp Hòa: 25 units until 31 Dec 2024, 19 from 1 Jan 2025, none from 1 Jul 2025 (no districts)', () => {
    expect(r.forPeriod('2024-H1').communesIn('Hiệp Hòa', 'Bắc Giang')).toHaveLength(25);
    expect(r.forPeriod('2024').communesIn('Hiệp Hòa', 'Bắc Giang')).toHaveLength(25);
    expect(r.at('2025-02-01').communesIn('Hiệp Hòa', 'Bắc Giang')).toHaveLength(19);
    expect(r.forPeriod('2025-H1').communesIn('Hiệp Hòa', 'Bắc Giang')).toHaveLength(19);
    expect(r.forPeriod('2025-H2').communesIn('Hiệp Hòa', 'Bắc Giang')).toHaveLength(0);
    expect(r.forPeriod('2025-H2').levels).toBe(2);
  });
  it('tỉnh Bắc Ninh from 1 Jul 2025: 99 communes (old Bắc Giang and Bắc Ninh)', () => {
    const v = r.forPeriod('2025-H2');
    expect(v.communesOfProvince('Bắc Ninh')).toHaveLength(99);
    expect(v.communesOfProvince('tỉnh Bắc Ninh').every((u) => u.district === null && u.province === 'Bắc Ninh')).toBe(true);
    // Before, tỉnh Bắc Ninh was the small old province (code 27).
    expect(r.forPeriod('2025-H1').findProvince('Bắc Ninh')?.provinceCode).toBe('27');
  });
});

describe('codes mean other units in other lists', () => {
  const r = loadRegistry();
  it('07840: thị trấn Thắng until 30 Jun 2025, xã Hiệp Hòa (tỉnh Bắc Ninh) from 1 Jul 2025', () => {
    expect(r.at('2025-06-30').list.commune('07840')).toMatchObject({ communeKind: 'thị trấn', commune: 'Thắng', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect(r.at('2025-07-01').list.commune('07840')).toMatchObject({ communeKind: 'xã', commune: 'Hiệp Hòa', district: null, province: 'Bắc Ninh' });
  });
  it('province 24: Bắc Giang, then Bắc Ninh', () => {
    expect(r.at('2025-06-30').findProvince('24')?.province).toBe('Bắc Giang');
    expect(r.at('2025-07-01').findProvince('24')?.province).toBe('Bắc Ninh');
  });
  it('a unit is followed across 1 Jul 2025 by the crosswalk, never by its code', () => {
    const thang = r.at('2025-06-30').list.commune('07840')!;
    const s = r.at('2025-08-01').successors(thang);
    expect(s).toMatchObject({ via: 'crosswalk', since: '2025-07-01', traced: true, split: false });
    expect(s.units.map((u) => u.commune)).toEqual(['Hiệp Hòa']);
    // Đông Lỗ (07879) went into xã Hiệp Hòa (07840), not into a unit coded 07879.
    const dongLo = r.findCommune('Đông Lỗ', { district: 'Hiệp Hòa' })!;
    expect(r.at('2025-08-01').list.commune('07879')).toBeNull();
    expect(r.at('2025-08-01').successors(dongLo).units.map((u) => u.communeCode)).toEqual(['07840']);
  });
  it('between the three-level lists a kept code is the same unit, renamed or moved', () => {
    const thanhVan = r.list.commune('07816')!;
    expect(thanhVan.commune).toBe('Thanh Vân');
    const s = r.at('2025-04-01').successors(thanhVan);
    expect(s).toMatchObject({ via: 'code', since: '2025-01-01', traced: true });
    expect(s.units.map((u) => u.commune)).toEqual(['Đồng Tiến']);
    expect(successionText(s)).toBe('từ 01/01/2025 là xã Đồng Tiến, huyện Hiệp Hòa, tỉnh Bắc Giang (mã 07816)');
    // Xã Cảnh Thụy of huyện Yên Dũng (dissolved on 1 Jan 2025) became phường Cảnh Thụy, thành phố Bắc Giang.
    const canhThuy = r.findCommune('Cảnh Thụy', { district: 'Yên Dũng' })!;
    expect(communeLabel(r.at('2025-04-01').successors(canhThuy).units[0]!)).toBe('phường Cảnh Thụy, thành phố Bắc Giang, tỉnh Bắc Giang (mã 07738)');
  });
  it('a unit merged away on 1 Jan 2025 cannot be followed (no crosswalk for that date)', () => {
    const hoangAn = r.findCommune('Hoàng An', { district: 'Hiệp Hòa' })!;
    const s = r.at('2025-04-01').successors(hoangAn);
    expect(s).toMatchObject({ traced: false, since: '2025-01-01', units: [] });
    expect(successionText(s)).toContain('danh mục không ghi đơn vị tiếp nhận');
  });
  it('a unit split over several new units', () => {
    const congVi = r.at('2025-06-01').findCommune('Cống Vị', { district: 'Ba Đình' })!;
    const s = r.at('2025-08-01').successors(congVi);
    expect(s.split).toBe(true);
    expect(s.units.map((u) => u.commune).sort()).toEqual(['Giảng Võ', 'Ngọc Hà']);
    expect(successionText(s)).toMatch(/^từ 01\/07\/2025 được chia cho: phường (Giảng Võ|Ngọc Hà)/);
  });
  it('the predecessors of xã Hiệp Hòa: five units of huyện Hiệp Hòa, each moved whole', () => {
    const v = r.at('2025-08-01');
    const p = v.predecessors(v.list.commune('07840')!);
    expect(p.map((x) => `${x.unit.communeKind} ${x.unit.commune}`)).toEqual(['thị trấn Thắng', 'xã Lương Phong', 'xã Danh Thắng', 'xã Đoan Bái', 'xã Đông Lỗ']);
    expect(p.every((x) => x.splitInto === null && x.unit.list === '2025-03')).toBe(true);
    // Phường Ngọc Hà of 1 Jul 2025 (00008) took parts of split units: among them the old phường Ngọc Hà (00016).
    const ngocHa = v.predecessors(v.list.commune('00008')!);
    expect(ngocHa.find((x) => x.unit.communeCode === '00016')?.splitInto?.map((u) => u.commune).sort()).toEqual(['Ba Đình', 'Ngọc Hà']);
  });
});

describe('lookups: the list in force first, then earlier lists', () => {
  const r = loadRegistry();
  it('a former name is still found, and told apart', () => {
    const v = r.at('2025-06-20');
    const hoaSon = v.findCommune('Hòa Sơn', { district: 'Hiệp Hòa' })!;
    expect(hoaSon.list).toBe('2024-11');
    expect(v.inForce(hoaSon)).toBe(false);
    const mai = v.findCommune('Mai Đình', { district: 'Hiệp Hòa' })!;
    expect(v.inForce(mai)).toBe(true);
    expect(v.existsAsNamed(hoaSon)).toBe(false);
    expect(r.at('2024-12-31').existsAsNamed(hoaSon)).toBe(true);
  });
  it('nearest suggests names in force only; nearestEarlier a former one', () => {
    const v = r.at('2025-06-20');
    expect(v.nearest('Yen Dũng', { level: 'district', province: 'Bắc Giang' })!.name).not.toBe('Yên Dũng');
    expect(v.nearestEarlier('Yen Dũng', { level: 'district', province: 'Bắc Giang' })).toMatchObject({ name: 'Yên Dũng', near: true });
  });
  it('in the December 2024 gap a unit is found once, from the first list', () => {
    const v = r.at('2024-12-15');
    expect(v.findCommunes('Đông Lỗ', { district: 'Hiệp Hòa' })).toHaveLength(1);
    expect(v.findCommune('Đông Lỗ', { district: 'Hiệp Hòa' })?.list).toBe('2024-11');
  });
});

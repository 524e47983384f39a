import { describe, expect, it } from 'vitest';
import { loadRegistry, Registry } from '../src/registry/index.ts';

const registry = loadRegistry();

describe('loading', () => {
  it('reads every unit of units-2024.csv once', () => {
    expect(registry.units.length).toBe(10472);
    expect(loadRegistry()).toBe(registry);
    expect(registry.asOf).toBe('2024-11-01');
  });
  it('reads CSV with quoting', () => {
    const r = Registry.fromCsv(
      'province_code,province_kind,province,district_code,district_kind,district,commune_code,commune_kind,commune\n' +
        '99,tỉnh,"Thử, Nghiệm",999,huyện,Một,99999,xã,"Ea H""leo"\n',
    );
    expect(r.units[0]).toMatchObject({ province: 'Thử, Nghiệm', commune: 'Ea H"leo', communeCode: '99999' });
  });
});

describe('findCommune', () => {
  it('matches within the district: names clash across the country', () => {
    expect(registry.findCommunes('Đông Lỗ').length).toBe(2);
    expect(registry.findCommune('Đông Lỗ')).toBeNull();
    expect(registry.findCommune('Đông Lỗ', { district: 'Hiệp Hòa' })).toMatchObject({ communeCode: '07879', province: 'Bắc Giang', communeKind: 'xã' });
    expect(registry.findCommune('Đông Lỗ', { district: 'Ứng Hòa' })).toMatchObject({ province: 'Hà Nội' });
    expect(registry.findCommune('Đông Lỗ', { province: 'Bắc Giang' })).toMatchObject({ district: 'Hiệp Hòa' });
  });
  it('ignores tone placement, case and unit words', () => {
    expect(registry.findCommune('ĐÔNG LỖ', { district: 'huyện Hiệp Hoà' })?.communeCode).toBe('07879');
    expect(registry.findCommune('xã Đông Lỗ', { district: 'HIỆP HOÀ', province: 'tỉnh Bắc Giang' })?.communeCode).toBe('07879');
  });
  it('filters by kind', () => {
    expect(registry.findCommune('Thắng', { district: 'Hiệp Hòa', kind: 'thị trấn' })?.communeKind).toBe('thị trấn');
    expect(registry.findCommune('Thắng', { district: 'Hiệp Hòa', kind: 'xã' })).toBeNull();
    expect(registry.findCommune('Đông Lễ', { kind: 'phường' })).toMatchObject({ province: 'Quảng Trị' });
  });
  it('does not find what is not there', () => {
    expect(registry.findCommunes('Đông Lễ', { district: 'Hiệp Hòa' })).toEqual([]);
  });
});

describe('findDistrict / findProvince', () => {
  it('districts by name within a province', () => {
    expect(registry.findDistricts('Hiệp Hòa')).toHaveLength(1);
    expect(registry.findDistrict('Hiệp Hoà', { province: 'Bắc Giang' })).toMatchObject({ districtCode: '223', districtKind: 'huyện' });
    expect(registry.findDistrict('Hiệp Hòa', { province: 'Bắc Ninh' })).toBeNull();
    expect(registry.findDistrict('thành phố Bắc Giang')).toMatchObject({ districtKind: 'thành phố', province: 'Bắc Giang' });
  });
  it('provinces', () => {
    expect(registry.findProvince('tỉnh Bắc Giang')?.provinceCode).toBe('24');
    expect(registry.findProvince('Hà Nội')?.provinceKind).toBe('thành phố');
    expect(registry.findProvince('Bắc Giangg')).toBeNull();
  });
});

describe('what matches and what does not', () => {
  it('tone placement, NFC/NFD and case match', () => {
    expect(registry.findDistrict('YÊN DŨNG'.normalize('NFD'), { province: 'bắc giang' })?.districtCode).toBe('221');
    expect(registry.findCommune('Tân An'.normalize('NFD'), { district: 'Yên Dũng', kind: 'thị trấn' })?.communeCode).toBe('07682');
    expect(registry.findProvince('BẮC GIANG'.normalize('NFD'))?.provinceCode).toBe('24');
  });
  it('a missing or different vowel mark or letter does not match', () => {
    expect(registry.findDistricts('Yen Dũng')).toEqual([]);
    expect(registry.findDistricts('Hiệp Hoa')).toEqual([]);
    expect(registry.findCommunes('Đong Lỗ', { district: 'Hiệp Hòa' })).toEqual([]);
    expect(registry.findCommunes('Tân An', { district: 'Yen Dũng' })).toEqual([]);
    expect(registry.findProvince('Bac Giang')).toBeNull();
    expect(registry.findProvince('Bắc Giang')).not.toBeNull();
  });
  it('the nearest registered name of a misspelling', () => {
    expect(registry.nearest('Yen Dũng', { level: 'district', province: 'Bắc Giang' })).toMatchObject({ name: 'Yên Dũng', near: true });
    expect(registry.nearest('Bac Giang', { level: 'province' })).toMatchObject({ name: 'Bắc Giang', near: true });
  });
});

describe('nearest', () => {
  it('the nearest commune within the district', () => {
    const n = registry.nearest('Đông Lễ', { level: 'commune', district: 'Hiệp Hòa', province: 'Bắc Giang' })!;
    expect(n.name).toBe('Đông Lỗ');
    expect(n.near).toBe(true);
    expect(n.unit.communeCode).toBe('07879');
  });
  it('the nearest district and province', () => {
    expect(registry.nearest('Hiệp Hoá', { level: 'district', province: 'Bắc Giang' })!.name).toBe('Hiệp Hòa');
    expect(registry.nearest('Hiep Hoa', { level: 'district', province: 'Bắc Giang' })!.name).toBe('Hiệp Hòa');
    expect(registry.nearest('Bắc Giangg', { level: 'province' })!.name).toBe('Bắc Giang');
  });
  it('a far name is reported as not near', () => {
    const n = registry.nearest('Xyz Abc', { level: 'commune', district: 'Hiệp Hòa' })!;
    expect(n.near).toBe(false);
  });
});

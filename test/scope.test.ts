// The scope setting: written names parsed, the old variables kept, validated against every list.
import { describe, expect, it } from 'vitest';
import { loadConfig, scopeSettingOf } from '../src/config.ts';
import { parseScopeName, scopeGroup, scopeLabel, ScopeError, validateScope } from '../src/consolidate/scope.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { parseUnitName } from '../src/registry/unit-name.ts';

const registry = loadRegistry();

describe('a scope as written', () => {
  it.each([
    ['huyện Hiệp Hòa, tỉnh Bắc Giang', { district: 'huyện Hiệp Hòa', province: 'tỉnh Bắc Giang' }],
    ['tỉnh Bắc Ninh', { province: 'tỉnh Bắc Ninh' }],
    ['thành phố Bắc Giang, tỉnh Bắc Giang', { district: 'thành phố Bắc Giang', province: 'tỉnh Bắc Giang' }],
    ['quận Ba Đình, thành phố Hà Nội', { district: 'quận Ba Đình', province: 'thành phố Hà Nội' }],
    ['thành phố Huế', { either: 'thành phố Huế' }],
    ['Hiệp Hòa, Bắc Giang', { either: 'Hiệp Hòa', province: 'Bắc Giang' }],
    ['223', { district: '223' }],
    ['24', { province: '24' }],
  ])('%s', (text, parts) => {
    expect(parseScopeName(text)).toEqual({ source: 'phạm vi', ...parts });
  });
  it('finds its units for a period; codes are read in the period\'s list', () => {
    expect(scopeGroup(registry.forPeriod('2024-H1'), parseScopeName('223')).communes).toHaveLength(25);
    expect(scopeGroup(registry.forPeriod('2025-H2'), parseScopeName('24')).label).toBe('tỉnh Bắc Ninh');
    expect(scopeGroup(registry.forPeriod('2025-H1'), parseScopeName('24')).label).toBe('tỉnh Bắc Giang');
    expect(scopeGroup(registry.forPeriod('2025-H2'), parseScopeName('tỉnh Bắc Giang')).successorOf).toBe('tỉnh Bắc Giang');
  });
  it('a unit as written for the history', () => {
    expect(parseUnitName('xã Hiệp Hòa, tỉnh Bắc Ninh')).toEqual({ commune: 'Hiệp Hòa', communeKind: 'xã', district: null, province: 'Bắc Ninh' });
    expect(parseUnitName('phường Ngọc Hà, quận Ba Đình, thành phố Hà Nội')).toEqual({ commune: 'Ngọc Hà', communeKind: 'phường', district: 'Ba Đình', province: 'Hà Nội' });
  });
});

describe('the setting', () => {
  it('BAOCAO_SCOPE first; BAOCAO_DISTRICT and BAOCAO_PROVINCE as before', () => {
    expect(scopeSettingOf(loadConfig({ BAOCAO_SCOPE: 'tỉnh Bắc Ninh', BAOCAO_DISTRICT: 'Hiệp Hòa' }))).toEqual({ scope: 'tỉnh Bắc Ninh' });
    expect(scopeSettingOf(loadConfig({ BAOCAO_DISTRICT: 'Hiệp Hòa', BAOCAO_PROVINCE: 'Bắc Giang' }))).toEqual({ district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect(scopeSettingOf(loadConfig({}))).toEqual({});
  });
  it('is checked against every list at start; its label', () => {
    expect(() => validateScope(registry, { scope: 'tỉnh Bắc Ninh' })).not.toThrow();
    expect(() => validateScope(registry, { scope: 'huyện Hiệp Hòa, tỉnh Bắc Giang' })).not.toThrow(); // dissolved, still valid
    expect(() => validateScope(registry, { scope: 'huyện Không Có' })).toThrow(ScopeError);
    expect(() => validateScope(registry, { province: 'Xứ Lạ' })).toThrow(/BAOCAO_PROVINCE 'Xứ Lạ'/);
    expect(scopeLabel(registry, { district: '223' })).toBe('huyện Hiệp Hòa, tỉnh Bắc Giang');
    expect(scopeLabel(registry, { province: 'Hà Nội' })).toBe('thành phố Hà Nội');
    expect(scopeLabel(registry, {})).toBeNull();
  });
});

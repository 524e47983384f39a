import { describe, expect, it } from 'vitest';
import { findSubPeriods, findYearMentions, formatPeriod, parsePeriod, samePeriod, splitPeriod } from '../src/document/periods.ts';

const period = (t: string, defaultYear?: number) => parsePeriod(t, defaultYear ? { defaultYear } : {})?.period ?? null;

describe('parsePeriod', () => {
  it.each([
    ['6 tháng đầu năm 2024', '2024-H1'],
    ['06 tháng đầu năm 2024', '2024-H1'],
    ['sáu tháng đầu năm 2024', '2024-H1'],
    ['SÁU THÁNG ĐẦU NĂM 2024', '2024-H1'],
    ['6 THÁNG ĐẦU NĂM 2024', '2024-H1'],
    ['6 tháng năm 2024', '2024-H1'],
    ['6 tháng/2024', '2024-H1'],
    ['6 tháng cuối năm 2024', '2024-H2'],
    ['quý I năm 2024', '2024-Q1'],
    ['Quý II/2024', '2024-Q2'],
    ['quí III năm 2024', '2024-Q3'],
    ['QUÝ IV NĂM 2023', '2023-Q4'],
    ['quý 2 năm 2024', '2024-Q2'],
    ['9 tháng đầu năm 2024', '2024-9M'],
    ['9 tháng năm 2024', '2024-9M'],
    ['chín tháng đầu năm 2024', '2024-9M'],
    ['năm 2024', '2024'],
    ['Kết quả năm 2024', '2024'],
    ['KẾT QUẢ XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN NĂM 2024', '2024'],
  ])('%s → %s', (text, expected) => {
    expect(period(text)).toBe(expected);
  });

  it('the year at the end belongs to both halves; the first half is the report, the second the plan', () => {
    expect(period('Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024')).toBe('2024-H1');
    expect(period('Kết quả 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2024')).toBe('2024-H1');
    expect(period('Kết quả 6 tháng cuối năm 2024 và phương hướng nhiệm vụ năm 2025')).toBe('2024-H2');
    expect(period('Kết quả quý I, nhiệm vụ quý II năm 2024')).toBe('2024-Q1');
    expect(period('Kết quả năm 2024 và phương hướng, nhiệm vụ năm 2025')).toBe('2024');
  });

  it('a year before the expression, or the default year', () => {
    expect(period('Năm 2024, kết quả 6 tháng đầu năm')).toBe('2024-H1');
    expect(period('Kết quả 6 tháng đầu năm', 2024)).toBe('2024-H1');
    expect(parsePeriod('Kết quả 6 tháng đầu năm')).toMatchObject({ period: null, part: 'H1', year: null });
  });

  it('dates and document numbers are not years of the period', () => {
    expect(period('báo cáo 6 tháng đầu năm theo Công văn số 1901-CV/BCĐ ngày 11/6/2024', 2023)).toBe('2023-H1');
  });

  it('no period', () => {
    expect(parsePeriod('Số liệu tính từ tháng 01/2024 đến nay')).toBeNull();
    expect(parsePeriod('quy chế dân chủ ở cơ sở')).toBeNull();
    expect(parsePeriod('trong 6 tháng qua')).toBeNull();
  });

  it('"quy" of "quy chế" is not a quarter', () => {
    expect(findSubPeriods('Quy chế dân chủ; quy I')).toHaveLength(1);
    expect(findSubPeriods('Quy chế dân chủ ở cơ sở')).toHaveLength(0);
  });
});

describe('helpers', () => {
  it('findSubPeriods gives every expression with its own year', () => {
    const subs = findSubPeriods('6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024');
    expect(subs.map((s) => [s.part, s.year])).toEqual([['H1', null], ['H2', 2024]]);
  });
  it('findYearMentions skips the years of sub-periods', () => {
    expect(findYearMentions('6 tháng đầu năm 2024, đăng ký đạt chuẩn năm 2024').map((m) => m.raw)).toEqual(['năm 2024']);
  });
  it('format, split, compare', () => {
    expect(formatPeriod(2024, 'H1')).toBe('2024-H1');
    expect(formatPeriod(2024, 'Y')).toBe('2024');
    expect(splitPeriod('2024-9M')).toEqual({ year: 2024, part: '9M' });
    expect(splitPeriod('2024')).toEqual({ year: 2024, part: 'Y' });
    expect(splitPeriod('H1')).toBeNull();
    expect(samePeriod({ part: 'H1', year: 2024 }, { part: 'H1', year: null })).toBe(true);
    expect(samePeriod({ part: 'H1', year: 2024 }, { part: 'H1', year: 2023 })).toBe(false);
    expect(samePeriod({ part: 'H1', year: 2024 }, { part: 'H2', year: 2024 })).toBe(false);
  });
});

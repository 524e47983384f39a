import { describe, expect, it } from 'vitest';
import { dateAt, findDates, isValidDate, parseDate, parseIsoDate, toIsoDate } from '../src/document/dates.ts';

describe('parseIsoDate', () => {
  it.each([
    ['ngày 11/6/2024', '2024-06-11'],
    ['11/6/2024', '2024-06-11'],
    ['ngày 05/3/2020', '2020-03-05'],
    ['ngày 05/03/2020', '2020-03-05'],
    ['ngày 20 tháng 6 năm 2024', '2024-06-20'],
    ['ngày 20 tháng 06 năm 2024', '2024-06-20'],
    ['Ngày 1 tháng 2 năm 2024', '2024-02-01'],
    ['NGÀY 20 THÁNG 6 NĂM 2024', '2024-06-20'],
    ['Đông Lỗ, ngày 20 tháng 6 năm 2024', '2024-06-20'],
    ['ngày 11-6-2024', '2024-06-11'],
    ['ngày 11.06.2024', '2024-06-11'],
    ['ngày 11 / 6 / 2024', '2024-06-11'],
    ['(05/03/2020)', '2020-03-05'],
    ['ngày 29/2/2024', '2024-02-29'],
    ['ngay 20 thang 6 nam 2024', '2024-06-20'],
  ])('%s → %s', (text, iso) => {
    expect(parseIsoDate(text)).toBe(iso);
  });

  it.each([
    ['ngày 31/6/2024'],
    ['ngày 29/2/2023'],
    ['ngày 12/13/2024'],
    ['ngày 0/6/2024'],
    ['ngày 32 tháng 1 năm 2024'],
  ])('%s is not a real date → null', (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(parseDate(text)!.valid).toBe(false);
  });
});

describe('blank parts', () => {
  it('a blank day is null and reported blank', () => {
    for (const t of ['ngày  tháng 6 năm 2024', 'ngày tháng 6 năm 2024', 'ngày … tháng 6 năm 2024', 'ngày ..... tháng 6 năm 2024', 'ngày ___ tháng 6 năm 2024', 'ngày …/6/2024', 'ngày   /6/2024']) {
      const d = parseDate(`Đông Lỗ, ${t}`)!;
      expect(d, t).not.toBeNull();
      expect(d.iso, t).toBeNull();
      expect(d.dayBlank, t).toBe(true);
      expect(d.monthBlank, t).toBe(false);
      expect(d.month, t).toBe(6);
      expect(d.year, t).toBe(2024);
    }
  });

  it('blank day and month', () => {
    const d = parseDate('Hoàng Vân, ngày ..... tháng ..... năm 2024')!;
    expect(d).toMatchObject({ iso: null, dayBlank: true, monthBlank: true, yearBlank: false, year: 2024 });
  });

  it('the whole date blank', () => {
    const d = parseDate('ngày    tháng    năm 20..')!;
    expect(d).toMatchObject({ iso: null, dayBlank: true, monthBlank: true, yearBlank: true });
  });
});

describe('months', () => {
  it('tháng 6/2024 is a month, not a date and not blank', () => {
    expect(parseDate('tháng 6/2024')).toMatchObject({ iso: null, month: 6, year: 2024, monthOnly: true, dayBlank: false });
    expect(parseDate('Kinh phí đã triển khai đến tháng 6/2024')).toMatchObject({ monthOnly: true });
    expect(parseDate('(Số liệu tính từ tháng 01/2024 đến nay)')).toMatchObject({ month: 1, year: 2024, monthOnly: true });
    expect(parseDate('tháng 6 năm 2024')).toMatchObject({ monthOnly: true, month: 6 });
  });
  it('a full date is not read as a month', () => {
    const all = findDates('Đông Lỗ, ngày 20 tháng 6 năm 2024');
    expect(all).toHaveLength(1);
    expect(all[0]!.iso).toBe('2024-06-20');
  });
});

describe('several dates and document numbers', () => {
  it('finds each date once, in order', () => {
    const all = findDates('Công văn số 1901-CV/BCĐ ngày 11/6/2024 và Kế hoạch số 133/KH-UBND ngày 01/02/2024');
    expect(all.map((d) => d.iso)).toEqual(['2024-06-11', '2024-02-01']);
  });
  it('does not read a document number with a year as a date', () => {
    expect(findDates('Nghị định số 30/2020/NĐ-CP')).toEqual([]);
    expect(findDates('đạt 8/8 chỉ tiêu, 3/7 phiếu')).toEqual([]);
  });
  it('dateAt reads a date right after a position', () => {
    const t = 'Quyết định số 96-QĐ/ĐU ngày 12/03/2024 về việc';
    expect(dateAt(t, t.indexOf(' ngày'))!.iso).toBe('2024-03-12');
    expect(dateAt('30/2020/NĐ-CP (05/03/2020)', 13)!.iso).toBe('2020-03-05');
    expect(dateAt('số 45-TB/BCĐ của Ban chỉ đạo ngày 12/3/2024', 12)).toBeNull();
  });
});

describe('validation', () => {
  it('isValidDate and toIsoDate', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2100, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(toIsoDate(2024, 4, 31)).toBeNull();
    expect(toIsoDate(2024, 4, 30)).toBe('2024-04-30');
  });
});

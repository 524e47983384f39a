import { describe, expect, it } from 'vitest';
import { foldKeepLength, isNearName, nameDistance, nameKey, positionCase, sameName, titleCaseName, unifyTonePlacement } from '../src/document/names.ts';

describe('unifyTonePlacement', () => {
  it.each([
    ['Hoà', 'Hòa'], ['Thuỷ', 'Thủy'], ['Khoẻ', 'Khỏe'], ['hoá', 'hóa'], ['Thuý', 'Thúy'],
    ['Uỷ ban', 'Ủy ban'], ['HOÀ', 'HÒA'], ['Hiệp Hoà', 'Hiệp Hòa'], ['xoà', 'xòa'], ['Tuỳ', 'Tùy'], ['hoạ', 'họa'],
  ])('%s → %s', (old, unified) => {
    expect(unifyTonePlacement(old)).toBe(unified);
    expect(unifyTonePlacement(unified)).toBe(unified);
    expect(unifyTonePlacement(unified, 'last')).toBe(old);
  });

  it('leaves closed syllables, qu-, and other vowels alone', () => {
    for (const w of ['Hoàng', 'hoạch', 'Quý', 'quả', 'Quỳnh', 'Thuận', 'Huế', 'khuyến', 'Thuyền', 'Nguyễn', 'Đông Lỗ', 'Thìn', 'Tuấn']) {
      expect(unifyTonePlacement(w)).toBe(w.normalize('NFC'));
    }
  });

  it('works on NFD input and returns NFC', () => {
    const nfd = 'Hiệp Hoà'.normalize('NFD');
    expect(unifyTonePlacement(nfd)).toBe('Hiệp Hòa');
  });
});

describe('nameKey', () => {
  it('unifies placement, case, spaces, NFC', () => {
    expect(nameKey('  Hiệp   Hoà ')).toBe(nameKey('HIỆP HÒA'));
    expect(nameKey('Đông Lỗ'.normalize('NFD'))).toBe(nameKey('ĐÔNG LỖ'));
    expect(nameKey('Phan Rang - Tháp Chàm')).toBe(nameKey('Phan Rang-Tháp Chàm'));
    expect(nameKey('Ea H’leo')).toBe(nameKey("Ea H'leo"));
    expect(sameName('Thuỷ Xuân', 'Thủy Xuân')).toBe(true);
    expect(sameName('Đông Lỗ', 'Đông Lễ')).toBe(false);
  });
  it('a missing or different vowel mark or letter is another name; placement, NFD and case are not', () => {
    expect(sameName('Yen Dũng', 'Yên Dũng')).toBe(false);
    expect(sameName('Hiệp Hoa', 'Hiệp Hòa')).toBe(false);
    expect(sameName('Bac Giang', 'Bắc Giang')).toBe(false);
    expect(sameName('Dông Lỗ', 'Đông Lỗ')).toBe(false);
    expect(sameName('Tân Ân', 'Tân An')).toBe(false);
    expect(sameName('YÊN DŨNG'.normalize('NFD'), 'Yên Dũng')).toBe(true);
    expect(sameName('THUỶ XUÂN', 'thủy xuân'.normalize('NFD'))).toBe(true);
    expect(sameName('Hiệp Hoà'.normalize('NFD'), 'HIỆP HÒA')).toBe(true);
    // A misspelling is still near its registered name (UNKNOWN_UNIT names it).
    expect(isNearName('Yen Dũng', 'Yên Dũng')).toBe(true);
    expect(isNearName('Bac Giang', 'Bắc Giang')).toBe(true);
  });
});

describe('nameDistance', () => {
  it('a tone mark costs less than a vowel mark, which costs less than a letter', () => {
    expect(nameDistance('Đông Lỗ', 'Đông Lỗ')).toBe(0);
    expect(nameDistance('Hiệp Hoà', 'Hiệp Hòa')).toBe(0);
    const tone = nameDistance('Đông Lễ', 'Đông Lệ');
    const mark = nameDistance('Đông Lê', 'Đông Le');
    const letter = nameDistance('Đông Lễ', 'Đông Lỗ');
    expect(tone).toBeLessThan(mark);
    expect(mark).toBeLessThan(letter);
    expect(letter).toBe(1);
    expect(nameDistance('Đông', 'Dông')).toBe(0.5);
  });
  it('near and far names', () => {
    expect(isNearName('Đông Lễ', 'Đông Lỗ')).toBe(true);
    expect(isNearName('Đong Lỗ', 'Đông Lỗ')).toBe(true);
    expect(isNearName('Đông Lỗ', 'Đoàn Bái')).toBe(false);
    expect(isNearName('Hương Mai', 'Hương Lâm')).toBe(false);
    expect(isNearName('Đông Lỗ', 'Đông')).toBe(false);
    expect(isNearName('Phường 1', 'Phường 2')).toBe(false);
    expect(isNearName('Hoàng Vân', 'Hoàng An')).toBe(false);
  });
});

describe('text helpers', () => {
  it('foldKeepLength keeps indexes', () => {
    const s = 'Đông Lỗ, NGÀY 20 tháng 6';
    const f = foldKeepLength(s);
    expect(f).toBe('dong lo, ngay 20 thang 6');
    expect(f.length).toBe(s.length);
    expect(foldKeepLength('Hoà'.normalize('NFD')).length).toBe('Hoà'.normalize('NFD').length);
  });
  it('titleCaseName and positionCase', () => {
    expect(titleCaseName('ĐÔNG LỖ')).toBe('Đông Lỗ');
    expect(titleCaseName('TRẦN VĂN THÌN')).toBe('Trần Văn Thìn');
    expect(positionCase('PHÓ CHỦ TỊCH')).toBe('Phó Chủ tịch');
    expect(positionCase('CHỦ TỊCH')).toBe('Chủ tịch');
    expect(positionCase('BÍ THƯ')).toBe('Bí thư');
    expect(positionCase('PHÓ BÍ THƯ')).toBe('Phó Bí thư');
    expect(positionCase('CHỦ TỊCH UBND')).toBe('Chủ tịch UBND');
  });
});

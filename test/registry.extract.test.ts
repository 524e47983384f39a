// Extraction checks each report against the list in force on its date (its date of issue, else the
// end of its period): reports of each list's time, a unit that no longer existed (UNIT_SUCCEEDED with
// what carries it on), a split unit, and a code that names two units.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse/text.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { extract } from '../extractors/index.ts';

const registry = loadRegistry();
const T = (...lines: string[]) => parseText(lines.join('\n'));

/** A short report: issuing body, number and date line, title, one sentence naming the unit. */
function report(o: { body: string; place: string; date: string; title: string; text: string }) {
  return T(
    `${o.body}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    '\tĐộc lập - Tự do - Hạnh phúc',
    `Số: 21/BC-UBND\t${o.place}, ${o.date}`,
    'BÁO CÁO',
    o.title,
    o.text,
    'Dân số toàn xã là 9.870 người.',
  );
}

const unitFlags = (r: ReturnType<typeof extract>) => r.flags.filter((f) => f.code === 'UNKNOWN_UNIT' || f.code === 'UNIT_SUCCEEDED');

describe('a report of each list\'s time', () => {
  it('June 2024 (before the first list: the list of 1 Nov 2024 stands in)', () => {
    const r = extract(report({
      body: 'UBND XÃ ĐÔNG LỖ', place: 'Đông Lỗ', date: 'ngày 20 tháng 6 năm 2024',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2024',
      text: 'UBND xã Đông Lỗ, huyện Hiệp Hòa báo cáo kết quả như sau.',
    }), { registry });
    expect(r.fields.unit).toEqual({ commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect(unitFlags(r)).toEqual([]);
    expect(r.unitCode).toBe('07879');
  });
  it('December 2024 (the gap): a unit merged away on 1 Jan 2025 still existed', () => {
    const r = extract(report({
      body: 'UBND XÃ ĐỒNG TÂN', place: 'Đồng Tân', date: 'ngày 16 tháng 12 năm 2024',
      title: 'Kết quả xây dựng chính quyền thân thiện năm 2024',
      text: 'UBND xã Đồng Tân, huyện Hiệp Hòa, tỉnh Bắc Giang báo cáo kết quả như sau.',
    }), { registry });
    expect(r.fields.unit).toMatchObject({ commune: 'Đồng Tân', district: 'Hiệp Hòa' });
    expect(unitFlags(r)).toEqual([]);
    expect(r.unitCode).not.toBeNull();
  });
  it('January 2025: a year-2024 report of a unit merged on 1 Jan 2025 — information, no mapping known', () => {
    const r = extract(report({
      body: 'UBND XÃ HOÀNG AN', place: 'Hoàng An', date: 'ngày 10 tháng 01 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện năm 2024',
      text: 'UBND xã Hoàng An, huyện Hiệp Hòa báo cáo kết quả năm 2024 như sau.',
    }), { registry });
    expect(r.fields.unit).toMatchObject({ commune: 'Hoàng An', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    const flags = unitFlags(r);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'UNIT_SUCCEEDED', severity: 'info' });
    expect(flags[0]!.message).toContain('không còn tại ngày 10/01/2025');
    expect(flags[0]!.message).toContain('không còn từ 01/01/2025 (đã sáp nhập; danh mục không ghi đơn vị tiếp nhận)');
    expect(r.unitCode).toBeNull(); // its code means nothing at the report's date
  });
  it('March 2025: the list of 1 Mar 2025', () => {
    const r = extract(report({
      body: 'UBND THỊ TRẤN THẮNG', place: 'Thắng', date: 'ngày 25 tháng 3 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện quý I năm 2025',
      text: 'UBND thị trấn Thắng, huyện Hiệp Hòa báo cáo như sau.',
    }), { registry });
    expect(r.fields.unit).toEqual({ commune: 'Thắng', communeKind: 'thị trấn', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect(unitFlags(r)).toEqual([]);
    expect(r.unitCode).toBe('07840');
  });
  it('June 2025: a unit merged away on 1 Jan 2025 did not exist in its period — a warning', () => {
    const r = extract(report({
      body: 'UBND XÃ HÒA SƠN', place: 'Hòa Sơn', date: 'ngày 20 tháng 6 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2025',
      text: 'UBND xã Hòa Sơn, huyện Hiệp Hòa báo cáo như sau.',
    }), { registry });
    expect(r.fields.unit).toMatchObject({ commune: 'Hòa Sơn', district: 'Hiệp Hòa' });
    expect(unitFlags(r).map((f) => [f.code, f.severity])).toEqual([['UNIT_SUCCEEDED', 'warning']]);
  });
  it('December 2025: a xã of the two-level list, with its province and no district', () => {
    const r = extract(report({
      body: 'UBND XÃ HIỆP HÒA', place: 'Hiệp Hòa', date: 'ngày 15 tháng 12 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng cuối năm 2025',
      text: 'Xã Hiệp Hòa, tỉnh Bắc Ninh được thành lập trên cơ sở sắp xếp các đơn vị hành chính cấp xã từ ngày 01/7/2025.',
    }), { registry });
    expect(r.fields.period).toBe('2025-H2');
    expect(r.fields.unit).toEqual({ commune: 'Hiệp Hòa', communeKind: 'xã', district: null, province: 'Bắc Ninh' });
    expect(unitFlags(r)).toEqual([]);
    // The same code as thị trấn Thắng's in March (above): another unit, told apart by the date.
    expect(r.unitCode).toBe('07840');
  });
});

describe('UNIT_SUCCEEDED', () => {
  it('a 2025 whole-year report from xã Đông Lỗ: merged into xã Hiệp Hòa, tỉnh Bắc Ninh, from 1 Jul 2025', () => {
    const r = extract(report({
      body: 'UBND XÃ ĐÔNG LỖ', place: 'Đông Lỗ', date: 'ngày 20 tháng 12 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện năm 2025',
      text: 'UBND xã Đông Lỗ, huyện Hiệp Hòa, tỉnh Bắc Giang báo cáo kết quả năm 2025 như sau.',
    }), { registry });
    // The report is read as written…
    expect(r.fields.unit).toEqual({ commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    // …and told that the unit no longer existed, and who carries it on; it is not an unknown unit.
    const flags = unitFlags(r);
    expect(flags.map((f) => f.code)).toEqual(['UNIT_SUCCEEDED']);
    expect(flags[0]!.severity).toBe('warning');
    expect(flags[0]!.message).toBe(
      'xã Đông Lỗ, huyện Hiệp Hòa, tỉnh Bắc Giang (mã 07879) không còn tại ngày 20/12/2025 của báo cáo: ' +
        'từ 01/07/2025 do xã Hiệp Hòa, tỉnh Bắc Ninh (mã 07840) kế thừa',
    );
    expect(flags[0]!.evidence.some((e) => e.includes('Đông Lỗ'))).toBe(true);
    expect(r.unitCode).toBeNull();
  });
  it('a unit split over two new units names both, and says the figures do not compare', () => {
    const r = extract(report({
      body: 'UBND PHƯỜNG CỐNG VỊ', place: 'Hà Nội', date: 'ngày 10 tháng 12 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng cuối năm 2025',
      text: 'UBND phường Cống Vị, quận Ba Đình, thành phố Hà Nội báo cáo như sau.',
    }), { registry });
    expect(r.fields.unit).toMatchObject({ commune: 'Cống Vị', communeKind: 'phường', district: 'Ba Đình', province: 'Hà Nội' });
    const flags = unitFlags(r);
    expect(flags.map((f) => f.code)).toEqual(['UNIT_SUCCEEDED']);
    expect(flags[0]!.message).toContain('được chia cho: ');
    expect(flags[0]!.message).toContain('phường Ngọc Hà, thành phố Hà Nội (mã 00008)');
    expect(flags[0]!.message).toContain('phường Giảng Võ, thành phố Hà Nội (mã 00025)');
    expect(flags[0]!.message).toContain('số liệu không so sánh trực tiếp được');
  });
  it('the same unit under its former kind and dissolved district: thị trấn Tân An, huyện Yên Dũng in June 2025', () => {
    const r = extract(report({
      body: 'UBND THỊ TRẤN TÂN AN', place: 'Tân An', date: 'ngày 24 tháng 6 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2025',
      text: 'UBND thị trấn Tân An, huyện Yên Dũng, tỉnh Bắc Giang báo cáo như sau.',
    }), { registry });
    expect(r.fields.unit).toEqual({ commune: 'Tân An', communeKind: 'thị trấn', district: 'Yên Dũng', province: 'Bắc Giang' });
    const flags = unitFlags(r);
    expect(flags.map((f) => [f.code, f.severity])).toEqual([['UNIT_SUCCEEDED', 'info']]);
    expect(flags[0]!.message).toBe(
      'thị trấn Tân An, huyện Yên Dũng, tỉnh Bắc Giang (mã 07682): tên cũ tại ngày 24/06/2025 của báo cáo — ' +
        'từ 01/01/2025 là phường Tân An, thành phố Bắc Giang, tỉnh Bắc Giang (mã 07682)',
    );
  });
  it('a misspelt dissolved district is unknown, and the suggestion names the former district', () => {
    // Xã Tư Mại moved from huyện Yên Dũng to thành phố Bắc Giang on 1 Jan 2025; the report misspells
    // the district it still names.
    const r = extract(report({
      body: 'UBND XÃ TƯ MẠI', place: 'Tư Mại', date: 'ngày 20 tháng 6 năm 2025',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2025',
      text: 'UBND xã Tư Mại, huyện Yen Dũng, tỉnh Bắc Giang báo cáo như sau.',
    }), { registry });
    expect(r.fields.unit).toEqual({ commune: 'Tư Mại', communeKind: 'xã', district: 'Yen Dũng', province: 'Bắc Giang' });
    const unknown = r.flags.filter((f) => f.code === 'UNKNOWN_UNIT');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toContain("'Yen Dũng'");
    expect(unknown[0]!.message).toContain('tên gần nhất: huyện Yên Dũng (tên cũ, trong danh mục 01/11/2024)');
  });
});

describe('a former name without its district or province', () => {
  it('names every former unit of that name and what carries each on; the table places it nowhere', async () => {
    const { checkUnitSucceeded } = await import('../extractors/checks/unit-succeeded.ts');
    const { placeReport } = await import('../src/consolidate/scope.ts');
    const { emptyFields } = await import('../src/contract.ts');
    const fields = emptyFields();
    fields.unit = { commune: 'Đông Lỗ', communeKind: 'xã', district: null, province: null };
    fields.period = '2025-H2';
    const dated = registry.at('2025-12-10');
    const flags = checkUnitSucceeded({ doc: T('BÁO CÁO'), fields, provenance: {}, ctx: { registry: dated } });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('trước đây có 2 đơn vị tên này');
    expect(flags[0]!.message).toContain('xã Hiệp Hòa, tỉnh Bắc Ninh (mã 07840)');
    expect(flags[0]!.message).toContain('xã Ứng Hòa, thành phố Hà Nội (mã 10402)');
    expect(placeReport(dated, fields.unit)).toMatchObject({ unit: null, carriedBy: [] });
  });
});

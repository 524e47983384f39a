import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse/text.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { extractDocument, findDateLine, findNumberLine, findSigner, findTitle, parseNumberLine } from '../extractors/document.ts';
import { extractUnit } from '../extractors/unit.ts';
import { extractPeriod } from '../extractors/period.ts';
import { extractReferences, referencesIn } from '../extractors/references.ts';
import { classify, extract } from '../extractors/index.ts';

const registry = loadRegistry();
const T = (...lines: string[]) => parseText(lines.join('\n'));

/** A report in Word's layout: header and signature as 2-column tables. */
const WORD = T(
  'UBND HUYỆN HIỆP HOÀ\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'UBND XÃ HOÀNG VÂN\tĐộc lập - Tự do - Hạnh phúc',
  'Số: 125/BC-UBND\tHoàng Vân, ngày 05 tháng 7 năm 2024',
  '',
  'BÁO CÁO',
  'Kết quả xây dựng mô hình "Chính quyền thân thiện, vì Nhân dân phục vụ"',
  '6 tháng đầu năm 2024',
  '',
  'Căn cứ Kế hoạch số 133/KH-UBND ngày 01/02/2024 của UBND huyện Hiệp Hoà; Nghị định 30/2020/NĐ-CP (05/03/2020) của Chính phủ.',
  'I. ĐẶC ĐIỂM TÌNH HÌNH',
  'Xã Hoàng Vân nằm ở phía Bắc huyện Hiệp Hoà, phía Nam giáp xã Hoàng Lương, phía Tây giáp thị trấn Thắng và xã Trung Sơn, huyện Việt Yên, tỉnh Bắc Giang.',
  'II. KẾT QUẢ XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN',
  'UBND xã Hoàng Vân đăng ký đạt chuẩn chính quyền thân thiện 4 sao theo Quyết định số 710/QĐ-UBND của Chủ tịch UBND tỉnh.',
  'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
  '- UBND huyện;\tCHỦ TỊCH',
  '- Lưu: VT.\t',
  '\t(Đã ký)',
  '\tNGUYỄN VĂN AN',
);

describe('document number', () => {
  it.each([
    ['Số: 125/BC-UBND', '125/BC-UBND', false],
    ['Số:125/BC-UBND', '125/BC-UBND', false],
    ['Số: 05/BC-UBND', '05/BC-UBND', false],
    ['Số: 125 /BC-UBND', '125/BC-UBND', false],
    ['Số: 12-BC/ĐU', '12-BC/ĐU', false],
    ['Số 125/BC-UBND', '125/BC-UBND', false],
    ['Số: 45/BC-BCĐ Đông Lỗ, ngày 20 tháng 6 năm 2024', '45/BC-BCĐ', false],
    ['Số: /BC-UBND', null, true],
    ['Số:    /BC-UBND', null, true],
    ['Số: …/BC-UBND', null, true],
    ['Số: ......./BC-UBND', null, true],
    ['Số:       -BC/ĐU', null, true],
    ['Số:', null, true],
  ])('%s', (line, number, blank) => {
    expect(parseNumberLine(line)).toMatchObject({ number, blank });
  });
  it('is not read from other lines', () => {
    expect(parseNumberLine('Số liệu tính từ tháng 01/2024 đến nay')).toBeNull();
    expect(parseNumberLine('Số lượng thành viên')).toBeNull();
  });
  it('is read from a header table cell', () => {
    expect(findNumberLine(WORD)).toMatchObject({ number: '125/BC-UBND', blank: false });
    expect(extractDocument(WORD).fields.document?.number).toBe('125/BC-UBND');
  });
  it('a blank number gives null', () => {
    const d = T('Số: /BC-UBND', 'Đông Lỗ, ngày 20 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024');
    expect(extractDocument(d).fields.document?.number).toBeUndefined();
    expect(findNumberLine(d)?.blank).toBe(true);
  });
});

describe('date of issue', () => {
  it('from the place-and-date line, in a paragraph or a header cell', () => {
    expect(extractDocument(WORD).fields.document?.date).toBe('2024-07-05');
    const d = T('UBND XÃ ĐÔNG LỖ', 'Số: 125/BC-UBND', 'Đông Lỗ, ngày 20 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024');
    expect(extractDocument(d).fields.document?.date).toBe('2024-06-20');
    expect(findDateLine(d)?.place).toBe('Đông Lỗ');
  });
  it('a short date and a date on the number line (PDF text)', () => {
    const d = T('Số: 125/BC-UBND Thị trấn Thắng, ngày 5/7/2024', 'BÁO CÁO', 'Kết quả năm 2024');
    expect(extractDocument(d).fields.document?.date).toBe('2024-07-05');
  });
  it('a blank day gives null', () => {
    const d = T('Số: /BC-UBND', 'Đông Lỗ, ngày  tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024');
    expect(extractDocument(d).fields.document?.date).toBeUndefined();
    expect(findDateLine(d)?.date?.dayBlank).toBe(true);
  });
  it('a date cut by a narrow header column is read with the next line', () => {
    const d = T('UBND XÃ ĐÔNG SƠN\tCỘNG HOÀ XÃ HỘI CHỦ', '\tNGHĨA VIỆT NAM', 'Số: /BC-UBND\t', '\tĐông Sơn, ngày 05 tháng 12', '\tnăm 2024', 'BÁO CÁO', 'Kết quả năm 2024');
    expect(extractDocument(d).fields.document?.date).toBe('2024-12-05');
    expect(findDateLine(d)?.quote).toBe('Đông Sơn, ngày 05 tháng 12 năm 2024');
  });
  it('number and date on one line (two header columns run together)', () => {
    const d = T('UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ SONG VÂN Độc lập - Tự do - Hạnh phúc', 'Số: /BC-UBND Song Vân, ngày tháng 6 năm 2025', 'BÁO CÁO', 'Kết quả năm 2025', 'Thực hiện Công văn của UBND huyện Tân Yên.');
    expect(findNumberLine(d)).toMatchObject({ number: null, blank: true, quote: 'Số: /BC-UBND' });
    expect(findDateLine(d)).toMatchObject({ place: 'Song Vân', quote: 'Song Vân, ngày tháng 6 năm 2025' });
    expect(extractUnit(d, { registry }).fields.unit).toMatchObject({ commune: 'Song Vân', communeKind: 'xã', province: 'Bắc Giang' });
  });
  it('dates in the body are not the date of issue', () => {
    const d = T('UBND XÃ ĐÔNG LỖ', 'BÁO CÁO', 'Kết quả năm 2024', 'Thực hiện Công văn số 1901-CV/BCĐ ngày 11/6/2024 của Ban chỉ đạo.');
    expect(extractDocument(d).fields.document?.date).toBeUndefined();
  });
});

describe('title', () => {
  it('the summary lines under BÁO CÁO, joined', () => {
    expect(findTitle(WORD)).toMatchObject({ word: 'BÁO CÁO', title: 'Kết quả xây dựng mô hình "Chính quyền thân thiện, vì Nhân dân phục vụ" 6 tháng đầu năm 2024' });
  });
  it('a summary that goes on after a line ending with ";" (the structure stops its title region there)', () => {
    const d = parseText('UBND XÃ A\nBÁO CÁO\nKết quả xây dựng mô hình “Chính quyền thân thiện” 6 tháng đầu năm 2024;\nphương hướng, nhiệm vụ 6 tháng cuối năm 2024\nThực hiện Công văn số 1/UBND.');
    expect(findTitle(d).title).toBe('Kết quả xây dựng mô hình “Chính quyền thân thiện” 6 tháng đầu năm 2024; phương hướng, nhiệm vụ 6 tháng cuối năm 2024');
  });
  it('BÁO CÁO in a header table cell, the summary under the table', () => {
    const d = T('UBND PHƯỜNG XƯƠNG GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: /BC-UBND\tXương Giang, ngày tháng 6 năm 2024', '\tBÁO CÁO', 'Sơ kết 6 tháng đầu năm 2024 xây dựng chính quyền thân thiện, vì Nhân dân phục vụ', 'Thực hiện Công văn số 2649/UBND-NV ngày 31/05/2024 của UBND thành phố Bắc Giang.', 'I. ĐẶC ĐIỂM');
    expect(findTitle(d)).toMatchObject({ word: 'BÁO CÁO', title: 'Sơ kết 6 tháng đầu năm 2024 xây dựng chính quyền thân thiện, vì Nhân dân phục vụ' });
    expect(classify(d).kind).toBe('report');
    expect(extractUnit(d, { registry }).fields.unit).toEqual({ commune: 'Xương Giang', communeKind: 'phường', district: 'Bắc Giang', province: 'Bắc Giang' });
    expect(extractPeriod(d).fields.period).toBe('2024-H1');
  });
  it('BÁO CÁO on the same line as the summary', () => {
    const d = T('UBND XÃ ĐÔNG LỖ', 'BÁO CÁO Kết quả xây dựng chính quyền thân thiện năm 2024', 'I. ĐẶC ĐIỂM');
    expect(findTitle(d).title).toBe('Kết quả xây dựng chính quyền thân thiện năm 2024');
  });
  it('the document type of other documents', () => {
    expect(findTitle(T('UBND XÃ ĐÔNG LỖ', 'GIẤY MỜI', 'Dự hội nghị')).word).toBe('GIẤY MỜI');
  });
});

describe('signer', () => {
  it('KT. CHỦ TỊCH / PHÓ CHỦ TỊCH → the deputy', () => {
    const d = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Thìn');
    expect(findSigner(d)).toMatchObject({ name: 'Trần Văn Thìn', position: 'Phó Chủ tịch' });
  });
  it('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH in a 2-column table, the name in capitals after (Đã ký)', () => {
    expect(findSigner(WORD)).toMatchObject({ name: 'Nguyễn Văn An', position: 'Chủ tịch' });
  });
  it('TM. BAN CHỈ ĐẠO / TRƯỞNG BAN; a signer without authority prefix', () => {
    const a = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu.', 'TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN', '', 'Nguyễn Thị Thu Hà');
    expect(findSigner(a)).toMatchObject({ name: 'Nguyễn Thị Thu Hà', position: 'Trưởng ban' });
    const b = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu.', 'CHỦ TỊCH', 'Lê Văn Bình');
    expect(findSigner(b)).toMatchObject({ name: 'Lê Văn Bình', position: 'Chủ tịch' });
  });
  it('Q. CHỦ TỊCH is the acting chair; TM. alone names no position', () => {
    const q = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu.', 'Q. CHỦ TỊCH', 'Hoàng Văn Cường');
    expect(findSigner(q)).toMatchObject({ name: 'Hoàng Văn Cường', position: 'Quyền Chủ tịch' });
    const tm = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu.', 'TM. ỦY BAN NHÂN DÂN', 'Hoàng Văn Cường');
    expect(findSigner(tm)).toMatchObject({ name: 'Hoàng Văn Cường', position: null });
  });
  it('emphasis marks left by a text export do not stick to the position', () => {
    const d = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu VT.', '**KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH**', 'Trần Văn Thìn');
    expect(findSigner(d)).toMatchObject({ name: 'Trần Văn Thìn', position: 'Phó Chủ tịch' });
  });
  it('authority and office on one line (PDF text), the name in capitals', () => {
    const d = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu VT.', 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH', 'TRẦN VĂN THÌN');
    expect(findSigner(d)).toMatchObject({ name: 'Trần Văn Thìn', position: 'Phó Chủ tịch' });
  });
  it('a signature table whose name sits in a row of its own', () => {
    const d = T('BÁO CÁO', 'Kết quả năm 2024', 'I. A', 'Nội dung.', 'Nơi nhận:\tKT. CHỦ TỊCH', '- Như trên;\tPHÓ CHỦ TỊCH', '- Lưu: VT.\t', '\tĐỗ Thị Mai');
    expect(findSigner(d)).toMatchObject({ name: 'Đỗ Thị Mai', position: 'Phó Chủ tịch' });
  });
});

describe('unit', () => {
  const unit = (d: ReturnType<typeof T>, withRegistry = true) => extractUnit(d, withRegistry ? { registry } : {}).fields.unit;

  it('from the header issuing body in capitals, in the registry spelling; district and province from the registry', () => {
    expect(unit(WORD)).toEqual({ commune: 'Hoàng Vân', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
  });
  it('neighbours and their districts are not the own unit', () => {
    const d = T(
      'BÁO CÁO',
      'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2024',
      'UBND xã Mai Đình báo cáo như sau:',
      'Xã Mai Đình phía Đông giáp xã Hương Mai, xã Trung Sơn (huyện Việt Yên); phía Nam giáp xã Dũng Liệt, huyện Yên Phong, tỉnh Bắc Ninh.',
      'Đảng ủy xã Mai Đình lãnh đạo. Ban chỉ đạo huyện Hiệp Hòa hướng dẫn; UBND xã Mai Đình thực hiện.',
    );
    expect(unit(d)).toEqual({ commune: 'Mai Đình', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
  });
  it('a phường of a thành phố and a thị trấn', () => {
    const p = T('UBND THÀNH PHỐ BẮC GIANG', 'UBND PHƯỜNG TRẦN PHÚ', 'Số: 10/BC-UBND', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024');
    expect(unit(p)).toEqual({ commune: 'Trần Phú', communeKind: 'phường', district: 'Bắc Giang', province: 'Bắc Giang' });
    const t = T('UBND HUYỆN HIỆP HÒA', 'UBND THỊ TRẤN THẮNG', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024');
    expect(unit(t)).toEqual({ commune: 'Thắng', communeKind: 'thị trấn', district: 'Hiệp Hòa', province: 'Bắc Giang' });
  });
  it('an issuing body over two lines of a narrow column', () => {
    const d = T('UBND XÃ LƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHONG\tĐộc lập - Tự do - Hạnh phúc', 'Số: /BC-UBND\tLương Phong, ngày tháng 6 năm 2025', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2025', 'Thực hiện Công văn số 943/UBND-NV của UBND huyện Hiệp Hòa.');
    expect(unit(d)).toEqual({ commune: 'Lương Phong', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    const e = T('ỦY BAN NHÂN DÂN\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ THÁI SƠN Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả năm 2024', 'Ban chỉ đạo huyện Hiệp Hòa hướng dẫn.');
    expect(unit(e)).toMatchObject({ commune: 'Thái Sơn', district: 'Hiệp Hòa' });
  });
  it('a name in capitals in the title, cut at the period words', () => {
    const d = T('BÁO CÁO', 'KẾT QUẢ XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN XÃ ĐÔNG LỖ NĂM 2024', 'Ban chỉ đạo huyện Hiệp Hòa chỉ đạo.');
    expect(unit(d)).toMatchObject({ commune: 'Đông Lỗ', district: 'Hiệp Hòa', province: 'Bắc Giang' });
  });
  it('the same name in two districts: the district named in the text decides', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ năm 2024', 'Đông Lỗ là xã thuần nông của huyện Ứng Hòa.');
    expect(unit(d)).toEqual({ commune: 'Đông Lỗ', communeKind: 'xã', district: 'Ứng Hòa', province: 'Hà Nội' });
  });
  it('the commune in the body only ("X là xã", "UBND xã X")', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'Hoàng An là xã miền núi của huyện Hiệp Hòa, phía Bắc giáp xã Hoàng Vân.', 'UBND xã Hoàng An đã triển khai.');
    expect(unit(d)).toMatchObject({ commune: 'Hoàng An', district: 'Hiệp Hòa' });
  });
  it('a commune not in the registry keeps the report spelling; the province only when the district tells it', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Đông Lễ năm 2024', 'Đông Lễ là xã của huyện Hiệp Hòa.');
    expect(unit(d)).toEqual({ commune: 'Đông Lễ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect(extractUnit(d, { registry }).provenance['unit.province']?.quote).toContain('huyện Hiệp Hòa, tỉnh Bắc Giang');
    // A district name found in several provinces tells none.
    const e = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Xyz năm 2024', 'Xyz là xã của huyện Vĩnh Bảo.');
    expect(registry.findDistricts('Vĩnh Bảo').length).toBe(1);
    const f = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Xyz năm 2024', 'Xyz là xã của huyện Châu Thành.');
    expect(registry.findDistricts('Châu Thành').length).toBeGreaterThan(1);
    expect(unit(f)).toEqual({ commune: 'Xyz', communeKind: 'xã', district: 'Châu Thành' });
    expect(unit(e)).toMatchObject({ province: 'Hải Phòng' });
    expect(unit(d, false)).toEqual({ commune: 'Đông Lễ', communeKind: 'xã', district: 'Hiệp Hòa' });
  });
  it('the province of the text when it goes with the district', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Đông Lễ năm 2024', 'Đông Lễ là xã của huyện Hiệp Hòa, tỉnh Bắc Giang.');
    expect(unit(d)).toMatchObject({ commune: 'Đông Lễ', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect(unit(d, false)).toMatchObject({ commune: 'Đông Lễ', district: 'Hiệp Hòa', province: 'Bắc Giang' });
  });
  it('"CỘNG HÒA XÃ HỘI CHỦ NGHĨA" is not a commune; "thị xã" is a district', () => {
    const d = T('UBND THỊ XÃ VIỆT YÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'UBND XÃ TRUNG SƠN\tĐộc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024');
    expect(unit(d)).toMatchObject({ commune: 'Trung Sơn', communeKind: 'xã', district: 'Việt Yên', province: 'Bắc Giang' });
  });
  it('the place of the date line, when it is a commune of a district the text names', () => {
    const d = T('Số: 12/BC-UBND', 'Mai Đình, ngày 20 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'Thực hiện Kế hoạch của UBND huyện Hiệp Hòa.');
    expect(unit(d)).toEqual({ commune: 'Mai Đình', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    // 'Hiệp Hòa, ngày …' is the district's place, not a commune (there are xã Hiệp Hòa elsewhere).
    const e = T('Số: 12/BC-UBND', 'Hiệp Hòa, ngày 20 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'Thực hiện Kế hoạch của UBND huyện Hiệp Hòa.');
    expect(unit(e)!.commune).toBeUndefined();
  });
  it('a district misspelt throughout (a missing vowel mark) keeps the report spelling, from the text, and is flagged', () => {
    const d = T(
      'UBND HUYỆN YEN DŨNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND THỊ TRẤN TÂN AN\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 55/BC-UBND\tTân An, ngày 24 tháng 6 năm 2025',
      'BÁO CÁO',
      'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2025',
      'Thực hiện Kế hoạch của Ban chỉ đạo huyện Yen Dũng; thị trấn Tân An, huyện Yen Dũng, tỉnh Bắc Giang báo cáo như sau:',
    );
    const r = extractUnit(d, { registry });
    expect(r.fields.unit).toEqual({ commune: 'Tân An', communeKind: 'thị trấn', district: 'Yen Dũng', province: 'Bắc Giang' });
    expect(r.provenance['unit.district']?.section).not.toMatch(/registry/);
    expect(r.provenance['unit.district']?.quote).toMatch(/YEN DŨNG|Yen Dũng/);
    const flags = extract(d, { registry }).flags.filter((f) => f.code === 'UNKNOWN_UNIT');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain("'Yen Dũng'");
    expect(flags[0]!.message).toContain('huyện Yên Dũng');
  });
  it('the same report in the registry spelling (NFD, other case, either tone placement) gets canonical names and no flag', () => {
    const d = T(
      'UBND HUYỆN YÊN DŨNG\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND THỊ TRẤN TÂN AN\tĐộc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2025',
      'Thị trấn Tân An, huyện yên dũng, tỉnh Bắc Giang báo cáo như sau:'.normalize('NFD'),
    );
    expect(extractUnit(d, { registry }).fields.unit).toEqual({ commune: 'Tân An', communeKind: 'thị trấn', district: 'Yên Dũng', province: 'Bắc Giang' });
    expect(extract(d, { registry }).flags.filter((f) => f.code === 'UNKNOWN_UNIT')).toEqual([]);
  });
  it('the province inferred from the registry when only commune and district are stated', () => {
    const d = T('UBND HUYỆN YÊN DŨNG', 'UBND THỊ TRẤN TÂN AN', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024');
    const r = extractUnit(d, { registry });
    expect(r.fields.unit).toEqual({ commune: 'Tân An', communeKind: 'thị trấn', district: 'Yên Dũng', province: 'Bắc Giang' });
    expect(r.provenance['unit.province']?.section).toMatch(/registry/);
    expect(extract(d, { registry }).flags.filter((f) => f.code === 'UNKNOWN_UNIT')).toEqual([]);
  });
  it('a misspelt province keeps the report spelling and is flagged; its commune and district are not', () => {
    const d = T('UBND HUYỆN HIỆP HÒA', 'UBND XÃ ĐÔNG LỖ', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'Đông Lỗ là xã của huyện Hiệp Hòa, tỉnh Bac Giang.');
    expect(extractUnit(d, { registry }).fields.unit).toEqual({ commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bac Giang' });
    const flags = extract(d, { registry }).flags.filter((f) => f.code === 'UNKNOWN_UNIT');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('tỉnh Bắc Giang');
  });
  it('a commune with a missing vowel mark keeps the report spelling and is flagged', () => {
    const d = T('UBND HUYỆN HIỆP HÒA', 'UBND XÃ ĐONG LỖ', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024');
    expect(extractUnit(d, { registry }).fields.unit).toEqual({ commune: 'Đong Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
    const flags = extract(d, { registry }).flags.filter((f) => f.code === 'UNKNOWN_UNIT');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('xã Đông Lỗ');
  });
  it('a commune found through its province: another, registered district named in the text is not taken for a misspelling', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện thị trấn Tân An năm 2024', 'UBND thị trấn Tân An, tỉnh Bắc Giang báo cáo. Phía Bắc giáp huyện Lạng Giang.');
    expect(extractUnit(d, { registry }).fields.unit).toEqual({ commune: 'Tân An', communeKind: 'thị trấn', district: 'Yên Dũng', province: 'Bắc Giang' });
  });
  it('gives provenance', () => {
    const r = extractUnit(WORD, { registry });
    expect(r.provenance['unit.commune']?.quote).toContain('HOÀNG VÂN');
    expect(r.provenance['unit.province']?.section).toMatch(/registry|I/);
  });
});

describe('period', () => {
  it('from the title', () => {
    expect(extractPeriod(WORD)).toMatchObject({ fields: { period: '2024-H1' }, provenance: { period: { section: 'title' } } });
  });
  it('from the body when the title has none; the year of the date line when the text has none', () => {
    const d = T('Số: 01/BC-UBND', 'Đông Lỗ, ngày 25 tháng 9 năm 2024', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện', 'UBND xã Đông Lỗ báo cáo kết quả 9 tháng đầu năm như sau:');
    expect(extractPeriod(d).fields.period).toBe('2024-9M');
  });
  it('from an annex title as the last resort', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện', 'I. CHUNG', 'Nội dung.', 'Nơi nhận:', '- Lưu.', 'CHỦ TỊCH', 'Lê Văn Bình', 'BIỂU TỔNG HỢP', 'Kết quả quý III năm 2024');
    expect(extractPeriod(d).fields.period).toBe('2024-Q3');
  });
});

describe('references', () => {
  it.each([
    ['Thực hiện Công văn số 1901-CV/BCĐ ngày 11/6/2024 của Ban chỉ đạo', '1901-CV/BCĐ', '2024-06-11'],
    ['Quyết định số 96-QĐ/ĐU ngày 12/03/2024 về việc', '96-QĐ/ĐU', '2024-03-12'],
    ['Kế hoạch số 133/KH-UBND ngày 01/02/2024', '133/KH-UBND', '2024-02-01'],
    ['Thông báo số 45-TB/BCĐ ngày 12/3/2024', '45-TB/BCĐ', '2024-03-12'],
    ['theo Nghị định 30/2020/NĐ-CP', '30/2020/NĐ-CP', null],
    ['theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020', '30/2020/NĐ-CP', '2020-03-05'],
    ['Chỉ thị số 15/CT-TTg của Thủ tướng', '15/CT-TTg', null],
    ['Nghị quyết số 1191/NQ-UBTVQH15', '1191/NQ-UBTVQH15', null],
    ['KẾ HOẠCH SỐ 20/KH-UBND NGÀY 5/1/2024', '20/KH-UBND', '2024-01-05'],
    ['văn bản số 123/UBND-VP ngày 3/4/2024', '123/UBND-VP', '2024-04-03'],
    ['Thông tư 01/2021/TT-BNV', '01/2021/TT-BNV', null],
  ])('%s', (text, number, date) => {
    expect(referencesIn(text)[0]).toMatchObject({ number, date });
  });
  it('no false references', () => {
    expect(referencesIn('đạt 8/8 chỉ tiêu; 3/7 phiếu khảo sát; ngày 11/6/2024; Phòng Nội vụ (b/c); số 1 - Trung tâm')).toEqual([]);
  });
  it('unique by number, in order of first appearance, the report number excluded', () => {
    const d = T(
      'Số: 125/BC-UBND',
      'BÁO CÁO',
      'Kết quả năm 2024',
      'Thực hiện Công văn số 1901-CV/BCĐ của Ban chỉ đạo; Kế hoạch số 133/KH-UBND ngày 01/02/2024.',
      'Theo Công văn số 1901-CV/BCĐ ngày 11/6/2024 và Báo cáo số 125/BC-UBND.',
      'TT\tSố, kí hiệu, tên văn bản\tNgày ban hành',
      '1\tQuyết định số 710/QĐ-UBND\t17/4/2024',
    );
    expect(extractReferences(d).fields.references).toEqual([
      { number: '1901-CV/BCĐ', date: '2024-06-11' },
      { number: '133/KH-UBND', date: '2024-02-01' },
      { number: '710/QĐ-UBND', date: '2024-04-17' },
    ]);
  });
});

describe('not a report', () => {
  it('other document types', () => {
    const d = T('UBND XÃ ĐÔNG LỖ', 'Số: 12/GM-UBND', 'GIẤY MỜI', 'Dự hội nghị sơ kết chính quyền thân thiện 6 tháng đầu năm 2024', 'Thời gian: 8 giờ ngày 20/6/2024.');
    expect(classify(d)).toEqual({ kind: 'not_a_report', reason: expect.stringContaining('giấy mời') });
    const r = extract(d, { registry });
    expect(r.kind).toBe('not_a_report');
    expect(r.fields.unit.commune).toBeNull();
    expect(r.fields.document.number).toBeNull();
    expect(r.flags).toEqual([]);
    const k = T('UBND XÃ ĐÔNG LỖ', 'KẾ HOẠCH', 'Xây dựng chính quyền thân thiện năm 2024', 'I. MỤC ĐÍCH');
    expect(classify(k).kind).toBe('not_a_report');
    const b = T('UBND XÃ ĐÔNG LỖ', 'BIÊN BẢN', 'Họp Ban chỉ đạo');
    expect(classify(b).kind).toBe('not_a_report');
  });
  it('a report about something else', () => {
    const d = T('UBND XÃ ĐÔNG LỖ', 'BÁO CÁO', 'Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024', 'I. KẾT QUẢ', 'Thực hiện tốt cải cách hành chính.');
    expect(classify(d)).toEqual({ kind: 'not_a_report', reason: expect.stringContaining('chính quyền thân thiện') });
  });
  it('a report whose title does not name it but whose body is about it', () => {
    const d = T('BÁO CÁO', 'Sơ kết 6 tháng đầu năm 2024', 'I. XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN', 'Xây dựng chính quyền thân thiện được quan tâm. Chính quyền thân thiện được tuyên truyền.');
    expect(classify(d).kind).toBe('report');
  });
});

describe('layouts of other communes and of Party committees', () => {
  const PARTY = T(
    'ĐẢNG BỘ HUYỆN ĐÔNG HƯNG\tĐẢNG CỘNG SẢN VIỆT NAM',
    'ĐẢNG ỦY XÃ ĐÔNG CƯỜNG\tĐông Cường, ngày 10 tháng 6 năm 2024',
    '*\t',
    'Số 45-BC/ĐU\t',
    'BÁO CÁO',
    'Kết quả lãnh đạo xây dựng chính quyền thân thiện 6 tháng đầu năm 2024',
    'Ngày 08/01/2024, Đảng ủy xã ban hành Quyết định số 112-QĐ/ĐU kiện toàn Ban Chỉ đạo.',
    'Nơi nhận:',
    '- Lưu Văn phòng Đảng ủy.',
    'T/M ĐẢNG ỦY',
    'BÍ THƯ',
    'Bùi Văn Tiến',
  );

  it('a Party document’s number without a colon, its signer, its unit', () => {
    expect(findNumberLine(PARTY)?.number).toBe('45-BC/ĐU');
    expect(parseNumberLine('Số: 302 /BC-UBND')?.number).toBe('302/BC-UBND');
    const s = findSigner(PARTY);
    expect([s?.name, s?.position]).toEqual(['Bùi Văn Tiến', 'Bí thư']);
    expect(extractUnit(PARTY, { registry }).fields.unit).toEqual({ commune: 'Đông Cường', communeKind: 'xã', district: 'Đông Hưng', province: 'Thái Bình' });
  });

  it('a date of issue written before the cited document', () => {
    expect(extractReferences(PARTY).fields.references).toEqual([{ number: '112-QĐ/ĐU', date: '2024-01-08' }]);
  });

  it('a signature column run into the recipients lines (a PDF of a borderless table)', () => {
    const d = T('BÁO CÁO', 'Kết quả năm 2024', 'I. Nội dung', 'Nơi nhận: TM. ỦY BAN NHÂN DÂN', '- UBND huyện (b/c); CHỦ TỊCH', '- Phòng Nội vụ huyện;', '- Lưu: VP. Hồ Sỹ Thành');
    const s = findSigner(d);
    expect([s?.name, s?.position]).toEqual(['Hồ Sỹ Thành', 'Chủ tịch']);
  });

  it('the district from the date line’s place when the header’s is unreadable', () => {
    const d = T('ỦY BAN NHÂN DÂN QUẬN GÒ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT VẤP NAM', 'ỦY BAN NHÂN DÂN PHƯỜNG 13 Độc lập - Tự do - Hạnh phúc', 'Số: 205/BC-UBND Gò Vấp, ngày 19 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả 6 tháng đầu năm 2024');
    expect(extractUnit(d, { registry }).fields.unit).toEqual({ commune: '13', communeKind: 'phường', district: 'Gò Vấp', province: 'Hồ Chí Minh' });
  });

  it('structure: "a/" items, "PHẦN THỨ NHẤT", a paragraph or a number broken by the producer', () => {
    const d = T('BÁO CÁO', 'Kết quả năm 2024', 'PHẦN THỨ NHẤT', 'I. ĐẶC ĐIỂM', '2. Công tác tuyên truyền', 'a/ Xã đã phối hợp tuyên truyền', 'Dân số toàn xã 18.', '329 nhân khẩu, có 16 chi bộ với 356', 'đảng viên.');
    const paras = d.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' ? [b.text, b.section.join('>')] : []);
    expect(paras).toContainEqual(['a/ Xã đã phối hợp tuyên truyền', 'I>I>2>a']);
    expect(paras).toContainEqual(['Dân số toàn xã 18.329 nhân khẩu, có 16 chi bộ với 356 đảng viên.', 'I>I>2>a']);
  });
});

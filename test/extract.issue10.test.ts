// Issue 10: each kind of wording that went wrong, as a test in words of our own around it (not copied
// from the samples' phrase bank, the extractors' comments or the shared corpus).
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../extractors/budget.ts';
import { extractCriteria } from '../extractors/criteria.ts';
import { classify } from '../extractors/index.ts';
import { extractProfile } from '../extractors/profile.ts';
import { extractPropaganda } from '../extractors/propaganda.ts';
import { doc, run } from './extract.helpers.ts';

const profileOf = (...body: string[]) => run(extractProfile, doc('I. SƠ LƯỢC VỀ ĐỊA PHƯƠNG', ...body)).fields.profile ?? {};
const criteriaOf = (...lines: string[]) => run(extractCriteria, doc(...lines)).fields.criteria ?? [];

describe('issue 10, row by row', () => {
  it('a label that lists two things names the first: banners 23, panels 11', () => {
    const r = run(extractPropaganda, doc(
      '2. Tuyên truyền trực quan',
      'Trên các tuyến đường liên thôn, số băng rôn, khẩu hiệu đã căng: 23 chiếc; số pano cổ động: 11 chiếc, đều còn mới.',
    ));
    expect(r.fields.propaganda).toEqual({ banners: 23, panels: 11 });
    expect(r.provenance['propaganda.banners']!.confidence).toBeGreaterThan(0.5);
  });

  it('the indicator named in brackets after the count of unmet ones: [9]', () => {
    expect(criteriaOf('- Nhóm tiêu chí 2 về công khai, minh bạch: tổng số 4 chỉ tiêu, đã đạt 3 chỉ tiêu, chưa đạt 01 chỉ tiêu (9).'))
      .toEqual([{ group: 2, met: 3, total: 4, unmet: [9] }]);
  });

  it('counts without the noun once the total is stated: 3/4 [12] and 8/8', () => {
    expect(criteriaOf(
      'Nhóm 3 (chuyển đổi số) gồm 4 chỉ tiêu, đạt 3, chưa đạt 1 (chỉ tiêu 12).',
      'Nhóm 4 (văn hóa công sở) có 8 chỉ tiêu, đã đạt 8.',
    )).toEqual([
      { group: 3, met: 3, total: 4, unmet: [12] },
      { group: 4, met: 8, total: 8, unmet: [] },
    ]);
  });

  it('a criteria table whose result column says "Đạt 8/8 chỉ tiêu"', () => {
    expect(criteriaOf(
      'Bảng tổng hợp kết quả các nhóm tiêu chí:',
      'STT\tTên nhóm\tKết quả\tGhi chú',
      '1\tNhóm 1: Dân chủ cơ sở\tĐạt 8/8 chỉ tiêu\t',
      '2\tNhóm 2: Một cửa\tĐạt 3/4 chỉ tiêu\tcòn thiếu chỉ tiêu 10',
    )).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 3, total: 4, unmet: [10] },
    ]);
  });

  it('households and people joined by a slash: population 12128', () => {
    const p = profileOf('Toàn xã có 9 thôn, tổng cộng 3.107 hộ/12.128 nhân khẩu sinh sống.');
    expect(p.population).toBe(12128);
    expect(p.households).toBe(3107);
  });

  it('a quota and what there is: cadres 21, not the 23 allotted', () => {
    const p = profileOf('Biên chế cán bộ, công chức được giao 23, hiện có 21 người; trong năm không có biến động.');
    expect(p.cadres).toBe(21);
  });

  it('a quota in a table row gives way to the row of what there is', () => {
    const p = profileOf(
      'Nội dung\tĐơn vị\tSố lượng',
      'Cán bộ, công chức theo định biên\tngười\t23',
      'Cán bộ, công chức hiện có\tngười\t20',
      'Số thôn\tthôn\t8',
    );
    expect(p.cadres).toBe(20);
  });

  it('"công chức chuyên môn: 11" is the công chức', () => {
    const p = profileOf('Đội ngũ: cán bộ chuyên trách: 10; công chức chuyên môn: 11.');
    expect(p.congChuc).toBe(11);
    expect(p.canBo).toBe(10);
  });

  it('a budget stated in prose under a heading about funds', () => {
    const r = run(extractBudget, doc(
      'III. KINH PHÍ THỰC HIỆN',
      'Năm nay dự toán được giao 30 triệu đồng, đến cuối kỳ đã giải ngân 18,6 triệu đồng.',
    ));
    expect(r.fields.budget?.planned?.total).toBe(30);
    expect(r.fields.budget?.disbursed?.total).toBe(18.6);
  });

  it.each([
    ['Kinh phí được cấp trong năm: 30 tr.đồng; đã chi hết 18.600.000đ.', 30, 18.6],
    ['Kinh phí bố trí 45.000 nghìn đồng, đã sử dụng 12.500.000 đồng.', 45, 12.5],
    ['Về kinh phí: dự toán 0,5 tỷ đồng, đã giải ngân 200 triệu đồng.', 500, 200],
  ])('money in any shape: %s', (text, planned, disbursed) => {
    const r = run(extractBudget, doc('IV. KINH PHÍ', text));
    expect(r.fields.budget?.planned?.total).toBe(planned);
    expect(r.fields.budget?.disbursed?.total).toBe(disbursed);
  });

  it('"khoảng 12,1 nghìn người" is 12 100 people', () => {
    expect(profileOf('Dân số toàn xã khoảng 12,1 nghìn người, phần lớn làm nông nghiệp.').population).toBe(12100);
  });

  it('a title about "chính quyền cơ sở thân thiện" is a report', () => {
    const d = doc(
      'UBND XÃ AN BÌNH',
      'Số: 12/BC-UBND',
      'An Bình, ngày 3 tháng 7 năm 2024',
      'BÁO CÁO',
      'Sơ kết mô hình chính quyền cơ sở thân thiện 6 tháng đầu năm 2024',
      'I. KẾT QUẢ',
      'Xã đăng ký đạt 3 sao.',
    );
    expect(classify(d).kind).toBe('report');
  });

  it('a report about something else is still not one', () => {
    const d = doc(
      'UBND XÃ AN BÌNH',
      'BÁO CÁO',
      'Kết quả phòng chống thiên tai 6 tháng đầu năm 2024',
      'I. KẾT QUẢ',
      'Xã đã di dời 12 hộ khỏi vùng sạt lở, hỗ trợ 30 triệu đồng.',
    );
    expect(classify(d).kind).toBe('not_a_report');
  });
});

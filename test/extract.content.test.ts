// surveys, satisfaction, stars, propaganda, committees, training, inspections, budget.
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../extractors/budget.ts';
import { extractCommittees } from '../extractors/committees.ts';
import { extractInspections } from '../extractors/inspections.ts';
import { extractPropaganda } from '../extractors/propaganda.ts';
import { extractSatisfaction } from '../extractors/satisfaction.ts';
import { extractStars, starsFromAnnex, starsFromText } from '../extractors/stars.ts';
import { extractSurveys } from '../extractors/surveys.ts';
import { extractTraining } from '../extractors/training.ts';
import { doc, run, seed } from './extract.helpers.ts';

describe('on the seed', () => {
  it('surveys 3/7', () => {
    const r = run(extractSurveys, seed());
    expect(r.fields.surveys).toEqual({ done: 3, planned: 7 });
    expect(r.provenance['surveys.done']!.quote).toContain('3/7 phiếu khảo sát');
  });
  it('satisfaction 100', () => {
    const r = run(extractSatisfaction, seed());
    expect(r.fields.satisfactionPercent).toBe(100);
    expect(r.provenance.satisfactionPercent!.quote).toContain('đạt 100%');
  });
  it('stars 3, in the text and in the annex', () => {
    expect(run(extractStars, seed()).fields.starsRegistered).toBe(3);
    expect(starsFromText(seed()).value).toBe(3);
    const annex = starsFromAnnex(seed());
    expect(annex.value).toBe(3);
    expect(annex.provenance!.section).toBe('PL4');
  });
  it('20 banners, 15 panels', () => {
    const r = run(extractPropaganda, seed());
    expect(r.fields.propaganda).toEqual({ banners: 20, panels: 15 });
    expect(r.provenance['propaganda.banners']!.section).toBe('II > 1 > 1.2');
  });
  it('the commune’s steering committee and support team, not the district’s', () => {
    const r = run(extractCommittees, seed());
    expect(r.fields.steeringCommittee).toEqual({ members: 17, head: 'Bí thư Đảng ủy' });
    expect(r.fields.supportTeam).toEqual({ members: 9, leader: 'Công chức Văn phòng' });
    expect(r.provenance['steeringCommittee.members']!.section).toBe('PL1 > 3');
    expect(r.provenance['supportTeam.leader']!.section).toBe('PL1 > 4');
  });
  it('training 0 classes, 0 participants (stated as zeros)', () => {
    const r = run(extractTraining, seed());
    expect(r.fields.training).toEqual({ classes: 0, participants: 0 });
    expect(r.provenance['training.classes']!.section).toBe('PL3 > 1');
  });
  it('1 inspection', () => {
    expect(run(extractInspections, seed()).fields.inspections).toBe(1);
  });
  it('budget planned 10 = 0 + 10, disbursed 0 = 0 + 0, in million VND', () => {
    const r = run(extractBudget, seed());
    expect(r.fields.budget).toEqual({
      planned: { total: 10, district: 0, commune: 10 },
      disbursed: { total: 0, district: 0, commune: 0 },
    });
    expect(r.provenance['budget.planned.commune']!.quote).toContain('Ngân sách xã: 10');
  });
});

describe('extractSurveys', () => {
  it.each([
    ['Đợt này cán bộ xã đã đi khảo sát được 4/9 phiếu khảo sát.', 4, 9],
    ['Xã đã khảo sát 3 trên 7 phiếu.', 3, 7],
    ['Nhóm 7: thực hiện 3/7 phiếu.', 3, 7],
    ['Tổng hợp số phiếu khảo sát đã làm: 5/7', 5, 7],
    ['Đã khảo sát được 3 phiếu/7 phiếu theo kế hoạch.', 3, 7],
  ])('%s', (text, done, planned) => {
    expect(run(extractSurveys, doc(text)).fields.surveys).toEqual({ done, planned });
  });

  it('does not take indicator ratios or dates', () => {
    expect(run(extractSurveys, doc('Nhóm 4: đạt 5/6 chỉ tiêu. Khảo sát ngày 11/6/2024.')).fields).toEqual({});
  });
});

describe('extractSatisfaction', () => {
  it.each([
    ['Tỷ lệ hài lòng 98,5%.', 98.5],
    ['100% người dân hài lòng khi giải quyết TTHC.', 100],
    ['Mức độ hài lòng của người dân năm 2024 đạt 97%.', 97],
    ['Chỉ số hài lòng của tổ chức, cá nhân đối với TTHC: 95,2 %', 95.2],
  ])('%s', (text, value) => {
    expect(run(extractSatisfaction, doc(text)).fields.satisfactionPercent).toBe(value);
  });

  it('prefers the people’s satisfaction with procedures', () => {
    const d = doc('Mức độ hài lòng của cán bộ, công chức đạt 90%. Mức độ hài lòng của người dân đối với TTHC đạt 98%.');
    expect(run(extractSatisfaction, d).fields.satisfactionPercent).toBe(98);
  });

  it('does not take other percentages or dissatisfaction', () => {
    expect(run(extractSatisfaction, doc('Tỷ lệ hồ sơ giải quyết trực tuyến đạt 85%.')).fields).toEqual({});
    expect(run(extractSatisfaction, doc('Tỷ lệ không hài lòng 0%.')).fields).toEqual({});
    expect(run(extractSatisfaction, doc('Hướng dẫn người dân đánh giá mức độ hài lòng trên cổng dịch vụ công. Tỷ lệ hồ sơ trực tuyến đạt 45%.')).fields).toEqual({});
  });
});

describe('extractStars', () => {
  const title = ['BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2024', 'UBND xã báo cáo như sau:'];
  it.each([
    ['Xã đăng ký đạt chuẩn “chính quyền thân thiện” năm 2024 đạt 3 sao.', 3],
    ['Ban chỉ đạo đăng ký 4 sao.', 4],
    ['Xã đăng ký đạt chính quyền thân thiện ở mức 3*', 3],
    ['Xã đăng ký đạt chính quyền thân thiện ở mức 3', 3],
    ['Xã đăng ký xây dựng đơn vị đạt chuẩn 05 sao.', 5],
    ['Xã đăng ký đạt chuẩn ba sao.', 3],
  ])('%s', (text, value) => {
    expect(run(extractStars, doc(...title, text)).fields.starsRegistered).toBe(value);
  });

  it('skips a registration refused or of another year', () => {
    expect(starsFromText(doc(...title, 'Năm 2023 UBND xã không đăng ký đạt chuẩn chính quyền thân thiện.')).value).toBeNull();
    expect(starsFromText(doc(...title, 'Năm 2023 xã đăng ký đạt 2 sao. Năm 2024 xã đăng ký đạt chuẩn 3 sao.')).value).toBe(3);
    expect(starsFromText(doc(...title, 'Năm 2023 xã không đăng ký, năm 2024 xã đăng ký đạt 4 sao.')).value).toBe(4);
  });

  const annex = [
    'Nơi nhận:', '- Lưu VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A',
    'TỔNG HỢP', 'Các xã đăng ký mức sao năm 2024',
    'TT\tHuyện\tXã\tMức đăng ký năm 2024\t\t\t\t',
    '\t\t\t1 sao\t2 sao\t3 sao\t4 sao\t5 sao',
    '1\tHiệp Hoà\tĐông Lỗ\t\t\t\tx\t',
  ];
  it('falls back to the annex, and gives both for the mismatch check', () => {
    const d = doc(...title, 'Năm 2023 UBND xã không đăng ký đạt chuẩn.', ...annex);
    const r = run(extractStars, d);
    expect(r.fields.starsRegistered).toBe(4);
    expect(r.provenance.starsRegistered!.quote).toContain('x');
    const d2 = doc(...title, 'Xã đăng ký 3 sao.', ...annex);
    expect(run(extractStars, d2).fields.starsRegistered).toBe(3);
    expect(starsFromText(d2).value).toBe(3);
    expect(starsFromAnnex(d2).value).toBe(4);
  });

  it('picks the commune’s own row among several', () => {
    const d = doc('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ năm 2024', 'Nội dung.',
      'TỔNG HỢP', 'Xã\t1 sao\t2 sao\t3 sao\t4 sao\t5 sao', 'Hương Mai\t\tx\t\t\t', 'Đông Lỗ\t\t\tx\t\t');
    expect(starsFromAnnex(d).value).toBe(3);
  });

  it('gives nothing when no level is stated', () => {
    expect(run(extractStars, doc(...title, 'Xã tiếp tục duy trì các tiêu chí.')).fields).toEqual({});
  });
});

describe('extractPropaganda', () => {
  it.each([
    ['treo 20 băng rôn vượt đường, 15 pano khẩu hiệu', 20, 15],
    ['Treo 12 băng zôn, 8 panô tuyên truyền.', 12, 8],
    ['In 10 băng-rôn và 6 pa-nô.', 10, 6],
    ['Xây dựng 35 khẩu hiệu, 14 băng rôn.', 14, 35],
  ])('%s', (text, banners, panels) => {
    expect(run(extractPropaganda, doc(text)).fields.propaganda).toEqual({ banners, panels });
  });

  it('reads labels and leaves unstated counts null', () => {
    expect(run(extractPropaganda, doc('- Băng rôn: 20 cái;')).fields.propaganda).toEqual({ banners: 20 });
    expect(run(extractPropaganda, doc('Treo 20 băng rôn, khẩu hiệu tại trụ sở.')).fields.propaganda).toEqual({ banners: 20 });
    expect(run(extractPropaganda, doc('Các biển bảng, pano, khẩu hiệu tuyên truyền được lắp đặt.')).fields).toEqual({});
  });
});

describe('extractCommittees', () => {
  it('reads the text', () => {
    const r = run(extractCommittees, doc(
      'Ban chỉ đạo gồm 17 thành viên do đồng chí Bí thư Đảng ủy làm Trưởng ban.',
      'Tổ giúp việc có 09 thành viên, Công chức Văn phòng - Thống kê làm Tổ trưởng.',
    ));
    expect(r.fields).toEqual({
      steeringCommittee: { members: 17, head: 'Bí thư Đảng ủy' },
      supportTeam: { members: 9, leader: 'Công chức Văn phòng - Thống kê' },
    });
  });

  it('takes the position, not the person, and drops the unit', () => {
    const r = run(extractCommittees, doc(
      'Đảng ủy ban hành quyết định kiện toàn Ban chỉ đạo xây dựng chính quyền thân thiện xã gồm 15 đồng chí; Trưởng ban là đồng chí Nguyễn Văn A - Chủ tịch UBND xã Đông Lỗ.',
      'Tổ giúp việc Ban chỉ đạo gồm 07 đồng chí do đồng chí Phó Chủ tịch UBND xã làm tổ trưởng.',
    ));
    expect(r.fields).toEqual({
      steeringCommittee: { members: 15, head: 'Chủ tịch UBND' },
      supportTeam: { members: 7, leader: 'Phó Chủ tịch UBND' },
    });
  });

  it('ignores the district’s committee', () => {
    const r = run(extractCommittees, doc(
      'Ban chỉ đạo huyện gồm 25 thành viên do đồng chí Phó Bí thư Thường trực Huyện ủy làm Trưởng ban.',
      'Ban chỉ đạo của xã gồm 17 thành viên.',
    ));
    expect(r.fields).toEqual({ steeringCommittee: { members: 17 } });
  });

  it('ignores filled district tables and reads the commune tables', () => {
    const r = run(extractCommittees, doc(
      'Nơi nhận:', '- Lưu VT.', 'TM. ỦY BAN NHÂN DÂN', 'Nguyễn Văn A',
      'BIỂU TỔNG HỢP', 'Thành viên Ban chỉ đạo Chính quyền thân thiện',
      '1. Ban chỉ đạo của huyện',
      'Huyện, thành phố\tSố lượng thành viên\tTrưởng Ban chỉ đạo\t\t',
      '\t\tPhó bí thư thường trực\tChủ tịch UBND huyện\tKhác',
      'Hiệp Hòa\t25\tx\t\t',
      '2. Ban chỉ đạo của xã',
      'TT\tĐơn vị\tSố lượng thành viên Ban chỉ đạo\tTrưởng Ban chỉ đạo\t',
      '\t\t\tBí thư Đảng ủy\tChủ tịch UBND',
      '1\tĐảng ủy xã Đông Lỗ\t15\t\tx',
      '3. Tổ giúp việc Ban chỉ đạo cấp xã',
      'TT\tĐơn vị\tSố lượng thành viên\tTổ trưởng Tổ giúp việc',
      '1\tĐảng ủy xã Đông Lỗ\t7\tCông chức Văn hóa - Xã hội',
    ));
    expect(r.fields).toEqual({
      steeringCommittee: { members: 15, head: 'Chủ tịch UBND' },
      supportTeam: { members: 7, leader: 'Công chức Văn hóa - Xã hội' },
    });
  });

  it('gives nothing when nothing is stated', () => {
    expect(run(extractCommittees, doc('Đảng ủy đã ban hành quyết định thành lập Ban chỉ đạo và phân công nhiệm vụ các thành viên.')).fields).toEqual({});
  });
});

describe('extractTraining', () => {
  it.each([
    ['UBND xã tổ chức 02 lớp tập huấn cho 120 lượt người.', 2, 120],
    ['Đã mở 1 lớp tập huấn với 85 người tham gia.', 1, 85],
    ['Tổ chức 03 hội nghị tập huấn cho 150 cán bộ, công chức.', 3, 150],
  ])('%s', (text, classes, participants) => {
    expect(run(extractTraining, doc(text)).fields.training).toEqual({ classes, participants });
  });

  it('does not count attending higher levels’ classes without numbers', () => {
    expect(run(extractTraining, doc('- Công tác tập huấn: Tham gia các lớp tập huấn nghiệp vụ do cấp trên tổ chức.')).fields).toEqual({});
  });

  it('reads the annex, summing rows, empty cells not zeros', () => {
    const r = run(extractTraining, doc(
      '1. Các lớp tập huấn trong năm',
      'Số lớp tập huấn\tĐối tượng tập huấn\tSố người tham gia',
      '1\tCán bộ, công chức\t30',
      '1\tTrưởng thôn\t25',
    ));
    expect(r.fields.training).toEqual({ classes: 2, participants: 55 });
    const empty = run(extractTraining, doc('Công tác tập huấn', 'Số lớp tập huấn\tĐối tượng tập huấn\tSố người tham gia', '\t\t'));
    expect(empty.fields).toEqual({});
  });
});

describe('extractInspections', () => {
  it.each([
    ['Ban chỉ đạo tổ chức 02 cuộc kiểm tra, giám sát.', 2],
    ['Đã kiểm tra, giám sát được 3 lần.', 3],
    ['Tổ chức 1 đợt giám sát việc xây dựng chính quyền thân thiện.', 1],
  ])('%s', (text, value) => {
    expect(run(extractInspections, doc(text)).fields.inspections).toBe(value);
  });

  it('gives nothing for an uncounted statement', () => {
    expect(run(extractInspections, doc('Thường xuyên kiểm tra giám sát, đánh giá kết quả hoạt động từng tháng.')).fields).toEqual({});
  });
});

describe('extractBudget', () => {
  it('maps columns without the Trong đó split and converts nghìn đồng', () => {
    const r = run(extractBudget, doc(
      '3. Nguồn kinh phí năm 2024',
      'ĐVT: nghìn đồng',
      'TT\tĐơn vị\tDự toán giao năm 2024\tĐã giải ngân',
      '1\tĐông Lỗ\t50.000\t20.500',
      '\tTổng số\t\t',
    ));
    expect(r.fields.budget).toEqual({ planned: { total: 50 }, disbursed: { total: 20.5 } });
  });

  it('converts đồng and reads a unit under the table', () => {
    const r = run(extractBudget, doc(
      'Kinh phí đầu tư',
      'Xã\tKế hoạch bố trí\tĐã chi',
      'Đông Lỗ\t10.000.000\t2.500.000',
      'Đơn vị tính: đồng',
    ));
    expect(r.fields.budget).toEqual({ planned: { total: 10 }, disbursed: { total: 2.5 } });
  });

  it('reads a table with budget levels as rows', () => {
    const r = run(extractBudget, doc(
      'Kinh phí xây dựng chính quyền thân thiện (triệu đồng)',
      'Nguồn kinh phí\tDự toán\tĐã thực hiện',
      'Ngân sách huyện\t5\t0',
      'Ngân sách xã\t10\t3',
      'Tổng cộng\t15\t3',
    ));
    expect(r.fields.budget).toEqual({
      planned: { total: 15, district: 5, commune: 10 },
      disbursed: { total: 3, district: 0, commune: 3 },
    });
  });

  it('falls back to amounts stated in the text, and never zeroes “chưa bố trí”', () => {
    const r = run(extractBudget, doc(
      '3. Công tác đầu tư, bố trí kinh phí xây dựng chính quyền thân thiện',
      '- Kinh phí cấp huyện: 6 tháng đầu năm UBND huyện chưa bố trí kinh phí xây dựng Chính quyền thân thiện.',
      '- Kinh phí cấp xã: 10 triệu đồng.',
      '- Đã chi 2,5 triệu đồng từ ngân sách xã cho in ấn tài liệu.',
    ));
    expect(r.fields.budget).toEqual({ planned: { commune: 10 }, disbursed: { commune: 2.5 } });
    const none = run(extractBudget, doc(
      '- Kinh phí cấp huyện: 6 tháng đầu năm UBND huyện chưa bố trí kinh phí xây dựng Chính quyền thân thiện.',
      '- Kinh phí cấp xã: 6 tháng đầu năm UBND xã chưa bố trí kinh phí xây dựng Chính quyền thân thiện.',
    ));
    expect(none.fields).toEqual({});
  });

  it('does not read a request for money as a budget', () => {
    expect(run(extractBudget, doc('Đề nghị UBND huyện hỗ trợ kinh phí 50 triệu đồng để mua sắm trang thiết bị.')).fields).toEqual({});
  });
});

describe('more layouts', () => {
  it('satisfaction in a table row', () => {
    const r = run(extractSatisfaction, doc('Chỉ tiêu\tKết quả', 'Tỷ lệ hài lòng của người dân (%)\t98,5'));
    expect(r.fields.satisfactionPercent).toBe(98.5);
  });

  it('training written as “tập huấn 2 lớp”', () => {
    expect(run(extractTraining, doc('Trong 6 tháng, xã tổ chức tập huấn 2 lớp cho 100 người.')).fields.training).toEqual({ classes: 2, participants: 100 });
  });

  it('budget in a thành phố (district-level city): ngân sách thành phố is the district’s', () => {
    const r = run(extractBudget, doc(
      'C. Kinh phí',
      'Tổng kinh phí bố trí năm 2024 là 30 triệu đồng, trong đó ngân sách thành phố hỗ trợ 10 triệu đồng, ngân sách phường 20 triệu đồng. Đến nay đã chi 12 triệu đồng.',
    ));
    expect(r.fields.budget).toEqual({ planned: { total: 30, district: 10, commune: 20 }, disbursed: { total: 12 } });
  });

  it('a budget table whose columns do not say planned or disbursed gives nothing (no guess)', () => {
    const r = run(extractBudget, doc('Kinh phí đầu tư', 'Xã\tTổng số\tNgân sách huyện\tNgân sách xã', 'Đông Lỗ\t10\t0\t10'));
    expect(r.fields).toEqual({});
  });
});

describe('edge cases', () => {
  it('stars from a single level column', () => {
    const d = doc('TỔNG HỢP', 'TT\tXã\tSố sao đăng ký', '1\tĐông Lỗ\t3');
    expect(starsFromAnnex(d).value).toBe(3);
  });

  it('a deputy is not the head', () => {
    const r = run(extractCommittees, doc('Ban chỉ đạo xã gồm 17 thành viên; Phó Trưởng ban là đồng chí Phó Chủ tịch UBND xã.'));
    expect(r.fields).toEqual({ steeringCommittee: { members: 17 } });
  });

  it('a budget column that names both sides takes the first', () => {
    const r = run(extractBudget, doc('Kinh phí', 'Xã\tKinh phí thực hiện so với kế hoạch', 'Đông Lỗ\t4'));
    expect(r.fields.budget).toEqual({ disbursed: { total: 4 } });
  });
});

describe('phrasings seen in other communes’ reports', () => {
  it('budget amounts with their split in brackets', () => {
    const r = run(extractBudget, doc(
      '4. Công tác đầu tư, bố trí kinh phí',
      'Kinh phí dự toán năm 2024 cho xây dựng chính quyền thân thiện là 5 triệu đồng (ngân sách huyện 0 triệu đồng, ngân sách xã 5 triệu đồng); đến nay đã triển khai 0 triệu đồng (ngân sách huyện 0 triệu đồng, ngân sách xã 0 triệu đồng).',
    ));
    expect(r.fields.budget).toEqual({
      planned: { total: 5, district: 0, commune: 5 },
      disbursed: { total: 0, district: 0, commune: 0 },
    });
  });

  it('a labelled count of inspections', () => {
    expect(run(extractInspections, doc('- Số cuộc kiểm tra, giám sát về xây dựng chính quyền thân thiện: 01 cuộc.')).fields.inspections).toBe(1);
  });

  it('the support team of the steering committee is not the committee', () => {
    const r = run(extractCommittees, doc('Tổ giúp việc Ban chỉ đạo có 11 đồng chí, Tổ trưởng là Công chức Văn phòng.'));
    expect(r.fields).toEqual({ supportTeam: { members: 11, leader: 'Công chức Văn phòng' } });
  });
});

describe('layouts of other communes', () => {
  it('budget: a total row named "Cộng" in a table with budget levels as rows', () => {
    const r = run(extractBudget, doc('Kinh phí năm 2024 (đơn vị tính: triệu đồng):', 'Nội dung\tKế hoạch\tThực hiện', 'Ngân sách huyện hỗ trợ\t20\t20', 'Ngân sách xã\t35\t31,5', 'Cộng\t55\t51,5'));
    expect(r.fields.budget).toEqual({ planned: { total: 55, district: 20, commune: 35 }, disbursed: { total: 51.5, district: 20, commune: 31.5 } });
  });

  it('budget: split columns under "Trong đó" belong to the column on their left', () => {
    const r = run(extractBudget, doc(
      'Đơn vị tính: triệu đồng',
      'Nội dung\tDự toán năm 2024\tTrong đó\t\tGiải ngân đến 15/12/2024\tTrong đó\t',
      '\t\tNgân sách huyện\tNgân sách xã\t\tNgân sách huyện\tNgân sách xã',
      'Kinh phí xây dựng CQTT\t50\t20\t30\t45\t20\t25',
    ));
    expect(r.fields.budget).toEqual({ planned: { total: 50, district: 20, commune: 30 }, disbursed: { total: 45, district: 20, commune: 25 } });
  });

  it('budget: the side in the table’s title, amounts in đồng', () => {
    const r = run(extractBudget, doc('6) Kinh phí đã chi (Đơn vị tính: đồng)', 'Tổng số\tNgân sách huyện\tNgân sách xã', '30.000.000\t10.000.000\t15.000.000'));
    expect(r.fields.budget).toEqual({ disbursed: { total: 30, district: 10, commune: 15 } });
  });

  it('budget text: the side named nearest before each amount; a total with its source in brackets', () => {
    expect(run(extractBudget, doc('5. Kinh phí', 'Ngân sách phường bố trí 30 triệu đồng, đến nay đã chi 18,6 triệu đồng.')).fields.budget)
      .toEqual({ planned: { commune: 30 }, disbursed: { commune: 18.6 } });
    expect(run(extractBudget, doc('5. Kinh phí', 'Tổng kinh phí phường đã chi năm 2024 là 12.500.000 đồng (ngân sách phường).')).fields.budget)
      .toEqual({ disbursed: { total: 12.5, commune: 12.5 } });
  });

  it('committees: a count after a cited decision; members counted as công chức', () => {
    const r = run(extractCommittees, doc('- Ban Chỉ đạo xây dựng chính quyền thân thiện phường được kiện toàn theo Quyết định số 96/QĐ-UBND ngày 02/7/2024, gồm 11 thành viên.', '- Tổ giúp việc gồm 06 công chức chuyên môn.'));
    expect(r.fields).toEqual({ steeringCommittee: { members: 11 }, supportTeam: { members: 6 } });
  });

  it('committees: a row per body, and one table with columns per body', () => {
    const rows = run(extractCommittees, doc('Thành phần\tSố lượng\tNgười đứng đầu', 'Ban Chỉ đạo\t16\tBí thư Đảng ủy', 'Tổ giúp việc\t8\tPhó Chủ tịch UBND xã'));
    expect(rows.fields).toEqual({ steeringCommittee: { members: 16, head: 'Bí thư Đảng ủy' }, supportTeam: { members: 8, leader: 'Phó Chủ tịch UBND' } });
    const cols = run(extractCommittees, doc(
      'BIỂU TỔNG HỢP', 'Thành viên Ban chỉ đạo, Tổ giúp việc chính quyền thân thiện cấp xã',
      'TT\tĐơn vị\tSố thành viên Ban chỉ đạo\tTrưởng Ban chỉ đạo\tSố thành viên Tổ giúp việc\tTổ trưởng Tổ giúp việc',
      '1\tXã Tam Tiến\t15\tBí thư Đảng ủy\t7\tVăn phòng - Thống kê',
    ));
    expect(cols.fields).toEqual({ steeringCommittee: { members: 15, head: 'Bí thư Đảng ủy' }, supportTeam: { members: 7, leader: 'Văn phòng - Thống kê' } });
  });

  it('propaganda with a classifier between the count and the thing', () => {
    expect(run(extractPropaganda, doc('Treo 20 lượt băng rôn, dựng 02 cụm pa-nô lớn.')).fields.propaganda).toEqual({ banners: 20, panels: 2 });
  });

  it('training: classes of a higher level attended are not classes held; plans are not results', () => {
    expect(run(extractTraining, doc('Cán bộ, công chức phường tham dự 02 lớp tập huấn do thành phố tổ chức.')).fields).toEqual({});
    expect(run(extractTraining, doc('III. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2024', 'Tổ chức 02 lớp tập huấn kỹ năng cho cán bộ khu phố.')).fields).toEqual({});
    expect(run(extractTraining, doc('Phối hợp với Trung tâm Chính trị huyện mở 01 lớp bồi dưỡng kỹ năng tiếp công dân, có 72 học viên tham dự.')).fields.training).toEqual({ classes: 1, participants: 72 });
  });

  it('inspections counted in visiting teams', () => {
    expect(run(extractInspections, doc('- Xã đã tiếp 2 đoàn kiểm tra, giám sát của huyện về xây dựng chính quyền thân thiện.')).fields.inspections).toBe(2);
  });

  it('stars: the report’s year is its period’s, not the plan’s; a level in a one-column table; "phấn đấu" is no registration', () => {
    const d = doc('BÁO CÁO', 'Kết quả năm 2024 và phương hướng, nhiệm vụ năm 2025', 'Năm 2024, UBND xã đăng ký xây dựng chính quyền thân thiện mức độ 4 sao (năm 2023 xã đạt 3 sao).');
    expect(starsFromText(d).value).toBe(4);
    expect(starsFromAnnex(doc('Đơn vị\tMức đăng ký', 'Xã Hoằng Xuân\t3 sao')).value).toBe(3);
    expect(starsFromText(doc('Năm 2024, phường phấn đấu đạt chuẩn chính quyền thân thiện mức 2 sao.')).value).toBeNull();
  });
});

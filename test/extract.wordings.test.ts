// Hand-varied wordings per field family (issue 10), written for this file — not taken from the samples'
// phrase bank, the extractors' comments or the shared corpus — including ones whose right answer is null.
// Each row: the text (one line per paragraph; tab-separated lines are table rows) and what must come out.
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../extractors/budget.ts';
import { extractCommittees } from '../extractors/committees.ts';
import { extractCriteria } from '../extractors/criteria.ts';
import { extractInspections } from '../extractors/inspections.ts';
import { extractProfile } from '../extractors/profile.ts';
import { extractPropaganda } from '../extractors/propaganda.ts';
import { extractSatisfaction } from '../extractors/satisfaction.ts';
import { extractStars } from '../extractors/stars.ts';
import { extractSurveys } from '../extractors/surveys.ts';
import { extractTraining } from '../extractors/training.ts';
import { doc, run } from './extract.helpers.ts';

const lines = (text: string) => text.split('\n');

describe('profile wordings', () => {
  const profile = (text: string) => run(extractProfile, doc('I. ĐẶC ĐIỂM CHUNG CỦA XÃ', ...lines(text))).fields.profile ?? {};
  it.each<[string, string, number | undefined]>([
    ['Xã rộng 2.310,5 ha, trải dọc bờ sông.', 'areaHa', undefined], // 'rộng' without 'diện tích': not said to be the natural area
    ['Diện tích tự nhiên toàn xã là 2.310,5 ha.', 'areaHa', 2310.5],
    ['Tổng diện tích đất tự nhiên: 23,105 km².', 'areaHa', 2310.5],
    ['Diện tích đất nông nghiệp 1.200 ha.', 'areaHa', undefined],
    ['Dân số trên 9 nghìn người.', 'population', 9000],
    ['Số nhân khẩu thường trú: 8.412 người.', 'population', 8412],
    ['Xã có 2.004 hộ với 8.412 khẩu.', 'population', 8412],
    ['Quy mô dân số năm 2019 là 7.900 người, nay là 8.412 người.', 'population', 8412],
    ['Mật độ dân số 640 người/km².', 'population', undefined],
    ['Toàn xã có 2.004 hộ gia đình.', 'households', 2004],
    ['Có 61 hộ nghèo và 45 hộ cận nghèo.', 'households', undefined],
    ['Số hộ dân: 2.004.', 'households', 2004],
    ['Xã chia làm 7 thôn và 1 khu dân cư mới.', 'villages', 7],
    ['Địa bàn gồm 14 bản, trong đó 3 bản đặc biệt khó khăn.', 'villages', 14],
    ['Có 5 thôn đạt chuẩn văn hóa.', 'villages', undefined],
    ['Đảng bộ có 19 chi bộ trực thuộc với 455 đảng viên.', 'partyCells', 19],
    ['Đảng bộ có 19 chi bộ trực thuộc với 455 đảng viên.', 'partyMembers', 455],
    ['Trong năm kết nạp 12 đảng viên mới.', 'partyMembers', undefined],
    ['Tổng số cán bộ, công chức hiện có 22 người.', 'cadres', 22],
    ['Biên chế được giao 24 cán bộ, công chức; thực tế có 21 người.', 'cadres', 21],
    ['Cán bộ, công chức xã gồm 10 cán bộ chuyên trách và 12 công chức.', 'canBo', 10],
    ['Cán bộ, công chức xã gồm 10 cán bộ chuyên trách và 12 công chức.', 'congChuc', 12],
    ['CBCC: 20 người (CB: 9, CC: 11).', 'cadres', 20],
    ['Có 16 người hoạt động không chuyên trách cấp xã.', 'cadres', undefined],
    ['Lực lượng công an chính quy của xã có 7 đồng chí.', 'police', 7],
    ['Xã có 14 công an viên bán chuyên trách ở thôn.', 'police', undefined],
    ['Thu nhập bình quân đầu người đạt 51,2 triệu đồng/năm.', 'incomePerCapitaMillionVnd', 51.2],
    ['Thu nhập bình quân khoảng 4 triệu đồng/người/tháng.', 'incomePerCapitaMillionVnd', 48],
    ['Trụ sở xã cách trung tâm huyện 14 km.', 'distanceToDistrictKm', 14],
    ['Xã cách tỉnh lỵ 40 km.', 'distanceToDistrictKm', undefined],
    ['Dân số toàn huyện hơn 120 nghìn người.', 'population', undefined],
    ['Phấn đấu năm sau có thêm 2 chi bộ.', 'partyCells', undefined],
  ])('%s → %s = %s', (text, key, value) => {
    expect((profile(text) as Record<string, unknown>)[key]).toBe(value);
  });
});

describe('criteria wordings', () => {
  const criteria = (text: string) => run(extractCriteria, doc(...lines(text))).fields.criteria ?? [];
  it.each<[string, { group: number; met: number; total: number; unmet: number[] }[]]>([
    ['Nhóm tiêu chí 1: đạt 7/8 chỉ tiêu, chỉ tiêu 5 chưa đạt.', [{ group: 1, met: 7, total: 8, unmet: [5] }]],
    ['Nhóm 2 - đạt 4 trên 4 chỉ tiêu.', [{ group: 2, met: 4, total: 4, unmet: [] }]],
    ['Nhóm tiêu chí thứ ba: có 11 chỉ tiêu, đã đạt 9, còn 2 chỉ tiêu chưa đạt (15, 18).', [{ group: 3, met: 9, total: 11, unmet: [15, 18] }]],
    ['Nhóm IV gồm 6 chỉ tiêu, hoàn thành cả 6.', [{ group: 4, met: 6, total: 6, unmet: [] }]],
    ['Nhóm 5: tổng 10 chỉ tiêu; đạt 8; chưa đạt 2 (chỉ tiêu 31, 36).', [{ group: 5, met: 8, total: 10, unmet: [31, 36] }]],
    ['Nhóm 6 đạt 8/8.', [{ group: 6, met: 8, total: 8, unmet: [] }]],
    ['Nhóm 1 phấn đấu đạt 8/8 chỉ tiêu trong năm tới.', []],
    ['Nhóm 7 (khảo sát sự hài lòng) đã khảo sát 12/20 phiếu.', []],
    ['Các nhóm tiêu chí đang được rà soát.', []],
    ['Nhóm tiêu chí 2: 4 chỉ tiêu, đạt 4 chỉ tiêu.', [{ group: 2, met: 4, total: 4, unmet: [] }]],
    ['Nhóm tiêu chí 3 có 11 chỉ tiêu: đạt 10 chỉ tiêu, 01 chỉ tiêu chưa đạt là chỉ tiêu 20.', [{ group: 3, met: 10, total: 11, unmet: [20] }]],
    ['Nhóm\tSố chỉ tiêu\tĐã đạt\tSố chỉ tiêu chưa đạt\n1\t8\t8\t0\n2\t4\t3\t1', [{ group: 1, met: 8, total: 8, unmet: [] }, { group: 2, met: 3, total: 4, unmet: [] }]],
    ['Nhóm tiêu chí\tKết quả\n1\t8/8\n2\t3/4 (chưa đạt chỉ tiêu 11)', [{ group: 1, met: 8, total: 8, unmet: [] }, { group: 2, met: 3, total: 4, unmet: [11] }]],
  ])('%s', (text, expected) => {
    expect(criteria(text)).toEqual(expected);
  });
});

describe('surveys and satisfaction wordings', () => {
  const surveys = (text: string) => run(extractSurveys, doc('II. KẾT QUẢ', ...lines(text))).fields.surveys ?? null;
  const sat = (text: string) => run(extractSatisfaction, doc('II. KẾT QUẢ', ...lines(text))).fields.satisfactionPercent ?? null;
  it.each<[string, { done: number; planned: number } | null]>([
    ['Đã khảo sát 18/25 phiếu theo kế hoạch.', { done: 18, planned: 25 }],
    ['Thực hiện 18 trên 25 phiếu khảo sát.', { done: 18, planned: 25 }],
    ['Phát ra 200 phiếu lấy ý kiến người dân.', null],
    ['Số phiếu khảo sát đã thu: 18/25.', { done: 18, planned: 25 }],
    ['Nhóm 2 đạt 3/4 chỉ tiêu.', null],
  ])('surveys: %s', (text, expected) => {
    expect(surveys(text)).toEqual(expected);
  });
  it.each<[string, number | null]>([
    ['Mức độ hài lòng của người dân đạt 97,3%.', 97.3],
    ['Tỷ lệ hài lòng với dịch vụ hành chính công: 100%.', 100],
    ['Có 95% người dân được hỏi hài lòng về thái độ phục vụ.', 95],
    ['Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.', null],
    ['Tỷ lệ hộ nghèo còn 2,1%.', null],
  ])('satisfaction: %s', (text, expected) => {
    expect(sat(text)).toBe(expected);
  });
});

describe('stars wordings', () => {
  const stars = (text: string) => run(extractStars, doc('II. KẾT QUẢ', ...lines(text))).fields.starsRegistered ?? null;
  it.each<[string, number | null]>([
    ['Năm 2024 xã đăng ký đạt mức 4 sao.', 4],
    ['UBND xã đăng ký xây dựng chính quyền thân thiện đạt 3 sao.', 3],
    ['Xã đăng ký đạt chuẩn ở mức ba sao.', 3],
    ['Năm trước xã đạt 2 sao; năm nay chưa đăng ký.', null],
    ['Xã tiếp tục giữ vững danh hiệu chính quyền thân thiện.', null],
  ])('%s', (text, expected) => {
    expect(stars(text)).toBe(expected);
  });
});

describe('propaganda wordings', () => {
  const prop = (text: string) => run(extractPropaganda, doc('1. Công tác tuyên truyền', ...lines(text))).fields.propaganda ?? {};
  it.each<[string, { banners?: number; panels?: number }]>([
    ['Căng 14 băng rôn tại các tuyến đường trục xã.', { banners: 14 }],
    ['Treo 14 băng rôn và dựng 5 pa nô lớn ở cổng làng.', { banners: 14, panels: 5 }],
    ['Số băng zôn: 9; số pano: 2.', { banners: 9, panels: 2 }],
    ['Làm mới 06 tấm pano tuyên truyền.', { panels: 6 }],
    ['Băng rôn, khẩu hiệu được treo 30 chiếc; pano 04 chiếc.', { banners: 30, panels: 4 }],
    ['Không làm thêm băng rôn nào trong kỳ.', { banners: 0 }],
    ['Phát 3.000 tờ rơi và 20 buổi phát thanh.', {}],
    ['Kế hoạch năm sau dự kiến treo 40 băng rôn.', {}],
    ['Tuyên truyền trực quan: 11 băng rôn, 3 cụm pano.', { banners: 11, panels: 3 }],
    ['Đề nghị huyện hỗ trợ in 10 pano.', {}],
  ])('%s', (text, expected) => {
    expect(prop(text)).toEqual(expected);
  });
});

describe('committees wordings', () => {
  const com = (text: string) => run(extractCommittees, doc('1. Công tác chỉ đạo', ...lines(text))).fields;
  it.each<[string, number | null, number | null]>([
    ['Ban Chỉ đạo của xã có 12 thành viên; Tổ giúp việc 6 thành viên.', 12, 6],
    ['Kiện toàn Ban Chỉ đạo gồm 15 đồng chí do Bí thư Đảng ủy làm Trưởng ban.', 15, null],
    ['Thành lập Tổ giúp việc cho Ban Chỉ đạo với 8 người.', null, 8],
    ['Ban Chỉ đạo huyện có 21 thành viên.', null, null],
  ])('%s', (text, members, team) => {
    const f = com(text);
    expect(f.steeringCommittee?.members ?? null).toBe(members);
    expect(f.supportTeam?.members ?? null).toBe(team);
  });
});

describe('training and inspection wordings', () => {
  const train = (text: string) => run(extractTraining, doc('3. Tập huấn', ...lines(text))).fields.training ?? {};
  const insp = (text: string) => run(extractInspections, doc('4. Kiểm tra, giám sát', ...lines(text))).fields.inspections ?? null;
  it.each<[string, { classes?: number; participants?: number }]>([
    ['Tổ chức 02 lớp tập huấn cho 96 lượt người.', { classes: 2, participants: 96 }],
    ['Mở 1 lớp bồi dưỡng kỹ năng giao tiếp cho 40 học viên.', { classes: 1, participants: 40 }],
    ['Cử 5 công chức dự lớp tập huấn do huyện tổ chức.', {}],
    ['Xã chưa tổ chức lớp tập huấn nào.', { classes: 0 }],
  ])('training: %s', (text, expected) => {
    expect(train(text)).toEqual(expected);
  });
  it.each<[string, number | null]>([
    ['Ban Chỉ đạo tổ chức 03 cuộc kiểm tra tại các thôn.', 3],
    ['Đoàn công tác của huyện đến kiểm tra 2 lần.', 2],
    ['Thường xuyên kiểm tra, đôn đốc việc thực hiện.', null],
    ['Kiểm tra 25 hồ sơ một cửa.', null],
  ])('inspections: %s', (text, expected) => {
    expect(insp(text)).toBe(expected);
  });
});

describe('budget wordings', () => {
  const budget = (text: string) => run(extractBudget, doc('5. Kinh phí', ...lines(text))).fields.budget ?? {};
  it.each<[string, unknown]>([
    ['Tổng kinh phí bố trí 25 triệu đồng từ ngân sách xã.', { planned: { total: 25, commune: 25 } }],
    ['Kinh phí đã chi 8.500.000 đồng.', { disbursed: { total: 8.5 } }],
    ['Đề nghị huyện cấp thêm 20 triệu đồng.', {}],
    ['Chưa bố trí kinh phí riêng.', {}],
    ['Kinh phí dự toán 12 tr.đ; đã giải ngân 12 tr.đ.', { planned: { total: 12 }, disbursed: { total: 12 } }],
  ])('%s', (text, expected) => {
    expect(budget(text)).toEqual(expected);
  });
});

// --- more of each family ----------------------------------------------------------------------

describe('more criteria wordings', () => {
  const criteria = (text: string) => run(extractCriteria, doc(...lines(text))).fields.criteria ?? [];
  it.each<[string, { group: number; met: number; total: number; unmet: number[] }[]]>([
    ['- Nhóm 1 (8 chỉ tiêu): đạt 8/8.', [{ group: 1, met: 8, total: 8, unmet: [] }]],
    ['Nhóm tiêu chí số 2: thực hiện đạt 4/4 chỉ tiêu.', [{ group: 2, met: 4, total: 4, unmet: [] }]],
    ['Nhóm 3: đạt 10/11 chỉ tiêu (chỉ tiêu số 19 chưa đạt).', [{ group: 3, met: 10, total: 11, unmet: [19] }]],
    ['Nhóm 4: 5/6 chỉ tiêu đạt, chưa đạt chỉ tiêu 27.', [{ group: 4, met: 5, total: 6, unmet: [27] }]],
    ['Nhóm 5 có tổng số 10 chỉ tiêu, trong đó đạt 10 chỉ tiêu.', [{ group: 5, met: 10, total: 10, unmet: [] }]],
    ['Nhóm 6: đạt 6 trong tổng số 8 chỉ tiêu; chưa đạt các chỉ tiêu 43, 47.', [{ group: 6, met: 6, total: 8, unmet: [43, 47] }]],
    ['Nhóm 2: gồm 4 chỉ tiêu; kết quả: đạt 2; không đạt 2 (chỉ tiêu 10 và 12).', [{ group: 2, met: 2, total: 4, unmet: [10, 12] }]],
    ['Nhóm 1: 8 chỉ tiêu, đã đạt 7, chỉ tiêu chưa đạt: 3.', [{ group: 1, met: 7, total: 8, unmet: [3] }]],
    ['Trong nhóm 3, xã đã hoàn thành 11/11 chỉ tiêu.', [{ group: 3, met: 11, total: 11, unmet: [] }]],
    ['Nhóm 4 chưa tự đánh giá.', []],
    ['Năm 2025 phấn đấu nhóm 2 đạt 4/4 chỉ tiêu.', []],
    ['Nhóm\tTổng chỉ tiêu\tĐạt\tChỉ tiêu chưa đạt\n1\t8\t7\t2\n3\t11\t11\t', [{ group: 1, met: 7, total: 8, unmet: [2] }, { group: 3, met: 11, total: 11, unmet: [] }]],
  ])('%s', (text, expected) => {
    expect(criteria(text)).toEqual(expected);
  });
});

describe('more surveys and satisfaction wordings', () => {
  const surveys = (text: string) => run(extractSurveys, doc('II. KẾT QUẢ', ...lines(text))).fields.surveys ?? null;
  const sat = (text: string) => run(extractSatisfaction, doc('II. KẾT QUẢ', ...lines(text))).fields.satisfactionPercent ?? null;
  it.each<[string, { done: number; planned: number } | null]>([
    ['Khảo sát được 30/30 phiếu.', { done: 30, planned: 30 }],
    ['Đến nay đã thu về 12 trên tổng số 15 phiếu khảo sát.', { done: 12, planned: 15 }],
    ['Tiến độ khảo sát: 8/10 phiếu.', { done: 8, planned: 10 }],
    ['Kế hoạch khảo sát 40 phiếu, chưa triển khai.', null],
    ['Tỷ lệ 9/10 thôn đã phổ biến.', null],
    ['Phiếu khảo sát hoàn thành 25/25.', { done: 25, planned: 25 }],
  ])('surveys: %s', (text, expected) => {
    expect(surveys(text)).toEqual(expected);
  });
  it.each<[string, number | null]>([
    ['Kết quả khảo sát cho thấy 92,5% người dân hài lòng.', 92.5],
    ['Mức độ hài lòng của tổ chức, cá nhân đạt 99%.', 99],
    ['Chỉ số hài lòng về phục vụ hành chính: 96,1%.', 96.1],
    ['Tỷ lệ người dân hài lòng là 100%.', 100],
    ['Tỷ lệ thủ tục được giải quyết trực tuyến 75%.', null],
    ['Tỷ lệ tham gia bảo hiểm y tế đạt 94%.', null],
    ['Phấn đấu tỷ lệ hài lòng trên 95% vào năm sau.', null],
  ])('satisfaction: %s', (text, expected) => {
    expect(sat(text)).toBe(expected);
  });
});

describe('more stars wordings', () => {
  const stars = (text: string) => run(extractStars, doc('II. KẾT QUẢ', ...lines(text))).fields.starsRegistered ?? null;
  it.each<[string, number | null]>([
    ['Xã đăng ký mức độ đạt chuẩn 5 sao trong năm nay.', 5],
    ['Đăng ký: 2 sao.', 2],
    ['Phường đã đăng ký đạt chuẩn chính quyền thân thiện mức 4 sao.', 4],
    ['Mục tiêu năm sau đạt 5 sao.', null],
    ['Năm 2023 xã đạt 3 sao.', null],
    ['Xã đăng ký đạt mức một sao.', 1],
  ])('%s', (text, expected) => {
    expect(stars(text)).toBe(expected);
  });
});

describe('more committees wordings', () => {
  const com = (text: string) => run(extractCommittees, doc('1. Công tác chỉ đạo', ...lines(text))).fields;
  it.each<[string, number | null, number | null]>([
    ['Ban Chỉ đạo xã gồm 13 đồng chí.', 13, null],
    ['Tổ giúp việc gồm 07 công chức chuyên môn.', null, 7],
    ['Ban Chỉ đạo được kiện toàn với 16 thành viên, Tổ giúp việc có 5 thành viên.', 16, 5],
    ['Quyết định thành lập Ban Chỉ đạo (gồm 11 thành viên) và Tổ giúp việc (gồm 6 thành viên).', 11, 6],
    ['Ban Chỉ đạo tỉnh có 25 thành viên.', null, null],
    ['Ban Chỉ đạo họp 3 lần trong kỳ.', null, null],
  ])('%s', (text, members, team) => {
    const f = com(text);
    expect(f.steeringCommittee?.members ?? null).toBe(members);
    expect(f.supportTeam?.members ?? null).toBe(team);
  });
});

describe('more training and inspection wordings', () => {
  const train = (text: string) => run(extractTraining, doc('3. Tập huấn', ...lines(text))).fields.training ?? {};
  const insp = (text: string) => run(extractInspections, doc('4. Kiểm tra, giám sát', ...lines(text))).fields.inspections ?? null;
  it.each<[string, { classes?: number; participants?: number }]>([
    ['Tổ chức được 3 hội nghị tập huấn với 210 đại biểu tham dự.', { classes: 3, participants: 210 }],
    ['Số lớp tập huấn: 2; số người tham gia: 85.', { classes: 2, participants: 85 }],
    ['Mở 01 lớp tập huấn nghiệp vụ.', { classes: 1 }],
    ['Tham dự 2 lớp tập huấn do tỉnh tổ chức.', {}],
    ['Dự kiến tổ chức 2 lớp tập huấn vào quý sau.', {}],
  ])('training: %s', (text, expected) => {
    expect(train(text)).toEqual(expected);
  });
  it.each<[string, number | null]>([
    ['Trong kỳ có 02 đợt giám sát của HĐND xã.', 2],
    ['Số cuộc kiểm tra: 4.', 4],
    ['Thực hiện kiểm tra, giám sát được 5 cuộc.', 5],
    ['Chưa có đợt kiểm tra nào.', 0],
    ['Kế hoạch kiểm tra 3 đợt trong năm tới.', null],
  ])('inspections: %s', (text, expected) => {
    expect(insp(text)).toBe(expected);
  });
});

describe('more budget wordings', () => {
  const budget = (text: string) => run(extractBudget, doc('5. Kinh phí', ...lines(text))).fields.budget ?? {};
  it.each<[string, unknown]>([
    ['Kinh phí bố trí: 40 triệu đồng; đã sử dụng: 35 triệu đồng.', { planned: { total: 40 }, disbursed: { total: 35 } }],
    ['Tổng kinh phí bố trí 50 triệu đồng, trong đó ngân sách huyện 20 triệu đồng, ngân sách xã 30 triệu đồng.', { planned: { total: 50, district: 20, commune: 30 } }],
    // Neither allotted nor spent is said: two equally good readings, so nothing.
    ['Tổng kinh phí 50 triệu đồng.', {}],
    ['Kinh phí thực hiện trong kỳ: 7.500.000đ.', { disbursed: { total: 7.5 } }],
    ['Kinh phí được phân bổ 15 tr.đồng.', { planned: { total: 15 } }],
    ['Ngân sách xã bố trí 10 triệu đồng, đã chi 6,5 triệu đồng.', { planned: { commune: 10 }, disbursed: { commune: 6.5 } }],
    ['Năm tới dự kiến xin hỗ trợ 30 triệu đồng.', {}],
  ])('%s', (text, expected) => {
    expect(budget(text)).toEqual(expected);
  });
});

describe('still more wordings', () => {
  const profile = (text: string) => run(extractProfile, doc('I. TÌNH HÌNH ĐỊA PHƯƠNG', ...lines(text))).fields.profile ?? {};
  it.each<[string, string, number | undefined]>([
    ['Xã có 3 làng, 1.406 hộ, dân số 5.870 người.', 'villages', 3],
    ['Xã có 3 làng, 1.406 hộ, dân số 5.870 người.', 'households', 1406],
    ['Xã có 3 làng, 1.406 hộ, dân số 5.870 người.', 'population', 5870],
    ['Tổng số đảng viên toàn Đảng bộ: 267.', 'partyMembers', 267],
    ['Đảng bộ gồm 12 chi bộ trực thuộc.', 'partyCells', 12],
    ['Năm nay chuyển sinh hoạt đến 4 đảng viên.', 'partyMembers', undefined],
    ['Công an xã: 6 đồng chí chính quy, 9 công an viên.', 'police', 6],
    ['Diện tích tự nhiên 9,8 km2.', 'areaHa', 980],
    ['Dân số: khoảng 6 ngàn người.', 'population', 6000],
    ['Có 1.920 hộ; trong đó 35 hộ nghèo.', 'households', 1920],
    ['Thôn Đông có 320 hộ.', 'households', undefined],
  ])('%s → %s = %s', (text, key, value) => {
    expect((profile(text) as Record<string, unknown>)[key]).toBe(value);
  });

  const stars = (text: string) => run(extractStars, doc('II. KẾT QUẢ', ...lines(text))).fields.starsRegistered ?? null;
  it.each<[string, number | null]>([
    ['Về đăng ký sao: xã đăng ký 4 sao năm 2024.', 4],
    ['Đăng ký đạt chuẩn: 03 sao.', 3],
    ['Xã tự đánh giá đủ điều kiện đăng ký mức 2 sao.', 2],
    ['Chưa đăng ký mức sao năm nay.', null],
    ['Huyện giao chỉ tiêu 50% số xã đạt 3 sao.', null],
  ])('stars: %s', (text, expected) => {
    expect(stars(text)).toBe(expected);
  });

  const prop = (text: string) => run(extractPropaganda, doc('2. Tuyên truyền', ...lines(text))).fields.propaganda ?? {};
  it.each<[string, { banners?: number; panels?: number }]>([
    ['Đã căng 08 băng rôn tại trụ sở.', { banners: 8 }],
    ['Xây dựng 2 pano tấm lớn ở ngã ba.', { panels: 2 }],
    ['Treo băng rôn tại 12 thôn.', {}],
    ['Trong kỳ, treo 16 băng rôn; làm 3 pa-nô; phát 500 tờ gấp.', { banners: 16, panels: 3 }],
    ['Số lượng băng rôn: 21 chiếc.', { banners: 21 }],
    ['Số lượng pano, áp phích: 5 chiếc.', { panels: 5 }],
    ['Năm 2023 đã treo 30 băng rôn; năm nay treo 12 băng rôn.', { banners: 12 }],
    ['Huyện cấp cho xã 10 băng rôn mẫu.', { banners: 10 }],
  ])('propaganda: %s', (text, expected) => {
    expect(prop(text)).toEqual(expected);
  });

  const com = (text: string) => run(extractCommittees, doc('1. Công tác chỉ đạo', ...lines(text))).fields;
  it.each<[string, number | null, number | null]>([
    ['Ban Chỉ đạo (17 thành viên) họp định kỳ hằng quý.', 17, null],
    ['Tổ giúp việc có 04 thành viên do công chức Tư pháp làm tổ trưởng.', null, 4],
    ['Ban Chỉ đạo xã có 9 người, Tổ giúp việc có 5 người.', 9, 5],
    ['Ban Chỉ đạo huyện gồm 23 thành viên; xã chưa kiện toàn.', null, null],
  ])('committees: %s', (text, members, team) => {
    const f = com(text);
    expect(f.steeringCommittee?.members ?? null).toBe(members);
    expect(f.supportTeam?.members ?? null).toBe(team);
  });

  const budget = (text: string) => run(extractBudget, doc('5. Kinh phí', ...lines(text))).fields.budget ?? {};
  it.each<[string, unknown]>([
    ['Kinh phí dự toán: 18 triệu đồng.', { planned: { total: 18 } }],
    ['Đã giải ngân 100% kinh phí được giao là 18 triệu đồng.', { planned: { total: 18 } }],
    ['Kinh phí đã chi: 4.250.000 đồng (ngân sách xã).', { disbursed: { commune: 4.25 } }],
    ['Đề xuất bổ sung 15 triệu đồng kinh phí.', {}],
  ])('budget: %s', (text, expected) => {
    expect(budget(text)).toEqual(expected);
  });
});

// --- issue 10, batch to 40 per family ----------------------------------------------------------

describe('stars wordings, batch 2', () => {
  const stars = (text: string) => run(extractStars, doc('II. KẾT QUẢ', ...lines(text))).fields.starsRegistered ?? null;
  it.each<[string, number | null]>([
    ['UBND phường đăng ký đạt 05 sao.', 5],
    ['Kết quả đăng ký: mức 3 sao.', 3],
    ['Mức sao đăng ký: 4 sao.', 4],
    ['Xã đã đăng ký với UBND huyện mức 2 sao theo hướng dẫn.', 2],
    ['Thị trấn đăng ký phấn đấu đạt 4*.', 4],
    ['Năm nay UBND xã đăng ký ở mức bốn sao.', 4],
    ['Về việc đăng ký mức đạt chuẩn, xã chọn mức hai sao.', 2],
    ['Xã ĐĂNG KÝ ĐẠT 3 SAO.', 3],
    ['Căn cứ kết quả tự chấm điểm, UBND xã đăng ký đạt chuẩn mức 5 sao.', 5],
    ['Xã đăng ký mức 1 sao do mới triển khai.', 1],
    ['Đăng ký mức độ: 04 sao.', 4],
    ['Về mức đăng ký, xã đăng ký 3 sao với huyện.', 3],
    ['Xã không đăng ký mức sao trong năm.', null],
    ['Xã chưa đăng ký đạt chuẩn vì còn nhiều tiêu chí chưa đạt.', null],
    ['Xã đăng ký (theo Kế hoạch số 15/KH-UBND) mức 3 sao.', 3],
    ['Huyện có 6 xã đạt 4 sao.', null],
    ['Khách sạn 3 sao trên địa bàn được cấp phép.', null],
    ['Định hướng đến năm 2030 đạt 5 sao.', null],
    ['Xã được công nhận đạt 3 sao.', null],
    ['Đề nghị huyện xem xét công nhận xã đạt chuẩn.', null],
    ['Sản phẩm OCOP đạt 4 sao của hợp tác xã.', null],
    ['Phấn đấu đạt chuẩn mức 4 sao.', null],
    ['Các phòng ban đăng ký thi đua năm.', null],
    ['Trong 12 tiêu chí đăng ký, xã đạt 10 tiêu chí.', null],
  ])('%s', (text, expected) => {
    expect(stars(text)).toBe(expected);
  });
});

describe('committees wordings, batch 2', () => {
  const com = (text: string) => run(extractCommittees, doc('1. Công tác chỉ đạo', ...lines(text))).fields;
  it.each<[string, number | null, number | null]>([
    ['BCĐ xã gồm 14 thành viên.', 14, null],
    ['TGV gồm 06 thành viên.', null, 6],
    ['Số thành viên Ban Chỉ đạo: 18 người.', 18, null],
    ['Số thành viên Tổ giúp việc: 7 người.', null, 7],
    ['UBND xã ban hành quyết định kiện toàn Ban Chỉ đạo, gồm 19 thành viên là lãnh đạo các ban, ngành.', 19, null],
    ['Ban Chỉ đạo của phường có tất cả 10 thành viên.', 10, null],
    ['Tổ công tác giúp việc gồm 5 người, do Phó Chủ tịch UBND làm tổ trưởng.', null, 5],
    ['Ban Chỉ đạo thị trấn gồm 16 đồng chí; Tổ giúp việc 8 đồng chí.', 16, 8],
    ['Kiện toàn BCĐ (12 thành viên) và TGV (04 thành viên).', 12, 4],
    ['Ban Chỉ đạo xây dựng chính quyền thân thiện của xã gồm 20 thành viên.', 20, null],
    ['Thành phần Ban Chỉ đạo gồm 11 đồng chí, trong đó Trưởng ban là Chủ tịch UBND xã.', 11, null],
    ['Tổ giúp việc được thành lập với 9 thành viên là công chức chuyên môn.', null, 9],
    ['Ban Chỉ đạo: 15 thành viên; Tổ giúp việc: 6 thành viên.', 15, 6],
    ['Sau khi kiện toàn, Ban Chỉ đạo còn 13 thành viên.', 13, null],
    ['Ban Chỉ đạo tổ chức 4 cuộc họp.', null, null],
    ['Ban Chỉ đạo đã ban hành 06 văn bản chỉ đạo.', null, null],
    ['Tổ giúp việc tham mưu 3 kế hoạch.', null, null],
    ['Ban Chỉ đạo của huyện gồm 27 đồng chí.', null, null],
    ['Ban Chỉ đạo cấp tỉnh có 31 thành viên.', null, null],
    ['Ban Chỉ đạo phân công 12 thành viên phụ trách 12 thôn.', null, null],
    ['Ban Chỉ đạo chưa được kiện toàn.', null, null],
    ['Tổ giúp việc đi kiểm tra 5 thôn.', null, null],
    ['Ban Chỉ đạo (BCĐ) của xã có 12 người, TGV có 4 người.', 12, 4],
    ['Ban Chỉ đạo gồm 14 thành viên; Tổ giúp việc của huyện gồm 9 thành viên.', 14, null],
    ['Ban Chỉ đạo tỉnh gồm 21 thành viên, Ban Chỉ đạo xã gồm 11 thành viên.', 11, null],
    ['Tổ giúp việc (TGV) của Ban Chỉ đạo xã có 05 người.', null, 5],
  ])('%s', (text, members, team) => {
    const f = com(text);
    expect(f.steeringCommittee?.members ?? null).toBe(members);
    expect(f.supportTeam?.members ?? null).toBe(team);
  });
});

describe('budget wordings, batch 2', () => {
  const budget = (text: string) => run(extractBudget, doc('5. Kinh phí', ...lines(text))).fields.budget ?? {};
  it.each<[string, unknown]>([
    ['Dự toán kinh phí năm: 36 triệu đồng.', { planned: { total: 36 } }],
    ['Đã giải ngân được 21,4 triệu đồng.', { disbursed: { total: 21.4 } }],
    ['Kinh phí được giao: 1.200.000 đồng.', { planned: { total: 1.2 } }],
    ['Kinh phí đã sử dụng 9 tr.đ.', { disbursed: { total: 9 } }],
    ['Ngân sách huyện phân bổ 15 triệu đồng.', { planned: { district: 15 } }],
    ['Quyết toán kinh phí: 11.750.000đ.', { disbursed: { total: 11.75 } }],
    ['Kinh phí bố trí 20.000 nghìn đồng.', { planned: { total: 20 } }],
    ['Tổng dự toán 45 triệu đồng; lũy kế đã chi 30 triệu đồng.', { planned: { total: 45 }, disbursed: { total: 30 } }],
    ['Nguồn kinh phí được cấp 8 triệu đồng, thực chi 7,2 triệu đồng.', { planned: { total: 8 }, disbursed: { total: 7.2 } }],
    ['Kinh phí thực hiện (ngân sách xã): 5 triệu đồng.', { disbursed: { commune: 5 } }],
    ['Dự toán\t30 triệu đồng', { planned: { total: 30 } }],
    ['Kinh phí xây dựng nhà văn hóa thôn 800 triệu đồng.', {}],
    ['Thu ngân sách xã đạt 4,2 tỷ đồng.', {}],
    ['Hỗ trợ 02 hộ nghèo mỗi hộ 40 triệu đồng làm nhà.', {}],
    ['Kinh phí dự toán (ngân sách xã): 14 triệu đồng.', { planned: { commune: 14 } }],
    ['Xã chưa được cấp kinh phí thực hiện.', {}],
    ['Kinh phí chủ yếu lồng ghép từ các chương trình khác.', {}],
    ['Kiến nghị tỉnh bố trí kinh phí cho các xã.', {}],
    ['Kinh phí đã giải ngân: ngân sách huyện 10 tr.đ, ngân sách xã 5 tr.đ.', { disbursed: { district: 10, commune: 5 } }],
    ['Huyện phân bổ cho 15 xã tổng số 300 triệu đồng.', {}],
    ['Kinh phí phân bổ cho năm: 22 triệu đồng, trong đó ngân sách xã 22 triệu đồng.', { planned: { total: 22, commune: 22 } }],
    ['Kinh phí đã thực chi đến ngày báo cáo: 3,75 triệu đồng.', { disbursed: { total: 3.75 } }],
    ['Tổng kinh phí đã chi: 6.000.000 đồng.', { disbursed: { total: 6 } }],
    ['Kinh phí hoạt động thường xuyên của UBND xã năm nay tăng 5%.', {}],
  ])('%s', (text, expected) => {
    expect(budget(text)).toEqual(expected);
  });
});

describe('surveys and satisfaction wordings, batch 2', () => {
  const surveys = (text: string) => run(extractSurveys, doc('II. KẾT QUẢ', ...lines(text))).fields.surveys ?? null;
  const sat = (text: string) => run(extractSatisfaction, doc('II. KẾT QUẢ', ...lines(text))).fields.satisfactionPercent ?? null;
  it.each<[string, { done: number; planned: number } | null]>([
    ['Số phiếu đã khảo sát/số phiếu phải khảo sát: 14/20.', { done: 14, planned: 20 }],
    ['Xã hoàn thành khảo sát 50/50 phiếu được giao.', { done: 50, planned: 50 }],
    ['Kết quả thu phiếu khảo sát đạt 27/30 phiếu.', { done: 27, planned: 30 }],
    ['Phiếu khảo sát: đã thu 09 trên 12 phiếu.', { done: 9, planned: 12 }],
    ['Huyện phát 1.500 phiếu khảo sát cho các xã.', null],
    ['Xã chưa tiến hành khảo sát.', null],
    ['Đạt 3/4 thôn văn hóa.', null],
    ['Có 20 phiếu khảo sát được in sẵn.', null],
    ['Tổng hợp phiếu khảo sát: thu về 17 phiếu/tổng số 20 phiếu.', { done: 17, planned: 20 }],
  ])('surveys: %s', (text, expected) => {
    expect(surveys(text)).toEqual(expected);
  });
  it.each<[string, number | null]>([
    ['Tỷ lệ hài lòng chung: 98,4 %.', 98.4],
    ['Người dân hài lòng với cán bộ một cửa chiếm 91%.', 91],
    ['Qua khảo sát, mức độ hài lòng đạt 100 %.', 100],
    ['Sự hài lòng của người dân, doanh nghiệp đạt tỷ lệ 96%.', 96],
    ['Tỷ lệ không hài lòng 3%.', null],
    ['Tỷ lệ hài lòng của huyện đạt 94%.', null],
    ['Tỷ lệ phiếu thu về đạt 90%.', null],
    ['Tỷ lệ hài lòng bình quân toàn tỉnh là 93%.', null],
  ])('satisfaction: %s', (text, expected) => {
    expect(sat(text)).toBe(expected);
  });
});

describe('wordings in a report dated 2024 (another year is not this one)', () => {
  const TITLE = 'BÁO CÁO Kết quả xây dựng chính quyền cơ sở thân thiện năm 2024';
  const stars = (text: string) => run(extractStars, doc(TITLE, 'II. KẾT QUẢ', ...lines(text))).fields.starsRegistered ?? null;
  const budget = (text: string) => run(extractBudget, doc(TITLE, '5. Kinh phí', ...lines(text))).fields.budget ?? {};
  it.each<[string, number | null]>([
    ['Năm 2022 xã đăng ký 2 sao.', null],
    ['Năm 2024 xã đăng ký 3 sao.', 3],
  ])('stars: %s', (text, expected) => {
    expect(stars(text)).toBe(expected);
  });
  it.each<[string, unknown]>([
    ['Năm 2023 đã chi 12 triệu đồng cho nhiệm vụ này.', {}],
    ['Dự kiến năm 2026 bố trí 40 triệu đồng.', {}],
    ['Năm 2024 kinh phí được giao 16 triệu đồng.', { planned: { total: 16 } }],
    ['Giai đoạn 2021-2025, kinh phí bố trí hằng năm 10 triệu đồng.', { planned: { total: 10 } }],
  ])('budget: %s', (text, expected) => {
    expect(budget(text)).toEqual(expected);
  });
  const sat = (text: string) => run(extractSatisfaction, doc(TITLE, 'II. KẾT QUẢ', ...lines(text))).fields.satisfactionPercent ?? null;
  it.each<[string, number | null]>([
    ['Năm 2023 tỷ lệ hài lòng là 88%.', null],
    ['Năm 2024, tỷ lệ người dân hài lòng đạt 97%.', 97],
  ])('satisfaction: %s', (text, expected) => {
    expect(sat(text)).toBe(expected);
  });
});

describe('propaganda wordings, batch 2', () => {
  const prop = (text: string) => run(extractPropaganda, doc('2. Công tác thông tin, tuyên truyền', ...lines(text))).fields.propaganda ?? {};
  it.each<[string, { banners?: number; panels?: number }]>([
    ['Xã đã cho treo tổng cộng 27 băng rôn dọc quốc lộ.', { banners: 27 }],
    ['Kẻ vẽ, lắp đặt 07 pano cố định tại các điểm công cộng.', { panels: 7 }],
    ['Băng rôn: 19 cái; pa nô: 06 cái.', { banners: 19, panels: 6 }],
    ['UBND xã chỉ đạo treo 33 băng rôn khẩu hiệu tại nhà văn hóa các thôn.', { banners: 33 }],
    ['Lắp dựng mới 4 pa nô tấm lớn tại khu trung tâm.', { panels: 4 }],
    ['Đã in và treo 15 băng rôn, 2 pano cổ động.', { banners: 15, panels: 2 }],
    ['Trong 6 tháng đầu năm, xã căng 22 băng rôn.', { banners: 22 }],
    ['Treo 9 băng zôn tuyên truyền dịp kỷ niệm ngày thành lập.', { banners: 9 }],
    ['Số pa-nô được dựng: 3.', { panels: 3 }],
    ['Xã không dựng thêm pano nào.', { panels: 0 }],
    ['Phát thanh 48 buổi trên hệ thống loa truyền thanh.', {}],
    ['Phát hành 1.200 tờ gấp đến các hộ gia đình.', {}],
    ['Năm tới, xã dự kiến làm 6 pano mới.', {}],
    ['Toàn huyện đã treo 450 băng rôn.', {}],
    ['Năm trước xã đã dựng 4 pano.', {}],
    ['Tổ chức 5 hội nghị tuyên truyền với 600 lượt người dự.', {}],
    ['Đăng 12 tin bài trên trang thông tin điện tử của xã.', {}],
    ['Kết quả tuyên truyền trực quan: băng rôn 24 chiếc, pano 5 chiếc.', { banners: 24, panels: 5 }],
    ['Treo băng rôn ở 9 khu dân cư.', {}],
    ['Căng 11 băng rôn và treo 200 lá cờ tổ quốc.', { banners: 11 }],
    ['Đã làm 2 cụm pa nô và 13 băng rôn tại các trường học.', { banners: 13, panels: 2 }],
    ['Đề xuất tỉnh hỗ trợ kinh phí làm 8 pano.', {}],
  ])('%s', (text, expected) => {
    expect(prop(text)).toEqual(expected);
  });
});

describe('training and inspection wordings, batch 2', () => {
  const train = (text: string) => run(extractTraining, doc('3. Công tác tập huấn, bồi dưỡng', ...lines(text))).fields.training ?? {};
  const insp = (text: string) => run(extractInspections, doc('4. Kiểm tra, giám sát', ...lines(text))).fields.inspections ?? null;
  it.each<[string, { classes?: number; participants?: number }]>([
    ['Xã đã tổ chức 04 lớp tập huấn, thu hút 180 lượt cán bộ tham gia.', { classes: 4, participants: 180 }],
    ['Mở được 2 lớp tập huấn về cải cách hành chính cho 75 người.', { classes: 2, participants: 75 }],
    ['Trong năm, tổ chức 1 lớp tập huấn chuyên đề với 52 học viên.', { classes: 1, participants: 52 }],
    ['Số lớp tập huấn đã mở: 3.', { classes: 3 }],
    ['Xã chưa mở được lớp tập huấn nào trong kỳ báo cáo.', { classes: 0 }],
    ['Cử 7 cán bộ đi học lớp bồi dưỡng do tỉnh mở.', {}],
    ['Năm sau, xã phấn đấu mở 3 lớp tập huấn.', {}],
    ['Đăng ký nhu cầu tập huấn cho 30 cán bộ.', {}],
    ['Tổ chức 05 lớp tập huấn kỹ năng số cho 240 lượt người dân.', { classes: 5, participants: 240 }],
    ['Phối hợp mở 02 lớp tập huấn khuyến nông với 110 lượt nông dân.', { classes: 2, participants: 110 }],
    ['Lớp tập huấn: 1 lớp, học viên: 38 người.', { classes: 1, participants: 38 }],
    ['Cán bộ xã tham gia 3 lớp tập huấn trực tuyến của Bộ.', {}],
  ])('training: %s', (text, expected) => {
    expect(train(text)).toEqual(expected);
  });
  it.each<[string, number | null]>([
    ['Trong năm, Ban Chỉ đạo xã đã tiến hành 06 cuộc kiểm tra.', 6],
    ['Tổ chức được 4 đợt kiểm tra, giám sát tại các thôn.', 4],
    ['Số đợt giám sát đã thực hiện: 3.', 3],
    ['Xã chưa tiến hành cuộc kiểm tra nào.', 0],
    ['Năm tới, xã dự kiến kiểm tra 4 cuộc.', null],
    ['Kiểm tra 40 hộ kinh doanh về an toàn thực phẩm.', null],
    ['Tăng cường kiểm tra, nhắc nhở các thôn thực hiện.', null],
    ['Ban Chỉ đạo đã thực hiện 07 cuộc giám sát chuyên đề.', 7],
    ['Thực hiện 2 cuộc kiểm tra đột xuất tại bộ phận một cửa.', 2],
    ['Đôn đốc, kiểm tra thường xuyên theo kế hoạch.', null],
    ['Số cuộc giám sát trong kỳ: 05.', 5],
  ])('inspections: %s', (text, expected) => {
    expect(insp(text)).toBe(expected);
  });
});

describe('criteria wordings, batch 2', () => {
  const criteria = (text: string) => run(extractCriteria, doc(...lines(text))).fields.criteria ?? [];
  it.each<[string, { group: number; met: number; total: number; unmet: number[] }[]]>([
    ['Nhóm tiêu chí 1: xã tự đánh giá đạt 6/8 chỉ tiêu; các chỉ tiêu 2, 7 chưa đạt.', [{ group: 1, met: 6, total: 8, unmet: [2, 7] }]],
    ['Nhóm 2 đạt 3/4 chỉ tiêu, còn chỉ tiêu 12 chưa đạt.', [{ group: 2, met: 3, total: 4, unmet: [12] }]],
    ['Nhóm tiêu chí thứ tư đạt 6/6 chỉ tiêu.', [{ group: 4, met: 6, total: 6, unmet: [] }]],
    ['Nhóm V: đạt 9/10 chỉ tiêu, chỉ tiêu 33 chưa đạt.', [{ group: 5, met: 9, total: 10, unmet: [33] }]],
    ['Nhóm 6: kết quả tự chấm đạt 7/8.', [{ group: 6, met: 7, total: 8, unmet: [] }]],
    ['Nhóm 3 gồm 11 chỉ tiêu, xã đạt được 11.', [{ group: 3, met: 11, total: 11, unmet: [] }]],
    ['Nhóm tiêu chí 1 hoàn thành 8/8 chỉ tiêu.', [{ group: 1, met: 8, total: 8, unmet: [] }]],
    ['Nhóm 4 đạt 4 trên 6 chỉ tiêu; chưa đạt chỉ tiêu 24 và 26.', [{ group: 4, met: 4, total: 6, unmet: [24, 26] }]],
    ['Nhóm 5 dự kiến đạt 10/10 chỉ tiêu vào cuối năm.', []],
    ['Xã đang tự đánh giá các nhóm chỉ tiêu.', []],
    ['Nhóm\tSố chỉ tiêu\tĐạt\n4\t6\t5\n5\t10\t10', [{ group: 4, met: 5, total: 6, unmet: [] }, { group: 5, met: 10, total: 10, unmet: [] }]],
    ['Nhóm tiêu chí\tKết quả tự đánh giá\n3\t9/11\n6\t8/8', [{ group: 3, met: 9, total: 11, unmet: [] }, { group: 6, met: 8, total: 8, unmet: [] }]],
    ['Nhóm 2: 4 chỉ tiêu; đã đạt 4.', [{ group: 2, met: 4, total: 4, unmet: [] }]],
    ['Nhóm tiêu chí 6 có 8 chỉ tiêu, đạt 5, chưa đạt 3 (chỉ tiêu 41, 44, 46).', [{ group: 6, met: 5, total: 8, unmet: [41, 44, 46] }]],
    ['Nhóm 1: đạt 8/8 chỉ tiêu.\nNhóm 2: đạt 4/4 chỉ tiêu.', [{ group: 1, met: 8, total: 8, unmet: [] }, { group: 2, met: 4, total: 4, unmet: [] }]],
    ['Nhóm 3: tỷ lệ đạt 10/11, chưa đạt chỉ tiêu số 17.', [{ group: 3, met: 10, total: 11, unmet: [17] }]],
    ['Nhóm 4: 6/6 chỉ tiêu được đánh giá đạt.', [{ group: 4, met: 6, total: 6, unmet: [] }]],
  ])('%s', (text, expected) => {
    expect(criteria(text)).toEqual(expected);
  });
});

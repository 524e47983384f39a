import { describe, expect, it } from 'vitest';
import { extractProfile } from '../extractors/profile.ts';
import { doc, run, seed } from './extract.helpers.ts';

const profileOf = (...lines: string[]) => run(extractProfile, doc(...lines)).fields.profile ?? {};
const section = (...body: string[]) => profileOf('I. TÌNH HÌNH CHUNG', ...body);

describe('extractProfile on the seed', () => {
  it('reads every figure of section I', () => {
    const r = run(extractProfile, seed());
    expect(r.fields.profile).toEqual({
      areaHa: 1719.58, population: 17128, households: 3807, villages: 11,
      partyCells: 18, partyMembers: 378, cadres: 21, canBo: 10, congChuc: 11, police: 5,
      incomePerCapitaMillionVnd: 54, distanceToDistrictKm: 8,
    });
    expect(r.provenance['profile.population']).toEqual({ section: 'I', quote: 'dân số là 17.128 nhân khẩu (theo dữ liệu dân cư)' });
    expect(r.provenance['profile.cadres']!.quote).toContain('21 người');
    expect(r.provenance['profile.distanceToDistrictKm']!.quote).toContain('8.0 km');
  });
});

describe('extractProfile: population, households, area, villages', () => {
  it.each([
    ['dân cư: dân số là 9.214 nhân khẩu thường trú', 9214],
    ['Dân số: 17.128 người', 17128],
    ['cả xã tổng dân số có 9 214 khẩu', 9214],
    ['Dân số 17128 người.', 17128],
    ['Năm 2024, dân số của xã là 17.128 người', 17128],
    ['theo thống kê, dân số năm 2023 là 9.214 người', 9214],
    ['Toàn xã có 3.807 hộ với 17.128 nhân khẩu', 17128],
  ])('population: %s', (text, value) => {
    expect(section(text).population).toBe(value);
  });

  it('does not take densities, growth rates or years for the population', () => {
    expect(section('Mật độ dân số 1.000 người/km2.').population).toBeUndefined();
    expect(section('Tỷ lệ tăng dân số tự nhiên 1,2%.').population).toBeUndefined();
    expect(section('Công tác dân số năm 2024 được quan tâm.').population).toBeUndefined();
  });

  it.each([
    ['với 3.807 hộ gia đình', 3807],
    ['có 3807 hộ', 3807],
    ['Tổng số hộ: 3.807', 3807],
    ['hiện nay số hộ gia đình là 2 519', 2519],
  ])('households: %s', (text, value) => {
    expect(section(text).households).toBe(value);
  });

  it('does not count poor households or household registrations', () => {
    expect(section('Toàn xã còn 45 hộ nghèo, 60 hộ cận nghèo.').households).toBeUndefined();
    expect(section('Có 120 hộ được hỗ trợ xây nhà.').households).toBeUndefined();
  });

  it.each([
    ['tổng diện tích tự nhiên là 1.719,58 ha', 1719.58],
    ['Xã có 1719,58ha diện tích tự nhiên', 1719.58],
    ['Tổng diện tích tự nhiên 17,1958 km2', 1719.58],
    ['diện tích tự nhiên: 12,5 km²', 1250],
    ['Diện tích tự nhiên của xã (ha): 2.043,17', 2043.17],
  ])('area: %s', (text, value) => {
    expect(section(text).areaHa).toBe(value);
  });

  it('does not take the area of one kind of land', () => {
    expect(section('Diện tích đất nông nghiệp 900 ha, diện tích gieo trồng lúa 450 ha.').areaHa).toBeUndefined();
    expect(section('Diện tích tự nhiên 1.719,58 ha, trong đó đất nông nghiệp 900 ha.').areaHa).toBe(1719.58);
  });

  it.each([
    ['được chia thành 11 thôn', 11],
    ['gồm 11 thôn, làng', 11],
    ['Thị trấn có 09 tổ dân phố', 9],
    ['Phường có 7 khu phố', 7],
    ['Số thôn: 11', 11],
  ])('villages: %s', (text, value) => {
    expect(section(text).villages).toBe(value);
  });

  it('does not count villages that reached a title', () => {
    expect(section('Có 8 thôn đạt danh hiệu thôn văn hóa.').villages).toBeUndefined();
  });
});

describe('extractProfile: party', () => {
  it('reads the total number of cells, not a breakdown', () => {
    const p = section('Đảng bộ xã có 18 chi bộ trực thuộc với 378 đảng viên, trong đó kết nạp 5 đảng viên mới.');
    expect(p.partyCells).toBe(18);
    expect(p.partyMembers).toBe(378);
  });

  it('leaves the total null when only kinds of cells are counted', () => {
    const p = section('Đảng bộ xã có 11 chi bộ nông nghiệp, 5 chi bộ nhà trường.');
    expect(p.partyCells).toBeUndefined();
  });

  it('does not take new members for the membership', () => {
    expect(section('Trong 6 tháng, kết nạp 5 đảng viên mới.').partyMembers).toBeUndefined();
    expect(section('Tổng số đảng viên: 378 đồng chí.').partyMembers).toBe(378);
  });
});

describe('extractProfile: cadres (cán bộ + công chức)', () => {
  it.each([
    ['Tổng số cán bộ, công chức … là 21 người, trong đó 10 cán bộ, 11 công chức.', 21, 10, 11],
    ['Xã có 10 cán bộ và 11 công chức (tổng 21).', 21, 10, 11],
    ['Cán bộ, công chức: 21 (CB: 10; CC: 11).', 21, 10, 11],
    ['Tổng số CBCC là 21 người. Trong đó: cán bộ 10 đồng chí, công chức 11 đồng chí.', 21, 10, 11],
    ['Đội ngũ cán bộ, công chức xã gồm 21 đồng chí.', 21, undefined, undefined],
    ['Xã có 21 cán bộ, công chức và 12 người hoạt động không chuyên trách.', 21, undefined, undefined],
    ['Xã có 10 cán bộ, 11 công chức và 12 người hoạt động không chuyên trách.', undefined, 10, 11],
  ])('%s', (text, cadres, canBo, congChuc) => {
    const p = section(text);
    expect(p.cadres).toBe(cadres);
    expect(p.canBo).toBe(canBo);
    expect(p.congChuc).toBe(congChuc);
  });

  it('does not count a total that includes người hoạt động không chuyên trách', () => {
    const p = section('Tổng số cán bộ, công chức và người hoạt động không chuyên trách là 35 người.');
    expect(p.cadres).toBeUndefined();
  });

  it('does not take cadres sent to a training elsewhere in the report', () => {
    const p = profileOf('I. TÌNH HÌNH CHUNG', 'Xã có 11 thôn.', 'II. KẾT QUẢ', 'UBND xã cử 5 cán bộ, công chức tham gia tập huấn.');
    expect(p.cadres).toBeUndefined();
    expect(p.villages).toBe(11);
  });
});

describe('extractProfile: police, income, distance', () => {
  it.each([
    ['Công an chính quy có 05 người.', 5],
    ['Công an xã có 05 đồng chí chính quy.', 5],
    ['Xã được bố trí 06 đồng chí công an chính quy.', 6],
    ['Lực lượng công an chính quy: 7 đồng chí', 7],
  ])('police: %s', (text, value) => {
    expect(section(text).police).toBe(value);
  });

  it('does not take the police party cell for the police', () => {
    expect(section('Đảng bộ có 01 chi bộ Công an.').police).toBeUndefined();
  });

  it.each([
    ['năm qua thu nhập bình quân đầu người ước đạt 61 triệu đồng/người/năm', 61],
    ['TNBQ 54,5 triệu đồng', 54.5],
    ['thu nhập bình quân đầu người năm 2023 đạt 54 triệu đồng', 54],
    ['thu nhập bình quân 54.000.000 đồng/người/năm', 54],
    ['thu nhập bình quân đạt 4,5 triệu đồng/người/tháng', 54],
  ])('income: %s', (text, value) => {
    expect(section(text).incomePerCapitaMillionVnd).toBe(value);
  });

  it.each([
    ['xã nằm cách trung tâm huyện 11.0 km', 11],
    ['cách trung tâm huyện Hiệp Hòa khoảng 8 km về phía Nam', 8],
    ['cách trung tâm tỉnh 30 km, cách trung tâm huyện 8,5 km', 8.5],
    ['Xã nằm cách huyện lỵ 12km.', 12],
  ])('distance: %s', (text, value) => {
    expect(section(text).distanceToDistrictKm).toBe(value);
  });

  it('does not take the distance to the province', () => {
    expect(section('Xã cách trung tâm tỉnh 30 km.').distanceToDistrictKm).toBeUndefined();
  });
});

describe('extractProfile: other layouts', () => {
  it('reads a key–value table', () => {
    const p = profileOf(
      'I. ĐẶC ĐIỂM TÌNH HÌNH',
      'Chỉ tiêu\tSố liệu',
      'Diện tích tự nhiên (ha)\t1.719,58',
      'Dân số\t17.128',
      'Số hộ\t3.807',
      'Số thôn\t11',
    );
    expect(p).toMatchObject({ areaHa: 1719.58, population: 17128, households: 3807, villages: 11 });
  });

  it('reads a table laid out in columns, with provenance on the row', () => {
    const r = run(extractProfile, doc(
      'I. KHÁI QUÁT',
      'Diện tích (ha)\tDân số (người)\tSố hộ',
      '1.719,58\t17.128\t3.807',
    ));
    expect(r.fields.profile).toMatchObject({ areaHa: 1719.58, population: 17128, households: 3807 });
    expect(r.provenance['profile.population']!.quote).toContain('17.128');
  });

  it('reads figures outside the profile section too, preferring the profile section', () => {
    const p = profileOf(
      'I. KHÁI QUÁT ĐẶC ĐIỂM TÌNH HÌNH',
      'Xã có 3.807 hộ.',
      'II. KẾT QUẢ',
      'Dân số: 17.128 người; có 4.000 hộ tham gia ký cam kết.',
    );
    expect(p.population).toBe(17128);
    expect(p.households).toBe(3807);
  });

  it('leaves everything unset when nothing is stated', () => {
    expect(section('Tình hình an ninh chính trị ổn định. Ngày 11/6/2024 ban hành Kế hoạch số 133/KH-UBND.')).toEqual({});
  });
});

describe('extractProfile: an alternative report (phường, PHẦN I, km², CB/CC)', () => {
  it('reads it', () => {
    const p = profileOf(
      'PHẦN I. ĐẶC ĐIỂM TÌNH HÌNH',
      'Phường có diện tích tự nhiên 3,25 km2, gồm 09 tổ dân phố với 4.512 hộ, 15 320 nhân khẩu. Đảng bộ phường có 15 chi bộ trực thuộc, 612 đảng viên. Cán bộ, công chức: 20 (CB: 9; CC: 11). Công an phường có 12 đồng chí chính quy. Thu nhập bình quân đầu người đạt 72,5 triệu đồng/người/năm. Phường cách trung tâm tỉnh 2 km.',
    );
    expect(p).toEqual({
      areaHa: 325, villages: 9, households: 4512, population: 15320, partyCells: 15, partyMembers: 612,
      cadres: 20, canBo: 9, congChuc: 11, police: 12, incomePerCapitaMillionVnd: 72.5,
    });
  });

  it('does not take a count of households for the population', () => {
    const p = section('Dân số: toàn xã có 3.807 hộ, 17.128 nhân khẩu.');
    expect(p.population).toBe(17128);
    expect(p.households).toBe(3807);
  });
});

describe('extractProfile: more phrasings', () => {
  it('parts before the total in brackets', () => {
    expect(section('Đội ngũ cán bộ, công chức gồm 9 cán bộ và 11 công chức (tổng 20 người); Công an chính quy: 6 đồng chí.')).toMatchObject({ cadres: 20, canBo: 9, congChuc: 11, police: 6 });
  });

  it('the distance to the city centre for a phường, not for a xã', () => {
    expect(section('Xương Giang là phường của thành phố Bắc Giang, cách trung tâm thành phố 2 km.').distanceToDistrictKm).toBe(2);
    expect(section('Xã cách thành phố Bắc Giang 30 km.').distanceToDistrictKm).toBeUndefined();
  });
});

describe('extractProfile: police counts only', () => {
  it('does not take a number of cases for the police', () => {
    expect(section('Công an chính quy đã phối hợp giải quyết 3 vụ việc.').police).toBeUndefined();
    expect(section('Công an chính quy: 05.').police).toBe(5);
  });
});

describe('extractProfile: labelled values (tables with a label, unit and value column; label: value lines)', () => {
  it('reads a key–value table with a unit column and a notes column', () => {
    const p = section(
      'Chỉ tiêu\tĐơn vị\tSố lượng\tGhi chú',
      'Diện tích tự nhiên\tha\t1.236,47\t',
      'Dân số\tngười\t12.345\t',
      'Khu phố\tkhu\t11\t',
      'Chi bộ trực thuộc\tchi bộ\t16\t',
      'Đảng viên\tngười\t587\t',
      'Cán bộ, công chức\tngười\t22\t',
      '- Cán bộ\tngười\t10\t',
      '- Công chức\tngười\t11\t',
      'Công an chính quy\tđồng chí\t07\t',
      'Thu nhập bình quân đầu người\ttriệu đồng/năm\t62\tNăm 2023: 57 triệu',
    );
    expect(p).toEqual({
      areaHa: 1236.47, population: 12345, villages: 11, partyCells: 16, partyMembers: 587,
      cadres: 22, canBo: 10, congChuc: 11, police: 7, incomePerCapitaMillionVnd: 62,
    });
  });

  it('units in the labels of a two-column table', () => {
    expect(section('Nội dung\tSố liệu', 'Diện tích tự nhiên (ha)\t355,67', 'Số khối\t12', 'Số chi bộ trực thuộc Đảng bộ\t17', 'Thu nhập bình quân (triệu đồng/người/năm)\t65,2'))
      .toEqual({ areaHa: 355.67, villages: 12, partyCells: 17, incomePerCapitaMillionVnd: 65.2 });
  });

  it('bullet lines and ";"-separated statements', () => {
    expect(section('- Diện tích tự nhiên toàn xã: 1.073,6 ha;', '- Số hộ: 3.412 hộ; nhân khẩu: 13.906 người;', '- Số xóm: 13 xóm;', '- Công an xã: 05 đồng chí chính quy;'))
      .toEqual({ areaHa: 1073.6, households: 3412, population: 13906, villages: 13, police: 5 });
  });

  it('"label là N" parts of a sentence', () => {
    expect(section('Xã có diện tích tự nhiên là 935,83 ha, tổng số nhân khẩu là 11 003, 2 620 hộ gia đình, gồm 17 thôn.').population).toBe(11003);
    // a comma inside the label does not start a part: the 19 is cán bộ, công chức together, not công chức
    expect(section('Đội ngũ cán bộ, công chức là 19 người.').congChuc).toBeUndefined();
  });

  it('a label about a larger unit, another year, or an activity is not the commune’s figure', () => {
    expect(section('Dân số toàn huyện: 120.000 người').population).toBeUndefined();
    expect(section('Dân số năm 2023: 12.000 người', 'BÁO CÁO năm 2024').population).toBeUndefined();
    expect(profileOf('I. Tình hình chung', 'Xã có 20 cán bộ, công chức.', 'II. Công tác tập huấn', 'Đối tượng\tSố người', 'Cán bộ, công chức\t170').cadres).toBe(20);
  });

  it('a table of people trained is not a profile table (outside the profile section)', () => {
    expect(profileOf('II. Kết quả', 'Số lớp tập huấn\tĐối tượng tập huấn\tSố người tham gia', '3\tCán bộ, công chức\t189').cadres).toBeUndefined();
  });
});

describe('extractProfile: prose of other communes', () => {
  it('the district’s population is not the commune’s', () => {
    expect(section('Phường gồm 31 tổ dân phố với 8.426 hộ, 31.560 nhân khẩu; dân số toàn quận khoảng 200.000 người.')).toMatchObject({ population: 31560, households: 8426, villages: 31 });
  });

  it('villages after verbs of living ("sinh hoạt tại", "phân bố ở"), not places where something happened', () => {
    expect(section('Toàn phường có 4.830 hộ với 17.215 nhân khẩu, sinh hoạt tại 22 tổ dân phố.').villages).toBe(22);
    expect(section('Xã có 2.156 hộ, 8.937 khẩu, phân bố ở 12 thôn.').villages).toBe(12);
    expect(section('Tổ chức ra quân vệ sinh môi trường tại 03 thôn.').villages).toBeUndefined();
  });

  it('the total of cán bộ, công chức before "trong đó" or after its parts', () => {
    expect(section('Phường hiện có 21 cán bộ, công chức, trong đó cán bộ 10 người, công chức 11 người.')).toMatchObject({ cadres: 21, canBo: 10, congChuc: 11 });
    expect(section('Phường có 10 cán bộ, 10 công chức, tổng cộng 20 người.')).toMatchObject({ cadres: 20, canBo: 10, congChuc: 10 });
    expect(section('Về đội ngũ: cán bộ xã 10 người, công chức xã 11 người.')).toMatchObject({ canBo: 10, congChuc: 11 });
  });

  it('the commune’s own police force; part-time police are not regular', () => {
    expect(section('Công an phường hiện có 24 cán bộ, chiến sĩ.').police).toBe(24);
    expect(section('Công an xã có 05 đồng chí, đều là công an chính quy.').police).toBe(5);
    expect(section('Công an xã có 04 đồng chí chính quy và 06 công an viên bán chuyên trách.').police).toBe(4);
    expect(section('Công an xã có 06 công an viên bán chuyên trách.').police).toBeUndefined();
  });

  it('a date or a cited document in the way, and numbers in other shapes', () => {
    expect(section('Dân số (ước đến 30/11/2024) là 11.562 người.').population).toBe(11562);
    expect(section('Diện tích tự nhiên 2 846,5 ha, dân số 9 845 người.')).toMatchObject({ areaHa: 2846.5, population: 9845 });
    expect(section('Phường cách trụ sở UBND thành phố khoảng 1,2 km.').distanceToDistrictKm).toBe(1.2);
  });
});

import { describe, expect, it } from 'vitest';
import { extractCriteria } from '../extractors/criteria.ts';
import { doc, run, seed } from './extract.helpers.ts';

const criteriaOf = (...lines: string[]) => run(extractCriteria, doc(...lines)).fields.criteria ?? [];

describe('extractCriteria on the seed', () => {
  it('reads groups 1–6 in order and never the survey group 7', () => {
    const r = run(extractCriteria, seed());
    expect(r.fields.criteria).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 4, total: 4, unmet: [] },
      { group: 3, met: 11, total: 11, unmet: [] },
      { group: 4, met: 5, total: 6, unmet: [26] },
      { group: 5, met: 10, total: 10, unmet: [] },
      { group: 6, met: 7, total: 8, unmet: [44] },
    ]);
    expect(r.provenance['criteria[3]']).toMatchObject({ section: 'III > 2 > 2.4' });
    expect(r.provenance['criteria[3]']!.quote).toContain('còn chỉ tiêu 26 chưa đạt');
    expect(r.provenance['criteria[5]']!.quote).toContain('còn chỉ tiêu 44');
  });
});

describe('extractCriteria: ratios and group numbers', () => {
  it.each([
    ['Nhóm tiêu chí 1: 8/8 chỉ tiêu đạt.', 1, 8, 8],
    ['Nhóm tiêu chí 1: đạt 8/8 chỉ tiêu.', 1, 8, 8],
    ['Nhóm 2: đạt 8 trên 8 chỉ tiêu.', 2, 8, 8],
    ['Nhóm IV: Thực hiện chuyển đổi số. Đạt: 05/06', 4, 5, 6],
    ['Nhóm tiêu chí thứ tư: Thực hiện chuyển đổi số: có 5/6 chỉ tiêu đạt.', 4, 5, 6],
    ['Nhóm tiêu chí số 3: đạt 11/11 tiêu chí', 3, 11, 11],
    ['Nhóm tiêu chí 4 gồm 6 chỉ tiêu, đã đạt 5 chỉ tiêu.', 4, 5, 6],
    ['Nhóm tiêu chí 4: đạt 5 chỉ tiêu, chưa đạt 1 chỉ tiêu.', 4, 5, 6],
    ['Nhóm tiêu chí 4: có 1/6 chỉ tiêu chưa đạt.', 4, 5, 6],
    ['Nhóm tiêu chí 5: đạt 10 trong tổng số 10 chỉ tiêu', 5, 10, 10],
  ])('%s', (text, group, met, total) => {
    expect(criteriaOf(text)).toEqual([{ group, met, total, unmet: [] }]);
  });

  it('names the unmet indicators however they are written', () => {
    expect(criteriaOf('Nhóm tiêu chí 4: có 5/6 chỉ tiêu đạt (còn chỉ tiêu 26 chưa đạt).')[0]!.unmet).toEqual([26]);
    expect(criteriaOf('Nhóm tiêu chí thứ tư: đạt 4 trên 6 chỉ tiêu, các chỉ tiêu 26, 27 chưa đạt.')[0]!.unmet).toEqual([26, 27]);
    expect(criteriaOf('Nhóm IV (Đạt: 04/06 chỉ tiêu; chưa đạt chỉ tiêu số 26 và 27)')[0]).toEqual({ group: 4, met: 4, total: 6, unmet: [26, 27] });
    expect(criteriaOf('Nhóm 6: có 7/8 chỉ tiêu đạt. (còn chỉ tiêu 44 chưa thực hiện tiếp xúc đối thoại).')[0]!.unmet).toEqual([44]);
    expect(criteriaOf('Nhóm 4: đạt 5/6 chỉ tiêu, 01 chỉ tiêu chưa đạt là chỉ tiêu 26.')[0]!.unmet).toEqual([26]);
    expect(criteriaOf('Nhóm 4: đạt 3/6 chỉ tiêu; chưa đạt các chỉ tiêu 24-26.')[0]!.unmet).toEqual([24, 25, 26]);
  });

  it('does not name indicators that are met', () => {
    expect(criteriaOf('Nhóm 4: đạt 5/6 chỉ tiêu (chỉ tiêu 21 đạt 100%, chỉ tiêu 26 chưa đạt).')[0]!.unmet).toEqual([26]);
  });

  it('reads the group body when the heading has no ratio, and the bullet that names the unmet one', () => {
    const c = criteriaOf(
      '2. Kết quả thực hiện các tiêu chí',
      '2.4. Nhóm tiêu chí 4: Thực hiện chuyển đổi số',
      'Kết quả: đạt 5/6 chỉ tiêu.',
      '- Chỉ tiêu 26: chưa đạt do tỷ lệ hồ sơ trực tuyến còn thấp.',
      '2.5. Nhóm tiêu chí 5: Văn hóa công sở',
      'Đạt 10/10 chỉ tiêu.',
    );
    expect(c).toEqual([
      { group: 4, met: 5, total: 6, unmet: [26] },
      { group: 5, met: 10, total: 10, unmet: [] },
    ]);
  });

  it('splits one paragraph that lists several groups, and sorts by group', () => {
    const c = criteriaOf('Kết quả tự chấm: nhóm tiêu chí 3 đạt 10/11 chỉ tiêu (chỉ tiêu 15 chưa đạt); nhóm tiêu chí 1 đạt 8/8 chỉ tiêu; nhóm tiêu chí 2 đạt 4/4 chỉ tiêu.');
    expect(c).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 4, total: 4, unmet: [] },
      { group: 3, met: 10, total: 11, unmet: [15] },
    ]);
  });

  it('never makes an entry of the survey group, however it is worded', () => {
    expect(criteriaOf('Nhóm tiêu chí 7 (hài lòng của người dân): khảo sát được 6/10 phiếu.')).toEqual([]);
    expect(criteriaOf('Nhóm 7: Mức độ hài lòng của người dân: thực hiện 3/7.')).toEqual([]);
  });

  it('does not take dates, document numbers, scores or targets for ratios', () => {
    expect(criteriaOf('Nhóm tiêu chí 1: ngày 11/6/2024 ban hành Kế hoạch số 133/KH-UBND.')).toEqual([]);
    expect(criteriaOf('Nhóm tiêu chí 2: tự chấm đạt 85/100 điểm.')).toEqual([]);
    expect(criteriaOf('Nhóm tiêu chí 4: phấn đấu đạt 6/6 chỉ tiêu trong 6 tháng cuối năm.')).toEqual([]);
  });

  it('leaves criteria empty when no group states a ratio', () => {
    expect(criteriaOf('Qua rà soát, hiện nay các tiêu chí cơ bản đã đạt.')).toEqual([]);
  });
});

describe('extractCriteria: tables', () => {
  it('reads Nhóm | Số chỉ tiêu | Đạt | Chưa đạt', () => {
    const r = run(extractCriteria, doc(
      'KẾT QUẢ TỰ CHẤM',
      'Nhóm tiêu chí\tNội dung\tSố chỉ tiêu\tĐạt\tChưa đạt',
      'Nhóm 1\tQuy chế dân chủ\t8\t8\t0',
      'Nhóm 4\tChuyển đổi số\t6\t5\tChỉ tiêu 26',
      'Nhóm 7\tMức độ hài lòng\t7 phiếu\t3\t',
    ));
    expect(r.fields.criteria).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 4, met: 5, total: 6, unmet: [26] },
    ]);
    expect(r.provenance['criteria[1]']!.quote).toContain('Chuyển đổi số');
  });

  it('reads TT numbers and ratio cells', () => {
    const c = criteriaOf(
      '2. Kết quả thực hiện các nhóm tiêu chí',
      'TT\tNhóm tiêu chí\tKết quả đạt\tChỉ tiêu chưa đạt',
      '1\tXây dựng và thực hiện quy chế dân chủ\t8/8\t',
      'II\tTuyên truyền\t4/4\t',
      '3\tCải cách hành chính\t10/11\t15',
    );
    expect(c).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 4, total: 4, unmet: [] },
      { group: 3, met: 10, total: 11, unmet: [15] },
    ]);
  });

  it('prefers the text when a group is stated in both', () => {
    const c = criteriaOf(
      'Nhóm tiêu chí 1: đạt 8/8 chỉ tiêu.',
      'Nhóm\tSố chỉ tiêu\tĐạt',
      'Nhóm 1\t8\t7',
      'Nhóm 2\t4\t4',
    );
    expect(c).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 4, total: 4, unmet: [] },
    ]);
  });
});

describe('extractCriteria: sets that call their groups “Tiêu chí N”', () => {
  it('reads them when no “nhóm” is numbered anywhere', () => {
    expect(criteriaOf('Tiêu chí 1: Xây dựng và thực hiện quy chế dân chủ: đạt 8/8 chỉ tiêu.', 'Tiêu chí 2: Tuyên truyền: đạt 3/4 chỉ tiêu, chỉ tiêu 10 chưa đạt.')).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 3, total: 4, unmet: [10] },
    ]);
  });
});

describe('extractCriteria: “chưa đạt:” lists', () => {
  it('reads the list after the colon', () => {
    expect(criteriaOf('Kết quả: nhóm tiêu chí 4: có 6/6 tiêu chí đạt; nhóm tiêu chí 5: 9/10 chỉ tiêu đạt (chưa đạt: chỉ tiêu 38); nhóm tiêu chí 6: đạt 8/8 chỉ tiêu.')).toEqual([
      { group: 4, met: 6, total: 6, unmet: [] },
      { group: 5, met: 9, total: 10, unmet: [38] },
      { group: 6, met: 8, total: 8, unmet: [] },
    ]);
    expect(criteriaOf('- Nhóm tiêu chí 5 (Văn hóa công sở): đạt 8 trên 10 chỉ tiêu (chưa đạt: chỉ tiêu 32, 36).')[0]!.unmet).toEqual([32, 36]);
  });
});

describe('extractCriteria: a group named in passing', () => {
  it('does not give it the next paragraph’s ratio', () => {
    expect(criteriaOf(
      'Nhóm tiêu chí 4: có 5/6 chỉ tiêu đạt (chỉ tiêu 26 chưa đạt, sẽ hoàn thiện cùng các chỉ tiêu của nhóm tiêu chí 6).',
      'Kết quả chung: đạt 40/47 chỉ tiêu.',
    )).toEqual([{ group: 4, met: 5, total: 6, unmet: [26] }]);
  });
});

describe('extractCriteria: counts in words and other table layouts', () => {
  it('counts of met / unmet / total in either order', () => {
    expect(criteriaOf('- Nhóm 5: 9 chỉ tiêu đạt, 1 chỉ tiêu chưa đạt (chỉ tiêu 36).')).toEqual([{ group: 5, met: 9, total: 10, unmet: [36] }]);
    expect(criteriaOf('- Nhóm 1: gồm 8 chỉ tiêu, đạt 8 chỉ tiêu.')).toEqual([{ group: 1, met: 8, total: 8, unmet: [] }]);
    expect(criteriaOf('Nhóm tiêu chí thứ tư: còn 02 chỉ tiêu chưa đạt là chỉ tiêu 22 và chỉ tiêu 24, đạt 6/8.')).toEqual([{ group: 4, met: 6, total: 8, unmet: [22, 24] }]);
  });

  it('groups numbered by the first cell (I., II. …) and counts under "Chưa đạt"', () => {
    expect(criteriaOf(
      'Nhóm tiêu chí\tTổng số chỉ tiêu\tĐạt\tChưa đạt',
      'I. Thực hiện dân chủ ở cơ sở\t8\t8\t0',
      'III. Chuyển đổi số\t7\t5\t2',
    )).toEqual([{ group: 1, met: 8, total: 8, unmet: [] }, { group: 3, met: 5, total: 7, unmet: [] }]);
  });

  it('a ratio column and the unmet indicators in a notes column', () => {
    expect(criteriaOf(
      'TT\tNhóm tiêu chí\tSố chỉ tiêu đạt/tổng số\tGhi chú',
      '2\tNhóm 2 - Thủ tục hành chính\t4/5\tCòn chỉ tiêu 10 chưa xong',
      '4\tNhóm 4 - Văn hóa công sở\t5/6\tChưa đạt chỉ tiêu 21',
    )).toEqual([{ group: 2, met: 4, total: 5, unmet: [10] }, { group: 4, met: 5, total: 6, unmet: [21] }]);
  });

  it('points are not indicators', () => {
    expect(criteriaOf('Tên nhóm tiêu chí\tĐiểm tối đa\tĐiểm tự chấm', 'Nhóm 1. Dân chủ ở cơ sở\t20\t18')).toEqual([]);
  });
});

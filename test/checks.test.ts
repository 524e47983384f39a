import { describe, expect, it } from 'vitest';
import { emptyFields, type ExtractedFields, type Provenance } from '../src/contract.ts';
import type { DocumentModel } from '../src/document/model.ts';
import { parseText } from '../src/parse/text.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { CRITERIA_SETS, criteriaSetFor, groupOfIndicator } from '../src/criteria/sets.ts';
import type { ExtractContext } from '../extractors/checks/common.ts';
import { checkCommuneNameMismatch } from '../extractors/checks/commune-name-mismatch.ts';
import { checkUnknownUnit } from '../extractors/checks/unknown-unit.ts';
import { checkSumMismatch, partyCellBreakdown } from '../extractors/checks/sum-mismatch.ts';
import { checkCriteriaInconsistent } from '../extractors/checks/criteria-inconsistent.ts';
import { checkStarsMismatch } from '../extractors/checks/stars-mismatch.ts';
import { checkPeriodMismatch } from '../extractors/checks/period-mismatch.ts';
import { checkMissingNumber } from '../extractors/checks/missing-number.ts';
import { checkMissingDate } from '../extractors/checks/missing-date.ts';

const registry = loadRegistry();
const ctx: ExtractContext = { registry };
const T = (...lines: string[]) => parseText(lines.join('\n'));

type Patch = { [K in keyof ExtractedFields]?: Partial<ExtractedFields[K]> | ExtractedFields[K] };
function fields(patch: Patch = {}): ExtractedFields {
  const f = emptyFields() as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const cur = f[k];
    f[k] = cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v) ? { ...cur, ...v } : v;
  }
  return f as unknown as ExtractedFields;
}
const run = (check: typeof checkMissingDate, doc: DocumentModel, f: ExtractedFields = fields(), provenance: Record<string, Provenance> = {}, c: ExtractContext = ctx) =>
  check({ doc, fields: f, provenance, ctx: c });

const DONG_LO = { unit: { commune: 'Đông Lỗ', communeKind: 'xã' as const, district: 'Hiệp Hòa', province: 'Bắc Giang' } };

describe('COMMUNE_NAME_MISMATCH', () => {
  it('the own name spelt another way below the title', () => {
    const d = T(
      'BÁO CÁO',
      'Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ 6 tháng đầu năm 2024',
      'Ban chỉ đạo xã Đông Lễ đăng ký đạt chuẩn. UBND xã Đông Lỗ thực hiện.',
      'Trong thời gian qua Đảng uỷ, UBND xã Đông Lễ luôn nhận được sự quan tâm.',
    );
    const flags = run(checkCommuneNameMismatch, d, fields(DONG_LO));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'COMMUNE_NAME_MISMATCH', message: "Báo cáo ghi tên xã 'Đông Lễ' 2 lần nhưng tiêu đề ghi 'Đông Lỗ'" });
    expect(flags[0]!.evidence.some((e) => e.includes('xã Đông Lễ'))).toBe(true);
  });
  it('a letter corrupted by a stray combining mark is a variant', () => {
    const bad = 'Nhua\u0301\u0302n'; // 'á' + a combining circumflex: not composable, not 'ậ'
    const d = T('UBND XÃ PHÚ NHUẬN', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', `UBND xã Phú ${bad} thực hiện; Đảng ủy xã Phú ${bad} lãnh đạo.`);
    const flags = run(checkCommuneNameMismatch, d, fields({ unit: { commune: 'Phú Nhuận', communeKind: 'xã', district: 'Lục Ngạn', province: 'Bắc Giang' } }));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('2 lần');
  });
  it('the header in capitals is the reference', () => {
    const d = T('UBND XÃ ĐÔNG LỖ', 'BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'Đông Lễ là xã trung du của huyện Hiệp Hòa.');
    const flags = run(checkCommuneNameMismatch, d, fields(DONG_LO));
    expect(flags[0]?.message).toBe("Báo cáo ghi tên xã 'Đông Lễ' 1 lần nhưng phần đầu văn bản ghi 'Đông Lỗ'");
  });
  it('tone-mark placement is not a mismatch', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Hòa Sơn năm 2024', 'UBND xã Hoà Sơn, HĐND xã HOÀ SƠN thực hiện.');
    expect(run(checkCommuneNameMismatch, d, fields({ unit: { commune: 'Hòa Sơn', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' } }))).toEqual([]);
  });
  it('neighbours are not the own name, even a near one that is registered', () => {
    const d = T(
      'BÁO CÁO',
      'Kết quả xây dựng chính quyền thân thiện xã Hồng Kỳ năm 2024',
      'Phía Đông giáp xã Đồng Kỳ, phía Tây giáp xã Hương Mai; xã Hồng Kỳ có 10 thôn.',
    );
    expect(run(checkCommuneNameMismatch, d, fields({ unit: { commune: 'Hồng Kỳ', communeKind: 'xã', district: 'Yên Thế', province: 'Bắc Giang' } }))).toEqual([]);
  });
  it('a near name listed among the neighbours after "giáp" is not a variant', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ năm 2024', 'Phía Nam giáp sông Cầu, bên kia sông là xã Đông Lễ, huyện Yên Phong, tỉnh Bắc Ninh.');
    expect(run(checkCommuneNameMismatch, d, fields(DONG_LO))).toEqual([]);
  });
  it('no own commune, no flag', () => {
    expect(run(checkCommuneNameMismatch, T('BÁO CÁO', 'Kết quả năm 2024', 'xã Đông Lễ'))).toEqual([]);
  });
});

describe('UNKNOWN_UNIT', () => {
  const d = T('BÁO CÁO', 'Kết quả năm 2024');
  it('a commune not in its district: names the nearest', () => {
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Đông Lễ', communeKind: 'xã', district: 'Hiệp Hòa', province: null } }), {
      'unit.commune': { section: 'title', quote: 'xã Đông Lễ' },
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain("'Đông Lễ'");
    expect(flags[0]!.message).toContain('tên gần nhất: xã Đông Lỗ');
    expect(flags[0]!.evidence).toEqual(['xã Đông Lễ']);
  });
  it('a district not in the registry', () => {
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: null, communeKind: null, district: 'Hiệp Hoa', province: 'Bắc Giang' } }));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('huyện Hiệp Hòa');
  });
  it('registered units, in any tone placement, pass', () => {
    expect(run(checkUnknownUnit, d, fields(DONG_LO))).toEqual([]);
    expect(run(checkUnknownUnit, d, fields({ unit: { commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hoà', province: null } }))).toEqual([]);
  });
  it('checks against the list in force on the report\'s date; a name that list lacks is a warning', () => {
    const june2025 = { ...ctx, registry: registry.at('2025-06-20') };
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Hợp Thịnh Mới', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' }, period: '2025-H1' }), {}, june2025);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.severity).toBe('warning');
    expect(flags[0]!.message).toContain('01/03/2025');
    // Before the first list (1 Nov 2024) that list stands in: information only, and it says so.
    const june2024 = run(checkUnknownUnit, d, fields({ unit: { commune: 'Hợp Thịnh Mới', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' }, period: '2024-H1' }), {}, { ...ctx, registry: registry.at('2024-06-20') });
    expect(june2024[0]!.severity).toBe('info');
    expect(june2024[0]!.message).toContain('danh mục sớm nhất');
  });
  it('a unit of a later list only: unknown at the report\'s date, and the message says when it appears', () => {
    // xã Hiệp Hòa of tỉnh Bắc Ninh exists from 1 Jul 2025; a report dated June 2025 cannot be from it.
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Hiệp Hòa', communeKind: 'xã', district: null, province: 'Bắc Ninh' }, period: '2025-H1' }), {}, { ...ctx, registry: registry.at('2025-06-20') });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('có trong danh mục từ 01/07/2025');
  });
  it('a former unit is not unknown (UNIT_SUCCEEDED says what carries it on)', () => {
    const dec2025 = { ...ctx, registry: registry.at('2025-12-15') };
    expect(run(checkUnknownUnit, d, fields({ ...DONG_LO, period: '2025' }), {}, dec2025)).toEqual([]);
  });
  it('a district with a missing vowel mark is unknown; the commune is then looked up in the province', () => {
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Tân An', communeKind: 'thị trấn', district: 'Yen Dũng', province: 'Bắc Giang' }, period: '2025-H1' }), {
      'unit.district': { section: 'header', quote: 'UBND HUYỆN YEN DŨNG' },
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain("'Yen Dũng'");
    expect(flags[0]!.message).toContain('tên gần nhất: huyện Yên Dũng');
    expect(flags[0]!.evidence).toEqual(['UBND HUYỆN YEN DŨNG']);
  });
  it('a commune with a missing vowel mark is unknown', () => {
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Đong Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' } }));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('tên gần nhất: xã Đông Lỗ');
  });
  it('a misspelt province is unknown, and does not make its district or commune unknown', () => {
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bac Giang' } }), {
      'unit.province': { section: 'I', quote: 'huyện Hiệp Hòa, tỉnh Bac Giang' },
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain("'Bac Giang'");
    expect(flags[0]!.message).toContain('tên gần nhất: tỉnh Bắc Giang');
    expect(flags[0]!.evidence).toEqual(['huyện Hiệp Hòa, tỉnh Bac Giang']);
  });
  it('NFD, capitals and either tone placement are the registered names', () => {
    const nfd = (s: string) => s.normalize('NFD');
    expect(run(checkUnknownUnit, d, fields({ unit: { commune: nfd('ĐÔNG LỖ'), communeKind: 'xã', district: nfd('Hiệp Hoà'), province: nfd('BẮC GIANG') } }))).toEqual([]);
    expect(run(checkUnknownUnit, d, fields({ unit: { commune: 'Tân An', communeKind: 'thị trấn', district: 'yên dũng', province: 'Bắc Giang' } }))).toEqual([]);
  });
  it('a commune registered in another district of the report is unknown there', () => {
    const flags = run(checkUnknownUnit, d, fields({ unit: { commune: 'Đông Lỗ', communeKind: 'xã', district: 'Việt Yên', province: 'Bắc Giang' } }));
    expect(flags).toHaveLength(1);
  });
});

describe('SUM_MISMATCH', () => {
  const empty = T('BÁO CÁO', 'Kết quả năm 2024');
  it('cadres = cán bộ + công chức', () => {
    expect(run(checkSumMismatch, empty, fields({ profile: { cadres: 21, canBo: 10, congChuc: 11 } }))).toEqual([]);
    const flags = run(checkSumMismatch, empty, fields({ profile: { cadres: 21, canBo: 10, congChuc: 10 } }), {
      'profile.cadres': { section: 'I', quote: 'Tổng số cán bộ, công chức là 21 người, trong đó 10 cán bộ, 10 công chức' },
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('21');
    expect(flags[0]!.evidence).toHaveLength(1);
    expect(run(checkSumMismatch, empty, fields({ profile: { cadres: 21, canBo: 10 } }))).toEqual([]);
  });
  it('party cells and their breakdown', () => {
    const ok = T('BÁO CÁO', 'Kết quả năm 2024', 'Đảng bộ xã có 18 chi bộ (11 chi bộ nông nghiệp, 01 chi bộ trạm y tế, 01 chi bộ Công an, 05 chi bộ nhà trường) với 378 đảng viên.');
    expect(run(checkSumMismatch, ok, fields({ profile: { partyCells: 18 } }))).toEqual([]);
    const bad = T('BÁO CÁO', 'Kết quả năm 2024', 'Đảng bộ xã có 18 chi bộ (11 chi bộ nông nghiệp, 01 chi bộ trạm y tế, 05 chi bộ nhà trường) với 378 đảng viên.');
    const flags = run(checkSumMismatch, bad, fields({ profile: { partyCells: 18 } }));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toBe('Số chi bộ 18 khác tổng các chi bộ được liệt kê 11 + 1 + 5 = 17');
    const gom = T('BÁO CÁO', 'Kết quả năm 2024', 'Đảng bộ có 16 chi bộ trực thuộc, gồm 11 chi bộ thôn và 4 chi bộ cơ quan, trường học với 400 đảng viên.');
    expect(partyCellBreakdown(gom, 16)).toMatchObject({ parts: [11, 4] });
    expect(run(checkSumMismatch, gom, fields({ profile: { partyCells: 16 } }))).toHaveLength(1);
    const none = T('BÁO CÁO', 'Kết quả năm 2024', 'Đảng bộ có 16 chi bộ với 400 đảng viên; 100% (16/16 chi bộ) hoàn thành nhiệm vụ.');
    expect(partyCellBreakdown(none, 16)).toBeNull();
  });
  it('budget total = district + commune, planned and disbursed', () => {
    const ok = fields({ budget: { planned: { total: 10, district: 0, commune: 10 }, disbursed: { total: 1.5, district: 0.5, commune: 1 } } });
    expect(run(checkSumMismatch, empty, ok)).toEqual([]);
    const bad = fields({ budget: { planned: { total: 10, district: 2, commune: 5 }, disbursed: { total: 0, district: 0, commune: 0 } } });
    const flags = run(checkSumMismatch, empty, bad);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('Kinh phí dự toán');
    const partial = fields({ budget: { planned: { total: 10, district: null, commune: 5 }, disbursed: { total: null, district: null, commune: null } } });
    expect(run(checkSumMismatch, empty, partial)).toEqual([]);
  });
});

describe('criteria sets', () => {
  it('Bắc Giang 2024: groups of 8, 4, 11, 6, 10, 8 numbered 1–47, group 7 the survey', () => {
    const set = criteriaSetFor('Bắc Giang', 2024)!;
    expect(set.groups.map((g) => [g.group, g.from, g.to])).toEqual([[1, 1, 8], [2, 9, 12], [3, 13, 23], [4, 24, 29], [5, 30, 39], [6, 40, 47], [7, null, null]]);
    expect(groupOfIndicator(set, 26)?.group).toBe(4);
    expect(groupOfIndicator(set, 44)?.group).toBe(6);
    expect(criteriaSetFor('Bắc Ninh', 2024)).toBeNull();
    expect(criteriaSetFor('Bắc Giang', 2023)).toBeNull();
    expect(criteriaSetFor('Bắc Giang', 2025)?.id).toBe('bac-giang-2024');
    expect(CRITERIA_SETS.length).toBeGreaterThan(0);
  });
});

describe('CRITERIA_INCONSISTENT', () => {
  const d = T('BÁO CÁO', 'Kết quả năm 2024', '2.4. Kết quả thực hiện nhóm tiêu chí 4: Thực hiện chuyển đổi số: có 5/6 chỉ tiêu đạt (còn chỉ tiêu 26 chưa đạt).');
  const crit = (c: ExtractedFields['criteria']) => fields({ ...DONG_LO, period: '2024-H1', criteria: c });
  it('the seed\'s groups are consistent', () => {
    const f = crit([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 4, met: 5, total: 6, unmet: [26] },
      { group: 6, met: 7, total: 8, unmet: [44] },
      { group: 5, met: 9, total: 10, unmet: [] },
    ]);
    expect(run(checkCriteriaInconsistent, d, f)).toEqual([]);
  });
  it('met > total', () => {
    const flags = run(checkCriteriaInconsistent, d, crit([{ group: 2, met: 5, total: 4, unmet: [] }]));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('lớn hơn');
  });
  it('named unmet ≠ total − met', () => {
    const flags = run(checkCriteriaInconsistent, d, crit([{ group: 4, met: 5, total: 6, unmet: [26, 27] }]), { 'criteria[0]': { section: 'III > 2 > 2.4', quote: 'có 5/6 chỉ tiêu đạt (còn chỉ tiêu 26, 27 chưa đạt)' } });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.evidence).toEqual(['có 5/6 chỉ tiêu đạt (còn chỉ tiêu 26, 27 chưa đạt)']);
    expect(run(checkCriteriaInconsistent, d, crit([{ group: 4, met: 6, total: 6, unmet: [26] }]))).toHaveLength(1);
  });
  it('an indicator outside its group (criteria set of the province and year)', () => {
    const flags = run(checkCriteriaInconsistent, d, crit([{ group: 4, met: 5, total: 6, unmet: [31] }]));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('24–29');
    expect(flags[0]!.evidence[0]).toContain('nhóm tiêu chí 4');
    // Another province: no set, no range check.
    const other = fields({ unit: { commune: 'X', communeKind: 'xã', district: 'Y', province: 'Bắc Ninh' }, period: '2024-H1', criteria: [{ group: 4, met: 5, total: 6, unmet: [31] }] });
    expect(run(checkCriteriaInconsistent, d, other)).toEqual([]);
    // A set given in the context wins.
    expect(run(checkCriteriaInconsistent, d, other, {}, { registry, criteriaSet: criteriaSetFor('Bắc Giang', 2024) })).toHaveLength(1);
  });
});

describe('STARS_MISMATCH', () => {
  const annex = (col: number) => {
    const cells = ['', '', '', '', ''];
    cells[col - 1] = 'x';
    return [
      'Nơi nhận:', '- Lưu.', 'CHỦ TỊCH', 'Lê Văn Bình',
      'TỔNG HỢP', 'Kết quả đăng ký đơn vị đạt chuẩn chính quyền thân thiện năm 2024',
      'TT\tHuyện, thị, thành phố\tXã, phường, thị trấn\tĐăng ký đạt chuẩn năm 2024\t\t\t\t',
      '\t\t\t1 sao\t2 sao\t3 sao\t4 sao\t5 sao',
      `1\tHiệp Hoà\tĐông Lỗ\t${cells.join('\t')}`,
    ];
  };
  const body = ['BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'I. KẾT QUẢ', 'Ban chỉ đạo xã Đông Lỗ đăng ký đạt chuẩn “chính quyền thân thiện” năm 2024 đạt 3 sao.', 'Nội dung khác.'];
  it('text and annex agree', () => {
    expect(run(checkStarsMismatch, T(...body, ...annex(3)), fields(DONG_LO))).toEqual([]);
  });
  it('text and annex differ', () => {
    const flags = run(checkStarsMismatch, T(...body, ...annex(4)), fields(DONG_LO));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toBe('Nội dung báo cáo ghi đăng ký 3 sao nhưng biểu tổng hợp đánh dấu 4 sao');
    expect(flags[0]!.evidence.length).toBe(2);
  });
  it('no annex table or no text statement: nothing to compare', () => {
    expect(run(checkStarsMismatch, T(...body), fields(DONG_LO))).toEqual([]);
    expect(run(checkStarsMismatch, T(body[0]!, body[1]!, body[2]!, 'Năm 2023 UBND xã không đăng ký đạt chuẩn.', ...annex(4)), fields(DONG_LO))).toEqual([]);
  });
});

describe('PERIOD_MISMATCH', () => {
  const title = ['BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024'];
  it('consistent: the body restates the period and the plan', () => {
    const d = T(...title, 'UBND xã báo cáo kết quả 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024 như sau:', 'I. KẾT QUẢ', 'Kinh phí: 6 tháng đầu năm UBND huyện chưa bố trí kinh phí.', 'Trên đây là báo cáo việc xây dựng chính quyền thân thiện 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2024 của UBND xã./.',
      'Nơi nhận:', '- Lưu.', 'CHỦ TỊCH', 'Lê Văn Bình', 'TỔNG HỢP', 'Công tác tập huấn', '(Số liệu tính từ tháng 01/2024 đến nay)');
    expect(run(checkPeriodMismatch, d)).toEqual([]);
  });
  it('the body states another half', () => {
    const d = T(...title, 'I. KẾT QUẢ', 'Nội dung.', 'Trên đây là báo cáo kết quả xây dựng chính quyền thân thiện 6 tháng cuối năm 2024 của UBND xã./.');
    const flags = run(checkPeriodMismatch, d);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('2024-H2');
    expect(flags[0]!.evidence[0]).toContain('Trên đây là báo cáo');
  });
  it('a whole-year title and a half-year statement', () => {
    const d = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'I. A', 'UBND xã báo cáo kết quả 6 tháng đầu năm 2024 như sau:');
    expect(run(checkPeriodMismatch, d)).toHaveLength(1);
  });
  it('an annex title with another period', () => {
    const d = T(...title, 'I. A', 'Nội dung.', 'Nơi nhận:', '- Lưu.', 'CHỦ TỊCH', 'Lê Văn Bình', 'BIỂU TỔNG HỢP', 'Kết quả 9 tháng đầu năm 2024');
    expect(run(checkPeriodMismatch, d)).toHaveLength(1);
  });
  it('citations of other documents and year-only mentions are not statements of the period', () => {
    const d = T(...title, 'Thực hiện Công văn số 12/UBND ngày 2/9/2024 về việc báo cáo kết quả quý III năm 2024.', 'I. A', 'Năm 2023 UBND xã báo cáo đạt chuẩn năm 2023.');
    expect(run(checkPeriodMismatch, d)).toEqual([]);
  });
  it('the body reports on another whole year (a report copied from last year’s)', () => {
    const whole = T('BÁO CÁO', 'Kết quả xây dựng chính quyền thân thiện năm 2024', 'UBND xã báo cáo kết quả xây dựng chính quyền thân thiện năm 2023 như sau:', 'I. A');
    expect(run(checkPeriodMismatch, whole).map((f) => f.message)).toEqual([expect.stringContaining("'năm 2023' (2023)")]);
    const half = T(...title, 'UBND xã báo cáo kết quả xây dựng chính quyền thân thiện năm 2025 như sau:', 'I. A');
    expect(run(checkPeriodMismatch, half)).toHaveLength(1);
    const same = T(...title, 'UBND xã báo cáo kết quả xây dựng chính quyền thân thiện năm 2024 như sau:', 'I. A');
    expect(run(checkPeriodMismatch, same)).toEqual([]);
  });
});

describe('MISSING_NUMBER / MISSING_DATE', () => {
  it('a blank number is flagged; a number is not; no Số line, no flag', () => {
    const flags = run(checkMissingNumber, T('Số: /BC-UBND', 'Đông Lỗ, ngày 20 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024'));
    expect(flags).toEqual([{ code: 'MISSING_NUMBER', severity: 'warning', message: "Số văn bản để trống: 'Số: /BC-UBND'", evidence: ['Số: /BC-UBND'] }]);
    expect(run(checkMissingNumber, T('Số: 125/BC-UBND', 'BÁO CÁO', 'Kết quả năm 2024'))).toEqual([]);
    expect(run(checkMissingNumber, T('UBND XÃ ĐÔNG LỖ', 'BÁO CÁO', 'Kết quả năm 2024'))).toEqual([]);
    expect(run(checkMissingNumber, T('UBND XÃ A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số:     /BC-UBND\tA, ngày 1 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024'))).toHaveLength(1);
  });
  it('a blank day, month or whole date is flagged; a full date is not', () => {
    const blankDay = run(checkMissingDate, T('Số: 1/BC-UBND', 'Đông Lỗ, ngày  tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024'));
    expect(blankDay).toHaveLength(1);
    expect(blankDay[0]!.message).toBe("Ngày ban hành để trống phần ngày: 'Đông Lỗ, ngày tháng 6 năm 2024'");
    expect(run(checkMissingDate, T('Số: 1/BC-UBND', 'Đông Lỗ, ngày ... tháng ... năm 2024', 'BÁO CÁO', 'Kết quả năm 2024'))[0]!.message).toContain('phần ngày, tháng');
    expect(run(checkMissingDate, T('Số: 1/BC-UBND', 'Đông Lỗ, ngày', 'BÁO CÁO', 'Kết quả năm 2024'))).toHaveLength(1);
    expect(run(checkMissingDate, T('Số: 1/BC-UBND', 'Đông Lỗ, ngày 20 tháng 6 năm 2024', 'BÁO CÁO', 'Kết quả năm 2024'))).toEqual([]);
    expect(run(checkMissingDate, T('Số: 1/BC-UBND\tĐông Lỗ, ngày …/6/2024', 'BÁO CÁO', 'Kết quả năm 2024'))).toHaveLength(1);
  });
});

// The consolidation's pure parts on the real registry: every commune of the district in the table,
// corrections applied and checked, the checks across reports, the district setting.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../src/contract.ts';
import { crossChecks, differences, type ReportForChecks } from '../src/consolidate/checks.ts';
import { applyCorrections, prepareCorrection, readValue } from '../src/consolidate/corrections.ts';
import { renderCsv } from '../src/consolidate/format.ts';
import { getLeaf, labelOf, leafPaths, parsePath, setLeaf } from '../src/consolidate/paths.ts';
import { configuredDistrict, servedDistricts } from '../src/consolidate/scope.ts';
import { consolidate } from '../src/consolidate/table.ts';
import { headColumn, periodLabel } from '../src/consolidate/xlsx.ts';
import type { CorrectionRow } from '../src/db/repositories/corrections.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { sampleExtraction } from './helpers/db.ts';

const registry = loadRegistry();
const HIEP_HOA = { district: 'Hiệp Hòa', province: 'Bắc Giang' };
const communesOfHiepHoa = registry.communesIn('Hiệp Hòa', 'Bắc Giang');

function report(commune: string, overrides: Partial<Extraction> = {}, district = 'Hiệp Hòa'): Extraction {
  const base = sampleExtraction(overrides);
  return { ...base, unit: { commune, communeKind: 'xã', district, province: 'Bắc Giang' }, ...(overrides.unit ? { unit: overrides.unit } : {}) };
}

let nextId = 1;
function received(extraction: Extraction, opts: { current?: boolean; at?: string; name?: string } = {}): ReportForChecks {
  const id = nextId++;
  return {
    id,
    is_current: opts.current ?? true,
    original_name: opts.name ?? `${extraction.unit.commune}-${id}.docx`,
    received_at: new Date(opts.at ?? `2024-06-2${id % 10}T08:00:00Z`),
    extraction,
  };
}

function correction(id: number, path: string, value: number | string | null): CorrectionRow {
  return { id, report_id: 1, path, old_value: null, new_value: value, reason: 'r', token_id: null, who: 'x', corrected_at: new Date() };
}

describe('the district setting', () => {
  it('finds the district by name (with its province when the name repeats) or by code', () => {
    expect(configuredDistrict(registry, HIEP_HOA)).toMatchObject({ district: 'Hiệp Hòa', districtCode: '223', province: 'Bắc Giang' });
    expect(configuredDistrict(registry, { district: 'huyện Hiệp Hoà' })?.districtCode).toBe('223'); // unit word, old tone placement
    expect(configuredDistrict(registry, { district: '223' })?.district).toBe('Hiệp Hòa');
    expect(configuredDistrict(registry, {})).toBeNull();
  });

  it('says what is wrong with a district it cannot use', () => {
    expect(() => configuredDistrict(registry, { district: 'Không Có' })).toThrow(/BAOCAO_DISTRICT 'Không Có' không có trong danh mục/);
    expect(() => configuredDistrict(registry, { district: 'Châu Thành' })).toThrow(/đặt thêm BAOCAO_PROVINCE/);
    expect(() => configuredDistrict(registry, { district: 'Hiệp Hòa', province: 'Xứ Lạ' })).toThrow(/BAOCAO_PROVINCE/);
  });

  it('unset: the districts the reports name (within the province when set)', () => {
    const units = [report('Đông Lỗ').unit, report('Huyền Sơn', {}, 'Lục Nam').unit, { commune: 'X', communeKind: 'xã', district: 'Ba Đình', province: 'Hà Nội' }];
    expect(servedDistricts(registry, {}, units).map((d) => d.district)).toEqual(['Ba Đình', 'Hiệp Hòa', 'Lục Nam']);
    expect(servedDistricts(registry, { province: 'Bắc Giang' }, units).map((d) => d.district)).toEqual(['Hiệp Hòa', 'Lục Nam']);
    expect(servedDistricts(registry, HIEP_HOA, units).map((d) => d.district)).toEqual(['Hiệp Hòa']);
  });
});

describe('the consolidated table', () => {
  const districts = servedDistricts(registry, HIEP_HOA, []);

  it('lists every commune of the district; the others as not reported; totals over the reports', () => {
    const a = report('Đông Lỗ');
    const b = report('Mai Trung', { profile: { ...sampleExtraction().profile, population: 1000 } });
    const t = consolidate('2024-H1', [
      { reportId: 1, extraction: a, flagCount: 2 },
      { reportId: 2, extraction: b, flagCount: 0 },
      { reportId: 3, extraction: report('Huyền Sơn', {}, 'Lục Nam'), flagCount: 1 },
      { reportId: 4, extraction: report('Nơi Nào Đó'), flagCount: 0 }, // not in the registry
    ], { districts });
    const d = t.districts[0]!;
    expect(d.rows).toHaveLength(communesOfHiepHoa.length + 1);
    // The units of the district: 25, two reported; the name the registry lacks is listed beside them.
    expect(d.communes).toBe(communesOfHiepHoa.length);
    expect(d.reported).toBe(2);
    expect(d.rows.find((r) => r.commune === 'Nơi Nào Đó')).toMatchObject({ code: null, reported: true, inList: false });
    expect(d.rows.find((r) => r.commune === 'Nơi Nào Đó')!.note).toContain('không có trong danh mục');
    expect(d.rows.at(-1)!.commune).toBe('Nơi Nào Đó');
    expect(d.rows.find((r) => r.commune === 'Đông Lỗ')).toMatchObject({ code: '07879', reported: true, status: 'đã báo cáo' });
    expect(d.rows.filter((r) => !r.reported).every((r) => r.status === 'chưa báo cáo' && r.population === null)).toBe(true);
    expect(d.totals.population).toBe(17128 * 2 + 1000);
    expect(d.totals.flags).toBe(2);
    expect(t.outside).toEqual([{ reportId: 3, commune: 'Huyền Sơn', communeKind: 'xã', district: 'Lục Nam', province: 'Bắc Giang' }]);
    // Sorted the Vietnamese way (the district's units; then the others).
    const names = d.rows.filter((r) => r.inList).map((r) => r.commune);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));

    const csv = renderCsv(t);
    const lines = csv.trim().split('\n');
    expect(lines[0]!.split(';').at(-1)).toBe('Tình trạng');
    expect(lines).toHaveLength(1 + d.rows.length + 1);
    expect(csv).toContain('2024-H1;Hiệp Hòa;xã Mai Trung;1000;');
    expect(lines.find((l) => l.includes('xã Hoàng An'))).toMatch(/;chưa báo cáo$/);
  });

  it('marks corrected cells; a corrected total is marked too', () => {
    const e = report('Đông Lỗ');
    const eff = applyCorrections(e, [correction(1, 'profile.population', 17000), correction(2, 'criteria[1].met', 6)]);
    const t = consolidate('2024-H1', [{ reportId: 1, extraction: eff.extraction, flagCount: 0, correctedPaths: eff.corrected.keys() }], { districts });
    const row = t.districts[0]!.rows.find((r) => r.reportId === 1)!;
    expect(row.population).toBe(17000);
    expect(row.corrected.sort()).toEqual(['criteriaMet', 'population']);
    expect(row.criteriaMet).toBe(e.criteria.reduce((a, c) => a + c.met, 0) + 1);
    expect(t.districts[0]!.totals.corrected.sort()).toEqual(['criteriaMet', 'population']);
  });

  it('without a registry: the reporting communes only (as before)', () => {
    const t = consolidate('2024-H1', [{ reportId: 1, extraction: report('Đông Lỗ'), flagCount: 0 }]);
    expect(t.districts[0]!.rows).toHaveLength(1);
    expect(t.outside).toEqual([]);
  });
});

describe('corrections', () => {
  it('applies in order, the last one of a path wins; the extraction itself is not changed', () => {
    const e = report('Đông Lỗ');
    const eff = applyCorrections(e, [correction(2, 'profile.population', 2), correction(1, 'profile.population', 1), correction(3, 'no.such', 5)]);
    expect(eff.extraction.profile.population).toBe(2);
    expect([...eff.corrected.keys()]).toEqual(['profile.population']);
    expect(e.profile.population).toBe(17128);
  });

  it('reads values as staff type them', () => {
    expect(readValue('profile.areaHa', '1.719,58')).toEqual({ ok: true, value: 1719.58 });
    expect(readValue('profile.population', '17.128')).toEqual({ ok: true, value: 17128 });
    expect(readValue('profile.population', 17128)).toEqual({ ok: true, value: 17128 });
    expect(readValue('profile.population', '')).toEqual({ ok: true, value: null });
    expect(readValue('document.date', '5/6/2024')).toEqual({ ok: true, value: '2024-06-05' });
    expect(readValue('document.date', '2024-02-30')).toMatchObject({ ok: false });
    expect(readValue('steeringCommittee.head', '  Bí thư   Đảng ủy ')).toEqual({ ok: true, value: 'Bí thư Đảng ủy' });
    expect(readValue('profile.population', 'mười')).toMatchObject({ ok: false });
  });

  it('checks a correction against the contract', () => {
    const e = report('Đông Lỗ');
    expect(prepareCorrection(e, 'criteria[1].met', 6)).toMatchObject({ ok: true, oldValue: 5, newValue: 6 });
    expect(prepareCorrection(e, 'profile.households', null)).toMatchObject({ ok: true, oldValue: 3807, newValue: null });
    expect(prepareCorrection(e, 'criteria[9].met', 1)).toMatchObject({ ok: false, message: expect.stringContaining('không có trường') });
    expect(prepareCorrection(e, 'criteria[0].group', 2)).toMatchObject({ ok: false });
    expect(prepareCorrection(e, 'period', '2024-H2')).toMatchObject({ ok: false, message: expect.stringContaining('kỳ báo cáo') });
    expect(prepareCorrection(e, 'satisfactionPercent', 120)).toMatchObject({ ok: false, message: 'Tỷ lệ hài lòng (%): không được lớn hơn 100' });
    expect(prepareCorrection(e, 'profile', 1)).toMatchObject({ ok: false });
    expect(prepareCorrection(e, 'profile.population;drop', 1)).toMatchObject({ ok: false });
  });

  it('paths: parse, get, set, list in the contract\'s order, labels', () => {
    expect(parsePath('criteria[1].unmet[0]')).toEqual(['criteria', 1, 'unmet', 0]);
    expect(parsePath('a..b')).toBeNull();
    const e = report('Đông Lỗ');
    expect(getLeaf(e, 'budget.planned.total')).toBe(10);
    expect(getLeaf(e, 'budget.planned')).toBeUndefined();
    expect(setLeaf(e, 'nope', 1)).toBe(false);
    const paths = leafPaths(e);
    expect(paths.slice(0, 3)).toEqual(['document.number', 'document.date', 'document.title']);
    expect(paths).toContain('profile.police');
    expect(paths).toContain('propaganda.banners'); // null: not stated, still correctable
    expect(paths.indexOf('criteria[0].group')).toBeLessThan(paths.indexOf('criteria[0].met'));
    expect(labelOf('criteria[1].met', e)).toBe('Nhóm tiêu chí 4: số chỉ tiêu đạt');
    expect(labelOf('references[0].date')).toBe('Văn bản dẫn chiếu 1: ngày');
  });
});

describe('checks across reports', () => {
  const districts = servedDistricts(registry, HIEP_HOA, []);
  const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

  it('MISSING_SUBMISSION for every commune of the district without a report', () => {
    const flags = crossChecks({ period: '2024-H1', districts, reports: [received(report('Đông Lỗ'))] });
    const missing = flags.filter((f) => f.code === 'MISSING_SUBMISSION');
    expect(missing).toHaveLength(communesOfHiepHoa.length - 1);
    expect(missing.map((f) => f.commune)).not.toContain('Đông Lỗ');
    expect(missing.find((f) => f.commune === 'Mai Trung')!.message).toBe('xã Mai Trung chưa gửi báo cáo 6 tháng đầu năm 2024');
    // A non-current report does not count as the commune's submission.
    const old = crossChecks({ period: '2024-H1', districts, reports: [received(report('Mai Trung'), { current: false })] });
    expect(old.filter((f) => f.code === 'MISSING_SUBMISSION')).toHaveLength(communesOfHiepHoa.length);
  });

  it('UNIT_OUTSIDE_DISTRICT for a report from a commune of another district', () => {
    const e = report('Huyền Sơn', { provenance: { 'unit.district': { section: 'body', quote: 'Ban chỉ đạo huyện Lục Nam' } } }, 'Lục Nam');
    const flags = crossChecks({
      period: '2024-H1', districts, reports: [received(e, { name: 'huyen-son.docx' })],
      districtLabel: (d) => `huyện ${d}`,
    }).filter((f) => f.code === 'UNIT_OUTSIDE_DISTRICT');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ commune: 'Huyền Sơn', district: 'Lục Nam', evidence: ['Ban chỉ đạo huyện Lục Nam'] });
    expect(flags[0]!.message).toBe(
      'Báo cáo của xã Huyền Sơn, huyện Lục Nam, tỉnh Bắc Giang (tệp "huyen-son.docx") không thuộc huyện Hiệp Hòa: không cộng vào bảng tổng hợp',
    );
    // Without a district to serve there is no "outside".
    expect(codes(crossChecks({ period: '2024-H1', districts: [], reports: [received(e)] }))).toEqual([]);
  });

  it('RESUBMISSION_CHANGED names the fields that differ, current against the one before', () => {
    const first = report('Đông Lỗ');
    const second = report('Đông Lỗ', { profile: { ...first.profile, population: 17200 }, starsRegistered: 4 });
    const flags = crossChecks({
      period: '2024-H1', districts,
      reports: [
        received(first, { current: false, at: '2024-06-20T08:00:00Z', name: 'lan-1.docx' }),
        received(second, { current: true, at: '2024-06-25T08:00:00Z', name: 'lan-2.docx' }),
      ],
    });
    const changed = flags.filter((f) => f.code === 'RESUBMISSION_CHANGED');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.message).toContain('2 trường khác nhau');
    expect(changed[0]!.message).toContain('"lan-2.docx" thay cho "lan-1.docx"');
    expect(changed[0]!.evidence).toEqual([
      'Dân số (người) (profile.population): 17.128 → 17.200',
      'Số sao đăng ký (starsRegistered): 3 → 4',
    ]);
    expect(codes(flags)).not.toContain('DUPLICATE_FILE');
    expect(differences(first, first)).toEqual([]);
  });

  it('DUPLICATE_FILE for the same report in two files, and for files recorded as duplicates', () => {
    const e = report('Đông Lỗ');
    const flags = crossChecks({
      period: '2024-H1', districts,
      reports: [
        received(e, { current: false, at: '2024-06-20T08:00:00Z', name: 'dong-lo.docx' }),
        received({ ...e, source: { ...e.source, file: 'dong-lo.pdf', format: 'pdf' } }, { current: true, at: '2024-06-21T08:00:00Z', name: 'dong-lo.pdf' }),
      ],
      duplicateFiles: [{ id: 9, original_name: 'bản sao.docx', received_at: new Date('2024-06-22T01:00:00Z'), error_message: 'trùng nội dung với tệp dong-lo.docx' }],
    });
    const dup = flags.filter((f) => f.code === 'DUPLICATE_FILE');
    expect(dup).toHaveLength(2);
    const same = dup.find((f) => f.commune === 'Đông Lỗ')!;
    expect(same.message).toContain('"dong-lo.docx", "dong-lo.pdf" là cùng một báo cáo của xã Đông Lỗ');
    expect(same.evidence[0]).toMatch(/^dong-lo\.docx — nhận lúc 20\/06\/2024 15:00$/); // Vietnam's time
    expect(dup.find((f) => f.commune === null)!.message).toContain('"bản sao.docx"');
    expect(codes(flags)).not.toContain('RESUBMISSION_CHANGED'); // the same content is not a change
  });
});

describe('export helpers', () => {
  it('period labels and the head of the steering committee', () => {
    expect(periodLabel('2024-H1')).toBe('6 tháng đầu năm 2024');
    expect(periodLabel('2024-Q3')).toBe('quý III năm 2024');
    expect(periodLabel('2024')).toBe('năm 2024');
    expect(headColumn('Bí thư Đảng ủy')).toBe('biThu');
    expect(headColumn('Chủ tịch UBND xã')).toBe('chuTich');
    expect(headColumn('Phó Bí thư Thường trực')).toBe('khac');
    expect(headColumn(null)).toBeNull();
  });
});

// The seed report (a real commune's report, as text) through the whole extraction.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Extraction } from '../src/contract.ts';
import { parseText } from '../src/parse/text.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { EXTRACTORS, extract } from '../extractors/index.ts';

// The shared seed, or its copy in the repository.
const SEED = [
  new URL('../../shared/seed/000_f32fad2d862f84c7.txt', import.meta.url),
  new URL('../samples/seed/dong-lo-2024-h1.source.txt', import.meta.url),
].find((u) => existsSync(u))!;
const doc = parseText(readFileSync(SEED, 'utf8'));
const result = extract(doc, { registry: loadRegistry() });
const f = result.fields;
const has = (name: string) => EXTRACTORS.some((e) => e.name === name);

describe('seed: document, unit, period, references', () => {
  it('is a report, extracted without errors', () => {
    expect(result.kind).toBe('report');
    expect(result.errors).toEqual([]);
    expect(result.unitCode).toBe('07879');
  });
  it('document', () => {
    expect(f.document).toEqual({
      number: null,
      date: null,
      title: 'Kết quả xây dựng chính quyền thân thiện xã Đông Lỗ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024',
      signer: { name: 'Trần Văn Thìn', position: 'Phó Chủ tịch' },
    });
  });
  it('unit', () => {
    expect(f.unit).toEqual({ commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' });
  });
  it('period', () => {
    expect(f.period).toBe('2024-H1');
    expect(result.provenance.period?.section).toBe('title');
  });
  it('references', () => {
    expect(f.references[0]).toEqual({ number: '1901-CV/BCĐ', date: '2024-06-11' });
    expect(f.references).toEqual([
      { number: '1901-CV/BCĐ', date: '2024-06-11' },
      { number: '133/KH-UBND', date: '2024-02-01' },
      { number: '96-QĐ/ĐU', date: '2024-03-12' },
      { number: '45-TB/BCĐ', date: '2024-03-12' },
      { number: '31-KH/BCĐ', date: '2024-02-20' },
      { number: '2858-CV/TU', date: '2024-02-07' },
      { number: '710/QĐ-UBND', date: '2024-04-17' },
      { number: '121/QĐ-BCĐ', date: '2024-04-25' },
      { number: '18-CV/BCĐ', date: '2024-01-18' },
    ]);
  });
});

describe('seed: flags', () => {
  it('exactly COMMUNE_NAME_MISMATCH, MISSING_NUMBER, MISSING_DATE', () => {
    expect(result.flags.map((x) => x.code).sort()).toEqual(['COMMUNE_NAME_MISMATCH', 'MISSING_DATE', 'MISSING_NUMBER']);
  });
  it('each with its evidence', () => {
    const byCode = Object.fromEntries(result.flags.map((x) => [x.code, x]));
    // 'Đông Lễ' occurs 8 times in the seed text: 6 in the body, 2 in the annex tables.
    expect(byCode.COMMUNE_NAME_MISMATCH!.message).toBe("Báo cáo ghi tên xã 'Đông Lễ' 8 lần nhưng tiêu đề ghi 'Đông Lỗ'");
    expect(byCode.COMMUNE_NAME_MISMATCH!.evidence[0]).toContain('xã Đông Lễ đăng ký đạt chuẩn');
    expect(byCode.MISSING_NUMBER!.evidence).toEqual(['Số: /BC-UBND']);
    expect(byCode.MISSING_DATE!.evidence).toEqual(['Đông Lỗ, ngày tháng 6 năm 2024']);
    for (const flag of result.flags) expect(flag.evidence.length).toBeGreaterThan(0);
  });
  it('the extraction passes the contract schema', () => {
    const parsed = Extraction.safeParse({
      source: { file: 'seed.txt', sha256: '0'.repeat(64), format: doc.format },
      ...f,
      flags: result.flags,
      provenance: result.provenance,
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
  it('every stated value has provenance', () => {
    for (const path of ['document.signer.name', 'document.title', 'unit.commune', 'unit.district', 'unit.province', 'period', 'references[0]']) {
      expect(result.provenance[path], path).toBeDefined();
    }
  });
});

describe('seed: content', () => {
  it.runIf(has('profile'))('profile', () => {
    expect(f.profile).toEqual({
      areaHa: 1719.58, population: 17128, households: 3807, villages: 11,
      partyCells: 18, partyMembers: 378, cadres: 21, canBo: 10, congChuc: 11, police: 5,
      incomePerCapitaMillionVnd: 54, distanceToDistrictKm: 8.0,
    });
  });
  it.runIf(has('criteria'))('criteria', () => {
    expect(f.criteria).toEqual([
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 2, met: 4, total: 4, unmet: [] },
      { group: 3, met: 11, total: 11, unmet: [] },
      { group: 4, met: 5, total: 6, unmet: [26] },
      { group: 5, met: 10, total: 10, unmet: [] },
      { group: 6, met: 7, total: 8, unmet: [44] },
    ]);
  });
  it.runIf(has('surveys'))('surveys', () => expect(f.surveys).toEqual({ done: 3, planned: 7 }));
  it.runIf(has('satisfaction'))('satisfaction', () => expect(f.satisfactionPercent).toBe(100));
  it.runIf(has('stars'))('stars', () => expect(f.starsRegistered).toBe(3));
  it.runIf(has('propaganda'))('propaganda', () => expect(f.propaganda).toEqual({ banners: 20, panels: 15 }));
  it.runIf(has('committees'))('steering committee and support team', () => {
    expect(f.steeringCommittee).toEqual({ members: 17, head: 'Bí thư Đảng ủy' });
    expect(f.supportTeam).toEqual({ members: 9, leader: 'Công chức Văn phòng' });
  });
  it.runIf(has('training'))('training', () => expect(f.training).toEqual({ classes: 0, participants: 0 }));
  it.runIf(has('inspections'))('inspections', () => expect(f.inspections).toBe(1));
  it.runIf(has('budget'))('budget', () => {
    expect(f.budget).toEqual({ planned: { total: 10, district: 0, commune: 10 }, disbursed: { total: 0, district: 0, commune: 0 } });
  });
});

// Criteria sets are data chosen by province and period; without a known set a report is checked for
// internal consistency only, and the workspace says so.
import { describe, expect, it } from 'vitest';
import { criteriaCheckNote, criteriaSetFor, criteriaSetForPeriod } from '../src/criteria/sets.ts';
import { criteriaSetFlags } from '../src/consolidate/service.ts';
import { sampleExtraction } from './helpers/db.ts';

describe('criteria sets by province and period', () => {
  it("Bắc Giang's set: reports on 2024 and on the first half of 2025, not after the province was merged", () => {
    expect(criteriaSetForPeriod('Bắc Giang', '2024-H1')?.id).toBe('bac-giang-2024');
    expect(criteriaSetForPeriod('Bắc Giang', '2025-Q2')?.id).toBe('bac-giang-2024');
    expect(criteriaSetForPeriod('Bắc Giang', '2025-H2')).toBeNull();
    expect(criteriaSetForPeriod('Bắc Giang', '2025-9M')).toBeNull();
    expect(criteriaSetForPeriod('Bắc Giang', '2023')).toBeNull();
    // By year alone (the in-report check), 2025 still selects it.
    expect(criteriaSetFor('Bắc Giang', 2025)?.id).toBe('bac-giang-2024');
  });
  it('a province without a known set: consistency only, and the note says so', () => {
    expect(criteriaSetForPeriod('Bắc Ninh', '2025-H2')).toBeNull();
    const note = criteriaCheckNote('Bắc Ninh', '2025-H2');
    expect(note.set).toBeNull();
    expect(note.note).toContain('Chưa có bộ tiêu chí của tỉnh Bắc Ninh cho kỳ 2025-H2: chỉ kiểm tra tính nhất quán nội bộ');
    expect(criteriaCheckNote('Bắc Giang', '2024-H1').note).toContain('Quyết định số 710/QĐ-UBND');
  });
  it('the workspace flag: one per province and period, for reports that state criteria', () => {
    const withCriteria = (id: number, province: string) => ({ id, extraction: sampleExtraction({ unit: { commune: 'X', communeKind: 'xã', district: null, province } }) });
    const noCriteria = { id: 9, extraction: sampleExtraction({ criteria: [], unit: { commune: 'Y', communeKind: 'xã', district: null, province: 'Hà Nội' } }) };
    const flags = criteriaSetFlags('2025-H2', [withCriteria(1, 'Bắc Ninh'), withCriteria(2, 'Bắc Ninh'), noCriteria]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'CRITERIA_SET_UNKNOWN', severity: 'info', evidence: ['báo cáo #1', 'báo cáo #2'] });
    expect(flags[0]!.message).toContain('— 2 báo cáo');
    expect(criteriaSetFlags('2024-H1', [withCriteria(3, 'Bắc Giang')])).toEqual([]);
  });
});

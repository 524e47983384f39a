// flattenExtraction: leaf values → extracted_values rows, with provenance.
import { describe, expect, it } from 'vitest';
import { emptyFields } from '../src/contract.ts';
import { flattenExtraction, provenanceFor } from '../src/db/flatten.ts';
import { sampleExtraction } from './helpers/db.ts';

describe('flattenExtraction', () => {
  it('gives one row per stated leaf, with JSON paths', () => {
    const rows = flattenExtraction(sampleExtraction());
    const paths = rows.map((r) => r.path);
    expect(paths).toContain('profile.population');
    expect(paths).toContain('document.signer.name');
    expect(paths).toContain('criteria[0].group');
    expect(paths).toContain('criteria[1].unmet[0]');
    expect(paths).toContain('budget.planned.commune');
    expect(paths).toContain('references[0].number');
    expect(new Set(paths).size).toBe(paths.length);
    // not values of the report: the file's identity, flags, provenance itself
    expect(paths.some((p) => /^(source|flags|provenance)\b/.test(p))).toBe(false);
  });

  it('puts numbers in value_num and text in value_text; zero is a value, null is not', () => {
    const rows = new Map(flattenExtraction(sampleExtraction()).map((r) => [r.path, r]));
    expect(rows.get('profile.areaHa')).toMatchObject({ value_num: 1719.58, value_text: null });
    expect(rows.get('unit.communeKind')).toMatchObject({ value_num: null, value_text: 'xã' });
    expect(rows.get('document.date')).toMatchObject({ value_text: '2024-06-20' });
    expect(rows.get('budget.disbursed.total')).toMatchObject({ value_num: 0 });
    expect(rows.has('training.classes')).toBe(false); // null in the sample
    expect(rows.has('criteria[0].unmet')).toBe(false); // an empty list has no leaf
  });

  it('takes provenance from the exact path, else the nearest ancestor', () => {
    const rows = new Map(flattenExtraction(sampleExtraction()).map((r) => [r.path, r]));
    expect(rows.get('profile.population')).toMatchObject({ section: 'I', quote: 'dân số là 17.128 nhân khẩu' });
    expect(rows.get('criteria[1].met')).toMatchObject({ section: 'III > 2' });
    expect(rows.get('criteria[1].unmet[0]')).toMatchObject({ section: 'III > 2' });
    expect(rows.get('criteria[0].met')).toMatchObject({ section: null, quote: null }); // 'criteria[1]' is not its ancestor
    expect(rows.get('profile.households')).toMatchObject({ section: null, quote: null });
  });

  it('finds ancestors by path segments, not by string prefix', () => {
    const prov = { 'criteria[1]': { section: 'A', quote: 'a' }, budget: { section: 'PL3', quote: 'b' } };
    expect(provenanceFor(prov, 'criteria[1].unmet[2]')?.section).toBe('A');
    expect(provenanceFor(prov, 'criteria[10].met')).toBeUndefined();
    expect(provenanceFor(prov, 'budget.planned.total')?.section).toBe('PL3');
    expect(provenanceFor(prov, 'budgetary')).toBeUndefined();
    expect(provenanceFor({ toString: { section: 'x', quote: 'y' } } as never, 'constructor')).toBeUndefined();
  });

  it('gives no rows for an empty extraction', () => {
    const empty = { ...emptyFields(), source: { file: 'x', sha256: 'b'.repeat(64), format: 'pdf' as const }, flags: [], provenance: {} };
    expect(flattenExtraction(empty)).toEqual([]);
  });
});

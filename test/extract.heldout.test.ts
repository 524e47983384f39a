// The held-out reports (test/heldout/): hand-typed reports of communes of other provinces, with other
// words and layouts than the seed and the sample generator, each with an expected file written by hand.
// Every file (the text, and the .docx / .pdf that build.ts made from it through LibreOffice) is extracted
// and compared field by field. A file's accuracy must stay at or above its floor (floors are what the
// extraction reached; raise them, never lower them), and no value may be invented where the report
// states none (the worst error) — the exceptions, if any, are listed below with their reason.
import { afterAll, describe, expect, it } from 'vitest';
import { Extraction } from '../src/contract.ts';
import { loadCases, scoreFile, summary, type FileResult } from './heldout/score.ts';

/** Per-file accuracy floors (`<id>.<format>`); files not listed use DEFAULT_FLOOR. */
const DEFAULT_FLOOR = 1;
const FLOORS: Record<string, number> = {};

/** Invented values accepted for now, as '<id>.<format> <field>' → reason. None. */
const INVENTED_EXCEPTIONS: Record<string, string> = {};

const cases = loadCases();
const results: FileResult[] = [];

describe('held-out set', () => {
  it('has at least 8 reports and a document that is not a report; at least half come as .docx and .pdf', () => {
    expect(cases.filter((c) => c.expected.kind === 'report').length).toBeGreaterThanOrEqual(8);
    expect(cases.some((c) => c.expected.kind === 'not_a_report')).toBe(true);
    const built = cases.filter((c) => c.formats.includes('docx') && c.formats.includes('pdf'));
    expect(built.length * 2).toBeGreaterThanOrEqual(cases.length);
    const flagged = new Set(cases.flatMap((c) => c.expected.expectedFlags));
    expect(flagged.size).toBeGreaterThanOrEqual(3);
  });

  it('every expected file has the contract shape', () => {
    for (const c of cases) {
      const parsed = Extraction.safeParse({ ...c.expected, source: { file: `${c.id}.txt`, sha256: '0'.repeat(64), format: 'pdf' }, flags: [], provenance: {} });
      expect(parsed.success, `${c.id}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
    }
  });
});

describe('held-out extraction, field by field', () => {
  for (const c of cases) {
    for (const format of c.formats) {
      const key = `${c.id}.${format}`;
      it(key, async () => {
        const r = await scoreFile(c, format);
        results.push(r);
        const misses = r.fields.filter((f) => !f.ok).map((f) => `${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
        const invented = r.invented.map((f) => `${key} ${f.field}`).filter((k) => !(k in INVENTED_EXCEPTIONS));
        expect(invented, `values invented where the report states none:\n${invented.join('\n')}`).toEqual([]);
        expect(r.accuracy, `${key} ${r.correct}/${r.total}; misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(FLOORS[key] ?? DEFAULT_FLOOR);
      });
    }
  }
});

afterAll(() => {
  if (results.length) console.log(summary(results));
});

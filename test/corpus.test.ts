// Floors on the shared corpus (../shared/corpus: reports written outside the project, with their truth),
// the measure that counts (issue 10) — the project's own samples flatter the extractors. The .docx files
// are extracted in-process and scored by the rules of the corpus's own scorer (scripts/corpus.ts).
// Floors can only be raised. `node ../shared/corpus/score.mjs` is the reference run over every format.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS, formatScore, scoreCorpus, type CorpusScore } from '../scripts/corpus.ts';

/** Fields right on the corpus's .docx files (percent). */
const DOCX_FIELDS_FLOOR = 99.5;
const FLAG_RECALL_FLOOR = 100;
const FLAG_PRECISION_FLOOR = 98;

describe('the shared corpus (.docx)', () => {
  let s: CorpusScore;

  it('is there', () => {
    expect(existsSync(`${CORPUS}manifest.json`), `no corpus at ${CORPUS}`).toBe(true);
  });

  it(`keeps fields ≥ ${DOCX_FIELDS_FLOOR}%, flag recall ≥ ${FLAG_RECALL_FLOOR}%, precision ≥ ${FLAG_PRECISION_FLOOR}%`, async () => {
    s = await scoreCorpus(['docx']);
    const text = formatScore(s);
    expect(s.files.length).toBeGreaterThanOrEqual(20);
    expect((100 * s.ok) / s.total, text).toBeGreaterThanOrEqual(DOCX_FIELDS_FLOOR);
    expect((100 * s.flagRecall[0]) / s.flagRecall[1], text).toBeGreaterThanOrEqual(FLAG_RECALL_FLOOR);
    expect((100 * s.flagPrecision[0]) / Math.max(1, s.flagPrecision[1]), text).toBeGreaterThanOrEqual(FLAG_PRECISION_FLOOR);
  }, 300_000);

  it('gives every value a confidence', () => {
    expect(s.files.length).toBeGreaterThan(0);
    expect(s.files.reduce((n, f) => n + f.noConfidence, 0)).toBe(0);
  });
});

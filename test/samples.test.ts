// The sample corpus (samples/): the generator is deterministic, every expected file is valid and
// consistent with its report, every commune is real, and the committed files are what the
// generator makes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { composeAll, GENERATED_DIR, INBOX_DIR } from '../samples/generate.ts';
import { fileExtension } from '../samples/lib/compose.ts';
import { groupOfIndicator } from '../samples/lib/criteria.ts';
import { Expected, formatExpected, parseExpected, type Expected as ExpectedT } from '../samples/lib/expected.ts';
import { modelToText } from '../samples/lib/model.ts';
import { renderDocx } from '../samples/lib/render-docx.ts';
import { renderHtml } from '../samples/lib/render-html.ts';
import { findUnit, loadUnits } from '../samples/lib/units.ts';
import { altTonePlacement, fmtScaled, misspell, toneKey } from '../samples/lib/vn.ts';
import { Rng } from '../samples/lib/prng.ts';
import { SEED_ADDED_LINES, SEED_DIR, SEED_ID, SEED_SOURCE, seedModel } from '../samples/seed/build-seed.ts';

const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Checks that hold for every expected file, generated or hand-written. */
function checkConsistency(e: ExpectedT, text: string | null) {
  expect(e.expectedFlags.includes('MISSING_NUMBER')).toBe(e.document.number === null);
  expect(e.expectedFlags.includes('MISSING_DATE')).toBe(e.document.date === null);
  const p = e.profile;
  if (p.cadres !== null && p.canBo !== null && p.congChuc !== null) {
    expect(e.expectedFlags.includes('SUM_MISMATCH')).toBe(p.cadres !== p.canBo + p.congChuc);
  }
  const inconsistent = e.criteria.some(
    (c) => c.met > c.total || c.unmet.length !== c.total - c.met || c.unmet.some((n) => groupOfIndicator(n)?.group !== c.group),
  );
  expect(e.expectedFlags.includes('CRITERIA_INCONSISTENT')).toBe(inconsistent);
  expect(e.criteria.map((c) => c.group)).toEqual([...e.criteria.map((c) => c.group)].sort((a, b) => a - b));
  const numbers = e.references.map((r) => r.number);
  expect(new Set(numbers).size).toBe(numbers.length);
  if (text !== null) {
    const t = norm(text);
    for (const n of numbers) expect(t, n).toContain(n);
    // References in order of first appearance.
    const positions = numbers.map((n) => t.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(t).toContain(norm(e.document.title!));
    expect(t).toContain(e.document.signer.name!);
    if (e.document.number) expect(t).toContain(`Số: ${e.document.number}`);
  }
}

describe('generator', () => {
  const a = composeAll();
  const b = composeAll();

  it('is deterministic: the same expected JSON and text on every run', () => {
    expect(a.map((r) => formatExpected(r.expected))).toEqual(b.map((r) => formatExpected(r.expected)));
    expect(a.map((r) => r.text)).toEqual(b.map((r) => r.text));
    expect(a.map((r) => renderHtml(r.model))).toEqual(b.map((r) => renderHtml(r.model)));
  });

  it('renders the same .docx bytes twice', async () => {
    for (const r of a.filter((x) => x.spec.output === 'docx').slice(0, 2)) {
      expect(Buffer.compare(await renderDocx(r.model), await renderDocx(r.model))).toBe(0);
    }
  });

  it('writes expected files that parse with the schema and agree with their report', () => {
    for (const r of a) {
      const e = parseExpected(formatExpected(r.expected));
      expect(e.source.file).toBe(`${r.spec.id}.${fileExtension(r.spec.output)}`);
      checkConsistency(e, r.text);
    }
  });

  it('uses real communes of the registry, never the seed commune', () => {
    const units = loadUnits();
    for (const r of a) {
      const u = r.expected.unit;
      expect(findUnit(units, { province: u.province!, district: u.district!, commune: u.commune!, communeKind: u.communeKind }), r.spec.id).toBeDefined();
      expect(u.commune).not.toBe('Đông Lỗ');
    }
  });

  it('covers the variations the eval needs', () => {
    const flags = new Set(a.flatMap((r) => r.expected.expectedFlags));
    for (const f of ['COMMUNE_NAME_MISMATCH', 'SUM_MISMATCH', 'CRITERIA_INCONSISTENT', 'MISSING_NUMBER', 'MISSING_DATE'] as const) expect(flags).toContain(f);
    const kinds = new Set(a.map((r) => r.expected.unit.communeKind));
    expect(kinds).toEqual(new Set(['xã', 'phường', 'thị trấn']));
    expect(new Set(a.map((r) => r.spec.output))).toEqual(new Set(['docx', 'docx-lo', 'pdf-lo', 'pdf-docx']));
    expect(a.some((r) => r.spec.features.nameVariant === 'altToneAll')).toBe(true);
    // A tone-placement variant of the name is not a mismatch.
    for (const r of a.filter((x) => x.spec.features.nameVariant.startsWith('altTone'))) {
      expect(r.expected.expectedFlags).not.toContain('COMMUNE_NAME_MISMATCH');
      expect(toneKey(r.text)).toContain(toneKey(r.expected.unit.commune!));
    }
  });

  it('scales: 60 reports, ≥ 20 communes, three periods, unique ids', () => {
    const big = composeAll({ count: 60 });
    expect(big).toHaveLength(60);
    expect(new Set(big.map((r) => r.spec.id)).size).toBe(60);
    expect(new Set(big.map((r) => r.spec.unit.communeCode)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(big.map((r) => r.expected.period))).toEqual(new Set(['2024-H1', '2024', '2025-H1']));
    for (const r of big) checkConsistency(Expected.parse(r.expected), r.text);
  });
});

describe('committed samples', () => {
  const reports = composeAll();
  const files = readdirSync(GENERATED_DIR);

  it('are what the generator makes (run `npm run samples` after changing it)', () => {
    for (const r of reports) {
      const p = join(GENERATED_DIR, `${r.spec.id}.expected.json`);
      expect(existsSync(p), p).toBe(true);
      expect(readFileSync(p, 'utf8')).toBe(formatExpected(r.expected));
      expect(files).toContain(`${r.spec.id}.${fileExtension(r.spec.output)}`);
    }
    expect(files.filter((f) => f.endsWith('.expected.json'))).toHaveLength(reports.length);
  });

  it('every expected file parses with the expected-file schema', () => {
    const expectedFiles = [...files.filter((f) => f.endsWith('.expected.json')).map((f) => join(GENERATED_DIR, f)), join(SEED_DIR, `${SEED_ID}.expected.json`)];
    for (const f of expectedFiles) {
      const e = parseExpected(readFileSync(f, 'utf8'));
      checkConsistency(e, null);
    }
  });

  it('.docx files are zips with word/document.xml; .pdf files are PDFs', async () => {
    const all = [
      ...files.map((f) => join(GENERATED_DIR, f)),
      join(SEED_DIR, `${SEED_ID}.docx`),
      join(SEED_DIR, `${SEED_ID}.pdf`),
      ...readdirSync(INBOX_DIR).map((f) => join(INBOX_DIR, f)),
    ];
    for (const f of all.filter((x) => x.endsWith('.docx'))) {
      const entries = await zipEntries(f);
      expect(entries, f).toContain('word/document.xml');
      expect(entries, f).toContain('[Content_Types].xml');
    }
    for (const f of all.filter((x) => x.endsWith('.pdf'))) {
      const buf = readFileSync(f);
      expect(buf.subarray(0, 5).toString('latin1'), f).toBe('%PDF-');
      expect(buf.subarray(-8).toString('latin1'), f).toContain('%%EOF');
    }
  });

  it('the inbox holds the seed and Hiệp Hòa 2024-H1 reports, as copies', () => {
    const inbox = readdirSync(INBOX_DIR).filter((f) => /\.(docx|pdf)$/.test(f));
    expect(inbox.length).toBeGreaterThanOrEqual(5);
    expect(inbox.length).toBeLessThanOrEqual(6);
    expect(inbox).toContain(`${SEED_ID}.docx`);
    expect(inbox).toContain(`${SEED_ID}.pdf`);
    for (const f of inbox) {
      const original = f.startsWith(SEED_ID) ? join(SEED_DIR, f) : join(GENERATED_DIR, f);
      expect(Buffer.compare(readFileSync(join(INBOX_DIR, f)), readFileSync(original)), f).toBe(0);
      if (!f.startsWith(SEED_ID)) {
        const e = parseExpected(readFileSync(join(GENERATED_DIR, f.replace(/\.(docx|pdf)$/, '.expected.json')), 'utf8'));
        expect(e.unit.district).toBe('Hiệp Hòa');
        expect(e.period).toBe('2024-H1');
      }
    }
    const total = readdirSync(GENERATED_DIR).reduce((s, f) => s + readFileSync(join(GENERATED_DIR, f)).length, 0);
    expect(total).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('seed', () => {
  it('keeps every paragraph of the seed text, in order, with its words', () => {
    const source = readFileSync(SEED_SOURCE, 'utf8');
    const clean = (s: string) => norm(s.replace(/<\/?i>/g, '').replace(/\*([^*\s][^*]*)\*/g, '$1').replace(/\*\*/g, ''));
    const want = source.split('\n').map(clean).filter(Boolean);
    const got = modelToText(seedModel(source)).split('\n').map(clean).filter(Boolean);
    const extra = got.filter((l) => !want.includes(l));
    expect(extra).toEqual(SEED_ADDED_LINES);
    expect(got.filter((l) => !SEED_ADDED_LINES.includes(l))).toEqual(want);
    // The seed's own errors are kept.
    const text = modelToText(seedModel(source));
    expect(text.match(/Đông Lễ/g)).toHaveLength(8);
    expect(text).toContain('QUẢN TRỊỆT');
    expect(text).toContain('Hiệp Hoà');
  });

  it('has a hand-written expected file consistent with its text', () => {
    const e = parseExpected(readFileSync(join(SEED_DIR, `${SEED_ID}.expected.json`), 'utf8'));
    checkConsistency(e, modelToText(seedModel()));
    expect(e.expectedFlags).toEqual(['COMMUNE_NAME_MISMATCH', 'MISSING_DATE', 'MISSING_NUMBER']);
    expect(e.references).toHaveLength(9);
  });

  it('renders the seed .docx reproducibly, and the committed one is current', async () => {
    const docx = await renderDocx(seedModel());
    expect(Buffer.compare(docx, await renderDocx(seedModel()))).toBe(0);
    expect(Buffer.compare(docx, readFileSync(join(SEED_DIR, `${SEED_ID}.docx`)))).toBe(0);
  });

  it('lives under samples/', () => {
    expect(SEED_DIR.startsWith(SAMPLES)).toBe(true);
  });
});

describe('samples/lib helpers', () => {
  it('writes numbers as reports do', () => {
    expect(fmtScaled(171958, 2)).toBe('1.719,58');
    expect(fmtScaled(171958, 4)).toBe('17,1958');
    expect(fmtScaled(80, 1, { thousands: 'none', decimalMark: '.' })).toBe('8.0');
    expect(fmtScaled(540, 1, { dropZeroFraction: true })).toBe('54');
  });

  it('moves tone marks and misspells names into well-formed, different names', () => {
    expect(altTonePlacement('Hòa Sơn')).toBe('Hoà Sơn');
    expect(altTonePlacement('Hoàng Vân')).toBeNull();
    expect(toneKey('Hoà Sơn')).toBe(toneKey('Hòa Sơn'));
    for (const u of loadUnits().filter((x) => x.province === 'Bắc Giang')) {
      const m = misspell(u.commune, Rng.from('t', u.communeCode));
      expect(m, u.commune).toBe(m.normalize('NFC'));
      expect(/[\u0300-\u036f]/.test(m), m).toBe(false);
      expect(toneKey(m), u.commune).not.toBe(toneKey(u.commune));
    }
  });
});

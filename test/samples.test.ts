// The sample corpus (samples/): the generator is deterministic, every expected file is valid and
// consistent with its report, every commune is real, the corpus has the variety the eval needs
// (issue 3), and the committed files are what the generator makes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { composeAll, GENERATED_DIR, INBOX_DIR } from '../samples/generate.ts';
import { fileExtension, OUTPUTS, type ComposedReport } from '../samples/lib/compose.ts';
import { FLAG_CODES } from '../src/contract.ts';
import { groupOfIndicator } from '../samples/lib/criteria.ts';
import { Expected, formatExpected, parseExpected, type Expected as ExpectedT } from '../samples/lib/expected.ts';
import { modelToText, toNfd } from '../samples/lib/model.ts';
import { renderDocx } from '../samples/lib/render-docx.ts';
import { renderHtml } from '../samples/lib/render-html.ts';
import { findUnit, loadUnits } from '../samples/lib/units.ts';
import { altTonePlacement, fmtScaled, misspell, toneKey } from '../samples/lib/vn.ts';
import { Rng } from '../samples/lib/prng.ts';
import { SEED_ADDED_LINES, SEED_DIR, SEED_ID, SEED_SOURCE, seedModel } from '../samples/seed/build-seed.ts';

const SAMPLES = fileURLToPath(new URL('../samples/', import.meta.url));

function zipText(file: string, entry: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== entry) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2 ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => { zip.close(); resolve(Buffer.concat(chunks).toString('utf8')); });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${file}: no ${entry}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

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
  if (e.notAReport) {
    // The schema holds the rest: every value null, no flags.
    expect(e.expectedFlags).toEqual([]);
    if (text !== null) expect(text).not.toMatch(/^BÁO CÁO\n\n.*chính quyền thân thiện/mu);
    return;
  }
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
  const reports = a.filter((r) => !r.spec.other);

  it('is deterministic: the same expected JSON and text on every run', () => {
    expect(a.map((r) => formatExpected(r.expected))).toEqual(b.map((r) => formatExpected(r.expected)));
    expect(a.map((r) => r.text)).toEqual(b.map((r) => r.text));
    expect(a.map((r) => renderHtml(r.model))).toEqual(b.map((r) => renderHtml(r.model)));
  });

  it('renders the same .docx bytes twice, and the committed docx-package files are those bytes', async () => {
    for (const r of a.filter((x) => x.spec.output === 'docx').slice(0, 2)) {
      expect(Buffer.compare(await renderDocx(r.model), await renderDocx(r.model))).toBe(0);
    }
    // Files written by the docx package alone (no LibreOffice) can be checked byte for byte.
    for (const r of a.filter((x) => x.spec.output === 'docx' || x.spec.output === 'docx-nfd')) {
      const bytes = await renderDocx(r.spec.output === 'docx-nfd' ? toNfd(r.model) : r.model);
      expect(Buffer.compare(bytes, readFileSync(join(GENERATED_DIR, `${r.spec.id}.docx`))), r.spec.id).toBe(0);
    }
  });

  it('writes expected files that parse with the schema and agree with their report', () => {
    for (const r of a) {
      const e = parseExpected(formatExpected(r.expected));
      expect(e.source.file).toBe(`${r.spec.id}.${fileExtension(r.spec.output)}`);
      checkConsistency(e, r.text);
    }
  });

  it('uses real communes of the registry, never the seed commune; UNKNOWN_UNIT only for a name the registry lacks', () => {
    const units = loadUnits();
    for (const r of a) {
      const s = r.spec.unit;
      expect(findUnit(units, s), r.spec.id).toBeDefined();
      expect(s.commune).not.toBe('Đông Lỗ');
      if (r.spec.other) continue;
      const u = r.expected.unit;
      const inRegistry = findUnit(units, { province: u.province!, district: u.district!, commune: u.commune!, communeKind: u.communeKind === 'đặc khu' ? null : u.communeKind });
      expect(!inRegistry, r.spec.id).toBe(r.expected.expectedFlags.includes('UNKNOWN_UNIT'));
      if (inRegistry) {
        expect(inRegistry.communeCode).toBe(s.communeCode);
        continue;
      }
      // The unknown name is a real name misspelt: no unit of the district (commune) or of the
      // province (district) has it, whatever the tone placement.
      if (r.spec.features.unknownUnit === 'commune') {
        expect(u.district).toBe(s.district);
        expect(units.filter((x) => x.districtCode === s.districtCode).some((x) => toneKey(x.commune) === toneKey(u.commune!))).toBe(false);
      } else {
        expect(r.spec.features.unknownUnit).toBe('district');
        expect(u.commune).toBe(s.commune);
        expect(units.filter((x) => x.provinceCode === s.provinceCode).some((x) => toneKey(x.district) === toneKey(u.district!))).toBe(false);
        // The report names its province, as the registry cannot tell it from an unknown district.
        expect(r.text).toContain(`tỉnh ${s.province}`);
      }
    }
  });

  it('is the corpus of issue 3: ≥ 60 reports, ≥ 20 communes of several districts, three periods, every file kind', () => {
    expect(reports.length).toBeGreaterThanOrEqual(60);
    expect(new Set(a.map((r) => r.spec.id)).size).toBe(a.length);
    expect(new Set(reports.map((r) => r.spec.unit.communeCode)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(reports.map((r) => r.spec.unit.district)).size).toBeGreaterThanOrEqual(6);
    for (const p of ['2024-H1', '2024', '2025-H1']) expect(reports.filter((r) => r.expected.period === p).length, p).toBeGreaterThanOrEqual(15);
    const kinds = new Map<string, number>();
    for (const r of reports) kinds.set(r.expected.unit.communeKind!, (kinds.get(r.expected.unit.communeKind!) ?? 0) + 1);
    for (const k of ['xã', 'phường', 'thị trấn']) expect(kinds.get(k) ?? 0, k).toBeGreaterThanOrEqual(3);
    for (const o of OUTPUTS) expect(reports.filter((r) => r.spec.output === o).length, o).toBeGreaterThanOrEqual(3);
  });

  it('raises every flag code on purpose (≥ 3 reports each), and has reports with none', () => {
    for (const code of FLAG_CODES) expect(reports.filter((r) => r.expected.expectedFlags.includes(code)).length, code).toBeGreaterThanOrEqual(3);
    expect(reports.filter((r) => r.expected.expectedFlags.length === 0).length).toBeGreaterThanOrEqual(10);
    // The deliberate errors are where the plan put them.
    for (const r of reports) {
      const f = r.spec.features;
      const has = (c: (typeof FLAG_CODES)[number]) => r.expected.expectedFlags.includes(c);
      expect(has('UNKNOWN_UNIT'), r.spec.id).toBe(f.unknownUnit !== 'none');
      expect(has('STARS_MISMATCH'), r.spec.id).toBe(f.starsMismatch);
      expect(has('PERIOD_MISMATCH'), r.spec.id).toBe(f.periodMismatch !== 'none');
      expect(has('COMMUNE_NAME_MISMATCH'), r.spec.id).toBe(f.nameVariant === 'misspelled');
      expect(has('SUM_MISMATCH'), r.spec.id).toBe(f.sumError);
    }
  });

  it('has documents that are not reports, with notAReport and nothing else', () => {
    const others = a.filter((r) => r.spec.other);
    expect(new Set(others.map((r) => r.spec.other))).toEqual(new Set(['invitation', 'minutes', 'disaster', 'plan', 'reform']));
    for (const r of others) {
      expect(r.expected.notAReport).toBe(true);
      checkConsistency(parseExpected(formatExpected(r.expected)), r.text);
    }
    const title = (r: ComposedReport) => r.text.split('\n\n').find((l) => /^(GIẤY MỜI|BIÊN BẢN|KẾ HOẠCH|BÁO CÁO)$/.test(l));
    expect(others.map(title).sort()).toEqual(['BIÊN BẢN', 'BÁO CÁO', 'BÁO CÁO', 'GIẤY MỜI', 'KẾ HOẠCH']);
    for (const r of reports) expect(r.expected.notAReport).toBeUndefined();
  });

  it('varies phrasing, structure, numbers and names as the issue lists', () => {
    const texts = reports.map((r) => r.text);
    const some = (re: RegExp, min = 1) => expect(texts.filter((t) => re.test(t)).length, String(re)).toBeGreaterThanOrEqual(min);
    // phrasing
    some(/dân số là \d[\d. ]* nhân khẩu/u);
    some(/Dân số: \d[\d. ]* người/u);
    some(/tổng dân số toàn (xã|phường|thị trấn) \d[\d. ]* khẩu/u);
    some(/(?<![\d.])\d{1,3} \d{3} (khẩu|người|nhân khẩu)/u);
    some(/đạt \d+\/\d+ chỉ tiêu/u);
    some(/\d+\/\d+ chỉ tiêu đạt/u);
    some(/đạt \d+ trên \d+ chỉ tiêu/u);
    some(/Đạt: 0\d\/0\d/u);
    some(/là \d+ người, trong đó \d+ cán bộ, \d+ công chức/u);
    some(/\d+ cán bộ và \d+ công chức \(tổng \d+ người\)/u);
    // numbers
    some(/\d{1,2}\.\d{3} (nhân khẩu|người|khẩu)/u);
    some(/(?<![\d.])\d{5} (nhân khẩu|người|khẩu)/u);
    some(/\d\.\d{3},\d{2} ha/u);
    some(/\d{4},\d{2}ha/u);
    some(/km²|km2/u);
    some(/(?<![\d.,])0[1-9] (người|đồng chí|chi bộ)/u);
    some(/\d+,\d km/u);
    some(/\d+\.0 ?km/u);
    some(/\d{1,2}\.?\n\d{3} /u, 2); // a number broken across a line
    some(/\d{1,2}\.?\n\n\d{3} /u, 2); // … and across paragraphs
    // structure
    some(/^PHẦN I\. /mu);
    some(/^A\. /mu);
    some(/^I\. /mu);
    some(/^\d\.\d\. /mu);
    some(/^\d\) /mu);
    some(/^[a-e]\) /mu);
    some(/Đơn vị tính: nghìn đồng/u);
    some(/\tTrong đó\t/u);
    expect(reports.some((r) => r.spec.output !== 'docx' && /Kinh phí dự toán/.test(r.text) && !/Trong đó/.test(r.text))).toBe(true);
    for (const m of ['styles', 'bold', 'plain'] as const) expect(reports.some((r) => r.style.headingMode === m), m).toBe(true);
    expect(reports.some((r) => (r.expected.meta!.sections as string[]).indexOf('results') < (r.expected.meta!.sections as string[]).indexOf('leadership'))).toBe(true);
    expect(reports.some((r) => !(r.expected.meta!.sections as string[]).includes('profile'))).toBe(true);
    // values only in annex tables
    expect(reports.some((r) => r.expected.steeringCommittee.members !== null && !/Ban (c|C)hỉ đạo[^.]*(gồm|có|:) \d+/u.test(r.text.split('BIỂU TỔNG HỢP')[0]!))).toBe(true);
    // names: old tone placement, for 'oa' and 'uy'
    some(/Hoà Sơn/u);
    some(/Cảnh Thuỵ/u);
    some(/Hiệp Hoà/u);
  });

  it('writes a tone-placement variant of a name without a flag', () => {
    expect(a.some((r) => r.spec.features.nameVariant === 'altToneAll')).toBe(true);
    for (const r of a.filter((x) => x.spec.features.nameVariant.startsWith('altTone'))) {
      expect(r.expected.expectedFlags).not.toContain('COMMUNE_NAME_MISMATCH');
      expect(toneKey(r.text)).toContain(toneKey(r.expected.unit.commune!));
    }
  });

  it('scales down: --count 12 still gives consistent reports (and unique ids)', () => {
    const small = composeAll({ count: 12, others: false });
    expect(small).toHaveLength(12);
    expect(new Set(small.map((r) => r.spec.id)).size).toBe(12);
    expect(new Set(small.map((r) => r.expected.period))).toEqual(new Set(['2024-H1', '2024', '2025-H1']));
    for (const r of small) checkConsistency(Expected.parse(r.expected), r.text);
    // The plan's first reports are the same whatever the count (the inbox's copies stay put).
    expect(small.slice(0, 4).map((r) => formatExpected(r.expected))).toEqual(reports.slice(0, 4).map((r) => formatExpected(r.expected)));
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

  it('index.json lists every sample with its expected file', () => {
    const index = JSON.parse(readFileSync(join(GENERATED_DIR, 'index.json'), 'utf8')) as { id: string; file: string; expected: string; notAReport?: boolean }[];
    expect(index.map((x) => x.id)).toEqual(reports.map((r) => r.spec.id));
    for (const x of index) {
      expect(files).toContain(x.file);
      expect(files).toContain(x.expected);
      expect(x.notAReport ?? false).toBe(parseExpected(readFileSync(join(GENERATED_DIR, x.expected), 'utf8')).notAReport ?? false);
    }
  });

  it('NFD files really are decomposed; the others are NFC', async () => {
    for (const r of reports.filter((x) => x.spec.output === 'docx-nfd' || x.spec.output === 'docx' || x.spec.output === 'docx-lo-nfd')) {
      const xml = await zipText(join(GENERATED_DIR, `${r.spec.id}.docx`), 'word/document.xml');
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const nfd = r.spec.output.endsWith('-nfd');
      expect(text === text.normalize('NFC'), r.spec.id).toBe(!nfd);
      if (nfd) expect(text === text.normalize('NFD'), r.spec.id).toBe(true);
    }
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
    expect(total).toBeLessThan(15 * 1024 * 1024);
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

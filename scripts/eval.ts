// The eval: runs the extraction (src/pipeline.ts extractFile, in-process) over every sample
// (samples/seed + samples/generated + samples/legacy-word, and the scans of samples/scans: format
// pdf-ocr) and compares it with the expected files, field by field.
//
//   npm run eval                      # the full report; the LAST line is the overall figure
//   npm run eval -- --json            # machine-readable (one JSON object)
//   npm run eval -- --only <id>       # one sample (an id, a file name or a prefix): every field,
//                                     # with the extraction's value, provenance and the flags
//   npm run eval -- --worst 20        # how many of the worst reports to list (default 12)
//   npm run eval -- --no-scans        # without the scanned samples (OCR takes seconds a page)
//
// What is compared (samples/README.md, "The eval"):
//  - Reports only (not the documents whose expected file says notAReport). One leaf per field of
//    the contract: document.*, unit.*, period, profile.*, surveys.*, satisfactionPercent,
//    starsRegistered, propaganda.*, steeringCommittee.*, supportTeam.*, training.*, inspections,
//    budget.{planned,disbursed}.{total,district,commune}; `criteria` as one leaf per group of the
//    criteria set (criteria.g1 … criteria.g6, plus any other group either side has): the whole entry
//    {met, total, unmet} must match, `unmet` compared as a set, and a group absent on one side is
//    null there; `references` as ONE leaf: the set of {number, date} must be equal (order ignored;
//    numbers compared without spaces). Item-level recall/precision of references is printed too.
//  - A leaf whose expected value is null must come out null: an invented value is a miss.
//  - Numbers with a tolerance of 1e-6; strings after NFC and whitespace collapsing, otherwise exact.
//  - Flags by code (messages and evidence are not compared): per code and over all codes, recall
//    = expected codes raised / expected codes, precision = raised codes expected / raised codes,
//    over every sample (a not-a-report document expects none).
//  - Not-a-report recognition: a document with notAReport must come back as kind 'not_a_report',
//    every other one as 'report'.
// A sample whose extraction throws counts every field as extracted null, and is listed.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLAG_CODES, type Extraction, type FlagCode, type Provenance } from '../src/contract.ts';
import type { DocumentModel } from '../src/document/model.ts';
import { parseFile } from '../src/parse/index.ts';
import { extractFile } from '../src/pipeline.ts';
import { loadRegistry, type Registry } from '../src/registry/index.ts';
import { fieldsOf, flattenFields, parseExpected, type Expected } from '../samples/lib/expected.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE_DIRS = [join(ROOT, 'samples/seed'), join(ROOT, 'samples/generated'), join(ROOT, 'samples/legacy-word'), join(ROOT, 'samples/pdf-producers')];
/** Scanned samples (OCR, seconds a page): in `npm run eval` unless --no-scans, not in runEval()'s default. */
export const SCAN_DIRS = [join(ROOT, 'samples/scans')];

/** How a sample file was made (expected meta.output) → the format label the eval reports by. */
export const FORMAT_LABELS: Record<string, string> = {
  'docx': 'docx-docxjs',
  'docx-lo': 'docx-libreoffice',
  'pdf-lo': 'pdf-libreoffice',
  'pdf-docx': 'pdf-docxjs-libreoffice',
  'docx-nfd': 'nfd-docx-docxjs',
  'docx-lo-nfd': 'nfd-docx-libreoffice',
  'pdf-nfd': 'nfd-pdf',
  // samples/legacy-word (samples/lib/legacy-word.ts)
  'doc': 'doc-libreoffice',
  'doc-tcvn3': 'doc-tcvn3-font',
  'doc-vni': 'doc-vni-font',
  'docx-tcvn3': 'legacy-docx-tcvn3-font',
  'docx-vni': 'legacy-docx-vni-font',
  // samples/pdf-producers (samples/lib/pdf-producers.ts)
  'pdf-chromium': 'pdf-chromium',
  'pdf-chromium-mixed': 'pdf-chromium-mixed-fonts',
  'pdf-chromium-borderless': 'pdf-chromium-borderless-tables',
  'pdf-lo-borderless': 'pdf-libreoffice-borderless-tables',
  // samples/scans (samples/lib/scan.ts)
  'pdf-scan': 'pdf-ocr',
};

/** The broad family of a format label: docx, doc (Word 97), pdf, ocr (scans), nfd (decomposed
 *  text, any container) or legacy (TCVN3/VNI fonts in a .docx). */
export const familyOf = (label: string) =>
  label === 'pdf-ocr' ? 'ocr' : label.startsWith('nfd') ? 'nfd' : label.startsWith('pdf') ? 'pdf' : label.startsWith('doc-') ? 'doc' : label.startsWith('legacy') ? 'legacy' : 'docx';

export interface Sample {
  /** The expected file's id, with the extension when one expected file covers several files (the seed). */
  id: string;
  file: string;
  expected: Expected;
  /** FORMAT_LABELS value. */
  format: string;
  notAReport: boolean;
}

/** Every sample file with its expected file, seed first, then generated in index order. */
export function listSamples(dirs: readonly string[] = SAMPLE_DIRS): Sample[] {
  const out: Sample[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    let order: string[] = [];
    try {
      order = (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { expected: string }[]).map((x) => x.expected);
    } catch { /* no index: alphabetical */ }
    const expectedFiles = names.filter((n) => n.endsWith('.expected.json'))
      .sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9) || a.localeCompare(b));
    for (const ef of expectedFiles) {
      const expected = parseExpected(readFileSync(join(dir, ef), 'utf8'));
      const meta = (expected.meta ?? {}) as { files?: string[]; output?: string };
      const files = meta.files ?? [expected.source.file];
      for (const f of files) {
        if (!names.includes(f)) throw new Error(`${join(dir, ef)}: sample file ${f} missing`);
        // The seed: its .docx is made with the docx package, its .pdf from that .docx by LibreOffice.
        const output = meta.output ?? (f.endsWith('.pdf') ? 'pdf-docx' : 'docx');
        out.push({
          id: files.length > 1 ? f : expected.id,
          file: join(dir, f),
          expected,
          format: FORMAT_LABELS[output] ?? output,
          notAReport: expected.notAReport === true,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- comparison

export type Verdict = 'ok' | 'missed' | 'invented' | 'wrong';

export interface FieldResult {
  path: string;
  expected: unknown;
  got: unknown;
  verdict: Verdict;
  /** Where the extraction says it read the value. */
  provenance?: Provenance;
  /** Where the expected value is written in the parsed document (a debugging aid; may be absent). */
  text?: string;
}

interface CriteriaEntry { group: number; met: number; total: number; unmet: number[] }

const normStr = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const normRef = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

/** Whether two leaf values agree (see the header comment). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6;
  if (typeof a === 'string' && typeof b === 'string') return normStr(a) === normStr(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object).sort();
    const kb = Object.keys(b as object).sort();
    return sameValue(ka, kb) && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function criteriaLeaf(e: CriteriaEntry | undefined): { met: number; total: number; unmet: number[] } | null {
  return e ? { met: e.met, total: e.total, unmet: [...new Set(e.unmet)].sort((x, y) => x - y) } : null;
}

function refsLeaf(refs: readonly { number: string; date: string | null }[]): string[] {
  return [...new Set(refs.map((r) => `${normRef(r.number)} ${r.date ?? '—'}`))].sort();
}

/** Leaves of one side: flattenFields for the scalar fields, then criteria.gN and references. */
function leaves(fields: ReturnType<typeof fieldsOf>, groups: readonly number[]): Map<string, unknown> {
  const flat = flattenFields(fields);
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(flat)) if (k !== 'criteria' && k !== 'references') out.set(k, v);
  for (const g of groups) out.set(`criteria.g${g}`, criteriaLeaf(fields.criteria.find((c) => c.group === g)));
  out.set('references', refsLeaf(fields.references));
  return out;
}

/** The groups compared for a report: those of the criteria set (1–6) and any group either side has. */
const SET_GROUPS = [1, 2, 3, 4, 5, 6];

export function compareFields(expected: Expected, got: Extraction | null, doc?: DocumentModel | null): FieldResult[] {
  const ef = fieldsOf(expected);
  const gf = got ?? null;
  const groups = [...new Set([...SET_GROUPS, ...ef.criteria.map((c) => c.group), ...(gf?.criteria ?? []).map((c) => c.group)])].sort((a, b) => a - b);
  const exp = leaves(ef, groups);
  const gotLeaves = gf ? leaves(gf, groups) : null;
  const text = doc ? docText(doc) : null;
  const results: FieldResult[] = [];
  for (const [path, e] of exp) {
    let g = gotLeaves ? gotLeaves.get(path) ?? null : null;
    if (path === 'references' && Array.isArray(g) && g.length === 0) g = [];
    const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
    const verdict: Verdict = sameValue(e, g) || (isEmpty(e) && isEmpty(g))
      ? 'ok'
      : isEmpty(g) ? 'missed' : isEmpty(e) ? 'invented' : 'wrong';
    const r: FieldResult = { path, expected: e, got: g, verdict };
    if (gf) {
      const prov = provenanceFor(gf.provenance, path);
      if (prov) r.provenance = prov;
    }
    if (verdict !== 'ok' && text) {
      const t = findInText(text, path, e);
      if (t) r.text = t;
    }
    results.push(r);
  }
  return results;
}

function provenanceFor(prov: Record<string, Provenance>, path: string): Provenance | undefined {
  if (prov[path]) return prov[path];
  const m = /^criteria\.g(\d+)$/.exec(path);
  const keys = Object.keys(prov);
  if (m) {
    const k = keys.find((x) => new RegExp(`^criteria\\[\\d+\\]`).test(x) && prov[x]!.quote.includes(m[1]!)) ?? keys.find((x) => x.startsWith('criteria'));
    return k ? prov[k] : undefined;
  }
  const k = keys.find((x) => x.startsWith(`${path}.`) || x.startsWith(`${path}[`));
  return k ? prov[k] : undefined;
}

// ---------------------------------------------------------------- finding expected values in the text

/** The parsed document as lines: paragraphs, and table rows with ' | ' between cells. */
function docText(doc: DocumentModel): string[] {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') lines.push(b.text);
    else for (const row of b.grid) lines.push(row.join(' | '));
  }
  return lines;
}

function numberForms(n: number): string[] {
  const forms = new Set<string>();
  const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  if (Number.isInteger(n)) {
    const s = String(n);
    forms.add(group(s, '.')).add(group(s, ' ')).add(s);
    if (n < 10) forms.add(`0${n}`);
  } else {
    const [i, f] = String(n).split('.') as [string, string];
    for (const sep of ['.', '', ' ']) forms.add(`${group(i, sep)},${f}`);
    forms.add(`${i}.${f}`);
    if (f.length < 4) forms.add(`${group(i, '.')},${f.padEnd(4, '0')}`.replace(/,(\d{4})$/, ',$1'));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words a line must have for a number found in it to be that field's (small numbers are everywhere). */
const CONTEXT: [RegExp, RegExp][] = [
  [/^profile\.areaHa$/, /diện tích/iu],
  [/^profile\.population$/, /dân số|khẩu/iu],
  [/^profile\.households$/, /hộ/iu],
  [/^profile\.villages$/, /thôn|tổ dân phố|khu phố/iu],
  [/^profile\.partyCells$/, /chi bộ/iu],
  [/^profile\.partyMembers$/, /đảng viên/iu],
  [/^profile\.(cadres|canBo|congChuc)$/, /cán bộ|công chức/iu],
  [/^profile\.police$/, /công an/iu],
  [/^profile\.income/, /thu nhập|TNBQ/iu],
  [/^profile\.distance/, /km|cách/iu],
  [/^surveys\./, /phiếu/iu],
  [/^satisfaction/, /hài lòng/iu],
  [/^starsRegistered$/, /sao|\*/iu],
  [/^propaganda\./, /băng rôn|pano|khẩu hiệu/iu],
  [/^steeringCommittee\./, /ban chỉ đạo|\| x/iu],
  [/^supportTeam\./, /tổ giúp việc|\|/iu],
  [/^training\./, /tập huấn|\|/iu],
  [/^inspections$/, /kiểm tra|giám sát|\|/iu],
  [/^budget\./, /kinh phí|ngân sách|triệu|\|/iu],
];

/** A short quote of the line where the expected value is written (first occurrence), or undefined. */
function findInText(lines: string[], path: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  let pattern: RegExp | null = null;
  if (typeof value === 'number') {
    const forms = path === 'profile.areaHa'
      ? [...numberForms(value), ...numberForms(Number((value / 100).toFixed(6)))]
      : numberForms(value);
    pattern = new RegExp(`(?<![\\d.,])(?:${forms.map(esc).join('|')})(?![\\d]|[.,]\\d)`, 'u');
  } else if (typeof value === 'string') {
    if (path === 'document.date') {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      pattern = new RegExp(`ngày\\s+0?${d}\\s+tháng\\s+0?${m}\\s+năm\\s+${y}|0?${d}/0?${m}/${y}`, 'iu');
    } else pattern = new RegExp(esc(normStr(value)).replace(/ /g, '\\s+'), 'iu');
  } else if (typeof value === 'object' && !Array.isArray(value) && path.startsWith('criteria.g')) {
    const c = value as { met: number; total: number };
    pattern = new RegExp(`(?<!\\d)0?${c.met}\\s*(?:/|trên)\\s*0?${c.total}(?!\\d)`, 'u');
    const g = path.slice('criteria.g'.length);
    const hit = lines.find((l) => new RegExp(`nhóm tiêu chí ${g}\\b`, 'iu').test(l) && pattern!.test(l));
    if (hit) return clip(hit, hit.search(pattern));
  }
  if (!pattern) return undefined;
  const context = CONTEXT.find(([p]) => p.test(path))?.[1];
  for (const l of lines) {
    if (context && !context.test(l)) continue;
    const i = l.search(pattern);
    if (i >= 0) return clip(l, i);
  }
  return undefined;
}

function clip(line: string, at: number): string {
  const from = Math.max(0, at - 70);
  const to = Math.min(line.length, at + 70);
  return `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
}

// ---------------------------------------------------------------- running

export interface SampleResult {
  id: string;
  file: string;
  format: string;
  notAReportExpected: boolean;
  /** What the pipeline said: 'report', 'not_a_report', or 'error' when extractFile threw. */
  kind: 'report' | 'not_a_report' | 'error';
  error?: string;
  reason?: string;
  /** Field leaves (reports only; empty for not-a-report documents). */
  fields: FieldResult[];
  flags: { expected: FlagCode[]; got: FlagCode[]; missing: FlagCode[]; extra: FlagCode[]; messages: { code: FlagCode; message: string }[] };
  references: { expected: number; got: number; matched: number };
  ms: number;
}

export interface Ratio { ok: number; n: number; pct: number }
const ratio = (ok: number, n: number): Ratio => ({ ok, n, pct: n ? (100 * ok) / n : 100 });

export interface FlagStats { code: string; expected: number; raised: number; tp: number; fp: number; fn: number; recall: Ratio; precision: Ratio }

export interface EvalSummary {
  samples: number;
  reports: number;
  notReports: number;
  overall: Ratio;
  /** Leaves whose expected value is stated (not null): the share extracted right. */
  stated: Ratio;
  /** Leaves whose expected value is null: the share left null (no invented value). */
  unstated: Ratio;
  byField: Record<string, Ratio & { missed: number; invented: number; wrong: number }>;
  byFormat: Record<string, { files: number; fields: Ratio; flagsRecall: Ratio; flagsPrecision: Ratio; kind: Ratio }>;
  byFamily: Record<string, { files: number; fields: Ratio }>;
  byPeriod: Record<string, { files: number; fields: Ratio }>;
  flags: FlagStats[];
  flagRecall: Ratio;
  flagPrecision: Ratio;
  notAReport: { reportsKept: Ratio; notReportsRecognised: Ratio; all: Ratio };
  references: { recall: Ratio; precision: Ratio };
  errors: { id: string; error: string }[];
  seconds: number;
}

export interface EvalResult {
  summary: EvalSummary;
  samples: SampleResult[];
}

export interface EvalOptions {
  /** Only the samples whose id or file name equals or starts with this. */
  only?: string;
  samples?: Sample[];
  registry?: Registry;
}

export async function evalSample(s: Sample, registry: Registry): Promise<SampleResult> {
  const t0 = performance.now();
  let kind: SampleResult['kind'] = 'error';
  let extraction: Extraction | null = null;
  let error: string | undefined;
  let reason: string | undefined;
  try {
    const r = await extractFile(s.file, { registry, maxFileBytes: 64 * 1024 * 1024 });
    kind = r.kind;
    extraction = r.extraction;
    if (r.kind === 'not_a_report') reason = r.reason;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const expFlags = [...s.expected.expectedFlags];
  const gotFlags = extraction ? [...new Set(extraction.flags.map((f) => f.code))].sort() : [];
  let fields = s.notAReport ? [] : compareFields(s.expected, kind === 'report' ? extraction : null);
  if (fields.some((f) => f.verdict !== 'ok')) {
    // Only for a report with misses: parse it again to quote where the expected values are written.
    const doc = await parseFile(readFileSync(s.file), s.file).catch(() => null);
    if (doc) fields = compareFields(s.expected, kind === 'report' ? extraction : null, doc);
  }
  const er = refsLeaf(s.expected.references);
  const gr = kind === 'report' && extraction ? refsLeaf(extraction.references) : [];
  return {
    id: s.id,
    file: relative(ROOT, s.file),
    format: s.format,
    notAReportExpected: s.notAReport,
    kind,
    ...(error ? { error } : {}),
    ...(reason ? { reason } : {}),
    fields,
    flags: {
      expected: expFlags,
      got: gotFlags,
      missing: expFlags.filter((c) => !gotFlags.includes(c)),
      extra: gotFlags.filter((c) => !expFlags.includes(c)),
      messages: extraction ? extraction.flags.map((f) => ({ code: f.code, message: f.message })) : [],
    },
    references: { expected: er.length, got: gr.length, matched: er.filter((x) => gr.includes(x)).length },
    ms: Math.round(performance.now() - t0),
  };
}

function fieldRatio(rs: SampleResult[]): Ratio {
  const all = rs.flatMap((r) => r.fields);
  return ratio(all.filter((f) => f.verdict === 'ok').length, all.length);
}

export function summarize(results: SampleResult[], seconds: number): EvalSummary {
  const reports = results.filter((r) => !r.notAReportExpected);
  const allFields = reports.flatMap((r) => r.fields);
  const stated = allFields.filter((f) => !(f.expected === null || (Array.isArray(f.expected) && f.expected.length === 0)));
  const unstated = allFields.filter((f) => !stated.includes(f));

  const byField: EvalSummary['byField'] = {};
  for (const f of allFields) {
    const b = (byField[f.path] ??= { ok: 0, n: 0, pct: 0, missed: 0, invented: 0, wrong: 0 });
    b.n++;
    if (f.verdict === 'ok') b.ok++;
    else b[f.verdict]++;
  }
  for (const b of Object.values(byField)) b.pct = b.n ? (100 * b.ok) / b.n : 100;

  const flagStats = (rs: SampleResult[]) => {
    const stats: FlagStats[] = FLAG_CODES.map((code) => {
      const expected = rs.filter((r) => r.flags.expected.includes(code)).length;
      const raised = rs.filter((r) => r.flags.got.includes(code)).length;
      const tp = rs.filter((r) => r.flags.expected.includes(code) && r.flags.got.includes(code)).length;
      return { code, expected, raised, tp, fp: raised - tp, fn: expected - tp, recall: ratio(tp, expected), precision: ratio(tp, raised) };
    });
    const tp = stats.reduce((s, x) => s + x.tp, 0);
    return { stats, recall: ratio(tp, stats.reduce((s, x) => s + x.expected, 0)), precision: ratio(tp, stats.reduce((s, x) => s + x.raised, 0)) };
  };
  const fs = flagStats(results);

  const kindOk = (r: SampleResult) => (r.notAReportExpected ? r.kind === 'not_a_report' : r.kind === 'report');
  const group = <T>(key: (r: SampleResult) => string, make: (rs: SampleResult[]) => T) => {
    const m = new Map<string, SampleResult[]>();
    for (const r of results) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, make(rs)]));
  };
  const periodOf = (r: SampleResult) => (r.notAReportExpected ? 'not a report' : String(reportsPeriod.get(r.id) ?? '?'));
  const reportsPeriod = new Map(results.map((r) => [r.id, r.fields.find((f) => f.path === 'period')?.expected]));

  const refE = results.reduce((s, r) => s + r.references.expected, 0);
  const refG = results.reduce((s, r) => s + r.references.got, 0);
  const refM = results.reduce((s, r) => s + r.references.matched, 0);
  const nr = results.filter((r) => r.notAReportExpected);
  return {
    samples: results.length,
    reports: reports.length,
    notReports: nr.length,
    overall: ratio(allFields.filter((f) => f.verdict === 'ok').length, allFields.length),
    stated: ratio(stated.filter((f) => f.verdict === 'ok').length, stated.length),
    unstated: ratio(unstated.filter((f) => f.verdict === 'ok').length, unstated.length),
    byField,
    byFormat: group((r) => r.format, (rs) => {
      const f = flagStats(rs);
      return { files: rs.length, fields: fieldRatio(rs), flagsRecall: f.recall, flagsPrecision: f.precision, kind: ratio(rs.filter(kindOk).length, rs.length) };
    }),
    byFamily: group((r) => familyOf(r.format), (rs) => ({ files: rs.length, fields: fieldRatio(rs) })),
    byPeriod: group(periodOf, (rs) => ({ files: rs.length, fields: fieldRatio(rs) })),
    flags: fs.stats,
    flagRecall: fs.recall,
    flagPrecision: fs.precision,
    notAReport: {
      reportsKept: ratio(reports.filter(kindOk).length, reports.length),
      notReportsRecognised: ratio(nr.filter(kindOk).length, nr.length),
      all: ratio(results.filter(kindOk).length, results.length),
    },
    references: { recall: ratio(refM, refE), precision: ratio(refM, refG) },
    errors: results.filter((r) => r.error).map((r) => ({ id: r.id, error: r.error! })),
    seconds,
  };
}

/** Runs the eval in-process. */
export async function runEval(opts: EvalOptions = {}): Promise<EvalResult> {
  const t0 = performance.now();
  const registry = opts.registry ?? loadRegistry();
  let samples = opts.samples ?? listSamples();
  if (opts.only) {
    const q = opts.only;
    samples = samples.filter((s) => s.id === q || basename(s.file) === q);
    if (samples.length === 0) samples = (opts.samples ?? listSamples()).filter((s) => s.id.startsWith(q) || basename(s.file).startsWith(q));
    if (samples.length === 0) throw new Error(`no sample matches '${q}'`);
  }
  const results: SampleResult[] = [];
  for (const s of samples) results.push(await evalSample(s, registry));
  return { summary: summarize(results, (performance.now() - t0) / 1000), samples: results };
}

// ---------------------------------------------------------------- printing

const pct = (r: Ratio) => `${r.pct.toFixed(1)}%`;
const frac = (r: Ratio) => `${pct(r)} (${r.ok}/${r.n})`;
const show = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? `{${v.join('; ')}}` : '{}';
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
};
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function reportAccuracy(r: SampleResult): Ratio {
  return ratio(r.fields.filter((f) => f.verdict === 'ok').length, r.fields.length);
}

function describeSample(r: SampleResult, all: boolean): string[] {
  const out: string[] = [];
  const acc = reportAccuracy(r);
  const head = r.notAReportExpected
    ? `${r.id}  [${r.format}]  not a report → ${r.kind}${r.kind === 'not_a_report' ? ' ✓' : ' ✗'}${r.reason ? `  (${r.reason})` : ''}`
    : `${r.id}  [${r.format}]  ${frac(acc)}${r.kind !== 'report' ? `  ✗ came back as ${r.kind}${r.reason ? ` (${r.reason})` : ''}` : ''}`;
  out.push(head);
  if (r.error) out.push(`    error: ${r.error}`);
  out.push(`    file: ${r.file}`);
  if (r.flags.missing.length || r.flags.extra.length || all) {
    out.push(`    flags: expected [${r.flags.expected.join(', ')}]  got [${r.flags.got.join(', ')}]` +
      (r.flags.missing.length ? `  missing: ${r.flags.missing.join(', ')}` : '') + (r.flags.extra.length ? `  extra: ${r.flags.extra.join(', ')}` : ''));
    if (all) for (const m of r.flags.messages) out.push(`      ${m.code}: ${m.message}`);
  }
  for (const f of r.fields) {
    if (!all && f.verdict === 'ok') continue;
    out.push(`    ${f.verdict === 'ok' ? '✓' : '✗'} ${pad(f.path, 34)} ${f.verdict === 'ok' ? show(f.got) : `${f.verdict}: expected ${show(f.expected)}  got ${show(f.got)}`}`);
    if (f.verdict !== 'ok' || all) {
      if (f.provenance) out.push(`        read from [${f.provenance.section}]: "${f.provenance.quote.slice(0, 160)}"`);
      if (f.text) out.push(`        text: "${f.text}"`);
    }
  }
  return out;
}

export function formatText(res: EvalResult, opts: { worst?: number; detail?: boolean } = {}): string {
  const { summary: s, samples } = res;
  const out: string[] = [];
  out.push(`baocao eval: ${s.samples} files (${s.reports} reports, ${s.notReports} not reports) from samples/seed, samples/generated and samples/legacy-word, ${s.seconds.toFixed(1)} s`);
  out.push('');

  if (opts.detail) {
    for (const r of samples) out.push(...describeSample(r, true), '');
  }

  out.push('Fields (reports only; a field the report does not state must come out null)');
  out.push(`  ${pad('field', 36)} ${lpad('accuracy', 9)} ${lpad('ok/n', 8)}  missed invented wrong`);
  for (const [path, b] of Object.entries(s.byField)) {
    out.push(`  ${pad(path, 36)} ${lpad(pct(b), 9)} ${lpad(`${b.ok}/${b.n}`, 8)}  ${lpad(String(b.missed), 6)} ${lpad(String(b.invented), 8)} ${lpad(String(b.wrong), 5)}`);
  }
  out.push(`  stated values extracted right: ${frac(s.stated)}; unstated left null: ${frac(s.unstated)}`);
  out.push('');

  out.push('By format');
  out.push(`  ${pad('format', 24)} ${lpad('files', 5)}  ${pad('fields', 22)} ${pad('flag recall', 12)} ${pad('flag precision', 14)} kind right`);
  for (const [k, b] of Object.entries(s.byFormat)) {
    out.push(`  ${pad(k, 24)} ${lpad(String(b.files), 5)}  ${pad(frac(b.fields), 22)} ${pad(pct(b.flagsRecall), 12)} ${pad(pct(b.flagsPrecision), 14)} ${b.kind.ok}/${b.kind.n}`);
  }
  out.push(`  by family: ${Object.entries(s.byFamily).map(([k, b]) => `${k} ${frac(b.fields)} [${b.files} files]`).join('; ')}`);
  out.push(`  by period: ${Object.entries(s.byPeriod).filter(([k]) => k !== 'not a report').map(([k, b]) => `${k} ${frac(b.fields)} [${b.files}]`).join('; ')}`);
  out.push('');

  out.push('Flags (by code, over every file; recall = expected and raised / expected, precision = expected and raised / raised)');
  out.push(`  ${pad('code', 24)} ${lpad('expected', 8)} ${lpad('raised', 6)} ${lpad('TP', 4)} ${lpad('FP', 4)} ${lpad('FN', 4)}  ${pad('recall', 8)} precision`);
  for (const f of s.flags) {
    out.push(`  ${pad(f.code, 24)} ${lpad(String(f.expected), 8)} ${lpad(String(f.raised), 6)} ${lpad(String(f.tp), 4)} ${lpad(String(f.fp), 4)} ${lpad(String(f.fn), 4)}  ${pad(pct(f.recall), 8)} ${pct(f.precision)}`);
  }
  out.push(`  ${pad('all codes', 24)} ${lpad(String(s.flagRecall.n), 8)} ${lpad(String(s.flagPrecision.n), 6)} ${lpad(String(s.flagRecall.ok), 4)}            ${pad(pct(s.flagRecall), 8)} ${pct(s.flagPrecision)}`);
  const flagMisses = samples.filter((r) => r.flags.missing.length || r.flags.extra.length);
  for (const r of flagMisses.slice(0, 30)) {
    out.push(`    ${pad(r.id, 44)} ${r.flags.missing.length ? `missing ${r.flags.missing.join(', ')}` : ''}${r.flags.missing.length && r.flags.extra.length ? '; ' : ''}${r.flags.extra.length ? `extra ${r.flags.extra.join(', ')}` : ''}`);
  }
  if (flagMisses.length > 30) out.push(`    … and ${flagMisses.length - 30} more`);
  out.push('');

  out.push('Not-a-report recognition');
  out.push(`  not reports recognised: ${frac(s.notAReport.notReportsRecognised)}; reports kept as reports: ${frac(s.notAReport.reportsKept)}`);
  for (const r of samples.filter((x) => (x.notAReportExpected ? x.kind !== 'not_a_report' : x.kind !== 'report'))) {
    out.push(`    ✗ ${r.id}: expected ${r.notAReportExpected ? 'not_a_report' : 'report'}, got ${r.kind}${r.reason ? ` (${r.reason})` : ''}${r.error ? ` (${r.error})` : ''}`);
  }
  out.push('');
  out.push(`References (items {number, date}): recall ${frac(s.references.recall)}, precision ${frac(s.references.precision)}`);
  if (s.errors.length) {
    out.push('');
    out.push(`Errors (${s.errors.length}):`);
    for (const e of s.errors) out.push(`  ${e.id}: ${e.error}`);
  }
  out.push('');

  if (!opts.detail) {
    const worst = samples
      .filter((r) => !r.notAReportExpected)
      .map((r) => ({ r, acc: reportAccuracy(r) }))
      .filter(({ r, acc }) => acc.ok < acc.n || r.flags.missing.length || r.flags.extra.length)
      .sort((a, b) => a.acc.pct - b.acc.pct || b.r.flags.missing.length + b.r.flags.extra.length - (a.r.flags.missing.length + a.r.flags.extra.length))
      .slice(0, opts.worst ?? 12);
    out.push(`Worst reports (${worst.length} lowest field accuracy, every mismatch; \`npm run eval -- --only <id>\` for one in full)`);
    for (const { r } of worst) out.push(...describeSample(r, false).map((l) => `  ${l}`));
    out.push('');
  }

  out.push(`flag recall: ${frac(s.flagRecall)}; flag precision: ${frac(s.flagPrecision)}; not-a-report recognition: ${frac(s.notAReport.all)}`);
  out.push(`overall field accuracy: ${frac(s.overall)}`);
  return out.join('\n');
}

function parseArgs(argv: string[]) {
  const args: { json: boolean; only?: string; worst?: number; scans: boolean } = { json: false, scans: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--only') args.only = argv[++i];
    else if (a.startsWith('--only=')) args.only = a.slice(7);
    else if (a === '--worst') args.worst = Number(argv[++i]);
    else if (a === '--no-scans') args.scans = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run eval -- [--json] [--only <id|file|prefix>] [--worst N] [--no-scans]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.only === undefined && argv.includes('--only')) throw new Error('--only needs a sample id');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const res = await runEval({ only: args.only, samples: listSamples(args.scans ? [...SAMPLE_DIRS, ...SCAN_DIRS] : SAMPLE_DIRS) });
  if (args.json) {
    process.stdout.write(JSON.stringify(res, null, 2) + '\n');
    return;
  }
  process.stdout.write(formatText(res, { worst: args.worst, detail: args.only !== undefined }) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

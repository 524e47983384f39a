// The shared corpus (../shared/corpus: reports written outside the project, with their truth), scored
// in-process by the rules of its own scorer (score.mjs: the same leaves, the same criteria entries, the
// accepted alternatives), plus what score.mjs cannot see: every value's confidence, how many values fell
// under REVIEW_BELOW and how many of those were actually wrong.
//   npx tsx scripts/corpus.ts [--format docx,doc] [--verbose]
// Used by test/corpus.test.ts (floors on the shared corpus). `node ../shared/corpus/score.mjs` stays the
// reference (it runs the CLI, one process per file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REVIEW_BELOW } from '../extractors/index.ts';
import { extractFile } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/index.ts';

/** The shared corpus: BAOCAO_CORPUS, else ../shared/corpus beside the checkout, else the workplace's copy
 *  (a clone made elsewhere on the same machine, as CI makes). */
export const CORPUS = [
  process.env.BAOCAO_CORPUS,
  fileURLToPath(new URL('../../shared/corpus/', import.meta.url)),
  '/work/shared/corpus/',
].filter((p): p is string => Boolean(p)).map((p) => (p.endsWith('/') ? p : `${p}/`)).find((p) => existsSync(join(p, 'manifest.json')))
  ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const CODES = ['COMMUNE_NAME_MISMATCH', 'UNKNOWN_UNIT', 'SUM_MISMATCH', 'CRITERIA_INCONSISTENT', 'STARS_MISMATCH', 'PERIOD_MISMATCH', 'MISSING_NUMBER', 'MISSING_DATE'];

type Json = Record<string, unknown>;
interface Entry { file: string; format: string; truthFile: string; expectedFlags: string[] }

export interface FileScore {
  file: string;
  format: string;
  ok: number;
  total: number;
  misses: string[];
  flagsExpected: string[];
  flagsProduced: string[];
  /** Provenance paths under REVIEW_BELOW, and whether the value there was wrong. */
  lowConfidence: { path: string; wrong: boolean }[];
  /** Paths of the scored values that were wrong (for the low-confidence account). */
  wrongPaths: Set<string>;
  /** Provenance entries without a confidence (should be none). */
  noConfidence: number;
}

function get(obj: unknown, p: string): unknown {
  let cur = obj;
  for (const k of p.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[k];
  }
  return cur;
}
function has(obj: unknown, p: string): boolean {
  let cur = obj;
  for (const k of p.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(k in (cur as Json))) return false;
    cur = (cur as Json)[k];
  }
  return true;
}
const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
function leafEqual(want: unknown, got: unknown, p: string): boolean {
  if (want === null) return got === null || got === undefined;
  if (typeof want === 'number') return typeof got === 'number' && Math.abs(got - want) <= 1e-6;
  if (typeof want === 'string') {
    if (typeof got !== 'string') return false;
    return p === 'document.number' ? norm(got).replace(/\s+/g, '') === norm(want).replace(/\s+/g, '') : norm(got) === norm(want);
  }
  return JSON.stringify(want) === JSON.stringify(got);
}
function fieldPaths(truth: Json): string[] {
  const ps = ['document.number', 'document.date', 'document.signer.name', 'unit.commune', 'unit.communeKind', 'unit.district', 'period'];
  for (const k of Object.keys((truth.profile as Json) ?? {})) ps.push(`profile.${k}`);
  ps.push('surveys.done', 'surveys.planned', 'satisfactionPercent', 'starsRegistered');
  for (const k of Object.keys((truth.propaganda as Json) ?? {})) ps.push(`propaganda.${k}`);
  ps.push('steeringCommittee.members', 'supportTeam.members');
  for (const k of Object.keys((truth.training as Json) ?? {})) ps.push(`training.${k}`);
  ps.push('inspections');
  for (const part of ['planned', 'disbursed']) for (const k of ['total', 'district', 'commune']) ps.push(`budget.${part}.${k}`);
  return ps.filter((p) => has(truth, p));
}

type Crit = { group: number; met: number; total: number; unmet: number[] };

export function scoreOne(truth: Json, out: Json, entry: Entry): FileScore {
  const accept = ((truth._holdout as Json | undefined)?.accept as Record<string, unknown[]> | undefined) ?? {};
  const s: FileScore = { file: entry.file, format: entry.format, ok: 0, total: 0, misses: [], flagsExpected: entry.expectedFlags, flagsProduced: [], lowConfidence: [], wrongPaths: new Set(), noConfidence: 0 };
  const check = (p: string, pass: boolean, want: unknown, got: unknown, provKey = p) => {
    s.total++;
    if (pass) s.ok++;
    else {
      s.misses.push(`${p}: expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      s.wrongPaths.add(provKey);
    }
  };
  for (const p of fieldPaths(truth)) {
    const want = get(truth, p);
    const got = get(out, p);
    const alts = accept[p] ?? [want];
    check(p, alts.some((w) => leafEqual(w, got, p)), want, got);
  }
  const tc = (truth.criteria as Crit[] | undefined) ?? [];
  const oc = (out.criteria as Crit[] | undefined) ?? [];
  for (let g = 1; g <= 6; g++) {
    const t = tc.find((c) => c.group === g);
    const oi = oc.findIndex((c) => c.group === g);
    const o = oi >= 0 ? oc[oi] : undefined;
    const key = `criteria[${oi}]`;
    if (t) {
      for (const k of ['met', 'total'] as const) check(`criteria[group ${g}].${k}`, !!o && o[k] === t[k], t[k], o?.[k], key);
      const w = [...new Set(t.unmet)].sort((a, b) => a - b);
      const gu = o ? [...new Set(o.unmet)].sort((a, b) => a - b) : undefined;
      check(`criteria[group ${g}].unmet`, !!o && JSON.stringify(gu) === JSON.stringify(w), w, gu, key);
    } else check(`criteria[group ${g}]`, !o, '(no entry)', o, key);
  }
  s.flagsProduced = [...new Set(((out.flags as { code: string }[]) ?? []).map((f) => f.code).filter((c) => CODES.includes(c)))].sort();
  for (const [path, prov] of Object.entries((out.provenance as Record<string, { confidence?: number }>) ?? {})) {
    if (typeof prov.confidence !== 'number') s.noConfidence++;
    else if (prov.confidence < REVIEW_BELOW) s.lowConfidence.push({ path, wrong: s.wrongPaths.has(path) });
  }
  return s;
}

export interface CorpusScore {
  files: FileScore[];
  ok: number;
  total: number;
  flagRecall: [number, number];
  flagPrecision: [number, number];
  lowConfidence: number;
  lowConfidenceWrong: number;
  /** Wrong values that were not marked low-confidence. */
  wrongButSure: number;
}

export async function scoreCorpus(formats: string[]): Promise<CorpusScore> {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { reports: Entry[] };
  const registry = loadRegistry();
  const files: FileScore[] = [];
  for (const e of manifest.reports) {
    if (!formats.some((f) => e.format === f || e.format.startsWith(`${f}-`))) continue;
    const truth = JSON.parse(readFileSync(join(CORPUS, e.truthFile), 'utf8')) as Json;
    const r = await extractFile(join(CORPUS, e.file), { registry, maxFileBytes: 50 * 1024 * 1024 });
    files.push(scoreOne(truth, r.extraction as unknown as Json, e));
  }
  let tp = 0, fn = 0, fp = 0;
  for (const f of files) {
    for (const c of f.flagsExpected) (f.flagsProduced.includes(c) ? tp++ : fn++);
    for (const c of f.flagsProduced) if (!f.flagsExpected.includes(c)) fp++;
  }
  const low = files.flatMap((f) => f.lowConfidence);
  const wrong = files.reduce((n, f) => n + f.wrongPaths.size, 0);
  return {
    files,
    ok: files.reduce((n, f) => n + f.ok, 0),
    total: files.reduce((n, f) => n + f.total, 0),
    flagRecall: [tp, tp + fn],
    flagPrecision: [tp, tp + fp],
    lowConfidence: low.length,
    lowConfidenceWrong: low.filter((l) => l.wrong).length,
    wrongButSure: wrong - low.filter((l) => l.wrong).length,
  };
}

export function formatScore(s: CorpusScore, verbose = false): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '100.0');
  const lines: string[] = [];
  for (const f of s.files) {
    if (!verbose && !f.misses.length && JSON.stringify(f.flagsExpected.slice().sort()) === JSON.stringify(f.flagsProduced)) continue;
    lines.push(`${f.file} [${f.format}] ${f.ok}/${f.total}`);
    for (const m of f.misses) lines.push(`  miss ${m}`);
    lines.push(`  flags expected [${f.flagsExpected.join(', ')}] produced [${f.flagsProduced.join(', ')}]`);
    for (const l of f.lowConfidence) lines.push(`  low confidence ${l.path}${l.wrong ? ' (wrong)' : ' (right)'}`);
  }
  lines.push(`low-confidence values: ${s.lowConfidence} (${s.lowConfidenceWrong} of them wrong); wrong values not marked: ${s.wrongButSure}`);
  lines.push(`corpus: fields ${pct(s.ok, s.total)}% (${s.ok}/${s.total}) · flags recall ${pct(...s.flagRecall)}% precision ${pct(...s.flagPrecision)}% · ${s.files.length} files`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--format');
  const formats = i > 0 ? process.argv[i + 1]!.split(',') : ['docx'];
  if (!existsSync(CORPUS)) {
    console.error(`no corpus at ${CORPUS}`);
    process.exit(2);
  }
  console.log(formatScore(await scoreCorpus(formats), process.argv.includes('--verbose')));
}

// Scores the extraction on the held-out reports: each report's text (and its .docx / .pdf when
// build.ts made them) against <id>.expected.json, field by field. Used by test/extract.heldout.test.ts;
// `npx tsx test/heldout/score.ts [--verbose]` prints the per-field and per-file accuracy and every miss.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../extractors/index.ts';
import type { DocumentModel } from '../../src/document/model.ts';
import { parseFile } from '../../src/parse/index.ts';
import { parseText } from '../../src/parse/text.ts';
import { loadRegistry, type Registry } from '../../src/registry/index.ts';

export const HELDOUT_DIR = fileURLToPath(new URL('.', import.meta.url));

export type Format = 'txt' | 'docx' | 'pdf';

export interface Case {
  id: string;
  expected: Record<string, unknown> & { kind: 'report' | 'not_a_report'; expectedFlags: string[] };
  formats: Format[];
}

/** Every held-out report: ids from the expected files, formats from the files that exist. */
export function loadCases(dir = HELDOUT_DIR): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.expected.json'.length);
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Case['expected'];
      const formats = (['txt', 'docx', 'pdf'] as const).filter((ext) => existsSync(join(dir, `${id}.${ext}`)));
      return { id, expected, formats };
    });
}

export async function loadDoc(id: string, format: Format, dir = HELDOUT_DIR): Promise<DocumentModel> {
  const path = join(dir, `${id}.${format}`);
  if (format === 'txt') return parseText(readFileSync(path, 'utf8'));
  return parseFile(readFileSync(path), path);
}

/** The compared fields: every scalar leaf, and criteria / references / flags as whole lists. */
export const LIST_FIELDS = ['criteria', 'references'] as const;

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

const COMPARED_ROOTS = [
  'document', 'unit', 'period', 'profile', 'criteria', 'surveys', 'satisfactionPercent', 'starsRegistered', 'propaganda',
  'steeringCommittee', 'supportTeam', 'training', 'inspections', 'budget', 'references',
];

export function fieldsOf(obj: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const root of COMPARED_ROOTS) leaves(obj[root] ?? null, root, out);
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return JSON.stringify(a) === JSON.stringify(b);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

export interface FieldResult {
  field: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
  /** A value where the report states none: the worst error. */
  invented: boolean;
}

export interface FileResult {
  id: string;
  format: Format;
  fields: FieldResult[];
  correct: number;
  total: number;
  accuracy: number;
  invented: FieldResult[];
}

let registry: Registry | null = null;

/** Extracts one held-out file and compares it with its expected file (fields, kind, flag codes). */
export async function scoreFile(c: Case, format: Format): Promise<FileResult> {
  registry ??= loadRegistry();
  const doc = await loadDoc(c.id, format);
  const result = extract(doc, { registry });
  const actual = { ...result.fields } as unknown as Record<string, unknown>;
  const exp = fieldsOf(c.expected);
  const act = fieldsOf(actual);
  const fields: FieldResult[] = [];
  for (const [field, expected] of exp) {
    const a = act.get(field) ?? null;
    fields.push({ field, expected, actual: a, ok: same(expected, a), invented: isEmpty(expected) && !isEmpty(a) });
  }
  fields.push({ field: 'kind', expected: c.expected.kind, actual: result.kind, ok: c.expected.kind === result.kind, invented: false });
  const flags = [...new Set(result.flags.map((f) => f.code))].sort();
  const expFlags = [...c.expected.expectedFlags].sort();
  fields.push({ field: 'flags', expected: expFlags, actual: flags, ok: same(expFlags, flags), invented: flags.some((f) => !expFlags.includes(f)) });
  const correct = fields.filter((f) => f.ok).length;
  return { id: c.id, format, fields, correct, total: fields.length, accuracy: correct / fields.length, invented: fields.filter((f) => f.invented) };
}

export async function scoreAll(): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const c of loadCases()) for (const f of c.formats) out.push(await scoreFile(c, f));
  return out;
}

/** Accuracy per field over all files (field → [correct, total]). */
export function perField(results: FileResult[]): Map<string, [number, number]> {
  const m = new Map<string, [number, number]>();
  for (const r of results) {
    for (const f of r.fields) {
      const [c, t] = m.get(f.field) ?? [0, 0];
      m.set(f.field, [c + (f.ok ? 1 : 0), t + 1]);
    }
  }
  return m;
}

export function summary(results: FileResult[], verbose = false): string {
  const lines: string[] = [];
  const pct = (c: number, t: number) => `${((100 * c) / t).toFixed(1)}%`;
  lines.push('per field:');
  for (const [field, [c, t]] of perField(results)) lines.push(`  ${field.padEnd(36)} ${String(c).padStart(3)}/${t}  ${pct(c, t)}`);
  lines.push('per file:');
  for (const r of results) lines.push(`  ${`${r.id}.${r.format}`.padEnd(44)} ${r.correct}/${r.total}  ${pct(r.correct, r.total)}  invented: ${r.invented.length}`);
  const c = results.reduce((a, r) => a + r.correct, 0);
  const t = results.reduce((a, r) => a + r.total, 0);
  const inv = results.reduce((a, r) => a + r.invented.length, 0);
  if (verbose) {
    lines.push('misses:');
    for (const r of results) {
      for (const f of r.fields.filter((x) => !x.ok)) {
        lines.push(`  ${r.id}.${r.format} ${f.field}${f.invented ? ' [INVENTED]' : ''}: expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.actual)}`);
      }
    }
  }
  lines.push(`overall: ${c}/${t} ${pct(c, t)}, invented values: ${inv}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await scoreAll();
  console.log(summary(results, process.argv.includes('--verbose')));
}

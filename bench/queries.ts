// The workspace's queries over a national-size database: `communes` communes × `periods` periods of
// reports, seeded directly (SQL, from the seed report's real extraction with each commune's name),
// in PGlite and in PostgreSQL; then p50/p95 of what the web page asks: the consolidated table of a
// district and of a province, the period's flags of a district, and a report's page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Extraction } from '../src/contract.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { flattenExtraction } from '../src/db/flatten.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ReportsRepository } from '../src/db/repositories/reports.ts';
import type { DB } from '../src/db/schema.ts';
import { extractFile } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { scratchDatabase } from './modes.ts';

export interface QueryResult {
  database: string;
  query: string;
  p50: number;
  p95: number;
  runs: number;
}

const PERIODS = ['2023-H1', '2023-H2', '2024-H1', '2024-H2', '2022-H1', '2022-H2'];
const DISTRICT = 'huyện Hiệp Hòa, tỉnh Bắc Giang';
const PROVINCE = 'tỉnh Bắc Giang';
const BATCH = 1000;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

async function template(): Promise<Extraction> {
  const r = await extractFile(path.resolve('samples/seed/dong-lo-2024-h1.docx'), { registry: loadRegistry(), maxFileBytes: 50 * 2 ** 20 });
  return r.extraction;
}

/** Seeds the reports (each with its file, values and flags) and returns the seconds it took. */
export async function seed(db: Kysely<DB>, communes: number, periods: string[], t: Extraction): Promise<number> {
  const t0 = performance.now();
  // Bắc Giang first (the scopes asked below); one commune per district + commune name (the
  // reports table keeps one current report per period + district + commune, without the province).
  const seen = new Set<string>();
  const units = [...loadRegistry().units]
    .sort((a, b) => (a.provinceCode === '24' ? -1 : 0) - (b.provinceCode === '24' ? -1 : 0) || a.communeCode.localeCompare(b.communeCode))
    .filter((u) => !seen.has(`${u.district}|${u.commune}`) && !!seen.add(`${u.district}|${u.commune}`))
    .slice(0, communes)
    .map((u) => ({ code: u.communeCode, commune: u.commune, kind: u.communeKind, district: u.district, province: u.province }));
  const values = flattenExtraction(t);
  const flags = t.flags.map((f) => ({ code: f.code, severity: f.severity, message: f.message, evidence: JSON.stringify(f.evidence) }));
  const base = JSON.stringify(t);
  for (const period of periods) {
    for (let i = 0; i < units.length; i += BATCH) {
      const batch = JSON.stringify(units.slice(i, i + BATCH));
      await sql`
        with u as (select * from jsonb_to_recordset(${batch}::jsonb) as u(code text, commune text, kind text, district text, province text)),
        f as (
          insert into received_files (sha256, original_name, stored_path, size_bytes, format, status, processed_at)
          select encode(sha256(convert_to(${period} || u.code, 'UTF8')), 'hex'), u.code || '-' || ${period} || '.docx',
                 '/bench/' || u.code || '-' || ${period} || '.docx', 40000, 'docx', 'processed', now()
          from u returning id, original_name)
        insert into reports (file_id, commune, commune_kind, district, province, period, unit_code, document_number,
                             document_date, title, signer_name, signer_position, is_current, extraction)
        select f.id, u.commune, u.kind, u.district, u.province, ${period}, u.code, 'Số 12/BC-UBND', null,
               ${t.document.title}, ${t.document.signer.name}, ${t.document.signer.position}, true,
               jsonb_set(jsonb_set(${base}::jsonb, '{unit}', (${base}::jsonb -> 'unit') ||
                 jsonb_build_object('commune', u.commune, 'communeKind', u.kind, 'district', u.district, 'province', u.province)),
                 '{period}', to_jsonb(${period}::text))
        from f join u on f.original_name = u.code || '-' || ${period} || '.docx'`.execute(db);
    }
    await sql`
      insert into extracted_values (report_id, path, value_num, value_text, section, quote)
      select r.id, v.path, v.value_num, v.value_text, v.section, v.quote
      from reports r cross join jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        as v(path text, value_num numeric, value_text text, section text, quote text)
      where r.period = ${period}`.execute(db);
    await sql`
      insert into flags (report_id, period, district, commune, code, severity, message, evidence)
      select r.id, r.period, r.district, r.commune, g.code, g.severity, g.message, g.evidence::jsonb
      from reports r cross join jsonb_to_recordset(${JSON.stringify(flags)}::jsonb) as g(code text, severity text, message text, evidence text)
      where r.period = ${period}`.execute(db);
  }
  await sql`analyze`.execute(db);
  return (performance.now() - t0) / 1000;
}

/** p50/p95 over `runs` runs after a warm-up, fewer (at least 3) when they take more than 30 s in all. */
async function time(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; runs: number }> {
  await fn();
  const ts: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < runs && (i < 3 || performance.now() - t0 < 30_000); i++) {
    const a = performance.now();
    await fn();
    ts.push(performance.now() - a);
  }
  return { p50: pct(ts, 50), p95: pct(ts, 95), runs: ts.length };
}

async function measure(label: string, database: Database, opts: { communes: number; periods: number; runs: number }, t: Extraction): Promise<QueryResult[]> {
  await migrateToLatest(database);
  const periods = PERIODS.slice(0, opts.periods);
  const seconds = await seed(database.db, opts.communes, periods, t);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from reports`.execute(database.db);
  process.stderr.write(`${label}: ${rows[0]!.n} reports seeded in ${seconds.toFixed(0)} s\n`);
  const workspace = new Workspace({ db: database.db, reports: new ReportsRepository(database.db), registry: loadRegistry(), scope: {} });
  const period = periods[periods.length - 1]!;
  const { rows: one } = await sql<{ id: number }>`select id from reports where period = ${period} and district = 'Hiệp Hòa' order by id limit 1`.execute(database.db);
  const reportId = one[0]!.id;
  const out: QueryResult[] = [];
  const add = async (query: string, fn: () => Promise<unknown>) => out.push({ database: label, query, ...(await time(opts.runs, fn)) });
  await add(`consolidated table, ${DISTRICT}`, () => workspace.consolidated(period, DISTRICT));
  await add(`consolidated table, ${PROVINCE}`, () => workspace.consolidated(period, PROVINCE));
  await add(`flags, ${DISTRICT}`, () => workspace.flags(period, {}, DISTRICT));
  await add(`a report's page`, () => workspace.report(reportId));
  return out;
}

export async function benchQueries(opts: { communes: number; periods: number; databaseUrl: string; runs?: number }): Promise<QueryResult[]> {
  const t = await template();
  const o = { communes: opts.communes, periods: opts.periods, runs: opts.runs ?? 20 };
  const out: QueryResult[] = [];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'baocao-bench-q-'));
  try {
    const lite = await openDatabase({ dataDir });
    try {
      out.push(...(await measure('PGlite', lite, o, t)));
    } finally {
      await lite.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const scratch = await scratchDatabase(opts.databaseUrl);
  try {
    const pgdb = await openDatabase({ databaseUrl: scratch.url, dataDir: tmpdir() });
    try {
      out.push(...(await measure('PostgreSQL', pgdb, o, t)));
    } finally {
      await pgdb.close();
    }
  } finally {
    await scratch.drop();
  }
  return out;
}

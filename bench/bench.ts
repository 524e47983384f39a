// `npm run bench`: speed and memory figures of the extraction and of the whole pipeline.
// Prints figures; asserts nothing (targets are read off by people, not by timed tests).
//   parse + extract, in one process, per format: ms per file (median, p95), files/s
//   the pipeline (queue → processor → store) on PGlite, and on PostgreSQL when reachable
//   peak RSS of this process
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { sha256OfBuffer } from '../src/inbox/identity.ts';
import { parseFile } from '../src/parse/index.ts';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { extract } from '../extractors/index.ts';
import { sql } from 'kysely';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '2' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const rssTimer = setInterval(sampleRss, 20);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;

async function sampleFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ['samples/seed', 'samples/generated']) {
    for (const f of (await readdir(dir)).sort()) if (/\.(docx|pdf)$/.test(f)) out.push(path.join(dir, f));
  }
  return out;
}

async function benchExtraction(files: string[], rounds: number): Promise<void> {
  const registry = loadRegistry();
  const times = new Map<string, number[]>();
  const buffers = await Promise.all(files.map((f) => readFile(f)));
  // Warm-up: first calls load code paths (pdf.js, mammoth).
  for (let i = 0; i < Math.min(2, files.length); i++) extract(await parseFile(buffers[i]!, files[i]!), { registry });
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < files.length; i++) {
      const a = performance.now();
      const doc = await parseFile(buffers[i]!, files[i]!);
      extract(doc, { registry });
      const ms = performance.now() - a;
      const list = times.get(doc.format) ?? [];
      list.push(ms);
      times.set(doc.format, list);
      n++;
      sampleRss();
    }
  }
  const total = (performance.now() - t0) / 1000;
  console.log(`parse + extract, one process, ${n} files (${files.length} distinct × ${rounds}):`);
  for (const [format, xs] of times) {
    console.log(`  ${format.padEnd(5)} median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms per file (${xs.length} files)`);
  }
  console.log(`  throughput ${(n / total).toFixed(1)} files/s; peak RSS so far ${mb(peakRss)}`);
}

async function benchPipeline(kind: 'pglite' | 'postgres', files: string[], concurrency: number): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'baocao-bench-'));
  const schema = `bench_${Date.now().toString(36)}`;
  let database;
  try {
    const tOpen = performance.now();
    database = await openDatabase(kind === 'postgres' ? { databaseUrl: args['database-url'], dataDir, schema } : { dataDir });
    await migrateToLatest(database);
    const openMs = performance.now() - tOpen;
    const app = createApp(database);
    const queue = createInProcessQueue({ concurrency, processor: app.processor });
    const jobs = await Promise.all(
      files.map(async (f) => ({ path: path.resolve(f), sha256: sha256OfBuffer(await readFile(f)), originalName: path.basename(f) })),
    );
    const t0 = performance.now();
    const results = await Promise.all(jobs.map((j) => queue.run(j)));
    const secs = (performance.now() - t0) / 1000;
    await queue.close();
    sampleRss();
    const stored = await app.reports.count();
    const failed = results.filter((r) => r.status === 'failed').length;
    console.log(
      `pipeline on ${kind} (open + migrate ${openMs.toFixed(0)} ms): ${jobs.length} files in ${secs.toFixed(2)} s = ` +
        `${(jobs.length / secs).toFixed(1)} files/s at concurrency ${concurrency}; ${stored} reports stored, ${failed} failed`,
    );
  } catch (err) {
    console.log(`pipeline on ${kind}: not run (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  } finally {
    if (database?.kind === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db).catch(() => {});
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const files = await sampleFiles();
const rounds = Number(args.rounds);
const concurrency = Number(args.concurrency);
console.log(`baocao bench — ${files.length} sample reports, node ${process.version}`);
await benchExtraction(files, rounds);
await benchPipeline('pglite', files, concurrency);
await benchPipeline('postgres', files, concurrency);
clearInterval(rssTimer);
console.log(`peak RSS: ${mb(peakRss)}`);

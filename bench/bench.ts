// `npm run bench -- --files N`: speed and memory of the whole pipeline beside the bare parsers and
// the shell pipeline a user would write instead, on N distinct files (bench/corpus.ts), in
// interleaved rounds; then the workspace's queries at 10 000 communes × 4 periods
// (bench/queries.ts) and the start-up of the command. Prints everything and writes BENCHMARKS.md.
// Asserts nothing: the targets (issue 12) are read off the ratios, by people.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from './corpus.ts';
import { bare, bullmq, have, ingestPglite, ingestPostgres, shell, type ModeResult } from './modes.ts';
import { benchQueries, type QueryResult } from './queries.ts';
import { run } from './run.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '150' },
    rounds: { type: 'string', default: '1' },
    modes: { type: 'string', default: 'bare1,bare2,shell,pglite,postgres,bullmq,bullmq2' },
    communes: { type: 'string', default: '10000' },
    periods: { type: 'string', default: '4' },
    'no-queries': { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});

const n = Number(args.files);
const rounds = Number(args.rounds);
const modes = new Set(args.modes.split(','));
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const mb = (b: number | null) => (b === null ? '—' : `${Math.round(b / 1048576)} MB`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

// What `baocao` runs: dist/, built from the sources now.
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'ignore' });

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
say(`# baocao benchmark`);
say();
say(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
  `node ${process.version}, load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
say();
const work = await mkdtemp(path.join(tmpdir(), 'baocao-bench-'));
const corpus = await buildCorpus(ROOT, path.join(work, 'files'), n);
say(`${n} distinct files (${corpus.docx} .docx, ${corpus.pdf} text PDFs, ${(corpus.bytes / 1048576).toFixed(1)} MB), made from the sample reports; ${rounds} round(s), modes interleaved.`);
say();

type Mode = { key: string; run: () => Promise<ModeResult | string> };
const all: Mode[] = [
  { key: 'bare1', run: () => bare(corpus.files, 1) },
  { key: 'bare2', run: () => bare(corpus.files, 2) },
  { key: 'shell', run: () => shell(corpus.files) },
  { key: 'pglite', run: () => ingestPglite(corpus.dir, n) },
  { key: 'postgres', run: () => ingestPostgres(corpus.dir, n, args['database-url']) },
  { key: 'bullmq', run: () => bullmq(corpus.files, args['database-url'], args['redis-url'], 1, 2) },
  { key: 'bullmq2', run: () => bullmq(corpus.files, args['database-url'], args['redis-url'], 2, 1) },
];
const chosen = all.filter((m) => modes.has(m.key));
const results = new Map<string, ModeResult[]>();
const notes = new Map<string, string>();
for (let r = 0; r < rounds; r++) {
  for (const m of r % 2 ? [...chosen].reverse() : chosen) {
    process.stderr.write(`round ${r + 1}: ${m.key}…\n`);
    let res: ModeResult | string;
    try {
      res = await m.run();
    } catch (err) {
      res = `${m.key}: not run (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
    }
    if (typeof res === 'string') notes.set(m.key, res);
    else results.set(m.key, [...(results.get(m.key) ?? []), res]);
    process.stderr.write(`  ${typeof res === 'string' ? res : `${(res.files / res.seconds).toFixed(2)} docs/s, ${res.seconds.toFixed(1)} s, peak RSS ${mb(res.rss)}, failed ${res.failed}`}\n`);
  }
}

const rate = (x: ModeResult) => x.files / x.seconds;
/** Median over rounds of this mode's rate ÷ the reference's rate in the same round. */
const ratio = (key: string, ref: string) => {
  const a = results.get(key) ?? [];
  const b = results.get(ref) ?? [];
  return median(a.map((x, i) => (b[i] ? rate(x) / rate(b[i]!) : NaN)).filter(Number.isFinite));
};
say(`| what | docs/s (median) | × bare parsers, 2 threads | × shell pipeline | peak RSS (largest process) | failed |`);
say(`| --- | ---: | ---: | ---: | ---: | ---: |`);
for (const m of chosen) {
  const rs = results.get(m.key);
  if (!rs) continue;
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
  say(`| ${rs[0]!.mode} | ${median(rs.map(rate)).toFixed(1)} | ${fmt(ratio(m.key, 'bare2'))} | ${fmt(ratio(m.key, 'shell'))} | ${mb(Math.max(...rs.map((x) => x.rss ?? 0)) || null)} | ${Math.max(...rs.map((x) => x.failed))} |`);
}
const bull = ratio('bullmq', 'postgres');
if (Number.isFinite(bull)) say(`\nBullMQ (1 worker, concurrency 2) ÷ in-process PostgreSQL ingest: ${bull.toFixed(2)}; 2 workers × concurrency 1 ÷ 1 × 2: ${ratio('bullmq2', 'bullmq').toFixed(2)}.`);
for (const note of notes.values()) say(`\n${note}`);
const pg = results.get('postgres');
if (pg) say(`\n10 000 reports at the PostgreSQL ingest's median rate: ${(10_000 / median(pg.map(rate)) / 60).toFixed(1)} min.`);
say();
say(`Ingest times include the command's start, opening and migrating the database; the bare parsers' time is the parse alone, threads already started.`);

// Start-up.
say();
say(`## Start-up (median of 5, this machine as loaded as above)`);
say();
const bin = path.join(ROOT, 'bin', 'baocao.js');
for (const [label, argv] of [
  ['`baocao --help`', ['--help']],
  ['`baocao extract samples/seed/dong-lo-2024-h1.docx`', ['extract', path.join(ROOT, 'samples/seed/dong-lo-2024-h1.docx')]],
  ['`baocao extract samples/seed/dong-lo-2024-h1.pdf`', ['extract', path.join(ROOT, 'samples/seed/dong-lo-2024-h1.pdf')]],
] as const) {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) ts.push((await run(process.execPath, [bin, ...argv])).seconds);
  say(`- ${label}: ${median(ts).toFixed(2)} s (min ${Math.min(...ts).toFixed(2)} s)`);
}

if (!args['no-queries']) {
  say();
  say(`## Queries at ${Number(args.communes).toLocaleString('en')} communes × ${args.periods} periods`);
  say();
  let qs: QueryResult[] | string;
  try {
    qs = await benchQueries({ communes: Number(args.communes), periods: Number(args.periods), databaseUrl: args['database-url'] });
  } catch (err) {
    qs = `not run (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  if (typeof qs === 'string') say(qs);
  else {
    say(`| database | query | p50 | p95 | runs |`);
    say(`| --- | --- | ---: | ---: | ---: |`);
    for (const q of qs) say(`| ${q.database} | ${q.query} | ${q.p50.toFixed(1)} ms | ${q.p95.toFixed(1)} ms | ${q.runs} |`);
  }
}

await rm(work, { recursive: true, force: true });
if (args.out) {
  await writeFile(path.join(ROOT, args.out), `${lines.join('\n')}\n\nCommand: \`npm run bench -- ${process.argv.slice(2).join(' ')}\`\n`);
  console.log(`\n(written to ${args.out})`);
}

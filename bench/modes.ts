// The benchmark's modes, each one child process (or a group of them) on the same files:
//   bare     the parsers alone in k threads (bench/bare.mjs)
//   shell    pandoc -t plain / pdftotext -layout, one process per file, xargs -P 2
//   pglite   `baocao ingest DIR` (embedded PGlite)
//   postgres `baocao ingest DIR` with DATABASE_URL (PostgreSQL, in-process queue)
//   bullmq   `baocao worker` process(es) + `baocao watch --once` (BullMQ + PostgreSQL)
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { run, signal, start, type Timed } from './run.ts';

export interface ModeResult {
  mode: string;
  files: number;
  seconds: number;
  /** Peak RSS of the largest process (bytes); null when not measured. */
  rss: number | null;
  /** Files that did not come out as a report or a not-a-report (failed, left). */
  failed: number;
  note?: string;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.join(ROOT, 'bin', 'baocao.js');

export function have(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function checkExit(what: string, t: Timed): void {
  if (t.code !== 0) throw new Error(`${what} exited ${t.code}: ${t.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

export async function bare(files: string[], threads: number): Promise<ModeResult> {
  const list = path.join(tmpdir(), `baocao-bench-list-${process.pid}`);
  await writeFile(list, files.join('\n'));
  const t = await run(process.execPath, [path.join(ROOT, 'bench', 'bare.mjs'), String(threads), list]);
  await rm(list, { force: true });
  checkExit('bare parsers', t);
  const r = JSON.parse(t.stdout) as { files: number; seconds: number; failed: number };
  // The parse time alone (the process's start and module loading not counted: the parsers' best case).
  return { mode: `bare parsers, ${threads} thread${threads > 1 ? 's' : ''}`, files: r.files, seconds: r.seconds, rss: t.rss, failed: r.failed };
}

const SHELL = `case "$1" in
  *.docx) exec /usr/bin/time -a -o "$RSS_LOG" -f %M pandoc -t plain "$1" -o /dev/null ;;
  *.pdf) exec /usr/bin/time -a -o "$RSS_LOG" -f %M pdftotext -layout "$1" /dev/null ;;
esac`;

export async function shell(files: string[]): Promise<ModeResult | string> {
  if (!have('pandoc') || !have('pdftotext')) return 'shell pipeline: not run (pandoc and pdftotext are needed)';
  const list = path.join(tmpdir(), `baocao-bench-shell-${process.pid}`);
  const rssLog = `${list}.rss`;
  await writeFile(list, files.join('\0'));
  const t = await run('sh', ['-c', `xargs -0 -P 2 -n 1 sh -c '${SHELL.replace(/'/g, "'\\''")}' _ < "${list}"`], { ...process.env, RSS_LOG: rssLog });
  const rss = (await readFile(rssLog, 'utf8').catch(() => ''))
    .split('\n')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  await rm(list, { force: true });
  await rm(rssLog, { force: true });
  return { mode: 'shell: pandoc / pdftotext, xargs -P 2', files: files.length, seconds: t.seconds, rss: rss.length ? Math.max(...rss) * 1024 : null, failed: t.code === 0 ? 0 : -1 };
}

/** A database of its own on the PostgreSQL server, dropped by the returned function. */
export async function scratchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `baocao_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function benchEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', BAOCAO_CONCURRENCY: '2', ...extra };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return { ...env, ...extra };
}

/** Counts the ingest summary's outcomes ("Kết quả: đã xử lý N, lỗi M, …"). */
function failedOf(stdout: string): number {
  const m = /lỗi (\d+)/.exec(stdout);
  return m ? Number(m[1]) : -1;
}

export async function ingestPglite(dir: string, n: number): Promise<ModeResult> {
  const data = await mkdtemp(path.join(tmpdir(), 'baocao-bench-data-'));
  try {
    const t = await run(process.execPath, [BIN, 'ingest', dir, '--no-progress'], benchEnv({ BAOCAO_DATA_DIR: data }));
    checkExit('ingest (PGlite)', t);
    return { mode: '`baocao ingest` (embedded PGlite)', files: n, seconds: t.seconds, rss: t.rss, failed: failedOf(t.stdout) };
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

export async function ingestPostgres(dir: string, n: number, adminUrl: string): Promise<ModeResult> {
  const db = await scratchDatabase(adminUrl);
  try {
    const t = await run(process.execPath, [BIN, 'ingest', dir, '--no-progress'], benchEnv({ DATABASE_URL: db.url }));
    checkExit('ingest (PostgreSQL)', t);
    return { mode: '`baocao ingest` with DATABASE_URL (PostgreSQL)', files: n, seconds: t.seconds, rss: t.rss, failed: failedOf(t.stdout) };
  } finally {
    await db.drop();
  }
}

/**
 * `workers` × `baocao worker --concurrency c` on one BullMQ queue, fed by `baocao watch --once`
 * over a copy of the files (the watcher moves them). Timed from the watcher's start to the last
 * file recorded; the workers' peak RSS is the largest of them.
 */
export async function bullmq(files: string[], adminUrl: string, redisUrl: string, workers: number, concurrency: number): Promise<ModeResult> {
  const db = await scratchDatabase(adminUrl);
  const inbox = await mkdtemp(path.join(tmpdir(), 'baocao-bench-inbox-'));
  const prefix = `bench${process.pid}${Date.now().toString(36)}`;
  const env = benchEnv({ DATABASE_URL: db.url, REDIS_URL: redisUrl, BAOCAO_QUEUE_PREFIX: prefix, BAOCAO_STABLE_MS: '0', BAOCAO_CONCURRENCY: String(concurrency) });
  const started: ReturnType<typeof start>[] = [];
  const client = new pg.Client({ connectionString: db.url });
  try {
    await Promise.all(files.map((f) => cp(f, path.join(inbox, path.basename(f)))));
    // The schema first, so that the workers do not race to migrate.
    checkExit('migrate', await run(process.execPath, [BIN, 'migrate'], env));
    for (let i = 0; i < workers; i++) {
      let ready!: () => void;
      const isReady = new Promise<void>((r) => (ready = r));
      const w = start(process.execPath, [BIN, 'worker', '--concurrency', String(concurrency)], env, { onStderr: (s) => /Worker đang chạy/.test(s) && ready() });
      started.push(w);
      await Promise.race([isReady, w.done.then((t) => Promise.reject(new Error(`worker exited: ${t.stderr.trim().split('\n').pop()}`)))]);
    }
    await client.connect();
    const t0 = performance.now();
    const watch = await run(process.execPath, [BIN, 'watch', '--once', inbox], env);
    checkExit('watch --once', watch);
    let done = 0;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from received_files where status <> 'received'`);
      done = Number(rows[0]!.n);
      if (done >= files.length) break;
      if (performance.now() - t0 > 30 * 60_000) throw new Error(`bullmq: ${done}/${files.length} after 30 min`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from received_files where status = 'failed'`);
    for (const w of started) signal(w, 'SIGTERM');
    const timed = await Promise.all(started.map((w) => w.done));
    const rss = timed.map((t) => t.rss).filter((x): x is number => x !== null);
    return {
      mode: `BullMQ: ${workers} × \`baocao worker --concurrency ${concurrency}\` + \`watch --once\``,
      files: files.length,
      seconds,
      rss: rss.length ? Math.max(...rss) : null,
      failed: Number(rows[0]!.n),
    };
  } finally {
    for (const w of started) signal(w, 'SIGKILL');
    await client.end().catch(() => {});
    await db.drop().catch(() => {});
    await rm(inbox, { recursive: true, force: true });
    await clearQueue(redisUrl, prefix);
  }
}

async function clearQueue(redisUrl: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    /* nothing to clean */
  } finally {
    redis.disconnect();
  }
}

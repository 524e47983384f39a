// npm run chaos -- --files N --faults K [--workers W] [--concurrency C] [--keep] [--json]
//
// Runs a batch of files through the real pipeline — `baocao watch` (BullMQ producer) and W
// `baocao worker` CHILD processes, PostgreSQL, Redis — while injecting faults, then checks that
// every file dropped is accounted for exactly once:
//   kill-worker     kill -9 of a worker that has a job in hand (a replacement worker is started;
//                   the job is recovered by BullMQ's stalled check and finished by another worker)
//   redis-restart   kill -9 of Redis, down for ~1.5 s, started again (AOF, appendfsync everysec)
//   pg-cut          PostgreSQL unreachable for ~3 s (a TCP proxy between workers and the server
//                   drops every connection and refuses new ones)
//   worker-restart  SIGTERM to a worker (graceful: the job in hand finishes, no new one starts),
//                   then a new worker
// Isolation: its own redis-server on a free port (6390+), its own PostgreSQL schema (bct_…, swept
// by the test helpers if left behind), its own BullMQ prefix and temp inbox; the shared Redis and
// PostgreSQL are never stopped.
// The batch: distinct reports (samples/generated and samples/seed, each copy made unique by a zip
// comment or a PDF comment line, so many are resubmissions of one commune and period),
// byte-identical copies under other names (→ duplicates/), bad files (→ failed/), in subfolders,
// with spaces and NFD names, some written slowly in two chunks (the stability window).
// Prints: files dropped, files in processed/failed/duplicates/not-a-report, report rows, lost (0
// expected), stored twice (0 expected). Exit code 1 when either is not 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile, open } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { sha256OfBuffer } from '../src/inbox/identity.ts';
import { OUTCOME_FOLDERS } from '../src/inbox/scan.ts';
import { tinyPng, withPdfComment, withZipComment, zipBomb } from './make-bad-fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type FaultKind = 'kill-worker' | 'redis-restart' | 'pg-cut' | 'worker-restart';
const FAULT_ORDER: FaultKind[] = ['kill-worker', 'redis-restart', 'pg-cut', 'worker-restart'];

export interface ChaosOptions {
  files: number;
  faults: number;
  workers?: number;
  /** Jobs at once per worker. */
  concurrency?: number;
  /** PostgreSQL to use (a schema of its own is created in it). */
  databaseUrl?: string;
  /** Keep the temp folder (inbox, logs) for a look afterwards. */
  keep?: boolean;
  /** Time between faults (ms); files are dropped over faults × spacing. Default 3500. */
  faultSpacingMs?: number;
  /** Longest wait for the batch to settle after the last drop (ms). */
  settleTimeoutMs?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface FaultRecord {
  kind: FaultKind;
  atMs: number;
  detail: string;
  /** kill-worker: the jobs the killed worker had in hand, and who finished them. */
  jobsInHand?: string[];
  finishedBy?: Record<string, number | null>;
  /** worker-restart: what the stopped worker did after the signal. */
  graceful?: { pid: number; inHand: number; finishedAfterSignal: number; startedAfterSignal: number; exitCode: number | null };
}

export interface ChaosReport {
  dropped: number;
  distinct: number;
  copies: number;
  bad: number;
  folders: Record<string, number>;
  stillInInbox: number;
  reportRows: number;
  resubmissions: number;
  /** Drops found in no outcome folder, or in processed/ without a stored report. */
  lost: number;
  /** Drops found in more than one place; contents stored as more than one report; contents with more than one non-duplicate outcome. */
  storedTwice: number;
  faults: FaultRecord[];
  workerStarts: number;
  /** Children that exited on their own (restarted, as a supervisor would): why, from their stderr. */
  crashes: { role: string; pid: number; code: number | null; reason: string }[];
  durationMs: number;
  problems: string[];
  ok: boolean;
}

interface Drop {
  rel: string;
  bytes: Buffer;
  sha256: string;
  kind: 'report' | 'copy' | 'bad';
  slow: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A wait that never keeps the process alive (for races against a child's exit). */
const timeout = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms).unref());

// ---------------------------------------------------------------------------------------------
// The batch.

function sources(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (const dir of ['samples/generated', 'samples/seed']) {
    const abs = path.join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) {
      if (/\.(docx|pdf)$/.test(f)) out.push({ name: f, bytes: readFileSync(path.join(abs, f)) });
    }
  }
  if (out.length === 0) throw new Error('no sample reports in samples/generated or samples/seed');
  return out;
}

function variant(bytes: Buffer, name: string, tag: string): Buffer {
  return name.endsWith('.pdf') ? withPdfComment(bytes, tag) : withZipComment(bytes, tag);
}

const FOLDERS = ['', 'Hiệp Hòa', 'Hiệp Hòa/tháng 6', 'Lục Nam', 'Việt Yên/xã Vân Hà'];

export function makeBatch(n: number, runId: string): Drop[] {
  const src = sources();
  const copies = Math.max(1, Math.round(n * 0.1));
  const bad = Math.max(1, Math.round(n * 0.08));
  const distinct = Math.max(1, n - copies - bad);
  const drops: Drop[] = [];
  const name = (i: number, base: string) => {
    const folder = FOLDERS[i % FOLDERS.length]!;
    let file = i % 3 === 0 ? `Báo cáo ${i} ${base}` : `${i}-${base}`;
    if (i % 4 === 1) file = file.normalize('NFD');
    return folder ? `${folder}/${file}` : file;
  };
  // Each sample used about three times (unique bytes each time): the same commune and period
  // reported again and again — resubmissions stored concurrently.
  const pool = Math.max(1, Math.min(src.length, Math.ceil(distinct / 3)));
  for (let i = 0; i < distinct; i++) {
    const s = src[i % pool]!;
    const bytes = variant(s.bytes, s.name, `chaos ${runId} ${i}`);
    drops.push({ rel: name(i, s.name), bytes, sha256: sha256OfBuffer(bytes), kind: 'report', slow: i % 5 === 2 });
  }
  const badMakers: ((k: number) => { ext: string; bytes: Buffer })[] = [
    (k) => ({ ext: 'docx', bytes: Buffer.from(`Ghi chú số ${k} (${runId}): không phải tệp Word.\n`) }),
    (k) => {
      const s = src.find((x) => x.name.endsWith('.docx'))!;
      // the first half of a Word file (its directory and comment cut off), then unique junk
      return { ext: 'docx', bytes: Buffer.concat([s.bytes.subarray(0, Math.floor(s.bytes.length / 2)), Buffer.from(`${runId} ${k}`)]) };
    },
    (k) => ({ ext: 'pdf', bytes: Buffer.concat([tinyPng(), Buffer.from(`${runId} ${k}`)]) }),
    (k) => ({ ext: 'docx', bytes: withZipComment(zipBomb(), `bomb ${runId} ${k}`) }),
  ];
  for (let k = 0; k < bad; k++) {
    const { ext, bytes } = badMakers[k % badMakers.length]!(k);
    const i = distinct + k;
    drops.push({ rel: name(i, `loi-${k}.${ext}`), bytes, sha256: sha256OfBuffer(bytes), kind: 'bad', slow: false });
  }
  for (let c = 0; c < copies; c++) {
    const of = drops[(c * 7) % distinct]!;
    const i = distinct + bad + c;
    drops.push({ rel: name(i, `ban-sao-${c}${path.extname(of.rel)}`), bytes: of.bytes, sha256: of.sha256, kind: 'copy', slow: false });
  }
  // Interleave: copies and bad files among the reports, a copy never before its original.
  const order = drops.map((d, i) => ({ d, key: d.kind === 'copy' ? drops.indexOf(drops.find((x) => x.sha256 === d.sha256)!) + 0.5 + i / 1e6 : i * (d.kind === 'bad' ? 0.5 : 1) }));
  order.sort((a, b) => a.key - b.key);
  return order.map((o) => o.d);
}

// ---------------------------------------------------------------------------------------------
// Services: a private redis-server, a TCP proxy in front of PostgreSQL.

class RedisServer {
  proc: ChildProcess | null = null;
  constructor(readonly port: number, readonly dir: string, private readonly logFile: string) {}

  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const out = createWriteStream(this.logFile, { flags: 'a' });
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
        '--save', '', '--maxmemory-policy', 'noeviction', '--protected-mode', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc.stdout!.pipe(out);
    this.proc.stderr!.pipe(out);
    const probe = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') break;
      } catch {
        probe.disconnect();
        await sleep(100);
      }
    }
    probe.disconnect();
  }

  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await Promise.race([exited, timeout(5000, null)]);
    if (p.exitCode === null) p.kill('SIGKILL');
  }
}

class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async listen(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(client);
      this.sockets.add(upstream);
      const done = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', done).on('close', done);
      upstream.on('error', done).on('close', done);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Drops every connection and refuses new ones for `ms`. */
  async cut(ms: number): Promise<void> {
    const s = this.server;
    this.server = null;
    const closed = new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    for (const sock of this.sockets) sock.destroy();
    this.sockets.clear();
    await closed;
    await sleep(ms);
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes: the watcher and the workers.

interface Child {
  role: 'watcher' | 'worker';
  proc: ChildProcess;
  pid: number;
  inHand: Set<string>;
  /** Said it is running (signal handlers in place). */
  ready: boolean;
  started: { jobId: string; at: number }[];
  finished: { jobId: string; at: number }[];
  stopping: boolean;
  exit: Promise<number | null>;
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const t0 = Date.now();
  const at = () => Date.now() - t0;
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const schema = `bct_${Date.now().toString(36)}_chaos_${randomBytes(3).toString('hex')}`;
  const prefix = `chaos_${runId}`;
  const tmp = await mkdtemp(path.join(tmpdir(), 'baocao-chaos-'));
  const inbox = path.join(tmp, 'inbox');
  const logs = path.join(tmp, 'logs');
  await mkdir(inbox, { recursive: true });
  await mkdir(logs, { recursive: true });
  const workersWanted = opts.workers ?? 3;
  const dbUrl = opts.databaseUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const pgTarget = new URL(dbUrl);

  const redisPort = await freePort(6390 + Math.floor(Math.random() * 400));
  const redis = new RedisServer(redisPort, path.join(tmp, 'redis'), path.join(logs, 'redis.log'));
  const proxy = new TcpProxy({ host: pgTarget.hostname, port: Number(pgTarget.port || 5432) });
  const children = new Set<Child>();
  const problems: string[] = [];
  const faults: FaultRecord[] = [];
  const finishedByJob = new Map<string, number>();
  let workerStarts = 0;
  const crashes: ChaosReport['crashes'] = [];
  let shuttingDown = false;
  let db: Database | null = null;

  try {
    await redis.start();
    await proxy.listen();
    db = await openDatabase({ databaseUrl: dbUrl, dataDir: tmp, schema, poolMax: 2 });
    await migrateToLatest(db);

    const workerUrl = new URL(dbUrl);
    workerUrl.port = String(proxy.port);
    workerUrl.hostname = '127.0.0.1';
    workerUrl.searchParams.set('options', `-c search_path=${schema}`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: workerUrl.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      BAOCAO_QUEUE_PREFIX: prefix,
      BAOCAO_STABLE_MS: '300',
      BAOCAO_RESCAN_MS: '3000',
      BAOCAO_LOCK_MS: '4000',
      BAOCAO_STALLED_MS: '2000',
      BAOCAO_MAX_STALLED: '10',
      BAOCAO_BACKOFF_MS: '500',
      BAOCAO_CONCURRENCY: String(opts.concurrency ?? 2),
      LOG_LEVEL: 'info',
    };

    const startChild = (role: Child['role']): Child => {
      const args = role === 'watcher' ? ['bin/baocao.js', 'watch', inbox] : ['bin/baocao.js', 'worker'];
      const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const child: Child = {
        role,
        proc,
        pid: proc.pid!,
        inHand: new Set(),
        ready: false,
        started: [],
        finished: [],
        stopping: false,
        exit: new Promise((resolve) => proc.once('exit', (code) => resolve(code))),
      };
      const out = createWriteStream(path.join(logs, `${role}-${proc.pid}.log`));
      proc.stdout!.pipe(out);
      let buf = '';
      let lastError = '';
      proc.stderr!.on('data', (d: Buffer) => {
        out.write(d);
        const errLine = /^(Lỗi: .*|\w*Error: .*)$/m.exec(d.toString());
        if (errLine && !lastError) lastError = errLine[1]!;
        buf += d.toString();
        if (/Worker đang chạy|Đang theo dõi/.test(buf)) child.ready = true;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (!line.startsWith('{')) continue;
          try {
            const m = JSON.parse(line) as { msg?: string; jobId?: string };
            if (m.msg === 'job start' && m.jobId) {
              child.inHand.add(m.jobId);
              child.started.push({ jobId: m.jobId, at: Date.now() });
            } else if (m.msg === 'job not done' && m.jobId) {
              child.inHand.delete(m.jobId); // thrown: back to the queue
            } else if (m.msg === 'job done' && m.jobId) {
              child.inHand.delete(m.jobId);
              child.finished.push({ jobId: m.jobId, at: Date.now() });
              finishedByJob.set(m.jobId, child.pid);
            }
          } catch {
            /* not ours */
          }
        }
      });
      children.add(child);
      if (role === 'worker') workerStarts++;
      void child.exit.then((code) => {
        children.delete(child);
        if (shuttingDown || child.stopping) return;
        crashes.push({ role, pid: child.pid, code, reason: lastError || 'unknown' });
        // A child that died unexpectedly (e.g. started during a PostgreSQL cut): a supervisor
        // (docker, systemd) would start it again.
        log(`  [${at()} ms] ${role} ${child.pid} exited (${code}); starting another`);
        setTimeout(() => {
          if (!shuttingDown) startChild(role);
        }, 500);
      });
      return child;
    };

    const workers = () => [...children].filter((c) => c.role === 'worker' && !c.stopping && c.ready);

    const batch = makeBatch(opts.files, runId);
    const bySha = new Map<string, Drop[]>();
    for (const d of batch) bySha.set(d.sha256, [...(bySha.get(d.sha256) ?? []), d]);

    log(`chaos: ${batch.length} files, ${opts.faults} faults, ${workersWanted} workers × ${env.BAOCAO_CONCURRENCY}; redis :${redisPort}, postgres proxy :${proxy.port}, schema ${schema}`);
    startChild('watcher');
    for (let i = 0; i < workersWanted; i++) startChild('worker');

    // Drops spread over the fault schedule; faults in between.
    const faultSpacing = opts.faultSpacingMs ?? 3500;
    const dropSpan = Math.max(opts.faults * faultSpacing, batch.length * 40);
    const dropping = (async () => {
      await sleep(1500); // let the children start
      for (let i = 0; i < batch.length; i++) {
        const d = batch[i]!;
        const file = path.join(inbox, d.rel);
        await mkdir(path.dirname(file), { recursive: true });
        if (d.slow) {
          // written in two parts, 150 ms apart (less than the 300 ms window)
          const fh = await open(file, 'w');
          const half = Math.floor(d.bytes.length / 2);
          await fh.write(d.bytes.subarray(0, half));
          await sleep(150);
          await fh.write(d.bytes.subarray(half));
          await fh.close();
        } else {
          await writeFile(file, d.bytes);
        }
        await sleep(dropSpan / batch.length);
      }
    })();

    const faulting = (async () => {
      await sleep(3000);
      for (let k = 0; k < opts.faults; k++) {
        const kind = FAULT_ORDER[k % FAULT_ORDER.length]!;
        const started = at();
        if (kind === 'kill-worker') {
          // a worker with a job in hand (wait up to 10 s for one)
          let victim: Child | undefined;
          for (let w = 0; w < 200 && !victim; w++) {
            victim = workers().find((c) => c.inHand.size > 0);
            if (!victim) await sleep(50);
          }
          victim ??= workers()[0];
          if (!victim) continue;
          const jobs = [...victim.inHand];
          victim.stopping = true;
          victim.proc.kill('SIGKILL');
          await victim.exit;
          faults.push({ kind, atMs: started, detail: `kill -9 worker ${victim.pid} with ${jobs.length} job(s) in hand`, jobsInHand: jobs });
          startChild('worker');
        } else if (kind === 'redis-restart') {
          await redis.kill();
          await sleep(1500);
          await redis.start();
          faults.push({ kind, atMs: started, detail: `redis kill -9, down ${at() - started} ms, restarted from its AOF` });
        } else if (kind === 'pg-cut') {
          await proxy.cut(3000);
          faults.push({ kind, atMs: started, detail: 'PostgreSQL unreachable for 3 s (every connection dropped)' });
        } else {
          const victim = workers().find((c) => c.inHand.size > 0) ?? workers()[0];
          if (!victim) continue;
          victim.stopping = true;
          const inHand = victim.inHand.size;
          const signalAt = Date.now();
          victim.proc.kill('SIGTERM');
          const exitCode = await Promise.race([victim.exit, timeout(60_000, -1)]);
          const record: FaultRecord = {
            kind,
            atMs: started,
            detail: `SIGTERM worker ${victim.pid} (${inHand} job(s) in hand), exit ${exitCode}, replaced`,
            graceful: {
              pid: victim.pid,
              inHand,
              finishedAfterSignal: victim.finished.filter((f) => f.at >= signalAt).length,
              startedAfterSignal: victim.started.filter((s) => s.at > signalAt + 100).length,
              exitCode: exitCode as number | null,
            },
          };
          faults.push(record);
          startChild('worker');
        }
        log(`  [${started} ms] ${faults[faults.length - 1]?.detail ?? kind} (${at() - started} ms)`);
        await sleep(Math.max(500, faultSpacing - (at() - started)));
      }
    })();

    await Promise.all([dropping, faulting]);
    log(`  [${at()} ms] all files dropped, all faults done; waiting for the batch to settle`);

    // Settled: every drop is in an outcome folder (or the time is up).
    const deadline = Date.now() + (opts.settleTimeoutMs ?? 120_000 + batch.length * 500);
    let placed = new Map<string, string[]>();
    for (;;) {
      placed = await locate(inbox, batch);
      const missing = batch.filter((d) => (placed.get(d.rel) ?? []).length === 0).length;
      if (missing === 0 || Date.now() > deadline) break;
      await sleep(500);
    }
    await sleep(1000); // a last look: nothing moves twice
    for (const f of faults) {
      if (f.jobsInHand) f.finishedBy = Object.fromEntries(f.jobsInHand.map((j) => [j, finishedByJob.get(j) ?? null]));
    }
    placed = await locate(inbox, batch);

    // Stop the children gracefully.
    shuttingDown = true;
    log(`  [${at()} ms] settled; stopping the children`);
    await Promise.all(
      [...children].map(async (c) => {
        c.proc.kill('SIGTERM');
        const code = await Promise.race([c.exit, timeout(30_000, 'timeout' as const)]);
        if (code === 'timeout') {
          c.proc.kill('SIGKILL');
          problems.push(`${c.role} ${c.pid} did not stop on SIGTERM within 30 s`);
        } else if (code !== 0) problems.push(`${c.role} ${c.pid} exited with ${code} on SIGTERM`);
      }),
    );

    // Accounting.
    const folders: Record<string, number> = {};
    for (const f of OUTCOME_FOLDERS) folders[f] = (await listFiles(path.join(inbox, f))).filter((p) => !p.endsWith('.error.json')).length;
    const stillInInbox = (await listFiles(inbox)).filter((p) => !(OUTCOME_FOLDERS as readonly string[]).includes(p.split(path.sep)[0]!)).length;
    let lost = 0;
    let storedTwice = 0;
    const stored = new Map<string, number>();
    const rows = await sql<{ sha256: string; n: number }>`
      select f.sha256, count(r.id)::int as n from received_files f left join reports r on r.file_id = f.id group by f.sha256`.execute(db.db);
    for (const r of rows.rows) stored.set(r.sha256, r.n);
    for (const [sha, n] of stored) {
      if (n > 1) {
        storedTwice++;
        problems.push(`content ${sha.slice(0, 12)} stored as ${n} reports`);
      }
    }
    const outcomesBySha = new Map<string, string[]>();
    for (const d of batch) {
      const where = placed.get(d.rel) ?? [];
      if (where.length === 0) {
        lost++;
        problems.push(`lost: ${d.rel.normalize('NFC')} (${d.kind})`);
        continue;
      }
      if (where.length > 1) {
        storedTwice++;
        problems.push(`in ${where.length} places: ${d.rel.normalize('NFC')}: ${where.join(', ')}`);
      }
      const folder = where[0]!;
      outcomesBySha.set(d.sha256, [...(outcomesBySha.get(d.sha256) ?? []), folder]);
      if (folder === 'processed' && (stored.get(d.sha256) ?? 0) === 0) {
        lost++;
        problems.push(`in processed/ but no report stored: ${d.rel.normalize('NFC')}`);
      }
      if (folder === 'failed' && !existsSync(`${path.join(inbox, 'failed', d.rel)}.error.json`)) {
        problems.push(`no .error.json beside failed/${d.rel.normalize('NFC')}`);
      }
      if (d.kind === 'bad' && folder !== 'failed') problems.push(`bad file not in failed/: ${d.rel.normalize('NFC')} → ${folder}`);
    }
    // One content: exactly one drop processed (or not-a-report), the other drops duplicates; a
    // content that failed is tried again each time it is dropped (so several failed/ are fine).
    for (const [sha, outs] of outcomesBySha) {
      const kept = outs.filter((o) => o === 'processed' || o === 'not-a-report').length;
      const failed = outs.filter((o) => o === 'failed').length;
      if (kept > 1) storedTwice++;
      if (kept > 1 || (kept === 1 && failed > 0) || (kept === 0 && failed === 0)) {
        problems.push(`content ${sha.slice(0, 12)}: outcomes ${outs.join(', ')}`);
      }
    }
    const reportRows = (await sql<{ n: number }>`select count(*)::int as n from reports`.execute(db.db)).rows[0]!.n;
    const resubmissions = (await sql<{ n: number }>`select count(*)::int as n from resubmissions`.execute(db.db)).rows[0]!.n;
    const copies = batch.filter((d) => d.kind === 'copy').length;
    const expectedDuplicates = [...outcomesBySha.values()].reduce((n, outs) => n + (outs.includes('failed') ? 0 : outs.length - 1), 0);
    const failedCopies = [...outcomesBySha.values()].reduce((n, outs) => n + (outs.includes('failed') ? outs.filter((o) => o === 'duplicates').length : 0), 0);
    if (folders.duplicates !== expectedDuplicates + failedCopies) {
      problems.push(`duplicates/ holds ${folders.duplicates}, expected ${expectedDuplicates + failedCopies}`);
    }
    for (const f of faults) {
      if (f.kind === 'kill-worker') {
        for (const [job, pid] of Object.entries(f.finishedBy ?? {})) {
          if (pid === null) {
            const sha = job.slice(4, 68);
            const drops = bySha.get(sha) ?? [];
            // finished by a worker whose log we could not attribute: the file is placed anyway
            if (!drops.some((d) => (placed.get(d.rel) ?? []).length > 0)) problems.push(`job ${job} of a killed worker never finished`);
          }
        }
      }
      if (f.graceful && (f.graceful.exitCode !== 0 || f.graceful.startedAfterSignal > 0)) {
        problems.push(`graceful stop of ${f.graceful.pid}: exit ${f.graceful.exitCode}, ${f.graceful.startedAfterSignal} job(s) started after SIGTERM`);
      }
    }
    const report: ChaosReport = {
      dropped: batch.length,
      distinct: new Set(batch.map((d) => d.sha256)).size,
      copies,
      bad: batch.filter((d) => d.kind === 'bad').length,
      folders,
      stillInInbox,
      reportRows,
      resubmissions,
      lost,
      storedTwice,
      faults,
      workerStarts,
      crashes,
      durationMs: at(),
      problems,
      ok: lost === 0 && storedTwice === 0 && stillInInbox === 0 && problems.length === 0,
    };
    return report;
  } finally {
    shuttingDown = true;
    for (const c of children) c.proc.kill('SIGKILL');
    await redis.stop();
    await proxy.close();
    if (db) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.db).catch(() => {});
      await db.close();
    }
    if (opts.keep) log(`kept: ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

/** Where each drop is now: the outcome folders holding its subpath (or a " (n)" variant with its bytes). */
async function locate(inbox: string, batch: Drop[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const d of batch) {
    const where: string[] = [];
    for (const f of OUTCOME_FOLDERS) {
      const dir = path.join(inbox, f, path.dirname(d.rel));
      const base = path.basename(d.rel);
      const ext = path.extname(base);
      const stem = base.slice(0, base.length - ext.length);
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const n of names) {
        if (n === base) where.push(f);
        else if (n.startsWith(`${stem} (`) && n.endsWith(`)${ext}`)) {
          const bytes = readFileSync(path.join(dir, n));
          if (sha256OfBuffer(bytes) === d.sha256) where.push(`${f} (variant ${n})`);
        }
      }
    }
    out.set(d.rel, where);
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error('no free port for redis-server');
}

function summarize(items: string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} × ${k}`).join('; ');
}

export function formatReport(r: ChaosReport): string {
  const count = (k: FaultKind) => r.faults.filter((f) => f.kind === k).length;
  const lines = [
    `files dropped:      ${r.dropped} (${r.distinct} distinct contents: ${r.dropped - r.copies - r.bad} reports + ${r.bad} bad files; ${r.copies} byte-identical copies)`,
    `faults:             ${r.faults.length} — ${count('kill-worker')} × kill -9 worker mid-job, ${count('redis-restart')} × Redis restart, ${count('pg-cut')} × PostgreSQL unreachable 3 s, ${count('worker-restart')} × worker restart (SIGTERM); ${r.workerStarts} worker processes started in all`,
    `processed/:         ${r.folders.processed}`,
    `failed/:            ${r.folders.failed}`,
    `duplicates/:        ${r.folders.duplicates}`,
    `not-a-report/:      ${r.folders['not-a-report']}`,
    `still in inbox:     ${r.stillInInbox}`,
    `report rows:        ${r.reportRows} (resubmissions recorded: ${r.resubmissions})`,
    `children that died: ${r.crashes.length}${r.crashes.length ? ` (restarted; ${summarize(r.crashes.map((c) => `${c.role}: ${c.reason}`))})` : ''}`,
    `lost:               ${r.lost}`,
    `stored twice:       ${r.storedTwice}`,
    `time:               ${(r.durationMs / 1000).toFixed(1)} s`,
  ];
  if (r.problems.length) lines.push('problems:', ...r.problems.slice(0, 30).map((p) => `  - ${p}`));
  lines.push(r.ok ? 'OK' : 'NOT OK');
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (flag: string, dflt: number) => {
    const i = args.indexOf(flag);
    if (i < 0) return dflt;
    const n = Number(args[i + 1]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
    return n;
  };
  const report = await runChaos({
    files: num('--files', 50),
    faults: num('--faults', 4),
    workers: num('--workers', 3),
    concurrency: num('--concurrency', 2),
    keep: args.includes('--keep'),
  });
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const f of report.faults) {
      const extra = f.finishedBy
        ? ` → finished by ${Object.values(f.finishedBy).map((p) => (p === null ? '?' : `worker ${p}`)).join(', ') || '(no job in hand)'}`
        : '';
      process.stdout.write(`  ${(f.atMs / 1000).toFixed(1).padStart(6)} s  ${f.detail}${extra}\n`);
    }
    process.stdout.write(formatReport(report));
  }
  process.exitCode = report.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}

// The bad-input corpus (test/fixtures/bad/, made by scripts/make-bad-fixtures.ts): each file gets
// its expected outcome — from `baocao extract` a one-line Vietnamese error naming the file and the
// reason (exit 1), and from processing the file in failed/ with its .error.json while the queue goes
// on with the next file; or, for the 300-page PDF and the NFD name, processed correctly.
// Plus the limits: size, zip bomb refused without inflating, time, memory.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { extractCommand } from '../src/cli/extract.ts';
import { BaocaoError } from '../src/errors.ts';
import { sha256OfFile, dropKey } from '../src/inbox/identity.ts';
import { listInbox } from '../src/inbox/scan.ts';
import { createIsolatedPool } from '../src/parse/isolated.ts';
import { checkLimits, readZipDirectory } from '../src/parse/limits.ts';
import { pipelineDeps, processFile, type PipelineDeps } from '../src/pipeline.ts';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import type { ProcessResult } from '../src/queue/types.ts';
import type { ExpectedOutcome } from '../scripts/make-bad-fixtures.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { stat } from 'node:fs/promises';

const BAD = path.resolve('test/fixtures/bad');
const run = promisify(execFile);

let expected: Record<string, ExpectedOutcome>;
let names: string[];

beforeAll(async () => {
  expected = JSON.parse(await readFile(path.join(BAD, 'expected.json'), 'utf8'));
  names = (await readdir(BAD)).filter((n) => n !== 'expected.json').sort();
});

describe('the corpus', () => {
  it('has every kind of bad input the issue lists, made by the script', () => {
    expect(names.map((n) => n.normalize('NFC')).sort()).toEqual(Object.keys(expected).map((n) => n.normalize('NFC')).sort());
    const nfd = names.find((n) => n !== n.normalize('NFC'));
    expect(nfd).toBeDefined();
    expect(nfd).toMatch(/ /);
    expect(Object.keys(expected)).toHaveLength(10);
  });
});

function expectedOf(name: string): ExpectedOutcome {
  return (expected[name] ?? expected[name.normalize('NFC')] ?? expected[name.normalize('NFD')])!;
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What `baocao extract FILE` must print for each file of the corpus. */
function checkExtractOutput(name: string, r: CliResult): void {
  const exp = expectedOf(name);
  const where = `${name}: ${JSON.stringify(r)}`;
  if (exp.status === 'failed') {
    expect(r.code, where).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, where).toHaveLength(1);
    expect(lines[0]!.startsWith(`${path.join(BAD, name)}: `), where).toBe(true);
    expect(lines[0], where).toMatch(new RegExp(exp.reason!, 'i'));
    expect(r.stderr, where).not.toMatch(/\n\s+at |Error:/);
    expect(r.stdout, where).toBe('');
  } else if (exp.status === 'not_a_report') {
    expect(r.code, where).toBe(0);
    expect(r.stdout, where).toMatch(new RegExp(`^${name.replace('.', '\\.')}: không phải báo cáo — .*${exp.reason}`, 'i'));
  } else {
    expect(r.code, where).toBe(0);
    expect(r.stdout, where).toMatch(/Đơn vị: xã Đông Lỗ, huyện Hiệp Hòa/);
    expect(r.stdout, where).toMatch(/Kỳ báo cáo: 2024-H1/);
    expect(r.stderr, where).toBe('');
  }
}

describe('baocao extract on each bad file', () => {
  it('one line naming the file and the reason, exit 1 — or the extraction (every file, the command in-process)', async () => {
    for (const name of names) {
      let stdout = '';
      let stderr = '';
      const out = process.stdout.write;
      const err = process.stderr.write;
      const exitCode = process.exitCode;
      process.exitCode = 0;
      process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
      process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
      let code: number;
      try {
        await extractCommand(path.join(BAD, name), {});
      } finally {
        process.stdout.write = out;
        process.stderr.write = err;
        code = Number(process.exitCode ?? 0);
        process.exitCode = exitCode;
      }
      checkExtractOutput(name, { code, stdout, stderr });
    }
  });

  it('the same from `node bin/baocao.js extract` (a zip bomb, a password, a name in NFD)', async () => {
    const some = names.filter((n) => n === 'bom-nen.docx' || n === 'co-mat-khau.pdf' || n !== n.normalize('NFC'));
    expect(some).toHaveLength(3);
    await Promise.all(
      some.map(async (name) => {
        let r: CliResult;
        try {
          const { stdout, stderr } = await run(process.execPath, ['bin/baocao.js', 'extract', path.join(BAD, name)], { env: { ...process.env, LOG_LEVEL: 'silent' } });
          r = { code: 0, stdout, stderr };
        } catch (err) {
          const e = err as CliResult;
          r = { code: e.code, stdout: e.stdout, stderr: e.stderr };
        }
        checkExtractOutput(name, r);
      }),
    );
  });
});

describe('processing the corpus (managed inbox, PostgreSQL)', () => {
  let t: TestDatabase;
  let app: App;
  let deps: PipelineDeps;
  let inbox: string;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    app = createApp(t);
    deps = pipelineDeps(app, loadConfig({}));
    inbox = await mkdtemp(path.join(tmpdir(), 'baocao-bad-'));
  });
  afterAll(async () => {
    await t?.cleanup();
    await rm(inbox, { recursive: true, force: true });
  });

  it('each file where it belongs, with its reason; the queue goes on to the next file', async () => {
    for (const n of names) await copyFile(path.join(BAD, n), path.join(inbox, n));
    const queue = createInProcessQueue({ concurrency: 2, processor: (d) => processFile(d, deps) });
    const results = new Map<string, ProcessResult>();
    await Promise.all(
      (await listInbox(inbox)).map(async (file) => {
        const data = { path: file, sha256: await sha256OfFile(file), originalName: path.basename(file).normalize('NFC'), inbox, dropKey: dropKey(file, await stat(file)) };
        results.set(path.basename(file), await queue.run(data));
      }),
    );
    await queue.close();
    expect(results.size).toBe(names.length);
    expect(await listInbox(inbox)).toEqual([]);
    for (const name of names) {
      const exp = expected[name] ?? expected[name.normalize('NFC')] ?? expected[name.normalize('NFD')];
      const r = results.get(name)!;
      const where = `${name}: ${JSON.stringify(r)}`;
      expect(r.status, where).toBe(exp!.status);
      const folder = { processed: 'processed', failed: 'failed', not_a_report: 'not-a-report' }[exp!.status];
      expect(r.movedTo, where).toBe(path.join(inbox, folder, name));
      expect(await sha256OfFile(r.movedTo!)).toBe(await sha256OfFile(path.join(BAD, name))); // bytes untouched
      if (exp!.status !== 'processed') {
        const note = JSON.parse(await readFile(`${r.movedTo}.error.json`, 'utf8'));
        expect(note.code, where).toBe(exp!.code);
        expect(note.message, where).toMatch(new RegExp(exp!.reason!, 'i'));
        expect(note.message, where).not.toMatch(/\n/);
        expect(note.file).toBe(name.normalize('NFC'));
      }
    }
    // The two processed files are reports of Đông Lỗ, 2024-H1 (the 300-page PDF is read whole).
    const long = (await app.reports.get(results.get('bao-cao-300-trang.pdf')!.reportId!))!;
    expect(long).toMatchObject({ commune: 'Đông Lỗ', district: 'Hiệp Hòa', period: '2024-H1' });
    expect(long.extraction.profile.population).toBe(17128);
    const nfd = names.find((n) => n !== n.normalize('NFC'))!;
    const nfdReport = (await app.reports.get(results.get(nfd)!.reportId!))!;
    expect(nfdReport.extraction.source.file).toBe(nfd.normalize('NFC'));
    const failed = await app.files.byStatus('failed');
    expect(failed).toHaveLength(Object.values(expected).filter((e) => e.status === 'failed').length);
  });
});

describe('limits', () => {
  it('a zip bomb is refused from its directory alone, without inflating', async () => {
    const bomb = await readFile(path.join(BAD, 'bom-nen.docx'));
    const started = process.hrtime.bigint();
    const dir = (await readZipDirectory(bomb))!;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(bomb.length).toBeLessThan(100_000);
    expect(dir.uncompressedBytes).toBeGreaterThan(2_000_000_000); // declared
    expect(ms).toBeLessThan(500); // inflating 2.6 GB would take seconds
    await expect(checkLimits(bomb, { maxFileBytes: 50e6, maxUnzippedBytes: 200 * 1048576 })).rejects.toMatchObject({ code: 'ZIP_BOMB' });
    // a real report is far below
    const seed = (await readZipDirectory(await readFile('samples/seed/dong-lo-2024-h1.docx')))!;
    expect(seed.uncompressedBytes).toBeLessThan(1_000_000);
  });

  it('size, time and memory limits fail the file, not the worker', async () => {
    const t = await createTestDatabase('postgres');
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-limits-'));
    try {
      const app = createApp(t);
      const base = pipelineDeps(app, loadConfig({}));
      const long = path.join(dir, 'dai.pdf');
      await copyFile(path.join(BAD, 'bao-cao-300-trang.pdf'), long);
      const job = { path: long, sha256: await sha256OfFile(long), originalName: 'dai.pdf' };
      const small = await processFile(job, { ...base, maxFileBytes: 100_000, limits: { ...base.limits, maxFileBytes: 100_000 } });
      expect(small).toMatchObject({ status: 'failed', code: 'FILE_TOO_LARGE' });
      expect(small.message).toMatch(/tệp quá lớn \(0\.2 MB, giới hạn 0\.1 MB\)/);
      const rejects = (await app.files.bySha(job.sha256))!;
      expect(rejects.status).toBe('failed');
      // the same content dropped again (content that failed is tried again), with too little time
      const again = path.join(dir, 'dai lan 2.pdf');
      await copyFile(long, again);
      const slow = await processFile({ ...job, path: again }, { ...base, limits: { ...base.limits, parseTimeoutMs: 150 } });
      expect(slow).toMatchObject({ status: 'failed', code: 'TIMEOUT' });
      expect(slow.message).toMatch(/quá thời gian/);
    } finally {
      await t.cleanup();
      await rm(dir, { recursive: true, force: true });
    }

    // memory: a thread that allocates without end is stopped at its heap limit; the pool goes on
    const hostile = 'data:text/javascript,' + encodeURIComponent(
      'export async function hog(){const a=[];for(;;)a.push(new Array(1e5).fill(Math.random()))}' +
        'export async function spin(){for(;;){}}' +
        'export async function ok(x){return x*2}',
    );
    for (const [fn, code] of [['hog', 'MEMORY_LIMIT'], ['spin', 'TIMEOUT']] as const) {
      const pool = createIsolatedPool({ moduleUrl: hostile, exportName: fn, timeoutMs: 3000, memoryMb: 64, maxThreads: 1 });
      const err = await pool.run([]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BaocaoError);
      expect((err as BaocaoError).code).toBe(code);
      await pool.close();
    }
    const pool = createIsolatedPool({ moduleUrl: hostile, exportName: 'ok', timeoutMs: 3000, memoryMb: 64 });
    expect(await pool.run([21])).toBe(42);
    await pool.close();
  });
});

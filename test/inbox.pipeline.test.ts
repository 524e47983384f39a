// A managed inbox on real PostgreSQL: after the database records a file's outcome, the
// processor moves the file to processed/, failed/ (+ .error.json), duplicates/ or not-a-report/,
// keeping its subpath; retries find the file where it went; `baocao watch` does it end to end.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { dropKey, sha256OfFile } from '../src/inbox/identity.ts';
import { listInbox } from '../src/inbox/scan.ts';
import { pipelineDeps, processFile, settleFailedJob, type PipelineDeps } from '../src/pipeline.ts';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import type { ProcessFileData } from '../src/queue/types.ts';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './helpers/db.ts';

const SEED_DOCX = path.resolve('samples/seed/dong-lo-2024-h1.docx');
const INVITATION = path.resolve('test/fixtures/bad/giay-moi.docx');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestDatabase;
let app: App;
let deps: PipelineDeps;
let inbox: string;

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  app = createApp(t);
  deps = pipelineDeps(app, loadConfig({}));
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-managed-'));
});
afterAll(async () => {
  await t?.cleanup();
  await rm(inbox, { recursive: true, force: true });
});

async function put(rel: string, from: string | Buffer): Promise<string> {
  const file = path.join(inbox, rel);
  await mkdir(path.dirname(file), { recursive: true });
  if (typeof from === 'string') await copyFile(from, file);
  else await writeFile(file, from);
  return file;
}

async function jobFor(file: string): Promise<ProcessFileData> {
  return {
    path: file,
    sha256: await sha256OfFile(file),
    originalName: path.basename(file).normalize('NFC'),
    inbox,
    dropKey: dropKey(file, await stat(file)),
  };
}

async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}

describe('managed inbox, processor moves files', () => {
  const jobs: Record<string, ProcessFileData> = {};

  it('processed/, duplicates/, failed/ + .error.json, not-a-report/; subpaths kept; bytes untouched', async () => {
    const report = await put('Hiệp Hòa/Đông Lỗ/bao cao 6 thang.docx', SEED_DOCX);
    const copy = await put('ban sao.docx', SEED_DOCX);
    const text = await put('ghi chú.docx', Buffer.from('Đây là ghi chú, không phải tệp Word.\n'));
    const invitation = await put('Hiệp Hòa/giay moi.docx', INVITATION);
    for (const [k, f] of Object.entries({ report, copy, text, invitation })) jobs[k] = await jobFor(f);
    const seedSha = jobs.report!.sha256;

    const r1 = await processFile(jobs.report!, deps);
    expect(r1).toMatchObject({ status: 'processed', movedTo: path.join(inbox, 'processed/Hiệp Hòa/Đông Lỗ/bao cao 6 thang.docx') });
    expect(r1.reportId).toBeGreaterThan(0);
    const r2 = await processFile(jobs.copy!, deps);
    expect(r2).toMatchObject({ status: 'duplicate', movedTo: path.join(inbox, 'duplicates/ban sao.docx') });
    expect(r2.message).toMatch(/trùng nội dung với tệp bao cao 6 thang\.docx/);
    const r3 = await processFile(jobs.text!, deps);
    expect(r3).toMatchObject({ status: 'failed', code: 'UNSUPPORTED_TYPE' });
    const r4 = await processFile(jobs.invitation!, deps);
    expect(r4).toMatchObject({ status: 'not_a_report', code: 'NOT_A_REPORT' });

    expect(await listInbox(inbox)).toEqual([]);
    expect(await tree(inbox)).toEqual([
      'duplicates/ban sao.docx',
      'failed/ghi chú.docx',
      'failed/ghi chú.docx.error.json',
      'not-a-report/Hiệp Hòa/giay moi.docx',
      'not-a-report/Hiệp Hòa/giay moi.docx.error.json',
      'processed/Hiệp Hòa/Đông Lỗ/bao cao 6 thang.docx',
    ]);
    expect(await sha256OfFile(r1.movedTo!)).toBe(seedSha);
    expect(await sha256OfFile(r2.movedTo!)).toBe(seedSha);
    const note = JSON.parse(await readFile(path.join(inbox, 'failed/ghi chú.docx.error.json'), 'utf8'));
    expect(note).toMatchObject({ code: 'UNSUPPORTED_TYPE', file: 'ghi chú.docx', sha256: jobs.text!.sha256 });
    expect(note.message).toMatch(/không phải tệp Word/);
    expect(Date.parse(note.time)).toBeGreaterThan(Date.now() - 120_000);
    const notReport = JSON.parse(await readFile(path.join(inbox, 'not-a-report/Hiệp Hòa/giay moi.docx.error.json'), 'utf8'));
    expect(notReport).toMatchObject({ code: 'NOT_A_REPORT', file: 'Hiệp Hòa/giay moi.docx' });
    expect(notReport.message).toMatch(/giấy mời/i);

    // the database knows where each file went
    const row = (await app.files.bySha(seedSha))!;
    expect(row).toMatchObject({ status: 'processed', stored_path: r1.movedTo });
    expect((await app.files.bySha(jobs.text!.sha256))!).toMatchObject({ status: 'failed', error_code: 'UNSUPPORTED_TYPE', stored_path: r3.movedTo });
    expect(await app.reports.count()).toBe(1);
  });

  it('a retried job finds its file where it went: same answer, nothing new', async () => {
    const before = await tree(inbox);
    for (const k of ['report', 'copy', 'text', 'invitation']) {
      const again = await processFile(jobs[k]!, deps);
      expect(again.status).toBe({ report: 'processed', copy: 'duplicate', text: 'failed', invitation: 'not_a_report' }[k]);
    }
    expect(await tree(inbox)).toEqual(before);
    expect(await app.reports.count()).toBe(1);
  });

  it('the same content dropped again later, at the same path: a duplicate', async () => {
    const again = await put('Hiệp Hòa/Đông Lỗ/bao cao 6 thang.docx', SEED_DOCX);
    const r = await processFile(await jobFor(again), deps);
    expect(r).toMatchObject({ status: 'duplicate', movedTo: path.join(inbox, 'duplicates/Hiệp Hòa/Đông Lỗ/bao cao 6 thang.docx') });
    // a failed content dropped again is tried again (the drop is the staff's retry)
    const text = await put('ghi chú.docx', Buffer.from('Đây là ghi chú, không phải tệp Word.\n'));
    const rt = await processFile(await jobFor(text), deps);
    expect(rt).toMatchObject({ status: 'failed', code: 'UNSUPPORTED_TYPE', movedTo: path.join(inbox, 'failed/ghi chú (1).docx') });
    expect(await stat(path.join(inbox, 'failed/ghi chú (1).docx.error.json'))).toBeTruthy();
  });

  it('outcome recorded but the move did not happen (a crash between): the retry moves it', async () => {
    const file = await put('cham/bao cao.pdf', path.resolve('samples/seed/dong-lo-2024-h1.pdf'));
    const job = await jobFor(file);
    const { inbox: _unmanaged, ...plain } = job;
    expect((await processFile(plain, deps)).status).toBe('processed'); // recorded, file left in place
    expect(await listInbox(inbox)).toHaveLength(1);
    const r = await processFile(job, deps);
    expect(r).toMatchObject({ status: 'processed', movedTo: path.join(inbox, 'processed/cham/bao cao.pdf') });
    expect(await app.reports.count()).toBe(2);
  });

  it('a job that failed for good goes to failed/ with its reason', async () => {
    const file = await put('kẹt.docx', SEED_DOCX.replace('.docx', '.pdf'));
    const job = await jobFor(file);
    const stalled = new Error('job stalled more than allowable limit');
    stalled.name = 'UnrecoverableError';
    const r = await settleFailedJob(job, stalled, deps);
    expect(r).toMatchObject({ status: 'failed', code: 'JOB_STALLED', movedTo: path.join(inbox, 'failed/kẹt.docx') });
    const note = JSON.parse(await readFile(`${r.movedTo}.error.json`, 'utf8'));
    expect(note.code).toBe('JOB_STALLED');
    expect(note.message).toMatch(/gián đoạn/);
  });
});

describe('database unreachable', () => {
  it('is not the file\'s fault: TransientError, retried without using attempts', async () => {
    const file = await put('mat ket noi.pdf', Buffer.concat([await readFile(path.resolve('samples/seed/dong-lo-2024-h1.pdf')), Buffer.from('\n%down\n')]));
    let refusals = 5;
    const down = Object.assign(Object.create(Object.getPrototypeOf(app.files)), app.files, {
      claim: async (...args: Parameters<App['files']['claim']>) => {
        if (refusals-- > 0) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return app.files.claim(...args);
      },
    });
    const flaky = { ...deps, files: down };
    await expect(processFile(await jobFor(file), flaky)).rejects.toMatchObject({ name: 'TransientError' });
    // 3 attempts would not be enough; transient retries do not count
    const queue = createInProcessQueue({ concurrency: 1, processor: (d) => processFile(d, flaky), retry: { backoffDelayMs: 10 }, transientPauseMs: 20 });
    const r = await queue.run(await jobFor(file));
    await queue.close();
    expect(r).toMatchObject({ status: 'processed', movedTo: path.join(inbox, 'processed/mat ket noi.pdf') });
    expect(refusals).toBeLessThan(0);
  });
});

describe('baocao watch (PostgreSQL, in-process queue)', () => {
  it('takes a file only once completely written, processes it, moves it, stops on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-watch-e2e-'));
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('options', `-c search_path=${t.schema}`);
    const child = spawn(process.execPath, ['bin/baocao.js', 'watch', dir], {
      env: { ...process.env, DATABASE_URL: url.toString(), REDIS_URL: '', BAOCAO_STABLE_MS: '500', BAOCAO_RESCAN_MS: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const until = async (cond: () => Promise<boolean> | boolean, ms: number) => {
        const end = Date.now() + ms;
        while (!(await cond())) {
          if (Date.now() > end) throw new Error(`timed out; stderr:\n${err}`);
          await sleep(50);
        }
      };
      await until(() => err.includes('Đang theo dõi'), 30_000);
      // A slow copy: three chunks, 300 ms apart (each gap shorter than the 500 ms window).
      // (other bytes than the seed PDF processed above: a comment line after %%EOF)
      const bytes = Buffer.concat([await readFile(path.resolve('samples/seed/dong-lo-2024-h1.pdf')), Buffer.from(`\n%watch ${Date.now()}\n`)]);
      const name = 'Báo cáo Đông Lỗ.pdf'.normalize('NFD');
      await mkdir(path.join(dir, 'xã Đông Lỗ'));
      const target = path.join(dir, 'xã Đông Lỗ', name);
      const fh = await open(target, 'w');
      const third = Math.ceil(bytes.length / 3);
      for (let i = 0; i < 3; i++) {
        await fh.write(bytes.subarray(i * third, (i + 1) * third));
        await fh.sync();
        if (i < 2) await sleep(300);
      }
      await fh.close();
      const moved = path.join(dir, 'processed', 'xã Đông Lỗ', name);
      await until(() => stat(moved).then(() => true, () => false), 40_000);
      expect(await tree(dir)).toEqual([path.join('processed', 'xã Đông Lỗ', name)]);
      expect(err).not.toMatch(/lỗi/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});

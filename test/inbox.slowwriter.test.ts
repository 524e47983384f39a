// A writer that pauses longer than the stability window (a copy over a slow share): the file is
// taken only once complete and closed by its writer (open handles seen in /proc); bytes that
// change after the file was taken restart the job on the new content, the record following the
// file; a file in failed/ whose content changed since is taken again.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { sha256OfBuffer, sha256OfFile } from '../src/inbox/identity.ts';
import { listChangedFailed } from '../src/inbox/scan.ts';
import { StabilityTracker } from '../src/inbox/stable.ts';
import { watchInbox } from '../src/inbox/watch.ts';
import { forgetWriterScan, isOpenForWriting } from '../src/inbox/writers.ts';
import { pipelineDeps, processFile, type PipelineDeps } from '../src/pipeline.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

const SEED = path.resolve('samples/inbox/dong-lo-2024-h1.docx');
const STABLE_MS = 1000;
const PAUSE_MS = 3500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestDatabase;
let app: App;
let deps: PipelineDeps;
let base: string;
let full: Buffer;

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  app = createApp(t);
  deps = { ...pipelineDeps(app, loadConfig({})), isolate: false };
  base = await mkdtemp(path.join(tmpdir(), 'baocao-slow-'));
  full = await readFile(SEED);
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
  if (base) await rm(base, { recursive: true, force: true });
});

/** Another process writes `source` into `target` in three chunks, PAUSE_MS apart, keeping the file
 *  open all along (as a copy over SMB does); resolves with the time it closed the file. */
function slowWriter(source: string, target: string): { child: ChildProcess; closed: Promise<number> } {
  const script = `
    const fs = require('node:fs');
    const [source, target, pause] = process.argv.slice(1);
    const bytes = fs.readFileSync(source);
    const fd = fs.openSync(target, 'w');
    const third = Math.ceil(bytes.length / 3);
    let i = 0;
    const next = () => {
      fs.writeSync(fd, bytes.subarray(i * third, (i + 1) * third));
      if (++i < 3) return setTimeout(next, Number(pause));
      fs.closeSync(fd);
      process.stdout.write(String(Date.now()));
    };
    next();`;
  const child = spawn(process.execPath, ['-e', script, source, target, String(PAUSE_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const closed = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`writer exited ${code}`))));
  });
  return { child, closed };
}

describe('taking a file', () => {
  it('sees a writer holding the file open: true while it writes, false for a reader and after it closed', async () => {
    const dir = await mkdtemp(path.join(base, 'open-'));
    const file = path.join(dir, 'x.docx');
    const { closed } = slowWriter(SEED, file);
    while (!(await stat(file).catch(() => null))?.size) await sleep(20);
    forgetWriterScan();
    expect(await isOpenForWriting(file)).toBe(true);
    await closed;
    forgetWriterScan();
    expect(await isOpenForWriting(file)).toBe(false);
    const reader = spawn(process.execPath, ['-e', `const fs=require('node:fs');const fd=fs.openSync(process.argv[1],'r');process.stdout.write('open');setTimeout(()=>fs.closeSync(fd),5000)`, file]);
    await new Promise((r) => reader.stdout.once('data', r));
    forgetWriterScan();
    expect(await isOpenForWriting(file)).toBe(false);
    reader.kill();
  }, 30_000);

  it('without seeing writers the partial file would be taken (what the issue saw)', async () => {
    const dir = await mkdtemp(path.join(base, 'blind-'));
    const file = path.join(dir, 'x.docx');
    const taken: string[] = [];
    const tracker = new StabilityTracker({
      stableMs: STABLE_MS,
      openForWriting: async () => false,
      onStable: (f) => void sha256OfFile(f).then((s) => taken.push(s)),
    });
    const { closed } = slowWriter(SEED, file);
    while (!(await stat(file).catch(() => null))?.size) await sleep(20);
    tracker.touch(file);
    await closed;
    tracker.close();
    expect(taken.length).toBeGreaterThan(0);
    expect(taken[0]).not.toBe(sha256OfBuffer(full));
  }, 30_000);

  it('the watcher offers the file once, after its writer closed it, with the complete content', async () => {
    const inbox = await mkdtemp(path.join(base, 'inbox-'));
    const offers: { at: number; sha256: string }[] = [];
    const w = watchInbox(inbox, (f: string, _st: Stats) => void sha256OfFile(f).then((s) => offers.push({ at: Date.now(), sha256: s })), { stableMs: STABLE_MS, rescanMs: 0 });
    await w.ready;
    const { closed } = slowWriter(SEED, path.join(inbox, 'Báo cáo chép chậm.docx'));
    const closedAt = await closed;
    await sleep(STABLE_MS * 3);
    await w.close();
    expect(offers).toHaveLength(1);
    expect(offers[0]!.at).toBeGreaterThanOrEqual(closedAt);
    expect(offers[0]!.sha256).toBe(sha256OfBuffer(full));
  }, 30_000);
});

describe('bytes that change after the file was taken', () => {
  it('restart the job on the new content; the stored record is the complete file\'s, none for the partial', async () => {
    const inbox = await mkdtemp(path.join(base, 'restart-'));
    const file = path.join(inbox, 'x.docx');
    const partial = full.subarray(0, Math.floor(full.length / 2));
    // Taken when half written (the job carries that sha256); complete by the time it runs.
    await writeFile(file, full);
    const r = await processFile({ path: file, sha256: sha256OfBuffer(partial), originalName: 'x.docx', inbox }, deps);
    expect(r.status).toBe('processed');
    expect(await app.files.bySha(sha256OfBuffer(partial))).toBeUndefined();
    const row = await app.files.bySha(sha256OfBuffer(full));
    expect(row).toMatchObject({ status: 'processed', stored_path: path.join(inbox, 'processed', 'x.docx') });
    expect(await readFile(row!.stored_path)).toEqual(full);
    await rm(path.join(inbox, 'processed'), { recursive: true });
    await t.db.deleteFrom('reports').execute();
    await t.db.deleteFrom('received_files').execute();
  });

  it('a file in failed/ whose content changed is taken again: processed, the record follows it, the old note goes', async () => {
    const inbox = await mkdtemp(path.join(base, 'failed-'));
    await mkdir(path.join(inbox, 'Xã A'));
    const file = path.join(inbox, 'Xã A', 'bao-cao.docx');
    const partial = full.subarray(0, Math.floor(full.length / 3));
    await writeFile(file, partial);
    const first = await processFile({ path: file, sha256: sha256OfBuffer(partial), originalName: 'bao-cao.docx', inbox }, deps);
    expect(first).toMatchObject({ status: 'failed', code: 'CORRUPT_DOCX' });
    const inFailed = path.join(inbox, 'failed', 'Xã A', 'bao-cao.docx');
    expect(first.movedTo).toBe(inFailed);
    expect(JSON.parse(await readFile(`${inFailed}.error.json`, 'utf8'))).toMatchObject({ sha256: sha256OfBuffer(partial) });
    expect(await listChangedFailed(inbox)).toEqual([]);

    // The writer goes on writing into the moved file.
    await sleep(30);
    await appendFile(inFailed, full.subarray(partial.length));
    expect(await listChangedFailed(inbox)).toEqual([inFailed]);

    // The watcher's rescan offers it again; the job runs on it.
    const offered: string[] = [];
    const w = watchInbox(inbox, (f: string) => offered.push(f), { stableMs: 200, rescanMs: 0 });
    await w.ready;
    await sleep(1500);
    await w.close();
    expect(offered).toEqual([inFailed]);
    const again = await processFile({ path: inFailed, sha256: await sha256OfFile(inFailed), originalName: 'bao-cao.docx', inbox }, deps);
    expect(again.status).toBe('processed');
    expect(again.movedTo).toBe(path.join(inbox, 'processed', 'Xã A', 'bao-cao.docx'));
    expect(await readdir(path.join(inbox, 'failed', 'Xã A'))).toEqual([]);
    expect(await app.files.bySha(sha256OfBuffer(partial))).toBeUndefined();
    expect(await app.files.bySha(sha256OfBuffer(full))).toMatchObject({ status: 'processed', stored_path: again.movedTo });
    await t.db.deleteFrom('reports').execute();
    await t.db.deleteFrom('received_files').execute();
  });

  it('a failed file that fails again stays in failed/ with a fresh note (no loop)', async () => {
    const inbox = await mkdtemp(path.join(base, 'again-'));
    const file = path.join(inbox, 'hong.docx');
    await writeFile(file, full.subarray(0, 100));
    const first = await processFile({ path: file, sha256: await sha256OfFile(file), originalName: 'hong.docx', inbox }, deps);
    const inFailed = first.movedTo!;
    await sleep(30);
    await appendFile(inFailed, Buffer.from('still broken'));
    expect(await listChangedFailed(inbox)).toEqual([inFailed]);
    const second = await processFile({ path: inFailed, sha256: await sha256OfFile(inFailed), originalName: 'hong.docx', inbox }, deps);
    expect(second).toMatchObject({ status: 'failed', movedTo: inFailed });
    expect(await readFile(inFailed)).toEqual(Buffer.concat([full.subarray(0, 100), Buffer.from('still broken')]));
    expect(JSON.parse(await readFile(`${inFailed}.error.json`, 'utf8')).sha256).toBe(await sha256OfFile(inFailed));
    expect(await listChangedFailed(inbox)).toEqual([]);
  });
});

describe('copying a file in, not written by us', () => {
  it('copyFile (one go) is taken as usual', async () => {
    const inbox = await mkdtemp(path.join(base, 'copy-'));
    const offered: string[] = [];
    const w = watchInbox(inbox, (f: string) => offered.push(f), { stableMs: 300, rescanMs: 0 });
    await w.ready;
    await copyFile(SEED, path.join(inbox, 'a.docx'));
    await sleep(2000);
    await w.close();
    expect(offered).toEqual([path.join(inbox, 'a.docx')]);
  });
});

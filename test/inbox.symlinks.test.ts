// Nothing is read, moved or served through a symbolic link. An inbox holding a symlink to a file
// outside it, a symlink to a folder outside it (with reports in it), a symlink inside a
// subfolder: the watcher and `ingest`'s listing agree (the real files only; each link reported
// once, left in place); the processor refuses a job whose path is a link or lies under a linked
// folder (nothing recorded, nothing moved — the files outside stay where they are); an outcome
// folder that is a link receives nothing; the download never follows a link planted in processed/.
import { mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, unlink, writeFile, copyFile, lstat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository } from '../src/db/repositories/tokens.ts';
import { sha256OfFile } from '../src/inbox/identity.ts';
import { moveIntoFolder } from '../src/inbox/move.ts';
import { readReceived } from '../src/inbox/safe.ts';
import { listInbox } from '../src/inbox/scan.ts';
import { watchInbox } from '../src/inbox/watch.ts';
import { pipelineDeps, processFile, type PipelineDeps } from '../src/pipeline.ts';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

const SEED = path.resolve('samples/inbox/dong-lo-2024-h1.docx');

let t: TestDatabase;
let app: App;
let deps: PipelineDeps;
let base: string;
let inbox: string;
let outside: string;

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  app = createApp(t);
  deps = { ...pipelineDeps(app, loadConfig({})), isolate: false };
  base = await mkdtemp(path.join(tmpdir(), 'baocao-symlinks-'));
  inbox = path.join(base, 'inbox');
  outside = path.join(base, 'outside');
  await mkdir(path.join(inbox, 'Hiệp Hòa'), { recursive: true });
  await mkdir(outside, { recursive: true });
  // Outside: a secret, and a folder of reports the link must not let anyone move.
  await writeFile(path.join(outside, 'secret.txt'), 'mật khẩu máy chủ\n');
  await copyFile(SEED, path.join(outside, 'bao-cao-ngoai.docx'));
  // Inside: one real report, and the links.
  await copyFile(SEED, path.join(inbox, 'Hiệp Hòa', 'that.docx'));
  await symlink(path.join(outside, 'bao-cao-ngoai.docx'), path.join(inbox, 'lien-ket.docx'));
  await symlink(outside, path.join(inbox, 'thu-muc-lien-ket'));
  await symlink(path.join(outside, 'secret.txt'), path.join(inbox, 'Hiệp Hòa', 'mat-khau.pdf'));
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
  if (base) await rm(base, { recursive: true, force: true });
});

const LINKS = () => [path.join(inbox, 'Hiệp Hòa', 'mat-khau.pdf'), path.join(inbox, 'lien-ket.docx'), path.join(inbox, 'thu-muc-lien-ket')].sort();
const outsideUntouched = async () => {
  expect((await readdir(outside)).sort()).toEqual(['bao-cao-ngoai.docx', 'secret.txt']);
  expect(await readFile(path.join(outside, 'bao-cao-ngoai.docx'))).toEqual(await readFile(SEED));
};

describe('listing and watching agree', () => {
  it('ingest\'s listing: the real file only; every link reported', async () => {
    const links: string[] = [];
    expect(await listInbox(inbox, { onSymlink: (f) => links.push(f) })).toEqual([path.join(inbox, 'Hiệp Hòa', 'that.docx')]);
    expect(links.sort()).toEqual(LINKS());
  });

  it('the watcher: the same file; each link reported once, even across rescans; links left in place', async () => {
    const offered: string[] = [];
    const links: string[] = [];
    const w = watchInbox(inbox, (f: string, _st: Stats) => offered.push(f), { stableMs: 200, rescanMs: 0, onSymlink: (f) => links.push(f) });
    await w.ready;
    await w.rescan();
    await w.rescan();
    await new Promise((r) => setTimeout(r, 1500));
    await w.close();
    expect(offered).toEqual([path.join(inbox, 'Hiệp Hòa', 'that.docx')]);
    expect(links.sort()).toEqual(LINKS());
    for (const l of LINKS()) expect((await lstat(l)).isSymbolicLink()).toBe(true);
    await outsideUntouched();
  });
});

describe('the processor', () => {
  it('a job on a link: nothing read, recorded or moved', async () => {
    const link = path.join(inbox, 'lien-ket.docx');
    const r = await processFile({ path: link, sha256: await sha256OfFile(SEED), originalName: 'lien-ket.docx', inbox }, deps);
    expect(r).toMatchObject({ status: 'failed', code: 'SYMLINK' });
    expect(r.message).toMatch(/liên kết tượng trưng/);
    expect(await app.files.bySha(await sha256OfFile(SEED))).toBeUndefined();
    expect(await readlink(link)).toBe(path.join(outside, 'bao-cao-ngoai.docx'));
    await outsideUntouched();
  });

  it('a job on a real file under a linked folder (INBOX/link → outside): refused; the file outside is not moved', async () => {
    const via = path.join(inbox, 'thu-muc-lien-ket', 'bao-cao-ngoai.docx');
    const r = await processFile({ path: via, sha256: await sha256OfFile(SEED), originalName: 'bao-cao-ngoai.docx', inbox }, deps);
    expect(r).toMatchObject({ status: 'failed', code: 'SYMLINK' });
    expect(r.message).toMatch(/ngoài thư mục nhận/);
    expect(await readdir(inbox)).not.toContain('processed');
    await outsideUntouched();
  });

  it('reading: O_NOFOLLOW for the last component, the real path for the folders', async () => {
    await expect(readReceived(path.join(inbox, 'lien-ket.docx'))).rejects.toMatchObject({ code: 'SYMLINK' });
    await expect(readReceived(path.join(inbox, 'thu-muc-lien-ket', 'secret.txt'), { inbox })).rejects.toMatchObject({ code: 'SYMLINK' });
    expect((await readReceived(path.join(inbox, 'Hiệp Hòa', 'that.docx'), { inbox })).length).toBeGreaterThan(1000);
  });

  it('an outcome folder that is a link receives nothing', async () => {
    const inbox2 = path.join(base, 'inbox2');
    await mkdir(inbox2);
    await symlink(outside, path.join(inbox2, 'processed'));
    const file = path.join(inbox2, 'x.docx');
    await copyFile(SEED, file);
    await expect(moveIntoFolder(inbox2, file, 'processed')).rejects.toMatchObject({ code: 'SYMLINK' });
    expect(await readFile(file)).toEqual(await readFile(SEED));
    await outsideUntouched();
  });

  it('the real file goes through, and the links are still there afterwards', async () => {
    const real = path.join(inbox, 'Hiệp Hòa', 'that.docx');
    const r = await processFile({ path: real, sha256: await sha256OfFile(real), originalName: 'that.docx', inbox }, deps);
    expect(r.status).toBe('processed');
    expect(r.movedTo).toBe(path.join(inbox, 'processed', 'Hiệp Hòa', 'that.docx'));
    for (const l of LINKS()) expect((await lstat(l)).isSymbolicLink()).toBe(true);
    await outsideUntouched();
  });
});

describe('the download never follows a link planted in processed/', () => {
  it('200 with the received bytes; 404 once the file is swapped for a link — even one to identical bytes', async () => {
    const tokens = new TokensRepository(t.db);
    const viewer = (await tokens.create('Xem', 'viewer')).token;
    const queue = createInProcessQueue({ concurrency: 1, processor: app.processor });
    const server = await buildServer({
      app,
      workspace: new Workspace({ db: t.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } }),
      tokens,
      intake: inProcessIntake(queue),
      inboxDir: inbox,
      maxFileBytes: 10 * 1024 * 1024,
    });
    try {
      const row = await app.files.bySha(await sha256OfFile(SEED));
      const report = await app.reports.byFile(row!.id);
      const stored = path.join(inbox, 'processed', 'Hiệp Hòa', 'that.docx');
      expect(row!.stored_path).toBe(stored);
      const get = () => server.inject({ method: 'GET', url: `/api/reports/${report!.id}/file`, headers: { authorization: `Bearer ${viewer}` } });
      const ok = await get();
      expect(ok.statusCode).toBe(200);
      expect(ok.rawPayload).toEqual(await readFile(SEED));

      await unlink(stored);
      await symlink(path.join(outside, 'secret.txt'), stored);
      const secret = await get();
      expect(secret.statusCode).toBe(404);
      expect(secret.body).not.toContain('mật khẩu');
      const detail = await server.inject({ method: 'GET', url: `/api/reports/${report!.id}`, headers: { authorization: `Bearer ${viewer}` } });
      expect(detail.json().file.available).toBe(false);

      await unlink(stored);
      await symlink(path.join(outside, 'bao-cao-ngoai.docx'), stored); // the same bytes, through a link
      expect((await get()).statusCode).toBe(404);

      await unlink(stored);
      await writeFile(stored, 'other bytes'); // a regular file, not the one received
      const changed = await get();
      expect(changed.statusCode).toBe(404);
      expect(changed.json().error.message).toMatch(/nội dung đã thay đổi/);
    } finally {
      await server.close();
      await queue.close();
    }
  });
});

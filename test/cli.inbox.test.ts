// The commands around an inbox, as a user runs them (child processes, embedded database):
//   - `ingest DIR` twice: the second run says it already has the files (not "đã xử lý N");
//     a symlink in DIR is reported and left alone, as the watcher does;
//   - `serve` resumes what a crash left in its inbox on start, without --watch and with it;
//   - bidirectional-text controls never reach a stored or shown file name.
import { spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { copyFile, lstat, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFileName } from '../src/api/intake.ts';
import { attachment } from '../src/api/routes.ts';
import { displayName } from '../src/inbox/identity.ts';
import { errorNote } from '../src/inbox/move.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/baocao.js');
const SEED = path.resolve('samples/inbox/dong-lo-2024-h1.docx');
const SEED_PDF = path.resolve('samples/inbox/dong-lo-2024-h1.pdf');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let base: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'baocao-cli-inbox-'));
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

function envFor(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BAOCAO_DATA_DIR: dataDir, BAOCAO_STABLE_MS: '300', ...extra };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

describe('baocao ingest, twice', () => {
  it('the second run reports the files it already has as such; a symlink is reported, not followed', async () => {
    const dir = path.join(base, 'ingest');
    const outside = path.join(base, 'ingest-outside');
    await mkdir(path.join(dir, 'Hiệp Hòa'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await copyFile(SEED, path.join(dir, 'dong-lo.docx'));
    await copyFile(SEED_PDF, path.join(dir, 'Hiệp Hòa', 'dong-lo.pdf'));
    await copyFile(SEED, path.join(outside, 'ngoai.docx'));
    await symlink(outside, path.join(dir, 'lien-ket'));
    const env = envFor(path.join(base, 'ingest-data'));

    const first = await run(process.execPath, [BIN, 'ingest', dir], { env });
    expect(first.stdout).toMatch(/Kết quả: đã xử lý 2, lỗi 0, trùng lặp 0 \(tổng 2 tệp\); bỏ qua 1 liên kết tượng trưng/);
    expect(first.stdout).toMatch(/lien-ket: bỏ qua — liên kết tượng trưng/);

    const second = await run(process.execPath, [BIN, 'ingest', dir], { env });
    expect(second.stdout).toMatch(/Kết quả: đã xử lý 0, đã có từ trước 2, lỗi 0, trùng lặp 0 \(tổng 2 tệp\)/);
    expect(second.stdout).toMatch(/dong-lo\.docx: đã có trong cơ sở dữ liệu — đã xử lý trước đây, không xử lý lại/);
    expect(second.stdout).not.toMatch(/đã xử lý 2/);
    expect(await readdir(outside)).toEqual(['ngoai.docx']);
  }, 180_000);
});

/** Starts `baocao serve`, resolves once it listens; returns a stop function and its stderr so far. */
async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ stop: () => Promise<number>; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const deadline = Date.now() + 120_000;
  while (!/Trang tổng hợp: http/.test(err)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start: ${err}`);
    await sleep(100);
  }
  return {
    stderr: () => err,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

const exists = (p: string) => lstat(p).then(() => true, () => false);

describe('baocao serve resumes its inbox on start', () => {
  it('without --watch, then with --watch: files a crash left are processed; stale upload parts removed', async () => {
    const inbox = path.join(base, 'serve-inbox');
    await mkdir(path.join(inbox, 'Xã A'), { recursive: true });
    await copyFile(SEED, path.join(inbox, 'Xã A', 'con-lai.docx'));
    const stale = path.join(inbox, '.upload-0123456789ab.part');
    await writeFile(stale, 'half an upload');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    const env = envFor(path.join(base, 'serve-data'), { BAOCAO_INBOX: inbox });

    const plain = await startServe([], env);
    const done = await waitFor(() => exists(path.join(inbox, 'processed', 'Xã A', 'con-lai.docx')), 90_000);
    expect(await plain.stop()).toBe(0);
    expect(done, plain.stderr()).toBe(true);
    expect(plain.stderr()).toMatch(/Tiếp tục xử lý 1 tệp còn lại/);
    expect(await exists(stale)).toBe(false);

    // Another file left behind; this time with --watch.
    await copyFile(SEED_PDF, path.join(inbox, 'con-lai-2.pdf'));
    const watching = await startServe(['--watch'], env);
    const done2 = await waitFor(() => exists(path.join(inbox, 'duplicates', 'con-lai-2.pdf')).then(async (d) => d || exists(path.join(inbox, 'processed', 'con-lai-2.pdf'))), 90_000);
    expect(await watching.stop()).toBe(0);
    expect(done2, watching.stderr()).toBe(true);
    expect(await readdir(inbox)).not.toContain('con-lai-2.pdf');
  }, 300_000);
});

describe('bidirectional-text controls in file names', () => {
  const tricky = 'Báo cáo \u202Excod.exe\u202C \u2066x\u2069\u200E\u200F.docx';

  it('are stripped from stored and shown names, uploads and downloads', () => {
    expect(displayName(tricky)).toBe('Báo cáo xcod.exe x.docx');
    expect(safeFileName(tricky)).toBe('Báo cáo xcod.exe x.docx');
    expect(attachment(tricky)).not.toMatch(/%E2%80%AE|%E2%81%A6|\u202E/);
    expect(errorNote('/inbox', `/inbox/${tricky}`, 'X', 'y').file).toBe('Báo cáo xcod.exe x.docx');
  });
});

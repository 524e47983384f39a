// Moving files out of an inbox: subpath kept, never overwriting, bytes untouched, idempotent.
import { createHash } from 'node:crypto';
import { link, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropKey } from '../src/inbox/identity.ts';
import { errorNote, findMoved, inboxSubpath, moveIntoFolder, writeErrorNote } from '../src/inbox/move.ts';
import { isIgnored, listInbox } from '../src/inbox/scan.ts';

let inbox: string;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-move-'));
});
afterAll(async () => {
  await rm(inbox, { recursive: true, force: true });
});

async function drop(rel: string, content: string): Promise<string> {
  const file = path.join(inbox, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe('moving out of the inbox', () => {
  it('keeps the subpath, the bytes and the mtime', async () => {
    const file = await drop('Hiệp Hòa/xã Mai Trung/bao cao.docx', 'nội dung A');
    const before = await stat(file);
    const dest = await moveIntoFolder(inbox, file, 'processed');
    expect(dest).toBe(path.join(inbox, 'processed', 'Hiệp Hòa/xã Mai Trung/bao cao.docx'));
    expect(await readFile(dest, 'utf8')).toBe('nội dung A');
    expect((await stat(dest)).mtimeMs).toBe(before.mtimeMs);
    await expect(stat(file)).rejects.toThrow();
  });

  it('never overwrites: a clash gets " (1)", " (2)" …', async () => {
    const a = await drop('x.docx', 'first');
    const first = await moveIntoFolder(inbox, a, 'failed');
    const b = await drop('x.docx', 'second');
    const second = await moveIntoFolder(inbox, b, 'failed');
    const c = await drop('x.docx', 'third');
    const third = await moveIntoFolder(inbox, c, 'failed');
    expect([first, second, third].map((p) => path.basename(p))).toEqual(['x.docx', 'x (1).docx', 'x (2).docx']);
    expect(await readFile(first, 'utf8')).toBe('first');
    expect(await readFile(third, 'utf8')).toBe('third');
    // and finds each again by content
    expect((await findMoved(inbox, path.join(inbox, 'x.docx'), sha('second')))?.path).toBe(second);
    expect(await findMoved(inbox, path.join(inbox, 'x.docx'), sha('nothing like it'))).toBeNull();
  });

  it('is idempotent: a move interrupted after the link completes without a second copy', async () => {
    const file = await drop('sub/y.pdf', 'pdf bytes');
    // what a crash between link() and unlink() leaves behind
    await mkdir(path.join(inbox, 'processed/sub'), { recursive: true });
    await link(file, path.join(inbox, 'processed/sub/y.pdf'));
    const dest = await moveIntoFolder(inbox, file, 'processed');
    expect(dest).toBe(path.join(inbox, 'processed/sub/y.pdf'));
    expect(await readdir(path.join(inbox, 'processed/sub'))).toEqual(['y.pdf']);
    await expect(stat(file)).rejects.toThrow();
    // the source gone: ENOENT for the caller, who then finds it
    await expect(moveIntoFolder(inbox, file, 'processed')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await findMoved(inbox, file, sha('pdf bytes'))).toEqual({ path: dest, folder: 'processed' });
  });

  it('writes "<name>.error.json" beside a failed file, and scans skip outcome folders and side files', async () => {
    const file = await drop('Đông Lỗ/ghi chú.docx', 'text');
    const dest = await moveIntoFolder(inbox, file, 'failed');
    const note = await writeErrorNote(dest, errorNote(inbox, file, 'UNSUPPORTED_TYPE', 'không phải tệp Word (.docx) hoặc PDF (text)'));
    expect(path.basename(note)).toBe('ghi chú.docx.error.json');
    const json = JSON.parse(await readFile(note, 'utf8'));
    expect(json).toMatchObject({ code: 'UNSUPPORTED_TYPE', message: 'không phải tệp Word (.docx) hoặc PDF (text)', file: 'Đông Lỗ/ghi chú.docx' });
    expect(new Date(json.time).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await drop('~$bao cao.docx', 'word lock');
    await drop('.DS_Store', '');
    await drop('moi.docx', 'new');
    expect((await listInbox(inbox)).map((f) => path.relative(inbox, f))).toEqual(['moi.docx']);
    expect(isIgnored('x.docx.error.json')).toBe(true);
    expect(inboxSubpath(inbox, '/elsewhere/z.pdf')).toBe('z.pdf');
  });

  it('a drop key is per drop: same content, same path, another drop → another key', async () => {
    const file = await drop('k.docx', 'same');
    const k1 = dropKey(file, await stat(file));
    expect(dropKey(file, await stat(file))).toBe(k1);
    await rm(file);
    await new Promise((r) => setTimeout(r, 20));
    await drop('k.docx', 'same');
    expect(dropKey(file, await stat(file))).not.toBe(k1);
    expect(k1).toMatch(/^[0-9a-f]{16}$/);
  });
});

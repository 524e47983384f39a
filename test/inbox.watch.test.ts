// The inbox watcher hands a file on only when completely written (size + mtime stable), in
// subfolders, with names in NFC or NFD; never from outcome folders or side files.
import type { Stats } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StabilityTracker } from '../src/inbox/stable.ts';
import { watchInbox } from '../src/inbox/watch.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baocao-watch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

describe('stability window', () => {
  it('waits until size and mtime stayed put for the whole window', async () => {
    const file = path.join(dir, 'dang-chep.docx');
    await writeFile(file, 'a');
    const seen: { at: number; size: number }[] = [];
    const tracker = new StabilityTracker({ stableMs: 300, pollMs: 25, onStable: (_f, st) => seen.push({ at: Date.now(), size: st.size }) });
    tracker.touch(file);
    // a slow writer: a chunk every 120 ms for ~0.6 s
    for (let i = 0; i < 5; i++) {
      await sleep(120);
      await appendFile(file, 'b'.repeat(1000));
    }
    const lastWrite = Date.now();
    // mtime alone changing (same size) also restarts the window
    await sleep(150);
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const touched = Date.now();
    await until(() => seen.length > 0);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.size).toBe(5001);
    expect(seen[0]!.at - lastWrite).toBeGreaterThanOrEqual(300);
    expect(seen[0]!.at - touched).toBeGreaterThanOrEqual(250);
    await sleep(400);
    expect(seen).toHaveLength(1); // handed on once
    tracker.close();
  });

  it('forgets a file deleted before it was stable', async () => {
    const file = path.join(dir, 'tam.docx');
    await writeFile(file, 'x');
    const seen: string[] = [];
    const tracker = new StabilityTracker({ stableMs: 200, onStable: (f) => seen.push(f) });
    tracker.touch(file);
    await sleep(50);
    await rm(file);
    await sleep(400);
    expect(seen).toEqual([]);
    expect(tracker.pending).toBe(0);
    tracker.close();
  });
});

describe('watchInbox', () => {
  it('subfolders, spaces, NFC and NFD names; not outcome folders nor side files', async () => {
    const inbox = path.join(dir, 'inbox');
    const nfc = 'Báo cáo Đông Lỗ.docx'.normalize('NFC');
    const nfd = 'Báo cáo Mai Trung.docx'.normalize('NFD');
    await mkdir(path.join(inbox, 'Hiệp Hòa', 'tháng 6'), { recursive: true });
    await mkdir(path.join(inbox, 'processed'), { recursive: true });
    await mkdir(path.join(inbox, 'failed'), { recursive: true });
    // present before the watcher starts
    await writeFile(path.join(inbox, nfc), 'one');
    await writeFile(path.join(inbox, 'processed', 'old.docx'), 'done before');
    await writeFile(path.join(inbox, 'failed', 'bad.docx.error.json'), '{}');

    const seen: { file: string; st: Stats }[] = [];
    const w = watchInbox(inbox, (file, st) => seen.push({ file, st }), { stableMs: 250, rescanMs: 0 });
    await w.ready;
    await writeFile(path.join(inbox, 'Hiệp Hòa', 'tháng 6', nfd), 'two');
    await writeFile(path.join(inbox, '~$Báo cáo.docx'), 'word lock file');
    await writeFile(path.join(inbox, '.DS_Store'), '');
    await writeFile(path.join(inbox, 'Hiệp Hòa', 'đang tải.docx.part'), 'partial');
    await until(() => seen.length >= 2);
    await sleep(500);
    const rel = seen.map((s) => path.relative(inbox, s.file)).sort();
    expect(rel).toEqual([nfc, path.join('Hiệp Hòa', 'tháng 6', nfd)].sort());
    // the NFD name is kept as the file system has it (so the file can be opened and moved)
    expect(rel.some((r) => r.endsWith(nfd) && r !== r.normalize('NFC'))).toBe(true);
    expect(seen.every((s) => s.st.size === 3)).toBe(true);

    // a rescan offers files still waiting again (idempotent downstream), never the outcome folders
    await w.rescan();
    await until(() => seen.length >= 4);
    expect(new Set(seen.map((s) => s.file)).size).toBe(2);
    await w.close();
  });
});

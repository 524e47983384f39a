// Database layer on embedded PGlite in a temp dir, plus the data dir's lock.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase, pgliteLockPath } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { FilesRepository } from '../src/db/repositories/files.ts';
import { defineRepositoryTests, fakeSha, pgliteTemplate } from './helpers/db.ts';

defineRepositoryTests('pglite');

describe('pglite: the data dir and its lock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baocao-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across reopen; a second open while held is refused; close releases', async () => {
    const first = await openDatabase({ dataDir, pgliteLoadDataDir: await pgliteTemplate() });
    expect(first.kind).toBe('pglite');
    expect(existsSync(pgliteLockPath(dataDir))).toBe(true);
    expect(JSON.parse(readFileSync(pgliteLockPath(dataDir), 'utf8'))).toMatchObject({ pid: process.pid });
    await new FilesRepository(first.db).claim(fakeSha('kept'), 'k.docx', '/k.docx', 7);

    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/pglite\.lock/);

    await first.close();
    await first.close(); // idempotent
    expect(existsSync(pgliteLockPath(dataDir))).toBe(false);

    const again = await openDatabase({ dataDir });
    try {
      expect(await migrateToLatest(again)).toEqual([]);
      expect((await new FilesRepository(again.db).bySha(fakeSha('kept')))?.size_bytes).toBe(7);
    } finally {
      await again.close();
    }
  });

  it('another process cannot open a data dir this one holds', async () => {
    const held = await openDatabase({ dataDir });
    try {
      const script = `
        import { openDatabase } from './src/db/database.ts';
        try { await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log('OPENED'); process.exit(0); }
        catch (e) { console.log(e.name + ': ' + e.message); process.exit(3); }`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: process.cwd(), encoding: 'utf8', timeout: 60_000,
      });
      expect(child.stdout).toMatch(/DataDirLockedError: .*tiến trình \d+/);
      expect(child.status).toBe(3);
    } finally {
      await held.close();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    writeFileSync(
      pgliteLockPath(dataDir),
      JSON.stringify({ pid: 2 ** 22 + 12345, hostname: hostname(), startedAt: '2024-01-01T00:00:00Z' }),
    );
    const database = await openDatabase({ dataDir });
    await database.close();
    expect(existsSync(pgliteLockPath(dataDir))).toBe(false);
  });
});

// A scanned report under the pipeline's parse deadline: the OCR stops itself first (ocrDeadline),
// so the file fails with OCR_TIMEOUT and the pages it read, not with the parsing thread's bare timeout.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesRepository } from '../src/db/repositories/files.ts';
import { ReportsRepository } from '../src/db/repositories/reports.ts';
import { sha256OfBuffer } from '../src/inbox/identity.ts';
import { closeParsers, ocrDeadline, processFile } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { createTestDatabase } from './helpers/db.ts';

const SCAN = path.join(import.meta.dirname, '../samples/scans/hiep-hoa-tt-thang-2024-h1-scan.pdf');

describe('the OCR deadline inside the parse deadline', () => {
  afterAll(closeParsers);

  it('ends 10 % (at least a second) before what is left of the parse deadline', () => {
    expect(ocrDeadline(120_000)).toBe(108_000);
    expect(ocrDeadline(4_000)).toBe(3_000);
    expect(ocrDeadline(800)).toBe(500);
  });

  it('a scan that needs longer than the deadline fails with OCR_TIMEOUT, its pages counted', async () => {
    const db = await createTestDatabase('pglite');
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-ocr-deadline-'));
    try {
      const file = path.join(dir, 'ban-quet.pdf');
      await copyFile(SCAN, file);
      const deps = {
        files: new FilesRepository(db.db),
        reports: new ReportsRepository(db.db),
        registry: loadRegistry(),
        maxFileBytes: 50 * 1024 * 1024,
        limits: { parseMemoryMb: 512, parseTimeoutMs: 4_000 },
      };
      const r = await processFile({ path: file, sha256: sha256OfBuffer(await readFile(file)), originalName: 'ban-quet.pdf' }, deps);
      expect(r).toMatchObject({ status: 'failed', code: 'OCR_TIMEOUT' });
      expect(r.message).toMatch(/\d+\/\d+ trang sau \d+ s/);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.cleanup();
    }
  }, 120_000);
});

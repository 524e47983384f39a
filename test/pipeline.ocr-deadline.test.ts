// A scanned report under the pipeline's parse deadline: the OCR stops itself first (ocrDeadline),
// so the file fails with OCR_TIMEOUT and the pages it read, not with the parsing thread's bare timeout;
// and the pages read come back from the thread as progress (ingest shows them on its bar).
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilesRepository } from '../src/db/repositories/files.ts';
import { ReportsRepository } from '../src/db/repositories/reports.ts';
import { sha256OfBuffer } from '../src/inbox/identity.ts';
import { closeParsers, ocrDeadline, processFile } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { imagePdf, scanPages } from '../samples/lib/scan.ts';
import { createTestDatabase } from './helpers/db.ts';

const SCAN = path.join(import.meta.dirname, '../samples/scans/hiep-hoa-tt-thang-2024-h1-scan.pdf');
const FIXTURE = path.join(import.meta.dirname, 'fixtures/parse/report.pdf');

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
      // 18 scanned pages: seconds of OCR each (2 at a time), far beyond a 10 s deadline on any machine.
      const pages = scanPages(FIXTURE, { dpi: 200, colour: false, skew: 0.5, turns: {}, stamp: false, quality: 60 }, 'deadline');
      const file = path.join(dir, 'ban-quet-dai.pdf');
      await writeFile(file, imagePdf(Array.from({ length: 6 }, () => pages).flat()));
      const deps = {
        files: new FilesRepository(db.db),
        reports: new ReportsRepository(db.db),
        registry: loadRegistry(),
        maxFileBytes: 50 * 1024 * 1024,
        limits: { parseMemoryMb: 512, parseTimeoutMs: 10_000 },
      };
      const r = await processFile({ path: file, sha256: sha256OfBuffer(await readFile(file)), originalName: 'ban-quet-dai.pdf' }, deps);
      expect(r).toMatchObject({ status: 'failed', code: 'OCR_TIMEOUT' });
      expect(r.message).toMatch(/\d+\/18 trang sau \d+ s/);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.cleanup();
    }
  }, 120_000);

  it('reports the pages read, one by one, from the parsing thread', async () => {
    const db = await createTestDatabase('pglite');
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-ocr-progress-'));
    try {
      const file = path.join(dir, 'ban-quet.pdf');
      await copyFile(SCAN, file);
      const seen: string[] = [];
      const deps = {
        files: new FilesRepository(db.db),
        reports: new ReportsRepository(db.db),
        registry: loadRegistry(),
        maxFileBytes: 50 * 1024 * 1024,
        limits: { parseMemoryMb: 512, parseTimeoutMs: 240_000 },
        onProgress: (job: { path: string }, p: { done: number; total: number }) => seen.push(`${path.basename(job.path)} ${p.done}/${p.total}`),
      };
      const r = await processFile({ path: file, sha256: sha256OfBuffer(await readFile(file)), originalName: 'ban-quet.pdf' }, deps);
      expect(r.status).toBe('processed');
      expect(seen.length).toBeGreaterThan(1);
      const total = Number(seen[0]!.split('/')[1]);
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => `ban-quet.pdf ${i + 1}/${total}`));
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.cleanup();
    }
  }, 300_000);
});

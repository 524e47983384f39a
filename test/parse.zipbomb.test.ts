// A zip whose directory lies: a real .docx whose word/document.xml is ~1 MB of deflate that
// inflates to 1 GiB while the central directory declares ~100 kB for the whole file. Made here
// (not committed): a deflate block of 8 MiB of zeros ended by a full flush is byte-aligned and
// independent of what came before, so 128 copies of it and a final empty block are a valid
// stream of 1 GiB. Inflation must stop at the declared size: ZIP_BOMB quickly, and the process
// that parses it stays under BAOCAO_PARSE_MEMORY_MB — in `baocao extract` (in-process parse)
// and in the pipeline (parsing thread).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../samples/lib/zip.ts';
import { BaocaoError } from '../src/errors.ts';
import { inflateForParsing } from '../src/parse/limits.ts';
import { parseDocx } from '../src/parse/docx.ts';
import { inflateAll, zipDirectory, ZipInflateError } from '../src/parse/zip.ts';
import { extractFile, processFile, closeParsers } from '../src/pipeline.ts';
import { loadRegistry } from '../src/registry/index.ts';
import { sha256OfBuffer } from '../src/inbox/identity.ts';
import { FilesRepository } from '../src/db/repositories/files.ts';
import { ReportsRepository } from '../src/db/repositories/reports.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

const GIB = 1024 ** 3;
const SEED = path.resolve('samples/inbox/dong-lo-2024-h1.docx');

/** ~1 MB of raw deflate inflating to exactly 1 GiB of zeros. */
function gibibyteOfZeros(): Buffer {
  const piece = deflateRawSync(Buffer.alloc(8 * 1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(GIB / (8 * 1024 * 1024)).fill(piece), Buffer.from([0x03, 0x00])]);
}

interface RawEntry {
  name: string;
  compressed: Buffer;
  declared: number;
  crc: number;
}

/** A zip of deflated entries whose declared sizes are whatever the caller says. */
function zipWithDeclaredSizes(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The seed .docx with word/document.xml swapped for the 1 GiB stream, declaring 100 kB in all. */
function lyingDocx(): Buffer {
  const honest = readZip(readFileSync(SEED)).filter((e) => e.name !== 'word/document.xml');
  const entries: RawEntry[] = honest.map((e) => ({ name: e.name, compressed: deflateRawSync(e.data), declared: e.data.length, crc: crc32(e.data) }));
  const declaredSoFar = entries.reduce((a, e) => a + e.declared, 0);
  entries.splice(2, 0, { name: 'word/document.xml', compressed: gibibyteOfZeros(), declared: Math.max(1000, 100_000 - declaredSoFar), crc: 0 });
  return zipWithDeclaredSizes(entries);
}

let dir: string;
let lying: string;
let bytes: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baocao-zipbomb-'));
  bytes = lyingDocx();
  lying = path.join(dir, 'bao-cao-nen-doi.docx');
  await writeFile(lying, bytes);
}, 60_000);

afterAll(async () => {
  await closeParsers();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the lying zip', () => {
  it('is ~1 MB, declares ~100 kB, and really holds 1 GiB (the fixture is what it claims)', () => {
    expect(bytes.length).toBeGreaterThan(900_000);
    expect(bytes.length).toBeLessThan(1_300_000);
    const declared = zipDirectory(bytes)!.reduce((a, e) => a + e.uncompressedSize, 0);
    expect(declared).toBeLessThanOrEqual(100_000);
    // The budget, not the declaration, stops it when the entry's own size is not trusted.
    expect(() => inflateAll(bytes, 300 * 1024 * 1024)).toThrow(ZipInflateError);
  });
});

describe('inflation bounded by what is produced', () => {
  it('stops at the declared size of the lying entry, at once', () => {
    const t = performance.now();
    let err: unknown;
    try {
      inflateAll(bytes, 200 * 1024 * 1024);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZipInflateError);
    expect((err as ZipInflateError).kind).toBe('lies');
    expect((err as ZipInflateError).entry).toBe('word/document.xml');
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('stops at the total budget when entries are honest but big together', () => {
    const big = [0, 1, 2].map((i) => ({ name: `word/media/x${i}.bin`, data: Buffer.alloc(3 * 1024 * 1024, i) }));
    const zip = writeZip(big);
    expect(inflateAll(zip, 10 * 1024 * 1024)!.entries.map((e) => e.data.length)).toEqual([3, 3, 3].map((m) => m * 1024 * 1024));
    expect(() => inflateAll(zip, 8 * 1024 * 1024)).toThrow(expect.objectContaining({ kind: 'total', entry: 'word/media/x2.bin' }));
  });

  it('inflateForParsing: ZIP_BOMB for the lying zip; for a real .docx every part, once', async () => {
    expect(() => inflateForParsing(bytes)).toThrow(expect.objectContaining({ code: 'ZIP_BOMB' }));
    const seed = await readFile(SEED);
    const parts = inflateForParsing(seed)!;
    expect([...parts].map(([name, data]) => ({ name, data }))).toEqual(readZip(seed));
    // A damaged part is left out, not fatal by itself (the reader needing it says CORRUPT_DOCX).
    const broken = Buffer.from(seed);
    const doc = zipDirectory(seed)!.find((e) => e.name === 'word/styles.xml')!;
    broken.writeUInt32LE(0, doc.localOffset);
    expect(inflateAll(broken, 200 * 1024 * 1024)!.unreadable).toEqual(['word/styles.xml']);
    // The parser reads the document from those parts.
    const model = await parseDocx(seed);
    expect(model.blocks.length).toBeGreaterThan(20);
  });

  it('parseDocx and extractFile: ZIP_BOMB in well under a second', async () => {
    const registry = loadRegistry();
    let t = performance.now();
    await expect(parseDocx(bytes)).rejects.toMatchObject({ code: 'ZIP_BOMB' });
    expect(performance.now() - t).toBeLessThan(1000);
    t = performance.now();
    const err = await extractFile(lying, { registry, maxFileBytes: 50 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(err).toBeInstanceOf(BaocaoError);
    expect((err as BaocaoError).code).toBe('ZIP_BOMB');
    expect((err as BaocaoError).message).toMatch(/word\/document\.xml giải nén ra nhiều hơn dung lượng khai báo/);
  });
});

/** Peak RSS (VmHWM, kB) of a child process, read from /proc until it exits. */
function runMeasured(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string; peakMb: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = Date.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 10);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code: code ?? -1, stderr, peakMb: peakKb / 1024, ms: Date.now() - t });
    });
  });
}

describe('RSS stays under BAOCAO_PARSE_MEMORY_MB', () => {
  it('`baocao extract` on the lying .docx: one Vietnamese line with ZIP_BOMB\'s reason, peak RSS far under the limit', async () => {
    const memoryMb = 512;
    const r = await runMeasured([path.resolve('bin/baocao.js'), 'extract', lying], { ...process.env, BAOCAO_PARSE_MEMORY_MB: String(memoryMb) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bao-cao-nen-doi\.docx: tệp nén có dung lượng giải nén vượt giới hạn/);
    expect(r.peakMb).toBeGreaterThan(0);
    expect(r.peakMb).toBeLessThan(memoryMb);
    process.stdout.write(`lying zip, baocao extract: exit after ${r.ms} ms (process start included), peak RSS ${r.peakMb.toFixed(0)} MB\n`);
  }, 120_000);

  it('the pipeline (parsing thread): failed ZIP_BOMB, quickly, RSS of this process barely moves', async () => {
    const db: TestDatabase = await createTestDatabase('pglite');
    try {
      const deps = {
        files: new FilesRepository(db.db),
        reports: new ReportsRepository(db.db),
        registry: loadRegistry(),
        maxFileBytes: 50 * 1024 * 1024,
        limits: { parseMemoryMb: 512, parseTimeoutMs: 60_000 },
      };
      // Warm the thread on a real report first, so the figure below is the lying zip's own.
      const seedCopy = path.join(dir, 'seed.docx');
      await writeFile(seedCopy, await readFile(SEED));
      expect((await processFile({ path: seedCopy, sha256: sha256OfBuffer(await readFile(seedCopy)), originalName: 'seed.docx' }, deps)).status).toBe('processed');
      const before = process.memoryUsage.rss();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
      const t = performance.now();
      const r = await processFile({ path: lying, sha256: sha256OfBuffer(bytes), originalName: 'bao-cao-nen-doi.docx' }, deps);
      const ms = performance.now() - t;
      clearInterval(sampler);
      expect(r).toMatchObject({ status: 'failed', code: 'ZIP_BOMB' });
      expect(ms).toBeLessThan(3000);
      const grewMb = (peak - before) / 1048576;
      expect(grewMb).toBeLessThan(64);
      process.stdout.write(`lying zip, pipeline in a thread: ZIP_BOMB after ${ms.toFixed(0)} ms, RSS ${(before / 1048576).toFixed(0)} → peak ${(peak / 1048576).toFixed(0)} MB\n`);
    } finally {
      await db.cleanup();
    }
  }, 120_000);
});

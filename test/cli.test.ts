// The commands as a user runs them: `baocao extract`, `ingest`, `consolidate`, `flags`
// in child processes, on the embedded default (a temporary PGlite data dir).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFields, Extraction } from '../src/contract.ts';
import { fieldsOf, parseExpected } from '../samples/lib/expected.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/baocao.js');
const SEED = path.resolve('samples/seed/dong-lo-2024-h1');

interface Result { code: number; stdout: string; stderr: string }

async function baocao(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const cleanEnv = { ...process.env, ...env };
  delete cleanEnv.DATABASE_URL;
  delete cleanEnv.REDIS_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: cleanEnv, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Every key path of an object (arrays as leaves): the contract's shape. */
function shape(x: unknown, prefix = ''): string[] {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return [prefix];
  return Object.entries(x as Record<string, unknown>).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
}

describe('baocao extract', () => {
  for (const ext of ['docx', 'pdf'] as const) {
    it(`gives the seed's values from its .${ext}, in the contract's shape`, async () => {
      const r = await baocao(['extract', `${SEED}.${ext}`, '--json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as Record<string, unknown>;
      const e = Extraction.parse(json);
      // Every field of the contract is present (null where not stated).
      const fields = { ...json };
      delete fields.source; delete fields.flags; delete fields.provenance;
      expect(shape(fields).sort()).toEqual(shape(emptyFields()).sort());
      const expected = parseExpected(await readFile(`${SEED}.expected.json`, 'utf8'));
      const { source: _s, flags: _f, provenance: _p, ...got } = e;
      expect(got).toEqual(fieldsOf(expected));
      expect(e.flags.map((f) => f.code).sort()).toEqual(['COMMUNE_NAME_MISMATCH', 'MISSING_DATE', 'MISSING_NUMBER']);
      expect(e.source).toMatchObject({ file: `dong-lo-2024-h1.${ext}`, format: ext });
      expect(e.provenance['profile.population']?.quote).toContain('17.128');
    });
  }

  it('prints a readable Vietnamese summary without --json', async () => {
    const r = await baocao(['extract', `${SEED}.docx`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('xã Đông Lỗ, huyện Hiệp Hòa, tỉnh Bắc Giang');
    expect(r.stdout).toContain('nhóm 4: 5/6 (chưa đạt 26)');
  });

  it('an unreadable file: exit 1 and one line on stderr naming the file and the reason', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-cli-'));
    const bad = path.join(dir, 'bao cao hong.docx');
    await writeFile(bad, 'PK\u0003\u0004 not really a zip');
    const r = await baocao(['extract', bad, '--json']);
    await rm(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bao cao hong.docx');
    expect(lines[0]).not.toMatch(/\bat \S+:\d+/); // no stack trace
  });
});

describe('baocao ingest / consolidate / flags on the embedded default', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'baocao-data-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ingests samples/inbox, then consolidates and lists flags', async () => {
    const env = { BAOCAO_DATA_DIR: dataDir };
    const ingest = await baocao(['ingest', 'samples/inbox', '--no-progress'], env);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/đã xử lý 6, lỗi 0, trùng lặp 0/);

    // A second run stores nothing twice.
    const again = await baocao(['ingest', 'samples/inbox', '--no-progress'], env);
    expect(again.code).toBe(0);

    const json = await baocao(['consolidate', '--period', '2024-H1', '--format', 'json'], env);
    expect(json.code).toBe(0);
    const table = JSON.parse(json.stdout) as { districts: { district: string; rows: { commune: string; reported: boolean; population: number | null; flags: number }[]; totals: { population: number | null } }[] };
    const hh = table.districts.find((d) => d.district === 'Hiệp Hòa')!;
    expect(hh.rows.map((r) => r.commune)).toContain('Đông Lỗ');
    // Every commune of the district is a row; 5 have reported (the seed's .docx and .pdf are one
    // commune: the later is current), the others are shown as not reported.
    expect(hh.rows.filter((r) => r.reported).length).toBe(5);
    expect(hh.rows.length).toBe(25);
    expect(hh.totals.population).toBe(hh.rows.reduce((a, r) => a + (r.population ?? 0), 0));

    const csv = await baocao(['consolidate', '--period', '2024-H1', '--format', 'csv'], env);
    expect(csv.stdout.split('\n')[0]).toContain('Dân số');
    expect(csv.stdout).toContain('xã Đông Lỗ;17128');

    const flags = await baocao(['flags', '--period', '2024-H1'], env);
    expect(flags.code).toBe(0);
    expect(flags.stdout).toContain('Đông Lỗ [COMMUNE_NAME_MISMATCH]');
    expect(flags.stdout).toContain("Đông Lễ");
  }, 180_000); // four commands, each a process start: slow on a loaded machine
});

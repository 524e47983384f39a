// Real services for tests, isolated per run:
//   createTestDatabase('postgres') → a fresh schema in TEST_DATABASE_URL (default
//     postgres://postgres@127.0.0.1:5432/test), migrated; cleanup drops the schema.
//   createTestDatabase('pglite')   → a temp data dir loaded from a migrated template
//     (built once and cached in the OS temp dir, keyed by the migrations' content), so a
//     test file pays ~0.4 s instead of ~3 s; cleanup closes and deletes the dir.
//   testRedisUrl(), uniquePrefix(), cleanupRedisPrefix() for BullMQ tests.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFields, type Extraction } from '../../src/contract.ts';
import { openDatabase, type Database, type DatabaseKind } from '../../src/db/database.ts';
import { flattenExtraction } from '../../src/db/flatten.ts';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/db/migrate.ts';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.ts';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
}

const PREFIX_HEAD = 'bct_';

/** A name unique to this run: lower-case letters, digits and '_' — fit for a schema or a BullMQ prefix.
 *  It starts with 'bct_<base36 time>' so that leftovers of crashed runs can be recognised and swept. */
export function uniquePrefix(): string {
  return `${PREFIX_HEAD}${Date.now().toString(36)}_${process.pid.toString(36)}_${randomBytes(3).toString('hex')}`;
}

export interface TestDatabase extends Database {
  /** Drops what the test created (schema or data dir) and closes the connections. */
  cleanup(): Promise<void>;
}

export async function createTestDatabase(
  kind: DatabaseKind,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (kind === 'postgres') {
    await sweepStaleSchemas();
    const schema = uniquePrefix();
    const database = await openDatabase({ databaseUrl: testDatabaseUrl(), dataDir: tmpdir(), schema, poolMax: 5 });
    try {
      if (migrate) await migrateToLatest(database);
    } catch (err) {
      await dropSchemaAndClose(database);
      throw err;
    }
    return { ...database, cleanup: () => dropSchemaAndClose(database) };
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'baocao-test-'));
  let database: Database;
  try {
    database = await openDatabase(migrate ? { dataDir, pgliteLoadDataDir: await pgliteTemplate() } : { dataDir });
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  try {
    if (migrate) await migrateToLatest(database); // a no-op on the template; catches a stale one
  } catch (err) {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...database,
    cleanup: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function dropSchemaAndClose(database: Database): Promise<void> {
  try {
    await sql`drop schema if exists ${sql.id(database.schema)} cascade`.execute(database.db);
  } finally {
    await database.close();
  }
}

/** Drops test schemas left by runs that died more than six hours ago. */
async function sweepStaleSchemas(): Promise<void> {
  if (sweptOnce) return;
  sweptOnce = true;
  const database = await openDatabase({ databaseUrl: testDatabaseUrl(), dataDir: tmpdir(), poolMax: 1 });
  try {
    const { rows } = await sql<{ name: string }>`
      select nspname as name from pg_namespace where nspname like ${`${PREFIX_HEAD}%`}`.execute(database.db);
    const cutoff = Date.now() - 6 * 3600_000;
    for (const { name } of rows) {
      const born = parseInt(name.slice(PREFIX_HEAD.length).split('_')[0] ?? '', 36);
      if (Number.isFinite(born) && born < cutoff) {
        await sql`drop schema if exists ${sql.id(name)} cascade`.execute(database.db).catch(() => {});
      }
    }
  } finally {
    await database.close();
  }
}
let sweptOnce = false;

let templateMemo: Promise<Blob> | undefined;

/** A dump of a freshly migrated PGlite database, cached on disk by migrations + PGlite version. */
export function pgliteTemplate(): Promise<Blob> {
  return (templateMemo ??= buildTemplate());
}

async function buildTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  hash.update(pgliteVersion());
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  }
  const file = join(tmpdir(), `baocao-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    /* not cached yet */
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'baocao-template-'));
  try {
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database);
      const dump = await database.pglite!.dumpDataDir('none');
      const bytes = Buffer.from(await dump.arrayBuffer());
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(partial, bytes);
      await rename(partial, file); // atomic: parallel test files may build it at the same time
      return new Blob([bytes]);
    } finally {
      await database.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function pgliteVersion(): string {
  // The package's exports hide package.json: walk up from its entry point.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return String(pkg.version);
    } catch {
      /* keep walking */
    }
    if (dirname(dir) === dir) return 'unknown';
    dir = dirname(dir);
  }
}

/** Deletes every Redis key under a BullMQ prefix. */
export async function cleanupRedisPrefix(prefix: string, redisUrl = testRedisUrl()): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    await redis.quit();
  }
}

/** A valid extraction (the contract's example, Đông Lỗ 2024-H1) with overrides on top. */
export function sampleExtraction(overrides: Partial<Extraction> = {}): Extraction {
  const base: Extraction = {
    ...emptyFields(),
    source: { file: 'dong-lo-2024-h1.docx', sha256: 'a'.repeat(64), format: 'docx' },
    document: {
      number: '125/BC-UBND',
      date: '2024-06-20',
      title: 'Kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2024',
      signer: { name: 'Trần Văn Thìn', position: 'Phó Chủ tịch' },
    },
    unit: { commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' },
    period: '2024-H1',
    profile: {
      areaHa: 1719.58, population: 17128, households: 3807, villages: 11,
      partyCells: 18, partyMembers: 378, cadres: 21, canBo: 10, congChuc: 11, police: 5,
      incomePerCapitaMillionVnd: 54, distanceToDistrictKm: 8,
    },
    criteria: [
      { group: 1, met: 8, total: 8, unmet: [] },
      { group: 4, met: 5, total: 6, unmet: [26] },
    ],
    surveys: { done: 3, planned: 7 },
    satisfactionPercent: 100,
    starsRegistered: 3,
    budget: {
      planned: { total: 10, district: 0, commune: 10 },
      disbursed: { total: 0, district: 0, commune: 0 },
    },
    references: [{ number: '1901-CV/BCĐ', date: '2024-06-11' }],
    flags: [
      {
        code: 'COMMUNE_NAME_MISMATCH',
        severity: 'warning',
        message: "Report names the commune 'Đông Lễ' 7 times but 'Đông Lỗ' in its heading",
        evidence: ['xã Đông Lễ đăng ký đạt chuẩn …'],
      },
    ],
    provenance: {
      'profile.population': { section: 'I', quote: 'dân số là 17.128 nhân khẩu' },
      'profile.areaHa': { section: 'I', quote: 'diện tích tự nhiên 1.719,58 ha' },
      'criteria[1]': { section: 'III > 2', quote: 'nhóm tiêu chí 4: đạt 5/6 chỉ tiêu, chưa đạt chỉ tiêu 26' },
      'unit.commune': { section: 'header', quote: 'UBND XÃ ĐÔNG LỖ' },
    },
  };
  return { ...base, ...overrides };
}

/** A 64-hex sha256 made from a label (distinct labels, distinct hashes). */
export function fakeSha(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The repository suite, run on both kinds by test/db.pg.test.ts and test/db.pglite.test.ts.
// ---------------------------------------------------------------------------------------------

export function defineRepositoryTests(kind: DatabaseKind): void {
  describe(`repositories on ${kind}`, () => {
    let t: TestDatabase;
    let repos: Repositories;
    let n = 0;
    /** A fresh received file; `receivedAt` orders resubmissions. */
    const newFile = async (receivedAt?: string) => {
      const sha = fakeSha(`${kind}-${++n}-${Math.random()}`);
      const { id } = await repos.files.claim(sha, `file-${n}.docx`, `/inbox/file-${n}.docx`, 1000 + n);
      if (receivedAt) {
        await t.db.updateTable('received_files').set({ received_at: receivedAt }).where('id', '=', id).execute();
      }
      return { id, sha };
    };

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      repos = createRepositories(t.db);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('migrated every table into its own schema; migrating again does nothing', async () => {
      const tables = await t.db.introspection.getTables();
      const mine = tables.filter((x) => x.schema === t.schema).map((x) => x.name).sort();
      expect(mine).toEqual(['api_tokens', 'corrections', 'extracted_values', 'flag_states', 'flags', 'received_files', 'report_periods', 'reports', 'resubmission_changes', 'resubmissions', 'unit_aliases']);
      expect(await migrateToLatest(t)).toEqual([]);
      expect(await migrateToLatest(t.db)).toEqual([]);
    });

    it('claims a sha256 once: a second claim finds the first row', async () => {
      const sha = fakeSha(`${kind}-claim`);
      const first = await repos.files.claim(sha, 'a.docx', '/inbox/a.docx', 123);
      const second = await repos.files.claim(sha, 'b.docx', '/inbox/b.docx', 123);
      expect(first.isNew).toBe(true);
      expect(second).toEqual({ id: first.id, isNew: false });
      const rows = await t.db
        .selectFrom('received_files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sha256', '=', sha)
        .executeTakeFirstOrThrow();
      expect(rows.n).toBe(1);
      const file = await repos.files.bySha(sha);
      expect(file).toMatchObject({ id: first.id, original_name: 'a.docx', size_bytes: 123, status: 'received' });
      expect(typeof file!.size_bytes).toBe('number');
      expect(file!.received_at).toBeInstanceOf(Date);
    });

    it('claims concurrently: exactly one winner', async () => {
      const sha = fakeSha(`${kind}-race`);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => repos.files.claim(sha, `r${i}.pdf`, `/inbox/r${i}.pdf`, 9)),
      );
      expect(results.filter((r) => r.isNew)).toHaveLength(1);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
    });

    it('records outcomes of files', async () => {
      const a = await newFile();
      await repos.files.markFailed(a.id, 'CORRUPT_PDF', 'tệp PDF bị hỏng', 'pdf');
      expect(await repos.files.get(a.id)).toMatchObject({
        status: 'failed', error_code: 'CORRUPT_PDF', error_message: 'tệp PDF bị hỏng', format: 'pdf',
      });
      expect((await repos.files.get(a.id))!.processed_at).toBeInstanceOf(Date);
      const b = await newFile();
      await repos.files.markNotAReport(b.id, 'công văn, không phải báo cáo', 'docx');
      expect(await repos.files.get(b.id)).toMatchObject({ status: 'not_a_report', format: 'docx', error_code: null });
      const c = await newFile();
      await repos.files.markDuplicate(c.id);
      expect((await repos.files.get(c.id))!.status).toBe('duplicate');
      const d = await newFile();
      await repos.files.markProcessed(d.id, 'docx');
      expect(await repos.files.get(d.id)).toMatchObject({ status: 'processed', format: 'docx' });
      expect(await repos.files.get(999_999)).toBeUndefined();
      expect((await repos.files.byStatus('failed')).map((f) => f.id)).toContain(a.id);
    });

    it('stores a report with its values and flags; numbers come back as numbers', async () => {
      const f = await newFile();
      const extraction = sampleExtraction({ period: '2024-Q1' });
      const stored = await repos.reports.store(f.id, extraction, { unitCode: '10099' });
      expect(stored).toMatchObject({ isNew: true, isCurrent: true, supersededId: null });

      const report = (await repos.reports.get(stored.reportId))!;
      expect(report).toMatchObject({
        file_id: f.id, commune: 'Đông Lỗ', commune_kind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang',
        period: '2024-Q1', unit_code: '10099', document_number: '125/BC-UBND', document_date: '2024-06-20',
        signer_name: 'Trần Văn Thìn', signer_position: 'Phó Chủ tịch', is_current: true,
      });
      expect(report.extraction).toEqual(extraction);

      const byPath = new Map(report.values.map((v) => [v.path, v]));
      expect(byPath.get('profile.population')).toMatchObject({
        value_num: 17128, value_text: null, section: 'I', quote: 'dân số là 17.128 nhân khẩu',
      });
      expect(byPath.get('profile.areaHa')!.value_num).toBe(1719.58);
      expect(typeof byPath.get('profile.areaHa')!.value_num).toBe('number');
      expect(byPath.get('criteria[1].met')).toMatchObject({ value_num: 5, section: 'III > 2' });
      expect(byPath.get('criteria[1].unmet[0]')!.value_num).toBe(26);
      expect(byPath.get('unit.commune')).toMatchObject({ value_text: 'Đông Lỗ', section: 'header' });
      expect(byPath.get('budget.disbursed.total')).toMatchObject({ value_num: 0, section: null, quote: null });
      expect(byPath.has('profile.police')).toBe(true);
      expect(byPath.has('propaganda.banners')).toBe(false); // null: not stated, no row
      expect(report.values).toHaveLength(flattenCount(extraction));

      expect(report.flags).toHaveLength(1);
      expect(report.flags[0]).toMatchObject({
        report_id: stored.reportId, period: '2024-Q1', commune: 'Đông Lỗ', district: 'Hiệp Hòa',
        code: 'COMMUNE_NAME_MISMATCH', severity: 'warning', evidence: ['xã Đông Lễ đăng ký đạt chuẩn …'],
      });
      expect(await repos.reports.count('2024-Q1')).toBe(1);
      expect(typeof (await repos.reports.count())).toBe('number');
    });

    it('stores the same file once', async () => {
      const f = await newFile();
      const extraction = sampleExtraction({ period: '2023-H2' });
      const first = await repos.reports.store(f.id, extraction);
      const again = await repos.reports.store(f.id, extraction);
      expect(again).toEqual({ reportId: first.reportId, isNew: false, isCurrent: true, supersededId: null });
      expect(await repos.reports.count('2023-H2')).toBe(1);
      const values = await t.db
        .selectFrom('extracted_values')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('report_id', '=', first.reportId)
        .executeTakeFirstOrThrow();
      expect(values.n).toBe(flattenCount(extraction));
      expect(await repos.reports.flagsForPeriod('2023-H2')).toHaveLength(1);
    });

    it('a resubmission becomes current; the older report is kept', async () => {
      const period = '2024-H2';
      const older = await newFile('2024-12-01T08:00:00Z');
      const newer = await newFile('2024-12-05T08:00:00Z');
      const r1 = await repos.reports.store(older.id, sampleExtraction({ period }));
      const r2 = await repos.reports.store(newer.id, sampleExtraction({ period, flags: [] }));
      expect(r2).toMatchObject({ isNew: true, isCurrent: true, supersededId: r1.reportId });
      expect((await repos.reports.get(r1.reportId))!.is_current).toBe(false);

      const current = await repos.reports.listCurrent(period);
      expect(current.map((r) => r.id)).toEqual([r2.reportId]);
      expect(current[0]!.flag_count).toBe(0);
      expect(current[0]!.extraction.period).toBe(period);
      expect(await repos.reports.flagsForPeriod(period)).toEqual([]);
      expect(await repos.reports.flagsForPeriod(period, { includeSuperseded: true })).toHaveLength(1);
      expect((await repos.reports.history(period, 'Đông Lỗ', 'Hiệp Hòa')).map((r) => r.id)).toEqual([
        r2.reportId, r1.reportId,
      ]);

      // Another commune of the same period is independent.
      const other = await newFile();
      const unit = { commune: 'Mai Trung', communeKind: 'xã' as const, district: 'Hiệp Hòa', province: 'Bắc Giang' };
      const r3 = await repos.reports.store(other.id, sampleExtraction({ period, unit }));
      expect(r3.isCurrent).toBe(true);
      const listed = await repos.reports.listCurrent(period);
      // Row order follows the database's collation; displays sort with Intl.Collator('vi').
      expect(listed.map((r) => r.commune).sort()).toEqual(['Mai Trung', 'Đông Lỗ']);
      expect(listed.find((r) => r.id === r3.reportId)!.flag_count).toBe(1);
    });

    it('an older file stored late does not replace the newer one', async () => {
      const period = '2022';
      const older = await newFile('2022-12-01T08:00:00Z');
      const newer = await newFile('2022-12-20T08:00:00Z');
      const rNewer = await repos.reports.store(newer.id, sampleExtraction({ period }));
      const rOlder = await repos.reports.store(older.id, sampleExtraction({ period }));
      expect(rOlder).toMatchObject({ isNew: true, isCurrent: false, supersededId: null });
      expect((await repos.reports.listCurrent(period)).map((r) => r.id)).toEqual([rNewer.reportId]);
    });

    it('concurrent stores of one commune and period leave exactly one current report', async () => {
      const period = '2021';
      const files = [];
      for (let i = 0; i < 5; i++) files.push(await newFile(`2021-12-0${i + 1}T08:00:00Z`));
      const results = await Promise.all(files.map((f) => repos.reports.store(f.id, sampleExtraction({ period }))));
      const current = await repos.reports.listCurrent(period);
      expect(current).toHaveLength(1);
      expect(current[0]!.id).toBe(results[4]!.reportId); // the last received
    });

    it('a report without commune or period is stored, current, and replaces nothing', async () => {
      const f = await newFile();
      const stored = await repos.reports.store(f.id, sampleExtraction({ period: null }));
      expect(stored).toMatchObject({ isNew: true, isCurrent: true });
      const g = await newFile();
      const unit = { commune: null, communeKind: null, district: null, province: null };
      expect((await repos.reports.store(g.id, sampleExtraction({ period: null, unit }))).isCurrent).toBe(true);
    });

    it('rolls a failed transaction back, with affected-row counts right', async () => {
      const sha = fakeSha(`${kind}-rollback`);
      await expect(
        t.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('received_files')
            .values({ sha256: sha, original_name: 'x', stored_path: '/x', size_bytes: 1 })
            .execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await repos.files.bySha(sha)).toBeUndefined();

      // A store whose flags violate a constraint leaves no report and no values behind.
      const f = await newFile();
      const bad = sampleExtraction({ period: '2020' });
      (bad.flags[0] as { severity: string }).severity = 'fatal';
      await expect(repos.reports.store(f.id, bad)).rejects.toThrow();
      expect(await repos.reports.byFile(f.id)).toBeUndefined();
      const orphans = await t.db
        .selectFrom('extracted_values')
        .leftJoin('reports', 'reports.id', 'extracted_values.report_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('reports.id', 'is', null)
        .executeTakeFirstOrThrow();
      expect(orphans.n).toBe(0);

      const inserted = await t.db
        .insertInto('received_files')
        .values([1, 2, 3].map((i) => ({
          sha256: fakeSha(`${kind}-affected-${i}`), original_name: `${i}`, stored_path: `/${i}`, size_bytes: i,
        })))
        .executeTakeFirstOrThrow();
      expect(inserted.numInsertedOrUpdatedRows).toBe(3n);
      const updated = await t.db
        .updateTable('received_files')
        .set({ format: 'pdf' })
        .where('original_name', 'in', ['1', '2', '3'])
        .executeTakeFirstOrThrow();
      expect(updated.numUpdatedRows).toBe(3n);
      const deleted = await t.db
        .deleteFrom('received_files')
        .where('original_name', 'in', ['1', '2'])
        .executeTakeFirstOrThrow();
      expect(deleted.numDeletedRows).toBe(2n);
    });

    it('savepoints roll back part of a transaction; an aborted transaction does not commit', async () => {
      const keep = fakeSha(`${kind}-sp-keep`);
      const drop = fakeSha(`${kind}-sp-drop`);
      const trx = await t.db.startTransaction().execute();
      await trx.insertInto('received_files').values({ sha256: keep, original_name: 'k', stored_path: '/k', size_bytes: 1 }).execute();
      const sp = await trx.savepoint('sp1').execute();
      await sp.insertInto('received_files').values({ sha256: drop, original_name: 'd', stored_path: '/d', size_bytes: 1 }).execute();
      await sp.rollbackToSavepoint('sp1').execute();
      await trx.commit().execute();
      expect(await repos.files.bySha(keep)).toBeDefined();
      expect(await repos.files.bySha(drop)).toBeUndefined();

      const lost = fakeSha(`${kind}-aborted`);
      await expect(
        t.db.transaction().execute(async (tx) => {
          await tx.insertInto('received_files').values({ sha256: lost, original_name: 'l', stored_path: '/l', size_bytes: 1 }).execute();
          await sql`select 1 / 0`.execute(tx).catch(() => {}); // swallowed, but the transaction is aborted
        }),
      ).rejects.toThrow();
      expect(await repos.files.bySha(lost)).toBeUndefined();
    });
  });
}

const flattenCount = (e: Extraction) => flattenExtraction(e).length;

// Database layer on the real PostgreSQL server, each run in a schema of its own.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, defineRepositoryTests, fakeSha, type TestDatabase } from './helpers/db.ts';
import { FilesRepository } from '../src/db/repositories/files.ts';

defineRepositoryTests('postgres');

describe('postgres: schema isolation', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase('postgres'), createTestDatabase('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('two test databases share the server but not their rows', async () => {
    expect(a.kind).toBe('postgres');
    expect(a.schema).not.toBe(b.schema);
    const sha = fakeSha('isolation');
    expect((await new FilesRepository(a.db).claim(sha, 'x', '/x', 1)).isNew).toBe(true);
    expect((await new FilesRepository(b.db).claim(sha, 'x', '/x', 1)).isNew).toBe(true);
    const { rows } = await sql<{ n: number }>`select count(*) as n from received_files`.execute(a.db);
    expect(rows[0]!.n).toBe(1); // int8 parsed to a number
    const inPublic = await sql<{ n: number }>`
      select count(*) as n from information_schema.tables
      where table_schema = 'public' and table_name = 'received_files'`.execute(a.db);
    expect(inPublic.rows[0]!.n).toBe(0);
  });

  it('cleanup drops the schema', async () => {
    const c = await createTestDatabase('postgres');
    const schema = c.schema;
    await c.cleanup();
    const d = await createTestDatabase('postgres', { migrate: false });
    try {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_namespace where nspname = ${schema}`.execute(d.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await d.cleanup();
    }
  });
});

// One Kysely<DB> for both modes:
//   databaseUrl set → PostgreSQL through a pg Pool;
//   otherwise       → PGlite (embedded) in <dataDir>/pglite, guarded by <dataDir>/pglite.lock.
// Both return the same JS types: int2/int4/int8 and numeric → number, date → 'YYYY-MM-DD',
// timestamptz → Date, json/jsonb → parsed.
// `schema` puts every table (and Kysely's migration tables) in that schema through search_path;
// tests use it to get an isolated, disposable namespace in a shared database.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireLock, type HeldLock } from './lockfile.ts';
import { initdbDumpFor } from './pglite-initdb.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export { DataDirLockedError } from './lockfile.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface OpenDatabaseOptions {
  /** postgres://… — PostgreSQL mode. Without it: PGlite in dataDir. */
  databaseUrl?: string;
  /** The application's data dir; PGlite keeps its files in <dataDir>/pglite. */
  dataDir: string;
  /** A schema to work in (created if missing; search_path). Default: the server's default (public). */
  schema?: string;
  /** PGlite only: initialise a new data dir from this dump (PGlite `dumpDataDir`); tests use it. */
  pgliteLoadDataDir?: Blob;
  /** PostgreSQL only: pool size (default 10). */
  poolMax?: number;
}

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The schema tables live in (current_schema()). */
  schema: string;
  /** The PGlite instance in pglite mode (for dumps/backups); undefined for PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

// PostgreSQL type OIDs.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const asText = (v: string) => v;

export const pgliteDataPath = (dataDir: string) => join(resolve(dataDir), 'pglite');
export const pgliteLockPath = (dataDir: string) => join(resolve(dataDir), 'pglite.lock');

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) {
    throw new Error(`invalid schema name '${opts.schema}' (lower-case letters, digits, _)`);
  }
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts);
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Database> {
  const parsers: Record<number, (v: string) => unknown> = { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText };
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    types,
    // A silent network partition must not hang a job forever.
    connectionTimeoutMillis: 10_000,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  // A checked-out client that loses its connection emits 'error' too: the query that uses it fails
  // (and the job is retried); the process must not crash.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (opts.schema) await sql`create schema if not exists ${sql.id(opts.schema)}`.execute(db);
    const schema = await currentSchema(db);
    return { db, kind: 'postgres', schema, close: once(() => db.destroy()) };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

async function openPglite(opts: OpenDatabaseOptions): Promise<Database> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock: HeldLock = acquireLock(pgliteLockPath(dataDir), dataDir);
  let db: Kysely<DB> | undefined;
  try {
    // A new data folder starts from the build's initdb dump (pglite-initdb.ts) when there is one.
    const loadDataDir = opts.pgliteLoadDataDir ?? initdbDumpFor(pgliteDataPath(dataDir));
    const pglite = await PGlite.create(pgliteDataPath(dataDir), {
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asText },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    if (opts.schema) {
      await sql`create schema if not exists ${sql.id(opts.schema)}`.execute(db);
      // One session for the life of the instance: the setting stays.
      await sql`set search_path to ${sql.id(opts.schema)}`.execute(db);
    }
    const schema = await currentSchema(db);
    const opened = db;
    return {
      db: opened,
      kind: 'pglite',
      schema,
      pglite,
      close: once(async () => {
        try {
          await opened.destroy();
        } finally {
          lock.release();
        }
      }),
    };
  } catch (err) {
    await db?.destroy().catch(() => {});
    lock.release();
    throw err;
  }
}

async function currentSchema(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no current schema (search_path names no existing schema)');
  return schema;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

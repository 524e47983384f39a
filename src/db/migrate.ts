// Runs migrations/ (timestamp-named files, applied in name order) up to the latest.
// Kysely's bookkeeping tables (kysely_migration, kysely_migration_lock) live in the same
// schema as the tables: current_schema(), which openDatabase's `schema` option sets.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kysely, Migrator, sql, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export class MigrationError extends Error {
  readonly results: MigrationResult[];
  constructor(message: string, results: MigrationResult[], cause: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
    this.results = results;
  }
}

/**
 * Kysely's FileMigrationProvider, with the import done here rather than inside node_modules:
 * an import() in kysely's own code bypasses vitest's TypeScript transform (Node 20 cannot
 * load .ts by itself), an import() in this module goes through it — and through tsx.
 */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string = MIGRATIONS_DIR) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    const names = (await fs.readdir(this.folder))
      .filter((name) => /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts'))
      .sort();
    for (const name of names) {
      const module = (await import(pathToFileURL(path.join(this.folder, name)).href)) as Partial<Migration>;
      if (typeof module.up !== 'function') throw new Error(`migration ${name} exports no up()`);
      migrations[name.replace(/\.(ts|js|mjs)$/, '')] = module as Migration;
    }
    return migrations;
  }
}

function migratorFor(db: Kysely<any>, schema: string): Migrator {
  return new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    migrationTableSchema: schema,
  });
}

async function schemaOf(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no current schema to migrate');
  return schema;
}

/** Applies every pending migration; returns the names of those that ran (empty when up to date).
 *  Throws MigrationError (the failed migration's changes are rolled back with the others of the run). */
export async function migrateToLatest(target: Database | Kysely<any>): Promise<string[]> {
  const db: Kysely<any> = target instanceof Kysely ? target : target.db;
  const schema = target instanceof Kysely ? await schemaOf(db) : target.schema;
  const { error, results = [] } = await migratorFor(db, schema).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `migration ${failed ? `'${failed.migrationName}' ` : ''}failed: ${reason}`,
      results,
      error,
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of applied and pending migrations (for `baocao migrate --status`). */
export async function migrationStatus(
  target: Database | Kysely<any>,
): Promise<{ name: string; executedAt: Date | undefined }[]> {
  const db: Kysely<any> = target instanceof Kysely ? target : target.db;
  const schema = target instanceof Kysely ? await schemaOf(db) : target.schema;
  const migrations = await migratorFor(db, schema).getMigrations();
  return migrations.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}

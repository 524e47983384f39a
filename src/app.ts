// Wires the parts for one process: database (PostgreSQL or embedded PGlite), repositories,
// registry and the job processor. Commands, workers and the API all start from here.
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { FilesRepository } from './db/repositories/files.ts';
import { ReportsRepository } from './db/repositories/reports.ts';
import { processFile, type PipelineDeps } from './pipeline.ts';
import type { Processor } from './queue/types.ts';
import { loadRegistry, type Registry } from './registry/index.ts';

export interface App {
  config: Config;
  database: Database;
  files: FilesRepository;
  reports: ReportsRepository;
  registry: Registry;
  /** The one job processor, bound to this app's repositories. */
  processor: Processor;
  close(): Promise<void>;
}

export async function openApp(config: Config, opts: { schema?: string } = {}): Promise<App> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: opts.schema });
  try {
    // Safe to run from several processes: Kysely's migrator takes a lock.
    await migrateToLatest(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const files = new FilesRepository(database.db);
  const reports = new ReportsRepository(database.db);
  const registry = loadRegistry();
  const deps: PipelineDeps = { files, reports, registry, maxFileBytes: config.maxFileBytes };
  return {
    config,
    database,
    files,
    reports,
    registry,
    processor: (data) => processFile(data, deps),
    close: () => database.close(),
  };
}

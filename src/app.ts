// Wires the parts for one process: database (PostgreSQL or embedded PGlite), repositories,
// registry and the job processor. Commands, workers and the API all start from here.
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createRepositories, type FilesRepository, type ReportsRepository } from './db/repositories/index.ts';
import { pipelineDeps, processFile, type PipelineDeps } from './pipeline.ts';
import type { Processor } from './queue/types.ts';
import { loadRegistry, type Registry } from './registry/index.ts';

export interface App {
  database: Database;
  files: FilesRepository;
  reports: ReportsRepository;
  registry: Registry;
  /** What the processor works with (repositories, registry, limits from the config). */
  deps: PipelineDeps;
  /** The one job processor, bound to this app's repositories. */
  processor: Processor;
  close(): Promise<void>;
}

/** Builds the app over an open, migrated database (config: limits; defaults when omitted). */
export function createApp(database: Database, config: Config = loadConfig({})): App {
  const { files, reports } = createRepositories(database.db);
  const registry = loadRegistry();
  const deps = pipelineDeps({ database, files, reports, registry }, config);
  return {
    database,
    files,
    reports,
    registry,
    deps,
    processor: (data) => processFile(data, deps),
    close: () => database.close(),
  };
}

/** Opens the configured database (PostgreSQL or the embedded PGlite), migrates it, wires the app. */
export async function openApp(config: Config): Promise<App> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // Safe from several processes at once: Kysely's migrator takes a lock.
    await migrateToLatest(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return createApp(database, config);
}

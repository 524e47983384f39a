import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { FilesRepository } from './files.ts';
import { ReportsRepository } from './reports.ts';

export { FilesRepository, type ClaimResult } from './files.ts';
export {
  ReportsRepository,
  type CurrentReport,
  type ReportWithValues,
  type StoreReportOptions,
  type StoreReportResult,
} from './reports.ts';

export interface Repositories {
  files: FilesRepository;
  reports: ReportsRepository;
}

export function createRepositories(db: Kysely<DB>): Repositories {
  return { files: new FilesRepository(db), reports: new ReportsRepository(db) };
}

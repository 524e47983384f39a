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

// Corrections and API tokens (migration 20250603000000_corrections_tokens).
export {
  CorrectionsRepository,
  type CorrectionRow,
  type CorrectionValue,
  type CorrectionsTable,
  type NewCorrection,
} from './corrections.ts';
export {
  TokensRepository,
  TOKEN_ROLES,
  hashToken,
  type ApiTokenInfo,
  type ApiTokenRow,
  type ApiTokensTable,
  type TokenRole,
} from './tokens.ts';

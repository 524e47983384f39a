// Table types for Kysely<DB>: one interface per table, matching migrations/.
// Conventions (the same in PostgreSQL and PGlite mode, set by the parsers in database.ts):
//   int4/int8 (ids, sizes, count(*)) → number; numeric → number; date → 'YYYY-MM-DD' string;
//   timestamptz → Date; jsonb → parsed JSON (written as a JSON string).
// Later tables (corrections, api_tokens) get their own migration and interface here.
import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { Extraction } from '../contract.ts';

export const FILE_STATUSES = ['received', 'processed', 'failed', 'duplicate', 'not_a_report'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const FLAG_SEVERITIES = ['info', 'warning', 'error'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];

/** Read as Date, written as Date or ISO string; usually left to the column default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReceivedFilesTable {
  id: Generated<number>;
  sha256: string;
  original_name: string;
  stored_path: string;
  size_bytes: number;
  format: string | null;
  status: ColumnType<FileStatus, FileStatus | undefined, FileStatus>;
  error_code: string | null;
  error_message: string | null;
  received_at: Timestamp;
  processed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReportsTable {
  id: Generated<number>;
  file_id: number;
  commune: string | null;
  commune_kind: string | null;
  district: string | null;
  province: string | null;
  period: string | null;
  /** Registry code of the commune (src/registry), when the commune matched the registry. */
  unit_code: string | null;
  document_number: string | null;
  /** 'YYYY-MM-DD' (a PostgreSQL date, returned as text). */
  document_date: string | null;
  title: string | null;
  signer_name: string | null;
  signer_position: string | null;
  /** The latest received report of its commune + district + period. */
  is_current: ColumnType<boolean, boolean | undefined, boolean>;
  /** The whole contract JSON, as validated. */
  extraction: JSONColumnType<Extraction>;
  created_at: Timestamp;
}

export interface ExtractedValuesTable {
  report_id: number;
  /** JSON path of a leaf value: 'profile.population', 'criteria[3].met', 'budget.planned.total'. */
  path: string;
  value_num: number | null;
  value_text: string | null;
  /** From the extraction's provenance (exact path, else the nearest ancestor path). */
  section: string | null;
  quote: string | null;
}

export interface FlagsTable {
  id: Generated<number>;
  /** null for flags that concern several reports (a commune that did not report, …). */
  report_id: number | null;
  period: string | null;
  district: string | null;
  commune: string | null;
  code: string;
  severity: FlagSeverity;
  message: string;
  evidence: JSONColumnType<string[], string | undefined, string>;
  created_at: Timestamp;
}

export interface DB {
  received_files: ReceivedFilesTable;
  reports: ReportsTable;
  extracted_values: ExtractedValuesTable;
  flags: FlagsTable;
}

export type ReceivedFile = Selectable<ReceivedFilesTable>;
export type ReportRow = Selectable<ReportsTable>;
export type ExtractedValueRow = Selectable<ExtractedValuesTable>;
export type FlagRow = Selectable<FlagsTable>;

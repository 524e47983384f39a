// Reads for the workspace that the reports/files repositories do not offer: every report of a
// period with its file, flag counts, periods, files that gave no report. Kysely only.
import type { Kysely } from 'kysely';
import type { Extraction } from '../contract.ts';
import type { DB, FileStatus } from '../db/schema.ts';

export interface PeriodReport {
  id: number;
  file_id: number;
  commune: string | null;
  commune_kind: string | null;
  district: string | null;
  province: string | null;
  period: string | null;
  is_current: boolean;
  extraction: Extraction;
  original_name: string;
  sha256: string;
  received_at: Date;
}

/** Every report of a period (current or not) with its file, in receipt order. */
export async function reportsOfPeriod(db: Kysely<DB>, period: string): Promise<PeriodReport[]> {
  return db
    .selectFrom('reports')
    .innerJoin('received_files', 'received_files.id', 'reports.file_id')
    .select([
      'reports.id', 'reports.file_id', 'reports.commune', 'reports.commune_kind', 'reports.district', 'reports.province',
      'reports.period', 'reports.is_current', 'reports.extraction',
      'received_files.original_name', 'received_files.sha256', 'received_files.received_at',
    ])
    .where('reports.period', '=', period)
    .orderBy('received_files.received_at')
    .orderBy('reports.id')
    .execute();
}

/** Stored flags per report. */
export async function flagCounts(db: Kysely<DB>, reportIds: readonly number[]): Promise<Map<number, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('flags')
    .select(['report_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('report_id', 'in', [...reportIds])
    .groupBy('report_id')
    .execute();
  return new Map(rows.filter((r) => r.report_id !== null).map((r) => [r.report_id!, r.n]));
}

export interface PeriodSummary {
  period: string;
  /** Reports received for the period (resubmissions included). */
  reports: number;
  /** Communes with a current report. */
  current: number;
}

/** The periods that have reports, newest first. */
export async function periodsWithReports(db: Kysely<DB>): Promise<PeriodSummary[]> {
  const rows = await db
    .selectFrom('reports')
    .select([
      'period',
      (eb) => eb.fn.countAll<number>().as('reports'),
      (eb) => eb.fn.count<number>('id').filterWhere('is_current', '=', true).as('current'),
    ])
    .where('period', 'is not', null)
    .groupBy('period')
    .execute();
  return rows
    .map((r) => ({ period: r.period!, reports: Number(r.reports), current: Number(r.current) }))
    .sort((a, b) => b.period.localeCompare(a.period));
}

export interface FileWithoutReport {
  id: number;
  original_name: string;
  status: FileStatus;
  error_code: string | null;
  error_message: string | null;
  received_at: Date;
  processed_at: Date | null;
}

/** Received files that gave no report (failed, duplicate, not a report, or still waiting), newest first. */
export async function filesWithoutReport(db: Kysely<DB>, statuses?: readonly FileStatus[], limit = 500): Promise<FileWithoutReport[]> {
  let query = db
    .selectFrom('received_files')
    .leftJoin('reports', 'reports.file_id', 'received_files.id')
    .select([
      'received_files.id', 'received_files.original_name', 'received_files.status', 'received_files.error_code',
      'received_files.error_message', 'received_files.received_at', 'received_files.processed_at',
    ])
    .where('reports.id', 'is', null);
  if (statuses) query = query.where('received_files.status', 'in', [...statuses]);
  return query.orderBy('received_files.received_at', 'desc').orderBy('received_files.id', 'desc').limit(limit).execute();
}

export interface CurrentReportBrief {
  id: number;
  period: string;
  commune: string | null;
  commune_kind: string | null;
  district: string | null;
  province: string | null;
}

/** The current report of every commune and period (no extraction): what a unit's history is drawn from. */
export async function currentReports(db: Kysely<DB>): Promise<CurrentReportBrief[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['id', 'period', 'commune', 'commune_kind', 'district', 'province'])
    .where('is_current', '=', true)
    .where('period', 'is not', null)
    .where('commune', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, period: r.period! }));
}

/** The stored extractions of some reports. */
export async function extractionsOf(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, Extraction>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('reports').select(['id', 'extraction']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.extraction]));
}

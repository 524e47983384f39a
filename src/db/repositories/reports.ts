// reports + their extracted_values + their flags, written together in one transaction.
//
// "Current": of the reports for one commune + district + period, the one whose file was
// received last (ties: the higher report id) is current; the others are kept, not current.
// Receipt order rather than processing order, so that a slow worker finishing an older
// file late does not demote the resubmission. Stores of the same commune + period are
// serialised by a transaction-scoped advisory lock, so concurrent workers agree.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Extraction } from '../../contract.ts';
import { flattenExtraction } from '../flatten.ts';
import type { DB, ExtractedValueRow, FlagRow, ReportRow } from '../schema.ts';

export interface StoreReportOptions {
  /** Registry code of the commune, when it matched the registry. */
  unitCode?: string | null;
  /** When the report is new and the first of its commune + district + period (nothing to compare
   *  it with, so nothing left to do after), marks its file processed — with this format — in the
   *  same transaction: one commit per report. `fileMarked` in the result says whether it did. */
  markProcessed?: { format?: string };
}

export interface StoreReportResult {
  reportId: number;
  /** false when this file's report was stored before (nothing written this time). */
  isNew: boolean;
  /** Whether this report is the current one of its commune + period after the store. */
  isCurrent: boolean;
  /** The report that was current before and no longer is (a resubmission replaced it). */
  supersededId: number | null;
  /** Whether the file was marked processed in the same transaction (see markProcessed). */
  fileMarked?: boolean;
}

export interface CurrentReport extends ReportRow {
  /** Flags stored with this report (those of its own extraction). */
  flag_count: number;
}

export interface ReportWithValues extends ReportRow {
  values: ExtractedValueRow[];
  flags: FlagRow[];
}

const VALUE_BATCH = 500; // 6 parameters a row: far below PostgreSQL's 65 535

export class ReportsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async store(fileId: number, extraction: Extraction, opts: StoreReportOptions = {}): Promise<StoreReportResult> {
    const { unit, document, period } = extraction;
    const keyed = unit.commune !== null && period !== null;

    return this.db.transaction().execute(async (trx) => {
      if (keyed) {
        const key = JSON.stringify([period, unit.district, unit.commune]);
        await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
      }

      const inserted = await trx
        .insertInto('reports')
        .values({
          file_id: fileId,
          commune: unit.commune,
          commune_kind: unit.communeKind,
          district: unit.district,
          province: unit.province,
          period,
          unit_code: opts.unitCode ?? null,
          document_number: document.number,
          document_date: document.date,
          title: document.title,
          signer_name: document.signer.name,
          signer_position: document.signer.position,
          is_current: !keyed,
          extraction: JSON.stringify(extraction),
        })
        .onConflict((oc) => oc.column('file_id').doNothing())
        .returning('id')
        .executeTakeFirst();

      if (!inserted) {
        const existing = await trx
          .selectFrom('reports')
          .select(['id', 'is_current'])
          .where('file_id', '=', fileId)
          .executeTakeFirstOrThrow();
        return { reportId: existing.id, isNew: false, isCurrent: existing.is_current, supersededId: null };
      }
      const reportId = inserted.id;

      const values = flattenExtraction(extraction).map((row) => ({ report_id: reportId, ...row }));
      for (let i = 0; i < values.length; i += VALUE_BATCH) {
        await trx.insertInto('extracted_values').values(values.slice(i, i + VALUE_BATCH)).execute();
      }

      if (extraction.flags.length > 0) {
        await trx
          .insertInto('flags')
          .values(
            extraction.flags.map((flag) => ({
              report_id: reportId,
              period,
              district: unit.district,
              commune: unit.commune,
              code: flag.code,
              severity: flag.severity,
              message: flag.message,
              evidence: JSON.stringify(flag.evidence),
            })),
          )
          .execute();
      }

      const elected = keyed ? await this.electCurrent(trx, reportId, extraction) : { isCurrent: true, supersededId: null, others: 0 };
      let fileMarked = false;
      if (opts.markProcessed && elected.others === 0) {
        const { format } = opts.markProcessed;
        await trx
          .updateTable('received_files')
          .set({ status: 'processed', error_code: null, error_message: null, processed_at: sql<Date>`now()`, ...(format !== undefined ? { format } : {}) })
          .where('id', '=', fileId)
          .execute();
        fileMarked = true;
      }
      return { reportId, isNew: true, isCurrent: elected.isCurrent, supersededId: elected.supersededId, ...(opts.markProcessed ? { fileMarked } : {}) };
    });
  }

  /** Makes the last-received report of the new report's commune + period current. */
  private async electCurrent(
    trx: Transaction<DB>,
    reportId: number,
    extraction: Extraction,
  ): Promise<{ isCurrent: boolean; supersededId: number | null; others: number }> {
    // The commune's reports for the period (a handful), last received first: one query.
    const sameUnit = await trx
      .selectFrom('reports')
      .innerJoin('received_files', 'received_files.id', 'reports.file_id')
      .where('reports.period', '=', extraction.period)
      .where('reports.commune', '=', extraction.unit.commune)
      .where('reports.district', 'is not distinct from', extraction.unit.district)
      .select(['reports.id', 'reports.is_current'])
      .orderBy('received_files.received_at', 'desc')
      .orderBy('reports.id', 'desc')
      .execute();
    const winner = sameUnit[0]!;
    const previous = sameUnit.find((r) => r.is_current);
    const others = sameUnit.length - 1;

    if (previous?.id === winner.id) return { isCurrent: winner.id === reportId, supersededId: null, others };
    // Two statements, never two current rows at once (reports_one_current_idx).
    if (previous) {
      await trx.updateTable('reports').set({ is_current: false }).where('id', '=', previous.id).execute();
    }
    await trx.updateTable('reports').set({ is_current: true }).where('id', '=', winner.id).execute();
    return { isCurrent: winner.id === reportId, supersededId: previous?.id ?? null, others };
  }

  async get(id: number): Promise<ReportWithValues | undefined> {
    const report = await this.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!report) return undefined;
    const [values, flags] = await Promise.all([
      this.db.selectFrom('extracted_values').selectAll().where('report_id', '=', id).orderBy('path').execute(),
      this.db.selectFrom('flags').selectAll().where('report_id', '=', id).orderBy('id').execute(),
    ]);
    return { ...report, values, flags };
  }

  async byFile(fileId: number): Promise<ReportRow | undefined> {
    return this.db.selectFrom('reports').selectAll().where('file_id', '=', fileId).executeTakeFirst();
  }

  /** The current report of every commune for a period, by district then commune. */
  async listCurrent(period: string): Promise<CurrentReport[]> {
    return this.db
      .selectFrom('reports')
      .selectAll('reports')
      .select((eb) =>
        eb
          .selectFrom('flags')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('flags.report_id', '=', 'reports.id')
          .as('flag_count'),
      )
      .$narrowType<{ flag_count: number }>()
      .where('period', '=', period)
      .where('is_current', '=', true)
      .orderBy('district')
      .orderBy('commune')
      .orderBy('id')
      .execute();
  }

  /** Every report of one commune + period, newest receipt first (the history of resubmissions). */
  async history(period: string, commune: string, district: string | null): Promise<ReportRow[]> {
    return this.db
      .selectFrom('reports')
      .innerJoin('received_files', 'received_files.id', 'reports.file_id')
      .selectAll('reports')
      .where('reports.period', '=', period)
      .where('reports.commune', '=', commune)
      .where('reports.district', 'is not distinct from', district)
      .orderBy('received_files.received_at', 'desc')
      .orderBy('reports.id', 'desc')
      .execute();
  }

  /**
   * Flags of a period: those of current reports and those that belong to no report
   * (cross-report flags). `includeSuperseded` adds the flags of replaced reports.
   */
  async flagsForPeriod(period: string, opts: { includeSuperseded?: boolean } = {}): Promise<FlagRow[]> {
    let query = this.db
      .selectFrom('flags')
      .leftJoin('reports', 'reports.id', 'flags.report_id')
      .selectAll('flags')
      .where('flags.period', '=', period);
    if (!opts.includeSuperseded) {
      query = query.where((eb) => eb.or([eb('flags.report_id', 'is', null), eb('reports.is_current', '=', true)]));
    }
    return query.orderBy('flags.district').orderBy('flags.commune').orderBy('flags.id').execute();
  }

  /** Number of reports (all, or of one period). */
  async count(period?: string): Promise<number> {
    let query = this.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n'));
    if (period !== undefined) query = query.where('period', '=', period);
    const row = await query.executeTakeFirstOrThrow();
    return row.n;
  }
}

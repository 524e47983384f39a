// resubmissions + resubmission_changes (migration 20250602000000_resubmissions): for a report
// whose commune + district + period had a report received before it, which leaf values
// (extracted_values: the flattened extraction, src/db/flatten.ts) differ from that one's.
// Recording is idempotent (one row per report, keyed by report_id), so a retried job records once.
import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export interface ResubmissionsTable {
  report_id: number;
  previous_report_id: number;
  changed_count: number;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ResubmissionChangesTable {
  report_id: number;
  path: string;
  before_num: number | null;
  before_text: string | null;
  after_num: number | null;
  after_text: string | null;
}

type ResubmissionsDB = DB & { resubmissions: ResubmissionsTable; resubmission_changes: ResubmissionChangesTable };

export interface ValueLike {
  path: string;
  value_num: number | null;
  value_text: string | null;
}

export interface FieldChange {
  path: string;
  /** null: not stated in that report. */
  before: number | string | null;
  after: number | string | null;
}

export interface Resubmission {
  reportId: number;
  previousReportId: number;
  changes: FieldChange[];
}

const BATCH = 500;

/** The leaf values that differ between two reports' flattened values, by path. */
export function diffValues(before: ValueLike[], after: ValueLike[]): FieldChange[] {
  const value = (v: ValueLike | undefined) => (v === undefined ? null : v.value_num ?? v.value_text ?? null);
  const b = new Map(before.map((v) => [v.path, v]));
  const a = new Map(after.map((v) => [v.path, v]));
  const paths = [...new Set([...b.keys(), ...a.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const x = value(b.get(path));
    const y = value(a.get(path));
    if (x !== y) changes.push({ path, before: x, after: y });
  }
  return changes;
}

export class ResubmissionsRepository {
  private readonly db: Kysely<ResubmissionsDB>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ resubmissions: ResubmissionsTable; resubmission_changes: ResubmissionChangesTable }>();
  }

  /** The report of the same commune + district + period received just before this one, if any. */
  async predecessorOf(reportId: number): Promise<number | null> {
    const me = await this.db
      .selectFrom('reports')
      .innerJoin('received_files', 'received_files.id', 'reports.file_id')
      .select(['reports.commune', 'reports.district', 'reports.period', 'received_files.received_at'])
      .where('reports.id', '=', reportId)
      .executeTakeFirst();
    if (!me || me.commune === null || me.period === null) return null;
    const prev = await this.db
      .selectFrom('reports')
      .innerJoin('received_files', 'received_files.id', 'reports.file_id')
      .select('reports.id')
      .where('reports.period', '=', me.period)
      .where('reports.commune', '=', me.commune)
      .where('reports.district', 'is not distinct from', me.district)
      .where('reports.id', '!=', reportId)
      .where((eb) =>
        eb.or([
          eb('received_files.received_at', '<', me.received_at),
          eb.and([eb('received_files.received_at', '=', me.received_at), eb('reports.id', '<', reportId)]),
        ]),
      )
      .orderBy('received_files.received_at', 'desc')
      .orderBy('reports.id', 'desc')
      .executeTakeFirst();
    return prev?.id ?? null;
  }

  /**
   * Records what changed since the previous report of this report's commune + period (nothing
   * when there is none). Idempotent: a second call returns what the first recorded.
   */
  async recordFor(reportId: number): Promise<Resubmission | null> {
    const done = await this.get(reportId);
    if (done) return done;
    const previousReportId = await this.predecessorOf(reportId);
    if (previousReportId === null) return null;
    const rows = await this.db
      .selectFrom('extracted_values')
      .select(['report_id', 'path', 'value_num', 'value_text'])
      .where('report_id', 'in', [previousReportId, reportId])
      .execute();
    const changes = diffValues(
      rows.filter((r) => r.report_id === previousReportId),
      rows.filter((r) => r.report_id === reportId),
    );
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('resubmissions')
        .values({ report_id: reportId, previous_report_id: previousReportId, changed_count: changes.length })
        .onConflict((oc) => oc.column('report_id').doNothing())
        .returning('report_id')
        .executeTakeFirst();
      if (!inserted) return; // recorded meanwhile by another attempt
      const values = changes.map((c) => ({
        report_id: reportId,
        path: c.path,
        before_num: typeof c.before === 'number' ? c.before : null,
        before_text: typeof c.before === 'string' ? c.before : null,
        after_num: typeof c.after === 'number' ? c.after : null,
        after_text: typeof c.after === 'string' ? c.after : null,
      }));
      for (let i = 0; i < values.length; i += BATCH) {
        await trx.insertInto('resubmission_changes').values(values.slice(i, i + BATCH)).execute();
      }
    });
    return (await this.get(reportId)) ?? null;
  }

  /** The recorded resubmission of a report, with its changes by path. */
  async get(reportId: number): Promise<Resubmission | undefined> {
    const head = await this.db.selectFrom('resubmissions').selectAll().where('report_id', '=', reportId).executeTakeFirst();
    if (!head) return undefined;
    const rows = await this.db
      .selectFrom('resubmission_changes')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('path')
      .execute();
    return {
      reportId,
      previousReportId: head.previous_report_id,
      changes: rows.map((r) => ({ path: r.path, before: r.before_num ?? r.before_text, after: r.after_num ?? r.after_text })),
    };
  }
}

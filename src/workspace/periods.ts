// Report periods the district opens before the first report arrives (0/25 reported), each with a
// deadline; and whether a commune's report came on time, late, or not yet.
import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ReportPeriodsTable {
  period: string;
  /** 'YYYY-MM-DD': reports received through that day (Vietnam time) are on time. */
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  token_id: number | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ReportPeriodRow = Selectable<ReportPeriodsTable>;

type PeriodsDB = DB & { report_periods: ReportPeriodsTable };

export class PeriodsRepository {
  private readonly db: Kysely<PeriodsDB>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ report_periods: ReportPeriodsTable }>();
  }

  /** Opens a period, or sets the deadline of one already open. */
  async upsert(period: string, deadline: string | null, who: { name: string; tokenId: number | null }): Promise<ReportPeriodRow> {
    return this.db
      .insertInto('report_periods')
      .values({ period, deadline, created_by: who.name, token_id: who.tokenId })
      .onConflict((oc) => oc.column('period').doUpdateSet({ deadline, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async get(period: string): Promise<ReportPeriodRow | undefined> {
    return this.db.selectFrom('report_periods').selectAll().where('period', '=', period).executeTakeFirst();
  }

  async list(): Promise<ReportPeriodRow[]> {
    return this.db.selectFrom('report_periods').selectAll().orderBy('period', 'desc').execute();
  }
}

export type Timing = 'on_time' | 'late' | 'missing';

/** The first instant after a deadline day, Vietnam time (UTC+7, no daylight saving). */
export function deadlineEnd(deadline: string): Date {
  return new Date(`${deadline}T23:59:59.999+07:00`);
}

/** On time when the first report of the period came by the end of the deadline day; without a deadline, on time. */
export function timingOf(firstReceived: Date | null, deadline: string | null): Timing {
  if (!firstReceived) return 'missing';
  if (!deadline) return 'on_time';
  return firstReceived.getTime() <= deadlineEnd(deadline).getTime() ? 'on_time' : 'late';
}

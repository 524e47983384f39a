// corrections: a staff member's correction of one extracted value of one report. The report's
// extraction and extracted_values are never changed: the effective value of a path is the
// newest correction's new value, else the extracted one.
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { DB } from '../schema.ts';

/** A leaf value of the contract: a number, a text, or null (not stated). */
export type CorrectionValue = number | string | null;

export interface CorrectionsTable {
  id: Generated<number>;
  report_id: number;
  /** JSON path of a leaf, as in extracted_values: 'profile.population', 'criteria[1].met'. */
  path: string;
  /** Value before this correction (the extracted one, or the previous correction's); SQL null = not stated. */
  old_value: ColumnType<CorrectionValue, string | null, string | null>;
  new_value: ColumnType<CorrectionValue, string | null, string | null>;
  reason: string;
  /** The API token that made it (null from the command line). */
  token_id: number | null;
  /** Who: the token's name. */
  who: string;
  corrected_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type CorrectionRow = Selectable<CorrectionsTable>;

export interface NewCorrection {
  reportId: number;
  path: string;
  oldValue: CorrectionValue;
  newValue: CorrectionValue;
  reason: string;
  tokenId: number | null;
  who: string;
}

type CorrectionsDB = DB & { corrections: CorrectionsTable };

const toJson = (v: CorrectionValue): string | null => (v === null ? null : JSON.stringify(v));

export class CorrectionsRepository {
  private readonly db: Kysely<CorrectionsDB>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ corrections: CorrectionsTable }>();
  }

  async add(c: NewCorrection): Promise<CorrectionRow> {
    const row = await this.db
      .insertInto('corrections')
      .values({
        report_id: c.reportId,
        path: c.path,
        old_value: toJson(c.oldValue),
        new_value: toJson(c.newValue),
        reason: c.reason,
        token_id: c.tokenId,
        who: c.who,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return normalise(row);
  }

  /** Corrections of one report, oldest first. */
  async forReport(reportId: number): Promise<CorrectionRow[]> {
    return this.forReports([reportId]);
  }

  /** Corrections of several reports, oldest first (apply in this order: the last one wins). */
  async forReports(reportIds: readonly number[]): Promise<CorrectionRow[]> {
    if (reportIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('corrections')
      .selectAll()
      .where('report_id', 'in', [...reportIds])
      .orderBy('report_id')
      .orderBy('id')
      .execute();
    return rows.map(normalise);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('corrections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }
}

/** jsonb null and SQL null both mean "not stated". */
function normalise(row: CorrectionRow): CorrectionRow {
  return { ...row, old_value: row.old_value ?? null, new_value: row.new_value ?? null };
}

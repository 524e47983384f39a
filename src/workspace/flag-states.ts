// Flags as work items: each flag of the workspace (by its stable id) is open until staff mark it
// resolved or dismissed, with who, when and a note. Append-only: the newest row of a flag counts,
// the earlier ones are its history. A flag that a correction or an alias makes untrue disappears
// by itself (flags are recomputed, src/workspace/recheck.ts).
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FlagState } from '../labels.ts';

export interface FlagStatesTable {
  id: Generated<number>;
  flag_id: string;
  period: string | null;
  report_id: number | null;
  code: string;
  state: FlagState;
  note: string | null;
  token_id: number | null;
  who: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type FlagStateRow = Selectable<FlagStatesTable>;

export interface FlagStateView {
  state: FlagState;
  note: string | null;
  who: string;
  at: string;
}

type StatesDB = DB & { flag_states: FlagStatesTable };

export class FlagStatesRepository {
  private readonly db: Kysely<StatesDB>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ flag_states: FlagStatesTable }>();
  }

  async set(row: Omit<FlagStatesTable, 'id' | 'at'>): Promise<FlagStateRow> {
    return this.db.insertInto('flag_states').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** The newest state of every flag of a period that staff have touched. */
  async latest(period: string): Promise<Map<string, FlagStateView>> {
    const rows = await this.db.selectFrom('flag_states').selectAll().where('period', '=', period).orderBy('id').execute();
    const out = new Map<string, FlagStateView>();
    for (const r of rows) out.set(r.flag_id, { state: r.state, note: r.note, who: r.who, at: r.at.toISOString() });
    return out;
  }

  async history(flagId: string): Promise<FlagStateRow[]> {
    return this.db.selectFrom('flag_states').selectAll().where('flag_id', '=', flagId).orderBy('id').execute();
  }
}

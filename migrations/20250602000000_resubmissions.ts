// Resubmissions: when a commune sends a second, different report for the same period, the new
// one becomes current (reports.is_current) and the earlier one is kept; here is what changed
// between them — one row per resubmitted report, one row per leaf value (extracted_values path)
// that differs. Plain SQL for PostgreSQL 15 and PGlite, one statement per query.
import { sql, type Kysely } from 'kysely';

const up_statements = [
  `create table resubmissions (
     report_id          integer primary key references reports (id) on delete cascade,
     previous_report_id integer not null references reports (id) on delete cascade,
     changed_count      integer not null check (changed_count >= 0),
     created_at         timestamptz not null default now()
   )`,
  `create index resubmissions_previous_idx on resubmissions (previous_report_id)`,
  `create table resubmission_changes (
     report_id   integer not null references resubmissions (report_id) on delete cascade,
     path        text not null,
     before_num  numeric,
     before_text text,
     after_num   numeric,
     after_text  text,
     primary key (report_id, path)
   )`,
];

const down_statements = [`drop table resubmission_changes`, `drop table resubmissions`];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}

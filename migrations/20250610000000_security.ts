// Issue 8 ("close the holes"): tokens may expire (api_tokens.expires_at, null: never); received
// files are looked up by where they are (a file rewritten in place supersedes what failed there).
// Plain SQL for PostgreSQL 15 and PGlite, one statement per query.
import { sql, type Kysely } from 'kysely';

const up_statements = [
  `alter table api_tokens add column expires_at timestamptz`,
  `create index received_files_stored_path_idx on received_files (stored_path)`,
];

const down_statements = [`drop index received_files_stored_path_idx`, `alter table api_tokens drop column expires_at`];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}

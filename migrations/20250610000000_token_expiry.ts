// Tokens may expire: api_tokens.expires_at (null: never). Plain SQL for PostgreSQL 15 and PGlite.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table api_tokens add column expires_at timestamptz').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table api_tokens drop column expires_at').execute(db);
}

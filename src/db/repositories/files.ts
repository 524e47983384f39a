// received_files: one row per distinct file content (sha256). `claim` is the one door in:
// the unique sha256 makes "nothing stored twice" hold even when two watchers race.
import { sql, type Kysely } from 'kysely';
import type { DB, FileStatus, ReceivedFile } from '../schema.ts';

export interface ClaimResult {
  id: number;
  /** false when a file with this sha256 was claimed before (this one is a duplicate). */
  isNew: boolean;
}

export class FilesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async claim(sha256: string, originalName: string, storedPath: string, size: number): Promise<ClaimResult> {
    const inserted = await this.db
      .insertInto('received_files')
      .values({ sha256, original_name: originalName, stored_path: storedPath, size_bytes: size })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, isNew: true };
    const existing = await this.db
      .selectFrom('received_files')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    return { id: existing.id, isNew: false };
  }

  /** Records the detected format (docx, pdf, …) once known. */
  async setFormat(id: number, format: string): Promise<void> {
    await this.db.updateTable('received_files').set({ format }).where('id', '=', id).execute();
  }

  /** `format`: the detected format (docx, pdf, …), recorded with the outcome when given. */
  async markProcessed(id: number, format?: string): Promise<void> {
    await this.finish(id, 'processed', null, null, format);
  }

  async markFailed(id: number, code: string, message: string, format?: string): Promise<void> {
    await this.finish(id, 'failed', code, message, format);
  }

  /** The content was already received (same report under another file), nothing new stored. */
  async markDuplicate(id: number, message?: string, format?: string): Promise<void> {
    await this.finish(id, 'duplicate', null, message ?? null, format);
  }

  /** Readable, but not a commune report (a letter, a blank form, …). */
  async markNotAReport(id: number, message?: string, format?: string): Promise<void> {
    await this.finish(id, 'not_a_report', null, message ?? null, format);
  }

  /** Where the file is now (a managed inbox moves it to processed/, failed/ …; a later drop
   *  of the same content takes over a file that failed or went missing). */
  async setStoredPath(id: number, storedPath: string): Promise<void> {
    await this.db.updateTable('received_files').set({ stored_path: storedPath }).where('id', '=', id).execute();
  }

  /** Forgets a claim that has no outcome yet: the bytes it was made for never were a finished
   *  file (the file changed while it was processed). */
  async release(id: number): Promise<void> {
    await this.db.deleteFrom('received_files').where('id', '=', id).where('status', '=', 'received').execute();
  }

  /** Forgets content that failed at this path and is no longer there (the file now holds other
   *  bytes): the record follows the file. Failed rows have no report. */
  async supersedeFailedAt(storedPath: string, sha256: string): Promise<number> {
    const r = await this.db
      .deleteFrom('received_files')
      .where('stored_path', '=', storedPath)
      .where('sha256', '<>', sha256)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async get(id: number): Promise<ReceivedFile | undefined> {
    return this.db.selectFrom('received_files').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async bySha(sha256: string): Promise<ReceivedFile | undefined> {
    return this.db.selectFrom('received_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  }

  /** Files in a status, oldest first (e.g. 'received' ones to re-enqueue after a restart). */
  async byStatus(status: FileStatus, limit = 1000): Promise<ReceivedFile[]> {
    return this.db
      .selectFrom('received_files')
      .selectAll()
      .where('status', '=', status)
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  private async finish(
    id: number,
    status: FileStatus,
    code: string | null,
    message: string | null,
    format: string | undefined,
  ): Promise<void> {
    await this.db
      .updateTable('received_files')
      .set({
        status,
        error_code: code,
        error_message: message,
        processed_at: sql<Date>`now()`,
        ...(format !== undefined ? { format } : {}),
      })
      .where('id', '=', id)
      .execute();
  }
}

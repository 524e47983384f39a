// The one job processor: file → parse → document model → extractors → checks → validate → store.
// The same function runs in-process (embedded mode, `baocao ingest`) and inside BullMQ workers.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Extraction } from './contract.ts';
import type { DocumentModel } from './document/model.ts';
import { BaocaoError, toBaocaoError } from './errors.ts';
import { sha256OfBuffer } from './inbox/identity.ts';
import { parseFile } from './parse/index.ts';
import { extract } from '../extractors/index.ts';
import type { Registry } from './registry/index.ts';
import type { FilesRepository } from './db/repositories/files.ts';
import type { ReportsRepository } from './db/repositories/reports.ts';
import type { ProcessFileData, ProcessResult } from './queue/types.ts';

export interface ExtractOptions {
  registry: Registry;
  maxFileBytes: number;
}

export type FileExtraction =
  | { kind: 'report'; extraction: Extraction; doc: DocumentModel }
  | { kind: 'not_a_report'; reason: string; extraction: Extraction; doc: DocumentModel };

/** Reads one file and extracts it into the contract's shape, validated by the contract's schema.
 *  Throws BaocaoError for input that cannot be read. */
export async function extractFile(file: string, opts: ExtractOptions, known?: { sha256?: string; name?: string }): Promise<FileExtraction> {
  const info = await stat(file).catch(() => {
    throw new BaocaoError('NOT_FOUND');
  });
  if (info.size > opts.maxFileBytes) throw new BaocaoError('FILE_TOO_LARGE', `${Math.round(info.size / 1048576)} MB`);
  const bytes = await readFile(file);
  const doc = await parseFile(bytes, file);
  const result = extract(doc, { registry: opts.registry });
  const candidate = {
    source: { file: known?.name ?? path.basename(file), sha256: known?.sha256 ?? sha256OfBuffer(bytes), format: doc.format },
    ...result.fields,
    flags: result.flags,
    provenance: result.provenance,
  };
  const parsed = Extraction.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaocaoError('INVALID_EXTRACTION', `${issue.path.join('.')}: ${issue.message}`);
  }
  if (result.kind === 'not_a_report') {
    return { kind: 'not_a_report', reason: result.reason ?? 'không phải báo cáo chính quyền thân thiện', extraction: parsed.data, doc };
  }
  return { kind: 'report', extraction: parsed.data, doc };
}

export interface PipelineDeps extends ExtractOptions {
  files: FilesRepository;
  reports: ReportsRepository;
}

/**
 * Processes one received file exactly once:
 *  - the file is claimed by its sha256; a file already finished under another path is a duplicate;
 *  - a file that cannot be read or extracted is marked failed with its reason (no throw);
 *  - an error of the store (database down …) throws, so the queue retries the job.
 */
export async function processFile(job: ProcessFileData, deps: PipelineDeps): Promise<ProcessResult> {
  const size = (await stat(job.path).catch(() => null))?.size ?? 0;
  const claim = await deps.files.claim(job.sha256, job.originalName, job.path, size);
  if (!claim.isNew) {
    const existing = await deps.files.get(claim.id);
    if (existing && existing.status !== 'received') {
      if (existing.stored_path !== job.path) return { status: 'duplicate', message: `trùng với tệp ${existing.original_name}` };
      // The same file again (a retried or re-enqueued job): its outcome stands.
      return { status: existing.status === 'processed' ? 'processed' : existing.status, message: existing.error_message ?? undefined } as ProcessResult;
    }
  }
  let outcome: FileExtraction;
  try {
    outcome = await extractFile(job.path, deps, { sha256: job.sha256, name: job.originalName });
  } catch (err) {
    // Extraction is deterministic: a retry would fail the same way, so every error here is the file's.
    const e = toBaocaoError(err);
    await deps.files.markFailed(claim.id, e.code, e.message);
    return { status: 'failed', message: e.message };
  }
  if (outcome.kind === 'not_a_report') {
    await deps.files.markNotAReport(claim.id, outcome.reason, outcome.doc.format);
    return { status: 'not_a_report', message: outcome.reason };
  }
  const { reportId } = await deps.reports.store(claim.id, outcome.extraction);
  await deps.files.markProcessed(claim.id, outcome.doc.format);
  return { status: 'processed', reportId };
}

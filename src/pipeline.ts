// The one job processor: file → parse → document model → extractors → checks → validate → store.
// The same function runs in-process (embedded mode, `baocao ingest`/`watch`) and inside BullMQ
// workers. In a managed inbox (job.inbox set) it also moves the file to the folder of its
// outcome, after the database has recorded that outcome (src/inbox/move.ts).
import { lstat, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { App } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { Extraction } from './contract.ts';
import type { SourceFormat } from './document/model.ts';
import { BaocaoError, toBaocaoError } from './errors.ts';
import { displayName, sha256OfBuffer, sha256OfFile } from './inbox/identity.ts';
import { errorNote, exists, findMoved, FOLDER_OF, moveIntoFolder, STATUS_OF, writeErrorNote } from './inbox/move.ts';
import { assertMovable, entryKind, isInside, readReceived, symlinkError } from './inbox/safe.ts';
import { createIsolatedPool, IsolationUnavailableError, type IsolatedPool, type RunOptions, type ThreadCall } from './parse/isolated.ts';
import { checkLimits, tooLarge, type FileLimits } from './parse/limits.ts';
import { formatOf, parseFile, sniff, type OcrProgress, type ParseOptions, type SniffedType } from './parse/index.ts';
import { extract } from '../extractors/index.ts';
import { loadRegistry, type Registry } from './registry/index.ts';
import type { FilesRepository } from './db/repositories/files.ts';
import type { ReportsRepository } from './db/repositories/reports.ts';
import { ResubmissionsRepository } from './db/repositories/resubmissions.ts';
import { isTransientError, TransientError } from './queue/jobs.ts';
import type { ProgressBoard } from './queue/progress.ts';
import type { ProcessFileData, ProcessResult, ProcessStatus } from './queue/types.ts';

export interface ExtractOptions {
  registry: Registry;
  maxFileBytes: number;
  /** Largest declared uncompressed size of a .docx (zip); default from the config. */
  maxUnzippedBytes?: number;
}

export type FileExtraction =
  | { kind: 'report'; extraction: Extraction; format: SourceFormat; unitCode: string | null }
  | { kind: 'not_a_report'; reason: string; extraction: Extraction; format: SourceFormat };

function configuredConcurrency(): number {
  try {
    return loadConfig().concurrency;
  } catch {
    return loadConfig({}).concurrency;
  }
}

/** The limits of the environment's config (defaults when the environment has none or is invalid). */
export function configuredLimits(config?: Config): FileLimits {
  let c = config;
  if (!c) {
    try {
      c = loadConfig();
    } catch {
      c = loadConfig({});
    }
  }
  return {
    maxFileBytes: c.maxFileBytes,
    maxUnzippedBytes: c.maxUnzippedBytes,
    parseTimeoutMs: c.parseTimeoutMs,
    parseMemoryMb: c.parseMemoryMb,
  };
}

/** Reads one file and extracts it into the contract's shape, validated by the contract's schema,
 *  in this process (`baocao extract`). Throws BaocaoError for input that cannot be read. */
export async function extractFile(file: string, opts: ExtractOptions, known?: { sha256?: string; name?: string }): Promise<FileExtraction> {
  const bytes = await readChecked(file, {
    maxFileBytes: opts.maxFileBytes,
    maxUnzippedBytes: opts.maxUnzippedBytes ?? configuredLimits().maxUnzippedBytes,
  });
  return extractBytes(bytes, file, opts.registry, known, { ocr: { timeoutMs: ocrDeadline(configuredLimits().parseTimeoutMs) } });
}

/** The file's bytes — never read through a symlink, and in an inbox only from inside it
 *  (inbox/safe.ts) — after the checks that need no parsing (size, zip directory). */
async function readChecked(file: string, limits: Pick<FileLimits, 'maxFileBytes' | 'maxUnzippedBytes'>, inbox?: string): Promise<Buffer> {
  // Before reading: a 5 GB file is refused without loading it.
  const bytes = await readReceived(file, { inbox, maxBytes: limits.maxFileBytes, tooLarge: (size) => tooLarge(size, limits.maxFileBytes) });
  await checkLimits(bytes, limits);
  return bytes;
}

/** The file's bytes are not those the job was made for: it changed after it was taken. */
class ContentChanged extends Error {
  constructor(readonly sha256: string) {
    super('content changed since the file was taken');
  }
}

/** Restarts on a file whose bytes keep changing, before leaving it for the watcher. */
const MAX_RESTARTS = 3;

async function extractBytes(
  bytes: Buffer,
  file: string,
  registry: Registry,
  known?: { sha256?: string; name?: string },
  parse?: ParseOptions,
): Promise<FileExtraction> {
  const doc = await parseFile(bytes, file, parse);
  const result = extract(doc, { registry });
  const candidate = {
    source: { file: known?.name ?? displayName(path.basename(file)), sha256: known?.sha256 ?? sha256OfBuffer(bytes), format: doc.format },
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
    return { kind: 'not_a_report', reason: result.reason ?? 'không phải báo cáo chính quyền thân thiện', extraction: parsed.data, format: doc.format };
  }
  return { kind: 'report', extraction: parsed.data, format: doc.format, unitCode: result.unitCode };
}

let threadRegistry: Registry | undefined;

/** Entry point inside the parsing thread (src/parse/isolated.ts): bytes → extraction. The thread
 *  loads the registry itself (the default units file), once. */
export async function extractInThread(
  bytes: Uint8Array,
  file: string,
  known: { sha256?: string; name?: string },
  parse: ParseOptions,
  call?: ThreadCall,
): Promise<FileExtraction> {
  threadRegistry ??= loadRegistry();
  // The OCR stops itself before the thread is ended (counting the time this thread took to start),
  // and tells the caller how far it got, page by page.
  const progress = call?.progress;
  const ocr = {
    ...parse.ocr,
    ...(call ? { timeoutMs: ocrDeadline(call.deadlineAt - Date.now()) } : {}),
    ...(progress ? { onProgress: (p: OcrProgress) => progress.postMessage(p) } : {}),
  };
  return extractBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, threadRegistry, known, { ...parse, ocr });
}

/**
 * Files are parsed by two classes of threads, so that the slow formats never hold up the others:
 *  - 'fast': .docx and PDFs with a text layer (tens of ms each), `threads` of them;
 *  - 'slow': what waits on another program — scans (OCR: tesseract, seconds per page) and legacy
 *    Word (.doc, RTF, HTML, Word 2003 XML: LibreOffice) — `slowThreads` of them (default 1).
 * A PDF found to have no text in a fast thread is sent on to a slow one.
 */
type ParseClass = 'fast' | 'slow';

const pools = new Map<string, IsolatedPool>();
let isolationBroken = false;

function poolFor(cls: ParseClass, limits: FileLimits, threads: number): IsolatedPool {
  const key = `${cls}:${threads}:${limits.parseTimeoutMs}:${limits.parseMemoryMb}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = createIsolatedPool({
      moduleUrl: import.meta.url,
      exportName: 'extractInThread',
      timeoutMs: limits.parseTimeoutMs,
      memoryMb: limits.parseMemoryMb,
      maxThreads: threads,
    });
    pools.set(key, pool);
  }
  return pool;
}

/** The class of threads a file starts in (by its content, as the parse stage sniffs it). */
async function parseClassOf(bytes: Buffer, file: string): Promise<ParseClass> {
  const type: SniffedType = await sniff(bytes, file).then((s) => s.type, () => 'unknown' as const);
  return formatOf(type) === 'doc' ? 'slow' : 'fast';
}

/**
 * Jobs one process runs at once for `threads` parsing threads: twice as many, so that a thread
 * always has its next file while the last one is being stored (the database round trips), plus
 * one for the slow lane (OCR, legacy Word), so that a slow file never takes a fast file's place.
 * The threads bound the CPU; jobs beyond them wait for a thread without their deadline running.
 */
export function jobsInFlight(threads: number, slowThreads = 1): number {
  return 2 * Math.max(1, threads) + Math.max(1, slowThreads);
}

/** Ends the parsing threads (idle ones never keep the process alive; this frees them now). */
export async function closeParsers(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}

export interface PipelineDeps extends ExtractOptions {
  files: FilesRepository;
  reports: ReportsRepository;
  /** Records what changed when a commune resubmits (optional: without it, nothing is recorded). */
  resubmissions?: ResubmissionsRepository;
  /** Default: configuredLimits() with maxFileBytes above. */
  limits?: Partial<FileLimits>;
  /** Progress of slow work (pages read by OCR so far), for a progress display. */
  onProgress?: (job: ProcessFileData, progress: OcrProgress) => void;
  /** Parse in a worker thread with bounded memory and time (default true). */
  isolate?: boolean;
  /** Threads parsing .docx and text PDFs (default: the config's concurrency). */
  threads?: number;
  /** Threads for OCR and legacy Word (default 1): they never take a fast thread. */
  slowThreads?: number;
}

/** The pipeline's dependencies for an app and its config: every command builds its processor here. */
export function pipelineDeps(app: Pick<App, 'files' | 'reports' | 'registry' | 'database'>, config: Config): PipelineDeps {
  return {
    files: app.files,
    reports: app.reports,
    registry: app.registry,
    maxFileBytes: config.maxFileBytes,
    maxUnzippedBytes: config.maxUnzippedBytes,
    limits: configuredLimits(config),
    resubmissions: new ResubmissionsRepository(app.database.db),
    threads: config.concurrency,
  };
}

/** The processor of an in-process queue whose files, and the pages OCR has read, show on a progress board. */
export function trackedProcessor(board: ProgressBoard, deps: PipelineDeps): (data: ProcessFileData) => Promise<ProcessResult> {
  return board.track((data) => processFile(data, { ...deps, onProgress: board.update }));
}

/** Errors that say "the database cannot be reached right now" — not the file's fault. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const check = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const code = String((e as { code?: unknown }).code ?? '');
    const message = String((e as { message?: unknown }).message ?? '');
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ECONNABORTED)$/.test(code)) return true;
    if (/^(08...|57P01|57P02|57P03|53300)$/.test(code)) return true;
    if (/connection terminated|terminating connection|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|connection (is )?closed|not queryable/i.test(message)) return true;
    const nested = (e as { errors?: unknown[] }).errors;
    return check((e as { cause?: unknown }).cause) || (Array.isArray(nested) && nested.some(check));
  };
  return check(err);
}

/**
 * Processes one received file exactly once:
 *  - the file is claimed by its sha256; content already finished under another path is a
 *    duplicate (content that failed before, or whose file went missing, is taken over and tried again);
 *  - a file that cannot be read or extracted is marked failed with its reason (no throw);
 *  - a store error throws, so the queue retries the job; "database unreachable" throws
 *    TransientError (the BullMQ worker then waits without using up an attempt);
 *  - in a managed inbox the file then moves to processed/, failed/ (+ .error.json),
 *    duplicates/ or not-a-report/ (+ .error.json). A job run again after its file moved finds it
 *    there and answers the same.
 */
export async function processFile(job: ProcessFileData, deps: PipelineDeps): Promise<ProcessResult> {
  try {
    return await processOnce(job, deps);
  } catch (err) {
    if (!isTransientError(err) && isDatabaseUnavailable(err)) {
      throw new TransientError(`database unavailable: ${(err as Error).message?.split('\n')[0] ?? err}`, { cause: err });
    }
    throw err;
  }
}

/** A file the pipeline does not touch: nothing recorded, nothing moved (a symlink, a file outside
 *  the inbox, a file still changing); the watcher reports it and offers it again if it changes. */
function leftInPlace(code: 'SYMLINK' | 'FILE_CHANGING', err?: unknown): ProcessResult {
  return { status: 'failed', code, message: err instanceof BaocaoError ? err.message : new BaocaoError(code).message };
}

async function processOnce(job: ProcessFileData, deps: PipelineDeps, restarts = 0): Promise<ProcessResult> {
  const inbox = job.inbox ? path.resolve(job.inbox) : undefined;
  const kind = await entryKind(job.path);
  if (kind === 'symlink') return leftInPlace('SYMLINK', symlinkError(job.path));
  if (inbox && kind === 'file') {
    const inside = await assertMovable(inbox, job.path).then(() => null, (err: unknown) => err);
    if (inside instanceof BaocaoError && inside.code === 'SYMLINK') return leftInPlace('SYMLINK', inside);
  }
  const info = kind === 'file' ? await lstat(job.path).catch(() => null) : null;
  if (!info && inbox) {
    const found = await findMoved(inbox, job.path, job.sha256);
    if (found) return alreadyMoved(job, deps, inbox, found);
    // Gone (deleted by someone): nothing to record, nothing to move.
    return { status: 'failed', code: 'NOT_FOUND', message: new BaocaoError('NOT_FOUND').message };
  }

  const claim = await deps.files.claim(job.sha256, job.originalName, job.path, info?.size ?? 0);
  if (!claim.isNew) {
    const existing = await deps.files.get(claim.id);
    if (existing && existing.stored_path === job.path) {
      // This very drop again (a retried job, a restarted watcher): its recorded outcome stands.
      if (existing.status !== 'received') {
        return settle(job, deps, inbox, claim.id, existing.status as ProcessStatus, {
          code: existing.error_code ?? (existing.status === 'not_a_report' ? 'NOT_A_REPORT' : undefined),
          message: existing.error_message ?? undefined,
          reportId: (await deps.reports.byFile(claim.id))?.id,
        });
      }
    } else if (existing) {
      const takeOver = existing.status === 'failed' || (existing.status === 'received' && !(await exists(existing.stored_path)));
      if (!takeOver) {
        return settle(job, deps, inbox, claim.id, 'duplicate', { message: `trùng nội dung với tệp ${existing.original_name}` });
      }
      await deps.files.setStoredPath(claim.id, job.path);
    }
  }
  // Content that failed at this very path before and is not there any more (the file was
  // rewritten, e.g. in failed/ by a slow writer): the record follows the file.
  await deps.files.supersedeFailedAt(job.path, job.sha256);

  // The file changed after it was taken (a writer not done): start again on what is there now;
  // the claim of bytes that never were a finished file is released.
  const restart = async (sha256: string): Promise<ProcessResult> => {
    if (claim.isNew) await deps.files.release(claim.id);
    if (restarts >= MAX_RESTARTS) return leftInPlace('FILE_CHANGING');
    return processOnce({ ...job, sha256 }, deps, restarts + 1);
  };

  let outcome: FileExtraction;
  try {
    outcome = await extractForJob(job, deps, inbox);
  } catch (err) {
    if (err instanceof ContentChanged) return restart(err.sha256);
    // Half a file fails to parse: if the bytes changed meanwhile, it was still being written.
    const changed = await sha256OfFile(job.path, inbox).catch(() => null);
    if (changed !== null && changed !== job.sha256) return restart(changed);
    // Extraction is deterministic: a retry would fail the same way, so every error here is the file's.
    const e = toBaocaoError(err);
    await deps.files.markFailed(claim.id, e.code, e.message);
    return settle(job, deps, inbox, claim.id, 'failed', { code: e.code, message: e.message });
  }
  // Just before recording and moving: still the bytes that were read?
  const current = await sha256OfFile(job.path, inbox).catch(() => null);
  if (current !== null && current !== job.sha256) return restart(current);
  if (outcome.kind === 'not_a_report') {
    await deps.files.markNotAReport(claim.id, outcome.reason, outcome.format);
    return settle(job, deps, inbox, claim.id, 'not_a_report', { code: 'NOT_A_REPORT', message: outcome.reason });
  }
  // The report, its values and flags — and, for the first report of its commune and period
  // (nothing to compare with), the file marked processed: one transaction.
  const stored = await deps.reports.store(claim.id, outcome.extraction, { unitCode: outcome.unitCode, markProcessed: { format: outcome.format } });
  const reportId = stored.reportId;
  if (!stored.fileMarked) {
    await deps.resubmissions?.recordFor(reportId);
    await deps.files.markProcessed(claim.id, outcome.format);
  }
  return settle(job, deps, inbox, claim.id, 'processed', { reportId });
}

async function extractForJob(job: ProcessFileData, deps: PipelineDeps, inbox?: string): Promise<FileExtraction> {
  const limits: FileLimits = { ...configuredLimits(), maxFileBytes: deps.maxFileBytes, ...deps.limits };
  if (deps.maxUnzippedBytes !== undefined && deps.limits?.maxUnzippedBytes === undefined) limits.maxUnzippedBytes = deps.maxUnzippedBytes;
  const bytes = await readChecked(job.path, limits, inbox);
  const sha256 = sha256OfBuffer(bytes);
  if (sha256 !== job.sha256) throw new ContentChanged(sha256);
  const known = { sha256: job.sha256, name: job.originalName };
  if (deps.isolate === false || isolationBroken) {
    const onProgress = deps.onProgress ? (p: OcrProgress) => deps.onProgress!(job, p) : undefined;
    return extractBytes(bytes, job.path, deps.registry, known, { ocr: { timeoutMs: ocrDeadline(limits.parseTimeoutMs), onProgress } });
  }
  try {
    const threads = Math.max(1, deps.threads ?? configuredConcurrency());
    const slow = poolFor('slow', limits, Math.max(1, deps.slowThreads ?? 1));
    // Slow work reports its progress (pages read by OCR) to whoever follows it (ingest's bar).
    const follow: RunOptions = deps.onProgress ? { onProgress: (m) => deps.onProgress!(job, m as OcrProgress) } : {};
    if ((await parseClassOf(bytes, job.path)) === 'slow') return await slow.run<FileExtraction>([bytes, job.path, known, {} satisfies ParseOptions], follow);
    try {
      return await poolFor('fast', limits, threads).run<FileExtraction>([bytes, job.path, known, { scans: 'refuse' } satisfies ParseOptions]);
    } catch (err) {
      if (!(err instanceof BaocaoError && err.code === 'NO_TEXT')) throw err;
      // A scan: its text is on the page images.
      return await slow.run<FileExtraction>([bytes, job.path, known, { scans: 'only' } satisfies ParseOptions], follow);
    }
  } catch (err) {
    if (!(err instanceof IsolationUnavailableError)) throw err;
    // No threads here (no tsx for the thread, …): parse in this process, without the limits.
    isolationBroken = true;
    process.stderr.write(`[pipeline] parsing threads unavailable, parsing in-process: ${err.message}\n`);
    return extractBytes(bytes, job.path, deps.registry, known, { ocr: { timeoutMs: ocrDeadline(limits.parseTimeoutMs) } });
  }
}

/** The OCR's own time within what is left of a parse deadline: stop 10 % (at least 1 s) before it,
 *  leaving time to extract and answer, so that staff read OCR_TIMEOUT with the pages read. */
export function ocrDeadline(leftMs: number): number {
  return Math.max(500, leftMs - Math.max(1_000, Math.floor(leftMs * 0.1)));
}

interface Outcome {
  code?: string;
  message?: string;
  reportId?: number;
}

/** The result; in a managed inbox, after moving the file to its outcome's folder. */
async function settle(
  job: ProcessFileData,
  deps: PipelineDeps,
  inbox: string | undefined,
  fileId: number,
  status: ProcessStatus,
  o: Outcome,
): Promise<ProcessResult> {
  const result: ProcessResult = {
    status,
    ...(o.reportId !== undefined ? { reportId: o.reportId } : {}),
    ...(o.message ? { message: o.message } : {}),
    ...(o.code ? { code: o.code } : {}),
  };
  if (!inbox) return result;
  const folder = FOLDER_OF[status];
  let dest: string;
  try {
    dest = await moveIntoFolder(inbox, job.path, folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const found = await findMoved(inbox, job.path, job.sha256, [folder]);
    if (!found) return result; // deleted meanwhile
    dest = found.path;
  }
  if (status === 'failed' || status === 'not_a_report') {
    await writeErrorNote(dest, errorNote(inbox, job.path, o.code ?? (status === 'failed' ? 'INTERNAL' : 'NOT_A_REPORT'), o.message ?? '', job.sha256));
  }
  // A file retried from failed/ that went elsewhere: its old note goes with it.
  if (dest !== path.resolve(job.path) && isInside(path.join(inbox, 'failed'), path.resolve(job.path))) {
    await rm(`${job.path}.error.json`, { force: true });
  }
  if (status !== 'duplicate') await deps.files.setStoredPath(fileId, dest);
  return { ...result, movedTo: dest };
}

/** The job ran before and moved its file: answer from where the file is. */
async function alreadyMoved(
  job: ProcessFileData,
  deps: PipelineDeps,
  inbox: string,
  found: { path: string; folder: keyof typeof STATUS_OF },
): Promise<ProcessResult> {
  const status = STATUS_OF[found.folder];
  const row = await deps.files.bySha(job.sha256);
  if (row && status !== 'duplicate' && row.stored_path === job.path) await deps.files.setStoredPath(row.id, found.path);
  const code = row?.error_code ?? (status === 'not_a_report' ? 'NOT_A_REPORT' : undefined);
  if ((status === 'failed' || status === 'not_a_report') && !(await exists(`${found.path}.error.json`))) {
    await writeErrorNote(found.path, errorNote(inbox, job.path, code ?? 'INTERNAL', row?.error_message ?? '', job.sha256));
  }
  const reportId = status === 'processed' && row ? (await deps.reports.byFile(row.id))?.id : undefined;
  return {
    status,
    movedTo: found.path,
    ...(reportId !== undefined ? { reportId } : {}),
    ...(row?.error_message && status !== 'processed' ? { message: row.error_message } : {}),
    ...(code && status !== 'processed' ? { code } : {}),
  };
}

/**
 * A job that failed for good (attempts used up, or it stalled too often — its worker died on it
 * again and again): the file goes to failed/ with the reason, and the database records it when it
 * can. Never throws.
 */
export async function settleFailedJob(job: ProcessFileData, error: Error, deps: PipelineDeps): Promise<ProcessResult> {
  const e =
    error.name === 'UnrecoverableError' && /stalled/i.test(error.message)
      ? new BaocaoError('JOB_STALLED')
      : isTransientError(error) || isDatabaseUnavailable(error)
        ? new BaocaoError('DB_UNAVAILABLE')
        : toBaocaoError(error);
  const result: ProcessResult = { status: 'failed', code: e.code, message: e.message };
  let fileId: number | null = null;
  try {
    const row = await deps.files.bySha(job.sha256);
    if (row && row.stored_path === job.path && row.status === 'received') {
      await deps.files.markFailed(row.id, e.code, e.message);
      fileId = row.id;
    } else if (!row) {
      const info = await stat(job.path).catch(() => null);
      const claim = await deps.files.claim(job.sha256, job.originalName, job.path, info?.size ?? 0);
      if (claim.isNew) {
        await deps.files.markFailed(claim.id, e.code, e.message);
        fileId = claim.id;
      }
    }
  } catch {
    /* the database may be what failed: the file still goes to failed/ */
  }
  if (!job.inbox) return result;
  const inbox = path.resolve(job.inbox);
  try {
    const dest = await moveIntoFolder(inbox, job.path, 'failed');
    await writeErrorNote(dest, errorNote(inbox, job.path, e.code, e.message, job.sha256));
    if (fileId !== null) await deps.files.setStoredPath(fileId, dest).catch(() => {});
    return { ...result, movedTo: dest };
  } catch {
    return result; // gone already (moved by an attempt that did finish, or deleted)
  }
}

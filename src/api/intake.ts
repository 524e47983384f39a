// Received files from the API: saved into the inbox folder (written under a hidden .part name,
// then renamed, so a watcher never sees half a file), then handed to the processor in this
// process (embedded mode: the answer carries the outcome) or enqueued to BullMQ (server mode).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { displayName, sha256OfFile } from '../inbox/identity.ts';
import type { InProcessQueue } from '../queue/inprocess.ts';
import type { FileProgress, ProgressBoard } from '../queue/progress.ts';
import type { JobQueue, ProcessFileData, ProcessStatus } from '../queue/types.ts';
import { HttpError, badRequest } from './http.ts';

export type IntakeResult =
  | { status: ProcessStatus; reportId?: number; message?: string }
  | { status: 'queued'; jobId: string; added: boolean };

export interface Intake {
  /** 'in-process': processed before the answer; 'queue': enqueued for the workers. */
  readonly mode: 'in-process' | 'queue';
  submit(data: ProcessFileData): Promise<IntakeResult>;
  /** The files being processed now, when this intake can see them (in this process, with a board). */
  progress?(): FileProgress[] | Promise<FileProgress[]>;
}

/** `board`: the ProgressBoard the queue's processor feeds (ProgressBoard.track + onProgress). */
export function inProcessIntake(queue: InProcessQueue, board?: ProgressBoard): Intake {
  return { mode: 'in-process', submit: (data) => queue.run(data), ...(board ? { progress: () => board.list() } : {}) };
}

export function queueIntake(queue: JobQueue & { progress?: () => Promise<FileProgress[]> }): Intake {
  return {
    mode: 'queue',
    ...(queue.progress ? { progress: () => queue.progress!() } : {}),
    async submit(data) {
      const { jobId, added } = await queue.enqueue(data);
      return { status: 'queued', jobId, added };
    },
  };
}

export const ACCEPTED_EXTENSIONS = ['.docx', '.doc', '.pdf'] as const;

/** A safe file name from what the client sent: no folders, no control characters (bidi
 *  controls included), not hidden, NFC, at most 150 characters; the extension must be one the
 *  pipeline reads. */
export function safeFileName(raw: string): string {
  let name = displayName(raw).replace(/\\/g, '/');
  name = name.slice(name.lastIndexOf('/') + 1);
  name = name.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.~$\s]+/, '');
  const ext = path.extname(name).toLowerCase();
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw badRequest(`Chỉ nhận tệp Word (.docx, .doc) hoặc PDF (.pdf); tệp gửi lên: "${raw.slice(0, 100)}"`);
  }
  const base = name.slice(0, name.length - ext.length).slice(0, 140).trim() || 'bao-cao';
  return `${base}${ext}`;
}

export interface SavedUpload {
  path: string;
  name: string;
  sha256: string;
  size: number;
}

/** Writes the bytes to <inbox>/.<random>.part, computing the sha256 on the way; throws 413 past maxBytes. */
export async function writeTemp(inboxDir: string, source: Readable, maxBytes: number): Promise<{ temp: string; sha256: string; size: number }> {
  await mkdir(inboxDir, { recursive: true });
  const temp = path.join(inboxDir, `.upload-${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1048576)} MB)`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(temp, { flags: 'wx' }));
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  if (size === 0) {
    await rm(temp, { force: true });
    throw badRequest('Tệp rỗng');
  }
  return { temp, sha256: hash.digest('hex'), size };
}

/** Moves a written temp file to its name in the inbox. A name taken by other content gets the
 *  hash's start; a file of that name with the same content is kept and the temp file dropped
 *  (an upload sent twice before it was processed). */
export async function placeInInbox(inboxDir: string, temp: string, name: string, sha256: string): Promise<string> {
  const ext = path.extname(name);
  for (const candidate of [name, `${name.slice(0, -ext.length)}-${sha256.slice(0, 8)}${ext}`]) {
    const target = path.join(inboxDir, candidate);
    if (!(await exists(target))) {
      await rename(temp, target);
      return target;
    }
    if ((await sha256OfFile(target).catch(() => null)) === sha256) {
      await rm(temp, { force: true });
      return target;
    }
  }
  const target = path.join(inboxDir, `${name.slice(0, -ext.length)}-${sha256.slice(0, 8)}-${randomBytes(3).toString('hex')}${ext}`);
  await rename(temp, target);
  return target;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

// What this process is working on now (embedded mode): one entry per file from the moment its
// job starts to the moment it ends, with the OCR pages read so far. Fed by the processor's
// start/end (track) and the pipeline's onProgress; read by GET /api/progress for the page.
import type { OcrProgress } from '../parse/index.ts';
import { processFileJobId } from './jobs.ts';
import type { ProcessFileData, ProcessResult } from './types.ts';

export type ProgressStage = 'waiting' | 'processing' | 'ocr';

/** Vietnamese names of the stages, as the page shows them. */
export const STAGE_LABEL: Record<ProgressStage, string> = { waiting: 'chờ xử lý', processing: 'đang xử lý', ocr: 'nhận dạng chữ' };

export interface FileProgress {
  name: string;
  stage: ProgressStage;
  stageLabel: string;
  /** Pages read by OCR so far and in all (null before OCR starts, or for a file not OCR'd). */
  done: number | null;
  total: number | null;
  startedAt: string;
  /** One line for staff, e.g. "ten-tep.pdf — nhận dạng chữ 3/8 trang". */
  text: string;
}

interface Entry {
  name: string;
  stage: ProgressStage;
  done: number | null;
  total: number | null;
  startedAt: Date;
}

export class ProgressBoard {
  private readonly entries = new Map<string, Entry>();

  private static key(job: ProcessFileData): string {
    return processFileJobId(job.sha256, job.dropKey);
  }

  start(job: ProcessFileData): void {
    this.entries.set(ProgressBoard.key(job), { name: job.originalName, stage: 'processing', done: null, total: null, startedAt: new Date() });
  }

  /** OCR pages read: the pipeline's onProgress. */
  readonly update = (job: ProcessFileData, p: OcrProgress): void => {
    const e = this.entries.get(ProgressBoard.key(job));
    if (!e) return;
    e.stage = 'ocr';
    e.done = p.done;
    e.total = p.total;
  };

  finish(job: ProcessFileData): void {
    this.entries.delete(ProgressBoard.key(job));
  }

  /** A processor whose jobs are on the board while they run (whatever their outcome). */
  track(processor: (data: ProcessFileData) => Promise<ProcessResult>): (data: ProcessFileData) => Promise<ProcessResult> {
    return async (data) => {
      this.start(data);
      try {
        return await processor(data);
      } finally {
        this.finish(data);
      }
    };
  }

  /** The files in progress, oldest first. */
  list(): FileProgress[] {
    return [...this.entries.values()]
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
      .map((e) => describeProgress(e.name, e.stage === 'ocr' && e.done !== null && e.total !== null ? { done: e.done, total: e.total } : null, e.startedAt));
  }
}

/** One file in progress as the page shows it; `pages`: OCR pages read so far (null: not OCR yet);
 *  `waiting`: queued, not started (BullMQ). */
export function describeProgress(name: string, pages: OcrProgress | null, startedAt: Date, waiting = false): FileProgress {
  const stage: ProgressStage = waiting ? 'waiting' : pages ? 'ocr' : 'processing';
  return {
    name,
    stage,
    stageLabel: STAGE_LABEL[stage],
    done: pages?.done ?? null,
    total: pages?.total ?? null,
    startedAt: startedAt.toISOString(),
    text: `${name} — ${STAGE_LABEL[stage]}${pages ? ` ${pages.done}/${pages.total} trang` : ''}`,
  };
}

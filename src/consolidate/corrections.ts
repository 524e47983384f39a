// Corrections on top of an extraction: the stored extraction never changes; the effective one is
// the extraction with every correction applied in order (the newest one of a path wins).
// A new correction is checked by applying it and validating the result with the contract's schema.
import { z } from 'zod';
import { Extraction } from '../contract.ts';
import type { CorrectionRow, CorrectionValue } from '../db/repositories/corrections.ts';
import { parseVnNumber } from '../document/numbers.ts';
import { correctionBlockedReason, getLeaf, kindOf, labelOf, setLeaf, type LeafValue } from './paths.ts';

export interface Effective {
  extraction: Extraction;
  /** Paths whose value a correction set (the last correction's value is in `extraction`). */
  corrected: Map<string, CorrectionRow>;
}

/** The extraction with the corrections applied (oldest first). Corrections of paths that no
 *  longer exist are ignored. */
export function applyCorrections(extraction: Extraction, corrections: readonly CorrectionRow[]): Effective {
  const copy = structuredClone(extraction);
  const corrected = new Map<string, CorrectionRow>();
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    if (setLeaf(copy, c.path, c.new_value)) corrected.set(c.path, c);
  }
  return { extraction: copy, corrected };
}

export type PreparedCorrection =
  | { ok: true; path: string; oldValue: CorrectionValue; newValue: CorrectionValue; extraction: Extraction }
  | { ok: false; message: string };

const vi = z.locales.vi();

/** Reads a value typed by staff for a path: numbers in Vietnamese writing ('17.128', '1.719,58'),
 *  dates as YYYY-MM-DD or DD/MM/YYYY, texts trimmed and single-spaced; '' or null: not stated. */
export function readValue(path: string, raw: unknown): { ok: true; value: LeafValue } | { ok: false; message: string } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  const kind = kindOf(path);
  if (kind === 'number') {
    if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, message: 'giá trị phải là một số' };
    if (typeof raw === 'string') {
      const n = parseVnNumber(raw.trim());
      if (n !== null) return { ok: true, value: n };
    }
    return { ok: false, message: `giá trị phải là một số (ví dụ 17.128 hoặc 1.719,58), không phải "${String(raw)}"` };
  }
  if (typeof raw !== 'string') return { ok: false, message: 'giá trị phải là chữ' };
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (kind === 'date') {
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!d || d.toISOString().slice(0, 10) !== iso) return { ok: false, message: `ngày không hợp lệ: "${text}" (dạng 20/06/2024 hoặc 2024-06-20)` };
    return { ok: true, value: iso };
  }
  return { ok: true, value: text };
}

/** Checks a correction of `path` to `raw` against the report's effective extraction. */
export function prepareCorrection(effective: Extraction, path: string, raw: unknown): PreparedCorrection {
  const oldValue = getLeaf(effective, path);
  if (oldValue === undefined) return { ok: false, message: `không có trường "${path}" trong báo cáo này` };
  const blocked = correctionBlockedReason(path);
  if (blocked) return { ok: false, message: blocked };
  const read = readValue(path, raw);
  if (!read.ok) return { ok: false, message: `${labelOf(path, effective)}: ${read.message}` };
  if (read.value === oldValue) return { ok: false, message: `${labelOf(path, effective)}: giá trị mới giống giá trị hiện tại` };
  const next = structuredClone(effective);
  setLeaf(next, path, read.value);
  const parsed = Extraction.safeParse(next, { error: vi.localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return { ok: false, message: `${labelOf(where, effective)}: ${issueMessage(issue)}` };
  }
  return { ok: true, path, oldValue, newValue: read.value, extraction: parsed.data };
}

/** A short Vietnamese message for the usual issues; zod's Vietnamese locale for the rest. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') return `không được lớn hơn ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `không được nhỏ hơn ${String(issue.minimum)}`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'phải là số nguyên';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'phải là một số';
  if (issue.code === 'invalid_format') return 'sai định dạng';
  return issue.message;
}

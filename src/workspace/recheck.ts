// A report's own flags after the district corrected a value or mapped its unit (alias): the checks
// that read values only (sums, criteria, units) are run again on the effective extraction, so a
// flag the correction makes untrue goes, and one it makes true appears. A stored flag those checks
// do not reproduce from the stored values needed the document itself (a quote in the text): it
// stays, unless a correction filled the field it is about (a blank number or date).
import { createHash } from 'node:crypto';
import { CHECKS } from '../../extractors/index.ts';
import type { Extraction, Flag } from '../contract.ts';
import type { FlagRow } from '../db/schema.ts';
import type { DocumentModel } from '../document/model.ts';
import { reportDate, type Registry } from '../registry/index.ts';
import type { WorkspaceFlag } from '../consolidate/checks.ts';

/** The checks that need nothing but the values (and their quotes). */
export const VALUE_CHECK_CODES = ['SUM_MISMATCH', 'UNKNOWN_UNIT', 'UNIT_SUCCEEDED', 'CRITERIA_INCONSISTENT'];

const EMPTY_DOC: DocumentModel = { format: 'docx', blocks: [], pageCount: null };

/** The value checks' flags of an extraction, against the registry of its date. */
export function valueFlags(e: Extraction, registry: Registry): Flag[] {
  const date = reportDate({ date: e.document.date, period: e.period });
  const ctx = { registry: date ? registry.at(date) : registry };
  const out: Flag[] = [];
  for (const check of CHECKS) {
    if (!VALUE_CHECK_CODES.includes(check.code)) continue;
    try {
      out.push(...check.run({ doc: EMPTY_DOC, fields: e, provenance: e.provenance, ctx }));
    } catch {
      // A check that cannot run on values alone raises nothing here; its stored flag stays.
    }
  }
  return out;
}

/** A stored flag as the workspace shows it, with the unit as the workspace reads it (aliases applied). */
export function storedFlag(f: FlagRow, unit?: Extraction['unit']): WorkspaceFlag {
  return {
    id: `r${f.id}`,
    reportId: f.report_id,
    period: f.period,
    district: unit ? unit.district : f.district,
    commune: unit ? unit.commune : f.commune,
    code: f.code,
    severity: f.severity,
    message: f.message,
    evidence: f.evidence,
    source: 'report',
  };
}

const sig = (f: { code: string; message: string }) => `${f.code}\u0000${f.message}`;

export interface RecheckInput {
  reportId: number;
  period: string | null;
  /** As stored (no correction, no alias). */
  stored: Extraction;
  /** With the corrections and the aliases applied. */
  effective: Extraction;
  storedFlags: readonly FlagRow[];
  /** Whether a correction or an alias applies (otherwise the stored flags stand as they are). */
  changed: boolean;
  registry: Registry;
}

export function recheckReport(input: RecheckInput): WorkspaceFlag[] {
  const unit = input.effective.unit;
  if (!input.changed) return input.storedFlags.map((f) => storedFlag(f, unit));
  const reproduced = new Set(valueFlags(input.stored, input.registry).map(sig));
  const doc = input.effective.document;
  const kept = input.storedFlags.filter((f) => {
    if (reproduced.has(sig(f))) return false; // recomputed below
    if (f.code === 'MISSING_NUMBER' && doc.number) return false;
    if (f.code === 'MISSING_DATE' && doc.date) return false;
    return true;
  });
  const bySig = new Map(input.storedFlags.map((f) => [sig(f), f]));
  const now = valueFlags(input.effective, input.registry).map((f): WorkspaceFlag => {
    const same = bySig.get(sig(f));
    if (same) return storedFlag(same, unit);
    const hash = createHash('sha256').update(sig(f)).digest('hex').slice(0, 10);
    return {
      id: `c${input.reportId}:${f.code}:${hash}`,
      reportId: input.reportId,
      period: input.period,
      district: unit.district,
      commune: unit.commune,
      code: f.code,
      severity: f.severity,
      message: f.message,
      evidence: f.evidence,
      source: 'report',
    };
  });
  return [...kept.map((f) => storedFlag(f, unit)), ...now];
}

/** The field a flag asks staff to look at, when there is one to correct ('Sửa' opens it). */
export function fieldOf(f: Pick<WorkspaceFlag, 'code' | 'message'>): string | null {
  switch (f.code) {
    case 'SUM_MISMATCH':
      if (/^Tổng số cán bộ/u.test(f.message)) return 'profile.cadres';
      if (/^Số chi bộ/u.test(f.message)) return 'profile.partyCells';
      if (/^Kinh phí dự toán/u.test(f.message)) return 'budget.planned.total';
      if (/^Kinh phí đã triển khai/u.test(f.message)) return 'budget.disbursed.total';
      return null;
    case 'STARS_MISMATCH':
      return 'starsRegistered';
    case 'MISSING_NUMBER':
      return 'document.number';
    case 'MISSING_DATE':
      return 'document.date';
    default:
      return null;
  }
}

// Checks across the reports of a period, computed from the database each time they are asked for
// (never stored, so they are never stale):
//   MISSING_SUBMISSION     a commune of a served district has no report for the period;
//   DUPLICATE_FILE         two received files carry the same report (same extracted content, e.g.
//                          the .docx and its .pdf), or a file was recorded as a duplicate;
//   RESUBMISSION_CHANGED   a commune sent the period's report again with different values: which;
//   CORRECTION_OVERRIDDEN  that resubmission states another value where the district had corrected
//                          an earlier report (the correction no longer shows): one flag per
//                          correction, naming it, so staff decide;
//   UNIT_OUTSIDE_DISTRICT  a report from a commune of another district.
import type { Extraction } from '../contract.ts';
import { flattenExtraction, provenanceFor } from '../db/flatten.ts';
import { diffValues, type FieldChange } from '../db/repositories/resubmissions.ts';
import { nameKey } from '../document/names.ts';
import type { CorrectionRow } from '../db/repositories/corrections.ts';
import { getLeaf, labelOf } from './paths.ts';
import { periodName } from '../labels.ts';
import { communeOf, districtOf, type ServedDistrict } from './scope.ts';

export const CROSS_FLAG_CODES = ['MISSING_SUBMISSION', 'DUPLICATE_FILE', 'RESUBMISSION_CHANGED', 'CORRECTION_OVERRIDDEN', 'UNIT_OUTSIDE_DISTRICT'] as const;
export type CrossFlagCode = (typeof CROSS_FLAG_CODES)[number];

/** A flag as the workspace shows it: one stored with a report, or one computed across reports. */
export interface WorkspaceFlag {
  /** 'r<id>' for a stored flag; 'x:<code>:<key>' for a computed one (stable across calls). */
  id: string;
  reportId: number | null;
  period: string | null;
  district: string | null;
  commune: string | null;
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  evidence: string[];
  source: 'report' | 'cross';
  /** Staff's handling (a work item): open until marked resolved or dismissed. */
  state?: 'open' | 'resolved' | 'dismissed';
  stateNote?: string | null;
  stateBy?: string | null;
  stateAt?: string | null;
  /** The report's field the flag is about, when a correction can settle it ('profile.cadres'). */
  field?: string | null;
}

export interface ReportForChecks {
  id: number;
  is_current: boolean;
  original_name: string;
  received_at: Date;
  /** The extraction as received (corrections do not count: they are the district's, not the commune's). */
  extraction: Extraction;
}

export interface DuplicateFile {
  id: number;
  original_name: string;
  received_at: Date;
  error_message: string | null;
}

export interface CrossCheckInput {
  period: string;
  /** The served districts with their registry communes. */
  districts: readonly ServedDistrict[];
  /** Every report of the period, current or not, in receipt order. */
  reports: readonly ReportForChecks[];
  /** Received files recorded with status 'duplicate'. */
  duplicateFiles?: readonly DuplicateFile[];
  /** 'huyện Lục Nam', 'thành phố Bắc Giang': a district with its kind (from the registry). */
  districtLabel?: (district: string, province: string | null) => string;
  /** The district's corrections, by report id (of any report of the period, current or not). */
  corrections?: ReadonlyMap<number, readonly CorrectionRow[]>;
}

const MAX_EVIDENCE = 30;

/** A value as Vietnamese staff write it: 17.128, 1.719,58; '(trống)' for not stated. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '(trống)';
  if (typeof v === 'number') return v.toLocaleString('vi-VN', { maximumFractionDigits: 6 });
  return String(v);
}

const VN_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** '25/11/2024 08:30' in Vietnam's time. */
export function dateVi(d: Date): string {
  const parts = Object.fromEntries(VN_TIME.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

function unitName(kind: string | null, name: string | null): string {
  return `${kind ?? 'xã'} ${name ?? '(không rõ)'}`;
}

/** The fields that differ between two extractions, by path: the same diff the pipeline records
 *  for a resubmission (resubmission_changes). */
export function differences(before: Extraction, after: Extraction): FieldChange[] {
  return diffValues(flattenExtraction(before), flattenExtraction(after));
}

function contentKey(e: Extraction): string {
  return JSON.stringify(flattenExtraction(e).map((v) => [v.path, v.value_num ?? v.value_text]));
}

export function crossChecks(input: CrossCheckInput): WorkspaceFlag[] {
  const { period } = input;
  const flags: WorkspaceFlag[] = [];
  const current = input.reports.filter((r) => r.is_current);

  // MISSING_SUBMISSION
  for (const d of input.districts) {
    const have = new Set<string>();
    for (const r of current) {
      if (districtOf([d], r.extraction.unit) !== d) continue;
      const c = communeOf(d, r.extraction.unit);
      if (c) have.add(c.code);
    }
    for (const c of d.communes) {
      if (have.has(c.code)) continue;
      flags.push({
        id: `x:MISSING_SUBMISSION:${c.code}`,
        reportId: null,
        period,
        district: d.district,
        commune: c.commune,
        code: 'MISSING_SUBMISSION',
        severity: 'warning',
        message: `${unitName(c.communeKind, c.commune)} chưa gửi báo cáo ${periodName(period).replace(/^N/, 'n')}`,
        evidence: [],
        source: 'cross',
      });
    }
  }

  // UNIT_OUTSIDE_DISTRICT
  const districtLabel = input.districtLabel ?? ((d: string) => `huyện ${d}`);
  const servedNames = input.districts.map((d) => (d.districtKind ? `${d.districtKind} ${d.district}` : districtLabel(d.district, d.province))).join(', ');
  for (const r of current) {
    const u = r.extraction.unit;
    if (input.districts.length === 0 || districtOf(input.districts, u)) continue;
    const quote = provenanceFor(r.extraction.provenance, 'unit.district') ?? provenanceFor(r.extraction.provenance, 'unit.commune');
    flags.push({
      id: `x:UNIT_OUTSIDE_DISTRICT:${r.id}`,
      reportId: r.id,
      period,
      district: u.district,
      commune: u.commune,
      code: 'UNIT_OUTSIDE_DISTRICT',
      severity: 'warning',
      message:
        `Báo cáo của ${unitName(u.communeKind, u.commune)}, ${u.district ? districtLabel(u.district, u.province) : 'không rõ huyện'}` +
        `${u.province ? `, tỉnh ${u.province}` : ''} (tệp "${r.original_name}") không thuộc ${servedNames}: không cộng vào bảng tổng hợp`,
      evidence: quote ? [quote.quote] : [],
      source: 'cross',
    });
  }

  // DUPLICATE_FILE: the same report in several files.
  const byContent = new Map<string, ReportForChecks[]>();
  for (const r of input.reports) {
    const key = contentKey(r.extraction);
    byContent.set(key, [...(byContent.get(key) ?? []), r]);
  }
  const duplicateIds = new Set<number>();
  for (const group of byContent.values()) {
    if (group.length < 2) continue;
    for (const r of group) duplicateIds.add(r.id);
    const kept = group.find((r) => r.is_current) ?? group[group.length - 1]!;
    const u = kept.extraction.unit;
    const names = group.map((r) => `"${r.original_name}"`).join(', ');
    flags.push({
      id: `x:DUPLICATE_FILE:${group.map((r) => r.id).join('-')}`,
      reportId: kept.id,
      period,
      district: u.district,
      commune: u.commune,
      code: 'DUPLICATE_FILE',
      severity: 'info',
      message: `${group.length} tệp ${names} là cùng một báo cáo của ${unitName(u.communeKind, u.commune)} (nội dung trích xuất giống hệt): chỉ tính một lần, theo tệp "${kept.original_name}"`,
      evidence: group.map((r) => `${r.original_name} — nhận lúc ${dateVi(r.received_at)}`),
      source: 'cross',
    });
  }
  for (const f of input.duplicateFiles ?? []) {
    flags.push({
      id: `x:DUPLICATE_FILE:file-${f.id}`,
      reportId: null,
      period,
      district: null,
      commune: null,
      code: 'DUPLICATE_FILE',
      severity: 'info',
      message: `Tệp "${f.original_name}" (nhận lúc ${dateVi(f.received_at)}) trùng với một tệp đã nhận${f.error_message ? `: ${f.error_message}` : ''}`,
      evidence: [],
      source: 'cross',
    });
  }

  // RESUBMISSION_CHANGED: per commune, the current report against the one received before it.
  const byUnit = new Map<string, ReportForChecks[]>();
  for (const r of input.reports) {
    const u = r.extraction.unit;
    if (!u.commune) continue;
    const key = `${nameKey(u.district ?? '')}|${nameKey(u.commune)}|${u.communeKind ?? ''}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), r]);
  }
  for (const group of byUnit.values()) {
    if (group.length < 2) continue;
    const cur = group.find((r) => r.is_current) ?? group[group.length - 1]!;
    const before = group.filter((r) => r !== cur && (r.received_at < cur.received_at || (r.received_at.getTime() === cur.received_at.getTime() && r.id < cur.id)));
    const prev = before[before.length - 1];
    if (!prev) continue;
    flags.push(...overriddenCorrections(period, cur, before, input.corrections));
    const diffs = differences(prev.extraction, cur.extraction);
    if (diffs.length === 0) continue; // the same report again: DUPLICATE_FILE says so
    const u = cur.extraction.unit;
    const shown = diffs.slice(0, 3).map((d) => labelOf(d.path, cur.extraction).toLowerCase());
    flags.push({
      id: `x:RESUBMISSION_CHANGED:${cur.id}`,
      reportId: cur.id,
      period,
      district: u.district,
      commune: u.commune,
      code: 'RESUBMISSION_CHANGED',
      severity: 'warning',
      message:
        `${unitName(u.communeKind, u.commune)} gửi lại báo cáo ${periodName(period).replace(/^N/, 'n')} (tệp "${cur.original_name}" thay cho "${prev.original_name}"): ` +
        `${diffs.length} trường khác nhau — ${shown.join(', ')}${diffs.length > 3 ? ', …' : ''}`,
      evidence: diffs.slice(0, MAX_EVIDENCE).map((d) => `${labelOf(d.path, cur.extraction)} (${d.path}): ${showValue(d.before)} → ${showValue(d.after)}`),
      source: 'cross',
    });
  }

  const collator = new Intl.Collator('vi');
  return flags.sort(
    (a, b) =>
      collator.compare(a.district ?? '', b.district ?? '') ||
      collator.compare(a.commune ?? '', b.commune ?? '') ||
      a.code.localeCompare(b.code) ||
      a.id.localeCompare(b.id),
  );
}

/** Values equal as the table shows them (a number and the same number; texts as written). */
function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * CORRECTION_OVERRIDDEN: the district corrected a value on an earlier report of this commune and
 * period; the resubmission (now current) states something else there, so the correction no longer
 * shows. The latest correction of each path across the earlier reports counts; a resubmission that
 * states the corrected value, or that the district corrected again itself, raises nothing.
 */
function overriddenCorrections(
  period: string,
  cur: ReportForChecks,
  before: readonly ReportForChecks[],
  corrections: ReadonlyMap<number, readonly CorrectionRow[]> | undefined,
): WorkspaceFlag[] {
  if (!corrections || before.length === 0) return [];
  const latest = new Map<string, { c: CorrectionRow; on: ReportForChecks }>();
  for (const r of before) {
    for (const c of corrections.get(r.id) ?? []) {
      const seen = latest.get(c.path);
      if (!seen || c.id > seen.c.id) latest.set(c.path, { c, on: r });
    }
  }
  const correctedHere = new Set((corrections.get(cur.id) ?? []).map((c) => c.path));
  const u = cur.extraction.unit;
  const flags: WorkspaceFlag[] = [];
  for (const [p, { c, on }] of latest) {
    if (correctedHere.has(p)) continue; // corrected again on the new report: decided
    const stated = getLeaf(cur.extraction, p) ?? null;
    if (sameValue(stated, c.new_value)) continue; // the commune now states the corrected value
    const label = labelOf(p, cur.extraction);
    flags.push({
      id: `x:CORRECTION_OVERRIDDEN:${cur.id}:${c.id}`,
      reportId: cur.id,
      period,
      district: u.district,
      commune: u.commune,
      code: 'CORRECTION_OVERRIDDEN',
      severity: 'warning',
      message:
        `${unitName(u.communeKind, u.commune)} gửi lại báo cáo (tệp "${cur.original_name}") nêu ${label.toLowerCase()} là ${showValue(stated)}, ` +
        `khác giá trị huyện đã đính chính trên báo cáo trước (tệp "${on.original_name}"): ${showValue(c.old_value)} → ${showValue(c.new_value)}, ` +
        `${c.who} đính chính lúc ${dateVi(c.corrected_at)}, lý do: ${c.reason}. Bảng tổng hợp đang dùng giá trị của báo cáo mới: hãy xem lại và đính chính lại nếu cần`,
      evidence: [
        `Đính chính số ${c.id} (${p}) trên báo cáo số ${on.id}: ${showValue(c.old_value)} → ${showValue(c.new_value)} — ${c.reason}`,
        `Báo cáo gửi lại số ${cur.id}: ${showValue(stated)}`,
      ],
      source: 'cross',
    });
  }
  return flags;
}

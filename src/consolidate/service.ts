// The district's workspace over the database: the consolidated table with every commune of the
// served district(s) and corrections applied, flags (stored + across reports), submissions per
// commune, a report's detail with provenance, and corrections. Used by the API and the CLI.
import type { Kysely } from 'kysely';
import type { App } from '../app.ts';
import type { Extraction } from '../contract.ts';
import { provenanceFor } from '../db/flatten.ts';
import { CorrectionsRepository, type CorrectionRow, type CorrectionValue } from '../db/repositories/corrections.ts';
import type { ReportsRepository } from '../db/repositories/reports.ts';
import type { DB, FlagRow } from '../db/schema.ts';
import { nameKey } from '../document/names.ts';
import { criteriaCheckNote, criteriaSetForPeriod } from '../criteria/sets.ts';
import type { Registry } from '../registry/index.ts';
import { crossChecks, type WorkspaceFlag } from './checks.ts';
import { applyCorrections, prepareCorrection } from './corrections.ts';
import { correctionBlockedReason, getLeaf, groupOf, kindOf, labelOf, leafPaths, type LeafValue, type ValueKind } from './paths.ts';
import {
  filesWithoutReport,
  flagCounts,
  periodsWithReports,
  reportsOfPeriod,
  type FileWithoutReport,
  type PeriodReport,
  type PeriodSummary,
} from './queries.ts';
import { districtOf, scopeLabel, servedDistricts, validateScope, type ScopeSetting, type ServedDistrict } from './scope.ts';
import { consolidate, type ConsolidatedTable, type OutsideReport } from './table.ts';

/** Without a registry: the reporting communes only (kept for callers that have no workspace). */
export async function consolidatedFor(reports: ReportsRepository, period: string): Promise<ConsolidatedTable> {
  const rows = await reports.listCurrent(period);
  return consolidate(
    period,
    rows.map((r) => ({ reportId: r.id, extraction: r.extraction, flagCount: r.flag_count })),
  );
}

/** The order flags are listed in: what changes the figures first, the long list of non-reporters last. */
export const FLAG_ORDER = [
  'UNIT_OUTSIDE_DISTRICT', 'CORRECTION_OVERRIDDEN', 'RESUBMISSION_CHANGED', 'SUM_MISMATCH', 'CRITERIA_INCONSISTENT', 'STARS_MISMATCH', 'PERIOD_MISMATCH',
  'UNIT_SUCCEEDED', 'UNKNOWN_UNIT', 'COMMUNE_NAME_MISMATCH', 'DUPLICATE_FILE', 'MISSING_NUMBER', 'MISSING_DATE', 'MISSING_SUBMISSION',
  'CRITERIA_SET_UNKNOWN',
];

/** CRITERIA_SET_UNKNOWN (information): the reports of a province and period that state criteria,
 *  when no criteria set of that province is known for the period — checked for consistency only. */
export function criteriaSetFlags(period: string, reports: readonly { id: number; extraction: Extraction }[]): WorkspaceFlag[] {
  const byProvince = new Map<string, { province: string | null; ids: number[] }>();
  for (const r of reports) {
    if (r.extraction.criteria.length === 0) continue;
    const province = r.extraction.unit.province;
    if (criteriaSetForPeriod(province, period)) continue;
    const key = nameKey(province ?? '');
    const entry = byProvince.get(key) ?? { province, ids: [] };
    entry.ids.push(r.id);
    byProvince.set(key, entry);
  }
  return [...byProvince.values()].map(({ province, ids }) => ({
    id: `x:CRITERIA_SET_UNKNOWN:${nameKey(province ?? '?')}`,
    reportId: null,
    period,
    district: null,
    commune: null,
    code: 'CRITERIA_SET_UNKNOWN',
    severity: 'info' as const,
    message: `${criteriaCheckNote(province, period).note} — ${ids.length} báo cáo`,
    evidence: ids.map((id) => `báo cáo #${id}`),
    source: 'cross' as const,
  }));
}
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

export interface WorkspaceDeps {
  db: Kysely<DB>;
  reports: ReportsRepository;
  registry: Registry;
  scope: ScopeSetting;
}

export interface FlagFilter {
  commune?: string | undefined;
  code?: string | undefined;
  severity?: string | undefined;
}

export interface ReportValue {
  path: string;
  label: string;
  group: string;
  kind: ValueKind;
  /** As extracted from the file. */
  original: LeafValue;
  /** What counts: the newest correction's value, else the original. */
  value: LeafValue;
  corrected: boolean;
  /** Whether an editor may correct it (the unit and the period identify the report). */
  correctable: boolean;
  section: string | null;
  quote: string | null;
  /** How sure the extraction was (0..1; null for values stored before confidences existed), and why not more. */
  confidence: number | null;
  why: string | null;
}

export interface CorrectionView {
  id: number;
  reportId: number;
  path: string;
  label: string;
  oldValue: CorrectionValue;
  newValue: CorrectionValue;
  reason: string;
  who: string;
  tokenId: number | null;
  at: string;
}

export interface ReportDetail {
  id: number;
  period: string | null;
  commune: string | null;
  communeKind: string | null;
  district: string | null;
  province: string | null;
  isCurrent: boolean;
  createdAt: string;
  document: Extraction['document'];
  file: {
    id: number;
    name: string;
    format: string | null;
    sizeBytes: number;
    sha256: string;
    status: string;
    receivedAt: string;
    storedPath: string;
  };
  values: ReportValue[];
  /** The criteria set the report is checked against, or why it is checked for consistency only. */
  criteria: { setId: string | null; note: string };
  corrections: CorrectionView[];
  flags: WorkspaceFlag[];
  /** The reports of the same commune and period, newest receipt first (this one included). */
  history: { reportId: number; fileName: string; receivedAt: string; isCurrent: boolean }[];
  /** The stored extraction, as received, and the effective one (corrections applied). */
  extraction: Extraction;
  effective: Extraction;
}

export interface CommuneSubmission {
  code: string | null;
  commune: string;
  communeKind: string | null;
  status: 'reported' | 'not_reported';
  /** A unit of the scope in force for the period (false: a former or unknown unit's report). */
  inList: boolean;
  note: string | null;
  /** A successor unit: the former units it carries on. */
  carriesOn: string[] | null;
  reportId: number | null;
  flags: number;
  corrected: boolean;
  /** Every report the commune sent for the period, oldest first. */
  submissions: { reportId: number; fileName: string; receivedAt: string; isCurrent: boolean }[];
}

export interface Submissions {
  period: string;
  districts: {
    level: 'district' | 'province';
    label: string;
    district: string;
    districtCode: string | null;
    province: string | null;
    successorOf: string | null;
    communes: CommuneSubmission[];
    reported: number;
    total: number;
  }[];
  outside: OutsideReport[];
  /** Received files that gave no report (any period: a file that cannot be read has none). */
  files: (Omit<FileWithoutReport, 'received_at' | 'processed_at'> & { received_at: string; processed_at: string | null })[];
  summary: { communes: number; reported: number; notReported: number; resubmitted: number; outside: number; failedFiles: number; waitingFiles: number };
}

export type CorrectionResult =
  | { ok: true; correction: CorrectionView }
  | { ok: false; status: 400 | 404; message: string };

function viewOf(c: CorrectionRow, extraction: Extraction): CorrectionView {
  return {
    id: c.id,
    reportId: c.report_id,
    path: c.path,
    label: labelOf(c.path, extraction),
    oldValue: c.old_value,
    newValue: c.new_value,
    reason: c.reason,
    who: c.who,
    tokenId: c.token_id,
    at: c.corrected_at.toISOString(),
  };
}

export function storedFlag(f: FlagRow): WorkspaceFlag {
  return {
    id: `r${f.id}`,
    reportId: f.report_id,
    period: f.period,
    district: f.district,
    commune: f.commune,
    code: f.code,
    severity: f.severity,
    message: f.message,
    evidence: f.evidence,
    source: 'report',
  };
}

export class Workspace {
  readonly corrections: CorrectionsRepository;

  constructor(private readonly deps: WorkspaceDeps) {
    this.corrections = new CorrectionsRepository(deps.db);
    validateScope(deps.registry, deps.scope); // a wrong BAOCAO_SCOPE / BAOCAO_DISTRICT fails at start, not at the first request
  }

  static fromApp(app: App, scope: ScopeSetting): Workspace {
    return new Workspace({ db: app.database.db, reports: app.reports, registry: app.registry, scope });
  }

  get scope(): ScopeSetting {
    return this.deps.scope;
  }

  /** The configured scope, for display ('huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh'); null when unset. */
  servedDistrictLabel(scope?: string): string | null {
    return scopeLabel(this.deps.registry, scope ? { scope } : this.deps.scope);
  }

  /** The scope setting of a request: its own scope ('tỉnh Bắc Ninh'), else the configured one. */
  private settingOf(scope: string | undefined): ScopeSetting {
    return scope ? { scope } : this.deps.scope;
  }

  periods(): Promise<PeriodSummary[]> {
    return periodsWithReports(this.deps.db);
  }

  private async load(period: string, scope?: string): Promise<{
    all: PeriodReport[];
    current: PeriodReport[];
    districts: ServedDistrict[];
    corrections: Map<number, CorrectionRow[]>;
    flagCount: Map<number, number>;
  }> {
    const all = await reportsOfPeriod(this.deps.db, period);
    const current = all.filter((r) => r.is_current);
    const ids = current.map((r) => r.id);
    const [rows, flagCount] = await Promise.all([this.corrections.forReports(ids), flagCounts(this.deps.db, ids)]);
    const corrections = new Map<number, CorrectionRow[]>();
    for (const c of rows) corrections.set(c.report_id, [...(corrections.get(c.report_id) ?? []), c]);
    // The units in force at the period's end (a code means another unit in another list).
    const districts = servedDistricts(this.deps.registry.forPeriod(period), this.settingOf(scope), current.map((r) => r.extraction.unit));
    return { all, current, districts, corrections, flagCount };
  }

  async consolidated(period: string, scope?: string): Promise<ConsolidatedTable> {
    const { current, districts, corrections, flagCount } = await this.load(period, scope);
    return consolidate(
      period,
      current.map((r) => {
        const eff = applyCorrections(r.extraction, corrections.get(r.id) ?? []);
        return { reportId: r.id, extraction: eff.extraction, flagCount: flagCount.get(r.id) ?? 0, correctedPaths: eff.corrected.keys() };
      }),
      { districts },
    );
  }

  /** The flags computed across the period's reports. */
  async crossFlags(period: string, scope?: string): Promise<WorkspaceFlag[]> {
    const { all, districts } = await this.load(period, scope);
    const duplicateFiles = await filesWithoutReport(this.deps.db, ['duplicate']);
    const registry = this.deps.registry.forPeriod(period);
    const districtLabel = (district: string, province: string | null) => {
      const d = registry.findDistrict(district, { province });
      return `${d?.districtKind ?? 'huyện'} ${district}`;
    };
    const corrections = new Map<number, CorrectionRow[]>();
    for (const c of await this.corrections.forReports(all.map((r) => r.id))) corrections.set(c.report_id, [...(corrections.get(c.report_id) ?? []), c]);
    return crossChecks({ period, districts, reports: all, duplicateFiles, districtLabel, corrections });
  }

  /** The period's flags: those stored with current reports, then those across reports; filtered. */
  async flags(period: string, filter: FlagFilter = {}, scope?: string): Promise<WorkspaceFlag[]> {
    const [stored, cross, { all, districts }] = await Promise.all([this.deps.reports.flagsForPeriod(period), this.crossFlags(period, scope), this.load(period, scope)]);
    // A report from outside the served scope is not the scope's to check: its UNIT_OUTSIDE_DISTRICT
    // flag says so; its own flags stay on its report page.
    const inScope = new Set(all.filter((r) => districtOf(districts, r.extraction.unit)).map((r) => r.id));
    const mine = stored.filter((f) => f.report_id === null || inScope.has(f.report_id));
    const criteria = criteriaSetFlags(period, all.filter((r) => r.is_current && inScope.has(r.id)));
    let flags = [...mine.map(storedFlag), ...cross, ...criteria];
    if (filter.commune) {
      const key = nameKey(filter.commune.replace(/^(xã|phường|thị trấn)\s+/iu, ''));
      flags = flags.filter((f) => f.commune !== null && nameKey(f.commune) === key);
    }
    if (filter.code) flags = flags.filter((f) => f.code === filter.code);
    if (filter.severity) flags = flags.filter((f) => f.severity === filter.severity);
    const collator = new Intl.Collator('vi');
    const rank = (f: WorkspaceFlag) => {
      const i = FLAG_ORDER.indexOf(f.code);
      return (SEVERITY_ORDER[f.severity] ?? 3) * 100 + (i < 0 ? FLAG_ORDER.length : i);
    };
    return flags.sort((a, b) => rank(a) - rank(b) || collator.compare(a.commune ?? '', b.commune ?? '') || a.id.localeCompare(b.id));
  }

  async submissions(period: string, scope?: string): Promise<Submissions> {
    const [table, { all }, files] = await Promise.all([
      this.consolidated(period, scope),
      this.load(period, scope),
      filesWithoutReport(this.deps.db, ['failed', 'duplicate', 'not_a_report', 'received']),
    ]);
    const byCurrent = new Map<number, PeriodReport[]>();
    const unitKey = (r: PeriodReport) => `${nameKey(r.district ?? '')}|${nameKey(r.commune ?? '')}|${r.commune_kind ?? ''}`;
    const byUnit = new Map<string, PeriodReport[]>();
    for (const r of all) byUnit.set(unitKey(r), [...(byUnit.get(unitKey(r)) ?? []), r]);
    for (const r of all) if (r.is_current) byCurrent.set(r.id, byUnit.get(unitKey(r)) ?? [r]);
    const districts = table.districts.map((d) => {
      const communes: CommuneSubmission[] = d.rows.map((row) => ({
        code: row.code,
        commune: row.commune,
        communeKind: row.communeKind,
        status: row.reported ? 'reported' : 'not_reported',
        inList: row.inList,
        note: row.note,
        carriesOn: row.carriesOn,
        reportId: row.reportId,
        flags: row.flags,
        corrected: row.corrected.length > 0,
        submissions: (row.reportId !== null ? (byCurrent.get(row.reportId) ?? []) : []).map((r) => ({
          reportId: r.id,
          fileName: r.original_name,
          receivedAt: r.received_at.toISOString(),
          isCurrent: r.is_current,
        })),
      }));
      return {
        level: d.level, label: d.label, district: d.district, districtCode: d.districtCode, province: d.province, successorOf: d.successorOf,
        communes, reported: d.reported, total: d.communes,
      };
    });
    const flat = districts.flatMap((d) => d.communes.filter((c) => c.inList));
    return {
      period,
      districts,
      outside: table.outside,
      files: files.map((f) => ({ ...f, received_at: f.received_at.toISOString(), processed_at: f.processed_at?.toISOString() ?? null })),
      summary: {
        communes: flat.length,
        reported: flat.filter((c) => c.status === 'reported').length,
        notReported: flat.filter((c) => c.status === 'not_reported').length,
        resubmitted: flat.filter((c) => c.submissions.length > 1).length,
        outside: table.outside.length,
        failedFiles: files.filter((f) => f.status === 'failed').length,
        waitingFiles: files.filter((f) => f.status === 'received').length,
      },
    };
  }

  async report(id: number): Promise<ReportDetail | undefined> {
    const report = await this.deps.reports.get(id);
    if (!report) return undefined;
    const file = await this.deps.db.selectFrom('received_files').selectAll().where('id', '=', report.file_id).executeTakeFirstOrThrow();
    const corrections = await this.corrections.forReport(id);
    const eff = applyCorrections(report.extraction, corrections);
    const stored = new Map(report.values.map((v) => [v.path, v]));
    const values: ReportValue[] = leafPaths(eff.extraction).map((path) => {
      const row = stored.get(path);
      const prov = row ? { section: row.section, quote: row.quote } : provenanceFor(report.extraction.provenance, path);
      const original = getLeaf(report.extraction, path);
      const sure = provenanceFor(report.extraction.provenance, path);
      return {
        path,
        label: labelOf(path, eff.extraction),
        group: groupOf(path),
        kind: kindOf(path),
        original: original === undefined ? null : original,
        value: getLeaf(eff.extraction, path) ?? null,
        corrected: eff.corrected.has(path),
        correctable: correctionBlockedReason(path) === null,
        section: prov?.section ?? null,
        quote: prov?.quote ?? null,
        confidence: original === null || original === undefined ? null : sure?.confidence ?? null,
        why: sure?.why ?? null,
      };
    });
    let flags = report.flags.map(storedFlag);
    if (report.period) flags = [...flags, ...(await this.crossFlags(report.period)).filter((f) => f.reportId === id)];
    const history = report.period && report.commune ? await this.deps.reports.history(report.period, report.commune, report.district) : [report];
    const files = new Map<number, { received_at: Date; original_name: string }>();
    if (history.length > 1) {
      const rows = await this.deps.db
        .selectFrom('received_files')
        .select(['id', 'received_at', 'original_name'])
        .where('id', 'in', history.map((h) => h.file_id))
        .execute();
      for (const r of rows) files.set(r.id, r);
    }
    const criteriaCheck = criteriaCheckNote(eff.extraction.unit.province, eff.extraction.period);
    return {
      id: report.id,
      period: report.period,
      commune: report.commune,
      communeKind: report.commune_kind,
      district: report.district,
      province: report.province,
      isCurrent: report.is_current,
      createdAt: report.created_at.toISOString(),
      document: eff.extraction.document,
      file: {
        id: file.id,
        name: file.original_name,
        format: file.format,
        sizeBytes: file.size_bytes,
        sha256: file.sha256,
        status: file.status,
        receivedAt: file.received_at.toISOString(),
        storedPath: file.stored_path,
      },
      values,
      criteria: { setId: criteriaCheck.set?.id ?? null, note: criteriaCheck.note },
      corrections: corrections.map((c) => viewOf(c, eff.extraction)),
      flags,
      history: history.map((h) => ({
        reportId: h.id,
        fileName: files.get(h.file_id)?.original_name ?? file.original_name,
        receivedAt: (files.get(h.file_id)?.received_at ?? file.received_at).toISOString(),
        isCurrent: h.is_current,
      })),
      extraction: report.extraction,
      effective: eff.extraction,
    };
  }

  /** Corrects one value of a report; the old value is the effective one before this correction. */
  async correct(
    reportId: number,
    input: { path: string; value: unknown; reason: string },
    who: { tokenId: number | null; name: string },
  ): Promise<CorrectionResult> {
    const report = await this.deps.reports.get(reportId);
    if (!report) return { ok: false, status: 404, message: `không có báo cáo số ${reportId}` };
    const eff = applyCorrections(report.extraction, await this.corrections.forReport(reportId));
    const prepared = prepareCorrection(eff.extraction, input.path, input.value);
    if (!prepared.ok) return { ok: false, status: 400, message: prepared.message };
    const row = await this.corrections.add({
      reportId,
      path: prepared.path,
      oldValue: prepared.oldValue,
      newValue: prepared.newValue,
      reason: input.reason.normalize('NFC').trim(),
      tokenId: who.tokenId,
      who: who.name,
    });
    return { ok: true, correction: viewOf(row, prepared.extraction) };
  }
}

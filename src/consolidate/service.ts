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
import { CONTENT_FLAG_CODES, periodName, sectionName, type FlagState } from '../labels.ts';
import { aliasedExtraction, AliasesRepository, type AliasLevel, type AliasRow } from '../workspace/aliases.ts';
import { FlagStatesRepository } from '../workspace/flag-states.ts';
import { deadlineEnd, PeriodsRepository, timingOf, type Timing } from '../workspace/periods.ts';
import { fieldOf, recheckReport, storedFlag } from '../workspace/recheck.ts';
import { nameDistance, nameKey } from '../document/names.ts';
import { criteriaCheckNote, criteriaSetForPeriod } from '../criteria/sets.ts';
import { periodEnd, type Registry } from '../registry/index.ts';
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
import { districtOf, placeReport, scopeLabel, servedDistricts, validateScope, type ScopeSetting, type ServedDistrict } from './scope.ts';
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
  periodLabel: string | null;
  /** The unit's code in the list in force at the period's end (for its history), and that date. */
  unitCode: string | null;
  periodEnd: string | null;
  /** The unit aliases that read this report's unit as a registered one. */
  aliases: { id: number; level: AliasLevel; written: string; target: string; who: string; at: string; reason: string }[];
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
  /** Against the period's deadline: the first report by the end of that day, after it, or none yet. */
  timing: Timing;
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
  /** '6 tháng đầu năm 2024'. */
  label: string;
  deadline: string | null;
  deadlinePassed: boolean;
  /** The units that have not reported, in one line ready to copy ('xã A, xã B'). */
  missingText: string;
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
  summary: { communes: number; reported: number; notReported: number; onTime: number; late: number; resubmitted: number; outside: number; failedFiles: number; waitingFiles: number };
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

export { storedFlag } from '../workspace/recheck.ts';

/** A report of the period as the workspace reads it: its unit with the aliases applied. */
interface LoadedReport extends PeriodReport {
  /** The extraction as stored. */
  stored: Extraction;
  aliases: AliasRow[];
}

interface Loaded {
  all: LoadedReport[];
  current: LoadedReport[];
  districts: ServedDistrict[];
  corrections: Map<number, CorrectionRow[]>;
  /** Each current report's own flags, recomputed over its corrections and aliases. */
  reportFlags: Map<number, WorkspaceFlag[]>;
  /** Stored flags that belong to no report. */
  loose: FlagRow[];
}

export interface PeriodInfo extends PeriodSummary {
  /** '6 tháng đầu năm 2024'. */
  label: string;
  /** 'YYYY-MM-DD' or null. */
  deadline: string | null;
  /** Opened by staff (before or after its first report). */
  opened: boolean;
}

export interface AliasInput {
  reportId: number;
  level: AliasLevel;
  /** The registered unit's code: a commune (5 digits) or a district (3 digits). */
  targetCode: string;
  reason: string;
}

export type AliasResult = { ok: true; alias: AliasRow } | { ok: false; status: 400 | 404; message: string };

const unitKeyOf = (u: Extraction['unit']) => `${nameKey(u.district ?? '')}|${nameKey(u.commune ?? '')}|${u.communeKind ?? ''}`;

/** Content errors first, then by severity and the usual order. */
function flagRank(f: WorkspaceFlag): number {
  const content = CONTENT_FLAG_CODES.includes(f.code) ? 0 : 1;
  const i = FLAG_ORDER.indexOf(f.code);
  return content * 1000 + (SEVERITY_ORDER[f.severity] ?? 3) * 100 + (i < 0 ? FLAG_ORDER.length : i);
}

export class Workspace {
  readonly corrections: CorrectionsRepository;
  readonly aliases: AliasesRepository;
  readonly flagStates: FlagStatesRepository;
  readonly periodsRepo: PeriodsRepository;

  constructor(private readonly deps: WorkspaceDeps) {
    this.corrections = new CorrectionsRepository(deps.db);
    this.aliases = new AliasesRepository(deps.db);
    this.flagStates = new FlagStatesRepository(deps.db);
    this.periodsRepo = new PeriodsRepository(deps.db);
    validateScope(deps.registry, deps.scope); // a wrong BAOCAO_SCOPE / BAOCAO_DISTRICT fails at start, not at the first request
  }

  static fromApp(app: App, scope: ScopeSetting): Workspace {
    return new Workspace({ db: app.database.db, reports: app.reports, registry: app.registry, scope });
  }

  get scope(): ScopeSetting {
    return this.deps.scope;
  }

  get registry(): Registry {
    return this.deps.registry;
  }

  /** The configured scope, for display ('huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh'); null when unset. */
  servedDistrictLabel(scope?: string): string | null {
    return scopeLabel(this.deps.registry, scope ? { scope } : this.deps.scope);
  }

  /** The scope setting of a request: its own scope ('tỉnh Bắc Ninh'), else the configured one. */
  private settingOf(scope: string | undefined): ScopeSetting {
    return scope ? { scope } : this.deps.scope;
  }

  /** Periods with reports and periods opened by staff (with their deadlines), newest first. */
  async periods(): Promise<PeriodInfo[]> {
    const [withReports, opened] = await Promise.all([periodsWithReports(this.deps.db), this.periodsRepo.list()]);
    const out = new Map<string, PeriodInfo>();
    for (const p of withReports) out.set(p.period, { ...p, label: periodName(p.period), deadline: null, opened: false });
    for (const o of opened) {
      const known = out.get(o.period);
      out.set(o.period, { ...(known ?? { period: o.period, reports: 0, current: 0 }), label: periodName(o.period), deadline: o.deadline, opened: true });
    }
    return [...out.values()].sort((a, b) => b.period.localeCompare(a.period));
  }

  /** Opens a period (before its first report) or sets its deadline. */
  async openPeriod(period: string, deadline: string | null, who: { tokenId: number | null; name: string }): Promise<PeriodInfo> {
    await this.periodsRepo.upsert(period, deadline, who);
    return (await this.periods()).find((p) => p.period === period)!;
  }

  private async load(period: string, scope?: string): Promise<Loaded> {
    const [raw, aliases, storedFlags] = await Promise.all([
      reportsOfPeriod(this.deps.db, period),
      this.aliases.active(),
      this.deps.reports.flagsForPeriod(period),
    ]);
    const all: LoadedReport[] = raw.map((r) => {
      const a = aliasedExtraction(r.extraction, aliases);
      return { ...r, stored: r.extraction, extraction: a.extraction, aliases: a.applied };
    });
    // Aliased, two current reports may name one unit: the one received last counts.
    const lastOf = new Map<string, LoadedReport>();
    for (const r of all) if (r.is_current && r.extraction.unit.commune) lastOf.set(unitKeyOf(r.extraction.unit), r);
    for (const r of all) {
      if (r.is_current && r.extraction.unit.commune && lastOf.get(unitKeyOf(r.extraction.unit)) !== r) r.is_current = false;
    }
    const current = all.filter((r) => r.is_current);
    const rows = await this.corrections.forReports(all.map((r) => r.id));
    const corrections = new Map<number, CorrectionRow[]>();
    for (const c of rows) corrections.set(c.report_id, [...(corrections.get(c.report_id) ?? []), c]);
    const flagsOf = new Map<number, FlagRow[]>();
    const loose: FlagRow[] = [];
    for (const f of storedFlags) {
      if (f.report_id === null) loose.push(f);
      else flagsOf.set(f.report_id, [...(flagsOf.get(f.report_id) ?? []), f]);
    }
    const reportFlags = new Map<number, WorkspaceFlag[]>();
    for (const r of current) {
      const own = corrections.get(r.id) ?? [];
      const eff = applyCorrections(r.extraction, own);
      reportFlags.set(r.id, recheckReport({
        reportId: r.id, period: r.period, stored: r.stored, effective: eff.extraction, storedFlags: flagsOf.get(r.id) ?? [],
        changed: own.length > 0 || r.aliases.length > 0, registry: this.deps.registry,
      }));
    }
    // The units in force at the period's end (a code means another unit in another list).
    const districts = servedDistricts(this.deps.registry.forPeriod(period), this.settingOf(scope), current.map((r) => r.extraction.unit));
    return { all, current, districts, corrections, reportFlags, loose };
  }

  /** Every flag of the period (in-report, recomputed; across reports; criteria sets) with its state. */
  private async computeFlags(period: string, loaded: Loaded): Promise<WorkspaceFlag[]> {
    const { all, districts, corrections, reportFlags, loose } = loaded;
    const duplicateFiles = await filesWithoutReport(this.deps.db, ['duplicate']);
    const registry = this.deps.registry.forPeriod(period);
    const districtLabel = (district: string, province: string | null) => {
      const d = registry.findDistrict(district, { province });
      return `${d?.districtKind ?? 'huyện'} ${district}`;
    };
    const cross = crossChecks({ period, districts, reports: all, duplicateFiles, districtLabel, corrections });
    // A report from outside the served scope is not the scope's to check: its UNIT_OUTSIDE_DISTRICT
    // flag says so; its own flags stay on its report page.
    const inScope = new Set(all.filter((r) => districtOf(districts, r.extraction.unit)).map((r) => r.id));
    const own = [...reportFlags.entries()].filter(([id]) => inScope.has(id)).flatMap(([, f]) => f);
    const criteria = criteriaSetFlags(period, all.filter((r) => r.is_current && inScope.has(r.id)));
    const states = await this.flagStates.latest(period);
    return [...loose.map((f) => storedFlag(f)), ...own, ...cross, ...criteria].map((f) => {
      const st = states.get(f.id);
      return { ...f, state: st?.state ?? 'open', stateNote: st?.note ?? null, stateBy: st?.who ?? null, stateAt: st?.at ?? null, field: fieldOf(f) };
    });
  }

  async consolidated(period: string, scope?: string): Promise<ConsolidatedTable> {
    const loaded = await this.load(period, scope);
    const flags = await this.computeFlags(period, loaded);
    const open = new Map<number, number>();
    for (const f of flags) if (f.reportId !== null && f.state === 'open') open.set(f.reportId, (open.get(f.reportId) ?? 0) + 1);
    return consolidate(
      period,
      loaded.current.map((r) => {
        const eff = applyCorrections(r.extraction, loaded.corrections.get(r.id) ?? []);
        return { reportId: r.id, extraction: eff.extraction, flagCount: open.get(r.id) ?? 0, correctedPaths: eff.corrected.keys() };
      }),
      { districts: loaded.districts },
    );
  }

  /** The flags computed across the period's reports. */
  async crossFlags(period: string, scope?: string): Promise<WorkspaceFlag[]> {
    return (await this.flags(period, {}, scope)).filter((f) => f.source === 'cross');
  }

  /** The period's flags: the current reports' own (recomputed), those across reports; filtered and
   *  ordered: content errors first, then by severity. */
  async flags(period: string, filter: FlagFilter & { state?: FlagState | undefined } = {}, scope?: string): Promise<WorkspaceFlag[]> {
    let flags = await this.computeFlags(period, await this.load(period, scope));
    if (filter.commune) {
      const key = nameKey(filter.commune.replace(/^(xã|phường|thị trấn)\s+/iu, ''));
      flags = flags.filter((f) => f.commune !== null && nameKey(f.commune) === key);
    }
    if (filter.code) flags = flags.filter((f) => f.code === filter.code);
    if (filter.severity) flags = flags.filter((f) => f.severity === filter.severity);
    if (filter.state) flags = flags.filter((f) => f.state === filter.state);
    const collator = new Intl.Collator('vi');
    return flags.sort((a, b) => flagRank(a) - flagRank(b) || collator.compare(a.commune ?? '', b.commune ?? '') || a.id.localeCompare(b.id));
  }

  /** Marks a flag resolved, dismissed or open again, with a note; the flag must be one of the period's. */
  async setFlagState(
    period: string,
    flagId: string,
    input: { state: FlagState; note: string | null },
    who: { tokenId: number | null; name: string },
    scope?: string,
  ): Promise<{ ok: true; flag: WorkspaceFlag } | { ok: false; message: string }> {
    const flag = (await this.flags(period, {}, scope)).find((f) => f.id === flagId);
    if (!flag) return { ok: false, message: `không có cảnh báo "${flagId}" trong ${periodName(period).replace(/^N/, 'n')} (có thể đã hết sau khi đính chính)` };
    if (input.state !== 'open' && !input.note && input.state === 'dismissed') return { ok: false, message: 'bỏ qua cảnh báo cần ghi lý do' };
    await this.flagStates.set({ flag_id: flagId, period, report_id: flag.reportId, code: flag.code, state: input.state, note: input.note, token_id: who.tokenId, who: who.name });
    const updated = (await this.flags(period, {}, scope)).find((f) => f.id === flagId)!;
    return { ok: true, flag: updated };
  }

  async submissions(period: string, scope?: string): Promise<Submissions> {
    const [table, { all }, files, opened] = await Promise.all([
      this.consolidated(period, scope),
      this.load(period, scope),
      filesWithoutReport(this.deps.db, ['failed', 'duplicate', 'not_a_report', 'received']),
      this.periodsRepo.get(period),
    ]);
    const deadline = opened?.deadline ?? null;
    const byCurrent = new Map<number, PeriodReport[]>();
    const byUnit = new Map<string, PeriodReport[]>();
    for (const r of all) byUnit.set(unitKeyOf(r.extraction.unit), [...(byUnit.get(unitKeyOf(r.extraction.unit)) ?? []), r]);
    for (const r of all) if (r.is_current) byCurrent.set(r.id, byUnit.get(unitKeyOf(r.extraction.unit)) ?? [r]);
    const districts = table.districts.map((d) => {
      const communes: CommuneSubmission[] = d.rows.map((row) => {
        const submissions = (row.reportId !== null ? (byCurrent.get(row.reportId) ?? []) : []).map((r) => ({
          reportId: r.id,
          fileName: r.original_name,
          receivedAt: r.received_at.toISOString(),
          isCurrent: r.is_current,
        }));
        const first = submissions[0] ? new Date(submissions[0].receivedAt) : null;
        return {
          code: row.code,
          commune: row.commune,
          communeKind: row.communeKind,
          status: row.reported ? 'reported' : 'not_reported',
          timing: timingOf(row.reported ? first : null, deadline),
          inList: row.inList,
          note: row.note,
          carriesOn: row.carriesOn,
          reportId: row.reportId,
          flags: row.flags,
          corrected: row.corrected.length > 0,
          submissions,
        };
      });
      return {
        level: d.level, label: d.label, district: d.district, districtCode: d.districtCode, province: d.province, successorOf: d.successorOf,
        communes, reported: d.reported, total: d.communes,
      };
    });
    const flat = districts.flatMap((d) => d.communes.filter((c) => c.inList));
    const missing = flat.filter((c) => c.status === 'not_reported');
    return {
      period,
      label: periodName(period),
      deadline,
      deadlinePassed: deadline !== null && Date.now() > deadlineEnd(deadline).getTime(),
      districts,
      outside: table.outside,
      files: files.map((f) => ({ ...f, received_at: f.received_at.toISOString(), processed_at: f.processed_at?.toISOString() ?? null })),
      missingText: missing.map((c) => `${c.communeKind ?? 'xã'} ${c.commune}`).join(', '),
      summary: {
        communes: flat.length,
        reported: flat.filter((c) => c.status === 'reported').length,
        notReported: missing.length,
        onTime: flat.filter((c) => c.timing === 'on_time').length,
        late: flat.filter((c) => c.timing === 'late').length,
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
    const aliased = aliasedExtraction(report.extraction, await this.aliases.active());
    const eff = applyCorrections(aliased.extraction, corrections);
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
        section: sectionName(prov?.section ?? null),
        quote: prov?.quote ?? null,
        confidence: original === null || original === undefined ? null : sure?.confidence ?? null,
        why: sure?.why ?? null,
      };
    });
    let flags: WorkspaceFlag[];
    if (report.period) {
      flags = (await this.flags(report.period)).filter((f) => f.reportId === id);
      if (!report.is_current || flags.length === 0) {
        const own = recheckReport({
          reportId: id, period: report.period, stored: report.extraction, effective: eff.extraction, storedFlags: report.flags,
          changed: corrections.length > 0 || aliased.applied.length > 0, registry: this.deps.registry,
        });
        const seen = new Set(flags.map((f) => f.id));
        flags = [...flags, ...own.filter((f) => !seen.has(f.id)).map((f) => ({ ...f, state: 'open' as const, field: fieldOf(f) }))];
      }
    } else {
      flags = report.flags.map((f) => ({ ...storedFlag(f), state: 'open' as const, field: fieldOf(storedFlag(f)) }));
    }
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
    const u = eff.extraction.unit;
    const end = report.period ? periodEnd(report.period) : null;
    const placed = report.period && u.commune ? placeReport(this.deps.registry.forPeriod(report.period), u).unit : null;
    return {
      id: report.id,
      period: report.period,
      periodLabel: report.period ? periodName(report.period) : null,
      unitCode: placed?.communeCode ?? null,
      periodEnd: end,
      commune: u.commune,
      communeKind: u.communeKind,
      district: u.district,
      province: u.province,
      aliases: aliased.applied.map((a) => ({ id: a.id, level: a.level, written: a.written, target: a.target_name, who: a.who, at: a.created_at.toISOString(), reason: a.reason })),
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

  /** The corrections of the period's reports (current or not), oldest first, for the exports. */
  async correctionsOfPeriod(period: string, scope?: string): Promise<(CorrectionView & { commune: string })[]> {
    const { all, corrections } = await this.load(period, scope);
    const out: (CorrectionView & { commune: string })[] = [];
    for (const r of all) {
      for (const c of corrections.get(r.id) ?? []) {
        const u = r.extraction.unit;
        out.push({ ...viewOf(c, r.extraction), commune: `${u.communeKind ?? 'xã'} ${u.commune ?? '(không rõ)'}` });
      }
    }
    return out.sort((a, b) => a.id - b.id);
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

  /** The scopes the page offers for a period: the configured one, the province its units are in at the
   *  period's end (tỉnh Bắc Giang for 2024-H1, tỉnh Bắc Ninh for 2025-H2) and that province's districts
   *  in force then (none from 1 Jul 2025). */
  scopesFor(period: string): { configured: string | null; options: string[] } {
    const registry = this.deps.registry.forPeriod(period);
    const configured = this.servedDistrictLabel();
    let groups: ServedDistrict[] = [];
    try {
      groups = configured ? servedDistricts(registry, this.deps.scope, []) : [];
    } catch {
      groups = [];
    }
    const provinces = new Map<string, { code: string; label: string }>();
    for (const g of groups) {
      for (const c of g.communes.slice(0, 1)) {
        const u = registry.lists.map((l) => l.commune(c.code)).find((x) => x && registry.inForce(x));
        if (u) provinces.set(u.provinceCode, { code: u.provinceCode, label: `${u.provinceKind} ${u.province}` });
      }
    }
    const options = new Set<string>(configured ? [configured] : []);
    for (const p of provinces.values()) {
      options.add(p.label);
      const districts = new Map<string, string>();
      for (const u of registry.list.units) {
        if (u.provinceCode !== p.code || !u.districtCode || !u.district) continue;
        districts.set(u.districtCode, `${u.districtKind} ${u.district}, ${u.provinceKind} ${u.province}`);
      }
      for (const d of [...districts.values()].sort((a, b) => a.localeCompare(b, 'vi'))) options.add(d);
    }
    return { configured, options: [...options] };
  }

  /** The registered units a report's commune (or district) may be mapped to: the scope's units in force
   *  for its period, nearest name first. */
  async aliasCandidates(reportId: number, level: AliasLevel, scope?: string): Promise<{ written: string | null; candidates: { code: string; label: string; distance: number }[] } | undefined> {
    const report = await this.deps.reports.get(reportId);
    if (!report?.period) return undefined;
    const u = report.extraction.unit;
    const registry = this.deps.registry.forPeriod(report.period);
    const written = level === 'commune' ? u.commune : u.district;
    let candidates: { code: string; label: string; name: string }[];
    if (level === 'commune') {
      const districts = servedDistricts(registry, this.settingOf(scope), [u]);
      candidates = districts.flatMap((d) => d.communes.map((c) => ({
        code: c.code, name: c.commune, label: `${c.communeKind} ${c.commune}${c.district ? `, ${c.district}` : ''}${d.province ? `, ${d.province}` : ''}`,
      })));
    } else {
      const province = u.province ? registry.findProvince(u.province) : null;
      const pool = province ? registry.list.units.filter((x) => x.provinceCode === province.provinceCode) : registry.list.units;
      const seen = new Map<string, { code: string; label: string; name: string }>();
      for (const x of pool) {
        if (!x.districtCode || !x.district || seen.has(x.districtCode)) continue;
        seen.set(x.districtCode, { code: x.districtCode, name: x.district, label: `${x.districtKind ?? 'huyện'} ${x.district}, ${x.province}` });
      }
      candidates = [...seen.values()];
    }
    const ranked = candidates
      .map((c) => ({ code: c.code, label: c.label, distance: written ? nameDistance(written, c.name) : 99 }))
      .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label, 'vi'));
    return { written, candidates: ranked };
  }

  /** Maps the commune (or district) a report writes to a registered unit, for this and later reports. */
  async addAlias(input: AliasInput, who: { tokenId: number | null; name: string }): Promise<AliasResult> {
    const report = await this.deps.reports.get(input.reportId);
    if (!report) return { ok: false, status: 404, message: `không có báo cáo số ${input.reportId}` };
    if (!report.period) return { ok: false, status: 400, message: 'báo cáo không rõ kỳ: không xác định được danh mục đơn vị' };
    const u = report.extraction.unit;
    const registry = this.deps.registry.forPeriod(report.period);
    const written = input.level === 'commune' ? u.commune : u.district;
    if (!written) return { ok: false, status: 400, message: input.level === 'commune' ? 'báo cáo không nêu tên xã' : 'báo cáo không nêu tên huyện' };
    const reason = input.reason.normalize('NFC').trim();
    if (input.level === 'commune') {
      const target = registry.lists.map((l) => l.commune(input.targetCode)).find((x) => x && registry.inForce(x));
      if (!target) return { ok: false, status: 400, message: `mã ${input.targetCode} không phải đơn vị cấp xã trong ${registry.label}` };
      if (nameKey(target.commune) === nameKey(written) && nameKey(target.district ?? '') === nameKey(u.district ?? '')) {
        return { ok: false, status: 400, message: `báo cáo đã ghi đúng tên ${target.communeKind} ${target.commune}` };
      }
      const alias = await this.aliases.add({
        level: 'commune', written, within_district_key: u.district ? nameKey(u.district) : null, within_province_key: u.province ? nameKey(u.province) : null,
        target_code: target.communeCode, target_name: target.commune, target_kind: target.communeKind, target_district: target.district,
        target_province: target.province, reason, report_id: report.id, token_id: who.tokenId, who: who.name,
      });
      return { ok: true, alias };
    }
    const target = registry.lists.map((l) => l.district(input.targetCode)).find((x) => x && registry.inForce(x));
    if (!target) return { ok: false, status: 400, message: `mã ${input.targetCode} không phải đơn vị cấp huyện trong ${registry.label}` };
    const alias = await this.aliases.add({
      level: 'district', written, within_district_key: null, within_province_key: null,
      target_code: target.districtCode, target_name: target.district, target_kind: target.districtKind, target_district: target.district,
      target_province: target.province, reason, report_id: report.id, token_id: who.tokenId, who: who.name,
    });
    return { ok: true, alias };
  }
}

// The period's workbook, as the page and `baocao consolidate --format xlsx` give it: the table and
// its annexes, and the sheets of the flags (with their states) and of the correction history.
import { showValue } from '../consolidate/checks.ts';
import type { Workspace } from '../consolidate/service.ts';
import { renderXlsx } from '../consolidate/xlsx.ts';
import { dateTimeVi, FLAG_LABELS, FLAG_STATE_LABELS, SEVERITY_LABELS } from '../labels.ts';

export async function periodWorkbook(workspace: Workspace, period: string, scope?: string): Promise<Buffer> {
  const [table, flags, corrections] = await Promise.all([
    workspace.consolidated(period, scope),
    workspace.flags(period, {}, scope),
    workspace.correctionsOfPeriod(period, scope),
  ]);
  return renderXlsx(table, {
    heading: workspace.servedDistrictLabel(scope),
    flags: flags.map((f) => ({
      commune: f.commune, severity: SEVERITY_LABELS[f.severity] ?? f.severity, label: FLAG_LABELS[f.code] ?? f.code, message: f.message, evidence: f.evidence,
      state: FLAG_STATE_LABELS[f.state ?? 'open'], stateBy: f.stateBy ?? null, stateAt: f.stateAt ? dateTimeVi(f.stateAt) : null, stateNote: f.stateNote ?? null,
    })),
    corrections: corrections.map((c) => ({
      commune: c.commune, reportId: c.reportId, label: c.label, oldValue: showValue(c.oldValue), newValue: showValue(c.newValue), reason: c.reason, who: c.who, at: dateTimeVi(c.at),
    })),
  });
}

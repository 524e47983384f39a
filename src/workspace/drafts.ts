// What goes into each letter, from what the workspace reads: the reminder names every unit of the
// scope that has not reported; a correction request lists the report's open flags (its own, about
// what it states), each with its message and its quotes. Rendering is in letters.ts.
import type { WorkspaceFlag } from '../consolidate/checks.ts';
import type { ReportDetail, Submissions } from '../consolidate/service.ts';
import { dayVi, FLAG_LABELS, periodName } from '../labels.ts';
import { correctionRequestLetter, headOf, reminderLetter } from './letters.ts';

/** The flags a commune is asked to settle: its report's own, still open. */
export function flagsForCommune(flags: readonly WorkspaceFlag[]): WorkspaceFlag[] {
  return flags.filter((f) => f.source === 'report' && (f.state ?? 'open') === 'open');
}

function unitsWord(kinds: Set<string>): string {
  const order = ['xã', 'phường', 'thị trấn', 'đặc khu'].filter((k) => kinds.has(k));
  return order.length ? `các ${order.join(', ')}` : 'các đơn vị';
}

export async function draftReminder(subs: Submissions, scopeLabel: string | null, now = new Date()): Promise<{ bytes: Buffer; units: string[] } | null> {
  const missing = subs.districts.flatMap((d) => d.communes.filter((c) => c.inList && c.status === 'not_reported'));
  if (missing.length === 0) return null;
  const units = missing.map((c) => `${c.communeKind ?? 'xã'} ${c.commune}`);
  const bytes = await reminderLetter({
    head: headOf(scopeLabel, now),
    periodLabel: periodName(subs.period).replace(/^N/, 'n'),
    deadline: subs.deadline ? dayVi(subs.deadline) : null,
    units,
    unitsWord: unitsWord(new Set(missing.map((c) => c.communeKind ?? 'xã'))),
  });
  return { bytes, units };
}

export async function draftCorrectionRequest(detail: ReportDetail, scopeLabel: string | null, now = new Date()): Promise<{ bytes: Buffer; problems: number } | null> {
  const flags = flagsForCommune(detail.flags);
  if (flags.length === 0 || !detail.period) return null;
  const doc = detail.document;
  const reportRef = doc.number && doc.date
    ? `Báo cáo số ${doc.number} ngày ${dayVi(doc.date)}`
    : `báo cáo (tệp "${detail.file.name}", nhận ngày ${dayVi(detail.file.receivedAt)})`;
  const bytes = await correctionRequestLetter({
    head: headOf(scopeLabel, now),
    periodLabel: periodName(detail.period).replace(/^N/, 'n'),
    unit: `${detail.communeKind ?? 'xã'} ${detail.commune ?? ''}`.trim(),
    reportRef,
    problems: flags.map((f) => ({ title: FLAG_LABELS[f.code] ?? f.code, message: f.message, quotes: f.evidence.slice(0, 3) })),
  });
  return { bytes, problems: flags.length };
}

// Reads the current reports of a period and builds the consolidated table.
import type { ReportsRepository } from '../db/repositories/reports.ts';
import { consolidate, type ConsolidatedTable } from './table.ts';

export async function consolidatedFor(reports: ReportsRepository, period: string): Promise<ConsolidatedTable> {
  const rows = await reports.listCurrent(period);
  return consolidate(
    period,
    rows.map((r) => ({ reportId: r.id, extraction: r.extraction, flagCount: r.flag_count })),
  );
}

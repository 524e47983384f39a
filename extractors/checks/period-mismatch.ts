// PERIOD_MISMATCH: the period in the title differs from the one the body states as the report's own
// ('UBND xã báo cáo kết quả … 6 tháng cuối năm', 'Trên đây là báo cáo … quý III') or from an annex title.
// Only sub-year expressions (6 tháng đầu/cuối năm, quý, 9 tháng) in those statements count: a year
// alone ('đăng ký đạt chuẩn năm 2024') and a data range ('Số liệu tính từ tháng 01/2024 đến nay')
// are not period statements; nor are sentences citing another document's request. The plan that
// follows the period ('…, triển khai nhiệm vụ 6 tháng cuối năm') is not the statement's period.
import { findSubPeriods, samePeriod, formatPeriod, type PeriodPart } from '../../src/document/periods.ts';
import { periodStatements } from '../period.ts';
import { makeFlag, type DocCheck } from './common.ts';
import type { Flag } from '../../src/contract.ts';

function show(p: { part: PeriodPart; year: number | null }): string {
  return p.year !== null ? formatPeriod(p.year, p.part) : p.part;
}

export const checkPeriodMismatch: DocCheck = ({ doc }) => {
  const statements = periodStatements(doc);
  const title = statements.find((s) => s.source === 'title');
  if (!title) return [];
  const t = { part: title.parsed.part, year: title.parsed.year };
  const flags: Flag[] = [];
  const seen = new Set<string>();
  for (const s of statements) {
    if (s.source === 'title' || s.cited) continue;
    const sub = findSubPeriods(s.quote)[0];
    if (!sub) continue;
    const p = { part: sub.part, year: sub.year };
    if (samePeriod(t, p)) continue;
    const where = s.source === 'annex' ? 'phụ lục' : 'phần nội dung';
    const key = `${where}|${show(p)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    flags.push(makeFlag(
      'PERIOD_MISMATCH',
      `Tiêu đề ghi kỳ báo cáo '${title.parsed.raw}' (${show(t)}) nhưng ${where} ghi '${sub.raw}' (${show(p)})`,
      [s.quote, title.quote],
    ));
  }
  return flags;
};

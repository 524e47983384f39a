// @ts-check
// The consolidated table: every unit of the scope, sortable by keyboard (a button in each header),
// a report opened from its unit's name (a button: Tab, then Enter), open flags per unit, a totals row.
import { api } from './api.js';
import { $, collator, fmt, h, periodLabel, unitName } from './dom.js';
import { hooks, periodQuery, state } from './state.js';

export async function loadTable() {
  state.table = await api(`/api/consolidated?${periodQuery()}`);
  renderSummary();
  renderTable();
}

export function renderSummary() {
  const t = state.table;
  const communes = t.districts.reduce((/** @type {number} */ a, /** @type {any} */ d) => a + d.communes, 0);
  const reported = t.districts.reduce((/** @type {number} */ a, /** @type {any} */ d) => a + d.reported, 0);
  const openFlags = state.flags.filter((f) => f.state === 'open').length;
  const chips = [
    h('span', { class: 'chip ok', id: 'chip-reported' }, 'Đã báo cáo ', h('b', {}, `${reported}/${communes}`)),
    h('span', { class: `chip ${communes - reported ? 'warn' : ''}` }, 'Chưa báo cáo ', h('b', {}, String(communes - reported))),
    h('span', { class: `chip ${openFlags ? 'warn' : ''}`, id: 'chip-open-flags' }, 'Cảnh báo chưa xử lý ', h('b', {}, String(openFlags))),
  ];
  const corrected = t.districts.reduce((/** @type {number} */ a, /** @type {any} */ d) => a + d.rows.filter((/** @type {any} */ r) => r.corrected.length).length, 0);
  if (corrected) chips.push(h('span', { class: 'chip' }, 'Đã đính chính ', h('b', {}, String(corrected))));
  if (t.outside.length) chips.push(h('span', { class: 'chip err' }, 'Ngoài phạm vi ', h('b', {}, String(t.outside.length))));
  $('summary').replaceChildren(...chips);
}

/** @param {any[]} rows */
function sortedRows(rows) {
  const { key, dir } = state.sort;
  /** @param {any} r */
  const val = (r) => (key === 'commune' ? r.commune : r[key]);
  const empty = (/** @type {unknown} */ v) => v === null || v === undefined || v === '';
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    if (empty(x)) return empty(y) ? collator.compare(a.commune, b.commune) : 1;
    if (empty(y)) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * dir || collator.compare(a.commune, b.commune);
  });
}

/** @param {string} key */
function sortBy(key) {
  state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
  renderTable();
  const btn = /** @type {HTMLElement | null} */ (document.querySelector(`table.data thead th[data-key="${key}"] button`));
  if (btn) btn.focus();
}

/** @param {Set<string>} [changed] */
export function renderTable(changed) {
  const t = state.table;
  const area = $('table-area');
  if (!t || t.districts.length === 0) {
    area.replaceChildren(h('p', { class: 'empty' }, `${periodLabel(state.period || '')}: chưa có báo cáo nào.`));
    return;
  }
  const cols = t.columns;
  const parts = [];
  for (const d of t.districts) {
    const head = h('tr', {},
      h('th', { scope: 'col', class: 'tt' }, 'TT'),
      ...cols.map((/** @type {any} */ c) => {
        const active = state.sort.key === c.key;
        return h('th', {
          scope: 'col',
          class: `sortable ${c.key === 'commune' ? 'commune-col' : ''}`,
          dataset: { key: c.key },
          'aria-sort': active ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none',
        }, h('button', { type: 'button', class: 'sort', title: `Sắp xếp theo ${c.header}`, onclick: () => sortBy(c.key) },
          c.header, h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (state.sort.dir > 0 ? '▲' : '▼') : '')));
      }),
    );
    const body = sortedRows(d.rows).map((row, i) => {
      const tr = h('tr', {
        class: row.reported ? 'reported' : 'missing',
        dataset: { commune: row.commune, code: row.code || '', reportId: row.reportId || '' },
        onclick: row.reported ? (/** @type {MouseEvent} */ e) => { if (!(/** @type {HTMLElement} */ (e.target)).closest('button')) hooks.openReport(row.reportId); } : undefined,
      }, h('td', { class: 'center' }, String(i + 1)));
      for (const c of cols) tr.append(cellFor(row, c));
      return tr;
    });
    const totals = h('tr', { class: 'totals' }, h('td', {}, ''), ...cols.map((/** @type {any} */ c) => {
      const td = cellFor(d.totals, c, true);
      if (changed && changed.has(`${d.district}|${c.key}`)) td.classList.add('changed');
      return td;
    }));
    const table = h('table', { class: 'data', id: `table-${d.districtCode || d.district}`, dataset: { district: d.district } },
      h('caption', { class: 'visually-hidden' }, `Bảng tổng hợp ${d.label}, ${periodLabel(t.period)}`),
      h('thead', {}, head), h('tbody', {}, body), h('tfoot', {}, totals));
    parts.push(
      h('div', { class: 'district-head' },
        h('h2', {}, d.label || d.district),
        h('span', { class: 'muted' }, `${periodLabel(t.period)} · ${d.reported}/${d.communes} đơn vị đã báo cáo`)),
      h('div', { class: 'table-wrap' }, table),
    );
  }
  if (t.outside.length) {
    parts.push(h('div', { class: 'outside' },
      h('b', {}, 'Báo cáo của đơn vị ngoài phạm vi tổng hợp (không cộng vào bảng): '),
      ...t.outside.map((/** @type {any} */ o, /** @type {number} */ i) => h('span', {}, i ? '; ' : '',
        h('button', { type: 'button', class: 'link', onclick: () => hooks.openReport(o.reportId) }, `${unitName(o.communeKind, o.commune || '(không rõ)')}, ${o.district || 'không rõ huyện'}`)))));
  }
  area.replaceChildren(...parts);
}

/** @param {any} row @param {any} c @param {boolean} [isTotal] */
function cellFor(row, c, isTotal) {
  const v = row[c.key];
  if (c.key === 'commune') {
    if (isTotal) return h('td', { class: 'commune-cell', dataset: { key: c.key } }, 'Tổng cộng');
    const name = unitName(row.communeKind, row.commune);
    return h('td', { class: 'commune-cell', dataset: { key: c.key } },
      row.reported
        ? h('button', { type: 'button', class: 'open-report', title: 'Mở báo cáo (Enter)', onclick: () => hooks.openReport(row.reportId) }, name)
        : name);
  }
  if (c.key === 'status') {
    if (isTotal) return h('td', { class: 'center', dataset: { key: c.key } }, row.status);
    return h('td', { class: 'center', dataset: { key: c.key } },
      h('span', { class: `badge ${row.reported ? 'ok' : 'missing'}` }, row.status));
  }
  if (c.key === 'flags' && !isTotal && !row.reported) return h('td', { class: 'num', dataset: { key: c.key } }, '');
  const corrected = row.corrected && row.corrected.includes(c.key);
  return h('td', {
    class: `${typeof v === 'number' ? 'num' : 'center'}${corrected ? ' corrected' : ''}`,
    dataset: { key: c.key },
    title: corrected ? (isTotal ? 'Tổng có giá trị đã đính chính' : 'Giá trị đã được huyện đính chính') : undefined,
  }, fmt(v));
}

// @ts-check
// Flags as work items: grouped by commune (content errors first), every missing submission in one
// line, each flag with its state (open / resolved / dismissed, who, when, note), "Sửa" to open the
// field it is about, and, for a unit the registry does not place, "Gán đơn vị" to map it (an alias).
import { api } from './api.js';
import { $, collator, copyText, flagLabel, fmtTime, h, notice, severityLabel } from './dom.js';
import { canEdit, hooks, periodQuery, state } from './state.js';

/** The severity and state filters, labelled from the server's labels (one source). */
function fillFixedFilters() {
  if (!state.labels) return;
  const sev = $('flag-severity');
  if (sev.options.length <= 1) {
    sev.replaceChildren(h('option', { value: '' }, 'Tất cả'), ...Object.entries(state.labels.severities).map(([v, l]) => h('option', { value: v }, l)));
  }
  const st = $('flag-state');
  if (st.dataset.filled !== '1') {
    const keep = st.value || 'open';
    st.replaceChildren(...Object.entries(state.labels.flagStates).map(([v, l]) => h('option', { value: v }, l)), h('option', { value: '' }, 'Tất cả'));
    st.value = keep;
    st.dataset.filled = '1';
  }
}

export async function loadFlags() {
  fillFixedFilters();
  const data = await api(`/api/flags?${periodQuery()}`);
  state.flags = data.flags;
  const open = data.flags.filter((/** @type {any} */ f) => f.state === 'open').length;
  $('flags-count').textContent = String(open);
  const communes = [...new Set(data.flags.map((/** @type {any} */ f) => f.commune).filter(Boolean))].sort(collator.compare);
  const codes = [...new Set(data.flags.map((/** @type {any} */ f) => f.code))].sort();
  fillSelect($('flag-commune'), communes.map((c) => [String(c), String(c)]));
  fillSelect($('flag-code'), codes.map((c) => [String(c), `${flagLabel(String(c))} (${data.counts[String(c)]})`]));
  renderFlags();
}

/** @param {HTMLSelectElement} select @param {string[][]} options */
function fillSelect(select, options) {
  const keep = select.value;
  select.replaceChildren(h('option', { value: '' }, 'Tất cả'), ...options.map(([v, label]) => h('option', { value: v }, label)));
  if (options.some(([v]) => v === keep)) select.value = keep;
}

const isContent = (/** @type {any} */ f) => !!state.labels && state.labels.contentFlags.includes(f.code);

export function renderFlags() {
  const commune = $('flag-commune').value;
  const code = $('flag-code').value;
  const severity = $('flag-severity').value;
  const st = $('flag-state').value;
  const list = state.flags.filter((f) => (!commune || f.commune === commune) && (!code || f.code === code) && (!severity || f.severity === severity) && (!st || f.state === st));
  const area = $('flags-list');
  if (list.length === 0) {
    area.replaceChildren(h('p', { class: 'empty' }, st === 'open' ? 'Không còn cảnh báo nào chưa xử lý.' : 'Không có cảnh báo nào.'));
    return;
  }
  const missing = list.filter((f) => f.code === 'MISSING_SUBMISSION');
  const outside = list.filter((f) => f.code === 'UNIT_OUTSIDE_DISTRICT');
  const rest = list.filter((f) => f.code !== 'MISSING_SUBMISSION' && f.code !== 'UNIT_OUTSIDE_DISTRICT');
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  for (const f of rest) {
    const key = f.commune || '';
    groups.set(key, [...(groups.get(key) || []), f]);
  }
  const ordered = [...groups.entries()].sort(([a, fa], [b, fb]) => {
    const ca = fa.some(isContent) ? 0 : 1;
    const cb = fb.some(isContent) ? 0 : 1;
    return ca - cb || (a ? 0 : 1) - (b ? 0 : 1) || collator.compare(a, b);
  });
  const parts = ordered.map(([name, flags]) => group(name ? `${flags[0].reportId ? '' : ''}${name}` : 'Chung cho cả kỳ', name, flags.sort((x, y) => Number(!isContent(x)) - Number(!isContent(y)))));
  if (missing.length) {
    const names = missing.map((f) => f.commune).sort(collator.compare);
    parts.push(h('section', { class: 'flag-group missing-line', id: 'missing-line', dataset: { code: 'MISSING_SUBMISSION' } },
      h('h3', {}, `${flagLabel('MISSING_SUBMISSION')} (${missing.length} đơn vị)`),
      h('p', { class: 'flag-msg', id: 'missing-names' }, names.join(', ')),
      h('button', { type: 'button', class: 'secondary small', onclick: () => copyText(names.join(', '), 'danh sách đơn vị chưa nộp') }, 'Sao chép danh sách')));
  }
  if (outside.length) parts.push(group(`Báo cáo của đơn vị ngoài phạm vi tổng hợp (${outside.length})`, '', outside));
  area.replaceChildren(...parts);
}

/** @param {string} title @param {string} commune @param {any[]} flags */
function group(title, commune, flags) {
  return h('section', { class: 'flag-group', dataset: { commune } },
    h('h3', {}, `${title} `, h('span', { class: 'muted' }, `(${flags.length})`)),
    h('ul', { class: 'flags' }, ...flags.map(flagItem)));
}

/** @param {any} f */
function flagItem(f) {
  const actions = [];
  if (f.reportId) actions.push(h('button', { type: 'button', class: 'link', onclick: () => hooks.openReport(f.reportId) }, 'Mở báo cáo'));
  if (canEdit() && f.reportId && f.field) {
    actions.push(h('button', { type: 'button', class: 'secondary small fix', onclick: () => hooks.openReport(f.reportId, f.field) }, 'Sửa'));
  }
  if (canEdit() && f.reportId && state.labels && state.labels.unitFlags.includes(f.code)) {
    actions.push(h('button', { type: 'button', class: 'secondary small map-unit', onclick: () => openAlias(f) }, 'Gán đơn vị'));
  }
  const li = h('li', { class: `flag ${f.severity} state-${f.state}`, dataset: { code: f.code, id: f.id } },
    h('div', { class: 'flag-head' },
      h('span', { class: `badge ${f.severity}` }, severityLabel(f.severity)),
      h('span', { class: 'badge info' }, flagLabel(f.code)),
      f.state !== 'open' ? h('span', { class: 'badge ok flag-state' }, state.labels ? state.labels.flagStates[f.state] : f.state) : null,
      ...actions),
    h('p', { class: 'flag-msg' }, f.message),
    f.evidence.length ? h('ul', { class: 'flag-evidence' }, ...f.evidence.slice(0, 6).map((/** @type {string} */ e) => h('li', {}, h('q', {}, e)))) : null,
    f.state !== 'open' ? h('p', { class: 'muted state-line' }, `${state.labels ? state.labels.flagStates[f.state] : f.state}: ${f.stateBy}, ${fmtTime(f.stateAt)}${f.stateNote ? ` — ${f.stateNote}` : ''}`) : null,
  );
  if (canEdit()) li.append(stateControls(f));
  return li;
}

/** @param {any} f */
function stateControls(f) {
  const box = h('div', { class: 'state-controls' });
  if (f.state !== 'open') {
    box.append(h('button', { type: 'button', class: 'secondary small reopen', onclick: () => setState(f, 'open', null) }, 'Mở lại'));
    return box;
  }
  const note = h('input', { class: 'state-note', 'aria-label': 'Ghi chú xử lý', placeholder: 'Ghi chú (bắt buộc khi bỏ qua)', maxlength: 1000 });
  box.append(note,
    h('button', { type: 'button', class: 'secondary small resolve', onclick: () => setState(f, 'resolved', note.value) }, 'Đã xử lý'),
    h('button', { type: 'button', class: 'secondary small dismiss', onclick: () => setState(f, 'dismissed', note.value) }, 'Bỏ qua'));
  return box;
}

/** @param {any} f @param {string} to @param {string | null} note */
async function setState(f, to, note) {
  try {
    await api('/api/flags/state', { method: 'POST', body: { period: state.period, flagId: f.id, state: to, note: note || undefined, ...(state.scope ? { scope: state.scope } : {}) } });
    await hooks.reload();
    notice(`Đã ghi nhận: ${flagLabel(f.code)} — ${state.labels ? state.labels.flagStates[to] : to}.`, 'success');
  } catch (err) {
    notice(/** @type {Error} */ (err).message, 'error');
  }
}

/** The dialog that maps the unit a report writes to a registered one. @param {any} f */
async function openAlias(f) {
  const dialog = $('alias-dialog');
  $('alias-error').textContent = '';
  $('alias-reason').value = '';
  const level = f.code === 'UNIT_OUTSIDE_DISTRICT' ? 'district' : 'commune';
  $('alias-level').value = level;
  dialog.dataset.reportId = String(f.reportId);
  await fillAliasCandidates();
  dialog.showModal();
}

export async function fillAliasCandidates() {
  const dialog = $('alias-dialog');
  const level = $('alias-level').value;
  try {
    const data = await api(`/api/reports/${dialog.dataset.reportId}/alias-candidates?level=${level}${state.scope ? `&scope=${encodeURIComponent(state.scope)}` : ''}`);
    $('alias-written').textContent = data.written || '(không nêu)';
    $('alias-target').replaceChildren(...data.candidates.map((/** @type {any} */ c) => h('option', { value: c.code }, c.label)));
  } catch (err) {
    $('alias-error').textContent = /** @type {Error} */ (err).message;
  }
}

/** @param {SubmitEvent} e */
export async function submitAlias(e) {
  e.preventDefault();
  const dialog = $('alias-dialog');
  try {
    const r = await api('/api/aliases', { method: 'POST', body: { reportId: Number(dialog.dataset.reportId), level: $('alias-level').value, targetCode: $('alias-target').value, reason: $('alias-reason').value } });
    dialog.close();
    await hooks.reload();
    notice(`Đã gán "${r.alias.written}" là ${r.alias.target}; các báo cáo sau ghi như vậy cũng được tính cho đơn vị này.`, 'success', true);
  } catch (err) {
    $('alias-error').textContent = /** @type {Error} */ (err).message;
  }
}

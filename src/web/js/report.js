// @ts-check
// A report's detail: each value beside its quote and section; corrections with a reason; its flags
// and the unit aliases that read it. Opened from the table, the flags ("Sửa" opens the field) and
// the submissions.
import { api, download } from './api.js';
import { $, flagLabel, fmt, fmtTime, fmtValue, h, notice, periodLabel, severityLabel, unitName } from './dom.js';
import { canEdit, hooks, state } from './state.js';
import { loadTable, renderTable } from './table.js';
import { loadFlags } from './flags.js';

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
/** Values extracted with a confidence under this are listed for review first (extractors/index.ts REVIEW_BELOW). */
const REVIEW_BELOW = 0.75;

/** @param {any} v */
const isUnsure = (v) => v.confidence !== null && v.confidence !== undefined && v.confidence < REVIEW_BELOW;

/** @param {number} id @param {string | null} [field] */
export async function openReport(id, field = null) {
  const dialog = $('report-dialog');
  $('report-title').textContent = 'Đang tải…';
  $('report-sub').textContent = '';
  $('report-body').replaceChildren();
  if (!dialog.open) dialog.showModal();
  try {
    state.report = await api(`/api/reports/${id}`);
    state.report.unitHistory = state.report.unitCode && state.report.periodEnd
      ? await api(`/api/units/${state.report.unitCode}/history?date=${state.report.periodEnd}`).catch(() => /** @type {any} */ (null))
      : null;
    state.editing = field && state.report.values.some((/** @type {any} */ v) => v.path === field && v.correctable) && canEdit() ? field : null;
    renderReport();
    if (state.editing) focusEdit();
    else $('report-close').focus();
  } catch (err) {
    $('report-title').textContent = 'Không mở được báo cáo';
    $('report-body').replaceChildren(h('p', { class: 'error' }, /** @type {Error} */ (err).message));
  }
}

/** @param {string} label @param {any} value */
function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

export function renderReport() {
  const r = state.report;
  $('report-title').textContent = `${unitName(r.communeKind, r.commune || '(không rõ)')} — ${r.period ? periodLabel(r.period) : 'không rõ kỳ'}`;
  $('report-sub').textContent = `${r.district ? `${r.district}, ` : ''}${r.province ? `${r.province}` : ''} · báo cáo số ${r.id}${r.isCurrent ? '' : ' · đã được thay bằng báo cáo gửi sau'}`;
  const doc = r.document;
  const facts = h('dl', { class: 'facts' },
    fact('Số văn bản', doc.number || '(để trống)'),
    fact('Ngày ban hành', doc.date ? fmtValue(doc.date, 'date') : '(để trống)'),
    fact('Người ký', [doc.signer.position, doc.signer.name].filter(Boolean).join(' ') || '—'),
    fact('Trích yếu', doc.title || '—'));
  const fileLine = h('div', { class: 'file-line' },
    h('span', {}, 'Tệp gốc: ', h('b', {}, r.file.name), ` (${r.file.format || '?'}, ${nf.format(Math.round(r.file.sizeBytes / 1024))} KB, nhận lúc ${fmtTime(r.file.receivedAt)})`),
    r.file.available
      ? h('button', { type: 'button', class: 'secondary small', id: 'download-original', onclick: () => download(`/api/reports/${r.id}/file`, r.file.name).catch((err) => notice(err.message, 'error')) }, 'Tải tệp gốc')
      : h('span', { class: 'muted' }, '(tệp gốc không còn trên máy chủ)'));
  const parts = [facts, fileLine];
  if (r.unitHistory) parts.push(...historySection(r.unitHistory, r.period));
  if (r.aliases.length) {
    parts.push(h('div', { class: 'notice', id: 'report-aliases' }, ...r.aliases.map((/** @type {any} */ a) => h('p', {},
      `Báo cáo ghi "${a.written}", được tính là ${a.target} (${a.who} gán lúc ${fmtTime(a.at)}: ${a.reason}). `,
      canEdit() ? h('button', { type: 'button', class: 'secondary small undo-alias', onclick: () => undoAlias(a) }, 'Huỷ gán') : null))));
  }
  if (r.history.length > 1) {
    parts.push(h('h3', {}, 'Các lần gửi báo cáo kỳ này'));
    parts.push(h('ul', { class: 'corrections' }, ...r.history.map((/** @type {any} */ x) => h('li', {},
      x.reportId === r.id ? h('b', {}, x.fileName) : h('button', { type: 'button', class: 'link', onclick: () => openReport(x.reportId) }, x.fileName),
      ` — nhận lúc ${fmtTime(x.receivedAt)}${x.isCurrent ? ' (đang dùng)' : ''}`))));
  }
  const open = r.flags.filter((/** @type {any} */ f) => f.state === 'open');
  if (r.flags.length) {
    parts.push(h('h3', {}, `Cảnh báo (${open.length} chưa xử lý / ${r.flags.length})`));
    parts.push(h('ul', { class: 'flags', id: 'report-flags' }, ...r.flags.map((/** @type {any} */ f) => h('li', { class: `flag ${f.severity} state-${f.state}`, dataset: { code: f.code } },
      h('div', { class: 'flag-head' }, h('span', { class: `badge ${f.severity}` }, severityLabel(f.severity)), h('span', { class: 'badge info' }, flagLabel(f.code)),
        f.state !== 'open' ? h('span', { class: 'badge ok' }, state.labels ? state.labels.flagStates[f.state] : f.state) : null,
        canEdit() && f.field ? h('button', { type: 'button', class: 'secondary small fix', onclick: () => { state.editing = f.field; renderReport(); focusEdit(); } }, 'Sửa') : null),
      h('p', { class: 'flag-msg' }, f.message),
      f.evidence.length ? h('ul', { class: 'flag-evidence' }, ...f.evidence.slice(0, 6).map((/** @type {string} */ e) => h('li', {}, h('q', {}, e)))) : null))));
  }
  if (r.corrections.length) {
    parts.push(h('h3', {}, `Lịch sử đính chính (${r.corrections.length})`));
    parts.push(h('ul', { class: 'corrections', id: 'corrections-list' }, ...[...r.corrections].reverse().map((/** @type {any} */ c) => h('li', {},
      h('b', {}, c.label), `: ${fmtValue(c.oldValue)} → `, h('b', {}, fmtValue(c.newValue)),
      ` — ${c.who}, ${fmtTime(c.at)}. Lý do: `, h('i', {}, c.reason)))));
  }
  // Values the extraction was unsure of, for review first (lowest confidence first).
  const unsure = r.values.filter((/** @type {any} */ v) => isUnsure(v) && !v.corrected)
    .sort((/** @type {any} */ a, /** @type {any} */ b) => a.confidence - b.confidence);
  if (unsure.length) {
    parts.push(h('h3', {}, `Cần xem lại trước (${unsure.length})`));
    parts.push(h('ul', { class: 'review', id: 'review-list' }, ...unsure.map((/** @type {any} */ v) => h('li', {},
      h('b', {}, v.label), `: ${fmtValue(v.value, v.kind)} — độ tin cậy ${Math.round(v.confidence * 100)}%`,
      v.quote ? h('q', {}, v.quote) : null))));
  }
  parts.push(h('h3', {}, 'Các giá trị trích xuất và nguồn'));
  const rows = [];
  let group = null;
  for (const v of r.values) {
    if (v.group !== group) {
      group = v.group;
      rows.push(h('tr', { class: 'group' }, h('th', { colspan: canEdit() ? 5 : 4, scope: 'colgroup' }, group)));
    }
    rows.push(valueRow(v));
    if (state.editing === v.path) rows.push(editRow(v));
  }
  const valuesTable = (h('table', { class: 'values', id: 'values-table' },
    h('colgroup', {}, h('col', { class: 'c-label' }), h('col', { class: 'c-orig' }), h('col', { class: 'c-cur' }), h('col', { class: 'c-src' }), canEdit() ? h('col', { class: 'c-edit' }) : null),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Chỉ tiêu'), h('th', { scope: 'col' }, 'Trích xuất từ tệp'), h('th', { scope: 'col' }, 'Giá trị đang dùng'), h('th', { scope: 'col' }, 'Nguồn: mục và trích dẫn'),
      canEdit() ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Thao tác')) : null)),
    h('tbody', {}, rows)));
  parts.push(r.preview ? h('div', { class: 'split' }, valuesTable, sourceView(r.preview)) : valuesTable);
  $('report-dialog').classList.toggle('wide', !!r.preview);
  $('report-body').replaceChildren(...parts);
  const mark = document.getElementById('source-mark');
  if (mark) mark.scrollIntoView({ block: 'center' });
}

/** Undoes a unit mapping (the alias stays recorded as revoked). @param {any} a */
async function undoAlias(a) {
  if (!confirm(`Huỷ gán "${a.written}" → ${a.target}? Các báo cáo ghi "${a.written}" sẽ không còn được tính cho ${a.target}.`)) return;
  try {
    await api(`/api/aliases/${a.id}`, { method: 'DELETE' });
    await openReport(state.report.id);
    await hooks.reload();
    notice(`Đã huỷ gán "${a.written}" → ${a.target}.`, 'success');
  } catch (err) {
    notice(/** @type {Error} */ (err).message, 'error');
  }
}

/** Loads the original document with the passage of a value marked, beside the values. @param {string} path */
async function showSource(path) {
  try {
    state.report.preview = await api(`/api/reports/${state.report.id}/preview?path=${encodeURIComponent(path)}`);
    renderReport();
  } catch (err) {
    notice(/** @type {Error} */ (err).message, 'error');
  }
}

/** The PDF page with the quoted words marked over it (positioned through the CSSOM). @param {any} p */
function pageImage(p) {
  const box = h('div', { class: 'page-image-box' }, h('img', { src: p.image, alt: `Trang ${p.page} của văn bản gốc`, class: 'page-image' }));
  for (const b of p.boxes || []) {
    const mark = h('span', { class: 'page-mark', 'aria-hidden': 'true' });
    Object.assign(mark.style, { left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` });
    box.append(mark);
  }
  return box;
}

/** @param {any} p */
function sourceView(p) {
  const paras = p.paragraphs.map((/** @type {string} */ text, /** @type {number} */ i) => {
    if (!p.match || p.match.paragraph !== i) return h('p', {}, text);
    return h('p', { class: 'hit' }, text.slice(0, p.match.start), h('mark', { id: 'source-mark' }, text.slice(p.match.start, p.match.end)), text.slice(p.match.end));
  });
  return h('section', { class: 'doc-preview', id: 'source-view', 'aria-label': 'Văn bản gốc' },
    h('div', { class: 'doc-preview-head' },
      h('b', {}, `Văn bản gốc${p.page ? `, trang ${p.page}` : ''}${p.label ? ` — ${p.label}` : ''}`),
      h('button', { type: 'button', class: 'secondary small', onclick: () => { state.report.preview = null; renderReport(); } }, 'Đóng văn bản gốc')),
    p.format === 'pdf-ocr'
      ? h('p', { class: 'notice' }, `Bản quét: đối chiếu trích dẫn “${p.quote ?? ''}” với ảnh các trang dưới đây.`)
      : p.match ? null : h('p', { class: 'notice' }, 'Không tìm thấy đoạn trích dẫn trong văn bản gốc.'),
    p.image ? pageImage(p) : null,
    ...(p.pages || []).map((/** @type {string} */ src, /** @type {number} */ i) => h('img', { src, alt: `Trang ${i + 1} của bản quét`, class: 'page-image scan-page' })),
    h('div', { class: 'doc-text' }, paras));
}

const HISTORY_COLUMNS = [
  ['population', 'Dân số'], ['households', 'Số hộ'], ['cadres', 'CB, CC'], ['criteriaMet', 'Chỉ tiêu đạt'],
  ['satisfactionPercent', 'Hài lòng (%)'], ['starsRegistered', 'Sao đăng ký'],
];

/**
 * The unit's figures period by period (its own, else its predecessors' sums across the 2025 reform),
 * with the change of the population since the period before.
 * @param {any} hist @param {string} current
 */
function historySection(hist, current) {
  if (!hist.periods.length) return [];
  let prev = /** @type {number | null} */ (null);
  const rows = hist.periods.map((/** @type {any} */ p) => {
    const own = p.own ? p.own.figures : null;
    const figures = own || p.sum || {};
    const pop = typeof figures.population === 'number' ? figures.population : null;
    const change = pop !== null && prev !== null ? pop - prev : null;
    if (pop !== null) prev = pop;
    return h('tr', { class: p.period === current ? 'current' : '', dataset: { period: p.period } },
      h('th', { scope: 'row' }, periodLabel(p.period), own ? '' : p.sum ? ' (tổng các đơn vị tiền thân)' : ' (chưa có báo cáo)'),
      ...HISTORY_COLUMNS.map(([k]) => h('td', { class: 'num' }, fmt(figures[k] ?? null))),
      h('td', { class: 'num change' }, change === null ? '' : `${change > 0 ? '+' : ''}${fmt(change)}`));
  });
  const parts = [h('h3', {}, 'Số liệu qua các kỳ')];
  if (hist.predecessors.length) {
    parts.push(h('p', { class: 'muted' }, `Đơn vị tiền thân: ${hist.predecessors.map((/** @type {any} */ x) => x.label).join('; ')}. ${hist.note}`));
  }
  parts.push(h('table', { class: 'values history', id: 'history-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kỳ'), ...HISTORY_COLUMNS.map(([, label]) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, 'Dân số thay đổi so với kỳ trước'))),
    h('tbody', {}, rows)));
  if (hist.predecessors.length) parts.push(...predecessorsSection(hist));
  return parts;
}

/** @param {any} f figures (additive ones) → '17.128 người · 3.807 hộ · 378 đảng viên · 21 CB, CC' */
function figuresLine(f) {
  const bits = [[f.population, 'người'], [f.households, 'hộ'], [f.partyMembers, 'đảng viên'], [f.cadres, 'CB, CC']]
    .filter(([v]) => typeof v === 'number').map(([v, unit]) => `${fmt(v)} ${unit}`);
  return bits.length ? bits.join(' · ') : '—';
}

/**
 * Across the 2025 reform: each predecessor's figures beside the unit's own, period by period, and
 * their sum where they moved in whole (else why there is none: a split unit is not comparable).
 * @param {any} hist
 */
function predecessorsSection(hist) {
  const rows = hist.periods.map((/** @type {any} */ p) => h('tr', { dataset: { period: p.period } },
    h('th', { scope: 'row' }, periodLabel(p.period)),
    ...hist.predecessors.map((/** @type {any} */ _x, /** @type {number} */ i) => h('td', { class: 'pred' }, p.predecessors[i] ? figuresLine(p.predecessors[i].figures) : h('span', { class: 'muted' }, 'chưa có báo cáo'))),
    h('td', { class: 'sum' }, p.sum ? figuresLine(p.sum) : h('span', { class: 'muted' }, p.note ?? '')),
    h('td', { class: 'own' }, p.own ? figuresLine(p.own.figures) : h('span', { class: 'muted' }, 'chưa có báo cáo'))));
  return [
    h('h3', {}, 'Đơn vị tiền thân và đơn vị hiện nay'),
    hist.comparable ? null : h('p', { class: 'muted', id: 'not-comparable' }, hist.note),
    h('table', { class: 'values history', id: 'predecessors-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kỳ'),
        ...hist.predecessors.map((/** @type {any} */ x) => h('th', { scope: 'col' }, x.label, x.splitInto ? ' (bị chia tách)' : '')),
        h('th', { scope: 'col' }, 'Tổng các đơn vị tiền thân'),
        h('th', { scope: 'col' }, hist.unit.label))),
      h('tbody', {}, rows)),
  ].filter(Boolean);
}

/** A value as staff read it: a period by its name ('6 tháng đầu năm 2024'), a date dd/mm/yyyy. @param {any} v @param {any} value */
function shown(v, value) {
  return v.path === 'period' && typeof value === 'string' ? periodLabel(value) : fmtValue(value, v.kind);
}

/** @param {any} v */
function valueRow(v) {
  const unsure = isUnsure(v);
  return h('tr', { class: [v.corrected ? 'corrected' : '', unsure ? 'unsure' : ''].join(' ').trim(), dataset: { path: v.path } },
    h('td', { class: 'label' }, v.label),
    h('td', { class: 'val original' }, shown(v, v.original), unsure ? h('span', { class: 'badge unsure', title: 'Độ tin cậy thấp' }, 'cần xem lại') : null),
    h('td', { class: 'val current' }, shown(v, v.value), v.corrected ? ' ' : null, v.corrected ? h('span', { class: 'badge corrected' }, 'đã đính chính') : null),
    h('td', { class: 'src' },
      v.section ? h('span', { class: 'section' }, v.section) : null,
      v.quote ? h('q', {}, v.quote) : h('span', { class: 'muted' }, v.original === null ? 'báo cáo không nêu' : ''),
      v.quote && state.report.file.available && ['docx', 'doc', 'pdf', 'pdf-ocr'].includes(state.report.file.format)
        ? h('button', { type: 'button', class: 'link show-source', 'aria-label': `Xem "${v.label}" trong văn bản gốc`, onclick: () => showSource(v.path) }, 'Xem trong văn bản gốc')
        : null),
    canEdit()
      ? h('td', {}, v.correctable
        ? h('button', { type: 'button', class: 'secondary small edit', 'aria-label': `Sửa ${v.label}`, onclick: () => { state.editing = v.path; renderReport(); focusEdit(); } }, 'Sửa')
        : null)
      : null);
}

/** @param {any} v */
function editRow(v) {
  const err = h('p', { class: 'error', role: 'alert' });
  const value = h('input', { class: 'new-value', value: v.value === null ? '' : v.kind === 'number' ? fmt(v.value) : String(v.value), placeholder: v.kind === 'number' ? 'VD: 17.128' : v.kind === 'date' ? 'VD: 20/06/2024' : '', 'aria-label': `Giá trị mới: ${v.label}` });
  const reason = h('input', { class: 'reason', placeholder: 'VD: theo công văn xã gửi bổ sung ngày …', 'aria-label': 'Lý do đính chính', required: true });
  const save = h('button', { type: 'submit', class: 'primary small save' }, 'Lưu đính chính');
  const form = h('form', {
    class: 'edit-form',
    onsubmit: async (/** @type {SubmitEvent} */ e) => {
      e.preventDefault();
      save.disabled = true;
      err.textContent = '';
      const raw = value.value.trim();
      try {
        await api(`/api/reports/${state.report.id}/corrections`, { method: 'POST', body: { path: v.path, value: raw === '' ? null : raw, reason: reason.value } });
        await afterCorrection(v);
      } catch (ex) {
        err.textContent = /** @type {Error} */ (ex).message;
        save.disabled = false;
      }
    },
  },
  h('label', {}, 'Giá trị mới', value),
  h('label', {}, 'Lý do (bắt buộc)', reason),
  save,
  h('button', { type: 'button', class: 'secondary small', onclick: () => { state.editing = null; renderReport(); } }, 'Huỷ'),
  err);
  return h('tr', { class: 'editing' }, h('td', { colspan: 5 }, form));
}

function focusEdit() {
  const input = /** @type {HTMLInputElement | null} */ (document.querySelector('#values-table .new-value'));
  if (input) { input.focus(); input.select(); input.scrollIntoView({ block: 'center' }); }
}

/** After a correction: reload the report, the flags and the table, and say how the totals moved. @param {any} v */
async function afterCorrection(v) {
  const before = state.table;
  const openBefore = state.report.flags.filter((/** @type {any} */ f) => f.state === 'open').length;
  state.editing = null;
  const keep = { unitHistory: state.report.unitHistory, preview: state.report.preview };
  state.report = Object.assign(await api(`/api/reports/${state.report.id}`), keep);
  renderReport();
  await loadFlags();
  await loadTable();
  const changes = [];
  const changed = new Set();
  for (const d of state.table.districts) {
    const old = before && before.districts.find((/** @type {any} */ x) => x.district === d.district);
    if (!old) continue;
    for (const c of state.table.columns) {
      const a = old.totals[c.key];
      const b = d.totals[c.key];
      if ((typeof a === 'number' || typeof b === 'number') && a !== b && c.key !== 'flags') {
        changes.push(`${c.header}: ${fmt(a) || '—'} → ${fmt(b) || '—'}`);
        changed.add(`${d.district}|${c.key}`);
      }
    }
  }
  renderTable(changed);
  const openAfter = state.report.flags.filter((/** @type {any} */ f) => f.state === 'open').length;
  const what = state.report.values.find((/** @type {any} */ x) => x.path === v.path);
  const head = `Đã lưu đính chính "${v.label}": ${fmtValue(v.value, v.kind)} → ${fmtValue(what ? what.value : null, v.kind)}.`;
  const flagsText = openAfter < openBefore ? ` Cảnh báo chưa xử lý của báo cáo: ${openBefore} → ${openAfter}.` : '';
  notice(changes.length
    ? [h('b', {}, head), ' Tổng thay đổi — ', h('span', { id: 'total-change' }, changes.join('; ')), `.${flagsText}`]
    : [h('b', {}, head), ` Tổng không đổi.${flagsText}`], 'success', true);
  void hooks;
}

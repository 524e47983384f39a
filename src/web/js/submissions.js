// @ts-check
// Submission tracking: the period's deadline, on time / late / missing per unit, the missing units in
// one line ready to copy, and the letters to draft (.docx: a reminder, correction requests).
import { api, download } from './api.js';
import { $, copyText, fmtDay, fmtTime, h, notice, periodLabel, unitName } from './dom.js';
import { canEdit, hooks, periodQuery, state } from './state.js';

export async function loadSubmissions() {
  const [data, letters] = await Promise.all([api(`/api/submissions?${periodQuery()}`), api(`/api/letters?${periodQuery()}`)]);
  const s = data.summary;
  const timing = state.labels.timing;
  const parts = [];
  parts.push(h('div', { class: 'deadline-line' },
    h('span', {}, 'Hạn nộp: ', h('b', { id: 'deadline-value' }, data.deadline ? fmtDay(data.deadline) : 'chưa đặt')),
    canEdit() ? h('form', { class: 'inline-form compact', id: 'deadline-form', onsubmit: saveDeadline },
      h('label', {}, 'Đặt hạn nộp ', h('input', { type: 'date', id: 'deadline-input', value: data.deadline || '' })),
      h('button', { type: 'submit', class: 'secondary small' }, 'Lưu hạn nộp')) : null));
  parts.push(h('p', { id: 'submissions-summary' },
    `Đã báo cáo ${s.reported}/${s.communes} đơn vị (đúng hạn ${s.onTime}, nộp muộn ${s.late}); chưa báo cáo ${s.notReported}; gửi lại ${s.resubmitted}; ngoài phạm vi ${s.outside}; tệp lỗi ${s.failedFiles}; đang chờ xử lý ${s.waitingFiles}.`));
  if (data.missingText) {
    parts.push(h('div', { class: 'missing-box' },
      h('label', { for: 'missing-text' }, `Đơn vị chưa nộp (${s.notReported}):`),
      h('textarea', { id: 'missing-text', readonly: true, rows: 2 }, data.missingText),
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary small', onclick: () => copyText(data.missingText, 'danh sách đơn vị chưa nộp') }, 'Sao chép danh sách'),
        h('button', { type: 'button', class: 'primary small', id: 'draft-reminder', onclick: () => draft(`/api/letters/reminder.docx?${periodQuery()}`, 'cong-van-nhac-nop.docx') }, 'Soạn công văn đôn đốc (.docx)'))));
  }
  if (letters.corrections.length) {
    parts.push(h('div', { class: 'letters' }, h('b', {}, 'Đề nghị chỉnh sửa, gửi lại báo cáo: '),
      ...letters.corrections.map((/** @type {any} */ c) => h('button', {
        type: 'button', class: 'secondary small draft-correction', dataset: { reportId: c.reportId },
        onclick: () => draft(`/api/letters/correction.docx?${periodQuery()}&reportId=${c.reportId}`, 'cong-van-de-nghi-chinh-sua.docx'),
      }, `${c.commune} (${c.problems} nội dung)`))));
  }
  for (const d of data.districts) {
    parts.push(h('div', { class: 'district-head' }, h('h2', {}, d.label || d.district), h('span', { class: 'muted' }, `${periodLabel(data.period)} · ${d.reported}/${d.total} đơn vị đã báo cáo`)));
    const rows = d.communes.map((/** @type {any} */ c, /** @type {number} */ i) => h('tr', { class: c.status === 'reported' ? 'reported' : 'missing', dataset: { commune: c.commune, timing: c.timing } },
      h('td', { class: 'center' }, String(i + 1)),
      h('td', { class: 'commune-cell' }, c.reportId
        ? h('button', { type: 'button', class: 'open-report', onclick: () => hooks.openReport(c.reportId) }, unitName(c.communeKind, c.commune))
        : unitName(c.communeKind, c.commune)),
      h('td', { class: 'center' }, h('span', { class: `badge ${c.timing === 'on_time' ? 'ok' : c.timing === 'late' ? 'warning' : 'missing'}` }, timing[c.timing])),
      h('td', { class: 'center' }, c.submissions.length ? String(c.submissions.length) : ''),
      h('td', { class: 'files' }, c.submissions.map((/** @type {any} */ x) => `${x.fileName} (${fmtTime(x.receivedAt)})${x.isCurrent && c.submissions.length > 1 ? ' — đang dùng' : ''}`).join('; ')),
      h('td', { class: 'center' }, c.flags ? String(c.flags) : ''),
      h('td', { class: 'center' }, c.corrected ? h('span', { class: 'badge corrected' }, 'có') : ''),
    ));
    parts.push(h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'submissions-table' },
      h('thead', {}, h('tr', {}, ...['TT', 'Xã, phường, thị trấn', 'Tình trạng', 'Số lần gửi', 'Tệp đã nhận', 'Cảnh báo chưa xử lý', 'Đính chính'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows))));
  }
  if (data.files.length) {
    const labels = state.labels ? state.labels.fileStatuses : {};
    parts.push(h('h3', {}, 'Tệp đã nhận nhưng không thành báo cáo'));
    parts.push(h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...['Tệp', 'Tình trạng', 'Lý do', 'Nhận lúc'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, data.files.map((/** @type {any} */ f) => h('tr', {},
        h('td', {}, f.original_name),
        h('td', {}, h('span', { class: `badge ${f.status === 'failed' ? 'error' : 'warning'}` }, labels[f.status] || f.status)),
        h('td', {}, f.error_message || ''),
        h('td', {}, fmtTime(f.received_at))))))));
  }
  $('submissions-area').replaceChildren(...parts);
}

/** @param {string} path @param {string} name */
async function draft(path, name) {
  try {
    await download(path, name);
    notice('Đã soạn dự thảo công văn (.docx): hãy kiểm tra, ghi số, ký và gửi theo quy trình của cơ quan.', 'success');
  } catch (err) {
    notice(/** @type {Error} */ (err).message, 'error');
  }
}

/** @param {SubmitEvent} e */
async function saveDeadline(e) {
  e.preventDefault();
  try {
    await api('/api/periods', { method: 'POST', body: { period: state.period, deadline: $('deadline-input').value || null } });
    await hooks.reloadPeriods();
    await loadSubmissions();
    notice('Đã lưu hạn nộp.', 'success');
  } catch (err) {
    notice(/** @type {Error} */ (err).message, 'error');
  }
}

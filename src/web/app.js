// The district's page: plain JavaScript, no build step. Talks to the JSON API with the bearer
// token kept in sessionStorage (gone when the tab closes). Every text put on the page goes
// through text nodes (h()), never innerHTML.
'use strict';
/** Values extracted with a confidence under this are listed for review first (extractors/index.ts REVIEW_BELOW). */
const REVIEW_BELOW = 0.75;


const TOKEN_KEY = 'baocao.token';
const PERIOD_KEY = 'baocao.period';
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const collator = new Intl.Collator('vi', { numeric: true });

const FLAG_LABELS = {
  MISSING_SUBMISSION: 'Chưa nộp báo cáo',
  DUPLICATE_FILE: 'Tệp trùng lặp',
  RESUBMISSION_CHANGED: 'Gửi lại có thay đổi',
  CORRECTION_OVERRIDDEN: 'Gửi lại bỏ qua đính chính',
  UNIT_OUTSIDE_DISTRICT: 'Đơn vị ngoài huyện',
  COMMUNE_NAME_MISMATCH: 'Tên xã không thống nhất',
  UNKNOWN_UNIT: 'Không có trong danh mục',
  SUM_MISMATCH: 'Tổng không khớp',
  CRITERIA_INCONSISTENT: 'Tiêu chí không nhất quán',
  STARS_MISMATCH: 'Số sao không khớp',
  PERIOD_MISMATCH: 'Kỳ báo cáo không khớp',
  MISSING_NUMBER: 'Thiếu số văn bản',
  MISSING_DATE: 'Thiếu ngày ban hành',
};
const SEVERITY_LABELS = { error: 'Lỗi', warning: 'Cần xem', info: 'Thông tin' };
const ROLE_LABELS = { viewer: 'Xem', editor: 'Xem, đính chính, tải tệp', admin: 'Quản trị' };
const STATUS_LABELS = { failed: 'Lỗi đọc tệp', duplicate: 'Trùng lặp', not_a_report: 'Không phải báo cáo', received: 'Đang chờ xử lý', processed: 'Đã xử lý' };

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  me: null,
  periods: [],
  period: null,
  table: null,
  flags: [],
  sort: { key: 'commune', dir: 1 },
  tab: 'table',
  report: null,
  editing: null,
};

// ------------------------------------------------------------------------------------------
// Small helpers

function $(id) { return document.getElementById(id); }

/** h('td', { class: 'num', dataset: { key: 'x' }, onclick }, 'text', child …) */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function fmt(v) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return nf.format(v);
  return String(v);
}

function fmtValue(v, kind) {
  if (v === null || v === undefined) return '—';
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
  return fmt(v);
}

function fmtTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function periodLabel(p) {
  const m = /^(\d{4})(?:-(H1|H2|Q1|Q2|Q3|Q4|9M))?$/.exec(p);
  if (!m) return p;
  const y = m[1];
  const names = { H1: `6 tháng đầu năm ${y}`, H2: `6 tháng cuối năm ${y}`, Q1: `Quý I năm ${y}`, Q2: `Quý II năm ${y}`, Q3: `Quý III năm ${y}`, Q4: `Quý IV năm ${y}`, '9M': `9 tháng năm ${y}` };
  return m[2] ? names[m[2]] : `Năm ${y}`;
}

function unitName(kind, name) { return kind ? `${kind} ${name}` : name; }

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `Lỗi ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, opts = {}) {
  const headers = Object.assign({}, opts.headers || {});
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  let body = opts.body;
  if (body && !(body instanceof FormData) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  const res = await fetch(path, { method: opts.method || 'GET', headers, body });
  if (opts.raw && res.ok) return res;
  const type = res.headers.get('content-type') || '';
  const data = type.includes('application/json') ? await res.json() : null;
  if (!res.ok) {
    if (res.status === 401 && !opts.login) logout('Phiên đăng nhập đã hết hiệu lực hoặc mã đã bị thu hồi. Vui lòng đăng nhập lại.');
    throw new ApiError(res.status, data);
  }
  return data;
}

async function download(path, fallbackName) {
  try {
    const res = await api(path, { raw: true });
    const blob = await res.blob();
    const cd = res.headers.get('content-disposition') || '';
    const m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    const name = m ? decodeURIComponent(m[1]) : fallbackName;
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    notice(`Không tải được: ${err.message}`, 'error');
  }
}

let noticeTimer = null;
function notice(text, kind = 'info', keep = false) {
  const el = $('notice');
  el.replaceChildren(...(Array.isArray(text) ? text : [text]));
  el.className = `notice ${kind}`;
  el.hidden = false;
  clearTimeout(noticeTimer);
  if (!keep) noticeTimer = setTimeout(() => { el.hidden = true; }, 12_000);
}

// ------------------------------------------------------------------------------------------
// Login

function showLogin(message) {
  $('app-view').hidden = true;
  $('user-box').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message || '';
  $('token-input').value = '';
  $('token-input').focus();
}

function logout(message) {
  state.token = null;
  state.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
  if ($('report-dialog').open) $('report-dialog').close();
  showLogin(message);
}

async function login(token) {
  state.token = token;
  try {
    state.me = await api('/api/me', { login: true });
  } catch (err) {
    state.token = null;
    showLogin(err.status === 401 ? 'Mã truy cập không đúng hoặc đã bị thu hồi.' : `Không kết nối được máy chủ: ${err.message}`);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('user-box').hidden = false;
  $('user-name').textContent = `${state.me.name} · ${ROLE_LABELS[state.me.role] || state.me.role}`;
  $('district-label').textContent = state.me.district ? state.me.district : 'Các huyện có báo cáo trong kỳ';
  $('upload-open').hidden = !canEdit();
  $('tokens-tab').hidden = state.me.role !== 'admin';
  await loadPeriods();
}

function canEdit() { return state.me && (state.me.role === 'editor' || state.me.role === 'admin'); }

// ------------------------------------------------------------------------------------------
// Period, table, flags

async function loadPeriods() {
  const { periods } = await api('/api/periods');
  state.periods = periods;
  const select = $('period-select');
  select.replaceChildren(
    ...periods.map((p) => h('option', { value: p.period }, `${periodLabel(p.period)} (${p.period}) — ${p.current} báo cáo`)),
  );
  if (periods.length === 0) {
    select.append(h('option', { value: '' }, 'Chưa có báo cáo nào'));
    $('table-area').replaceChildren(h('p', { class: 'empty' }, 'Chưa có báo cáo nào. Hãy tải báo cáo của các xã lên.'));
    return;
  }
  const remembered = sessionStorage.getItem(PERIOD_KEY);
  const chosen = periods.some((p) => p.period === remembered) ? remembered : periods[0].period;
  select.value = chosen;
  await selectPeriod(chosen);
}

async function selectPeriod(period) {
  state.period = period;
  sessionStorage.setItem(PERIOD_KEY, period);
  await Promise.all([loadTable(), loadFlags()]);
  if (state.tab === 'submissions') await loadSubmissions();
}

async function loadTable() {
  const q = encodeURIComponent(state.period);
  state.table = await api(`/api/consolidated?period=${q}`);
  renderSummary();
  renderTable();
}

function renderSummary() {
  const t = state.table;
  const communes = t.districts.reduce((a, d) => a + d.communes, 0);
  const reported = t.districts.reduce((a, d) => a + d.reported, 0);
  const chips = [
    h('span', { class: 'chip ok', id: 'chip-reported' }, 'Đã báo cáo ', h('b', {}, `${reported}/${communes}`)),
    h('span', { class: `chip ${communes - reported ? 'warn' : ''}` }, 'Chưa báo cáo ', h('b', {}, String(communes - reported))),
  ];
  const corrected = t.districts.reduce((a, d) => a + d.rows.filter((r) => r.corrected.length).length, 0);
  if (corrected) chips.push(h('span', { class: 'chip' }, 'Đã đính chính ', h('b', {}, String(corrected))));
  if (t.outside.length) chips.push(h('span', { class: 'chip err' }, 'Ngoài huyện ', h('b', {}, String(t.outside.length))));
  $('summary').replaceChildren(...chips);
}

function sortedRows(rows) {
  const { key, dir } = state.sort;
  const val = (r) => (key === 'commune' ? r.commune : r[key]);
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? collator.compare(a.commune, b.commune) : 1;
    if (y === null || y === undefined || y === '') return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * dir || collator.compare(a.commune, b.commune);
  });
}

function renderTable(changed) {
  const t = state.table;
  const area = $('table-area');
  if (!t || t.districts.length === 0) {
    area.replaceChildren(h('p', { class: 'empty' }, `Kỳ ${state.period}: chưa có báo cáo nào của huyện.`));
    return;
  }
  const cols = t.columns;
  const parts = [];
  for (const d of t.districts) {
    const head = h('tr', {},
      h('th', { class: 'sortable', dataset: { key: 'tt' } }, 'TT'),
      ...cols.map((c) => {
        const active = state.sort.key === c.key;
        return h('th', {
          class: `sortable ${c.key === 'commune' ? 'commune-col' : ''}`,
          dataset: { key: c.key },
          title: 'Bấm để sắp xếp',
          'aria-sort': active ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none',
          onclick: () => {
            state.sort = { key: c.key, dir: state.sort.key === c.key ? -state.sort.dir : 1 };
            renderTable();
          },
        }, c.header, h('span', { class: 'arrow' }, active ? (state.sort.dir > 0 ? '▲' : '▼') : ''));
      }),
    );
    head.firstChild.onclick = () => { state.sort = { key: 'commune', dir: 1 }; renderTable(); };
    const body = sortedRows(d.rows).map((row, i) => {
      const tr = h('tr', {
        class: row.reported ? 'reported' : 'missing',
        dataset: { commune: row.commune, code: row.code || '', reportId: row.reportId || '' },
        title: row.reported ? 'Bấm để xem chi tiết báo cáo' : 'Xã chưa gửi báo cáo kỳ này',
        onclick: row.reported ? () => openReport(row.reportId) : undefined,
      }, h('td', { class: 'center' }, String(i + 1)));
      for (const c of cols) tr.append(cellFor(row, c));
      return tr;
    });
    const totals = h('tr', { class: 'totals' }, h('td', {}, ''), ...cols.map((c) => {
      const td = cellFor(d.totals, c, true);
      if (changed && changed.has(`${d.district}|${c.key}`)) td.classList.add('changed');
      return td;
    }));
    const table = h('table', { class: 'data', id: `table-${d.districtCode || d.district}`, dataset: { district: d.district } },
      h('thead', {}, head), h('tbody', {}, body), h('tfoot', {}, totals));
    parts.push(
      h('div', { class: 'district-head' },
        h('h2', {}, `${d.province ? '' : ''}${d.district}${d.province ? `, ${d.province}` : ''}`),
        h('span', { class: 'muted' }, `${periodLabel(t.period)} · ${d.reported}/${d.communes} đơn vị đã báo cáo`)),
      h('div', { class: 'table-wrap' }, table),
    );
  }
  if (t.outside.length) {
    parts.push(h('div', { class: 'outside' },
      h('b', {}, 'Báo cáo của đơn vị ngoài huyện (không cộng vào bảng): '),
      ...t.outside.map((o, i) => h('span', {}, i ? '; ' : '',
        h('button', { type: 'button', class: 'link', onclick: () => openReport(o.reportId) }, `${unitName(o.communeKind, o.commune || '(không rõ)')}, ${o.district || 'không rõ huyện'}`)))));
  }
  area.replaceChildren(...parts);
}

function cellFor(row, c, isTotal) {
  const v = row[c.key];
  if (c.key === 'commune') {
    return h('td', { class: 'commune-cell', dataset: { key: c.key } }, isTotal ? 'Tổng cộng' : unitName(row.communeKind, row.commune));
  }
  if (c.key === 'status') {
    if (isTotal) return h('td', { class: 'center', dataset: { key: c.key } }, row.status);
    return h('td', { class: 'center', dataset: { key: c.key } },
      h('span', { class: `badge ${row.reported ? 'ok' : 'missing'}` }, row.reported ? 'đã báo cáo' : 'chưa báo cáo'));
  }
  if (c.key === 'flags' && !isTotal && !row.reported) return h('td', { class: 'num', dataset: { key: c.key } }, '');
  const corrected = row.corrected && row.corrected.includes(c.key);
  return h('td', {
    class: `${typeof v === 'number' ? 'num' : 'center'}${corrected ? ' corrected' : ''}`,
    dataset: { key: c.key },
    title: corrected ? (isTotal ? 'Tổng có giá trị đã đính chính' : 'Giá trị đã được huyện đính chính') : undefined,
  }, fmt(v));
}

async function loadFlags() {
  const q = encodeURIComponent(state.period);
  const data = await api(`/api/flags?period=${q}`);
  state.flags = data.flags;
  $('flags-count').textContent = String(data.flags.length);
  const communes = [...new Set(data.flags.map((f) => f.commune).filter(Boolean))].sort(collator.compare);
  const codes = [...new Set(data.flags.map((f) => f.code))].sort();
  fillSelect($('flag-commune'), communes.map((c) => [c, c]));
  fillSelect($('flag-code'), codes.map((c) => [c, `${FLAG_LABELS[c] || c} (${data.counts[c]})`]));
  renderFlags();
}

function fillSelect(select, options) {
  const keep = select.value;
  select.replaceChildren(h('option', { value: '' }, 'Tất cả'), ...options.map(([v, label]) => h('option', { value: v }, label)));
  if (options.some(([v]) => v === keep)) select.value = keep;
}

function renderFlags() {
  const commune = $('flag-commune').value;
  const code = $('flag-code').value;
  const severity = $('flag-severity').value;
  const list = state.flags.filter((f) => (!commune || f.commune === commune) && (!code || f.code === code) && (!severity || f.severity === severity));
  const ul = $('flags-list');
  if (list.length === 0) {
    ul.replaceChildren(h('li', { class: 'empty' }, 'Không có cảnh báo nào.'));
    return;
  }
  ul.replaceChildren(...list.map((f) => h('li', { class: f.severity, dataset: { code: f.code } },
    h('div', { class: 'flag-head' },
      h('span', { class: `badge ${f.severity}` }, SEVERITY_LABELS[f.severity] || f.severity),
      h('span', { class: 'badge info' }, FLAG_LABELS[f.code] || f.code),
      h('span', { class: 'where' }, f.commune ? f.commune : ''),
      f.source === 'cross' ? h('span', { class: 'muted' }, '· kiểm tra chéo giữa các báo cáo') : null,
      f.reportId ? h('button', { type: 'button', class: 'link', onclick: () => openReport(f.reportId) }, 'Mở báo cáo') : null),
    h('p', { class: 'flag-msg' }, f.message),
    f.evidence.length ? h('ul', { class: 'flag-evidence' }, ...f.evidence.map((e) => h('li', {}, h('q', {}, e)))) : null,
  )));
}

// ------------------------------------------------------------------------------------------
// Submissions

async function loadSubmissions() {
  const data = await api(`/api/submissions?period=${encodeURIComponent(state.period)}`);
  const parts = [];
  const s = data.summary;
  parts.push(h('p', {}, `Đã báo cáo ${s.reported}/${s.communes} đơn vị; chưa báo cáo ${s.notReported}; gửi lại ${s.resubmitted}; ngoài huyện ${s.outside}; tệp lỗi ${s.failedFiles}; đang chờ xử lý ${s.waitingFiles}.`));
  for (const d of data.districts) {
    parts.push(h('div', { class: 'district-head' }, h('h2', {}, d.district), h('span', { class: 'muted' }, `${d.reported}/${d.total} đơn vị đã báo cáo`)));
    const rows = d.communes.map((c, i) => h('tr', { class: c.status === 'reported' ? 'reported' : 'missing', onclick: c.reportId ? () => openReport(c.reportId) : undefined },
      h('td', { class: 'center' }, String(i + 1)),
      h('td', { class: 'commune-cell' }, unitName(c.communeKind, c.commune)),
      h('td', { class: 'center' }, h('span', { class: `badge ${c.status === 'reported' ? 'ok' : 'missing'}` }, c.status === 'reported' ? 'đã báo cáo' : 'chưa báo cáo')),
      h('td', { class: 'center' }, c.submissions.length ? String(c.submissions.length) : ''),
      h('td', {}, c.submissions.map((x) => `${x.fileName} (${fmtTime(x.receivedAt)})${x.isCurrent && c.submissions.length > 1 ? ' — đang dùng' : ''}`).join('; ')),
      h('td', { class: 'center' }, c.flags ? String(c.flags) : ''),
      h('td', { class: 'center' }, c.corrected ? h('span', { class: 'badge corrected' }, 'có') : ''),
    ));
    parts.push(h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'submissions-table' },
      h('thead', {}, h('tr', {}, ...['TT', 'Xã, phường, thị trấn', 'Tình trạng', 'Số lần gửi', 'Tệp đã nhận', 'Cảnh báo', 'Đính chính'].map((x) => h('th', {}, x)))),
      h('tbody', {}, rows))));
  }
  if (data.files.length) {
    parts.push(h('h3', {}, 'Tệp đã nhận nhưng không thành báo cáo'));
    parts.push(h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...['Tệp', 'Tình trạng', 'Lý do', 'Nhận lúc'].map((x) => h('th', {}, x)))),
      h('tbody', {}, data.files.map((f) => h('tr', {},
        h('td', {}, f.original_name),
        h('td', {}, h('span', { class: `badge ${f.status === 'failed' ? 'error' : 'warning'}` }, STATUS_LABELS[f.status] || f.status)),
        h('td', {}, f.error_message || ''),
        h('td', {}, fmtTime(f.received_at))))))));
  }
  $('submissions-area').replaceChildren(...parts);
}

// ------------------------------------------------------------------------------------------
// Report detail and corrections

async function openReport(id) {
  const dialog = $('report-dialog');
  $('report-title').textContent = 'Đang tải…';
  $('report-sub').textContent = '';
  $('report-body').replaceChildren();
  if (!dialog.open) dialog.showModal();
  try {
    state.report = await api(`/api/reports/${id}`);
    state.editing = null;
    renderReport();
  } catch (err) {
    $('report-title').textContent = 'Không mở được báo cáo';
    $('report-body').replaceChildren(h('p', { class: 'error' }, err.message));
  }
}

function renderReport() {
  const r = state.report;
  $('report-title').textContent = `${unitName(r.communeKind, r.commune || '(không rõ)')} — ${r.period ? periodLabel(r.period) : 'không rõ kỳ'}`;
  $('report-sub').textContent = `${r.district ? `Huyện ${r.district}` : ''}${r.province ? `, tỉnh ${r.province}` : ''} · báo cáo số ${r.id}${r.isCurrent ? '' : ' · đã được thay bằng báo cáo gửi sau'}`;
  const doc = r.document;
  const facts = h('dl', { class: 'facts' },
    fact('Số văn bản', doc.number || '(để trống)'),
    fact('Ngày ban hành', doc.date ? fmtValue(doc.date, 'date') : '(để trống)'),
    fact('Người ký', [doc.signer.position, doc.signer.name].filter(Boolean).join(' ') || '—'),
    fact('Trích yếu', doc.title || '—'));
  const fileLine = h('div', { class: 'file-line' },
    h('span', {}, 'Tệp gốc: ', h('b', {}, r.file.name), ` (${r.file.format || '?'}, ${nf.format(Math.round(r.file.sizeBytes / 1024))} KB, nhận lúc ${fmtTime(r.file.receivedAt)})`),
    r.file.available
      ? h('button', { type: 'button', class: 'secondary small', id: 'download-original', onclick: () => download(`/api/reports/${r.id}/file`, r.file.name) }, 'Tải tệp gốc')
      : h('span', { class: 'muted' }, '(tệp gốc không còn trên máy chủ)'));
  const parts = [facts, fileLine];

  if (r.history.length > 1) {
    parts.push(h('h3', {}, 'Các lần gửi báo cáo kỳ này'));
    parts.push(h('ul', { class: 'corrections' }, ...r.history.map((x) => h('li', {},
      x.reportId === r.id ? h('b', {}, x.fileName) : h('button', { type: 'button', class: 'link', onclick: () => openReport(x.reportId) }, x.fileName),
      ` — nhận lúc ${fmtTime(x.receivedAt)}${x.isCurrent ? ' (đang dùng)' : ''}`))));
  }
  if (r.flags.length) {
    parts.push(h('h3', {}, `Cảnh báo (${r.flags.length})`));
    parts.push(h('ul', { class: 'flags' }, ...r.flags.map((f) => h('li', { class: f.severity },
      h('div', { class: 'flag-head' }, h('span', { class: `badge ${f.severity}` }, SEVERITY_LABELS[f.severity]), h('span', { class: 'badge info' }, FLAG_LABELS[f.code] || f.code)),
      h('p', { class: 'flag-msg' }, f.message),
      f.evidence.length ? h('ul', { class: 'flag-evidence' }, ...f.evidence.slice(0, 6).map((e) => h('li', {}, h('q', {}, e)))) : null))));
  }
  if (r.corrections.length) {
    parts.push(h('h3', {}, `Lịch sử đính chính (${r.corrections.length})`));
    parts.push(h('ul', { class: 'corrections', id: 'corrections-list' }, ...[...r.corrections].reverse().map((c) => h('li', {},
      h('b', {}, c.label), `: ${fmtValue(c.oldValue)} → `, h('b', {}, fmtValue(c.newValue)),
      ` — ${c.who}, ${fmtTime(c.at)}. Lý do: `, h('i', {}, c.reason)))));
  }

  // Values the extraction was unsure of, for review first (lowest confidence first).
  const unsure = r.values.filter((v) => v.confidence !== null && v.confidence !== undefined && v.confidence < REVIEW_BELOW && !v.corrected)
    .sort((a, b) => a.confidence - b.confidence);
  if (unsure.length) {
    parts.push(h('h3', {}, `Cần xem lại trước (${unsure.length})`));
    parts.push(h('ul', { class: 'review', id: 'review-list' }, ...unsure.map((v) => h('li', {},
      h('b', {}, v.label), `: ${fmtValue(v.value, v.kind)} — độ tin cậy ${Math.round(v.confidence * 100)}%`,
      v.quote ? h('q', {}, v.quote) : null))));
  }

  parts.push(h('h3', {}, 'Các giá trị trích xuất và nguồn'));
  const rows = [];
  let group = null;
  for (const v of r.values) {
    if (v.group !== group) {
      group = v.group;
      rows.push(h('tr', { class: 'group' }, h('td', { colspan: canEdit() ? 5 : 4 }, group)));
    }
    rows.push(valueRow(v));
    if (state.editing === v.path) rows.push(editRow(v));
  }
  parts.push(h('table', { class: 'values', id: 'values-table' },
    h('colgroup', {}, h('col', { class: 'c-label' }), h('col', { class: 'c-orig' }), h('col', { class: 'c-cur' }), h('col', { class: 'c-src' }), canEdit() ? h('col', { class: 'c-edit' }) : null),
    h('thead', {}, h('tr', {},
      h('th', {}, 'Chỉ tiêu'), h('th', {}, 'Trích xuất từ tệp'), h('th', {}, 'Giá trị đang dùng'), h('th', {}, 'Nguồn: mục và trích dẫn'),
      canEdit() ? h('th', {}, '') : null)),
    h('tbody', {}, rows)));
  $('report-body').replaceChildren(...parts);
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

function valueRow(v) {
  const unsure = v.confidence !== null && v.confidence !== undefined && v.confidence < REVIEW_BELOW;
  return h('tr', { class: [v.corrected ? 'corrected' : '', unsure ? 'unsure' : ''].join(' ').trim(), dataset: { path: v.path } },
    h('td', { class: 'label' }, v.label),
    h('td', { class: 'val original' }, fmtValue(v.original, v.kind), unsure ? h('span', { class: 'badge unsure', title: 'Độ tin cậy thấp' }, 'cần xem lại') : null),
    h('td', { class: 'val current' }, fmtValue(v.value, v.kind), v.corrected ? ' ' : null, v.corrected ? h('span', { class: 'badge corrected' }, 'đã đính chính') : null),
    h('td', { class: 'src' },
      v.section ? h('span', { class: 'section' }, v.section) : null,
      v.quote ? h('q', {}, v.quote) : h('span', { class: 'muted' }, v.original === null ? 'báo cáo không nêu' : '')),
    canEdit()
      ? h('td', {}, v.correctable
        ? h('button', { type: 'button', class: 'secondary small edit', onclick: () => { state.editing = v.path; renderReport(); focusEdit(); } }, 'Sửa')
        : null)
      : null);
}

function editRow(v) {
  const err = h('p', { class: 'error', role: 'alert' });
  const value = h('input', { class: 'new-value', value: v.value === null ? '' : String(v.value), placeholder: v.kind === 'number' ? 'VD: 17.128' : v.kind === 'date' ? 'VD: 20/06/2024' : '', 'aria-label': 'Giá trị mới' });
  const reason = h('input', { class: 'reason', placeholder: 'VD: theo công văn xã gửi bổ sung ngày …', 'aria-label': 'Lý do đính chính', required: true });
  const save = h('button', { type: 'submit', class: 'primary small save' }, 'Lưu đính chính');
  const form = h('form', {
    class: 'edit-form',
    onsubmit: async (e) => {
      e.preventDefault();
      save.disabled = true;
      err.textContent = '';
      const raw = value.value.trim();
      const payload = { path: v.path, value: raw === '' ? null : raw, reason: reason.value };
      try {
        await api(`/api/reports/${state.report.id}/corrections`, { method: 'POST', body: payload });
        await afterCorrection(v);
      } catch (ex) {
        err.textContent = ex.message;
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
  const input = document.querySelector('#values-table .new-value');
  if (input) { input.focus(); input.select(); }
}

/** After a correction: reload the report and the table, and say how the totals moved. */
async function afterCorrection(v) {
  const before = state.table;
  state.editing = null;
  state.report = await api(`/api/reports/${state.report.id}`);
  renderReport();
  await Promise.all([loadTable(), loadFlags()]);
  const changes = [];
  const changed = new Set();
  for (const d of state.table.districts) {
    const old = before.districts.find((x) => x.district === d.district);
    if (!old) continue;
    for (const c of state.table.columns) {
      const a = old.totals[c.key];
      const b = d.totals[c.key];
      if (typeof a === 'number' || typeof b === 'number') {
        if (a !== b && c.key !== 'flags') {
          changes.push(`${c.header}: ${fmt(a) || '—'} → ${fmt(b) || '—'}`);
          changed.add(`${d.district}|${c.key}`);
        }
      }
    }
  }
  renderTable(changed);
  const what = state.report.values.find((x) => x.path === v.path);
  const head = `Đã lưu đính chính "${v.label}": ${fmtValue(v.value, v.kind)} → ${fmtValue(what ? what.value : null, v.kind)}.`;
  notice(changes.length
    ? [h('b', {}, head), ' Tổng của huyện thay đổi — ', h('span', { id: 'total-change' }, changes.join('; ')), '.']
    : [h('b', {}, head), ' Tổng của huyện không đổi.'], 'success', true);
}

// ------------------------------------------------------------------------------------------
// Upload

function openUpload() {
  $('upload-error').textContent = '';
  $('upload-result').replaceChildren();
  $('upload-file').value = '';
  $('upload-submit').disabled = false;
  $('upload-dialog').showModal();
}

async function submitUpload(e) {
  e.preventDefault();
  const file = $('upload-file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  $('upload-submit').disabled = true;
  $('upload-error').textContent = '';
  $('upload-result').replaceChildren(h('p', { class: 'muted' }, `Đang tải lên và xử lý "${file.name}"…`));
  try {
    const r = await api('/api/uploads', { method: 'POST', body: form });
    const text = {
      processed: `Đã nhận và xử lý "${r.file}".`,
      queued: `Đã nhận "${r.file}"; tệp đang chờ xử lý.`,
      duplicate: `"${r.file}": ${r.message || 'tệp trùng với tệp đã nhận'}.`,
      failed: `"${r.file}" không đọc được: ${r.message || ''}`,
      not_a_report: `"${r.file}" không phải báo cáo chính quyền thân thiện: ${r.message || ''}`,
    }[r.status] || `${r.file}: ${r.status}`;
    $('upload-result').replaceChildren(h('p', { class: `notice ${r.status === 'processed' || r.status === 'queued' ? 'success' : 'error'}`, id: 'upload-message' }, text,
      r.reportId ? ' ' : null,
      r.reportId ? h('button', { type: 'button', class: 'link', onclick: () => { $('upload-dialog').close(); openReport(r.reportId); } }, 'Mở báo cáo') : null));
    await loadPeriodsKeeping();
  } catch (err) {
    $('upload-error').textContent = err.message;
    $('upload-result').replaceChildren();
  } finally {
    $('upload-submit').disabled = false;
  }
}

async function loadPeriodsKeeping() {
  const keep = state.period;
  const { periods } = await api('/api/periods');
  state.periods = periods;
  $('period-select').replaceChildren(...periods.map((p) => h('option', { value: p.period }, `${periodLabel(p.period)} (${p.period}) — ${p.current} báo cáo`)));
  const chosen = periods.some((p) => p.period === keep) ? keep : periods[0] && periods[0].period;
  if (chosen) {
    $('period-select').value = chosen;
    await selectPeriod(chosen);
  }
}

// ------------------------------------------------------------------------------------------
// Tokens (admin)

function tokenState(t) {
  if (t.revoked_at) return `đã thu hồi ${fmtTime(t.revoked_at)}`;
  if (t.expires_at && new Date(t.expires_at) <= new Date()) return `đã hết hạn ${fmtTime(t.expires_at)}`;
  return h('span', { class: 'badge ok' }, 'đang dùng');
}

async function loadTokens() {
  const { tokens, failedAttempts, failureLimit } = await api('/api/tokens');
  const rows = tokens.map((t) => h('tr', { class: t.revoked_at ? 'missing' : '' },
    h('td', { class: 'center' }, String(t.id)),
    h('td', {}, t.name),
    h('td', {}, ROLE_LABELS[t.role] || t.role),
    h('td', {}, fmtTime(t.created_at)),
    h('td', {}, t.expires_at ? fmtTime(t.expires_at) : 'không hết hạn'),
    h('td', {}, tokenState(t)),
    h('td', {}, t.revoked_at || t.id === state.me.id ? '' : h('button', {
      type: 'button', class: 'danger small',
      onclick: async () => {
        if (!confirm(`Thu hồi mã của "${t.name}"? Người dùng mã này sẽ không đăng nhập được nữa.`)) return;
        try { await api(`/api/tokens/${t.id}`, { method: 'DELETE' }); await loadTokens(); } catch (err) { notice(err.message, 'error'); }
      },
    }, 'Thu hồi'))));
  const limits = failureLimit ? h('p', { class: 'hint', id: 'token-failures' },
    `Nhập sai mã: tối đa ${failureLimit.max} lần trong ${failureLimit.windowMinutes} phút cho mỗi địa chỉ, quá thì bị chặn đến hết khoảng đó. `,
    failedAttempts.length
      ? failedAttempts.map((f) => `${f.address}: sai ${f.failures} lần${f.blocked ? `, đang bị chặn đến ${fmtTime(f.resetAt)}` : ''}`).join('; ')
      : 'Hiện không có địa chỉ nào nhập sai.') : '';
  $('tokens-area').replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ...['Số', 'Tên', 'Quyền', 'Tạo lúc', 'Hết hạn', 'Trạng thái', ''].map((x) => h('th', {}, x)))),
    h('tbody', {}, rows))), limits);
}

async function createToken(e) {
  e.preventDefault();
  try {
    const expires = $('new-token-expires').value;
    const t = await api('/api/tokens', { method: 'POST', body: { name: $('new-token-name').value, role: $('new-token-role').value, ...(expires ? { expires } : {}) } });
    const box = $('new-token');
    box.className = 'notice success';
    box.replaceChildren(`Mã cho "${t.name}" (${ROLE_LABELS[t.role]}${t.expires_at ? `, dùng đến ${fmtTime(t.expires_at)}` : ''}). Mã chỉ hiện một lần — hãy gửi cho người dùng ngay: `, h('span', { class: 'token-value' }, t.token));
    box.hidden = false;
    $('new-token-name').value = '';
    $('new-token-expires').value = '';
    await loadTokens();
  } catch (err) {
    notice(err.message, 'error');
  }
}

// ------------------------------------------------------------------------------------------
// Wiring

function switchTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.tab === tab);
  for (const name of ['table', 'flags', 'submissions', 'tokens']) $(`panel-${name}`).hidden = name !== tab;
  if (tab === 'submissions' && state.period) loadSubmissions().catch((err) => notice(err.message, 'error'));
  if (tab === 'tokens') loadTokens().catch((err) => notice(err.message, 'error'));
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token-input').value.trim();
    if (token) login(token);
  });
  $('logout-btn').addEventListener('click', () => logout(''));
  $('period-select').addEventListener('change', (e) => selectPeriod(e.target.value).catch((err) => notice(err.message, 'error')));
  for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => switchTab(b.dataset.tab));
  for (const id of ['flag-commune', 'flag-code', 'flag-severity']) $(id).addEventListener('change', renderFlags);
  $('export-xlsx').addEventListener('click', () => download(`/api/exports/consolidated.xlsx?period=${encodeURIComponent(state.period)}`, `tong-hop-${state.period}.xlsx`));
  $('export-csv').addEventListener('click', () => download(`/api/exports/consolidated.csv?period=${encodeURIComponent(state.period)}`, `tong-hop-${state.period}.csv`));
  $('report-close').addEventListener('click', () => $('report-dialog').close());
  $('report-dialog').addEventListener('click', (e) => { if (e.target === $('report-dialog')) $('report-dialog').close(); });
  $('upload-open').addEventListener('click', openUpload);
  $('upload-cancel').addEventListener('click', () => $('upload-dialog').close());
  $('upload-form').addEventListener('submit', submitUpload);
  $('token-form').addEventListener('submit', createToken);
  if (state.token) login(state.token);
  else showLogin('');
});

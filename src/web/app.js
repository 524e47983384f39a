// @ts-check
// The district's page (ES modules, no build step; each view in js/): log in with a token kept in
// sessionStorage, choose a period (also one opened before its first report) and a scope, then the
// table, the flags, the submissions and letters, the tokens. Labels come from the server (/api/labels).
import { api, ApiError, download, OFFLINE, setUnauthorized } from './js/api.js';
import { $, fmtDay, h, notice, periodLabel } from './js/dom.js';
import { fillAliasCandidates, loadFlags, renderFlags, submitAlias } from './js/flags.js';
import { openReport } from './js/report.js';
import { refreshProgress, withProgress } from './js/progress.js';
import { canEdit, hooks, PERIOD_KEY, SCOPE_KEY, periodQuery, state, TOKEN_KEY } from './js/state.js';
import { loadSubmissions } from './js/submissions.js';
import { loadTable, renderSummary } from './js/table.js';
import { createToken, loadTokens } from './js/tokens.js';
import { renderCharts } from './js/charts.js';

// ------------------------------------------------------------------------------------------
// Login

/** @param {string} message */
function showLogin(message) {
  $('app-view').hidden = true;
  $('user-box').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message || '';
  $('token-input').value = '';
  $('token-input').focus();
}

/** @param {string} message */
function logout(message) {
  state.token = null;
  state.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
  if ($('report-dialog').open) $('report-dialog').close();
  showLogin(message);
}
setUnauthorized(logout);

/** @param {string} token */
async function login(token) {
  state.token = token;
  try {
    state.me = await api('/api/me', { login: true });
    state.labels = await api('/api/labels', { login: true });
  } catch (err) {
    const e = /** @type {ApiError} */ (err);
    state.token = null;
    showLogin(e.status === 401 ? 'Mã truy cập không đúng hoặc đã bị thu hồi.' : e.message);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('user-box').hidden = false;
  $('user-name').textContent = `${state.me.name} · ${state.labels ? state.labels.roles[state.me.role] : state.me.role}`;
  $('district-label').textContent = state.me.district ? state.me.district : 'Các đơn vị có báo cáo trong kỳ';
  $('scope-input').placeholder = state.me.district || 'huyện …, tỉnh … hoặc tỉnh …';
  $('scope-input').value = state.scope;
  $('print-issuer').textContent = issuerOf(state.scope || state.me.district);
  $('upload-open').hidden = !canEdit();
  $('period-open').hidden = !canEdit();
  $('tokens-tab').hidden = state.me.role !== 'admin';
  await loadPeriods().catch((err) => notice(err.message, 'error', true));
  void refreshProgress();
}

/** 'huyện Hiệp Hòa, tỉnh Bắc Giang' → 'UBND HUYỆN HIỆP HÒA' (and PHÒNG NỘI VỤ); 'tỉnh Bắc Ninh' → 'UBND TỈNH BẮC NINH' (SỞ NỘI VỤ). @param {string | null} scope */
function issuerOf(scope) {
  const first = (scope || '').split(',')[0].trim();
  const provinceLevel = /^tỉnh\s/iu.test(first) || (/^thành phố\s/iu.test(first) && !(scope || '').includes(','));
  $('print-office').textContent = provinceLevel ? 'SỞ NỘI VỤ' : 'PHÒNG NỘI VỤ';
  return first ? `UBND ${first.toLocaleUpperCase('vi')}` : 'UBND';
}

// ------------------------------------------------------------------------------------------
// Periods

/** @param {any} p */
function periodOption(p) {
  const deadline = p.deadline ? ` · hạn ${fmtDay(p.deadline)}` : '';
  return h('option', { value: p.period }, `${p.label || periodLabel(p.period)} — ${p.current} báo cáo${deadline}`);
}

async function loadPeriods() {
  const { periods } = await api('/api/periods');
  state.periods = periods;
  const select = $('period-select');
  select.replaceChildren(...periods.map(periodOption));
  if (periods.length === 0) {
    select.append(h('option', { value: '' }, 'Chưa có kỳ báo cáo nào'));
    state.period = null;
    $('table-area').replaceChildren(h('p', { class: 'empty' }, 'Chưa có kỳ báo cáo nào. Hãy mở kỳ báo cáo (nút "Mở kỳ báo cáo") hoặc tải báo cáo của các xã lên.'));
    setExportsEnabled(false);
    return;
  }
  const remembered = state.period || sessionStorage.getItem(PERIOD_KEY);
  const chosen = periods.some((/** @type {any} */ p) => p.period === remembered) ? remembered : periods[0].period;
  select.value = chosen;
  await selectPeriod(/** @type {string} */ (chosen));
}
hooks.reloadPeriods = async () => {
  const { periods } = await api('/api/periods');
  state.periods = periods;
  $('period-select').replaceChildren(...periods.map(periodOption));
  if (state.period) $('period-select').value = state.period;
};

/** @param {boolean} on */
function setExportsEnabled(on) {
  for (const id of ['export-xlsx', 'export-csv', 'print-btn']) $(id).disabled = !on;
}

/** Shows a period; if the server cannot be reached, the page stays on the period it showed. @param {string} period */
async function selectPeriod(period) {
  const previous = state.period;
  state.period = period;
  try {
    await loadFlags();
    await loadTable();
    if (state.tab === 'submissions') await loadSubmissions();
    if (state.tab === 'charts') renderCharts();
    sessionStorage.setItem(PERIOD_KEY, period);
    $('print-period').textContent = periodLabel(period);
    fillScopes(period);
    setExportsEnabled(true);
  } catch (err) {
    state.period = previous;
    if (previous) $('period-select').value = previous;
    notice(/** @type {Error} */ (err).message, 'error', true);
  }
}

/** The scopes in force for the period (a district, its province, the province's districts) as suggestions. @param {string} period */
function fillScopes(period) {
  api(`/api/scopes?period=${encodeURIComponent(period)}`)
    .then((r) => $('scope-options').replaceChildren(...r.options.map((/** @type {string} */ o) => h('option', { value: o }))))
    .catch(() => {});
}

hooks.reload = async () => {
  await loadFlags();
  await loadTable();
  if (state.tab === 'submissions') await loadSubmissions();
  if (state.tab === 'charts') renderCharts();
};
hooks.openReport = openReport;
/** For tests and bookmarks: open a report by its number. */
/** @type {any} */ (window).__open = (/** @type {number} */ id) => openReport(id);

/** @param {SubmitEvent} e */
async function openPeriod(e) {
  e.preventDefault();
  const period = `${$('new-period-year').value}${$('new-period-part').value ? `-${$('new-period-part').value}` : ''}`;
  try {
    await api('/api/periods', { method: 'POST', body: { period, deadline: $('new-period-deadline').value || null } });
    $('period-dialog').close();
    state.period = period;
    await loadPeriods();
    notice(`Đã mở kỳ ${periodLabel(period)}.`, 'success');
  } catch (err) {
    $('period-error').textContent = /** @type {Error} */ (err).message;
  }
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

/** @param {SubmitEvent} e */
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
    const r = await withProgress(api('/api/uploads', { method: 'POST', body: form }));
    /** @type {Record<string, string>} */
    const texts = {
      processed: `Đã nhận và xử lý "${r.file}".`,
      queued: `Đã nhận "${r.file}"; tệp đang chờ xử lý.`,
      duplicate: `"${r.file}": ${r.message || 'tệp trùng với tệp đã nhận'}.`,
      failed: `"${r.file}" không đọc được: ${r.message || ''}`,
      not_a_report: `"${r.file}" không phải báo cáo chính quyền thân thiện: ${r.message || ''}`,
    };
    $('upload-result').replaceChildren(h('p', { class: `notice ${r.status === 'processed' || r.status === 'queued' ? 'success' : 'error'}`, id: 'upload-message' }, texts[r.status] || `"${r.file}": đã nhận`,
      r.reportId ? ' ' : null,
      r.reportId ? h('button', { type: 'button', class: 'link', onclick: () => { $('upload-dialog').close(); openReport(r.reportId); } }, 'Mở báo cáo') : null));
    await loadPeriods();
  } catch (err) {
    $('upload-error').textContent = /** @type {Error} */ (err).message;
    $('upload-result').replaceChildren();
  } finally {
    $('upload-submit').disabled = false;
  }
}

// ------------------------------------------------------------------------------------------
// Wiring

/** @param {string} tab */
function switchTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll('.tab')) {
    const active = /** @type {HTMLElement} */ (b).dataset.tab === tab;
    b.classList.toggle('active', active);
    if (active) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  for (const name of ['table', 'flags', 'submissions', 'charts', 'tokens']) $(`panel-${name}`).hidden = name !== tab;
  if (tab === 'charts') renderCharts();
  if (tab === 'submissions' && state.period) loadSubmissions().catch((err) => notice(err.message, 'error'));
  if (tab === 'tokens') loadTokens().catch((err) => notice(err.message, 'error'));
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const token = $('token-input').value.trim();
    if (token) login(token);
  });
  $('logout-btn').addEventListener('click', () => logout(''));
  $('period-select').addEventListener('change', (/** @type {Event} */ e) => selectPeriod(/** @type {HTMLSelectElement} */ (e.target).value));
  $('scope-form').addEventListener('submit', async (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const before = state.scope;
    state.scope = $('scope-input').value.trim();
    try {
      await hooks.reload();
      sessionStorage.setItem(SCOPE_KEY, state.scope);
      $('print-issuer').textContent = issuerOf(state.scope || state.me.district);
      $('district-label').textContent = state.scope || state.me.district || 'Các đơn vị có báo cáo trong kỳ';
    } catch (err) {
      state.scope = before;
      $('scope-input').value = before;
      notice(/** @type {Error} */ (err).message, 'error', true);
    }
  });
  for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => switchTab(/** @type {HTMLElement} */ (b).dataset.tab || 'table'));
  for (const id of ['flag-commune', 'flag-code', 'flag-severity', 'flag-state']) $(id).addEventListener('change', () => { renderFlags(); });
  $('export-xlsx').addEventListener('click', () => download(`/api/exports/consolidated.xlsx?${periodQuery()}`, `tong-hop-${state.period}.xlsx`).catch((err) => notice(`Không tải được: ${err.message}`, 'error')));
  $('export-csv').addEventListener('click', () => download(`/api/exports/consolidated.csv?${periodQuery()}`, `tong-hop-${state.period}.csv`).catch((err) => notice(`Không tải được: ${err.message}`, 'error')));
  $('print-btn').addEventListener('click', () => { switchTab('table'); window.print(); });
  // Also for the browser's own Print (Ctrl+P): the date of printing, dd/mm/yyyy.
  window.addEventListener('beforeprint', () => { $('print-date').textContent = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }); });
  $('report-close').addEventListener('click', () => $('report-dialog').close());
  $('report-dialog').addEventListener('click', (/** @type {MouseEvent} */ e) => { if (e.target === $('report-dialog')) $('report-dialog').close(); });
  $('upload-open').addEventListener('click', openUpload);
  $('upload-cancel').addEventListener('click', () => $('upload-dialog').close());
  $('upload-form').addEventListener('submit', submitUpload);
  $('period-open').addEventListener('click', () => { $('period-error').textContent = ''; $('new-period-year').value = String(new Date().getFullYear()); $('period-dialog').showModal(); });
  $('period-cancel').addEventListener('click', () => $('period-dialog').close());
  $('period-form').addEventListener('submit', openPeriod);
  $('alias-level').addEventListener('change', () => fillAliasCandidates());
  $('alias-cancel').addEventListener('click', () => $('alias-dialog').close());
  $('alias-form').addEventListener('submit', submitAlias);
  $('token-form').addEventListener('submit', createToken);
  if (state.token) login(state.token);
  else showLogin('');
  void renderSummary; void OFFLINE;
});

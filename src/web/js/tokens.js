// @ts-check
// Access tokens (admin): list, create with an optional expiry, revoke.
import { api } from './api.js';
import { $, fmtTime, h, notice } from './dom.js';
import { state } from './state.js';

/** @param {string} role */
const roleLabel = (role) => (state.labels && state.labels.roles[role]) || role;

/** @param {any} t */
function tokenState(t) {
  if (t.revoked_at) return `đã thu hồi ${fmtTime(t.revoked_at)}`;
  if (t.expires_at && new Date(t.expires_at) <= new Date()) return `đã hết hạn ${fmtTime(t.expires_at)}`;
  return h('span', { class: 'badge ok' }, 'đang dùng');
}

export async function loadTokens() {
  const { tokens, failedAttempts, failureLimit } = await api('/api/tokens');
  const rows = tokens.map((/** @type {any} */ t) => h('tr', { class: t.revoked_at ? 'missing' : '' },
    h('td', { class: 'center' }, String(t.id)),
    h('td', {}, t.name),
    h('td', {}, roleLabel(t.role)),
    h('td', {}, fmtTime(t.created_at)),
    h('td', {}, t.expires_at ? fmtTime(t.expires_at) : 'không hết hạn'),
    h('td', {}, tokenState(t)),
    h('td', {}, t.revoked_at || t.id === state.me.id ? '' : h('button', {
      type: 'button', class: 'danger small',
      onclick: async () => {
        if (!confirm(`Thu hồi mã của "${t.name}"? Người dùng mã này sẽ không đăng nhập được nữa.`)) return;
        try { await api(`/api/tokens/${t.id}`, { method: 'DELETE' }); await loadTokens(); } catch (err) { notice(/** @type {Error} */ (err).message, 'error'); }
      },
    }, 'Thu hồi'))));
  const limits = failureLimit ? h('p', { class: 'hint', id: 'token-failures' },
    `Nhập sai mã: tối đa ${failureLimit.max} lần trong ${failureLimit.windowMinutes} phút cho mỗi địa chỉ, quá thì bị chặn đến hết khoảng đó. `,
    failedAttempts.length
      ? failedAttempts.map((/** @type {any} */ f) => `${f.address}: sai ${f.failures} lần${f.blocked ? `, đang bị chặn đến ${fmtTime(f.resetAt)}` : ''}`).join('; ')
      : 'Hiện không có địa chỉ nào nhập sai.') : '';
  $('tokens-area').replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, ...['Số', 'Tên', 'Quyền', 'Tạo lúc', 'Hết hạn', 'Trạng thái', 'Thao tác'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows))), limits);
}

/** @param {SubmitEvent} e */
export async function createToken(e) {
  e.preventDefault();
  try {
    const expires = $('new-token-expires').value;
    const t = await api('/api/tokens', { method: 'POST', body: { name: $('new-token-name').value, role: $('new-token-role').value, ...(expires ? { expires } : {}) } });
    const box = $('new-token');
    box.className = 'notice success';
    box.replaceChildren(`Mã cho "${t.name}" (${roleLabel(t.role)}${t.expires_at ? `, dùng đến ${fmtTime(t.expires_at)}` : ''}). Mã chỉ hiện một lần — hãy gửi cho người dùng ngay: `, h('span', { class: 'token-value' }, t.token));
    box.hidden = false;
    $('new-token-name').value = '';
    $('new-token-expires').value = '';
    await loadTokens();
  } catch (err) {
    notice(/** @type {Error} */ (err).message, 'error');
  }
}

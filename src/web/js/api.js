// @ts-check
// The JSON API with the bearer token; messages for staff in Vietnamese, also when the server
// cannot be reached (fetch's own "Failed to fetch" is never shown).
import { h } from './dom.js';
import { state } from './state.js';

export const OFFLINE = 'Không kết nối được máy chủ. Kiểm tra mạng hoặc máy chủ rồi thử lại; trang vẫn hiện dữ liệu của lần tải trước.';

export class ApiError extends Error {
  /** @param {number} status @param {any} body @param {string} [message] */
  constructor(status, body, message) {
    super(message || (body && body.error && body.error.message) || `Máy chủ trả lỗi ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** @type {(message: string) => void} */
let onUnauthorized = () => {};
/** @param {(message: string) => void} f */
export function setUnauthorized(f) { onUnauthorized = f; }

/**
 * @param {string} path
 * @param {{ method?: string, body?: any, headers?: Record<string,string>, raw?: boolean, login?: boolean }} [opts]
 * @returns {Promise<any>}
 */
export async function api(path, opts = {}) {
  /** @type {Record<string,string>} */
  const headers = Object.assign({}, opts.headers || {});
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  let body = opts.body;
  if (body && !(body instanceof FormData) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, { method: opts.method || 'GET', headers, body });
  } catch {
    throw new ApiError(0, null, OFFLINE);
  }
  if (opts.raw && res.ok) return res;
  const type = res.headers.get('content-type') || '';
  const data = type.includes('application/json') ? await res.json().catch(() => /** @type {any} */ (null)) : null;
  if (!res.ok) {
    if (res.status === 401 && !opts.login) onUnauthorized('Phiên đăng nhập đã hết hiệu lực hoặc mã đã bị thu hồi. Vui lòng đăng nhập lại.');
    throw new ApiError(res.status, data);
  }
  return data;
}

/** Downloads a file of the API under the name the server gives. @param {string} path @param {string} fallbackName */
export async function download(path, fallbackName) {
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
}

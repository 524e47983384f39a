// @ts-check
// DOM and formatting helpers: every text goes through text nodes (h()), never innerHTML.
import { state } from './state.js';

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const collator = new Intl.Collator('vi', { numeric: true });

/** @param {string} id @returns {any} */
export function $(id) { return document.getElementById(id); }

/**
 * h('td', { class: 'num', dataset: { key: 'x' }, onclick }, 'text', child …)
 * @param {string} tag @param {Record<string, any> | null} attrs @param {...any} children
 * @returns {any}
 */
export function h(tag, attrs, ...children) {
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

/** @param {unknown} v */
export function fmt(v) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return nf.format(v);
  return String(v);
}

/** @param {unknown} v @param {string} [kind] */
export function fmtValue(v, kind) {
  if (v === null || v === undefined) return '—';
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDay(v);
  return fmt(v);
}

/** '2024-07-15' → '15/07/2024'. @param {string | null | undefined} iso */
export function fmtDay(iso) {
  if (!iso) return '';
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** 'dd/mm/yyyy HH:mm' in Vietnam time: the date before the time. @param {string | null | undefined} iso */
export function fmtTime(iso) {
  if (!iso) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** '2024-H1' → '6 tháng đầu năm 2024' (the labels the server sends). @param {string} p */
export function periodLabel(p) {
  const m = /^(\d{4})(?:-(H1|H2|Q1|Q2|Q3|Q4|9M))?$/.exec(p || '');
  if (!m) return p;
  const parts = state.labels ? state.labels.periodParts : {};
  return m[2] ? `${parts[m[2]] || m[2]} ${m[1]}` : `Năm ${m[1]}`;
}

/** @param {string | null} kind @param {string} name */
export function unitName(kind, name) { return kind ? `${kind} ${name}` : name; }

/** @param {string} code */
export function flagLabel(code) { return (state.labels && state.labels.flags[code]) || 'Cảnh báo khác'; }

/** @param {string} s */
export function severityLabel(s) { return (state.labels && state.labels.severities[s]) || s; }

let noticeTimer = /** @type {any} */ (null);
/** @param {any} text @param {string} [kind] @param {boolean} [keep] */
export function notice(text, kind = 'info', keep = false) {
  const el = $('notice');
  el.replaceChildren(...(Array.isArray(text) ? text : [text]));
  el.className = `notice ${kind}`;
  el.hidden = false;
  clearTimeout(noticeTimer);
  if (!keep) noticeTimer = setTimeout(() => { el.hidden = true; }, 12_000);
}

/** Copies a text to the clipboard (falls back to selecting it). @param {string} text @param {string} what */
export async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    notice(`Đã sao chép ${what}.`, 'success');
  } catch {
    notice(`Không sao chép tự động được: hãy chọn và sao chép ${what} bằng Ctrl+C.`, 'info');
  }
}

// @ts-check
// The files the server is working on now (GET /api/progress): "Đang xử lý: ten-tep.pdf — nhận
// dạng chữ 3/8 trang". Read once when the page opens; polled every 1.5 s only while something is
// in progress, or while an upload of this page is running.
import { api } from './api.js';
import { h } from './dom.js';

const EVERY_MS = 1500;
let timer = /** @type {ReturnType<typeof setTimeout> | null} */ (null);
let uploads = 0;

/** @param {{ text: string }[]} files */
function render(files) {
  for (const box of document.querySelectorAll('[data-progress]')) {
    const list = box.querySelector('ul');
    if (!list) continue;
    list.replaceChildren(...files.map((f) => h('li', {}, f.text)));
    /** @type {HTMLElement} */ (box).hidden = files.length === 0;
  }
}

/** Reads the list once; polls again while anything is in progress. */
export async function refreshProgress() {
  if (timer) clearTimeout(timer);
  timer = null;
  /** @type {{ text: string }[]} */
  let files = [];
  try {
    files = (await api('/api/progress')).files || [];
  } catch {
    // No list is better than a wrong one; the upload's own answer says what happened.
  }
  render(files);
  if (files.length > 0 || uploads > 0) timer = setTimeout(() => { void refreshProgress(); }, EVERY_MS);
}

/** Polls while `work` (an upload) runs, and once more after it. @template T @param {Promise<T>} work @returns {Promise<T>} */
export async function withProgress(work) {
  uploads += 1;
  void refreshProgress();
  try {
    return await work;
  } finally {
    uploads -= 1;
    void refreshProgress();
  }
}

// @ts-check
// Charts that compare the units of the period (Chart.js, served from the package at /vendor/):
// satisfaction, the share of criteria met, the star level registered. Each chart is an image for
// screen readers with its figures in its label, and a table of the same figures under it.
import { $, fmt, h, unitName } from './dom.js';
import { state } from './state.js';

/** @type {any[]} */
let charts = [];

const SPECS = [
  { id: 'chart-satisfaction', title: 'Tỷ lệ hài lòng (%)', value: (/** @type {any} */ r) => r.satisfactionPercent, max: 100 },
  { id: 'chart-criteria', title: 'Tỷ lệ chỉ tiêu đạt (%)', value: (/** @type {any} */ r) => (r.criteriaTotal ? Math.round((r.criteriaMet / r.criteriaTotal) * 1000) / 10 : null), max: 100 },
  { id: 'chart-stars', title: 'Số sao đăng ký', value: (/** @type {any} */ r) => r.starsRegistered, max: 5 },
];

export function renderCharts() {
  for (const c of charts) c.destroy();
  charts = [];
  const area = $('charts-area');
  const t = state.table;
  const rows = t ? t.districts.flatMap((/** @type {any} */ d) => d.rows.filter((/** @type {any} */ r) => r.reported && r.counted)) : [];
  if (rows.length === 0) {
    area.replaceChildren(h('p', { class: 'empty' }, 'Chưa có báo cáo nào để so sánh.'));
    return;
  }
  const Chart = /** @type {any} */ (window).Chart;
  const parts = [];
  for (const spec of SPECS) {
    const data = rows.map((/** @type {any} */ r) => ({ name: unitName(r.communeKind, r.commune), value: spec.value(r) }))
      .filter((/** @type {any} */ x) => x.value !== null && x.value !== undefined)
      .sort((/** @type {any} */ a, /** @type {any} */ b) => b.value - a.value);
    const summary = data.map((/** @type {any} */ x) => `${x.name}: ${fmt(x.value)}`).join('; ');
    const canvas = h('canvas', { id: spec.id, role: 'img', 'aria-label': `${spec.title} — ${summary || 'không có số liệu'}` });
    const box = h('figure', { class: 'chart' },
      h('figcaption', {}, spec.title),
      h('div', { class: 'chart-box', dataset: { rows: String(data.length) } }, canvas),
      h('details', {}, h('summary', {}, 'Xem số liệu'),
        h('table', { class: 'data chart-data', dataset: { chart: spec.id } },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Đơn vị'), h('th', { scope: 'col' }, spec.title))),
          h('tbody', {}, data.map((/** @type {any} */ x) => h('tr', {}, h('td', {}, x.name), h('td', { class: 'num' }, fmt(x.value))))))));
    parts.push({ box, canvas, data, spec });
  }
  area.replaceChildren(...parts.map((p) => p.box));
  if (!Chart) {
    area.prepend(h('p', { class: 'notice error' }, 'Không tải được thư viện biểu đồ; số liệu vẫn có trong các bảng dưới đây.'));
    return;
  }
  for (const p of parts) {
    /** @type {HTMLElement} */ (p.canvas.parentElement).style.height = `${Math.max(120, p.data.length * 22 + 40)}px`;
    charts.push(new Chart(p.canvas, {
      type: 'bar',
      data: { labels: p.data.map((/** @type {any} */ x) => x.name), datasets: [{ label: p.spec.title, data: p.data.map((/** @type {any} */ x) => x.value), backgroundColor: '#0b5cad' }] },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (/** @type {any} */ c) => fmt(c.parsed.x) } } },
        scales: { x: { min: 0, max: p.spec.max, ticks: { callback: (/** @type {any} */ v) => fmt(v) } } },
        locale: 'vi-VN',
      },
    }));
  }
}

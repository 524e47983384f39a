// The district officer's work in real headless Chromium (issue 13), against the real server and a
// database filled from the sample reports, plus two reports stored as the pipeline stores them: one
// whose commune is misspelt (UNKNOWN_UNIT), one whose cadres do not add up (SUM_MISMATCH). Each flow
// of the issue: map a unit, draft both letters and read the .docx, correct a value and see its flag
// close, dismiss a flag, keyboard-only sorting and opening, the server unreachable, open an empty
// period with a deadline, print to PDF with every row, 1366×768 without inner scrolling, and axe-core.
// Screenshots go to test/.out/ (git-ignored). Without Chromium this test FAILS: it is never skipped.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { type Browser, type Page } from 'playwright-core';
import { assertChromium, launchChromium } from './helpers/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { valueFlags } from '../src/workspace/recheck.ts';
import { createWorkbench, DISTRICT, PERIOD, PROVINCE, type Workbench } from './api.fixture.ts';
import { createTestDatabase, sampleExtraction } from './helpers/db.ts';
import { createApp } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository } from '../src/db/repositories/tokens.ts';

const run = promisify(execFile);
const OUT = path.resolve('test/.out');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let wb: Workbench;
let server: FastifyInstance;
let browser: Browser;
let base: string;
/** Registry communes of the district for the period: [kind, name]. */
let units: { kind: string; name: string }[];
let typo: { right: string; written: string; code: string };
let mismatch: string;

/** 'Mai Đình' → 'Mai Đỉnh': the first grave-accented vowel gets a hook instead (a real typing slip). */
function misspell(name: string): string | null {
  const swap: Record<string, string> = { à: 'ả', è: 'ẻ', ì: 'ỉ', ò: 'ỏ', ù: 'ủ', ồ: 'ổ', ề: 'ể', ờ: 'ở', ừ: 'ử', ằ: 'ẳ', ầ: 'ẩ' };
  const i = [...name].findIndex((c) => swap[c]);
  if (i < 0) return null;
  const chars = [...name];
  chars[i] = swap[chars[i]!]!;
  return chars.join('');
}

let stored = 0;
async function storeReport(commune: string, profile: Record<string, number>, period = PERIOD): Promise<number> {
  const sha = (0xe2e000 + ++stored).toString(16).padStart(64, 'f');
  const claim = await wb.app.files.claim(sha, `bao-cao-${commune}-${period}.docx`, path.join(wb.files, `bao-cao-${commune}-${period}.docx`), 1000);
  const e = sampleExtraction({ unit: { commune, communeKind: 'xã', district: DISTRICT, province: PROVINCE }, period, source: { file: `bao-cao-${commune}.docx`, sha256: sha, format: 'docx' } });
  if (period !== PERIOD) e.document = { ...e.document, date: '2024-12-20' };
  e.profile = { ...e.profile, ...profile };
  e.provenance = { ...e.provenance, 'profile.cadres': { section: 'I', quote: `Tổng số cán bộ, công chức: ${e.profile.cadres} người` } };
  e.flags = valueFlags(e, wb.app.registry);
  const { reportId } = await wb.app.reports.store(claim.id, e);
  await wb.app.files.markProcessed(claim.id, 'docx');
  return reportId;
}

beforeAll(async () => {
  assertChromium();
  await mkdir(OUT, { recursive: true });
  wb = await createWorkbench('pglite');
  units = wb.app.registry.forPeriod(PERIOD).communesIn(DISTRICT, PROVINCE).map((u) => ({ kind: u.communeKind, name: u.commune }));
  const free = wb.app.registry.forPeriod(PERIOD).communesIn(DISTRICT, PROVINCE).filter((u) => u.communeKind === 'xã' && !wb.plan.reporters.includes(u.commune));
  const t = free.find((u) => misspell(u.commune));
  if (!t) throw new Error('no commune to misspell');
  typo = { right: t.commune, written: misspell(t.commune)!, code: t.communeCode };
  mismatch = free.find((u) => u.commune !== t.commune)!.commune;
  await storeReport(typo.written, {});
  await storeReport(mismatch, { cadres: 17, canBo: 10, congChuc: 9 });
  await storeReport(mismatch, { population: 17128 + 72 }, '2024'); // the same unit's whole-year report
  server = await buildServer({ app: wb.app, workspace: wb.workspace, tokens: wb.tokens, intake: inProcessIntake(wb.queue), inboxDir: wb.inbox, maxFileBytes: 20 * 1024 * 1024 });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await wb?.cleanup();
});

async function newPage(width = 1366, height = 768): Promise<Page & { errors: string[] }> {
  const page = (await browser.newPage({ viewport: { width, height }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true, acceptDownloads: true })) as Page & { errors: string[] };
  page.setDefaultTimeout(20_000);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

async function login(page: Page, token = wb.token.editor): Promise<void> {
  await page.goto(`${base}/`);
  await page.fill('#token-input', token);
  await page.click('#login-btn');
  await page.waitForSelector('#app-view:not([hidden])');
  await page.selectOption('#period-select', PERIOD);
  await page.waitForFunction(() => document.querySelector('.district-head .muted')?.textContent?.includes('6 tháng đầu năm 2024'));
}

async function axeSerious(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return result;
}

async function docxText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(OUT, dl.suggestedFilename());
  await dl.saveAs(file);
  const text = (await mammoth.extractRawText({ buffer: await readFile(file) })).value.replace(/\s+/g, ' ');
  return { name: dl.suggestedFilename(), text };
}

const flagsTab = async (page: Page) => {
  await page.click('button[data-tab="flags"]');
  await page.waitForSelector('#panel-flags:not([hidden])');
};

describe('the district officer\'s workspace in Chromium', () => {
  it('at 1366×768: every column on the screen, no scrolling box inside the page, Vietnamese only; no serious axe violation', async () => {
    const page = await newPage();
    await login(page);
    const layout = await page.evaluate(() => {
      const status = document.querySelector('table.data tbody tr td[data-key="status"]')!.getBoundingClientRect();
      const wrap = document.querySelector('.table-wrap')!;
      return {
        pageWidth: document.documentElement.scrollWidth,
        statusRight: status.right,
        wrapScrolls: wrap.scrollHeight > wrap.clientHeight + 1 || wrap.scrollWidth > wrap.clientWidth + 1,
        overflow: getComputedStyle(wrap).overflowY,
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(1366);
    expect(layout.statusRight).toBeLessThanOrEqual(1366);
    expect(layout.wrapScrolls).toBe(false);
    expect(layout.overflow).toBe('visible');
    await page.screenshot({ path: path.join(OUT, 'workspace-1366x768.png') });
    await page.screenshot({ path: path.join(OUT, 'workspace-1366-full.png'), fullPage: true });
    expect(await axeSerious(page)).toEqual([]);
    // The report detail: sections by their names, dates before times, no codes.
    await page.click(`tbody tr.reported >> nth=0 >> button.open-report`);
    await page.waitForSelector('#report-dialog[open] #values-table');
    const detail = await page.textContent('#report-dialog');
    expect(detail).not.toMatch(/\b(title|header|body|annex|registry \d{4})\b/);
    expect(await page.textContent('#values-table')).not.toMatch(/\b20\d\d-(H[12]|Q[1-4]|9M)\b/); // periods by their names
    expect(detail).toMatch(/nhận lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await axeSerious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/\b2024-H1\b|Failed to fetch|undefined|NaN/);
    await flagsTab(page);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'workspace-flags-1366.png') });
    expect(page.errors).toEqual([]);
    await page.close();
    const wide = await newPage(1920, 1080);
    await login(wide);
    await wide.screenshot({ path: path.join(OUT, 'workspace-1920x1080.png') });
    await wide.close();
  });

  it('keyboard only: sorts by a column and opens a report', async () => {
    const page = await newPage();
    await login(page);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i + 1;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await page.focus('#period-select');
    await tabTo('th[data-key="population"] button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('th[data-key="population"]', 'aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('th[data-key="population"]', 'aria-sort')).toBe('descending');
    const table = await wb.workspace.consolidated(PERIOD);
    const largest = table.districts[0]!.rows.filter((r) => r.population !== null).sort((a, b) => b.population! - a.population!)[0]!;
    expect(await page.getAttribute('table.data tbody tr >> nth=0', 'data-commune')).toBe(largest.commune);
    await tabTo('tbody tr button.open-report');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#report-dialog[open] #values-table');
    expect(await page.textContent('#report-title')).toContain(largest.commune);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (document.getElementById('report-dialog') as HTMLDialogElement).open)).toBe(false);
    await page.close();
  });

  it('maps a misspelt commune to its registered unit from its flag', async () => {
    const page = await newPage();
    await login(page);
    expect(await page.locator(`tbody tr.missing[data-commune="${typo.right}"]`).count()).toBe(1);
    await flagsTab(page);
    const flag = page.locator(`li.flag[data-code="UNKNOWN_UNIT"]`).filter({ hasText: typo.written });
    await flag.locator('button.map-unit').click();
    await page.waitForSelector('#alias-dialog[open]');
    expect(await page.textContent('#alias-written')).toBe(typo.written);
    expect(await axeSerious(page)).toEqual([]);
    expect(await page.inputValue('#alias-target')).toBe(typo.code); // the nearest name first
    await page.fill('#alias-reason', 'Xã gõ sai dấu tên xã');
    await page.click('#alias-submit');
    await expect.poll(() => page.evaluate(() => (document.getElementById('alias-dialog') as HTMLDialogElement).open)).toBe(false);
    await page.click('button[data-tab="table"]');
    await expect.poll(() => page.locator(`tbody tr.reported[data-commune="${typo.right}"]`).count()).toBe(1);
    expect(await page.locator(`tbody tr[data-commune="${typo.written}"]`).count()).toBe(0);
    // The report says how it is read, and the mapping can be undone.
    await page.click(`tbody tr[data-commune="${typo.right}"] button.open-report`);
    await page.waitForSelector('#report-aliases');
    expect(await page.textContent('#report-aliases')).toContain(`Báo cáo ghi "${typo.written}", được tính là ${typo.right}`);
    page.once('dialog', (d) => void d.accept());
    await page.click('#report-aliases button.undo-alias');
    await page.click('#report-close');
    await expect.poll(() => page.locator(`tbody tr.missing[data-commune="${typo.right}"]`).count()).toBe(1);
    // Every mapping stays listed, with who, when, why and whether it still applies.
    await page.click('button[data-tab="submissions"]');
    await page.waitForSelector('#aliases-table');
    const line = await page.textContent('#aliases-table tbody tr >> nth=0');
    expect(line).toContain(typo.written);
    expect(line).toContain('Xã gõ sai dấu tên xã');
    expect(line).toMatch(/Nguyễn Thị Biên Tập, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(line).toContain('đã huỷ');
    await page.close();
  });

  it('drafts the reminder and a correction request, and the .docx files say what they must', async () => {
    const page = await newPage();
    await login(page);
    await page.click('button[data-tab="submissions"]');
    await page.waitForSelector('#draft-reminder');
    const subs = await wb.workspace.submissions(PERIOD);
    const missing = subs.districts[0]!.communes.filter((c) => c.status === 'not_reported').map((c) => `${c.communeKind} ${c.commune}`);
    expect(await page.inputValue('#missing-text')).toBe(missing.join(', '));
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'workspace-submissions-1366.png') });
    const reminder = await docxText(page, () => page.click('#draft-reminder'));
    for (const s of ['UBND HUYỆN HIỆP HÒA', 'PHÒNG NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kính gửi:', 'Nơi nhận:', 'TRƯỞNG PHÒNG', '6 tháng đầu năm 2024']) expect(reminder.text).toContain(s);
    for (const m of missing) expect(reminder.text).toContain(m);
    const correction = await docxText(page, () => page.locator('button.draft-correction').filter({ hasText: mismatch }).click());
    expect(correction.text).toContain(`Kính gửi: Ủy ban nhân dân xã ${mismatch}.`);
    expect(correction.text).toContain('Tổng không khớp: Tổng số cán bộ, công chức 17 khác tổng 10 cán bộ + 9 công chức = 19');
    expect(correction.text).toContain('Trích báo cáo: “Tổng số cán bộ, công chức: 17 người”');
    await writeFile(path.join(OUT, 'letters-checked.txt'), `${reminder.name}\n${reminder.text}\n\n${correction.name}\n${correction.text}\n`);
    await page.close();
  });

  it('"Sửa" from a flag opens the field; the correction closes the flag; a flag dismissed with a note leaves the open list', async () => {
    const page = await newPage();
    await login(page);
    await flagsTab(page);
    const group = page.locator(`section.flag-group[data-commune="${mismatch}"]`);
    expect(await group.locator('h3').textContent()).toContain(`xã ${mismatch}`);
    await group.locator('li.flag[data-code="SUM_MISMATCH"] button.fix').click();
    await page.waitForSelector('#report-dialog[open] #values-table .new-value');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('new-value'))).toBe(true);
    expect(await page.getAttribute('#values-table tr.editing', 'class')).toContain('editing');
    await page.fill('#values-table .new-value', '19');
    await page.fill('#values-table .reason', 'Theo công văn bổ sung của xã');
    await page.click('#values-table button.save');
    await page.waitForSelector('#values-table tr.corrected[data-path="profile.cadres"]');
    await page.click('#report-close');
    await expect.poll(() => group.locator('li.flag[data-code="SUM_MISMATCH"]').count()).toBe(0);

    const open = Number(await page.textContent('#flags-count'));
    const resub = page.locator('li.flag[data-code="RESUBMISSION_CHANGED"]');
    await resub.locator('input.state-note').fill('Đã xác minh với xã: số liệu mới đúng');
    await resub.locator('button.dismiss').click();
    await expect.poll(() => page.locator('li.flag[data-code="RESUBMISSION_CHANGED"]').count()).toBe(0);
    expect(Number(await page.textContent('#flags-count'))).toBe(open - 1);
    await page.selectOption('#flag-state', 'dismissed');
    expect(await page.textContent('#flags-list')).toMatch(/Bỏ qua: Nguyễn Thị Biên Tập, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — Đã xác minh với xã/);
    // All missing submissions in one line.
    await page.selectOption('#flag-state', 'open');
    expect(await page.locator('#missing-line').count()).toBe(1);
    expect(await page.locator('li.flag[data-code="MISSING_SUBMISSION"]').count()).toBe(0);
    await page.close();
  });

  it('a report shows its unit\'s figures across periods with the change since the one before', async () => {
    const page = await newPage();
    await login(page);
    await page.click(`tbody tr[data-commune="${mismatch}"] button.open-report`);
    await page.waitForSelector('#report-dialog[open] #history-table');
    expect(await page.textContent('#history-table tr[data-period="2024-H1"] th')).toContain('6 tháng đầu năm 2024');
    expect(await page.textContent('#history-table tr[data-period="2024"] td.change')).toBe('+72');
    expect(await page.getAttribute('#history-table tr[data-period="2024-H1"]', 'class')).toContain('current');
    await page.close();
  });

  it('charts compare the units (Chart.js): one bar per reporting unit, the figures also in a table', async () => {
    const page = await newPage();
    await login(page);
    await page.click('button[data-tab="charts"]');
    await page.waitForSelector('#chart-satisfaction');
    const table = await wb.workspace.consolidated(PERIOD);
    const expected = table.districts[0]!.rows.filter((r) => r.reported && r.counted && r.satisfactionPercent !== null);
    const chart = await page.evaluate(() => {
      const c = (window as unknown as { Chart: { getChart: (id: string) => { data: { labels: string[]; datasets: { data: number[] }[] } } } }).Chart.getChart('chart-satisfaction');
      const canvas = document.getElementById('chart-satisfaction') as HTMLCanvasElement;
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
      return { labels: c.data.labels, values: c.data.datasets[0]!.data, ink };
    });
    expect(chart.labels).toHaveLength(expected.length);
    expect([...chart.values].sort((a, b) => a - b)).toEqual(expected.map((r) => r.satisfactionPercent!).sort((a, b) => a - b));
    expect(chart.ink).toBeGreaterThan(1000); // drawn
    expect(await page.locator('table.chart-data[data-chart="chart-stars"] tbody tr').count()).toBe(table.districts[0]!.rows.filter((r) => r.reported && r.counted && r.starsRegistered !== null).length);
    expect(await axeSerious(page)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'workspace-charts.png') });
    await page.close();
  });

  it('shows the original document beside the values with the quoted passage marked (.docx text; PDF page image)', async () => {
    const files = await wb.db.db.selectFrom('reports').innerJoin('received_files', 'received_files.id', 'reports.file_id')
      .select(['reports.id', 'received_files.format', 'reports.extraction']).where('reports.period', '=', PERIOD).execute();
    const page = await newPage();
    await login(page);
    for (const format of ['docx', 'pdf']) {
      const r = files.find((f) => f.format === format && f.extraction.profile.population !== null && f.extraction.provenance['profile.population']);
      expect(r, `a ${format} report`).toBeTruthy();
      await page.evaluate((id) => (window as unknown as { __open?: (id: number) => void }).__open?.(id), r!.id);
      await page.waitForSelector('#report-dialog[open] #values-table');
      await page.click('#values-table tr[data-path="profile.population"] button.show-source');
      await page.waitForSelector('#source-view mark');
      const marked = await page.textContent('#source-view mark');
      const quote = r!.extraction.provenance['profile.population']!.quote.replace(/\s+/g, ' ').trim();
      expect(quote.startsWith(marked!.trim()) || marked!.includes(quote.slice(0, 30))).toBe(true);
      expect(await page.textContent('#source-view mark')).toContain(new Intl.NumberFormat('vi-VN').format(r!.extraction.profile.population!));
      if (format === 'pdf') {
        expect(await page.getAttribute('#source-view img.page-image', 'src')).toMatch(/^data:image\/png;base64,/);
        expect(await page.locator('#source-view .page-mark').count()).toBeGreaterThan(0); // the words marked on the page image
      }
      // Beside the values: the two side by side.
      const [values, source] = await Promise.all([page.locator('#values-table').boundingBox(), page.locator('#source-view').boundingBox()]);
      expect(source!.x).toBeGreaterThan(values!.x + values!.width - 1);
      await page.screenshot({ path: path.join(OUT, `workspace-source-${format}.png`) });
      await page.keyboard.press('Escape');
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('the scope: the province instead of the district, offered for the period; an unknown one is refused in Vietnamese', async () => {
    const page = await newPage();
    await login(page);
    await expect.poll(() => page.locator('#scope-options option').count()).toBeGreaterThan(2);
    expect(await page.getAttribute('#scope-options option >> nth=1', 'value')).toBe('tỉnh Bắc Giang');
    await page.fill('#scope-input', 'tỉnh Bắc Giang');
    await page.press('#scope-input', 'Enter');
    await expect.poll(() => page.textContent('.district-head h2')).toBe('tỉnh Bắc Giang');
    await page.fill('#scope-input', 'huyện Không Có, tỉnh Bắc Giang');
    await page.press('#scope-input', 'Enter');
    await expect.poll(() => page.textContent('#notice')).toContain('không có trong danh mục');
    expect(await page.inputValue('#scope-input')).toBe('tỉnh Bắc Giang');
    expect(await page.textContent('.district-head h2')).toBe('tỉnh Bắc Giang');
    await page.evaluate(() => sessionStorage.removeItem('baocao.scope'));
    await page.close();
  });

  it('says in Vietnamese when the server cannot be reached, and the period shown stays the one selected', async () => {
    const page = await newPage();
    await login(page);
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.selectOption('#period-select', '2025-H1');
    await expect.poll(() => page.textContent('#notice')).toContain('Không kết nối được máy chủ');
    expect(await page.textContent('body')).not.toContain('Failed to fetch');
    expect(await page.inputValue('#period-select')).toBe(PERIOD);
    expect(await page.textContent('.district-head .muted')).toContain('6 tháng đầu năm 2024');
    await page.unroute('**/api/**');
    await page.close();
  });

  it('opens an empty period with a deadline: 0 of every unit, and its Excel export works', async () => {
    const page = await newPage();
    await login(page);
    await page.click('#period-open');
    await page.fill('#new-period-year', '2024');
    await page.selectOption('#new-period-part', 'H2');
    await page.fill('#new-period-deadline', '2025-01-15');
    await page.click('#period-submit');
    await expect.poll(() => page.inputValue('#period-select')).toBe('2024-H2');
    await expect.poll(() => page.textContent('#chip-reported')).toContain(`0/${wb.app.registry.forPeriod('2024-H2').communesIn(DISTRICT, PROVINCE).length}`);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    expect(dl.suggestedFilename()).toBe('tong-hop-2024-H2.xlsx');
    await page.click('button[data-tab="submissions"]');
    await expect.poll(() => page.textContent('#deadline-value')).toBe('15/01/2025');
    await page.close();
  });

  it('a new installation: no period yet — the exports wait, the page says what to do; the first period opens empty', async () => {
    const db = await createTestDatabase('pglite');
    const app = createApp(db);
    const workspace = new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: DISTRICT, province: PROVINCE } });
    const tokens = new TokensRepository(db.db);
    const token = (await tokens.create('Cán bộ mới', 'editor')).token;
    const empty = await buildServer({ app, workspace, tokens, intake: inProcessIntake(wb.queue), inboxDir: wb.inbox, maxFileBytes: 1 << 20 });
    const url = await empty.listen({ port: 0, host: '127.0.0.1' });
    const page = await newPage();
    try {
      await page.goto(`${url}/`);
      await page.fill('#token-input', token);
      await page.click('#login-btn');
      await page.waitForSelector('#app-view:not([hidden])');
      await expect.poll(() => page.textContent('#table-area')).toContain('Hãy mở kỳ báo cáo');
      expect(await page.isDisabled('#export-xlsx')).toBe(true);
      expect(await page.isDisabled('#export-csv')).toBe(true);
      await page.click('#period-open');
      await page.fill('#new-period-year', '2025');
      await page.selectOption('#new-period-part', 'H1');
      await page.click('#period-submit');
      await expect.poll(() => page.textContent('#chip-reported')).toContain('0/19');
      expect(await page.isDisabled('#export-xlsx')).toBe(false);
      expect(await page.textContent('body')).not.toContain('Tham số không hợp lệ');
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
      await empty.close();
      await db.cleanup();
    }
  });

  it('prints A4 landscape with the title block and every row once', async () => {
    const page = await newPage();
    await login(page);
    await page.evaluate(() => { document.getElementById('print-date')!.textContent = '03/12/2026'; });
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(OUT, 'workspace-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/); // A4 landscape
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('PHÒNG NỘI VỤ');
    expect(text).toContain('UBND HUYỆN HIỆP HÒA');
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN');
    expect(text).toContain('6 tháng đầu năm 2024');
    expect(text).toContain('Tình trạng'); // the right-most column is on the page
    for (const u of units) expect(text, `${u.kind} ${u.name}`).toContain(`${u.kind} ${u.name}`);
    expect(text.match(/Tổng cộng/g)).toHaveLength(1); // the totals row once, not over the rows
    // Every row of the table: as many lines with a commune as units (+ reports listed beside them).
    const rows = await page.locator('table.data tbody tr').count();
    expect(text.split('\n').filter((l) => /^\s*\d+\s+(xã|thị trấn|phường)\s/.test(l)).length).toBe(rows);
    expect(pages).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});

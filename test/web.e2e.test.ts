// The page in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the real server and database filled from the sample reports: log in, pick a period,
// see the table, open a report, correct a value and see the district's total change.
// Screenshots go to test/.out/ (git-ignored). Without Chromium this test FAILS: it is never skipped.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './helpers/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createWorkbench, DISTRICT, PERIOD, PROVINCE, type Workbench } from './api.fixture.ts';

const OUT = path.resolve('test/.out');
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

let wb: Workbench;
let server: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the page's end-to-end test needs it ` +
        '(Debian: apt-get update && apt-get install -y chromium; or set CHROMIUM_PATH).',
    );
  }
  await mkdir(OUT, { recursive: true });
  wb = await createWorkbench('pglite');
  server = await buildServer({
    app: wb.app, workspace: wb.workspace, tokens: wb.tokens, intake: inProcessIntake(wb.queue), inboxDir: wb.inbox, maxFileBytes: 20 * 1024 * 1024,
  });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await wb?.cleanup();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

async function login(page: Page, token: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.fill('#token-input', token);
  await page.click('#login-btn');
  await page.waitForSelector('#app-view:not([hidden])');
}

async function pickPeriod(page: Page, period: string): Promise<void> {
  await page.selectOption('#period-select', period);
  await page.waitForFunction(
    (p) => document.querySelector('.district-head .muted')?.textContent?.includes(p === '2024-H1' ? '6 tháng đầu năm 2024' : p) ?? false,
    period,
  );
}

const totalsCell = (page: Page, key: string) => page.locator(`table.data[data-district="${DISTRICT}"] tfoot td[data-key="${key}"]`);

describe('the district page in Chromium', () => {
  it('logs in, picks a period, sees the table, opens a report, corrects a value and sees the total change', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    // A wrong token is refused with a message.
    await page.fill('#token-input', `bc_${'A'.repeat(43)}`);
    await page.click('#login-btn');
    await expect.poll(() => page.textContent('#login-error')).toContain('Mã truy cập không đúng');

    await login(page, wb.token.editor);
    expect(await page.textContent('#district-label')).toBe(`huyện ${DISTRICT}, tỉnh ${PROVINCE}`);
    await pickPeriod(page, PERIOD);

    // Every commune of the district, the non-reporters shown as such, a totals row.
    const registry = wb.app.registry.communesIn(DISTRICT, PROVINCE);
    const rows = page.locator(`table.data[data-district="${DISTRICT}"] tbody tr`);
    await expect.poll(() => rows.count()).toBe(registry.length);
    expect(await page.locator(`table.data[data-district="${DISTRICT}"] tbody tr.missing`).count()).toBe(registry.length - wb.plan.reporters.length);
    expect(await page.locator('tbody tr.missing .badge.missing').first().textContent()).toBe('chưa báo cáo');
    expect(await page.textContent('#chip-reported')).toContain(`${wb.plan.reporters.length}/${registry.length}`);
    const table = await wb.workspace.consolidated(PERIOD);
    const totalBefore = table.districts[0]!.totals.population!;
    expect(await totalsCell(page, 'population').textContent()).toBe(nf.format(totalBefore));

    // Sortable: population ascending puts the smallest reporter first (non-reporters last).
    await page.click(`table.data[data-district="${DISTRICT}"] thead th[data-key="population"]`);
    const smallest = table.districts[0]!.rows.filter((r) => r.population !== null).sort((a, b) => a.population! - b.population!)[0]!;
    expect(await rows.first().getAttribute('data-commune')).toBe(smallest.commune);
    await page.click(`table.data[data-district="${DISTRICT}"] thead th[data-key="population"]`);
    const largest = table.districts[0]!.rows.filter((r) => r.population !== null).sort((a, b) => b.population! - a.population!)[0]!;
    expect(await rows.first().getAttribute('data-commune')).toBe(largest.commune);
    await page.screenshot({ path: path.join(OUT, 'web-table.png'), fullPage: false });

    // Open the resubmitted commune's report: each value beside its quote and section.
    const commune = wb.plan.resubmitted.commune;
    await page.click(`tbody tr.reported[data-commune="${commune}"]`);
    await page.waitForSelector('#report-dialog[open] #values-table');
    expect(await page.textContent('#report-title')).toContain(commune);
    const population = page.locator('#values-table tr[data-path="profile.population"]');
    expect(await population.locator('td.original').textContent()).toBe(nf.format(wb.resubmittedPopulation));
    expect(await population.locator('td.src q').textContent()).toContain(nf.format(wb.resubmittedPopulation));
    expect(await population.locator('td.src .section').textContent()).toBeTruthy();
    expect(await page.isVisible('#download-original')).toBe(true);

    // Correct it, with a reason.
    const newValue = wb.resubmittedPopulation + 250;
    await population.locator('button.edit').click();
    await page.fill('#values-table .new-value', nf.format(newValue));
    await page.fill('#values-table .reason', 'Xã gửi công văn đính chính số dân');
    await page.click('#values-table button.save');
    await page.waitForSelector('#values-table tr.corrected[data-path="profile.population"]');
    // The original extraction stays visible beside the value now used.
    const corrected = page.locator('#values-table tr[data-path="profile.population"]');
    expect(await corrected.locator('td.original').textContent()).toBe(nf.format(wb.resubmittedPopulation));
    expect(await corrected.locator('td.current').textContent()).toContain(nf.format(newValue));
    expect(await page.textContent('#corrections-list')).toContain('Xã gửi công văn đính chính số dân');
    expect(await page.textContent('#corrections-list')).toContain('Nguyễn Thị Biên Tập');

    // The district's total changed, and the page says so.
    const totalAfter = totalBefore + 250;
    await expect.poll(() => page.textContent('#total-change')).toContain(`Dân số: ${nf.format(totalBefore)} → ${nf.format(totalAfter)}`);
    await page.screenshot({ path: path.join(OUT, 'web-report.png') });
    await page.click('#report-close');
    expect(await totalsCell(page, 'population').textContent()).toBe(nf.format(totalAfter));
    const cell = page.locator(`tbody tr[data-commune="${commune}"] td[data-key="population"]`);
    expect(await cell.textContent()).toBe(nf.format(newValue));
    expect(await cell.getAttribute('class')).toContain('corrected');
    await page.screenshot({ path: path.join(OUT, 'web-e2e.png'), fullPage: true });

    // The flags panel, filtered by code.
    await page.click('button[data-tab="flags"]');
    await page.selectOption('#flag-code', 'RESUBMISSION_CHANGED');
    await expect.poll(() => page.locator('#flags-list li.flag').count()).toBe(1);
    expect(await page.textContent('#flags-list')).toContain(commune);
    await page.selectOption('#flag-code', '');
    await page.selectOption('#flag-commune', commune);
    expect(await page.locator('#flags-list li.flag').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: path.join(OUT, 'web-flags.png') });

    // The token stays for the tab: a reload keeps the session.
    await page.reload();
    await page.waitForSelector('#app-view:not([hidden])');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('a viewer sees no correction or upload controls', async () => {
    const page = await newPage();
    await login(page, wb.token.viewer);
    await pickPeriod(page, PERIOD);
    expect(await page.isHidden('#upload-open')).toBe(true);
    await page.click('tbody tr.reported >> nth=0');
    await page.waitForSelector('#report-dialog[open] #values-table');
    expect(await page.locator('#values-table button.edit').count()).toBe(0);
    await page.close();
  });
});

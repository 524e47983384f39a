// A unit made by the 1 July 2025 reform, in real headless Chromium: its report's page shows each
// predecessor's figures beside the new unit's own, period by period, with their sum where they moved in
// whole (issue 11). Without Chromium this test FAILS: it is never skipped.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser } from 'playwright-core';
import { assertChromium, launchChromium } from './helpers/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { valueFlags } from '../src/workspace/recheck.ts';
import { createWorkbench, type Workbench } from './api.fixture.ts';
import { sampleExtraction } from './helpers/db.ts';

const NEW_PERIOD = '2025-H2';

let wb: Workbench;
let server: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  assertChromium();
  wb = await createWorkbench('pglite');
  // The new xã Hiệp Hòa, tỉnh Bắc Ninh (no district any more), reports for the second half of 2025.
  const sha = 'e2e0a5'.padStart(64, 'f');
  const file = path.join(wb.files, 'bao-cao-hiep-hoa-2025-h2.docx');
  const claim = await wb.app.files.claim(sha, 'bao-cao-hiep-hoa-2025-h2.docx', file, 1000);
  const e = sampleExtraction({ unit: { commune: 'Hiệp Hòa', communeKind: 'xã', district: null, province: 'Bắc Ninh' }, period: NEW_PERIOD, source: { file: 'bao-cao-hiep-hoa-2025-h2.docx', sha256: sha, format: 'docx' } });
  e.document = { ...e.document, date: '2025-12-15' };
  e.profile = { ...e.profile, population: 61234 };
  e.flags = valueFlags(e, wb.app.registry);
  await wb.app.reports.store(claim.id, e);
  await wb.app.files.markProcessed(claim.id, 'docx');
  server = await buildServer({ app: wb.app, workspace: wb.workspace, tokens: wb.tokens, intake: inProcessIntake(wb.queue), inboxDir: wb.inbox, maxFileBytes: 20 * 1024 * 1024 });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await wb?.cleanup();
});

describe('a new unit\'s report across the 2025 reform, in Chromium', () => {
  it('shows its predecessors\' figures beside its own, period by period', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/`);
    await page.fill('#token-input', wb.token.editor);
    await page.click('#login-btn');
    await page.waitForSelector('#app-view:not([hidden])');
    await page.fill('#scope-input', 'tỉnh Bắc Ninh');
    await page.press('#scope-input', 'Enter');
    await expect.poll(() => page.textContent('.district-head h2')).toBe('tỉnh Bắc Ninh');
    await page.selectOption('#period-select', NEW_PERIOD);
    await page.click('tbody tr[data-commune="Hiệp Hòa"] button.open-report');
    await page.waitForSelector('#report-dialog[open] #predecessors-table');
    const head = (await page.locator('#predecessors-table thead th').allTextContents()).join(' | ');
    // xã Đông Lỗ (huyện Hiệp Hòa, tỉnh Bắc Giang) is one of the units the new xã carries on.
    expect(head).toContain('Đông Lỗ');
    expect(head).toContain('Tổng các đơn vị tiền thân');
    const col = (await page.locator('#predecessors-table thead th').allTextContents()).findIndex((t) => t.includes('Đông Lỗ'));
    // Đông Lỗ's own 2024-H1 report (the seed): 17 128 people, in its column of the 2024-H1 row.
    expect(await page.locator(`#predecessors-table tr[data-period="2024-H1"] > *:nth-child(${col + 1})`).textContent()).toContain('17.128 người');
    // The new unit's own figure in its own column, in the 2025-H2 row.
    expect(await page.locator('#predecessors-table tr[data-period="2025-H2"] td.own').textContent()).toContain('61.234 người');
    // Not every predecessor reported for 2024-H1: no sum is made up for it.
    expect(await page.locator('#predecessors-table tr[data-period="2024-H1"] td.sum').textContent()).not.toMatch(/\d người/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// The page's live list of files in progress, in real headless Chromium: a scan uploaded through
// the dialog shows "tệp — nhận dạng chữ n/N trang" while it is OCR-ed, and the list is gone once
// the upload is answered. Without Chromium this test FAILS: it is never skipped.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser } from 'playwright-core';
import { assertChromium, launchChromium } from './helpers/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createApp } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository } from '../src/db/repositories/tokens.ts';
import { trackedProcessor } from '../src/pipeline.ts';
import { createInProcessQueue, type InProcessQueue } from '../src/queue/inprocess.ts';
import { ProgressBoard } from '../src/queue/progress.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';


let db: TestDatabase;
let queue: InProcessQueue;
let server: FastifyInstance;
let browser: Browser;
let base: string;
let inbox: string;
let token: string;

beforeAll(async () => {
  assertChromium();
  db = await createTestDatabase('pglite');
  const app = createApp(db);
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-progress-e2e-'));
  const board = new ProgressBoard();
  queue = createInProcessQueue({ concurrency: 1, processor: trackedProcessor(board, app.deps) });
  const tokens = new TokensRepository(db.db);
  token = (await tokens.create('Nguyễn Thị Biên Tập', 'editor')).token;
  const workspace = new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } });
  server = await buildServer({ app, workspace, tokens, intake: inProcessIntake(queue, board), inboxDir: inbox, maxFileBytes: 20 * 1024 * 1024 });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await queue?.close();
  await db?.cleanup();
  if (inbox) await rm(inbox, { recursive: true, force: true });
});

describe('files in progress, on the page', () => {
  it('shows a scan\'s OCR pages while it is read, and nothing after', async () => {
    const scan = (await readdir('samples/scans')).filter((f) => f.endsWith('.pdf')).sort()[0]!;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page.setDefaultTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/`);
    await page.fill('#token-input', token);
    await page.click('#login-btn');
    await page.waitForSelector('#app-view:not([hidden])');
    expect(await page.isHidden('#progress-box')).toBe(true);
    await page.click('#upload-open');
    await page.setInputFiles('#upload-file', path.resolve('samples/scans', scan));
    await page.click('#upload-submit');
    const line = page.locator('#upload-progress li', { hasText: /nhận dạng chữ [1-9]\d*\/\d+ trang/ });
    await line.first().waitFor();
    expect(await line.first().textContent()).toMatch(new RegExp(`^${scan.replace(/[.]/g, '\\.')} — nhận dạng chữ \\d+/\\d+ trang$`));
    await page.waitForSelector('#upload-message');
    expect(await page.textContent('#upload-message')).toContain(`Đã nhận và xử lý "${scan}"`);
    await expect.poll(() => page.isHidden('#upload-progress')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

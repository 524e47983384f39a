// GET /api/progress in embedded mode: a scan uploaded through the in-process intake is listed
// while it is processed — with the OCR pages read, as the real parsing thread reports them —
// and the list is empty once it is done. Real database (PGlite), real OCR (tesseract).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository } from '../src/db/repositories/tokens.ts';
import { trackedProcessor } from '../src/pipeline.ts';
import { createInProcessQueue, type InProcessQueue } from '../src/queue/inprocess.ts';
import { ProgressBoard, type FileProgress } from '../src/queue/progress.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

let db: TestDatabase;
let app: App;
let queue: InProcessQueue;
let server: FastifyInstance;
let inbox: string;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase('pglite');
  app = createApp(db);
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-progress-'));
  const board = new ProgressBoard();
  queue = createInProcessQueue({ concurrency: 1, processor: trackedProcessor(board, app.deps) });
  const tokens = new TokensRepository(db.db);
  token = (await tokens.create('Nguyễn Thị Biên Tập', 'editor')).token;
  server = await buildServer({
    app,
    workspace: new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } }),
    tokens,
    intake: inProcessIntake(queue, board),
    inboxDir: inbox,
    maxFileBytes: 20 * 1024 * 1024,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await queue?.close();
  await db?.cleanup();
  if (inbox) await rm(inbox, { recursive: true, force: true });
});

const progress = async (): Promise<{ tracked: boolean; files: FileProgress[] }> => {
  const res = await server.inject({ method: 'GET', url: '/api/progress', headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('GET /api/progress', () => {
  it('needs a token', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/progress' });
    expect(res.statusCode).toBe(401);
  });

  it('is empty when nothing is in progress', async () => {
    expect(await progress()).toEqual({ tracked: true, files: [] });
  });

  it('shows a scan while it is OCR-ed, with its pages, and nothing once it is done', async () => {
    const scan = (await readdir('samples/scans')).filter((f) => f.endsWith('.pdf')).sort()[0]!;
    const bytes = await readFile(path.resolve('samples/scans', scan));
    const upload = server.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(scan) },
      payload: bytes,
    });
    let finished = false;
    void upload.finally(() => (finished = true));
    const seen: FileProgress[] = [];
    while (!finished) {
      const { files } = await progress();
      seen.push(...files);
      if (files.some((f) => f.stage === 'ocr' && (f.done ?? 0) > 0)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ocr = seen.find((f) => f.stage === 'ocr' && (f.done ?? 0) > 0);
    expect(ocr, `progress seen: ${JSON.stringify(seen)}`).toBeDefined();
    expect(ocr!.name).toBe(scan);
    expect(ocr!.total).toBeGreaterThanOrEqual(ocr!.done!);
    expect(ocr!.text).toBe(`${scan} — nhận dạng chữ ${ocr!.done}/${ocr!.total} trang`);
    expect(Date.parse(ocr!.startedAt)).toBeLessThanOrEqual(Date.now());

    const res = await upload;
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ file: scan, status: 'processed' });
    expect(await progress()).toEqual({ tracked: true, files: [] });
  }, 180_000);
});

import { loadConfig } from '../src/config.ts';
// The API in server mode — PostgreSQL and BullMQ on Redis, both real: which role may call which
// route (401 / 403 / allowed for every route), revoked tokens, and uploads enqueued for the workers.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository, type TokenRole } from '../src/db/repositories/tokens.ts';
import { createBullQueue, type BullQueue } from '../src/queue/bullmq.ts';
import { cleanupRedisPrefix, createTestDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from './helpers/db.ts';

let db: TestDatabase;
let app: App;
let server: FastifyInstance;
let bull: BullQueue;
let inbox: string;
const prefix = uniquePrefix();
const token = {} as Record<TokenRole, string>;
let tokens: TokensRepository;

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  app = createApp(db, loadConfig({ BAOCAO_MAX_FILE_MB: '10' }));
  tokens = new TokensRepository(db.db);
  for (const role of ['viewer', 'editor', 'admin'] as const) token[role] = (await tokens.create(`Người ${role}`, role)).token;
  bull = createBullQueue({ redisUrl: testRedisUrl(), prefix });
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-inbox-'));
  server = await buildServer({
    app,
    workspace: new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } }),
    tokens,
    intake: queueIntake(bull),
    inboxDir: inbox,
    maxFileBytes: 10 * 1024 * 1024,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await bull?.close();
  await cleanupRedisPrefix(prefix, testRedisUrl());
  await db?.cleanup();
  if (inbox) await rm(inbox, { recursive: true, force: true });
});

const bearer = (role: TokenRole | string) => ({ authorization: `Bearer ${role in token ? token[role as TokenRole] : role}` });

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  role: TokenRole;
  body?: unknown;
}

const ROUTES: Route[] = [
  { method: 'GET', url: '/api/me', role: 'viewer' },
  { method: 'GET', url: '/api/periods', role: 'viewer' },
  { method: 'GET', url: '/api/consolidated?period=2024-H1', role: 'viewer' },
  { method: 'GET', url: '/api/flags?period=2024-H1', role: 'viewer' },
  { method: 'GET', url: '/api/submissions?period=2024-H1', role: 'viewer' },
  { method: 'GET', url: '/api/reports/1', role: 'viewer' },
  { method: 'GET', url: '/api/reports/1/file', role: 'viewer' },
  { method: 'GET', url: '/api/exports/consolidated.csv?period=2024-H1', role: 'viewer' },
  { method: 'GET', url: '/api/exports/consolidated.xlsx?period=2024-H1', role: 'viewer' },
  { method: 'POST', url: '/api/reports/1/corrections', role: 'editor', body: { path: 'profile.population', value: 1, reason: 'thử quyền' } },
  { method: 'POST', url: '/api/uploads', role: 'editor', body: { not: 'a file' } },
  { method: 'GET', url: '/api/tokens', role: 'admin' },
  { method: 'POST', url: '/api/tokens', role: 'admin', body: { name: 'Mã thử', role: 'viewer' } },
  { method: 'DELETE', url: '/api/tokens/999999', role: 'admin' },
];

const RANK: Record<TokenRole, number> = { viewer: 1, editor: 2, admin: 3 };

function call(r: Route, headers: Record<string, string>) {
  return server.inject({
    method: r.method,
    url: r.url,
    headers: r.body ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(r.body ? { payload: JSON.stringify(r.body) } : {}),
  });
}

describe('roles, on PostgreSQL', () => {
  it('GET /healthz: open, names the database and the queue', async () => {
    const res = await server.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: 'postgres', intake: 'queue' });
  });

  it('every route: 401 without a token, 403 below its role, allowed from its role up', async () => {
    for (const r of ROUTES) {
      const label = `${r.method} ${r.url}`;
      const none = await call(r, {});
      expect(none.statusCode, label).toBe(401);
      for (const role of ['viewer', 'editor', 'admin'] as const) {
        const res = await call(r, bearer(role));
        if (RANK[role] < RANK[r.role]) {
          expect(res.statusCode, `${label} as ${role}`).toBe(403);
          expect(res.json().error.message, label).toContain(r.role);
        } else {
          expect([401, 403], `${label} as ${role}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${label} as ${role}`).toBeLessThan(500);
        }
      }
    }
  });

  it('a revoked token is refused at once', async () => {
    const { token: t, info } = await tokens.create('Tạm thời', 'editor');
    expect((await server.inject({ method: 'GET', url: '/api/me', headers: bearer(t) })).statusCode).toBe(200);
    await tokens.revoke(info.id);
    const res = await server.inject({ method: 'GET', url: '/api/me', headers: bearer(t) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/thu hồi/);
  });

  it('the table of an empty period lists the district\'s communes, none reported', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/consolidated?period=2024-H1', headers: bearer('viewer') });
    const t = res.json() as { districts: { district: string; reported: number; communes: number }[] };
    expect(t.districts).toEqual([expect.objectContaining({ district: 'Hiệp Hòa', reported: 0, communes: app.registry.communesIn('Hiệp Hòa', 'Bắc Giang').length })]);
  });
});

describe('uploads in server mode', () => {
  it('are saved into the inbox and enqueued to BullMQ (202), once per content', async () => {
    const bytes = await readFile(path.resolve('samples/inbox/dong-lo-2024-h1.docx'));
    const upload = () =>
      server.inject({
        method: 'POST',
        url: '/api/uploads',
        payload: bytes,
        headers: { ...bearer('editor'), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('Đông Lỗ.docx') },
      });
    const res = await upload();
    expect(res.statusCode).toBe(202);
    const r = res.json() as { status: string; jobId: string; added: boolean; file: string };
    expect(r).toMatchObject({ status: 'queued', added: true, file: 'Đông Lỗ.docx' });
    const job = await bull.queue.getJob(r.jobId);
    expect(job?.data).toMatchObject({ path: path.join(inbox, 'Đông Lỗ.docx'), originalName: 'Đông Lỗ.docx', inbox });
    expect(await readdir(inbox)).toEqual(['Đông Lỗ.docx']);
    // Sent again before a worker took it: the same file, the same job.
    const again = await upload();
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ jobId: r.jobId, added: false });
    expect(await readdir(inbox)).toEqual(['Đông Lỗ.docx']);
  });
});

// Tokens: wrong tokens are rate-limited per client address (429, Vietnamese message), tokens
// may expire; both shown to admins (API of the tokens page) and by `baocao token create/list`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { parseExpiry, TokensRepository } from '../src/db/repositories/tokens.ts';
import { createInProcessQueue, type InProcessQueue } from '../src/queue/inprocess.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

let db: TestDatabase;
let app: App;
let queue: InProcessQueue;
let server: FastifyInstance;
let tokens: TokensRepository;
let inbox: string;
let admin: string;
const LIMIT = { max: 3, windowMs: 60_000 };

beforeAll(async () => {
  db = await createTestDatabase('pglite');
  app = createApp(db);
  tokens = new TokensRepository(db.db);
  admin = (await tokens.create('Quản trị', 'admin')).token;
  queue = createInProcessQueue({ concurrency: 1, processor: app.processor });
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-tokens-'));
  server = await buildServer({
    app,
    workspace: new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } }),
    tokens,
    intake: inProcessIntake(queue),
    inboxDir: inbox,
    maxFileBytes: 1024 * 1024,
    authFailures: LIMIT,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await queue?.close();
  await db?.cleanup();
  if (inbox) await rm(inbox, { recursive: true, force: true });
});

const me = (token: string | null, from: string) =>
  server.inject({ method: 'GET', url: '/api/me', remoteAddress: from, headers: token ? { authorization: `Bearer ${token}` } : {} });

const WRONG = `bc_${'x'.repeat(43)}`;

describe('wrong tokens, per client address', () => {
  it('after the limit: 429 with a Vietnamese message and Retry-After, even for a valid token; other addresses unaffected', async () => {
    const from = '10.8.0.1';
    // No token at all is not a wrong token.
    for (let i = 0; i < 5; i++) expect((await me(null, from)).statusCode).toBe(401);
    for (let i = 0; i < LIMIT.max; i++) expect((await me(WRONG, from)).statusCode).toBe(401);
    const blocked = await me(WRONG, from);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.json().error.message).toMatch(/quá nhiều lần.*thử lại sau \d+ phút/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A right token from that address waits too: guessing cannot go on between good requests.
    expect((await me(admin, from)).statusCode).toBe(429);
    // Another address is not blocked.
    expect((await me(admin, '10.8.0.2')).statusCode).toBe(200);
  });

  it('the tokens page lists the addresses with wrong tokens and the limit', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/tokens', remoteAddress: '10.8.0.3', headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { failedAttempts: { address: string; failures: number; blocked: boolean }[]; failureLimit: { max: number; windowMinutes: number } };
    expect(body.failureLimit).toEqual({ max: 3, windowMinutes: 1 });
    expect(body.failedAttempts).toContainEqual(expect.objectContaining({ address: '10.8.0.1', failures: 3, blocked: true }));
  });
});

describe('expiry', () => {
  it('parses 30d, 12h, a date (through that day, Vietnam time) and an ISO time; refuses the past and nonsense', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(parseExpiry('30d', now).toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(parseExpiry('12h', now).toISOString()).toBe('2025-06-01T12:00:00.000Z');
    expect(parseExpiry('2025-12-31', now).toISOString()).toBe('2025-12-31T17:00:00.000Z'); // 1 Jan 00:00 in Hà Nội
    expect(parseExpiry('2025-07-01T08:00:00+07:00', now).toISOString()).toBe('2025-07-01T01:00:00.000Z');
    expect(() => parseExpiry('2025-02-30', now)).toThrow(/không hợp lệ/);
    expect(() => parseExpiry('2025-05-31T00:00:00Z', now)).toThrow(/đã qua/);
    expect(() => parseExpiry('soon', now)).toThrow(/không hợp lệ/);
  });

  it('an expired token is refused with its own message; a live one works; POST /api/tokens takes "expires"', async () => {
    const past = await tokens.create('Hết hạn', 'viewer', { expiresAt: new Date(Date.now() - 1000) });
    const res = await me(past.token, '10.8.1.1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/hết hạn/);
    expect(await tokens.verify(past.token)).toBeUndefined();

    const created = await server.inject({
      method: 'POST',
      url: '/api/tokens',
      remoteAddress: '10.8.1.2',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Cán bộ tạm', role: 'viewer', expires: '2099-12-31' }),
    });
    expect(created.statusCode).toBe(201);
    const t = created.json() as { token: string; expires_at: string };
    expect(t.expires_at).toBe('2099-12-31T17:00:00.000Z');
    expect((await me(t.token, '10.8.1.2')).statusCode).toBe(200);

    const bad = await server.inject({
      method: 'POST',
      url: '/api/tokens',
      remoteAddress: '10.8.1.2',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'X', role: 'viewer', expires: '2001-01-01' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/đã qua/);

    const list = (await server.inject({ method: 'GET', url: '/api/tokens', remoteAddress: '10.8.1.2', headers: { authorization: `Bearer ${admin}` } })).json() as {
      tokens: { name: string; expires_at: string | null }[];
    };
    expect(list.tokens.find((x) => x.name === 'Hết hạn')?.expires_at).toBeTruthy();
    expect(list.tokens.find((x) => x.name === 'Quản trị')?.expires_at).toBeNull();
  });

  it('an expired admin token does not count as an active admin', async () => {
    const before = await tokens.countActive('admin');
    await tokens.create('Quản trị cũ', 'admin', { expiresAt: new Date(Date.now() - 1000) });
    expect(await tokens.countActive('admin')).toBe(before);
  });
});

describe('baocao token create --expires, token list', () => {
  it('prints the expiry, lists it, refuses a bad one', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'baocao-tokcli-'));
    const run = promisify(execFile);
    const env: NodeJS.ProcessEnv = { ...process.env, BAOCAO_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    const bin = path.resolve('bin/baocao.js');
    try {
      const made = await run(process.execPath, [bin, 'token', 'create', '--role', 'viewer', '--name', 'Tạm', '--expires', '2099-12-31'], { env });
      expect(made.stdout).toMatch(/^bc_[A-Za-z0-9_-]{43}\n$/);
      expect(made.stderr).toContain('dùng đến 2100-01-01 00:00 giờ Việt Nam');
      await run(process.execPath, [bin, 'token', 'create', '--role', 'admin', '--name', 'Lâu dài'], { env });
      const list = await run(process.execPath, [bin, 'token', 'list'], { env });
      expect(list.stdout).toMatch(/viewer\s+Tạm .*hết hạn 2100-01-01 00:00/);
      expect(list.stdout).toMatch(/admin\s+Lâu dài .*không hết hạn/);
      const bad = await run(process.execPath, [bin, 'token', 'create', '--role', 'viewer', '--expires', 'mai'], { env }).catch((e: { code: number; stderr: string }) => e);
      expect((bad as { code: number }).code).not.toBe(0);
      expect((bad as { stderr: string }).stderr).toMatch(/hạn dùng không hợp lệ/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000); // three CLI runs, each opening the embedded database
});

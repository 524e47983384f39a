// Authentication is decided on the route the router chose, with deny as the default: every
// registered route (collected with fastify's onRoute hook) × every method, under path variants
// an attacker would try — percent-encoded letters (/%61pi/…, /ap%69/…), doubled slashes, dot
// segments (plain and encoded), mixed case, a trailing slash — through inject() and through a
// real listening server given the raw path (inject() normalises some of them itself).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer, resolveDotSegments } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository, type TokenRole } from '../src/db/repositories/tokens.ts';
import { createInProcessQueue, type InProcessQueue } from '../src/queue/inprocess.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

let db: TestDatabase;
let app: App;
let queue: InProcessQueue;
let server: FastifyInstance;
let inbox: string;
let port: number;
const routes: { method: string; url: string; public: boolean; role: TokenRole }[] = [];
const token = {} as Record<TokenRole, string>;

beforeAll(async () => {
  db = await createTestDatabase('pglite');
  app = createApp(db);
  const tokens = new TokensRepository(db.db);
  for (const role of ['viewer', 'editor', 'admin'] as const) token[role] = (await tokens.create(`Người ${role}`, role)).token;
  queue = createInProcessQueue({ concurrency: 1, processor: app.processor });
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-paths-'));
  const collect = (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const config = (r.config ?? {}) as { public?: boolean; role?: TokenRole };
    for (const m of methods) routes.push({ method: m, url: r.url, public: config.public === true, role: config.role ?? 'viewer' });
  };
  server = await buildServer({
    app,
    workspace: new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } }),
    tokens,
    intake: inProcessIntake(queue),
    inboxDir: inbox,
    maxFileBytes: 1024 * 1024,
    onRoute: collect,
    // Wrong tokens are not sent in bulk here; keep the limiter out of the way anyway.
    authFailures: { max: 10_000, windowMs: 60_000 },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  port = (server.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await queue?.close();
  await db?.cleanup();
  if (inbox) await rm(inbox, { recursive: true, force: true });
});

const RANK: Record<TokenRole, number> = { viewer: 1, editor: 2, admin: 3 };
const ROLES = ['viewer', 'editor', 'admin'] as const;

interface Variant {
  name: string;
  path: string;
  /** Whether the router serves this variant as the route (otherwise: no route, 404 with a token). */
  routed: boolean;
}

const pct = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

function variants(p: string): Variant[] {
  const [first, ...rest] = p.split('/').slice(1);
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const f = first!;
  return [
    { name: 'plain', path: p, routed: true },
    { name: 'first letter percent-encoded', path: `/${pct(f[0]!)}${f.slice(1)}${tail}`, routed: true },
    { name: 'last letter of the first segment percent-encoded', path: `/${f.slice(0, -1)}${pct(f.at(-1)!)}${tail}`, routed: true },
    { name: 'every letter percent-encoded (upper-case hex)', path: p.replace(/[^/]/g, (c) => pct(c).toUpperCase()), routed: true },
    { name: 'doubled slashes', path: `//${[f, ...rest].join('//')}`, routed: true },
    { name: 'dot segment', path: `/${f}/.${tail}`, routed: true },
    { name: 'dot-dot segment', path: `/${f}/x/..${tail}`, routed: true },
    { name: 'encoded dot segments', path: `/%2e%2e/${f}/%2E/y/%2e%2e${tail}`, routed: true },
    { name: 'dot-dot above the root', path: `/../../${f}${tail}`, routed: true },
    { name: 'with a query', path: `${p}?x=1&period=2024-H1`, routed: true },
    { name: 'mixed case', path: `/${f.toUpperCase()}${tail}`, routed: false },
    { name: 'mixed case, later segment', path: `/${f}${tail.replace(/\/([a-z])/, (_m, c: string) => `/${c.toUpperCase()}`)}`, routed: false },
    { name: 'trailing slash', path: `${p}/`, routed: false },
    { name: 'encoded slash', path: `/${f}${tail.replace('/', '%2f')}`, routed: false },
  ];
}

interface Answer {
  status: number;
  /** The not-found handler answered (no route), as opposed to a route's own 404. */
  noRoute: boolean;
}

function classify(status: number, body: string): Answer {
  let message = '';
  try {
    message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? '';
  } catch {
    /* not JSON */
  }
  return { status, noRoute: status === 404 && message.startsWith('Không có đường dẫn') };
}

type Send = (method: string, p: string, who: TokenRole | 'none') => Promise<Answer>;

const headersFor = (method: string, who: TokenRole | 'none'): Record<string, string> => ({
  ...(who === 'none' ? {} : { authorization: `Bearer ${token[who]}` }),
  ...(method === 'POST' || method === 'PUT' || method === 'PATCH' ? { 'content-type': 'application/json' } : {}),
});
const bodyFor = (method: string) => (method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{}' : undefined);

const viaInject: Send = async (method, p, who) => {
  const res = await server.inject({ method: method as 'GET', url: p, headers: headersFor(method, who), payload: bodyFor(method) });
  return classify(res.statusCode, res.body);
};

/** A raw request line: Node's client sends the path exactly as given. */
const viaSocket: Send = (method, p, who) =>
  new Promise((resolve, reject) => {
    const body = bodyFor(method);
    const req = http.request(
      { host: '127.0.0.1', port, method, path: p, headers: { ...headersFor(method, who), ...(body ? { 'content-length': String(body.length) } : {}) }, agent: false },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve(classify(res.statusCode ?? 0, data)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

// An id no row has: a route that needs an admin must not revoke the test's own tokens.
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '999999');

describe('the route inventory', () => {
  it('lists the routes, and only the page and /healthz are public', () => {
    expect(routes.length).toBeGreaterThan(20);
    const open = routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual(
      ['/', '/app.js', '/healthz', '/index.html', '/style.css', ...['api', 'charts', 'dom', 'flags', 'progress', 'report', 'state', 'submissions', 'table', 'tokens'].map((m) => `/js/${m}.js`), '/vendor/chart.umd.min.js'].flatMap((u) => [`GET ${u}`, `HEAD ${u}`]).sort(),
    );
    // Every /api route needs a token; the token routes need an admin's.
    expect(routes.filter((r) => r.url.startsWith('/api/')).every((r) => !r.public)).toBe(true);
    expect(routes.filter((r) => r.url.startsWith('/api/tokens')).every((r) => r.role === 'admin')).toBe(true);
  });

  it('resolves dot segments the way a browser does', () => {
    expect(resolveDotSegments('/api/./tokens')).toBe('/api/tokens');
    expect(resolveDotSegments('/api/x/../tokens?a=/../b')).toBe('/api/tokens?a=/../b');
    expect(resolveDotSegments('/%2e%2e/api/%2E/tokens')).toBe('/api/tokens');
    expect(resolveDotSegments('//x/../api')).toBe('/api');
    expect(resolveDotSegments('/api/tokens')).toBe('/api/tokens');
  });
});

for (const [transport, send] of [
  ['inject()', viaInject],
  ['a listening server, raw paths', viaSocket],
] as const) {
  describe(`every route × method × path variant, through ${transport}`, () => {
    it('401 without a token; 403 below the route\'s role; no route for the variants the router does not serve', async () => {
      const closed = routes.filter((r) => !r.public);
      let checked = 0;
      for (const r of closed) {
        for (const v of variants(concrete(r.url))) {
          const label = `${r.method} ${r.url} — ${v.name}: ${v.path}`;
          expect((await send(r.method, v.path, 'none')).status, label).toBe(401);
          for (const role of ROLES) {
            const a = await send(r.method, v.path, role);
            if (!v.routed) {
              expect(a.status, `${label} as ${role}`).toBe(404);
              if (r.method !== 'HEAD') expect(a.noRoute, `${label} as ${role}`).toBe(true);
            } else if (RANK[role] < RANK[r.role]) {
              expect(a.status, `${label} as ${role}`).toBe(403);
            } else {
              // The route itself answered (not the auth hook, not the not-found handler).
              expect([401, 403], `${label} as ${role}`).not.toContain(a.status);
              expect(a.noRoute, `${label} as ${role}`).toBe(false);
            }
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(500);
    });

    it('methods a path does not have, and paths no route has: 401 without a token (deny by default)', async () => {
      const paths = [...new Set(routes.filter((r) => !r.public).map((r) => concrete(r.url)))];
      for (const p of [...paths, '/api', '/api/', '/api/nothing', '/%61pi/nothing', '/admin', '/favicon.ico']) {
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
          const registered = routes.some((r) => concrete(r.url) === p && r.method === method);
          if (registered) continue;
          expect((await send(method, p, 'none')).status, `${method} ${p}`).toBe(401);
          const withToken = await send(method, p, 'admin');
          expect(withToken.status, `${method} ${p} as admin`).toBe(404);
        }
      }
    });
  });
}

describe('Expect: 100-continue', () => {
  const ask = (length: number, who: TokenRole) =>
    new Promise<{ continued: boolean; status: number; body: string }>((resolve, reject) => {
      let continued = false;
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/uploads',
        agent: false,
        headers: {
          authorization: `Bearer ${token[who]}`,
          'content-type': 'application/octet-stream',
          'content-length': String(length),
          'x-file-name': 'lon.docx',
          expect: '100-continue',
        },
      });
      req.on('continue', () => {
        continued = true;
        req.end(Buffer.alloc(length));
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ continued, status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });

  it('a body declared over the limit gets a visible 413 before it is sent', async () => {
    const r = await ask(5 * 1024 * 1024, 'editor');
    expect(r.continued).toBe(false);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Tệp quá lớn (tối đa 1 MB)' } });
  });

  it('a body within the limit is asked for (100 Continue) and reaches the route', async () => {
    const r = await ask(1000, 'viewer');
    expect(r.continued).toBe(true);
    expect(r.status).toBe(403); // the route's own answer: uploads need an editor
  });
});

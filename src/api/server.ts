// The HTTP server of `baocao serve`: Fastify with zod-validated inputs (fastify-type-provider-zod),
// bearer-token auth, the JSON API under /api, /healthz, and the district's web page at /.
//
// Why Fastify: a maintained framework whose type provider types each handler's input from its
// zod schema, with inject() for tests without a port, streaming multipart uploads with size
// limits (@fastify/multipart), and one error handler for every failure.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authHook, FailedAttempts, type FailureLimit } from './auth.ts';
import { toErrorResponse, zodValidatorCompiler } from './http.ts';
import { apiRoutes, type RouteDeps } from './routes.ts';
import { workspaceRoutes } from './workspace-routes.ts';

export type ServerDeps = RouteDeps & {
  /** Fastify's logger (pino); off by default. */
  logger?: boolean | { level: string };
  /** Wrong tokens allowed per client address and window (default 10 per 15 minutes). */
  authFailures?: FailureLimit;
  /** Called for every route as it is registered (an inventory, for tests and audits). */
  onRoute?: (route: RouteOptions) => void;
};

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
const WEB_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  // The page's views, as ES modules (src/web/js/).
  ...Object.fromEntries(
    ['api', 'charts', 'dom', 'flags', 'progress', 'report', 'state', 'submissions', 'table', 'tokens'].map((m) => [`/js/${m}.js`, { file: `js/${m}.js`, type: 'text/javascript; charset=utf-8' }]),
  ),
  // Chart.js, a well-kept chart library, from its package (no copy in the repository).
  '/vendor/chart.umd.min.js': { file: '../../node_modules/chart.js/dist/chart.umd.min.js', type: 'text/javascript; charset=utf-8' },
};

const RAW_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** Largest request body any route takes: an upload, plus room for its multipart framing. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * `Expect: 100-continue` (curl sends it for bodies over 1 MB): a body declared larger than any
 * route takes is refused with a visible 413 before the client sends it — instead of letting it
 * send and cutting the connection (a broken pipe). Other requests get their 100 Continue.
 */
function answerExpectContinue(http: Server, maxFileBytes: number): void {
  http.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxFileBytes + MULTIPART_SLACK) {
      const body = JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: `Tệp quá lớn (tối đa ${Math.round(maxFileBytes / 1048576)} MB)` } });
      res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
      res.end(body);
      return;
    }
    res.writeContinue();
    http.emit('request', req, res);
  });
}

/** The URL with '.' and '..' path segments (also percent-encoded ones) resolved, the query kept. */
export function resolveDotSegments(url: string): string {
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  if (!/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(pathPart)) return url;
  const resolved = new URL(pathPart.replace(/^\/+/, '/'), 'http://h').pathname;
  return q < 0 ? resolved : `${resolved}${url.slice(q)}`;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const server = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    // '//api//x' routes as '/api/x'; '/api/./x' and '/api/y/../x' are resolved before routing
    // (as a browser would), so inject() and a raw socket see the same routes.
    routerOptions: { ignoreDuplicateSlashes: true },
    rewriteUrl: (req) => resolveDotSegments(req.url ?? '/'),
    // The route schemas are zod: no Ajv.
  }).withTypeProvider<ZodTypeProvider>();
  if (deps.onRoute) server.addHook('onRoute', deps.onRoute);
  answerExpectContinue(server.server, deps.maxFileBytes);
  server.setValidatorCompiler(zodValidatorCompiler);
  server.setSerializerCompiler(serializerCompiler);

  await server.register(multipart, { limits: { fileSize: deps.maxFileBytes + 1, files: 1, fields: 5 } });
  server.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: deps.maxFileBytes }, (_req, body, done) => done(null, body));

  // Deny by default: every request — any route, and paths no route serves — needs a token,
  // unless the route the router chose says `public: true`. Decided on the route (after the
  // router decoded the path), never on the URL's text.
  const failures = new FailedAttempts(deps.authFailures);
  server.addHook('onRequest', authHook(deps.tokens, failures));
  server.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  server.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send(body);
  });
  server.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}` } });
  });

  // The page: three small static files, read at each request (no build step, no stale copy).
  for (const [route, { file, type }] of Object.entries(WEB_FILES)) {
    server.get(route, { config: { public: true } }, async (_req, reply) => {
      const bytes = await readFile(`${WEB_DIR}${file}`);
      return reply
        .header('Content-Type', type)
        .header('Cache-Control', 'no-cache')
        .header(
          'Content-Security-Policy',
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
        )
        .send(bytes);
    });
  }

  await server.register(apiRoutes({ ...deps, failures }));
  await server.register(workspaceRoutes({ workspace: deps.workspace }));
  return server;
}

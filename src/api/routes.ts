// The API's routes. Reads need a viewer token, corrections and uploads an editor's, tokens an admin's.
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { App } from '../app.ts';
import { renderCsv } from '../consolidate/format.ts';
import { periodWorkbook } from '../workspace/exports.ts';
import type { Workspace } from '../consolidate/service.ts';
import { COLUMNS, EXPORT_COLUMNS } from '../consolidate/table.ts';
import { displayName, dropKey, sha256OfBuffer } from '../inbox/identity.ts';
import { entryKind, isInside, readReceived } from '../inbox/safe.ts';
import type { TokensRepository } from '../db/repositories/tokens.ts';
import { ROLE_LABELS, type FailedAttempts } from './auth.ts';
import { HttpError, badRequest, notFound } from './http.ts';
import { placeInInbox, safeFileName, writeTemp, type Intake } from './intake.ts';
import { PreviewQuery } from './schemas.ts';
import { previewOf } from '../workspace/preview.ts';
import { CorrectionBody, FlagsStateQuery, IdParams, PeriodScopeQuery, TokenBody, UnitCodeParams, UnitHistoryByNameQuery, UnitHistoryQuery } from './schemas.ts';
import { HistoryError, unitHistory } from '../consolidate/history.ts';
import { ScopeError } from '../consolidate/scope.ts';

export interface RouteDeps {
  app: App;
  workspace: Workspace;
  tokens: TokensRepository;
  intake: Intake;
  inboxDir: string;
  maxFileBytes: number;
  /** Wrong-token counts per address (shown to admins beside the tokens). */
  failures?: FailedAttempts;
}

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

/** Content-Disposition for a Vietnamese file name (RFC 6266: an ASCII fallback and filename*). */
export function attachment(raw: string): string {
  const name = displayName(raw);
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Runs a request's work; a scope or unit the registry does not know is the request's fault (400/404). */
async function registryAware<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ScopeError) throw badRequest(err.message, [{ path: 'scope', message: err.message }]);
    if (err instanceof HistoryError) throw err.status === 404 ? notFound(err.message) : badRequest(err.message);
    throw err;
  }
}

/** Today in Vietnam (the date a unit's code is read at when none is given). */
function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

export function apiRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  const { app, workspace, tokens } = deps;

  return async (api) => {
    api.get('/healthz', { config: { public: true } }, async (_req, reply) => {
      try {
        await sql`select 1`.execute(app.database.db);
        return { status: 'ok', database: app.database.kind, intake: deps.intake.mode };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: app.database.kind });
      }
    });

    api.get('/api/me', async (req) => {
      const t = req.auth!;
      return {
        id: t.id,
        name: t.name,
        role: t.role,
        roleLabel: ROLE_LABELS[t.role],
        district: workspace.servedDistrictLabel(),
        intake: deps.intake.mode,
      };
    });

    api.get('/api/periods', async () => ({ periods: await workspace.periods() }));

    api.get('/api/consolidated', { schema: { querystring: PeriodScopeQuery } }, async (req) => {
      const table = await registryAware(() => workspace.consolidated(req.query.period, req.query.scope));
      return { ...table, columns: COLUMNS, exportColumns: EXPORT_COLUMNS };
    });

    api.get('/api/flags', { schema: { querystring: FlagsStateQuery } }, async (req) => {
      const { period, commune, code, severity, state, scope } = req.query;
      const flags = await registryAware(() => workspace.flags(period, { commune, code, severity, state }, scope));
      const counts: Record<string, number> = {};
      for (const f of flags) counts[f.code] = (counts[f.code] ?? 0) + 1;
      const open = flags.filter((f) => f.state === 'open').length;
      return { period, flags, counts, open };
    });

    api.get('/api/submissions', { schema: { querystring: PeriodScopeQuery } }, async (req) =>
      registryAware(() => workspace.submissions(req.query.period, req.query.scope)));

    // A unit's figures across the reforms: its own beside its predecessors' (crosswalk of 1 Jul 2025).
    // A code names a unit only with a date (default: today).
    api.get('/api/units/:code/history', { schema: { params: UnitCodeParams, querystring: UnitHistoryQuery } }, async (req) =>
      registryAware(() => unitHistory(app.database.db, app.registry, { code: req.params.code, date: req.query.date ?? todayVn() })));

    api.get('/api/units/history', { schema: { querystring: UnitHistoryByNameQuery } }, async (req) =>
      registryAware(() => unitHistory(app.database.db, app.registry, { name: req.query.name, date: req.query.date ?? todayVn() })));

    api.get('/api/reports/:id', { schema: { params: IdParams } }, async (req) => {
      const detail = await workspace.report(req.params.id);
      if (!detail) throw notFound(`Không có báo cáo số ${req.params.id}`);
      const { storedPath, ...file } = detail.file;
      const available = (await entryKind(storedPath)) === 'file';
      return { ...detail, file: { ...file, available } };
    });

    // The original file: never through a symlink (O_NOFOLLOW), inside the inbox when it is there,
    // and only the bytes that were received (their sha256 is the record's).
    /** The received bytes of a report's file: never through a symlink, only if unchanged. */
    const originalOf = async (detail: NonNullable<Awaited<ReturnType<Workspace['report']>>>): Promise<Buffer> => {
      const stored = path.resolve(detail.file.storedPath);
      const inbox = isInside(path.resolve(deps.inboxDir), stored) ? deps.inboxDir : undefined;
      const bytes = await readReceived(stored, { inbox }).catch(() => null);
      if (!bytes) throw notFound(`Tệp gốc "${detail.file.name}" không còn trên máy chủ`);
      if (sha256OfBuffer(bytes) !== detail.file.sha256) {
        throw notFound(`Tệp gốc "${detail.file.name}" trên máy chủ không còn là tệp đã nhận (nội dung đã thay đổi)`);
      }
      return bytes;
    };

    // The original document's text (and a PDF's page image) with the passage a value was read from marked.
    api.get('/api/reports/:id/preview', { schema: { params: IdParams, querystring: PreviewQuery } }, async (req) => {
      const detail = await workspace.report(req.params.id);
      if (!detail) throw notFound(`Không có báo cáo số ${req.params.id}`);
      const value = req.query.path ? detail.values.find((v) => v.path === req.query.path) : undefined;
      const preview = await previewOf(await originalOf(detail), detail.file.format, value?.quote ?? null, detail.file.name).catch(() => null);
      if (!preview) throw badRequest(`Chưa xem trước được tệp dạng ${detail.file.format ?? 'không rõ'}: hãy tải tệp gốc`);
      return { ...preview, path: req.query.path ?? null, quote: value?.quote ?? null, label: value?.label ?? null };
    });

    api.get('/api/reports/:id/file', { schema: { params: IdParams } }, async (req, reply) => {
      const detail = await workspace.report(req.params.id);
      if (!detail) throw notFound(`Không có báo cáo số ${req.params.id}`);
      const bytes = await originalOf(detail);
      reply
        .header('Content-Type', MIME[detail.file.format ?? ''] ?? 'application/octet-stream')
        .header('Content-Length', String(bytes.length))
        .header('Content-Disposition', attachment(detail.file.name));
      return reply.send(bytes);
    });

    api.post(
      '/api/reports/:id/corrections',
      { config: { role: 'editor' }, schema: { params: IdParams, body: CorrectionBody } },
      async (req, reply) => {
        const t = req.auth!;
        const result = await workspace.correct(req.params.id, req.body, { tokenId: t.id, name: t.name });
        if (!result.ok) throw result.status === 404 ? notFound(result.message) : badRequest(result.message, [{ path: 'value', message: result.message }]);
        return reply.code(201).send({ correction: result.correction });
      },
    );

    api.get('/api/exports/consolidated.xlsx', { schema: { querystring: PeriodScopeQuery } }, async (req, reply) => {
      const { period, scope } = req.query;
      const bytes = await registryAware(() => periodWorkbook(workspace, period, scope));
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', attachment(`tong-hop-${req.query.period}.xlsx`))
        .send(bytes);
    });

    api.get('/api/exports/consolidated.csv', { schema: { querystring: PeriodScopeQuery } }, async (req, reply) => {
      const table = await registryAware(() => workspace.consolidated(req.query.period, req.query.scope));
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', attachment(`tong-hop-${req.query.period}.csv`))
        .send(`\ufeff${renderCsv(table)}`); // the BOM tells Excel the file is UTF-8
    });

    // The files this process is working on (OCR pages read so far): the page polls it while a
    // file is in progress. `tracked: false` when the intake cannot see them.
    api.get('/api/progress', async () => ({ tracked: deps.intake.progress !== undefined, files: (await deps.intake.progress?.()) ?? [] }));

    // Uploads: multipart/form-data (field "file"), or the raw bytes with the name in X-File-Name
    // (percent-encoded UTF-8).
    api.post('/api/uploads', { config: { role: 'editor' } }, async (req, reply) => {
      let source: Readable;
      let rawName: string;
      if (req.isMultipart()) {
        const part = await req.file({ limits: { fileSize: deps.maxFileBytes + 1, files: 1 } });
        if (!part) throw badRequest('Chưa có tệp: gửi tệp trong trường "file"');
        source = part.file;
        rawName = part.filename;
      } else {
        const header = req.headers['x-file-name'];
        if (typeof header !== 'string' || header.trim() === '') throw badRequest('Thiếu tên tệp: gửi multipart/form-data, hoặc tiêu đề X-File-Name');
        try {
          rawName = decodeURIComponent(header);
        } catch {
          throw badRequest('Tiêu đề X-File-Name không hợp lệ (tên tệp mã hoá phần trăm, UTF-8)');
        }
        if (!Buffer.isBuffer(req.body)) throw badRequest('Thiếu nội dung tệp');
        source = Readable.from([req.body]);
      }
      const name = safeFileName(rawName);
      const { temp, sha256, size } = await writeTemp(deps.inboxDir, source, deps.maxFileBytes);
      const known = await app.files.bySha(sha256);
      if (known) {
        await rm(temp, { force: true });
        const report = await app.reports.byFile(known.id);
        return reply.code(200).send({
          file: name,
          sha256,
          size,
          status: 'duplicate',
          reportId: report?.id ?? null,
          message:
            known.status === 'received'
              ? `Tệp này đã nhận ("${known.original_name}") và đang chờ xử lý`
              : `Tệp này đã nhận trước đây ("${known.original_name}")`,
        });
      }
      const stored = await placeInInbox(deps.inboxDir, temp, name, sha256);
      const st = await lstat(stored);
      const result = await deps.intake.submit({
        path: stored,
        sha256,
        originalName: name,
        inbox: deps.inboxDir,
        dropKey: dropKey(stored, st),
      });
      const { movedTo: _where, ...shown } = result as typeof result & { movedTo?: string }; // server paths stay on the server
      return reply.code(result.status === 'queued' ? 202 : 201).send({ file: name, sha256, size, ...shown });
    });

    // Tokens (admin).
    api.get('/api/tokens', { config: { role: 'admin' } }, async () => ({
      tokens: await tokens.list({ includeRevoked: true }),
      // Wrong tokens per client address in the current window, and the limit (429 past it).
      failedAttempts: deps.failures?.entries() ?? [],
      failureLimit: deps.failures ? { max: deps.failures.limit.max, windowMinutes: Math.round(deps.failures.limit.windowMs / 60_000) } : null,
    }));

    api.post('/api/tokens', { config: { role: 'admin' }, schema: { body: TokenBody } }, async (req, reply) => {
      const { token, info } = await tokens.create(req.body.name, req.body.role, { expiresAt: req.body.expires ?? null });
      return reply.code(201).send({ ...info, token, note: 'Mã chỉ hiện một lần: hãy lưu lại ngay' });
    });

    api.delete('/api/tokens/:id', { config: { role: 'admin' }, schema: { params: IdParams } }, async (req) => {
      const token = await tokens.get(req.params.id);
      if (!token) throw notFound(`Không có mã truy cập số ${req.params.id}`);
      if (token.revoked_at) throw badRequest(`Mã truy cập số ${req.params.id} đã bị thu hồi trước đó`);
      if (token.role === 'admin' && (await tokens.countActive('admin')) <= 1) {
        throw new HttpError(400, 'BAD_REQUEST', 'Không thu hồi được mã quản trị cuối cùng: hãy tạo mã quản trị khác trước');
      }
      await tokens.revoke(req.params.id);
      return { ...(await tokens.get(req.params.id))!, revoked: true };
    });
  };
}

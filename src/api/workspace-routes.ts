// The routes of the district officer's work (issue 13): shared labels, periods opened before their
// first report and their deadlines, flag states, unit aliases, letters to the communes.
// Reads need a viewer token; what changes the workspace needs an editor's.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Workspace } from '../consolidate/service.ts';
import { labelsForPage } from '../labels.ts';
import { draftCorrectionRequest, draftReminder, flagsForCommune } from '../workspace/drafts.ts';
import { attachment } from './routes.ts';
import { badRequest, notFound } from './http.ts';
import { AliasBody, AliasCandidatesQuery, FlagStateBody, IdParams, LetterQuery, PeriodBody, PeriodQuery, PeriodScopeQuery } from './schemas.ts';

export interface WorkspaceRouteDeps {
  workspace: Workspace;
}

export function workspaceRoutes(deps: WorkspaceRouteDeps): FastifyPluginAsyncZod {
  const { workspace } = deps;
  return async (api) => {
    api.get('/api/labels', async () => labelsForPage());

    api.get('/api/scopes', { schema: { querystring: PeriodQuery } }, async (req) => workspace.scopesFor(req.query.period));

    api.post('/api/periods', { config: { role: 'editor' }, schema: { body: PeriodBody } }, async (req, reply) => {
      const t = req.auth!;
      const period = await workspace.openPeriod(req.body.period, req.body.deadline, { tokenId: t.id, name: t.name });
      return reply.code(201).send({ period });
    });

    api.post('/api/flags/state', { config: { role: 'editor' }, schema: { body: FlagStateBody } }, async (req) => {
      const t = req.auth!;
      const { period, flagId, state, note, scope } = req.body;
      const result = await workspace.setFlagState(period, flagId, { state, note }, { tokenId: t.id, name: t.name }, scope);
      if (!result.ok) throw badRequest(result.message, [{ path: 'flagId', message: result.message }]);
      return { flag: result.flag };
    });

    api.get('/api/aliases', async () => ({
      aliases: (await workspace.aliases.all()).map((a) => ({
        id: a.id, level: a.level, written: a.written, target: a.target_name, targetCode: a.target_code, targetDistrict: a.target_district,
        targetProvince: a.target_province, reason: a.reason, who: a.who, at: a.created_at.toISOString(), reportId: a.report_id,
        revokedAt: a.revoked_at?.toISOString() ?? null,
      })),
    }));

    api.get('/api/reports/:id/alias-candidates', { schema: { params: IdParams, querystring: AliasCandidatesQuery } }, async (req) => {
      const found = await workspace.aliasCandidates(req.params.id, req.query.level, req.query.scope);
      if (!found) throw notFound(`Không có báo cáo số ${req.params.id} (hoặc báo cáo không rõ kỳ)`);
      return found;
    });

    api.post('/api/aliases', { config: { role: 'editor' }, schema: { body: AliasBody } }, async (req, reply) => {
      const t = req.auth!;
      const result = await workspace.addAlias(req.body, { tokenId: t.id, name: t.name });
      if (!result.ok) throw result.status === 404 ? notFound(result.message) : badRequest(result.message, [{ path: 'targetCode', message: result.message }]);
      const a = result.alias;
      return reply.code(201).send({ alias: { id: a.id, level: a.level, written: a.written, target: a.target_name, targetCode: a.target_code, who: a.who, at: a.created_at.toISOString() } });
    });

    // A wrong mapping is undone: the alias stays recorded (with when it was revoked), no longer applied.
    api.delete('/api/aliases/:id', { config: { role: 'editor' }, schema: { params: IdParams } }, async (req) => {
      const revoked = await workspace.aliases.revoke(req.params.id);
      if (!revoked) throw notFound(`Không có bí danh đơn vị số ${req.params.id} đang áp dụng`);
      return { alias: { id: revoked.id, written: revoked.written, target: revoked.target_name, revokedAt: revoked.revoked_at?.toISOString() ?? null } };
    });

    // Letters (drafts for staff to edit and sign; nothing is sent).
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

    api.get('/api/letters', { schema: { querystring: PeriodScopeQuery } }, async (req) => {
      const { period, scope } = req.query;
      const [subs, flags] = await Promise.all([workspace.submissions(period, scope), workspace.flags(period, {}, scope)]);
      const byReport = new Map<number, number>();
      for (const f of flagsForCommune(flags)) if (f.reportId !== null) byReport.set(f.reportId, (byReport.get(f.reportId) ?? 0) + 1);
      const communes = subs.districts.flatMap((d) => d.communes).filter((c) => c.reportId !== null && byReport.has(c.reportId));
      return {
        period,
        reminder: { units: subs.summary.notReported },
        corrections: communes.map((c) => ({ reportId: c.reportId, commune: `${c.communeKind ?? 'xã'} ${c.commune}`, problems: byReport.get(c.reportId!) })),
      };
    });

    api.get('/api/letters/reminder.docx', { schema: { querystring: PeriodScopeQuery } }, async (req, reply) => {
      const { period, scope } = req.query;
      const draft = await draftReminder(await workspace.submissions(period, scope), workspace.servedDistrictLabel(scope));
      if (!draft) throw badRequest('Mọi đơn vị đã gửi báo cáo kỳ này: không có ai để nhắc');
      return reply.header('Content-Type', DOCX).header('Content-Disposition', attachment(`nhac-nop-bao-cao-${period}.docx`)).send(draft.bytes);
    });

    api.get('/api/letters/correction.docx', { schema: { querystring: LetterQuery } }, async (req, reply) => {
      const { period, scope, reportId } = req.query;
      if (!reportId) throw badRequest('Thiếu số báo cáo (reportId) cần đề nghị chỉnh sửa');
      const detail = await workspace.report(reportId);
      if (!detail || detail.period !== period) throw notFound(`Không có báo cáo số ${reportId} trong kỳ ${period}`);
      const draft = await draftCorrectionRequest(detail, workspace.servedDistrictLabel(scope));
      if (!draft) throw badRequest('Báo cáo này không còn cảnh báo nào chưa xử lý: không cần đề nghị chỉnh sửa');
      const name = `de-nghi-chinh-sua-${(detail.commune ?? 'xa').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/\s+/g, '-')}-${period}.docx`;
      return reply.header('Content-Type', DOCX).header('Content-Disposition', attachment(name)).send(draft.bytes);
    });
  };
}

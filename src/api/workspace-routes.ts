// The routes of the district officer's work (issue 13): shared labels, periods opened before their
// first report and their deadlines, flag states, unit aliases, letters to the communes.
// Reads need a viewer token; what changes the workspace needs an editor's.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Workspace } from '../consolidate/service.ts';
import { labelsForPage } from '../labels.ts';
import { badRequest, notFound } from './http.ts';
import { AliasBody, AliasCandidatesQuery, FlagStateBody, IdParams, PeriodBody } from './schemas.ts';

export interface WorkspaceRouteDeps {
  workspace: Workspace;
}

export function workspaceRoutes(deps: WorkspaceRouteDeps): FastifyPluginAsyncZod {
  const { workspace } = deps;
  return async (api) => {
    api.get('/api/labels', async () => labelsForPage());

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
  };
}

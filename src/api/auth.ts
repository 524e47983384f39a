// Bearer tokens: `Authorization: Bearer bc_…`. Roles are ordered: viewer (read) < editor
// (read, correct, upload) < admin (everything, and tokens). A route states the least role it needs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenInfo, TokenRole, TokensRepository } from '../db/repositories/tokens.ts';
import { HttpError } from './http.ts';

const RANK: Record<TokenRole, number> = { viewer: 1, editor: 2, admin: 3 };

export const ROLE_LABELS: Record<TokenRole, string> = {
  viewer: 'xem',
  editor: 'xem, đính chính và tải tệp lên',
  admin: 'quản trị',
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The token of the request (set by the auth hook on /api routes). */
    auth?: ApiTokenInfo;
  }
  interface FastifyContextConfig {
    /** The least role a route needs (default viewer). */
    role?: TokenRole;
    /** No token needed (health check, the page's files). */
    public?: boolean;
  }
}

export function hasRole(token: ApiTokenInfo, needed: TokenRole): boolean {
  return RANK[token.role] >= RANK[needed];
}

/** An onRequest hook: authenticates every non-public route and checks its role. */
export function authHook(tokens: TokensRepository) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const config = req.routeOptions.config;
    if (config.public) return;
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      reply.header('WWW-Authenticate', 'Bearer realm="baocao"');
      throw new HttpError(401, 'UNAUTHORIZED', 'Cần đăng nhập: gửi mã truy cập trong tiêu đề Authorization: Bearer <mã>');
    }
    const token = await tokens.verify(m[1]!);
    if (!token) {
      reply.header('WWW-Authenticate', 'Bearer realm="baocao", error="invalid_token"');
      throw new HttpError(401, 'UNAUTHORIZED', 'Mã truy cập không đúng hoặc đã bị thu hồi');
    }
    req.auth = token;
    const needed = config.role ?? 'viewer';
    if (!hasRole(token, needed)) {
      throw new HttpError(403, 'FORBIDDEN', `Mã truy cập "${token.name}" có quyền ${ROLE_LABELS[token.role]}; việc này cần quyền ${ROLE_LABELS[needed]} (${needed})`);
    }
  };
}

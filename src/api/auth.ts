// Bearer tokens: `Authorization: Bearer bc_…`. Roles are ordered: viewer (read) < editor
// (read, correct, upload) < admin (everything, and tokens). A route states the least role it needs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenInfo, TokenRefusal, TokenRole, TokensRepository } from '../db/repositories/tokens.ts';
import { HttpError } from './http.ts';
import { ROLE_LABELS as SHARED_ROLE_LABELS } from '../labels.ts';

const RANK: Record<TokenRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** The roles' names: one source with the page (src/labels.ts). */
export const ROLE_LABELS: Record<TokenRole, string> = SHARED_ROLE_LABELS;

declare module 'fastify' {
  interface FastifyRequest {
    /** The token of the request (set by the auth hook on every route that is not public). */
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

/** Wrong tokens allowed per client address in a window; past it, 429 until the window ends. */
export interface FailureLimit {
  max: number;
  windowMs: number;
}

export const DEFAULT_FAILURE_LIMIT: FailureLimit = { max: 10, windowMs: 15 * 60_000 };

export interface FailureEntry {
  address: string;
  failures: number;
  /** When the count starts again from zero. */
  resetAt: Date;
  blocked: boolean;
}

/** Failed token attempts per client address, in fixed windows, in this process's memory. */
export class FailedAttempts {
  private readonly byAddress = new Map<string, { failures: number; resetAt: number }>();

  constructor(readonly limit: FailureLimit = DEFAULT_FAILURE_LIMIT) {}

  /** Milliseconds until this address may try again; 0 when it may now. */
  blockedFor(address: string, now = Date.now()): number {
    const e = this.byAddress.get(address);
    if (!e) return 0;
    if (e.resetAt <= now) {
      this.byAddress.delete(address);
      return 0;
    }
    return e.failures >= this.limit.max ? e.resetAt - now : 0;
  }

  fail(address: string, now = Date.now()): void {
    const e = this.byAddress.get(address);
    if (!e || e.resetAt <= now) {
      if (this.byAddress.size >= 10_000) this.prune(now);
      this.byAddress.set(address, { failures: 1, resetAt: now + this.limit.windowMs });
    } else {
      e.failures++;
    }
  }

  /** Addresses with failures in their current window (for the tokens page). */
  entries(now = Date.now()): FailureEntry[] {
    this.prune(now);
    return [...this.byAddress].map(([address, e]) => ({
      address,
      failures: e.failures,
      resetAt: new Date(e.resetAt),
      blocked: e.failures >= this.limit.max,
    }));
  }

  private prune(now: number): void {
    for (const [k, e] of this.byAddress) if (e.resetAt <= now) this.byAddress.delete(k);
    // Still full (an address flood): forget the oldest windows.
    while (this.byAddress.size >= 10_000) this.byAddress.delete(this.byAddress.keys().next().value!);
  }
}

const REFUSAL_MESSAGES: Record<TokenRefusal, string> = {
  unknown: 'Mã truy cập không đúng hoặc đã bị thu hồi',
  revoked: 'Mã truy cập không đúng hoặc đã bị thu hồi',
  expired: 'Mã truy cập đã hết hạn: hãy xin quản trị viên cấp mã mới',
};

/**
 * The onRequest hook (it runs after routing): every route needs a valid token unless its
 * config says `public: true` — a path no route serves too (deny by default). A wrong, revoked or
 * expired token counts against the client's address; past the limit the address gets 429 for
 * the rest of the window, before any token is looked at.
 */
export function authHook(tokens: TokensRepository, failures: FailedAttempts = new FailedAttempts()) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const config = req.routeOptions.config as { public?: boolean; role?: TokenRole } | undefined;
    if (config?.public === true) return;
    const header = req.headers.authorization;
    if (!header) {
      reply.header('WWW-Authenticate', 'Bearer realm="baocao"');
      throw new HttpError(401, 'UNAUTHORIZED', 'Cần đăng nhập: gửi mã truy cập trong tiêu đề Authorization: Bearer <mã>');
    }
    const wait = failures.blockedFor(req.ip);
    if (wait > 0) {
      reply.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(
        429,
        'TOO_MANY_REQUESTS',
        `Nhập sai mã truy cập quá nhiều lần từ địa chỉ này: hãy thử lại sau ${Math.max(1, Math.ceil(wait / 60_000))} phút`,
      );
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const result = m ? await tokens.check(m[1]!) : ({ ok: false, reason: 'unknown' } as const);
    if (!result.ok) {
      failures.fail(req.ip);
      reply.header('WWW-Authenticate', 'Bearer realm="baocao", error="invalid_token"');
      throw new HttpError(401, 'UNAUTHORIZED', m ? REFUSAL_MESSAGES[result.reason] : 'Cần đăng nhập: tiêu đề Authorization phải có dạng Bearer <mã truy cập>');
    }
    const token = result.token;
    req.auth = token;
    const needed = config?.role ?? 'viewer';
    if (!hasRole(token, needed)) {
      throw new HttpError(403, 'FORBIDDEN', `Mã truy cập "${token.name}" có quyền ${ROLE_LABELS[token.role]}; việc này cần quyền ${ROLE_LABELS[needed]} (${needed})`);
    }
  };
}

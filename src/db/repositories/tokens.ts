// api_tokens: bearer tokens of the HTTP API. A token is shown once when created; only its
// sha256 is stored, so a leaked database does not leak usable tokens. A token may carry an
// expiry (expires_at); past it, it is refused like a revoked one.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type ColumnType, type Generated, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema.ts';

export const TOKEN_ROLES = ['viewer', 'editor', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: TokenRole;
  /** sha256 (hex) of the token. */
  token_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Null: never expires. */
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
/** A token as listed: everything but its hash. */
export type ApiTokenInfo = Omit<ApiTokenRow, 'token_hash'>;

type TokensDB = DB & { api_tokens: ApiTokensTable };

/** Why a presented token is refused. */
export type TokenRefusal = 'unknown' | 'revoked' | 'expired';

export type TokenCheck = { ok: true; token: ApiTokenInfo } | { ok: false; reason: TokenRefusal };

const INFO = ['id', 'name', 'role', 'created_at', 'revoked_at', 'expires_at'] as const;

/** Tokens look like `bc_<43 base64url characters>` (32 random bytes). */
const TOKEN_SHAPE = /^bc_[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class TokensRepository {
  private readonly db: Kysely<TokensDB>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ api_tokens: ApiTokensTable }>();
  }

  /** Creates a token; the plain token is returned here and never again. `expiresAt`: when it
   *  stops working (null or absent: never). */
  async create(name: string, role: TokenRole, opts: { expiresAt?: Date | null } = {}): Promise<{ token: string; info: ApiTokenInfo }> {
    const token = `bc_${randomBytes(32).toString('base64url')}`;
    const info = await this.db
      .insertInto('api_tokens')
      .values({ name, role, token_hash: hashToken(token), expires_at: opts.expiresAt ?? null })
      .returning(INFO)
      .executeTakeFirstOrThrow();
    return { token, info };
  }

  /** The token with this value if it may be used now; else why not. */
  async check(token: string, now: Date = new Date()): Promise<TokenCheck> {
    if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'unknown' };
    const row = await this.db.selectFrom('api_tokens').select(INFO).where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, token: row };
  }

  /** The token with this value if it may be used now (not revoked, not expired), or undefined. */
  async verify(token: string): Promise<ApiTokenInfo | undefined> {
    const c = await this.check(token);
    return c.ok ? c.token : undefined;
  }

  async list(opts: { includeRevoked?: boolean } = {}): Promise<ApiTokenInfo[]> {
    let query = this.db.selectFrom('api_tokens').select(INFO);
    if (!opts.includeRevoked) query = query.where('revoked_at', 'is', null);
    return query.orderBy('id').execute();
  }

  async get(id: number): Promise<ApiTokenInfo | undefined> {
    return this.db.selectFrom('api_tokens').select(INFO).where('id', '=', id).executeTakeFirst();
  }

  /** Revokes a token; false when there is no such active token. */
  async revoke(id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Number of active tokens — not revoked, not expired (of one role, or all). */
  async countActive(role?: TokenRole): Promise<number> {
    let query = this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]));
    if (role) query = query.where('role', '=', role);
    return (await query.executeTakeFirstOrThrow()).n;
  }
}

const DAY_MS = 86_400_000;
/** Vietnam's time (UTC+7, no daylight saving): a date means a day there. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * When a token given "--expires X" stops working: `30d` / `12h` from now; a date `2025-12-31`
 * (valid through that day, Vietnam time: it expires at the next midnight there); or an ISO
 * date-time with its offset. Throws a Vietnamese message for anything else or a time not in the future.
 */
export function parseExpiry(input: string, now: Date = new Date()): Date {
  const s = input.trim();
  let at: Date | null = null;
  const rel = /^(\d{1,5})\s*(d|h|ngày|giờ)$/i.exec(s);
  if (rel) {
    const n = Number(rel[1]);
    at = new Date(now.getTime() + n * (/^(d|ngày)$/i.test(rel[2]!) ? DAY_MS : 3_600_000));
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const day = Date.UTC(y, m - 1, d);
    if (new Date(day).getUTCDate() === d) at = new Date(day + DAY_MS - VIETNAM_OFFSET_MS);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    const t = new Date(s);
    if (!Number.isNaN(t.getTime())) at = t;
  }
  if (!at) throw new Error(`hạn dùng không hợp lệ: "${s}" — dùng 30d (30 ngày), 12h (12 giờ), một ngày 2025-12-31 hoặc 2025-12-31T17:00:00+07:00`);
  if (at.getTime() <= now.getTime()) throw new Error(`hạn dùng "${s}" đã qua`);
  return at;
}

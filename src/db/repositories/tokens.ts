// api_tokens: bearer tokens of the HTTP API. A token is shown once when created; only its
// sha256 is stored, so a leaked database does not leak usable tokens.
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
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
/** A token as listed: everything but its hash. */
export type ApiTokenInfo = Omit<ApiTokenRow, 'token_hash'>;

type TokensDB = DB & { api_tokens: ApiTokensTable };

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

  /** Creates a token; the plain token is returned here and never again. */
  async create(name: string, role: TokenRole): Promise<{ token: string; info: ApiTokenInfo }> {
    const token = `bc_${randomBytes(32).toString('base64url')}`;
    const info = await this.db
      .insertInto('api_tokens')
      .values({ name, role, token_hash: hashToken(token) })
      .returning(['id', 'name', 'role', 'created_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    return { token, info };
  }

  /** The active (not revoked) token with this value, or undefined. */
  async verify(token: string): Promise<ApiTokenInfo | undefined> {
    if (!TOKEN_SHAPE.test(token)) return undefined;
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role', 'created_at', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async list(opts: { includeRevoked?: boolean } = {}): Promise<ApiTokenInfo[]> {
    let query = this.db.selectFrom('api_tokens').select(['id', 'name', 'role', 'created_at', 'revoked_at']);
    if (!opts.includeRevoked) query = query.where('revoked_at', 'is', null);
    return query.orderBy('id').execute();
  }

  async get(id: number): Promise<ApiTokenInfo | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role', 'created_at', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
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

  /** Number of active tokens (of one role, or all). */
  async countActive(role?: TokenRole): Promise<number> {
    let query = this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('revoked_at', 'is', null);
    if (role) query = query.where('role', '=', role);
    return (await query.executeTakeFirstOrThrow()).n;
  }
}

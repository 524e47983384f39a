// `baocao token create|list|revoke`: the API's bearer tokens. A new token is printed once;
// only its sha256 is stored. (In embedded mode, stop `baocao serve` first — or create tokens
// from the page's "Mã truy cập" panel with an admin token.)
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { parseExpiry, TOKEN_ROLES, TokensRepository, type ApiTokenInfo, type TokenRole } from '../db/repositories/tokens.ts';

function roleOf(v: string): TokenRole {
  if (!(TOKEN_ROLES as readonly string[]).includes(v)) throw new Error(`quyền không hợp lệ: ${v} (viewer | editor | admin)`);
  return v as TokenRole;
}

async function withTokens<T>(fn: (tokens: TokensRepository) => Promise<T>): Promise<T> {
  const app = await openApp(loadConfig());
  try {
    return await fn(new TokensRepository(app.database.db));
  } finally {
    await app.close();
  }
}

/** "2025-12-31 23:59" in Vietnam time (UTC+7), as the page shows times. */
export function vnTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function tokenCreateCommand(opts: { role: string; name?: string; expires?: string }): Promise<void> {
  const role = roleOf(opts.role);
  const expiresAt = opts.expires !== undefined ? parseExpiry(opts.expires) : null;
  const name = (opts.name ?? `${role} ${new Date().toISOString().slice(0, 10)}`).trim();
  const { token, info } = await withTokens((t) => t.create(name, role, { expiresAt }));
  process.stderr.write(
    `Đã tạo mã truy cập số ${info.id} ("${info.name}", quyền ${info.role}` +
      `${info.expires_at ? `, dùng đến ${vnTime(info.expires_at)} giờ Việt Nam` : ', không hết hạn'}). Mã chỉ hiện một lần:\n`,
  );
  process.stdout.write(`${token}\n`);
}

function stateOf(t: ApiTokenInfo, now: Date): string {
  if (t.revoked_at) return `thu hồi ${vnTime(t.revoked_at)}`;
  if (t.expires_at && t.expires_at <= now) return `đã hết hạn ${vnTime(t.expires_at)}`;
  return t.expires_at ? `hết hạn ${vnTime(t.expires_at)}` : 'không hết hạn';
}

export async function tokenListCommand(opts: { all?: boolean }): Promise<void> {
  const now = new Date();
  const all = await withTokens((t) => t.list({ includeRevoked: opts.all ?? false }));
  const list = opts.all ? all : all.filter((t) => !t.expires_at || t.expires_at > now);
  if (list.length === 0) {
    process.stdout.write('Chưa có mã truy cập nào.\n');
    return;
  }
  process.stdout.write('Giờ Việt Nam (UTC+7).\n');
  for (const t of list) {
    process.stdout.write(`${String(t.id).padStart(4)}  ${t.role.padEnd(6)}  ${t.name}  (tạo ${vnTime(t.created_at)}, ${stateOf(t, now)})\n`);
  }
}

export async function tokenRevokeCommand(id: string): Promise<void> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new Error(`mã số không hợp lệ: ${id}`);
  const done = await withTokens((t) => t.revoke(n));
  if (!done) throw new Error(`không có mã truy cập số ${n} đang hiệu lực`);
  process.stdout.write(`Đã thu hồi mã truy cập số ${n}.\n`);
}

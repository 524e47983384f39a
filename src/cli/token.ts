// `baocao token create|list|revoke`: the API's bearer tokens. A new token is printed once;
// only its sha256 is stored. (In embedded mode, stop `baocao serve` first — or create tokens
// from the page's "Mã truy cập" panel with an admin token.)
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { TOKEN_ROLES, TokensRepository, type TokenRole } from '../db/repositories/tokens.ts';

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

export async function tokenCreateCommand(opts: { role: string; name?: string }): Promise<void> {
  const role = roleOf(opts.role);
  const name = (opts.name ?? `${role} ${new Date().toISOString().slice(0, 10)}`).trim();
  const { token, info } = await withTokens((t) => t.create(name, role));
  process.stderr.write(`Đã tạo mã truy cập số ${info.id} ("${info.name}", quyền ${info.role}). Mã chỉ hiện một lần:\n`);
  process.stdout.write(`${token}\n`);
}

export async function tokenListCommand(opts: { all?: boolean }): Promise<void> {
  const list = await withTokens((t) => t.list({ includeRevoked: opts.all ?? false }));
  if (list.length === 0) {
    process.stdout.write('Chưa có mã truy cập nào.\n');
    return;
  }
  for (const t of list) {
    process.stdout.write(
      `${String(t.id).padStart(4)}  ${t.role.padEnd(6)}  ${t.name}  (tạo ${t.created_at.toISOString().slice(0, 16).replace('T', ' ')}` +
        `${t.revoked_at ? `, thu hồi ${t.revoked_at.toISOString().slice(0, 16).replace('T', ' ')}` : ''})\n`,
    );
  }
}

export async function tokenRevokeCommand(id: string): Promise<void> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new Error(`mã số không hợp lệ: ${id}`);
  const done = await withTokens((t) => t.revoke(n));
  if (!done) throw new Error(`không có mã truy cập số ${n} đang hiệu lực`);
  process.stdout.write(`Đã thu hồi mã truy cập số ${n}.\n`);
}

// Environment → one typed, validated config object. The only place that reads process.env.
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  BAOCAO_DATA_DIR: z.string().default('./data'),
  BAOCAO_QUEUE_PREFIX: z.string().regex(/^[\w-]+$/).default('baocao'),
  BAOCAO_MAX_FILE_MB: z.coerce.number().positive().default(50),
  BAOCAO_CONCURRENCY: z.coerce.number().int().positive().default(2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface Config {
  /** 'server': PostgreSQL (+ BullMQ when REDIS_URL is set); 'embedded': PGlite in dataDir, jobs in-process. */
  mode: 'server' | 'embedded';
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  queuePrefix: string;
  maxFileBytes: number;
  concurrency: number;
  logLevel: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Cấu hình không hợp lệ: ${issue.path.join('.')} — ${issue.message}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error('Cấu hình không hợp lệ: REDIS_URL cần đi cùng DATABASE_URL (cơ sở dữ liệu nhúng chỉ dùng được trong một tiến trình)');
  }
  return {
    mode: e.DATABASE_URL ? 'server' : 'embedded',
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.BAOCAO_DATA_DIR),
    queuePrefix: e.BAOCAO_QUEUE_PREFIX,
    maxFileBytes: Math.round(e.BAOCAO_MAX_FILE_MB * 1024 * 1024),
    concurrency: e.BAOCAO_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
  };
}

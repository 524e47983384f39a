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
  // Inbox, limits and queue faults (README "Inbox and faults").
  BAOCAO_STABLE_MS: z.coerce.number().int().min(0).default(2000),
  BAOCAO_POLL: z.enum(['0', '1', 'true', 'false']).default('0'),
  BAOCAO_RESCAN_MS: z.coerce.number().int().min(0).default(60_000),
  BAOCAO_MAX_UNZIPPED_MB: z.coerce.number().positive().default(200),
  BAOCAO_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  BAOCAO_PARSE_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  BAOCAO_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  BAOCAO_STALLED_MS: z.coerce.number().int().min(200).default(15_000),
  BAOCAO_MAX_STALLED: z.coerce.number().int().min(0).default(3),
  BAOCAO_BACKOFF_MS: z.coerce.number().int().min(1).default(2_000),
  // The district's workspace (`baocao serve`, consolidation, exports).
  BAOCAO_INBOX: z.string().default('./inbox'),
  BAOCAO_SCOPE: z.string().trim().min(1).optional(),
  BAOCAO_DISTRICT: z.string().trim().min(1).optional(),
  BAOCAO_PROVINCE: z.string().trim().min(1).optional(),
  BAOCAO_HOST: z.string().default('127.0.0.1'),
  BAOCAO_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
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
  /** Inbox: how long size and mtime must stay unchanged before a file counts as written (ms). */
  stableMs: number;
  /** Inbox: poll the folder instead of inotify events (network shares). */
  usePolling: boolean;
  /** Inbox: full rescan of the folder every … ms (missed events, queue outages); 0 = never. */
  rescanMs: number;
  /** Limits: largest total uncompressed size of a .docx's (zip's) entries, as declared. */
  maxUnzippedBytes: number;
  /** Limits: time allowed to parse and extract one file (ms). */
  parseTimeoutMs: number;
  /** Limits: heap of the thread that parses one file (MB). */
  parseMemoryMb: number;
  /** Queue: a job's lock lasts this long without renewal; a dead worker's job is recovered after it (ms). */
  lockDurationMs: number;
  /** Queue: how often workers look for stalled jobs (ms). */
  stalledIntervalMs: number;
  /** Queue: a job whose worker died more than this many times fails (to failed/). */
  maxStalledCount: number;
  /** Queue: first retry delay; doubles with each attempt (ms). */
  backoffMs: number;
  /** Folder that received files are saved into (uploads) and watched (`serve --watch`). */
  inboxDir: string;
  /** The district or province this installation serves, as written ('huyện Hiệp Hòa, tỉnh Bắc Giang',
   *  'tỉnh Bắc Ninh'); before district/province. Undefined: BAOCAO_DISTRICT / BAOCAO_PROVINCE. */
  scope: string | undefined;
  /** The district this installation serves (name or GSO code); undefined: the districts the period's reports name. */
  district: string | undefined;
  /** Its province (name or code): needed when the district's name is not unique; alone, it limits to that province. */
  province: string | undefined;
  /** Address and port of `baocao serve`. */
  host: string;
  port: number;
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
    stableMs: e.BAOCAO_STABLE_MS,
    usePolling: e.BAOCAO_POLL === '1' || e.BAOCAO_POLL === 'true',
    rescanMs: e.BAOCAO_RESCAN_MS,
    maxUnzippedBytes: Math.round(e.BAOCAO_MAX_UNZIPPED_MB * 1024 * 1024),
    parseTimeoutMs: e.BAOCAO_PARSE_TIMEOUT_MS,
    parseMemoryMb: e.BAOCAO_PARSE_MEMORY_MB,
    lockDurationMs: e.BAOCAO_LOCK_MS,
    stalledIntervalMs: e.BAOCAO_STALLED_MS,
    maxStalledCount: e.BAOCAO_MAX_STALLED,
    backoffMs: e.BAOCAO_BACKOFF_MS,
    inboxDir: path.resolve(e.BAOCAO_INBOX),
    scope: e.BAOCAO_SCOPE,
    district: e.BAOCAO_DISTRICT,
    province: e.BAOCAO_PROVINCE,
    host: e.BAOCAO_HOST,
    port: e.BAOCAO_PORT,
  };
}

/** The scope setting of the workspace (BAOCAO_SCOPE, else BAOCAO_DISTRICT / BAOCAO_PROVINCE). */
export function scopeSettingOf(config: Pick<Config, 'scope' | 'district' | 'province'>): { scope?: string; district?: string; province?: string } {
  if (config.scope) return { scope: config.scope };
  return { ...(config.district ? { district: config.district } : {}), ...(config.province ? { province: config.province } : {}) };
}

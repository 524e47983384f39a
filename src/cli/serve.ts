// `baocao serve`: the district's workspace (web page + JSON API) in one process.
// Embedded mode (no REDIS_URL): the API, the processor (in-process queue) and, with --watch, the
// inbox watcher share this one process — PGlite cannot be shared between processes.
// Server mode (REDIS_URL): uploads are enqueued to BullMQ for the `baocao worker` processes.
// On start — with or without --watch — what a crash left in the inbox is taken up again: every
// file there (and in failed/, those whose content changed), once stable, is offered like a new
// drop (idempotent per drop), and stale upload temp files are removed.
import { jobsInFlight, settleFailedJob, trackedProcessor } from '../pipeline.ts';
import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildServer } from '../api/server.ts';
import { inProcessIntake, queueIntake, type Intake } from '../api/intake.ts';
import { openApp } from '../app.ts';
import { loadConfig, scopeSettingOf } from '../config.ts';
import { Workspace } from '../consolidate/service.ts';
import { TokensRepository } from '../db/repositories/tokens.ts';
import { userLine } from '../errors.ts';
import { displayName, dropKey, sha256OfFile } from '../inbox/identity.ts';
import { isInside } from '../inbox/safe.ts';
import { listChangedFailed, listInbox, oncePerLink, symlinkLine } from '../inbox/scan.ts';
import { StabilityTracker } from '../inbox/stable.ts';
import { watchInbox } from '../inbox/watch.ts';
import { createBullQueue } from '../queue/bullmq.ts';
import { createInProcessQueue } from '../queue/inprocess.ts';
import { ProgressBoard } from '../queue/progress.ts';
import type { JobQueue } from '../queue/types.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  watch?: boolean;
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const config = loadConfig();
  const app = await openApp(config);
  let queue: (JobQueue & { drain?: () => Promise<void> }) | undefined;
  let watcher: { close(): Promise<void> } | undefined;
  try {
    const workspace = Workspace.fromApp(app, scopeSettingOf(config));
    const tokens = new TokensRepository(app.database.db);
    await mkdir(config.inboxDir, { recursive: true });

    let intake: Intake;
    if (config.redisUrl) {
      const bull = createBullQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix });
      queue = bull;
      intake = queueIntake(bull);
    } else {
      const board = new ProgressBoard();
      const local = createInProcessQueue({
        concurrency: jobsInFlight(config.concurrency),
        processor: trackedProcessor(board, app.deps),
        onFailed: (data, err) => {
          process.stderr.write(`${userLine(data.originalName, err)}\n`);
          void settleFailedJob(data, err, app.deps);
        },
      });
      queue = local;
      intake = inProcessIntake(local, board);
      // Files received from elsewhere (not the inbox, which is scanned below) and never finished: once more.
      for (const f of await app.files.byStatus('received')) {
        if (isInside(config.inboxDir, path.resolve(f.stored_path))) continue;
        void local.run({ path: f.stored_path, sha256: f.sha256, originalName: f.original_name }).catch(() => {});
      }
    }

    const q = queue;
    const rel = (file: string) => displayName(path.relative(config.inboxDir, file));
    const onSymlink = oncePerLink((file: string) => process.stderr.write(`${symlinkLine(rel(file))}\n`));
    const offer = (file: string, st: Stats) => {
      void (async () => {
        try {
          const full = path.resolve(file);
          const sha256 = await sha256OfFile(full, config.inboxDir);
          const { added } = await q.enqueue({
            path: full,
            sha256,
            originalName: displayName(path.basename(full)),
            inbox: config.inboxDir,
            dropKey: dropKey(full, st),
          });
          if (added) process.stderr.write(`Đã nhận: ${rel(file)}\n`);
        } catch (err) {
          process.stderr.write(`${userLine(rel(file), err)}\n`);
        }
      })();
    };

    await removeStaleUploads(config.inboxDir);
    if (opts.watch) {
      // The watcher's first scan takes up what is already there.
      watcher = watchInbox(config.inboxDir, offer, {
        stableMs: config.stableMs,
        usePolling: config.usePolling,
        rescanMs: config.rescanMs,
        onError: (err) => process.stderr.write(`[inbox] ${err.message}\n`),
        onSymlink,
      });
    } else {
      // Without --watch: what a crash left in the inbox (uploads saved, never finished), once.
      const tracker = new StabilityTracker({ stableMs: config.stableMs, onStable: offer, onSymlink });
      const left = [...(await listInbox(config.inboxDir, { onSymlink })), ...(await listChangedFailed(config.inboxDir, { onSymlink }))];
      for (const file of left) tracker.touch(file);
      if (left.length) process.stderr.write(`Tiếp tục xử lý ${left.length} tệp còn lại trong ${config.inboxDir}.\n`);
      watcher = { close: async () => tracker.close() };
    }

    if ((await tokens.countActive('admin')) === 0) {
      const { token } = await tokens.create('Quản trị (tạo khi khởi động)', 'admin');
      process.stderr.write(
        `Chưa có mã truy cập quản trị nào — đã tạo một mã (chỉ hiện lần này, hãy lưu lại):\n  ${token}\n` +
          'Dùng mã này để đăng nhập trang, rồi tạo mã riêng cho từng cán bộ (mục "Mã truy cập").\n',
      );
    }

    const server = await buildServer({
      app,
      workspace,
      tokens,
      intake,
      inboxDir: config.inboxDir,
      maxFileBytes: config.maxFileBytes,
      logger: config.logLevel && config.logLevel !== 'silent' ? { level: config.logLevel } : false,
    });
    const address = await server.listen({ port: opts.port ?? config.port, host: opts.host ?? config.host });
    process.stderr.write(
      `Trang tổng hợp: ${address}/  (${config.mode === 'embedded' ? 'cơ sở dữ liệu nhúng' : 'PostgreSQL'}` +
        `${config.redisUrl ? ', hàng đợi BullMQ' : ', xử lý tệp ngay trong tiến trình này'}` +
        `${opts.watch ? `, theo dõi thư mục ${config.inboxDir}` : ''}). Nhấn Ctrl+C để dừng.\n`,
    );
    const district = workspace.servedDistrictLabel();
    if (!district) process.stderr.write('Chưa đặt BAOCAO_DISTRICT: bảng tổng hợp gồm các huyện mà báo cáo nêu tên.\n');

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stderr.write('Đang dừng…\n');
        resolve();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    await server.close();
  } finally {
    await watcher?.close();
    await queue?.drain?.();
    await queue?.close();
    await app.close();
  }
}

/** Upload temp files (.upload-*.part) older than an hour: an upload a crash cut off. */
async function removeStaleUploads(inbox: string): Promise<void> {
  const names = await readdir(inbox).catch(() => [] as string[]);
  const hourAgo = Date.now() - 3_600_000;
  for (const name of names.filter((n) => /^\.upload-[0-9a-f]+\.part$/.test(n))) {
    const file = path.join(inbox, name);
    const st = await lstat(file).catch(() => null);
    if (st?.isFile() && st.mtimeMs < hourAgo) await rm(file, { force: true });
  }
}

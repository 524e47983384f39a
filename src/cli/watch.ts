import path from 'node:path';
import { openApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { userLine } from '../errors.ts';
import { sha256OfFile } from '../inbox/identity.ts';
import { listInbox } from '../inbox/scan.ts';
import { watchInbox } from '../inbox/watch.ts';
import { createBullQueue } from '../queue/bullmq.ts';
import { createInProcessQueue } from '../queue/inprocess.ts';
import type { JobQueue } from '../queue/types.ts';

/** Enqueues each new file of the inbox once (job id = its sha256). With REDIS_URL the jobs go to
 *  BullMQ for the workers; without, they run in this process on the embedded database. */
export async function watchCommand(inbox: string, opts: { once?: boolean }): Promise<void> {
  const config = loadConfig();
  let app: App | null = null;
  let queue: JobQueue & { drain?: () => Promise<void> };
  if (config.redisUrl) {
    queue = await createBullQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix });
  } else {
    app = await openApp(config);
    queue = createInProcessQueue({ concurrency: config.concurrency, processor: app.processor });
  }
  const enqueue = async (file: string) => {
    try {
      const sha256 = await sha256OfFile(file);
      const { added } = await queue.enqueue({ path: path.resolve(file), sha256, originalName: path.basename(file) });
      process.stderr.write(`${added ? 'Đã nhận' : 'Đã có trong hàng đợi'}: ${path.relative(inbox, file)}\n`);
    } catch (err) {
      process.stderr.write(`${userLine(file, err)}\n`);
    }
  };
  const shutdown = async () => {
    await queue.drain?.();
    await queue.close();
    await app?.close();
  };
  if (opts.once) {
    for (const file of await listInbox(inbox)) await enqueue(file);
    await shutdown();
    return;
  }
  const watcher = watchInbox(inbox, (file) => void enqueue(file));
  process.stderr.write(`Đang theo dõi ${inbox}. Nhấn Ctrl+C để dừng.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void watcher.close().then(shutdown).then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

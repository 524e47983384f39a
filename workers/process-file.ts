// The BullMQ worker: a thin shell around the one job processor (src/pipeline.ts).
import { openApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { log } from '../src/log.ts';
import { startBullWorker } from '../src/queue/bullmq.ts';

export interface RunningWorker {
  close(): Promise<void>;
}

export async function runWorker(config: Config, opts: { concurrency?: number } = {}): Promise<RunningWorker> {
  if (!config.redisUrl || !config.databaseUrl) {
    throw new Error('worker cần DATABASE_URL và REDIS_URL (chế độ nhúng dùng "baocao ingest" hoặc "baocao watch")');
  }
  const app = await openApp(config);
  const worker = await startBullWorker({
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    concurrency: opts.concurrency ?? config.concurrency,
    processor: async (data) => {
      const result = await app.processor(data);
      log.info({ file: data.originalName, status: result.status, reportId: result.reportId }, 'job done');
      return result;
    },
  });
  return {
    async close() {
      await worker.close(); // finishes the job in hand, starts no new one
      await app.close();
    },
  };
}

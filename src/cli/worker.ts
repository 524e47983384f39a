import { loadConfig } from '../config.ts';
import { runWorker } from '../../workers/process-file.ts';

export async function workerCommand(opts: { concurrency?: number }): Promise<void> {
  const config = loadConfig();
  const worker = await runWorker(config, opts);
  process.stderr.write(`Worker đang chạy (đồng thời ${opts.concurrency ?? config.concurrency} việc). Nhấn Ctrl+C để dừng.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write('Đang dừng: hoàn tất việc đang làm…\n');
      void worker.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

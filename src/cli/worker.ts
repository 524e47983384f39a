import { loadConfig } from '../config.ts';
import { untilShutdown } from '../queue/shutdown.ts';
import { runWorker } from '../../workers/process-file.ts';

/** `baocao worker`: processes jobs until SIGTERM/SIGINT; then the jobs in hand finish and no new
 *  one starts (a second signal stops at once: the cut job is recovered by another worker). */
export async function workerCommand(opts: { concurrency?: number }): Promise<void> {
  const config = loadConfig();
  const worker = await runWorker(config, opts);
  process.stderr.write(`Worker đang chạy (đồng thời ${opts.concurrency ?? config.concurrency} việc, pid ${process.pid}). Nhấn Ctrl+C để dừng.\n`);
  await untilShutdown(() => worker.close(), {
    onSignal: () => process.stderr.write('Đang dừng: hoàn tất việc đang làm, không nhận việc mới…\n'),
  });
  process.stderr.write('Worker đã dừng.\n');
}

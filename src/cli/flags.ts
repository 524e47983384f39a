import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';

export async function flagsCommand(opts: { period: string; json?: boolean }): Promise<void> {
  const app = await openApp(loadConfig());
  try {
    const flags = await app.reports.flagsForPeriod(opts.period);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(flags, null, 2)}\n`);
      return;
    }
    if (flags.length === 0) {
      process.stdout.write(`Kỳ ${opts.period}: không có cảnh báo.\n`);
      return;
    }
    process.stdout.write(`Kỳ ${opts.period}: ${flags.length} cảnh báo\n`);
    for (const f of flags) {
      process.stdout.write(`- ${f.commune ?? '(không rõ)'} [${f.code}] ${f.message}\n`);
      for (const ev of f.evidence) process.stdout.write(`    « ${ev} »\n`);
    }
  } finally {
    await app.close();
  }
}

import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { renderConsolidated, type TableFormat } from '../consolidate/format.ts';
import { consolidatedFor } from '../consolidate/service.ts';

export async function consolidateCommand(opts: { period: string; format: string }): Promise<void> {
  if (!['table', 'csv', 'json'].includes(opts.format)) throw new Error(`định dạng không hỗ trợ: ${opts.format} (table | csv | json)`);
  const app = await openApp(loadConfig());
  try {
    const table = await consolidatedFor(app.reports, opts.period);
    process.stdout.write(renderConsolidated(table, opts.format as TableFormat));
  } finally {
    await app.close();
  }
}

import { writeFile } from 'node:fs/promises';
import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { renderConsolidated, type TableFormat } from '../consolidate/format.ts';
import { Workspace } from '../consolidate/service.ts';
import { renderXlsx } from '../consolidate/xlsx.ts';

const FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;

/** `baocao consolidate --period P [--format table|csv|json|xlsx] [--out FILE]`: every commune of the
 *  district (BAOCAO_DISTRICT, else the districts the reports name), corrections applied. */
export async function consolidateCommand(opts: { period: string; format: string; out?: string }): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new Error(`định dạng không hỗ trợ: ${opts.format} (${FORMATS.join(' | ')})`);
  if (opts.format === 'xlsx' && !opts.out) throw new Error('định dạng xlsx cần --out TỆP (ví dụ --out tong-hop-2024-H1.xlsx)');
  const config = loadConfig();
  const app = await openApp(config);
  try {
    const workspace = Workspace.fromApp(app, { district: config.district, province: config.province });
    const table = await workspace.consolidated(opts.period);
    if (opts.format === 'xlsx') {
      await writeFile(opts.out!, await renderXlsx(table, { heading: workspace.servedDistrictLabel() }));
      process.stderr.write(`Đã ghi ${opts.out}\n`);
      return;
    }
    const text = renderConsolidated(table, opts.format as TableFormat);
    if (opts.out) {
      await writeFile(opts.out, opts.format === 'csv' ? `\ufeff${text}` : text);
      process.stderr.write(`Đã ghi ${opts.out}\n`);
    } else {
      process.stdout.write(text);
    }
  } finally {
    await app.close();
  }
}

import { writeFile } from 'node:fs/promises';
import { openApp } from '../app.ts';
import { loadConfig, scopeSettingOf } from '../config.ts';
import { renderConsolidated, type TableFormat } from '../consolidate/format.ts';
import { Workspace } from '../consolidate/service.ts';
import { periodWorkbook } from '../workspace/exports.ts';

const FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;

/** `baocao consolidate --period P [--scope NAME] [--format table|csv|json|xlsx] [--out FILE]`: every unit
 *  of the scope in force for the period (--scope, else BAOCAO_SCOPE / BAOCAO_DISTRICT, else the
 *  districts or provinces the reports name), with those that have not reported; corrections applied. */
export async function consolidateCommand(opts: { period: string; format: string; out?: string; scope?: string }): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new Error(`định dạng không hỗ trợ: ${opts.format} (${FORMATS.join(' | ')})`);
  if (opts.format === 'xlsx' && !opts.out) throw new Error('định dạng xlsx cần --out TỆP (ví dụ --out tong-hop-2024-H1.xlsx)');
  const config = loadConfig();
  const app = await openApp(config);
  try {
    const workspace = Workspace.fromApp(app, scopeSettingOf(config));
    const table = await workspace.consolidated(opts.period, opts.scope);
    if (opts.format === 'xlsx') {
      await writeFile(opts.out!, await periodWorkbook(workspace, opts.period, opts.scope));
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

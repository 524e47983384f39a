import { openApp } from '../app.ts';
import { loadConfig, scopeSettingOf } from '../config.ts';
import { Workspace } from '../consolidate/service.ts';
import { FLAG_STATE_LABELS, periodName } from '../labels.ts';

/** `baocao flags --period P [--commune X] [--code C] [--json]`: the flags of each report and the
 *  checks across reports (missing submissions, duplicates, resubmissions, units outside the district). */
export async function flagsCommand(opts: { period: string; json?: boolean; commune?: string; code?: string; scope?: string }): Promise<void> {
  const config = loadConfig();
  const app = await openApp(config);
  try {
    const workspace = Workspace.fromApp(app, scopeSettingOf(config));
    const flags = await workspace.flags(opts.period, { commune: opts.commune, code: opts.code }, opts.scope);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(flags, null, 2)}\n`);
      return;
    }
    if (flags.length === 0) {
      process.stdout.write(`${periodName(opts.period)}: không có cảnh báo.\n`);
      return;
    }
    process.stdout.write(`${periodName(opts.period)}: ${flags.length} cảnh báo, ${flags.filter((f) => f.state === 'open').length} chưa xử lý\n`);
    for (const f of flags) {
      process.stdout.write(`- ${f.commune ?? f.district ?? '(không rõ)'} [${f.code}] ${f.message}${f.state && f.state !== 'open' ? ` — ${FLAG_STATE_LABELS[f.state].toLowerCase()}${f.stateBy ? `: ${f.stateBy}` : ''}${f.stateNote ? `, ${f.stateNote}` : ''}` : ''}\n`);
      for (const ev of f.evidence) process.stdout.write(`    « ${ev} »\n`);
    }
  } finally {
    await app.close();
  }
}

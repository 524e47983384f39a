// A commune sends a corrected report for the same period: the new one becomes current, the
// earlier one is kept, and the values that changed are recorded (resubmissions tables).
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { diffValues, ResubmissionsRepository } from '../src/db/repositories/resubmissions.ts';
import { dropKey, sha256OfFile } from '../src/inbox/identity.ts';
import { pipelineDeps, processFile, type PipelineDeps } from '../src/pipeline.ts';
import { readZip, writeZip } from '../scripts/make-bad-fixtures.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

const SEED_DOCX = path.resolve('samples/seed/dong-lo-2024-h1.docx');

let t: TestDatabase;
let app: App;
let deps: PipelineDeps;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  app = createApp(t);
  deps = pipelineDeps(app, loadConfig({}));
  dir = await mkdtemp(path.join(tmpdir(), 'baocao-resub-'));
});
afterAll(async () => {
  await t?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** The seed report with some of its text replaced (a corrected version). */
async function editedSeed(replacements: [string, string][]): Promise<Buffer> {
  const entries = await readZip(await readFile(SEED_DOCX));
  const doc = entries.find((e) => e.name === 'word/document.xml')!;
  let xml = doc.data.toString('utf8');
  for (const [from, to] of replacements) {
    expect(xml).toContain(from);
    xml = xml.split(from).join(to);
  }
  doc.data = Buffer.from(xml, 'utf8');
  return writeZip(entries);
}

async function drop(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return {
    path: file,
    sha256: await sha256OfFile(file),
    originalName: name,
    inbox: dir,
    dropKey: dropKey(file, await stat(file)),
  };
}

describe('resubmission', () => {
  it('diffs flattened values by path', () => {
    const v = (path: string, num: number | null, text: string | null = null) => ({ path, value_num: num, value_text: text });
    expect(
      diffValues(
        [v('profile.population', 17128), v('unit.commune', null, 'Đông Lỗ'), v('surveys.done', 3)],
        [v('profile.population', 17250), v('unit.commune', null, 'Đông Lỗ'), v('budget.planned.total', 10)],
      ),
    ).toEqual([
      { path: 'budget.planned.total', before: null, after: 10 },
      { path: 'profile.population', before: 17128, after: 17250 },
      { path: 'surveys.done', before: 3, after: null },
    ]);
  });

  it('the second report becomes current, the first is kept, the changed fields are recorded', async () => {
    const first = await processFile(await drop('dong-lo.docx', await readFile(SEED_DOCX)), deps);
    expect(first.status).toBe('processed');
    // the corrected version, sent a few days later: population and households changed
    const corrected = await drop('dong-lo (sửa).docx', await editedSeed([['17.128 nhân khẩu', '17.250 nhân khẩu'], ['3.807 hộ', '3.815 hộ']]));
    const second = await processFile(corrected, deps);
    expect(second.status).toBe('processed');

    const current = await app.reports.listCurrent('2024-H1');
    expect(current.map((r) => r.id)).toEqual([second.reportId]);
    expect((await app.reports.get(first.reportId!))!.is_current).toBe(false);
    expect((await app.reports.history('2024-H1', 'Đông Lỗ', 'Hiệp Hòa')).map((r) => r.id)).toEqual([second.reportId, first.reportId]);

    const repo = new ResubmissionsRepository(t.db);
    const recorded = (await repo.get(second.reportId!))!;
    expect(recorded.previousReportId).toBe(first.reportId);
    expect(recorded.changes).toEqual([
      { path: 'profile.households', before: 3807, after: 3815 },
      { path: 'profile.population', before: 17128, after: 17250 },
    ]);
    expect(await repo.get(first.reportId!)).toBeUndefined(); // the first had no predecessor

    // a retried job records nothing twice
    expect(await repo.recordFor(second.reportId!)).toEqual(recorded);
    const rows = await t.db
      .withTables<{ resubmission_changes: { report_id: number } }>()
      .selectFrom('resubmission_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('report_id', '=', second.reportId!)
      .executeTakeFirstOrThrow();
    expect(rows.n).toBe(2);
  });

  it('the same report as PDF after the corrected .docx: a resubmission of its own, differences listed', async () => {
    const pdf = await processFile(await drop('dong-lo.pdf', await readFile(path.resolve('samples/seed/dong-lo-2024-h1.pdf'))), deps);
    expect(pdf.status).toBe('processed');
    const rec = (await new ResubmissionsRepository(t.db).get(pdf.reportId!))!;
    // back to the original figures
    expect(rec.changes).toEqual(
      expect.arrayContaining([
        { path: 'profile.households', before: 3815, after: 3807 },
        { path: 'profile.population', before: 17250, after: 17128 },
      ]),
    );
    expect(await app.reports.count('2024-H1')).toBe(3);
  });
});

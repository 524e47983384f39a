// The whole path on real parts: sample reports → queue → processor → database → consolidated table,
// once in the embedded mode (PGlite + in-process queue) and once in the server mode
// (PostgreSQL + BullMQ on Redis). Both must store the same and give the same table.
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { consolidatedFor } from '../src/consolidate/service.ts';
import type { ConsolidatedTable } from '../src/consolidate/table.ts';
import { sha256OfFile } from '../src/inbox/identity.ts';
import { listInbox } from '../src/inbox/scan.ts';
import { createBullQueue, startBullWorker } from '../src/queue/bullmq.ts';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import type { ProcessFileData, ProcessResult } from '../src/queue/types.ts';
import { cleanupRedisPrefix, createTestDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from './helpers/db.ts';

const SAMPLES_INBOX = path.resolve('samples/inbox');
const PERIOD = '2024-H1';

let inbox: string;
let reportFiles: string[];

/** A test inbox: the sample reports, one of them dropped a second time under another name,
 *  and a file that is not a report at all. */
beforeAll(async () => {
  inbox = await mkdtemp(path.join(tmpdir(), 'baocao-inbox-'));
  reportFiles = (await readdir(SAMPLES_INBOX)).filter((f) => /\.(docx|pdf)$/.test(f)).sort();
  for (const f of reportFiles) await copyFile(path.join(SAMPLES_INBOX, f), path.join(inbox, f));
  await copyFile(path.join(SAMPLES_INBOX, reportFiles[0]!), path.join(inbox, `bản sao ${reportFiles[0]}`));
  await writeFile(path.join(inbox, 'ghi chu.docx'), 'đây không phải tệp Word');
});

afterAll(async () => {
  await rm(inbox, { recursive: true, force: true });
});

async function jobsOf(dir: string): Promise<ProcessFileData[]> {
  const out: ProcessFileData[] = [];
  for (const file of await listInbox(dir)) {
    out.push({ path: file, sha256: await sha256OfFile(file), originalName: path.basename(file) });
  }
  return out;
}

function tally(results: ProcessResult[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const r of results) t[r.status] = (t[r.status] ?? 0) + 1;
  return t;
}

/** The table without the ids the database assigned. */
function comparable(t: ConsolidatedTable): unknown {
  return JSON.parse(JSON.stringify(t, (k, v) => (k === 'reportId' ? undefined : v)));
}

async function checkStored(app: App, expectedReports: number): Promise<ConsolidatedTable> {
  const table = await consolidatedFor(app.reports, PERIOD);
  // Every report stored once; a second report of the same commune and period (the seed as .docx
  // and as .pdf) is kept but only the current one is a row of the table.
  expect(await app.reports.count(PERIOD)).toBe(expectedReports);
  const rows = table.districts.flatMap((d) => d.rows);
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => `${r.district}/${r.commune}`)).size).toBe(rows.length);
  const failed = await app.files.byStatus('failed');
  expect(failed.map((f) => f.original_name)).toEqual(['ghi chu.docx']);
  expect(failed[0]!.error_message).toMatch(/không phải tệp Word/);
  return table;
}

describe('pipeline, both modes', () => {
  let embeddedTable: ConsolidatedTable;
  let serverTable: ConsolidatedTable;
  let embeddedDb: TestDatabase;
  let serverDb: TestDatabase;
  const prefix = uniquePrefix();

  afterAll(async () => {
    await embeddedDb?.cleanup();
    await serverDb?.cleanup();
    await cleanupRedisPrefix(prefix, testRedisUrl());
  });

  it('embedded: PGlite + in-process queue stores every report once', async () => {
    embeddedDb = await createTestDatabase('pglite');
    const app = createApp(embeddedDb);
    const queue = createInProcessQueue({ concurrency: 2, processor: app.processor });
    const jobs = await jobsOf(inbox);
    const results = await Promise.all(jobs.map((j) => queue.run(j)));
    await queue.close();
    // The copy has the same sha256 as its original: same job id, so it is not run twice.
    const t = tally(results);
    expect(t.failed).toBe(1);
    expect((t.processed ?? 0) + (t.not_a_report ?? 0)).toBe(reportFiles.length + 1);
    embeddedTable = await checkStored(app, reportFiles.length);
    // Running the same files again stores nothing new.
    const again = createInProcessQueue({ concurrency: 2, processor: app.processor });
    await Promise.all(jobs.map((j) => again.run(j)));
    await again.close();
    expect(await app.reports.count(PERIOD)).toBe(reportFiles.length);
  });

  it('server: PostgreSQL + BullMQ worker stores the same', async () => {
    serverDb = await createTestDatabase('postgres');
    const app = createApp(serverDb);
    const redisUrl = testRedisUrl();
    const jobs = await jobsOf(inbox);
    const queue = createBullQueue({ redisUrl, prefix });
    const added = [];
    for (const j of jobs) added.push((await queue.enqueue(j)).added);
    // The copy of a report has the same content: its job id exists already.
    expect(added.filter((a) => !a).length).toBe(1);
    const expected = added.filter(Boolean).length;
    const results: ProcessResult[] = [];
    const done = new Promise<void>((resolve) => {
      void startBullWorker({
        redisUrl,
        prefix,
        concurrency: 2,
        processor: app.processor,
        onCompleted: (_d, r) => {
          results.push(r);
          if (results.length === expected) resolve();
        },
      }).then((w) => done.then(() => w.close()));
    });
    await done;
    await queue.close();
    expect(tally(results).failed).toBe(1);
    serverTable = await checkStored(app, reportFiles.length);
  });

  it('both modes give the same consolidated table', () => {
    expect(comparable(serverTable)).toEqual(comparable(embeddedTable));
    const d = embeddedTable.districts.find((x) => x.district === 'Hiệp Hòa');
    expect(d).toBeDefined();
    const dongLo = d!.rows.find((r) => r.commune === 'Đông Lỗ');
    expect(dongLo?.population).toBe(17128);
    // Totals are the sums of the rows.
    const sum = d!.rows.reduce((a, r) => a + (r.population ?? 0), 0);
    expect(d!.totals.population).toBe(sum);
  });
});

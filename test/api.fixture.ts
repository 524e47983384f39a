// A district workspace filled the real way, for the API, export and page tests: the sample
// reports (samples/inbox + a few of samples/generated) copied to a temporary folder and run
// through the app's own processor into a real database, then a resubmission of one commune
// with a changed figure. The district served is huyện Hiệp Hòa (Bắc Giang).
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { createApp, type App } from '../src/app.ts';
import { Workspace } from '../src/consolidate/service.ts';
import type { DatabaseKind } from '../src/db/database.ts';
import { TokensRepository, type TokenRole } from '../src/db/repositories/tokens.ts';
import { sha256OfFile } from '../src/inbox/identity.ts';
import { createInProcessQueue, type InProcessQueue } from '../src/queue/inprocess.ts';
import type { ProcessResult } from '../src/queue/types.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

export const PERIOD = '2024-H1';
export const DISTRICT = 'Hiệp Hòa';
export const PROVINCE = 'Bắc Giang';

export interface SampleEntry {
  file: string;
  period: string;
  district: string;
  commune: string;
  communeKind: string;
  notAReport?: boolean;
}

/** samples/generated/index.json: what each generated report is (the set is regenerated at times,
 *  so the tests pick their samples by what they are, not by file name). */
export async function sampleIndex(): Promise<SampleEntry[]> {
  return JSON.parse(await readFile(path.resolve('samples/generated/index.json'), 'utf8')) as SampleEntry[];
}

export interface Expected {
  profile: { population: number | null };
  unit: { commune: string };
}

/** The expected extraction of a sample (the seed's is in samples/seed). */
export async function expectedOf(sample: string): Promise<Expected> {
  const base = sample.replace(/\.(docx|pdf)$/, '');
  const dir = base.startsWith('dong-lo') ? 'samples/seed' : 'samples/generated';
  return JSON.parse(await readFile(path.resolve(dir, `${base}.expected.json`), 'utf8')) as Expected;
}

export interface SamplePlan {
  /** samples/inbox: the seed (.docx and .pdf, the same report) and reports of Hiệp Hòa, 2024-H1. */
  inbox: string[];
  /** The communes those report (the district's reporters for 2024-H1). */
  reporters: string[];
  /** A 2024-H1 report of another district (UNIT_OUTSIDE_DISTRICT). */
  outside: SampleEntry;
  /** A 2025-H1 report of Hiệp Hòa (another period). */
  otherPeriod: SampleEntry;
  /** Left for the upload tests: another district's 2024-H1 report, and a Hiệp Hòa whole-year report. */
  uploadOutside: SampleEntry;
  uploadYear: SampleEntry;
  /** The inbox report resubmitted with its population changed. */
  resubmitted: { file: string; commune: string; population: number; name: string; delta: number };
}

const inGenerated = (f: string) => path.resolve('samples/generated', f);

export async function samplePlan(): Promise<SamplePlan> {
  const index = (await sampleIndex()).filter((e) => !e.notAReport);
  const inbox = (await readdir('samples/inbox')).filter((f) => /\.(docx|pdf)$/.test(f)).sort();
  const reporters = [...new Set(await Promise.all(inbox.map(async (f) => (await expectedOf(f)).unit.commune)))].sort();
  const pick = (what: string, ok: (e: SampleEntry) => boolean) => {
    const found = index.find(ok);
    if (!found) throw new Error(`samples/generated has no ${what}: update test/api.fixture.ts`);
    return found;
  };
  const outside = pick('2024-H1 report of another district', (e) => e.period === PERIOD && e.district !== DISTRICT);
  const uploadOutside = pick('second 2024-H1 report of another district', (e) => e.period === PERIOD && e.district !== DISTRICT && e.commune !== outside.commune);
  const otherPeriod = pick('2025-H1 report of Hiệp Hòa', (e) => e.period === '2025-H1' && e.district === DISTRICT);
  const uploadYear = pick('whole-year report of Hiệp Hòa', (e) => e.period === '2024' && e.district === DISTRICT);
  // The resubmission: an inbox .docx whose population is written once in its text.
  let resubmitted: SamplePlan['resubmitted'] | undefined;
  for (const f of inbox.filter((x) => x.endsWith('.docx') && !x.startsWith('dong-lo'))) {
    const e = await expectedOf(f);
    const population = e.profile.population;
    if (population === null) continue;
    const xml = await documentXml(path.resolve('samples/inbox', f));
    if (occurrences(xml, population) !== 1) continue;
    resubmitted = { file: f, commune: e.unit.commune, population, name: `${f.replace(/\.docx$/, '')} (gửi lại).docx`, delta: 100 };
    break;
  }
  if (!resubmitted) throw new Error('samples/inbox has no .docx whose population is written once: update test/api.fixture.ts');
  return { inbox, reporters, outside, otherPeriod, uploadOutside, uploadYear, resubmitted };
}

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return zip.file('word/document.xml')!.async('string');
}

/** How often a number is written (Vietnamese style, '9.541') as a whole number in the text. */
function occurrences(xml: string, n: number): number {
  const written = n.toLocaleString('vi-VN').replace(/\./g, '\\.');
  return [...xml.matchAll(new RegExp(`(?<![\\d.,])${written}(?![\\d]|[.,]\\d)`, 'g'))].length;
}

/** A real report with its population changed by `delta`: the .docx re-zipped with one number replaced. */
export async function changedReport(source: string, target: string, population: number, delta: number): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(source));
  const xml = await zip.file('word/document.xml')!.async('string');
  const written = population.toLocaleString('vi-VN').replace(/\./g, '\\.');
  const changed = xml.replace(new RegExp(`(?<![\\d.,])${written}(?![\\d]|[.,]\\d)`), (population + delta).toLocaleString('vi-VN'));
  if (changed === xml) throw new Error(`${source} does not state the population ${population}`);
  zip.file('word/document.xml', changed);
  await writeFile(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export interface Workbench {
  db: TestDatabase;
  app: App;
  workspace: Workspace;
  tokens: TokensRepository;
  queue: InProcessQueue;
  /** Where the processed copies of the samples are. */
  files: string;
  /** An empty inbox for uploads. */
  inbox: string;
  /** One token per role. */
  token: Record<TokenRole, string>;
  results: Map<string, ProcessResult>;
  plan: SamplePlan;
  /** The population the resubmitted report states (the original's + delta). */
  resubmittedPopulation: number;
  cleanup(): Promise<void>;
}

export async function createWorkbench(kind: DatabaseKind = 'pglite'): Promise<Workbench> {
  const db = await createTestDatabase(kind);
  const app = createApp(db);
  const files = await mkdtemp(path.join(tmpdir(), 'baocao-files-'));
  const inbox = await mkdtemp(path.join(tmpdir(), 'baocao-inbox-'));
  const queue = createInProcessQueue({ concurrency: 2, processor: app.processor });
  const results = new Map<string, ProcessResult>();
  const run = async (file: string) => {
    const r = await queue.run({ path: file, sha256: await sha256OfFile(file), originalName: path.basename(file) });
    results.set(path.basename(file), r);
    if (r.status !== 'processed') throw new Error(`${path.basename(file)}: ${r.status} ${r.message ?? ''}`);
    return r;
  };
  try {
    const plan = await samplePlan();
    const sources = [
      ...plan.inbox.map((f) => path.resolve('samples/inbox', f)),
      inGenerated(plan.outside.file),
      inGenerated(plan.otherPeriod.file),
    ];
    const copies: string[] = [];
    for (const s of sources) {
      const c = path.join(files, path.basename(s));
      await copyFile(s, c);
      copies.push(c);
    }
    await Promise.all(copies.map(run));

    // The resubmission: received after everything else.
    const { resubmitted } = plan;
    const resubmission = path.join(files, resubmitted.name);
    await changedReport(path.resolve('samples/inbox', resubmitted.file), resubmission, resubmitted.population, resubmitted.delta);
    await run(resubmission);

    const workspace = new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: { district: DISTRICT, province: PROVINCE } });
    const tokens = new TokensRepository(db.db);
    const token = {
      viewer: (await tokens.create('Cán bộ xem', 'viewer')).token,
      editor: (await tokens.create('Nguyễn Thị Biên Tập', 'editor')).token,
      admin: (await tokens.create('Quản trị huyện', 'admin')).token,
    };
    return {
      db, app, workspace, tokens, queue, files, inbox, token, results, plan,
      resubmittedPopulation: resubmitted.population + resubmitted.delta,
      async cleanup() {
        await queue.close();
        await db.cleanup();
        await rm(files, { recursive: true, force: true });
        await rm(inbox, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await queue.close();
    await db.cleanup();
    await rm(files, { recursive: true, force: true });
    await rm(inbox, { recursive: true, force: true });
    throw err;
  }
}

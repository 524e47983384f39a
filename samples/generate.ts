// Generates the sample reports and their expected results (deterministic: same seed, same files).
//
//   npm run samples                       # seed + 60 reports + 5 other documents + inbox
//   npx tsx samples/generate.ts --count 12 --out /tmp/x --skip-seed --no-inbox
//   npx tsx samples/generate.ts --out /tmp/x --skip-seed --no-inbox
//
// Writes:
//   samples/seed/dong-lo-2024-h1.{docx,pdf}          the seed rebuilt (its expected JSON is hand-written)
//   samples/generated/<id>.{docx|pdf}                one file per report (and per not-a-report document)
//   samples/generated/<id>.expected.json             its expected extraction (samples/lib/expected.ts)
//   samples/generated/index.json                     the list of samples
//   samples/inbox/                                   the seed and the first Hiệp Hòa 2024-H1 reports (copies)
//   samples/pdf-producers/<id>-<producer>.{pdf,expected.json}  PDFs from Chromium, borderless tables
//   samples/scans/<id>-scan.{pdf,expected.json}      scans of a few generated PDFs (lib/scan-set.ts; --no-scans)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeReport, fileExtension, type ComposedReport } from './lib/compose.ts';
import { formatExpected } from './lib/expected.ts';
import { planLegacy, writeLegacySamples } from './lib/legacy-word.ts';
import { composeOther, planOthers } from './lib/others.ts';
import { writeDocxAndPdf, ymdOfIso } from './lib/outputs.ts';
import { planPdfProducers, writePdfProducerSamples } from './lib/pdf-producers.ts';
import { DEFAULT_COUNT, DEFAULT_SEED, planReports } from './lib/plan.ts';
import { renderDocx } from './lib/render-docx.ts';
import { writeScans } from './lib/scan-set.ts';
import { toNfd } from './lib/model.ts';
import { renderHtml } from './lib/render-html.ts';
import { docxToPdf, htmlToDocx, sofficeAvailable } from './lib/soffice.ts';
import { normalizeDocx, normalizePdf } from './lib/zip.ts';
import { SEED_DIR, SEED_ID, seedModel } from './seed/build-seed.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const GENERATED_DIR = join(HERE, 'generated');
export const INBOX_DIR = join(HERE, 'inbox');
/** Legacy Word forms of some reports: .doc, TCVN3/VNI fonts (lib/legacy-word.ts). */
export const LEGACY_DIR = join(HERE, 'legacy-word');
/** PDFs of some reports from other producers: Chromium, borderless annex tables (lib/pdf-producers.ts). */
export const PDF_PRODUCERS_DIR = join(HERE, 'pdf-producers');
/** Scans of some generated PDFs (lib/scan-set.ts); written with the default output folder only. */
export const SCAN_DIR = join(HERE, 'scans');
/** How many generated reports go to the inbox (with the seed's .docx and .pdf). */
const INBOX_REPORTS = 4;

export interface GenerateOptions {
  count?: number;
  seed?: string;
  /** Add the documents that are not reports (lib/others.ts); default true. */
  others?: boolean;
}

/** The whole data/text layer, no I/O: every report (and other document) composed, with its expected result. */
export function composeAll(opts: GenerateOptions = {}): ComposedReport[] {
  const seed = opts.seed ?? DEFAULT_SEED;
  const specs = planReports(opts.count ?? DEFAULT_COUNT, seed);
  const reports = specs.map(composeReport);
  if (opts.others === false) return reports;
  const units = [...new Map(specs.map((s) => [s.unit.communeCode, s.unit])).values()];
  return [...reports, ...planOthers(units, seed, specs.length).map(composeOther)];
}

/** Renders the reports into `outDir` (one soffice call per conversion step). Returns the written paths. */
export async function writeReports(reports: ComposedReport[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'baocao-samples-'));
  const written: string[] = [];
  try {
    const htmlDir = join(tmp, 'html'), loDir = join(tmp, 'lo'), libDir = join(tmp, 'lib'), pdfDir = join(tmp, 'pdf');
    for (const d of [htmlDir, loDir, libDir, pdfDir]) mkdirSync(d);
    const byId = new Map(reports.map((r) => [r.spec.id, r]));
    const html: string[] = [];
    const toPdf: string[] = [];
    for (const r of reports) {
      const { id, output } = r.spec;
      const model = output.endsWith('-nfd') ? toNfd(r.model) : r.model;
      if (output === 'docx' || output === 'docx-nfd') {
        const p = join(outDir, `${id}.docx`);
        writeFileSync(p, await renderDocx(model));
        written.push(p);
      } else if (output === 'pdf-docx' || output === 'pdf-nfd') {
        const p = join(libDir, `${id}.docx`);
        writeFileSync(p, await renderDocx(model));
        toPdf.push(p);
      } else {
        const p = join(htmlDir, `${id}.html`);
        writeFileSync(p, renderHtml(model));
        html.push(p);
      }
    }
    if (html.length || toPdf.length) {
      if (!sofficeAvailable()) throw new Error('LibreOffice (soffice) is needed for the .docx/.pdf made through it');
    }
    for (const docx of await htmlToDocx(html, loDir)) {
      const id = docx.slice(loDir.length + 1, -'.docx'.length);
      const r = byId.get(id)!;
      if (r.spec.output === 'docx-lo' || r.spec.output === 'docx-lo-nfd') {
        const p = join(outDir, `${id}.docx`);
        writeFileSync(p, normalizeDocx(readFileSync(docx), r.model.created));
        written.push(p);
      } else toPdf.push(docx);
    }
    for (const pdf of await docxToPdf(toPdf, pdfDir)) {
      const id = pdf.slice(pdfDir.length + 1, -'.pdf'.length);
      const r = byId.get(id)!;
      const p = join(outDir, `${id}.pdf`);
      writeFileSync(p, normalizePdf(readFileSync(pdf), ymdOfIso(r.model.created)));
      written.push(p);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

/** Writes `<id>.expected.json` for each report and `index.json`. */
export function writeExpected(reports: ComposedReport[], outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const r of reports) writeFileSync(join(outDir, `${r.spec.id}.expected.json`), formatExpected(r.expected));
  const index = reports.map((r) => ({
    id: r.spec.id,
    file: `${r.spec.id}.${fileExtension(r.spec.output)}`,
    expected: `${r.spec.id}.expected.json`,
    output: r.spec.output,
    period: r.spec.period,
    province: r.spec.unit.province,
    district: r.spec.unit.district,
    commune: r.spec.unit.commune,
    communeKind: r.spec.unit.communeKind,
    communeCode: r.spec.unit.communeCode,
    expectedFlags: r.expected.expectedFlags,
    ...(r.expected.notAReport ? { notAReport: true } : {}),
  }));
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

/** Removes files in `dir` that this run did not write (reports of an earlier, larger plan). */
function removeStale(dir: string, keep: Set<string>): string[] {
  const removed: string[] = [];
  for (const f of readdirSync(dir)) {
    if (/\.(docx|pdf|expected\.json)$/.test(f) && !keep.has(f)) {
      rmSync(join(dir, f));
      removed.push(f);
    }
  }
  return removed;
}

function parseArgs(argv: string[]) {
  const args = { count: DEFAULT_COUNT, seed: DEFAULT_SEED, out: GENERATED_DIR, seedFiles: true, inbox: true, others: true, scans: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--count') args.count = Number(value());
    else if (a === '--seed') args.seed = value();
    else if (a === '--out') args.out = resolve(value());
    else if (a === '--skip-seed') args.seedFiles = false;
    else if (a === '--no-inbox') args.inbox = false;
    else if (a === '--no-others') args.others = false;
    else if (a === '--no-scans') args.scans = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: tsx samples/generate.ts [--count N] [--seed S] [--out DIR] [--skip-seed] [--no-inbox] [--no-others] [--no-scans]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.count) || args.count < 1) throw new Error('--count must be a positive integer');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (args.seedFiles) {
    for (const f of await writeDocxAndPdf(seedModel(), SEED_ID, SEED_DIR)) console.log('seed     ', f);
  }
  const reports = composeAll({ count: args.count, seed: args.seed, others: args.others });
  const written = await writeReports(reports, args.out);
  writeExpected(reports, args.out);
  const keep = new Set(reports.flatMap((r) => [`${r.spec.id}.${fileExtension(r.spec.output)}`, `${r.spec.id}.expected.json`]));
  for (const f of removeStale(args.out, keep)) console.log('removed  ', f);
  const legacy = await writeLegacySamples(planLegacy(reports), args.out === GENERATED_DIR ? LEGACY_DIR : join(args.out, 'legacy-word'));
  console.log('legacy   ', legacy.length / 2, 'files (.doc, TCVN3/VNI fonts)');
  const producers = await writePdfProducerSamples(planPdfProducers(reports), args.out === GENERATED_DIR ? PDF_PRODUCERS_DIR : join(args.out, 'pdf-producers'));
  console.log('pdf      ', producers.length / 2, 'files (Chromium print, borderless annex tables)');
  if (args.scans && args.out === GENERATED_DIR) for (const f of writeScans(reports, args.out, SCAN_DIR)) console.log('scan     ', f);

  if (args.inbox) {
    mkdirSync(INBOX_DIR, { recursive: true });
    for (const f of readdirSync(INBOX_DIR)) if (/\.(docx|pdf)$/.test(f)) rmSync(join(INBOX_DIR, f));
    const files = [join(SEED_DIR, `${SEED_ID}.docx`), join(SEED_DIR, `${SEED_ID}.pdf`)];
    const inboxReports = reports
      .filter((r) => !r.spec.other && r.spec.unit.district === 'Hiệp Hòa' && r.spec.period === '2024-H1')
      .slice(0, INBOX_REPORTS);
    files.push(...inboxReports.map((r) => join(args.out, `${r.spec.id}.${fileExtension(r.spec.output)}`)));
    for (const f of files) {
      if (!existsSync(f)) throw new Error(`inbox: ${f} missing`);
      copyFileSync(f, join(INBOX_DIR, f.slice(f.lastIndexOf('/') + 1)));
    }
    console.log('inbox    ', files.length, 'files in', INBOX_DIR);
  }

  const byOutput = new Map<string, number>();
  for (const r of reports) byOutput.set(r.spec.output, (byOutput.get(r.spec.output) ?? 0) + 1);
  const size = written.reduce((s, f) => s + statSync(f).size, 0);
  const others = reports.filter((r) => r.spec.other).length;
  console.log(
    `${reports.length - others} reports and ${others} other documents (${[...byOutput].map(([k, v]) => `${v} ${k}`).join(', ')}), ` +
      `${new Set(reports.map((r) => r.spec.unit.communeCode)).size} communes, ` +
      `${(size / 1024).toFixed(0)} KiB in ${args.out}, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

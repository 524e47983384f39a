// PDF samples from other producers (samples/pdf-producers/): some generated reports again, as
// PDFs made otherwise than the generated set's LibreOffice prints —
//   pdf-chromium             the report's HTML printed by Chromium (as a web form or an HTML
//                            export printed to PDF in a browser);
//   pdf-chromium-mixed       the same, in a font family whose Vietnamese letters come from a second
//                            font: lines mix two fonts glyph by glyph;
//   pdf-chromium-borderless  Chromium, with the annex tables printed without borders;
//   pdf-lo-borderless        the .docx through LibreOffice, annex tables without borders (the
//                            seed's annex is so).
// The expected extraction is the report's own. Chromium is Debian's /usr/bin/chromium (or
// $CHROMIUM_PATH) driven by playwright-core; its PDFs are stamped with the report's date so reruns
// write the same bytes.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComposedReport } from './compose.ts';
import { formatExpected, type Expected } from './expected.ts';
import type { DocModel } from './model.ts';
import { ymdOfIso } from './outputs.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { docxToPdf } from './soffice.ts';
import { normalizePdf } from './zip.ts';

export type PdfProducerOutput = 'pdf-chromium' | 'pdf-chromium-mixed' | 'pdf-chromium-borderless' | 'pdf-lo-borderless';

/** Which generated reports (plan index) get which producer. */
export const PDF_PRODUCER_PLAN: readonly { index: number; output: PdfProducerOutput }[] = [
  { index: 1, output: 'pdf-chromium' },
  { index: 20, output: 'pdf-chromium' },
  { index: 44, output: 'pdf-chromium' },
  { index: 6, output: 'pdf-chromium-mixed' },
  { index: 31, output: 'pdf-chromium-mixed' },
  { index: 12, output: 'pdf-chromium-borderless' },
  { index: 37, output: 'pdf-chromium-borderless' },
  { index: 15, output: 'pdf-lo-borderless' },
  { index: 42, output: 'pdf-lo-borderless' },
  { index: 53, output: 'pdf-lo-borderless' },
];

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface PdfProducerSample {
  id: string;
  file: string;
  output: PdfProducerOutput;
  model: DocModel;
  expected: Expected;
}

/** The samples of a set of composed reports (those the plan names and that exist). */
export function planPdfProducers(reports: readonly ComposedReport[]): PdfProducerSample[] {
  const byIndex = new Map(reports.filter((r) => !r.spec.other).map((r) => [r.spec.index, r]));
  const out: PdfProducerSample[] = [];
  for (const { index, output } of PDF_PRODUCER_PLAN) {
    const r = byIndex.get(index);
    if (!r) continue;
    const id = `${r.spec.id}-${output}`;
    const model = output.endsWith('-borderless') ? withoutBorders(r.model) : r.model;
    const expected: Expected = {
      ...r.expected,
      id,
      source: { file: `${id}.pdf`, format: 'pdf' },
      meta: { ...(r.expected.meta ?? {}), output, from: r.spec.id },
    };
    out.push({ id, file: `${id}.pdf`, output, model, expected });
  }
  return out;
}

/** Every table of the model without borders. */
export function withoutBorders(model: DocModel): DocModel {
  return { ...model, blocks: model.blocks.map((b) => (b.kind === 'table' ? { ...b, borders: false } : b)) };
}

/** A font family whose Vietnamese letters (and the rest outside Latin-1) come from another font:
 *  Chromium then draws each line with two fonts. */
const MIXED_FONTS = [
  "@font-face { font-family: 'BaocaoMixed'; src: local('Tinos'); unicode-range: U+0000-00FF; }",
  "@font-face { font-family: 'BaocaoMixed'; src: local('DejaVu Serif'); unicode-range: U+0100-FFFF; }",
  "@font-face { font-family: 'BaocaoMixed'; font-weight: bold; src: local('Tinos Bold'); unicode-range: U+0000-00FF; }",
  "@font-face { font-family: 'BaocaoMixed'; font-weight: bold; src: local('DejaVu Serif Bold'); unicode-range: U+0100-FFFF; }",
  "@font-face { font-family: 'BaocaoMixed'; font-style: italic; src: local('Tinos Italic'); unicode-range: U+0000-00FF; }",
  "@font-face { font-family: 'BaocaoMixed'; font-style: italic; src: local('DejaVu Serif Italic'); unicode-range: U+0100-FFFF; }",
].join('\n');

export function chromiumHtml(model: DocModel, output: PdfProducerOutput): string {
  if (output !== 'pdf-chromium-mixed') return renderHtml(model);
  return renderHtml({ ...model, font: 'BaocaoMixed' }).replace('</head>', `<style>\n${MIXED_FONTS}\n</style></head>`);
}

/** HTML pages → PDFs printed by Chromium (A4, the page's own @page margins). */
export async function printWithChromium(pages: { html: string; out: string }[]): Promise<void> {
  if (pages.length === 0) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--font-render-hinting=none'] });
  try {
    const page = await browser.newPage();
    for (const p of pages) {
      await page.setContent(p.html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      writeFileSync(p.out, await page.pdf({ preferCSSPageSize: true, printBackground: false }));
    }
  } finally {
    await browser.close();
  }
}

export async function writePdfProducerSamples(samples: readonly PdfProducerSample[], dir: string): Promise<string[]> {
  if (samples.some((s) => s.output.startsWith('pdf-chromium')) && !existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed for samples/pdf-producers (${CHROMIUM}; Debian: apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'baocao-pdfprod-'));
  const written: string[] = [];
  try {
    const chromiumPages: { html: string; out: string }[] = [];
    const docx: string[] = [];
    for (const s of samples) {
      if (s.output.startsWith('pdf-chromium')) chromiumPages.push({ html: chromiumHtml(s.model, s.output), out: join(tmp, s.file) });
      else {
        const p = join(tmp, `${s.id}.docx`);
        writeFileSync(p, await renderDocx(s.model));
        docx.push(p);
      }
    }
    await printWithChromium(chromiumPages);
    const pdfDir = join(tmp, 'lo');
    mkdirSync(pdfDir);
    await docxToPdf(docx, pdfDir);
    for (const s of samples) {
      const made = s.output.startsWith('pdf-chromium') ? join(tmp, s.file) : join(pdfDir, s.file);
      writeFileSync(join(dir, s.file), normalizePdf(readFileSync(made), ymdOfIso(s.model.created)));
      writeFileSync(join(dir, `${s.id}.expected.json`), formatExpected(s.expected));
      written.push(s.file, `${s.id}.expected.json`);
    }
    const index = samples.map((s) => ({ id: s.id, file: s.file, expected: `${s.id}.expected.json`, output: s.output, from: s.expected.meta?.from }));
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    for (const f of readdirSync(dir)) if (/\.(pdf|expected\.json)$/.test(f) && !written.includes(f)) rmSync(join(dir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

// The scanned samples (samples/scans/): a few of the generated PDF reports scanned (scan.ts) in
// different ways, each with the expected result of the report it was made from. Kept apart from
// samples/generated/ because OCR takes seconds per page: `npm run eval` reads them (format
// 'pdf-ocr'), the eval test's time limit does not.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposedReport } from './compose.ts';
import { formatExpected, type Expected } from './expected.ts';
import { scanPdf, type ScanStyle } from './scan.ts';

/** How the chosen reports are scanned, in order: the first PDF reports of the plan (not NFD). */
export const SCAN_STYLES: ScanStyle[] = [
  { dpi: 150, colour: false, skew: 1.2, turns: { 2: 180 }, stamp: false, quality: 50 },
  { dpi: 200, colour: true, skew: -0.8, turns: { 1: 90 }, stamp: true, quality: 40 },
  { dpi: 300, colour: false, skew: 0.5, turns: { 3: 270 }, stamp: false, quality: 30 },
];

export function scanId(id: string): string {
  return `${id}-scan`;
}

/** The reports that get scanned, each with its style. */
export function planScans(reports: readonly ComposedReport[]): { report: ComposedReport; style: ScanStyle }[] {
  const pdfs = reports.filter((r) => !r.spec.other && (r.spec.output === 'pdf-lo' || r.spec.output === 'pdf-docx'));
  return SCAN_STYLES.slice(0, pdfs.length).map((style, i) => ({ report: pdfs[i]!, style }));
}

export function scanExpected(report: ComposedReport, style: ScanStyle): Expected {
  const id = scanId(report.spec.id);
  return {
    ...report.expected,
    id,
    source: { file: `${id}.pdf`, format: 'pdf-ocr' },
    meta: { ...(report.expected.meta ?? {}), output: 'pdf-scan', scannedFrom: `${report.spec.id}.pdf`, scan: style },
  };
}

/** Writes `<id>-scan.pdf` and `<id>-scan.expected.json` into `scanDir` from the PDFs in `pdfDir`;
 *  removes other files there. Returns the written PDF paths. */
export function writeScans(reports: readonly ComposedReport[], pdfDir: string, scanDir: string): string[] {
  mkdirSync(scanDir, { recursive: true });
  const keep = new Set<string>();
  const written: string[] = [];
  for (const { report, style } of planScans(reports)) {
    const id = scanId(report.spec.id);
    const pdf = join(scanDir, `${id}.pdf`);
    writeFileSync(pdf, scanPdf(join(pdfDir, `${report.spec.id}.pdf`), style, report.spec.id));
    writeFileSync(join(scanDir, `${id}.expected.json`), formatExpected(scanExpected(report, style)));
    keep.add(`${id}.pdf`).add(`${id}.expected.json`);
    written.push(pdf);
  }
  for (const f of readdirSync(scanDir)) if (!keep.has(f)) rmSync(join(scanDir, f));
  return written;
}

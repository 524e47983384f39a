// LibreOffice conversions, batched: soffice takes a second or more to start, so each call
// converts many files. Each call gets its own user profile, so that runs in parallel (or an
// open LibreOffice) do not collide.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

export function sofficeAvailable(): boolean {
  return existsSync(SOFFICE);
}

async function run(args: string[], timeoutMs: number): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'baocao-soffice-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.on('data', () => {});
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`soffice timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      child.on('error', (e) => { clearTimeout(timer); reject(e); });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`soffice exited with ${code}: ${err.trim()}`));
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function expectOutputs(inputs: string[], outDir: string, ext: string): string[] {
  const outs = inputs.map((f) => join(outDir, basename(f, extname(f)) + ext));
  const missing = outs.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`soffice did not write: ${missing.join(', ')}`);
  return outs;
}

/** HTML files → .docx through the Writer HTML filter, one soffice call. Returns the written paths. */
export async function htmlToDocx(htmlFiles: string[], outDir: string): Promise<string[]> {
  if (htmlFiles.length === 0) return [];
  await run(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...htmlFiles], 120_000 + 5_000 * htmlFiles.length);
  return expectOutputs(htmlFiles, outDir, '.docx');
}

/** .docx files → PDF, one soffice call. Returns the written paths. */
export async function docxToPdf(docxFiles: string[], outDir: string): Promise<string[]> {
  if (docxFiles.length === 0) return [];
  await run(['--convert-to', 'pdf', '--outdir', outDir, ...docxFiles], 120_000 + 5_000 * docxFiles.length);
  return expectOutputs(docxFiles, outDir, '.pdf');
}

/** .docx files → Word 97–2003 .doc, one soffice call. Returns the written paths. */
export async function docxToDoc(docxFiles: string[], outDir: string): Promise<string[]> {
  if (docxFiles.length === 0) return [];
  await run(['--convert-to', 'doc:MS Word 97', '--outdir', outDir, ...docxFiles], 120_000 + 5_000 * docxFiles.length);
  return expectOutputs(docxFiles, outDir, '.doc');
}

/** CSV files (UTF-8, double quotes) → .xlsx through Calc's CSV filter, as a user opening the CSV in
 *  a spreadsheet would get it (formulas evaluated). ',' separated: English number format; ';'
 *  separated: Vietnamese (decimal comma). Needs Calc (libreoffice-calc-nogui). */
export async function csvToXlsx(csvFiles: string[], outDir: string, opts: { separator?: ',' | ';' } = {}): Promise<string[]> {
  if (csvFiles.length === 0) return [];
  const filter = opts.separator === ';' ? '59,34,76,1,,1066' : '44,34,76,1';
  await run([`--infilter=Text - txt - csv (StarCalc):${filter}`, '--convert-to', 'xlsx', '--outdir', outDir, ...csvFiles], 120_000 + 5_000 * csvFiles.length);
  return expectOutputs(csvFiles, outDir, '.xlsx');
}

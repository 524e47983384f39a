// Page images of a PDF through poppler (Debian `poppler-utils`), as subprocesses: the number of
// pages (pdfinfo), the resolution of the scanned images on each page (pdfimages -list), and each
// page rendered to a PPM (pdftoppm). pdftoppm writes files only, so each page is rendered into the
// caller's temporary folder and deleted once read.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePnm, type PnmImage } from './image.ts';
import { runTool } from './subprocess.ts';

export async function pageCount(pdfPath: string, timeoutMs: number): Promise<number> {
  const { stdout } = await runTool('pdfinfo', [pdfPath], { timeoutMs });
  const m = /^Pages:\s+(\d+)/m.exec(stdout.toString('latin1'));
  if (!m) throw new Error('pdfinfo: no page count');
  return Number(m[1]);
}

/** Per page, the highest resolution (pixels per inch) of the images drawn on it. Pages without
 *  images are absent. */
export async function imageResolutions(pdfPath: string, timeoutMs: number): Promise<Map<number, number>> {
  const { stdout } = await runTool('pdfimages', ['-list', pdfPath], { timeoutMs });
  const out = new Map<number, number>();
  for (const line of stdout.toString('latin1').split('\n').slice(2)) {
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    const f = line.trim().split(/\s+/);
    if (f.length < 14 || f[2] !== 'image') continue;
    const page = Number(f[0]);
    const ppi = Math.min(Number(f[12]), Number(f[13]));
    if (Number.isFinite(page) && Number.isFinite(ppi) && ppi > 0) out.set(page, Math.max(out.get(page) ?? 0, ppi));
  }
  return out;
}

/** One page (1-based) rendered at `dpi`, in colour (a red stamp is told apart by its colour). */
export async function renderPage(pdfPath: string, page: number, dpi: number, dir: string, timeoutMs: number): Promise<PnmImage> {
  const root = join(dir, `page-${page}`);
  const file = `${root}.ppm`;
  try {
    await runTool('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-aa', 'yes', '-aaVector', 'yes', pdfPath, root], { timeoutMs });
    return parsePnm(await readFile(file));
  } finally {
    await rm(file, { force: true });
  }
}

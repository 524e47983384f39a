// The original document beside the values: its text, paragraph by paragraph, with the quoted passage
// found and marked — Word files through the project's own reader, PDFs through poppler (pdftotext),
// with the image of the page the passage is on and its words' boxes (pdftoppm, pdftotext -bbox).
// The page builds it with text nodes: no HTML from a received file ever reaches the page.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentModel } from '../document/model.ts';
import { parseFile } from '../parse/index.ts';

export interface Preview {
  format: 'docx' | 'doc' | 'pdf' | 'pdf-ocr';
  paragraphs: string[];
  /** Where the quote is: paragraph index and character range in it; null when not found. */
  match: { paragraph: number; start: number; end: number } | null;
  /** PDF: the page (1-based) the quote is on, and its image (a data: URL). */
  page: number | null;
  image: string | null;
  /** PDF: the boxes of the quoted words on the page image, as fractions of the page's width and height. */
  boxes: { x: number; y: number; w: number; h: number }[];
  /** A scan: the image of each page (data: URLs, the first SCAN_PAGES), to read the quote against. */
  pages?: string[];
}

/** A scan's pages shown at most, at a resolution for reading on screen. */
export const SCAN_PAGES = 12;
const SCAN_DPI = 60;

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function run(cmd: string, args: string[], input: Buffer, timeoutMs = 20_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { encoding: 'buffer', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin?.end(input);
  });
}

/** The paragraph and range of a quote among paragraphs (whitespace and Unicode form aside). */
export function findQuote(paragraphs: readonly string[], quote: string | null): Preview['match'] {
  if (!quote) return null;
  const q = norm(quote).replace(/…$/, '');
  for (const probe of [q, q.slice(0, 60), q.slice(0, 30)]) {
    if (probe.length < 8) continue;
    for (const [i, p] of paragraphs.entries()) {
      const at = p.indexOf(probe);
      if (at >= 0) return { paragraph: i, start: at, end: at + probe.length };
    }
  }
  return null;
}

/** A word without the punctuation around it ('người;' → 'người'). */
const bare = (w: string) => w.replace(/^[("“'«]+|[).,;:!?"”'»…]+$/gu, '');

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The boxes of the quote's words on a page (pdftotext -bbox output): the first run of words that
 *  spells the quote's beginning (up to 12 words; at least 4, or the whole quote when shorter). */
export function wordBoxes(bbox: string, quote: string): Preview['boxes'] {
  const pageM = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox);
  if (!pageM) return [];
  const [pw, ph] = [Number(pageM[1]), Number(pageM[2])];
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: norm(decode(m[5]!)) }));
  const wanted = norm(quote).replace(/…$/, '').split(' ').filter(Boolean).slice(0, 12);
  if (wanted.length === 0) return [];
  for (let i = 0; i < words.length; i++) {
    let k = 0;
    while (k < wanted.length && i + k < words.length && bare(words[i + k]!.text) === bare(wanted[k]!)) k++;
    if (k >= Math.min(wanted.length, 4)) {
      return words.slice(i, i + k).map((w) => ({ x: w.x0 / pw, y: w.y0 / ph, w: (w.x1 - w.x0) / pw, h: (w.y1 - w.y0) / ph }));
    }
  }
  return [];
}

/** A document model's text as the page shows it: each paragraph, each table row (cells joined by ' | '). */
export function modelParagraphs(doc: DocumentModel): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push(b.text);
    else for (const row of b.cells) out.push(row.map((c) => norm(c.text)).filter(Boolean).join(' | '));
  }
  return out.filter(Boolean);
}

export async function previewOf(bytes: Buffer, format: string | null, quote: string | null, fileName = 'bao-cao'): Promise<Preview | null> {
  if (format === 'docx' || format === 'doc') {
    // The project's own reader (legacy TCVN3/VNI fonts decoded, .doc/RTF through LibreOffice): the
    // same text the values were read from, so the quotes are found as they are.
    const paragraphs = modelParagraphs(await parseFile(bytes, fileName));
    return { format, paragraphs, match: findQuote(paragraphs, quote), page: null, image: null, boxes: [] };
  }
  if (format === 'pdf') {
    const pages = (await run('pdftotext', ['-enc', 'UTF-8', '-', '-'], bytes)).toString('utf8').split('\f');
    const perPage = pages.map((t) => t.split(/\n\s*\n|\n(?=\s{2,})/).map(norm).filter(Boolean));
    let page = 0;
    let match: Preview['match'] = null;
    for (const [i, paras] of perPage.entries()) {
      match = findQuote(paras, quote);
      if (match) {
        page = i;
        break;
      }
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-preview-'));
    try {
      await run('pdftoppm', ['-png', '-r', '70', '-f', String(page + 1), '-l', String(page + 1), '-singlefile', '-', path.join(dir, 'p')], bytes);
      const image = `data:image/png;base64,${(await readFile(path.join(dir, 'p.png'))).toString('base64')}`;
      const boxes = match && quote ? wordBoxes((await run('pdftotext', ['-bbox', '-f', String(page + 1), '-l', String(page + 1), '-', '-'], bytes)).toString('utf8'), quote) : [];
      return { format: 'pdf', paragraphs: perPage[page] ?? [], match, page: page + 1, image, boxes };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (format === 'pdf-ocr') {
    // A scan: the words OCR read are not kept with their places, so the quote cannot be marked on the
    // image; the pages themselves are shown to read it against.
    const dir = await mkdtemp(path.join(tmpdir(), 'baocao-preview-'));
    try {
      await run('pdftoppm', ['-png', '-r', String(SCAN_DPI), '-l', String(SCAN_PAGES), '-', path.join(dir, 'p')], bytes, 60_000);
      const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
      const pages = await Promise.all(files.map(async (f) => `data:image/png;base64,${(await readFile(path.join(dir, f))).toString('base64')}`));
      return { format: 'pdf-ocr', paragraphs: [], match: null, page: null, image: null, boxes: [], pages };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return null;
}

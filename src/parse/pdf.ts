// Text-layer PDF → document model, from the layout: pdf-parse (pdf.js) gives positioned text
// items and the page's drawing operators; we rebuild lines, paragraphs (wrapped lines joined,
// page numbers dropped), ruled tables (cells from the drawn rules, merged cells as spans) and
// borderless column blocks (the header and signature tables of a Word file).
import { PDFParse } from 'pdf-parse';
import type { DocumentModel } from '../document/model.ts';
import { buildDocument } from '../document/structure.ts';
import { COLUMN_GAP_EM, layoutToBlocks, type PageData, type Rule, type Run } from './layout/page-layout.ts';
import { BaocaoError } from '../errors.ts';
import { joinSplitSyllables } from './pdf-nfd.ts';
import { judgeTextLayer } from './ocr/garbage.ts';

// ---------------------------------------------------------------------------------------------
// The small part of pdf.js we use (pdf-parse loads it; its types are not part of pdf-parse's API).

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}
interface PdfTextContent {
  items: Array<PdfTextItem | { type: string }>;
  styles: Record<string, { fontFamily?: string }>;
}
interface PdfOperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}
interface PdfPage {
  getViewport(p: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(p?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<PdfTextContent>;
  getOperatorList(): Promise<PdfOperatorList>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

// pdf.js operator numbers (OPS in pdfjs-dist; stable across versions) and path drawing codes.
const OP = {
  save: 10, restore: 11, transform: 12,
  stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25,
  closeFillStroke: 26, closeEOFillStroke: 27,
  paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  constructPath: 91, rawFillPath: 94,
} as const;
const STROKE_OPS = new Set<number>([OP.stroke, OP.closeStroke, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke, OP.rawFillPath]);
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 3 } as const;

// ---------------------------------------------------------------------------------------------

export async function parsePdf(buffer: Buffer): Promise<DocumentModel> {
  // pdf.js may transfer (detach) the array it is given: hand it a copy, never the caller's buffer.
  const parser = new PDFParse({ data: new Uint8Array(buffer), fontExtraProperties: true, verbosity: 0 });
  try {
    const doc = await loadDocument(parser);
    const pages = await readPages(doc);
    return buildDocument(layoutToBlocks(pages), 'pdf', doc.numPages);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function loadDocument(parser: PDFParse): Promise<PdfDocument> {
  // pdf-parse keeps its pdf.js document behind a private load(); getText()/getTable() give no
  // positions, and we need them. Guarded so that an upgrade that removes it fails loudly.
  const load = (parser as unknown as { load?: () => Promise<PdfDocument> }).load;
  if (typeof load !== 'function') throw new Error('pdf-parse: PDFParse.load() is not available in this version');
  try {
    return await load.call(parser);
  } catch (err) {
    throw pdfError(err);
  }
}

function pdfError(err: unknown): Error {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new BaocaoError('ENCRYPTED_PDF', undefined, { cause: err });
  if (['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException'].includes(name) || /Invalid PDF|bad XRef|Invalid XRef/i.test(message)) {
    return new BaocaoError('CORRUPT_PDF', message.split('\n')[0]!.slice(0, 200), { cause: err });
  }
  return err instanceof Error ? err : new Error(message);
}


async function readPages(doc: PdfDocument): Promise<PageData[]> {
  // First the text of every page: a scan without a text layer stops here, before the (costly)
  // drawing operators of its images are read.
  const texts: PdfTextContent[] = [];
  let letters = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      const tc = await page.getTextContent({ includeMarkedContent: false });
      texts.push(tc);
      for (const it of tc.items) if ('str' in it) letters += it.str.replace(/[^\p{L}]/gu, '').length;
    } catch (err) {
      throw pdfError(err);
    }
  }
  // "No letters at all", with a little slack for a scanner's stamp ('CamScanner') on each page.
  if (letters < Math.max(1, 20 * doc.numPages)) throw new BaocaoError('NO_TEXT', `${letters} chữ trên ${doc.numPages} trang`);

  const pages: PageData[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let page: PdfPage;
    let ops: PdfOperatorList;
    try {
      page = await doc.getPage(n);
      ops = await page.getOperatorList();
    } catch (err) {
      throw pdfError(err);
    }
    const vp = page.getViewport({ scale: 1 });
    const tc = texts[n - 1]!;
    pages.push({ page: n, width: vp.width, height: vp.height, runs: textRuns(page, tc, vp.transform, vp.width, vp.height), rules: drawnRules(ops, vp.transform) });
    page.cleanup();
  }
  // A text layer that is there but unreadable (a broken scanner OCR layer, a font without a
  // Unicode map): NO_TEXT sends the file to OCR (parse/index.ts).
  if (judgeTextLayer(pages.flatMap((p) => p.runs.map((r) => r.text)).join(' ')).unreadable) throw new BaocaoError('NO_TEXT', 'lớp chữ không đọc được');
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Text items → runs

interface FontFacts {
  bold: boolean;
  italic: boolean;
  /** Glyphs pdf.js counts as zero-width: their ToUnicode entry holds a combining mark (LibreOffice
   *  writes 'i\u0323' for 'ị' when the text it printed was NFD). Width in em, by NFC character. */
  zeroed: Map<string, number>;
}

function fontFacts(page: PdfPage, fontName: string, styles: PdfTextContent['styles'], cache: Map<string, FontFacts>): FontFacts {
  const hit = cache.get(fontName);
  if (hit) return hit;
  let font: Record<string, unknown> | undefined;
  try {
    if (page.commonObjs.has(fontName)) font = page.commonObjs.get(fontName) as Record<string, unknown>;
  } catch {
    font = undefined;
  }
  const name = `${typeof font?.name === 'string' ? font.name : ''} ${styles[fontName]?.fontFamily ?? ''}`;
  const facts: FontFacts = {
    bold: /bold|black|heavy|semibold|demibold|,B\b/i.test(name) || font?.bold === true || font?.black === true,
    italic: /italic|oblique|,I\b/i.test(name) || font?.italic === true,
    zeroed: new Map(),
  };
  const toUnicode = font?.toUnicode as { _map?: unknown } | undefined;
  const map = toUnicode?._map;
  const widths = font?.widths as Record<number, number> | number[] | undefined;
  if (map && widths && typeof map === 'object') {
    for (const [code, u] of Object.entries(map as Record<string, unknown>)) {
      if (typeof u !== 'string' || !/\p{Mn}/u.test(u) || /^\s/u.test(u)) continue;
      const w = (widths as Record<number, number>)[Number(code)];
      const nfc = u.normalize('NFC');
      if (typeof w === 'number' && w > 0 && [...nfc].length === 1) facts.zeroed.set(nfc, w / 1000);
    }
  }
  cache.set(fontName, facts);
  return facts;
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

function multiply(a: number[], b: number[]): number[] {
  // The matrix that applies b first, then a (pdf.js Util.transform(a, b)).
  return [
    a[0]! * b[0]! + a[2]! * b[1]!, a[1]! * b[0]! + a[3]! * b[1]!,
    a[0]! * b[2]! + a[2]! * b[3]!, a[1]! * b[2]! + a[3]! * b[3]!,
    a[0]! * b[4]! + a[2]! * b[5]! + a[4]!, a[1]! * b[4]! + a[3]! * b[5]! + a[5]!,
  ];
}

function textRuns(page: PdfPage, tc: PdfTextContent, vt: number[], width: number, height: number): Run[] {
  const cache = new Map<string, FontFacts>();
  const runs: Run[] = [];
  const seen = new Map<string, Run[]>();
  const scale = Math.hypot(vt[0]!, vt[1]!);
  // pdf.js does not advance its text position over glyphs it takes for zero-width diacritics (see
  // pdf-nfd.ts): the items after one, in the same text-showing run, start too far left by the
  // widths of those glyphs so far ('drift'). Some producers place the glyph after each such glyph
  // anew (the next item starts exactly where the last one really ends): positions are right there.
  // Others write a whole line in one run: the next item (pdf.js splits at a wide justified space,
  // or after a word-initial 'ủ') goes on from where pdf.js left off, on the same baseline, in the
  // same font, less than a column gap away; it never overlaps the last one.
  const items: { it: PdfTextItem; text: string; font: FontFacts; x: number; y: number; size: number; w: number; added: number }[] = [];
  for (const it of tc.items) {
    if (!('str' in it)) continue;
    const t = it.transform;
    const font = fontFacts(page, it.fontName, tc.styles, cache);
    const text = font.zeroed.size ? joinSplitSyllables(it.str.normalize('NFC'), font.zeroed) : it.str.normalize('NFC');
    if (!text.trim()) continue; // pdf.js' own spaces: we decide spacing from the geometry
    const [x, y] = apply(vt, t[4]!, t[5]!);
    const size = Math.hypot(t[2]!, t[3]!) * scale;
    const hscale = Math.hypot(t[0]!, t[1]!) * scale;
    if (size < 1) continue;
    let added = 0;
    if (font.zeroed.size) for (const ch of text) added += (font.zeroed.get(ch) ?? 0) * hscale;
    items.push({ it, text, font, x, y, size, w: it.width * scale, added });
  }
  let after = 0, abutting = 0;
  for (let k = 1; k < items.length; k++) {
    const a = items[k - 1]!, b = items[k]!;
    if (a.added <= 0.5 || Math.abs(a.y - b.y) >= 0.5) continue;
    after++;
    if (Math.abs(b.x - (a.x + a.w) - a.added) < 1) abutting++;
  }
  const placedAnew = abutting >= 2 && abutting >= 0.5 * after;
  let chain: { y: number; font: string; end: number; drift: number; bare: boolean } | null = null;
  for (const item of items) {
    const { it, text, font, y, size, added } = item;
    let { x, w } = item;
    const pdfEnd = x + w;
    if (chain && chain.drift > 0 && Math.abs(chain.y - y) < 0.5) {
      const gap: number = x - chain.end;
      // Placed anew: the glyphs abut where the last item really ends, or the last item was
      // nothing but such glyphs (pdf.js gives them no width; the producer placed the next glyph).
      const anew = placedAnew || Math.abs(gap - chain.drift) < 1 || chain.bare;
      const goesOn: boolean = gap < chain.drift - 0.5 || (!anew && chain.font === it.fontName && gap <= COLUMN_GAP_EM * size);
      const drift: number = goesOn ? chain.drift : 0;
      x += drift;
      chain = { y, font: it.fontName, end: pdfEnd, drift: drift + added, bare: w < 0.01 };
    } else {
      chain = { y, font: it.fontName, end: pdfEnd, drift: added, bare: w < 0.01 };
    }
    w += added;
    // Leading/trailing blanks inside an item would shift its edges: trim them off geometrically.
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    const perChar = w / Math.max(1, [...text].length);
    const run: Run = { text: trimmed, x: x + lead * perChar, y, w: Math.max(0, w - (text.length - trimmed.length) * perChar), size, bold: font.bold, italic: font.italic };
    // Text outside the page is not printed; text drawn twice at (almost) the same place is a
    // producer's fake bold or shadow: keep one.
    if (run.x > width || run.x + run.w < 0 || run.y < 0 || run.y - run.size > height) continue;
    const twins = seen.get(trimmed) ?? [];
    if (twins.some((o) => Math.abs(o.x - run.x) < 1.5 && Math.abs(o.y - run.y) < 1.5)) continue;
    twins.push(run);
    seen.set(trimmed, twins);
    runs.push(run);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Drawing operators → horizontal and vertical rules

function drawnRules(ops: PdfOperatorList, vt: number[]): Rule[] {
  const rules: Rule[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const n = ops.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i]!;
    const args = (ops.argsArray as ArrayLike<unknown>)[i] as unknown[] | null;
    if (fn === OP.save) stack.push(ctm);
    else if (fn === OP.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OP.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OP.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as number[] | null;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>));
    } else if (fn === OP.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OP.constructPath && args) {
      const paint = args[0] as number;
      const stroke = STROKE_OPS.has(paint);
      const fill = FILL_OPS.has(paint);
      if (!stroke && !fill) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      pathRules(Array.from(data), multiply(vt, ctm), stroke, fill, rules);
    }
  }
  return rules;
}

function pathRules(data: number[], m: number[], stroke: boolean, fill: boolean, out: Rule[]): void {
  const subpaths: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < data.length;) {
    const op = data[k++];
    if (op === DRAW.moveTo) {
      if (cur.length) subpaths.push(cur);
      cur = [apply(m, data[k]!, data[k + 1]!)];
      k += 2;
    } else if (op === DRAW.lineTo) {
      cur.push(apply(m, data[k]!, data[k + 1]!));
      k += 2;
    } else if (op === DRAW.curveTo) {
      // Curves are never table rules: break the subpath.
      if (cur.length) subpaths.push(cur);
      cur = [apply(m, data[k + 4]!, data[k + 5]!)];
      k += 6;
    } else if (op === DRAW.closePath) {
      if (cur.length) cur.push(cur[0]!);
      if (cur.length) subpaths.push(cur);
      cur = cur.length ? [cur[0]!] : [];
    } else {
      break; // unknown drawing code: stop reading this path
    }
  }
  if (cur.length > 1) subpaths.push(cur);
  for (const sp of subpaths) {
    if (fill) {
      // A thin filled rectangle is a rule (Word draws cell borders so).
      const xs = sp.map((p) => p[0]);
      const ys = sp.map((p) => p[1]);
      const x1 = Math.min(...xs), x2 = Math.max(...xs), y1 = Math.min(...ys), y2 = Math.max(...ys);
      const axisAligned = sp.every((p, j) => j === 0 || Math.abs(p[0] - sp[j - 1]![0]) < 0.5 || Math.abs(p[1] - sp[j - 1]![1]) < 0.5);
      if (axisAligned && sp.length >= 4) {
        if (y2 - y1 <= 3 && x2 - x1 > 3) out.push({ dir: 'h', at: (y1 + y2) / 2, from: x1, to: x2 });
        else if (x2 - x1 <= 3 && y2 - y1 > 3) out.push({ dir: 'v', at: (x1 + x2) / 2, from: y1, to: y2 });
        if (y2 - y1 <= 3 || x2 - x1 <= 3) continue;
      }
      if (!stroke) continue;
    }
    for (let j = 1; j < sp.length; j++) {
      const [ax, ay] = sp[j - 1]!;
      const [bx, by] = sp[j]!;
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 2) out.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 2) out.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  }
}

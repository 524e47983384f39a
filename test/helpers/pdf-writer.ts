// Writes small PDFs glyph by glyph with MuPDF, to test the PDF reader on what producers do that a
// word processor's export does not show: glyphs of one line drawn in any order and from several
// fonts, fonts named as legacy Vietnamese fonts, text placed as a borderless table, no pages.
import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

/** The fonts a test can draw with. 'vntime' and 'vni' are Tinos and Arimo under a legacy font's
 *  name, with one-byte (WinAnsi) codes: the text given must already be in that legacy encoding. */
export type FontKey = 'tinos' | 'tinos-bold' | 'dejavu' | 'vntime' | 'vni';

const FILES: Record<FontKey, string> = {
  tinos: '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf',
  'tinos-bold': '/usr/share/fonts/truetype/croscore/Tinos-Bold.ttf',
  dejavu: '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  vntime: '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf',
  // MuPDF writes one font object per font file: each legacy name needs a file of its own.
  vni: '/usr/share/fonts/truetype/croscore/Arimo-Regular.ttf',
};
const LEGACY_NAME: Partial<Record<FontKey, string>> = { vntime: '.VnTime', vni: 'VNI-Times' };

/** One glyph at its place (x: left edge, y: baseline; PDF points from the top-left). */
export interface Glyph {
  ch: string;
  x: number;
  y: number;
  size: number;
  font: FontKey;
}

const fonts = new Map<FontKey, mupdf.Font>();
function fontOf(key: FontKey): mupdf.Font {
  let f = fonts.get(key);
  if (!f) {
    f = new mupdf.Font(key, readFileSync(FILES[key]));
    fonts.set(key, f);
  }
  return f;
}

/** The glyphs of a text set from x on baseline y, each in the font `pick` chooses for it. */
export function setLine(text: string, x: number, y: number, size: number, pick: (ch: string) => FontKey): Glyph[] {
  const out: Glyph[] = [];
  for (const ch of text) {
    const font = pick(ch);
    out.push({ ch, x, y, size, font });
    const f = fontOf(font);
    x += f.advanceGlyph(f.encodeCharacter(ch.codePointAt(0)!)) * size;
  }
  return out;
}

/** The width of a text set in one font. */
export function textWidth(text: string, size: number, font: FontKey): number {
  const f = fontOf(font);
  let w = 0;
  for (const ch of text) w += f.advanceGlyph(f.encodeCharacter(ch.codePointAt(0)!)) * size;
  return w;
}

/** A PDF whose pages draw the glyphs in the order given (one text object per page). */
export function writePdf(pages: Glyph[][], size: [number, number] = [595, 842]): Buffer {
  const doc = new mupdf.PDFDocument();
  const refs = new Map<FontKey, mupdf.PDFObject>();
  const ref = (key: FontKey) => {
    let r = refs.get(key);
    if (!r) {
      const legacy = LEGACY_NAME[key];
      r = legacy ? doc.addSimpleFont(fontOf(key), 'Latin') : doc.addFont(fontOf(key));
      if (legacy) r.put('BaseFont', doc.newName(legacy));
      refs.set(key, r);
    }
    return r;
  };
  for (const glyphs of pages) {
    const used = [...new Set(glyphs.map((g) => g.font))];
    const resources = doc.addObject({ Font: Object.fromEntries(used.map((k) => [`F${used.indexOf(k)}`, ref(k)])) });
    let content = 'BT';
    let current = '';
    for (const g of glyphs) {
      const sel = `/F${used.indexOf(g.font)} ${g.size} Tf`;
      if (sel !== current) content += ` ${sel}`;
      current = sel;
      content += ` 1 0 0 1 ${g.x.toFixed(2)} ${(size[1] - g.y).toFixed(2)} Tm ${code(g)} Tj`;
    }
    content += ' ET';
    doc.insertPage(-1, doc.addPage([0, 0, size[0], size[1]], 0, resources, content));
  }
  const buf = Buffer.from(doc.saveToBuffer('').asUint8Array());
  doc.destroy();
  return buf;
}

function code(g: Glyph): string {
  if (LEGACY_NAME[g.font]) {
    const c = g.ch.codePointAt(0)!;
    if (c > 0xff) throw new Error(`not a one-byte code: ${g.ch}`);
    return `<${c.toString(16).padStart(2, '0')}>`;
  }
  return `<${fontOf(g.font).encodeCharacter(g.ch.codePointAt(0)!).toString(16).padStart(4, '0')}>`;
}

/** A PDF without pages (a valid file: an empty page tree). */
export function writeEmptyPdf(): Buffer {
  const doc = new mupdf.PDFDocument();
  const buf = Buffer.from(doc.saveToBuffer('').asUint8Array());
  doc.destroy();
  return buf;
}

// Step 2 of the PDF path: a page → its characters, each with its own box, baseline, size and
// font (MuPDF's structured text). Nothing is grouped or reordered here: a line whose glyphs come
// from two fonts (a serif without Vietnamese letters and a fallback font) is drawn glyph by glyph
// in any order; lines.ts puts the characters back in visual order.
import type { PdfPage } from './open.ts';

/** One character as drawn. Page coordinates: points, origin top-left, y grows downwards. */
export interface PdfChar {
  /** The character: one code point, and the combining marks drawn with it (not yet NFC). */
  c: string;
  /** Left and right edge of the glyph's box. */
  x0: number;
  x1: number;
  /** Baseline (the origin's y). */
  y: number;
  /** Font size (em) in points. */
  size: number;
  /** Font name as the file names it, subset prefix included ('BAAAAA+Tinos', '.VnTime'). */
  font: string;
  bold: boolean;
  italic: boolean;
}

export interface PageChars {
  width: number;
  height: number;
  chars: PdfChar[];
}

interface FontFacts {
  name: string;
  bold: boolean;
  italic: boolean;
}

/** Names that say bold or italic when the font's own flags do not ('Arial,Bold', 'Times-BoldItalic'). */
const BOLD_NAME = /bold|black|heavy|semibold|demibold|,B\b/i;
const ITALIC_NAME = /italic|oblique|,I\b/i;
const COMBINING = /^\p{M}$/u;

/**
 * The characters of one page. Text that is not horizontal and left-to-right (a rotated stamp, a
 * vertical margin note) is left out; so is text outside the page (MuPDF clips to the media box).
 */
export function pageChars(page: PdfPage): PageChars {
  const [bx0, by0, bx1, by1] = page.getBounds();
  const width = bx1 - bx0;
  const height = by1 - by0;
  // 'preserve-whitespace': spaces as the file has them (no tab or NBSP turned into a space);
  // 'inhibit-spaces': no space invented by MuPDF from the gaps (lines.ts measures gaps itself).
  const st = page.toStructuredText('preserve-whitespace,inhibit-spaces');
  const fonts = new Map<unknown, FontFacts>();
  const chars: PdfChar[] = [];
  let horizontal = true;
  try {
    st.walk({
      beginLine(_bbox, wmode, dir) {
        horizontal = wmode === 0 && dir[0] > 0.99 && Math.abs(dir[1]) < 0.05;
      },
      onChar(c, origin, font, size, quad) {
        if (!horizontal || size < 1) return;
        // A combining mark belongs to the character drawn just before it (a glyph whose ToUnicode
        // entry is decomposed, 'u\u031B' for 'ư', gives the base and its marks one after the
        // other), wherever MuPDF puts the mark's own box.
        const prev = chars[chars.length - 1];
        if (prev && COMBINING.test(c) && Math.abs(prev.y - (origin[1] - by0)) < 0.3 * size) {
          prev.c += c;
          return;
        }
        let facts = fonts.get(font.pointer);
        if (!facts) {
          const name = font.getName();
          facts = { name, bold: font.isBold() || BOLD_NAME.test(name), italic: font.isItalic() || ITALIC_NAME.test(name) };
          fonts.set(font.pointer, facts);
        }
        const x0 = Math.min(quad[0], quad[4]);
        const x1 = Math.max(quad[2], quad[6]);
        chars.push({ c, x0: x0 - bx0, x1: x1 - bx0, y: origin[1] - by0, size, font: facts.name, bold: facts.bold, italic: facts.italic });
      },
    });
  } finally {
    st.destroy();
  }
  return { width, height, chars };
}

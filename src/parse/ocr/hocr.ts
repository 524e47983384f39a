// tesseract's hOCR output → words with their boxes, line baseline, line size and confidence.
// hOCR is XHTML whose `title` attributes carry the geometry ("bbox x0 y0 x1 y1; baseline s o;
// x_size n; x_wconf c"); tesseract writes one element per line, so a line-oriented reading of the
// elements we need is enough.

export interface OcrWord {
  text: string;
  /** Box in image pixels (x1, y1 exclusive as tesseract writes them). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline under the middle of the word, image pixels. */
  baseline: number;
  /** The line's text height (tesseract's x_size: about the font size), pixels. */
  lineSize: number;
  /** tesseract's word confidence, 0–100. */
  conf: number;
  /** Index of the line on the page (words of one line share it). */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s
    .replace(/<[^>]*>/g, '') // <strong>, <em> when font info is on
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

function bbox(title: string): [number, number, number, number] | null {
  const m = /bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)/.exec(title);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
}

function num(title: string, key: string): number | null {
  const m = new RegExp(`${key} (-?[\\d.]+(?:e-?\\d+)?)`).exec(title);
  return m ? Number(m[1]) : null;
}

const LINE_CLASSES = /^(ocr_line|ocr_textfloat|ocr_header|ocr_caption)$/;

export function parseHocr(hocr: string): OcrWord[] {
  const words: OcrWord[] = [];
  const tag = /<span class='([a-z_]+)'[^>]*?title=(["'])(.*?)\2[^>]*>/g;
  let line = -1;
  let lineBox: [number, number, number, number] | null = null;
  let slope = 0, offset = 0, size = 0;
  for (let m = tag.exec(hocr); m; m = tag.exec(hocr)) {
    const cls = m[1]!;
    const title = m[3]!;
    if (LINE_CLASSES.test(cls)) {
      line++;
      lineBox = bbox(title);
      const bl = /baseline (-?[\d.]+) (-?[\d.]+)/.exec(title);
      slope = bl ? Number(bl[1]) : 0;
      offset = bl ? Number(bl[2]) : 0;
      size = num(title, 'x_size') ?? (lineBox ? lineBox[3] - lineBox[1] : 0);
      continue;
    }
    if (cls !== 'ocrx_word' || !lineBox) continue;
    const box = bbox(title);
    const end = hocr.indexOf('</span>', tag.lastIndex);
    const text = decode(hocr.slice(tag.lastIndex, end < 0 ? undefined : end)).trim();
    if (!box || !text) continue;
    const [x0, y0, x1, y1] = box;
    const mid = (x0 + x1) / 2;
    words.push({
      text,
      x0, y0, x1, y1,
      baseline: lineBox[3] + offset + slope * (mid - lineBox[0]),
      lineSize: size,
      conf: num(title, 'x_wconf') ?? 0,
      line,
    });
  }
  return words;
}

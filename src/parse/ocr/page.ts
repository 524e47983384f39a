// One scanned page: colour image → without the seal's red → upright and level → ruling lines found
// and erased → OCR (running text as a page; the inside of ruled tables as sparse text, so that
// tesseract does not drop them as pictures) → runs and rules in points for the layout.
import { binarize, otsuThreshold, rotateQuarter, type GrayImage, type PnmImage } from './image.ts';
import type { OcrWord } from './hocr.ts';
import { stripOf, unreadPieces, wordsFromStrip } from './leftovers.ts';
import type { PageData, Rule } from './layout.ts';
import { eraseRules, findRules, type PixelRule } from './rules.ts';
import { wordsToRuns, type OcrRun } from './runs.ts';
import { dropRedInk } from './stamp.ts';
import { straighten, type Straightened } from './straighten.ts';
import { ruledTables, trimOvershoots, type Box } from './tables.ts';
import { ocrImage } from './tesseract.ts';

export interface PageResult {
  data: Omit<PageData, 'runs'> & { runs: OcrRun[] };
  /** Clockwise quarter turn and skew (degrees) corrected. */
  turn: number;
  skew: number;
  /** Mean word confidence, weighted by word length (0 when nothing was read). */
  meanConf: number;
  /** Seal pixels removed. */
  stampPixels: number;
  tables: number;
}

export interface PageOptions {
  page: number;
  dpi: number;
  /** Milliseconds left for this page's OCR calls. */
  timeLeft: () => number;
}

/** Below this mean confidence a page that was not clearly upright is read the other way up too. */
const RETRY_FLIPPED_BELOW = 55;

export async function ocrPage(img: PnmImage, opts: PageOptions): Promise<PageResult> {
  const { image: gray, removed } = dropRedInk(img);
  const s = straighten(gray);
  let best = await readLevelPage(s.image, opts);
  let straight: Straightened = s;
  if (best.meanConf < RETRY_FLIPPED_BELOW && best.words.length > 0 && !s.clear) {
    const flipped = rotateQuarter(s.image, 180);
    const other = await readLevelPage(flipped, opts);
    if (other.meanConf > best.meanConf + 10) {
      best = other;
      straight = { ...s, image: flipped, turn: ((s.turn + 180) % 360) as Straightened['turn'] };
    }
  }
  const k = 72 / opts.dpi;
  const rules: Rule[] = best.rules.map((r) => ({ dir: r.dir, at: r.at * k, from: r.from * k, to: r.to * k }));
  return {
    data: {
      page: opts.page,
      width: straight.image.width * k,
      height: straight.image.height * k,
      runs: wordsToRuns(best.words, opts.dpi, opts.page),
      rules,
    },
    turn: straight.turn,
    skew: straight.skew,
    meanConf: best.meanConf,
    stampPixels: removed,
    tables: best.tables,
  };
}

interface LevelRead {
  words: OcrWord[];
  rules: PixelRule[];
  meanConf: number;
  tables: number;
}

/** Rules found with a lighter threshold than text: scanned table borders are thin grey lines. */
function ruleMask(img: GrayImage): Uint8Array {
  const t = otsuThreshold(img);
  return binarize(img, Math.round((t + 250) / 2));
}

function blank(img: GrayImage, keep: (x: number, y: number) => boolean): GrayImage {
  const data = Uint8Array.from(img.data);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) if (!keep(x, y)) data[y * img.width + x] = 255;
  }
  return { width: img.width, height: img.height, data };
}

const inside = (boxes: Box[], x: number, y: number) => boxes.some((b) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1);

async function readLevelPage(img: GrayImage, opts: PageOptions): Promise<LevelRead> {
  const all = findRules(ruleMask(img), img.width, img.height, { dpi: opts.dpi });
  const tables = ruledTables(all, Math.round(opts.dpi / 36));
  for (const t of tables) trimOvershoots(t, Math.round(opts.dpi / 36), (12 * opts.dpi) / 72);
  // Erase every long horizontal rule (table borders, underlines) and the vertical rules of tables;
  // a vertical stroke outside a table may be a letter of a large title.
  const inTables = new Set(tables.flatMap((t) => t.rules));
  const erase = all.filter((r) => r.dir === 'h' || inTables.has(r));
  const clean = eraseRules(img, erase);
  const words: OcrWord[] = [];
  if (tables.length === 0) {
    words.push(...(await ocrImage(clean, { dpi: opts.dpi, psm: 3, timeoutMs: opts.timeLeft() })));
  } else {
    const boxes = tables.map((t) => t.box);
    const text = await ocrImage(blank(clean, (x, y) => !inside(boxes, x, y)), { dpi: opts.dpi, psm: 3, timeoutMs: opts.timeLeft() });
    const cells = await ocrImage(blank(clean, (x, y) => inside(boxes, x, y)), { dpi: opts.dpi, psm: 11, timeoutMs: opts.timeLeft() });
    const offset = text.reduce((m, w) => Math.max(m, w.line + 1), 0);
    words.push(...text, ...cells.map((w) => ({ ...w, line: w.line + offset })));
    // A lone short value in a cell that sparse mode skipped: read the unread ink again.
    const pieces = unreadPieces(clean, boxes, words, { dpi: opts.dpi, threshold: otsuThreshold(clean) });
    if (pieces.length > 0) {
      const strip = stripOf(clean, pieces, opts.dpi);
      const read = await ocrImage(strip.image, { dpi: opts.dpi, psm: 6, timeoutMs: opts.timeLeft() });
      const lineBase = words.reduce((m, w) => Math.max(m, w.line + 1), 0);
      words.push(...wordsFromStrip(strip, pieces, read, lineBase));
    }
  }
  let sum = 0, len = 0;
  for (const w of words) {
    const n = [...w.text].length;
    sum += w.conf * n;
    len += n;
  }
  return { words, rules: all, meanConf: len ? sum / len : 0, tables: tables.length };
}

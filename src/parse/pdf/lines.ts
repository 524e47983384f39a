// Step 3 of the PDF path: characters → words on lines, in visual order. Characters are grouped
// by baseline and sorted by x, whatever order the file drew them in (a line that mixes two fonts
// glyph by glyph draws one font's glyphs, then the other's). A word ends at a space character,
// at a gap, or where the font changes; legacy-font words (.VnTime, VNI-Times …) are decoded to
// Unicode here, by their font's name.
import { decodeRun, legacyFontOf } from '../legacy-fonts/index.ts';
import type { Run } from '../layout/page-layout.ts';
import type { PdfChar } from './chars.ts';

/** Baselines this close (in em of the smaller font) are one line. */
const SAME_BASELINE_EM = 0.2;
/** A gap this wide (in em) between two glyphs is a space. */
const SPACE_GAP_EM = 0.12;
const COMBINING = /^\p{M}$/u;

/** The words of one page, as layout runs (one run per word; the layout measures the gaps). */
export function charsToRuns(chars: readonly PdfChar[]): Run[] {
  const runs: Run[] = [];
  for (const line of baselineGroups(chars)) {
    let word: PdfChar[] = [];
    const flush = () => {
      if (word.length) runs.push(makeRun(word));
      word = [];
    };
    for (const ch of line) {
      if (isSpace(ch.c)) {
        flush();
        continue;
      }
      const prev = word[word.length - 1];
      if (prev) {
        const gap = ch.x0 - prev.x1;
        // A combining mark goes with the letter before it wherever it is drawn.
        const fontBreak = prev.font !== ch.font && (prev.bold !== ch.bold || prev.italic !== ch.italic || isLegacy(prev) || isLegacy(ch));
        if ((gap > SPACE_GAP_EM * Math.min(prev.size, ch.size) || fontBreak) && !COMBINING.test(ch.c)) flush();
      }
      word.push(ch);
    }
    flush();
  }
  return runs;
}

const legacyByFont = new Map<string, boolean>();
const isLegacy = (c: PdfChar) => {
  let v = legacyByFont.get(c.font);
  if (v === undefined) legacyByFont.set(c.font, (v = legacyFontOf(c.font) !== null));
  return v;
};
const isSpace = (c: string) => c.length === 1 && (c === ' ' || c === '\u00a0' || c === '\t' || /\s/u.test(c));

/**
 * Characters on (almost) the same baseline, each group sorted by x. Duplicates (the same glyph
 * drawn twice at almost the same place: a producer's fake bold or shadow) are dropped.
 */
function baselineGroups(chars: readonly PdfChar[]): PdfChar[][] {
  const byY = chars.map((c, i) => ({ c, i })).sort((a, b) => a.c.y - b.c.y || a.i - b.i);
  const groups: { y: number; size: number; items: { c: PdfChar; i: number }[] }[] = [];
  for (const item of byY) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(item.c.y - g.y) <= SAME_BASELINE_EM * Math.min(g.size, item.c.size)) g.items.push(item);
    else groups.push({ y: item.c.y, size: item.c.size, items: [item] });
  }
  return groups.map((g) => {
    // Sorted by left edge; glyphs at the same place keep the file's order (a base letter and the
    // combining mark drawn over it).
    const sorted = g.items.sort((a, b) => a.c.x0 - b.c.x0 || a.i - b.i).map((it) => it.c);
    const out: PdfChar[] = [];
    for (const c of sorted) {
      let twin = false;
      for (let k = out.length - 1; k >= 0 && k >= out.length - 3 && !twin; k--) {
        const o = out[k]!;
        twin = o.c === c.c && Math.abs(o.x0 - c.x0) < 0.15 * c.size && Math.abs(o.x1 - c.x1) < 0.15 * c.size && Math.abs(o.y - c.y) < 0.15 * c.size;
      }
      if (!twin || isSpace(c.c) || COMBINING.test(c.c)) out.push(c);
    }
    return out;
  });
}

function makeRun(word: PdfChar[]): Run {
  const raw = word.map((c) => c.c).join('');
  const text = decodeRun(raw, word[0]!.font).normalize('NFC');
  const x0 = Math.min(...word.map((c) => c.x0));
  const x1 = Math.max(...word.map((c) => c.x1));
  // The baseline and size of most of the word's letters (a raised footnote mark does not move it).
  const sizes = word.map((c) => c.size).sort((a, b) => a - b);
  const ys = word.map((c) => c.y).sort((a, b) => a - b);
  const bold = word.filter((c) => c.bold).length * 2 > word.length;
  const italic = word.filter((c) => c.italic).length * 2 > word.length;
  return { text, x: x0, y: ys[ys.length >> 1]!, w: Math.max(0, x1 - x0), size: sizes[sizes.length >> 1]!, bold, italic };
}

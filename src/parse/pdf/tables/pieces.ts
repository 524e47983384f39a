// Borderless tables, step 1: words → lines → pieces. A piece is the text of one cell on one
// line: a gap wider than the line's word spaces (cell padding) separates two pieces.
import { LIST_LABEL, type Run } from '../../layout/page-layout.ts';

export interface Piece {
  runs: Run[];
  /** Baseline of its first word (a line's pieces may sit a little apart: cells centred vertically). */
  y: number;
  left: number;
  right: number;
  text: string;
}

export interface TLine {
  y: number;
  size: number;
  runs: Run[];
  pieces: Piece[];
  left: number;
  right: number;
}

/** A cell gap is at least this wide (em), and wider than the line's word spaces by WORD_SPACE_RATIO. */
const CELL_GAP_EM = 0.3;
const WORD_SPACE_RATIO = 1.25;
/** Lines of one cell follow at most this far apart (em, baseline to baseline); a new row is
 *  farther when the cells have padding. */
export const WRAP_PITCH_EM = 1.25;
/** A value: a number or a mark. The first line with one ends the header. */
export const VALUE = /^(?:\d[\d.,]*|[xX×✓✔])$/u;

/** The page's words as lines (top to bottom) cut into pieces. */
export function toLines(runs: readonly Run[]): TLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(r.y - g[0]!.y) <= 0.4 * Math.min(r.size, g[0]!.size)) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    const rs = g.sort((a, b) => a.x - b.x);
    const size = Math.max(...rs.map((r) => r.size));
    const gaps = rs.slice(1).map((r, k) => r.x - (rs[k]!.x + rs[k]!.w));
    // The line's word space: the middle one of its gaps up to 0.7 em (a justified line stretches
    // them all alike; a thin space inside '19 074' is not one).
    const small = gaps.filter((x) => x <= 0.7 * size).sort((x, y) => x - y);
    const space = small.length ? small[small.length >> 1]! : 0.25 * size;
    // A justified line with few words stretches every space alike, even past 0.7 em: many gaps,
    // all within 15 % of each other, are word spaces.
    const sortedGaps = [...gaps].sort((x, y) => x - y);
    const uniform = gaps.length >= 5 && sortedGaps[sortedGaps.length - 1]! <= 1.15 * sortedGaps[0]!;
    const cut = uniform ? Infinity : Math.max(CELL_GAP_EM * size, WORD_SPACE_RATIO * space);
    const pieces: Piece[] = [];
    rs.forEach((r, k) => {
      const last = pieces[pieces.length - 1];
      // A list number and the tab after it ('1.⇥Công tác tập huấn …') are one piece of text.
      const afterLabel = pieces.length === 1 && last !== undefined && /[.)]$|^[-–+•]$/u.test(last.text) && LIST_LABEL.test(last.text) && gaps[k - 1]! < 6 * size;
      if (last && (gaps[k - 1]! <= cut || afterLabel)) {
        last.runs.push(r);
        last.right = Math.max(last.right, r.x + r.w);
        last.text += ` ${r.text}`;
      } else pieces.push({ runs: [r], y: r.y, left: r.x, right: r.x + r.w, text: r.text });
    });
    return { y: rs[0]!.y, size, runs: rs, pieces, left: pieces[0]!.left, right: Math.max(...pieces.map((p) => p.right)) };
  });
}

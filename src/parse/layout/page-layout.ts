// Positioned text and drawn rules of each page → document blocks: lines, paragraphs (wrapped
// lines joined, page numbers dropped), ruled tables (cells from the rules, merged cells as spans),
// borderless column blocks (header and signature tables). Knows nothing of how the page was read:
// a text-layer PDF reader or OCR of a page image both produce PageData.
import type { TableCell, TextStyle } from '../../document/model.ts';
import { parseMarker, type RawBlock } from '../../document/structure.ts';
import { isMostlyUpper } from '../../document/text.ts';

// Layout types (page coordinates: points, origin top-left, y grows downwards).

export interface Run {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  w: number;
  size: number;
  bold: boolean;
  italic: boolean;
}

export interface Line {
  page: number;
  runs: Run[];
  y: number;
  size: number;
  left: number;
  right: number;
  text: string;
  /** Pieces of the line separated by wide gaps (tab stops, table columns without rules). */
  segments: { left: number; right: number; text: string }[];
  bold: boolean;
  italic: boolean;
  /** Letters in bold / italic, and all letters (for paragraph style). */
  letters: number;
  boldLetters: number;
  italicLetters: number;
}

export interface Rule {
  /** Horizontal: y fixed, from x1 to x2. Vertical: x fixed, from y1 to y2. */
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

export interface GridTable {
  page: number;
  top: number;
  bottom: number;
  xs: number[];
  ys: number[];
  /** Merged cells: top-left grid position and spans, row by row. */
  cells: { r: number; c: number; rs: number; cs: number; runs: Run[] }[];
  /** Found from the words, without rules: its column lines are estimates (from what each page's
   *  part of the table holds), so a continuation is matched column by column. */
  borderless?: boolean;
}

export interface Margins {
  left: number;
  right: number;
}

export type PageElement =
  | { kind: 'line'; top: number; line: Line }
  | { kind: 'table'; top: number; table: GridTable }
  | { kind: 'columns'; top: number; lines: Line[]; cuts: number[] };

/** One page as read: positioned text runs and drawn (or detected) horizontal/vertical rules. */
export interface PageData {
  page: number;
  width: number;
  height: number;
  runs: Run[];
  rules: Rule[];
  /** Tables the reader found itself (borderless tables of a text-layer PDF), their runs already
   *  in their cells (those runs are among `runs` and are left out of the text flow). */
  tables?: GridTable[];
}

// Tunables, in em of the text's font size unless said otherwise.
export const COLUMN_GAP_EM = 1.6; // a gap this wide splits a line into segments (tab stops, borderless columns)
/** Text that is only a list number or bullet: 'I.', '1.', '1.2.', 'a)', '-', '•'. */
export const LIST_LABEL = /^(?:(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđA-ZĐ])[.)]|\(?[a-zđ0-9]{1,2}\)|[-+–•●○◦▪■□◆❖➢►✓*\uf0a7\uf0b7\uf0d8\uf076\uf0fc])$/u;
const WORD_GAP_EM = 0.12; // a gap this wide between two text items is a space
const RULE_TOL = 2; // points: rules this close are the same rule / touch

// ---------------------------------------------------------------------------------------------
// Rules → tables (grid positions, merged cells)

/** Rules on (almost) the same line that touch or overlap become one. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const dir of ['h', 'v'] as const) {
    const rs = rules.filter((r) => r.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    const groups: Rule[][] = [];
    for (const r of rs) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(g[0]!.at - r.at) <= 1) g.push(r);
      else groups.push([r]);
    }
    for (const g of groups) {
      const at = g.reduce((s, r) => s + r.at, 0) / g.length;
      const sorted = g.sort((a, b) => a.from - b.from);
      let cur: Rule | null = null;
      for (const r of sorted) {
        if (cur && r.from <= cur.to + RULE_TOL) cur.to = Math.max(cur.to, r.to);
        else {
          if (cur) out.push(cur);
          cur = { dir, at, from: r.from, to: r.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - RULE_TOL && v.at <= h.to + RULE_TOL && h.at >= v.from - RULE_TOL && h.at <= v.to + RULE_TOL;
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= tol) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Ruled tables: grids from the rules that touch each other, merged cells where a rule is missing. */
export function detectTables(page: number, rawRules: readonly Rule[]): GridTable[] {
  const rules = mergeRules(rawRules).filter((r) => r.to - r.from > 3);
  // Connected groups of rules (a horizontal and a vertical rule that touch are connected).
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!, b = rules[j]!;
      if (a.dir !== b.dir && touches(a.dir === 'h' ? a : b, a.dir === 'h' ? b : a)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const k = find(i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  const tables: GridTable[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((r) => r.dir === 'h');
    const vs = g.filter((r) => r.dir === 'v');
    if (hs.length < 2 || vs.length < 2) continue;
    // Tables drawn without outer side borders: the horizontal rules still reach the edges.
    const xAt = vs.map((r) => r.at);
    const yAt = hs.map((r) => r.at);
    const hLeft = Math.min(...hs.map((r) => r.from)), hRight = Math.max(...hs.map((r) => r.to));
    const vTop = Math.min(...vs.map((r) => r.from)), vBottom = Math.max(...vs.map((r) => r.to));
    if (hLeft < Math.min(...xAt) - 3) xAt.push(hLeft);
    if (hRight > Math.max(...xAt) + 3) xAt.push(hRight);
    if (vTop < Math.min(...yAt) - 3) yAt.push(vTop);
    if (vBottom > Math.max(...yAt) + 3) yAt.push(vBottom);
    const ys = cluster(yAt, 2.5);
    const xs = cluster(xAt, 2.5);
    if (ys.length < 2 || xs.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    if (rows * cols < 2) continue; // one framed box: a border around text, not a table
    const covered = (list: Rule[], at: number, lo: number, hi: number) => {
      const mid = (lo + hi) / 2;
      return list.some((r) => Math.abs(r.at - at) <= 2.5 && r.from <= mid + 0.5 && r.to >= mid - 0.5 && (r.to - r.from) >= Math.min(hi - lo, 4) * 0.5);
    };
    const vBorder = (r: number, c: number) => covered(vs, xs[c]!, ys[r]!, ys[r + 1]!); // left edge of column c in row r
    const hBorder = (r: number, c: number) => covered(hs, ys[r]!, xs[c]!, xs[c + 1]!); // top edge of row r in column c
    const seen = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
    const cells: GridTable['cells'] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (seen[r]![c]) continue;
        let cs = 1;
        while (c + cs < cols && !seen[r]![c + cs] && !vBorder(r, c + cs)) cs++;
        let rs = 1;
        while (r + rs < rows && Array.from({ length: cs }, (_, k) => c + k).every((cc) => !seen[r + rs]![cc] && !hBorder(r + rs, cc))) rs++;
        for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) seen[r + dr]![c + dc] = true;
        cells.push({ r, c, rs, cs, runs: [] });
      }
    }
    tables.push({ page, top: ys[0]!, bottom: ys[ys.length - 1]!, xs, ys, cells });
  }
  return tables.sort((a, b) => a.top - b.top);
}

function cellAt(t: GridTable, x: number, y: number): GridTable['cells'][number] | undefined {
  const tol = 1;
  if (x < t.xs[0]! - tol || x > t.xs[t.xs.length - 1]! + tol || y < t.ys[0]! - tol || y > t.ys[t.ys.length - 1]! + tol) return undefined;
  const col = Math.max(0, Math.min(t.xs.length - 2, t.xs.findIndex((v, i) => i > 0 && x <= v) - 1));
  const row = Math.max(0, Math.min(t.ys.length - 2, t.ys.findIndex((v, i) => i > 0 && y <= v) - 1));
  return t.cells.find((c) => row >= c.r && row < c.r + c.rs && col >= c.c && col < c.c + c.cs);
}

// ---------------------------------------------------------------------------------------------
// Runs → lines

function toLines(page: number, runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g) {
      const ref = g[0]!;
      // Same baseline within 40 % of the smaller font (raised footnote marks stay on the line).
      if (Math.abs(r.y - ref.y) <= 0.4 * Math.min(r.size, ref.size)) {
        g.push(r);
        continue;
      }
    }
    groups.push([r]);
  }
  return groups.map((g) => makeLine(page, g));
}

function makeLine(page: number, group: Run[]): Line {
  const runs = [...group].sort((a, b) => a.x - b.x);
  const size = Math.max(...runs.map((r) => r.size));
  const baseRun = runs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const segments: Line['segments'] = [];
  let text = '';
  let segText = '';
  let segLeft = runs[0]!.x;
  let prevEnd = runs[0]!.x;
  runs.forEach((r, i) => {
    if (i > 0) {
      const gap = r.x - prevEnd;
      // A list number and the tab after it ('I.⇥KHÁI QUÁT', '-⇥Tỷ lệ …') is one piece of text.
      const afterLabel = segments.length === 0 && LIST_LABEL.test(segText) && gap < 6 * size;
      if (gap > COLUMN_GAP_EM * size && !afterLabel) {
        segments.push({ left: segLeft, right: prevEnd, text: segText });
        segText = '';
        segLeft = r.x;
        text += ' ';
      } else if (gap > WORD_GAP_EM * size) {
        segText += ' ';
        text += ' ';
      }
    }
    segText += r.text;
    text += r.text;
    prevEnd = Math.max(prevEnd, r.x + r.w);
  });
  segments.push({ left: segLeft, right: prevEnd, text: segText });
  let letters = 0, boldLetters = 0, italicLetters = 0;
  for (const r of runs) {
    const n = r.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    letters += n;
    if (r.bold) boldLetters += n;
    if (r.italic) italicLetters += n;
  }
  return {
    page, runs, y: baseRun.y, size, left: runs[0]!.x, right: prevEnd, text: text.replace(/\s+/g, ' ').trim(), segments,
    bold: letters > 0 && boldLetters / letters > 0.5, italic: letters > 0 && italicLetters / letters > 0.5,
    letters, boldLetters, italicLetters,
  };
}

// ---------------------------------------------------------------------------------------------
// Page furniture: page numbers and running headers/footers

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

function dropFurniture(pages: { page: PageData; lines: Line[] }[]): void {
  // Running headers/footers: the same text (digits aside) at the same height on most pages.
  const count = new Map<string, number>();
  const key = (l: Line) => `${Math.round(l.y / 3)}|${l.text.replace(/\d+/g, '#')}`;
  for (const p of pages) {
    const edge = p.lines.filter((l) => l.y < p.page.height * 0.12 || l.y > p.page.height * 0.88);
    for (const k of new Set(edge.map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const repeated = (l: Line) => {
    const n = count.get(key(l)) ?? 0;
    return pages.length >= 2 && (n === pages.length || (pages.length >= 3 && n >= Math.max(3, 0.8 * pages.length)));
  };
  for (const p of pages) {
    const isEdge = (l: Line, i: number) => i === 0 || i === p.lines.length - 1 || l.y < p.page.height * 0.1 || l.y > p.page.height * 0.9;
    p.lines = p.lines.filter((l, i) => {
      const edge = l.y < p.page.height * 0.12 || l.y > p.page.height * 0.88;
      if (edge && repeated(l)) return false;
      if (isEdge(l, i) && PAGE_NUMBER.test(l.text)) return false;
      return true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Lines + tables → blocks

export function layoutToBlocks(pages: PageData[]): RawBlock[] {
  const perPage = pages.map((page) => {
    const tables = detectTables(page.page, page.rules);
    // Tables the reader found itself come with their runs in their cells.
    const taken = new Set((page.tables ?? []).flatMap((t) => t.cells.flatMap((c) => c.runs)));
    const flow: Run[] = [];
    for (const r of page.runs) {
      if (taken.has(r)) continue;
      const cx = r.x + Math.min(r.w, 2 * r.size) / 2;
      const cy = r.y - 0.3 * r.size;
      let placed = false;
      for (const t of tables) {
        const cell = cellAt(t, cx, cy);
        if (cell) {
          cell.runs.push(r);
          placed = true;
          break;
        }
      }
      if (!placed) flow.push(r);
    }
    // A ruled grid without any text in it is decoration (or a form left blank): drop it.
    const used = [...tables.filter((t) => t.cells.some((c) => c.runs.length > 0)), ...(page.tables ?? [])].sort((a, b) => a.top - b.top);
    return { page, lines: toLines(page.page, flow), tables: used };
  });
  dropFurniture(perPage);
  const margins = estimateMargins(perPage.flatMap((p) => p.lines), pages);
  const pitch = estimatePitch(perPage.map((p) => p.lines));

  // Page elements in reading order; column blocks found among consecutive lines.
  const elements: PageElement[][] = perPage.map((p) => {
    const items: PageElement[] = [
      ...p.lines.map((line) => ({ kind: 'line' as const, top: line.y - line.size, line })),
      ...p.tables.map((table) => ({ kind: 'table' as const, top: table.top, table })),
    ].sort((a, b) => a.top - b.top);
    return findColumnBlocks(items, margins.get(p.page.page) ?? { left: 0, right: p.page.width });
  });
  joinTablesAcrossPages(elements);
  continueColumnsAcrossPages(elements, margins, new Map(pages.map((p) => [p.page, p.width])));

  const blocks: RawBlock[] = [];
  let para: Line[] = [];
  const flush = () => {
    if (para.length) blocks.push(paragraphBlock(para));
    para = [];
  };
  let prevLast: Line | null = null; // last line of the previous page, if the page ended in text
  for (const pageEls of elements) {
    pageEls.forEach((el, i) => {
      if (el.kind === 'line') {
        const L = el.line;
        const P = para[para.length - 1];
        const firstOnPage = i === 0;
        if (P && continues(para, L, margins, pitch, firstOnPage && P === prevLast)) para.push(L);
        else {
          flush();
          para = [L];
        }
        return;
      }
      flush();
      if (el.kind === 'table') blocks.push({ kind: 'table', cells: gridCells(el.table) });
      else blocks.push({ kind: 'table', cells: columnCells(el.lines, el.cuts, margins.get(el.lines[0]!.page) ?? { left: 0, right: Infinity }) });
    });
    const last = pageEls[pageEls.length - 1];
    prevLast = last?.kind === 'line' ? last.line : null;
    if (!prevLast) flush();
  }
  flush();
  return blocks;
}

/** The text column per page: where continuation lines start, where justified lines end. */
function estimateMargins(lines: Line[], pages: PageData[]): Map<number, Margins> {
  const out = new Map<number, Margins>();
  const counts = (xs: number[]) => {
    const c = new Map<number, number>();
    for (const x of xs) c.set(Math.round(x), (c.get(Math.round(x)) ?? 0) + 1);
    return c;
  };
  const mode = (xs: number[]) => [...counts(xs).entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  // The left margin is where continuation lines start: the leftmost edge shared by several lines
  // (the most common edge is the first-line indent when paragraphs are short).
  const commonLeft = (xs: number[]) => {
    const min = Math.max(2, Math.ceil(xs.length * 0.08));
    const c = counts(xs);
    const edges = [...c.keys()].sort((a, b) => a - b);
    return edges.find((x) => (c.get(x) ?? 0) + (c.get(x - 1) ?? 0) + (c.get(x + 1) ?? 0) >= min);
  };
  const docLeft = commonLeft(lines.map((l) => l.left)) ?? 72;
  const docRight = mode(lines.filter((l) => l.right - l.left > 200).map((l) => l.right)) ?? Math.max(...lines.map((l) => l.right), docLeft + 400);
  // Most pages share one size; a landscape annex page keeps the same distances to its edges.
  const docWidth = mode(pages.map((p) => p.width)) ?? pages[0]?.width ?? 595;
  for (const p of pages) {
    const own = lines.filter((l) => l.page === p.page);
    const left = own.length >= 6 ? (commonLeft(own.map((l) => l.left)) ?? docLeft) : docLeft;
    const long = own.filter((l) => l.right - l.left > (docRight - docLeft) * 0.6).map((l) => l.right);
    const fallbackRight = p.width - (docWidth - docRight);
    const rightMode = mode(long);
    let right = long.length >= 3 && rightMode !== undefined && (counts(long).get(rightMode) ?? 0) >= 2 ? rightMode : long.length >= 3 ? Math.max(...long) : fallbackRight;
    if (right > p.width || right <= left) right = fallbackRight;
    out.set(p.page, { left: Math.min(left, docLeft + 200), right });
  }
  return out;
}

/** Baseline-to-baseline distance of lines inside one paragraph, by (rounded) font size. */
function estimatePitch(pages: Line[][]): (size: number) => number {
  const bySize = new Map<number, number[]>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!, b = lines[i]!;
      if (Math.abs(a.size - b.size) > 0.6) continue;
      const d = b.y - a.y;
      if (d > 0.9 * a.size && d < 2.5 * a.size) {
        const k = Math.round(a.size);
        bySize.set(k, [...(bySize.get(k) ?? []), d]);
      }
    }
  }
  const pitch = new Map<number, number>();
  for (const [k, ds] of bySize) {
    // The smallest distance that is common: the 30th percentile, so that paragraph spacing
    // (larger) does not count when most pairs are inside paragraphs.
    const s = ds.sort((a, b) => a - b);
    pitch.set(k, s[Math.floor(s.length * 0.3)]!);
  }
  return (size: number) => pitch.get(Math.round(size)) ?? 1.2 * size;
}

const BULLET = /^[-+–•●○◦▪▫■□◆◇❖➢►✓*\u2022\uf0a7\uf0b7\uf0d8\uf076\uf0fc]\s*/u;
const CLAUSE_END = /[.:;!?…]["”’)]?$/u;

function startsItem(text: string): boolean {
  return BULLET.test(text) || parseMarker(text) !== null;
}

function firstWordWidth(line: Line): number {
  const r = line.runs[0]!;
  const word = r.text.split(/\s+/)[0] ?? r.text;
  return (r.w * [...word].length) / Math.max(1, [...r.text].length);
}

function centeredOnColumn(line: Line, m: Margins): boolean {
  return Math.abs((line.left + line.right) / 2 - (m.left + m.right) / 2) < Math.max(4, 0.025 * (m.right - m.left));
}

/** Two lines of a centred paragraph: both centred on the text column (the first may fill it), the
 *  second one not starting at the margin (the last line of a justified paragraph starts there). */
function centeredPair(P: Line, L: Line, m: Margins): boolean {
  return centeredOnColumn(P, m) && centeredOnColumn(L, m) && L.left > m.left + L.size;
}

/** Does line L continue the paragraph whose lines so far are `para`? */
function continues(para: Line[], L: Line, margins: Map<number, Margins>, pitch: (size: number) => number, acrossPage: boolean): boolean {
  const P = para[para.length - 1]!;
  const m = margins.get(L.page) ?? { left: L.left, right: L.right };
  if (L.page !== P.page) {
    if (!acrossPage) return false;
  } else {
    const d = L.y - P.y;
    if (d <= 0.3 * L.size) return false;
    if (d > pitch(P.size) + Math.max(1.5, 0.12 * P.size)) return false;
  }
  if (Math.abs(P.size - L.size) > 0.6) return false;
  // Style is no boundary: '2.3. … cải cách hành chính:' in bold italics and '11/11 chỉ tiêu đạt.'
  // in roman are one paragraph; a heading ends short, or the next paragraph is indented.
  const space = 0.25 * L.size;
  // A centred line set in from both margins that had room for the next word ended its paragraph,
  // whatever the next line is (a full line of the next paragraph is centred too).
  if (centeredOnColumn(P, m) && P.left > m.left + L.size && P.right - P.left + space + firstWordWidth(L) < m.right - m.left - 0.6 * L.size) return false;
  const centered = centeredPair(P, L, m);
  if (centered) {
    // A centred line ended early if the next word would have fitted on it (with some slack: we
    // estimate the word's width, and the paragraph may be indented); centred paragraphs in
    // another style (the italic '(Số liệu tính …)' under a bold title) are others.
    if (P.bold !== L.bold || P.italic !== L.italic) return false;
    if (P.right - P.left + space + firstWordWidth(L) < m.right - m.left - 0.6 * L.size) return false;
  } else {
    if (P.right + space + firstWordWidth(L) <= m.right - 1) return false;
    // Indented more than the paragraph's lines: a new paragraph (first-line indent).
    const first = para.length === 1;
    // A hanging indent: the lines of a list item start under its text, not under its number.
    const hanging = first && P.runs.length > 1 && LIST_LABEL.test(P.runs[0]!.text) ? P.runs[1]!.x : null;
    const allowed = first ? Math.max(m.left, Math.min(P.left, m.left + 2 * L.size)) : P.left;
    if (L.left > allowed + 0.6 * L.size && !(hanging !== null && Math.abs(L.left - hanging) < 2)) return false;
  }
  // A new item: after a full stop, colon or semicolon; a bullet glyph or a lettered/roman number
  // always. A dash or a number after a line that ends mid-sentence is a wrapped line: 'Đảng uỷ'
  // + '- UBND xã …', 'ngày' + '12/3/2024 …'.
  if (startsItem(L.text)) {
    if (CLAUSE_END.test(P.text)) return false;
    if (!/^[-–+]\s/u.test(L.text) && !/^\d/.test(L.text)) return false;
  }
  return true;
}

/** The end of a line that is a document number or date cut after its '-' or '/': '2858-',
 *  '96-', '133/', '50/BC-', 'ngày 07/02/'. Digits, capitals, '-', '/', '.', ending in a letter or
 *  digit and then the '-' or '/'. */
const SYMBOL_HEAD = /(?:^|[\s(“"'])[\p{Lu}\p{N}](?:[\p{Lu}\p{N}./-]*[\p{Lu}\p{N}])?[-/]$/u;
/** The start of the next line that goes on with it: a capital or a digit ('CV/TU', 'KH-UBND', '2024'). */
const SYMBOL_TAIL = /^[\p{Lu}\p{N}]/u;

function joinLines(a: string, b: string): string {
  // '2858-' + 'CV/TU', '133/' + 'KH-UBND': a document symbol broken after its hyphen or slash.
  // 'chính trị -' + 'xã hội' (a dash between words) and words ('tế-' + 'xã hội') keep the space.
  if (SYMBOL_HEAD.test(a) && SYMBOL_TAIL.test(b)) return a + b;
  return `${a} ${b}`;
}

function paragraphBlock(lines: Line[]): RawBlock {
  let text = lines[0]!.text;
  for (const l of lines.slice(1)) text = joinLines(text, l.text);
  text = text.replace(/^[●•○◦▪▫■□◆◇❖➢►✓\u2022\uf0a7\uf0b7\uf0d8\uf076\uf0fc]\s*/u, '');
  let letters = 0, bold = 0, italic = 0;
  for (const l of lines) {
    letters += l.letters;
    bold += l.boldLetters;
    italic += l.italicLetters;
  }
  const style: TextStyle = {};
  if (letters > 0 && bold / letters >= 0.95) style.bold = true;
  if (letters > 0 && italic / letters >= 0.95) style.italic = true;
  return { kind: 'paragraph', text, style };
}

// ---------------------------------------------------------------------------------------------
// Tables: cells, text inside cells, tables continued on the next page

function cellText(runs: Run[]): string {
  if (!runs.length) return '';
  const lines = toLines(0, runs).map((l) => l.text).filter(Boolean);
  let out = lines[0] ?? '';
  for (const l of lines.slice(1)) {
    const prev = out.split('\n').pop() ?? '';
    if (BULLET.test(l) || (CLAUSE_END.test(prev) && /^\p{Lu}/u.test(l))) out += `\n${l}`;
    else out = joinLines(out, l);
  }
  return out;
}

function gridCells(t: GridTable): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: t.ys.length - 1 }, () => []);
  for (const c of t.cells) rows[c.r]!.push({ text: cellText(c.runs), rowSpan: c.rs, colSpan: c.cs });
  return rows.filter((r) => r.length > 0);
}

/** A table split by a page break continues on the next page: same columns, first thing on the page.
 *  Its header rows, when the producer repeated them, are dropped. */
function joinTablesAcrossPages(elements: PageElement[][]): void {
  for (let p = 1; p < elements.length; p++) {
    // The page before, or the last one that still has something on it (a page that was nothing
    // but rows of the table has been emptied into it).
    let q = p - 1;
    while (q > 0 && elements[q]!.length === 0) q--;
    const prev = elements[q]!;
    const last = prev[prev.length - 1];
    const first = elements[p]![0];
    if (last?.kind !== 'table' || first?.kind !== 'table') continue;
    const a = last.table, b = first.table;
    if (a.xs.length !== b.xs.length) continue;
    if (a.borderless || b.borderless) {
      // Each column of the continuation lies in the same column of the table above.
      const inside = b.xs.slice(1).every((x, i) => {
        const mid = (b.xs[i]! + x) / 2;
        return mid > a.xs[i]! - 3 && mid < a.xs[i + 1]! + 3;
      });
      if (!inside) continue;
    } else if (a.xs.some((x, i) => Math.abs(x - b.xs[i]!) > 3)) continue;
    const aRows = gridText(a);
    const bRows = gridText(b);
    let skip = 0;
    while (skip < bRows.length && skip < aRows.length && bRows[skip]!.join('\u0001') === aRows[skip]!.join('\u0001') && bRows[skip]!.some(Boolean)) skip++;
    const offset = a.ys.length - 1 - skip;
    const shift = b.ys[skip]! - a.ys[a.ys.length - 1]!;
    const merged: GridTable = {
      ...a,
      bottom: a.bottom,
      ys: [...a.ys, ...b.ys.slice(skip + 1).map((y) => y - shift)],
      cells: [...a.cells, ...b.cells.filter((c) => c.r >= skip).map((c) => ({ ...c, r: c.r + offset }))],
    };
    prev[prev.length - 1] = { kind: 'table', top: last.top, table: merged };
    elements[p]!.shift();
  }
}

function gridText(t: GridTable): string[][] {
  const grid: string[][] = Array.from({ length: t.ys.length - 1 }, () => new Array<string>(t.xs.length - 1).fill(''));
  for (const c of t.cells) {
    const text = cellText(c.runs);
    for (let dr = 0; dr < c.rs; dr++) for (let dc = 0; dc < c.cs; dc++) grid[c.r + dr]![c.c + dc] = text;
  }
  return grid;
}

// ---------------------------------------------------------------------------------------------
// Borderless column blocks (header table, signature table, tab-aligned lists)

function findColumnBlocks(items: PageElement[], m: Margins): PageElement[] {
  const out: PageElement[] = [];
  let i = 0;
  while (i < items.length) {
    const el = items[i]!;
    if (el.kind !== 'line' || el.line.segments.length < 2) {
      out.push(el);
      i++;
      continue;
    }
    // Gaps of the first line: the whitespace "rivers" between columns.
    const block = { kind: 'columns' as const, top: el.top, lines: [el.line], rivers: gaps(el.line) };
    const j = extendBlock(block, items, i + 1, m, false);
    if (block.lines.length >= 2) {
      out.push({ kind: 'columns', top: el.top, lines: block.lines, cuts: block.rivers.map((r) => (r.a + r.b) / 2) });
      i = j;
    } else {
      out.push(el);
      i++;
    }
  }
  return out;
}

interface OpenBlock {
  lines: Line[];
  rivers: { a: number; b: number }[];
}

/** Adds the lines from items[j] on that belong to the block; returns the index after them.
 *  newPage: items are the top of the next page (no vertical distance to the block's last line). */
function extendBlock(block: OpenBlock, items: PageElement[], j: number, m: Margins, newPage: boolean): number {
  let first = newPage;
  while (j < items.length) {
    const next = items[j]!;
    if (next.kind !== 'line') break;
    const M = next.line;
    const prev = block.lines[block.lines.length - 1]!;
    const align = M.segments.length === 1 ? alignment(M, block, m) : 'rows';
    // A line with one piece joins only if it lines up with a piece above it (same left edge, or
    // same centre: the motto under 'CỘNG HÒA …'); the title 'BÁO CÁO', centred on the page, does not.
    if (align === null) break;
    // Rows of a borderless table are close; the title under the header table is farther. The
    // signer's name comes after the space for the signature, centred under 'CHỦ TỊCH'.
    const gap = first ? 0 : M.y - prev.y;
    const limit = (align === 'center-right' ? 8 : 1.6) * Math.max(M.size, prev.size);
    if (gap > limit) break;
    const narrowed = narrowRivers(block.rivers, M);
    if (!narrowed) break;
    block.rivers = narrowed;
    block.lines.push(M);
    first = false;
    j++;
  }
  return j;
}

/** How a one-piece line lines up with the block: centred under a piece of a column right of the
 *  first ('center-right'), centred under or left-aligned with a piece ('center' / 'left'), or not. */
function alignment(M: Line, block: OpenBlock, m: Margins): 'center-right' | 'center' | 'left' | null {
  const s = M.segments[0]!;
  const tol = 0.6 * M.size;
  const center = (s.left + s.right) / 2;
  const firstCut = block.rivers.length ? (block.rivers[0]!.a + block.rivers[0]!.b) / 2 : Infinity;
  // Centred on the page: a title, not a cell (the columns of a header or signature table are
  // never centred on the page).
  if (Math.abs(center - (m.left + m.right) / 2) < Math.max(4, 0.03 * (m.right - m.left))) return null;
  const under = block.lines.flatMap((l) => l.segments).filter((t) => Math.abs((t.left + t.right) / 2 - center) < tol);
  if (under.length) return under.some((t) => t.left > firstCut) ? 'center-right' : 'center';
  return block.lines.some((l) => l.segments.some((t) => Math.abs(t.left - s.left) < tol)) ? 'left' : null;
}

/** A borderless block at the foot of a page (the 'Nơi nhận' / signature table) goes on at the top
 *  of the next one. */
function continueColumnsAcrossPages(elements: PageElement[][], margins: Map<number, Margins>, widths: Map<number, number>): void {
  for (let p = 1; p < elements.length; p++) {
    const prev = elements[p - 1]!;
    const last = prev[prev.length - 1];
    const items = elements[p]!;
    if (last?.kind !== 'columns' || items[0]?.kind !== 'line') continue;
    const page = items[0].line.page;
    if (Math.abs((widths.get(page) ?? 0) - (widths.get(last.lines[0]!.page) ?? 0)) > 2) continue; // portrait → landscape: a new start
    const block: OpenBlock = { lines: [...last.lines], rivers: last.cuts.map((c) => ({ a: c - 0.5, b: c + 0.5 })) };
    // The rivers were narrowed to cuts: widen them back to the whitespace the block's lines leave.
    block.rivers = block.rivers.map((r) => {
      let a = -Infinity, b = Infinity;
      for (const l of block.lines) for (const sg of l.segments) {
        if (sg.right <= r.a) a = Math.max(a, sg.right);
        if (sg.left >= r.b) b = Math.min(b, sg.left);
      }
      return { a: Number.isFinite(a) ? a : r.a, b: Number.isFinite(b) ? b : r.b };
    });
    const j = extendBlock(block, items, 0, margins.get(page) ?? { left: 0, right: Infinity }, true);
    if (j === 0) continue;
    prev[prev.length - 1] = { kind: 'columns', top: last.top, lines: block.lines, cuts: block.rivers.map((r) => (r.a + r.b) / 2) };
    items.splice(0, j);
  }
}

function gaps(line: Line): { a: number; b: number }[] {
  const out: { a: number; b: number }[] = [];
  for (let k = 1; k < line.segments.length; k++) out.push({ a: line.segments[k - 1]!.right, b: line.segments[k]!.left });
  return out;
}

/** The rivers left open by line M (each must keep at least 1 em of whitespace), or null if M
 *  runs across one of them. */
function narrowRivers(rivers: { a: number; b: number }[], M: Line): { a: number; b: number }[] | null {
  const out: { a: number; b: number }[] = [];
  for (const r of rivers) {
    let a = r.a, b = r.b;
    for (const s of M.segments) {
      if (s.right <= a || s.left >= b) continue;
      // The segment overlaps the river: keep the larger free side.
      const leftFree = s.left - a;
      const rightFree = b - s.right;
      if (leftFree >= rightFree) b = s.left;
      else a = s.right;
    }
    if (b - a < M.size) return null;
    out.push({ a, b });
  }
  return out;
}

/** Rows of a borderless block. Each text line is a row, except that a line with nothing in the
 *  first column belongs to the row above (the motto under 'CỘNG HÒA …', the signer's name), and a
 *  line that only continues wrapped cells is joined to them ('… ngày 21 tháng 6 năm' + '2024'). */
function columnCells(lines: Line[], cuts: number[], m: Margins): TableCell[][] {
  const ncols = cuts.length + 1;
  interface Cell { text: string; left: number; right: number; size: number }
  const perLine = lines.map((line) => {
    const cells: (Cell | null)[] = new Array<Cell | null>(ncols).fill(null);
    for (const sg of line.segments) {
      const center = (sg.left + sg.right) / 2;
      let col = cuts.findIndex((c) => center < c);
      if (col < 0) col = cuts.length;
      const had = cells[col];
      cells[col] = had ? { text: `${had.text} ${sg.text}`, left: had.left, right: sg.right, size: line.size } : { text: sg.text, left: sg.left, right: sg.right, size: line.size };
    }
    return cells;
  });
  // The widest text in a column stands for the width its lines can take.
  const widest = Array.from({ length: ncols }, (_, k) => Math.max(0, ...perLine.map((cells) => (cells[k] ? cells[k]!.right - cells[k]!.left : 0))));
  const caseOf = (t: string) => (t.replace(/[^\p{L}]/gu, '').length < 3 ? null : isMostlyUpper(t) ? 'upper' : 'mixed');
  const rows: string[][] = [];
  perLine.forEach((cells, i) => {
    const above = perLine[i - 1] ?? [];
    const row = rows[rows.length - 1];
    const used = cells.map((c, k) => (c ? k : -1)).filter((k) => k >= 0);
    const wraps = (k: number) => {
      const prev = above[k];
      const cur = cells[k]!;
      if (!prev || CLAUSE_END.test(prev.text) || BULLET.test(cur.text)) return false;
      // 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' then 'Độc lập - Tự do - Hạnh phúc': two paragraphs.
      const a = caseOf(prev.text), b = caseOf(cur.text);
      if (a && b && a !== b) return false;
      const word = cur.text.split(/\s+/)[0] ?? cur.text;
      const wordWidth = ((cur.right - cur.left) * [...word].length) / Math.max(1, [...cur.text].length);
      return prev.right - prev.left + 0.25 * cur.size + wordWidth > widest[k]! - 2;
    };
    if (row && i > 0 && used.every(wraps)) {
      for (const k of used) row[k] = joinLines(row[k]!, cells[k]!.text);
    } else if (row && !cells[0]) {
      for (const k of used) row[k] = row[k] ? `${row[k]}\n${cells[k]!.text}` : cells[k]!.text;
    } else {
      rows.push(cells.map((c) => c?.text ?? ''));
    }
  });
  return rows.map((r) => r.map((text) => ({ text, rowSpan: 1, colSpan: 1 })));
}

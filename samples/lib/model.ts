// A small document model that both renderers (docx via the `docx` package, HTML for
// LibreOffice) take, and that can be printed as plain text. Reports are composed into it
// once; the file format is a rendering choice.

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A line break (Shift+Enter) before this run's text. */
  br?: boolean;
  /** A tab character before this run's text. */
  tab?: boolean;
  /** This run's own font (default: the document's); legacy-font samples set it. */
  font?: string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TabStop {
  /** Position from the left margin, in cm. */
  cm: number;
  align: 'left' | 'center' | 'right';
}

export interface Para {
  kind: 'p';
  runs: Run[];
  align?: Align;
  /** A Word heading style (Heading 1–3) / an HTML <h1>–<h3>. Formatting still comes from the runs. */
  heading?: 1 | 2 | 3;
  /** First-line indent in cm (body text is indented 1 cm in most reports). */
  indentCm?: number;
  /** Left indent of the whole paragraph, in cm. */
  leftCm?: number;
  /** Font size in pt (default: the document's). */
  size?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  tabs?: TabStop[];
  keepNext?: boolean;
}

export interface Cell {
  paras: Para[];
  colSpan?: number;
  rowSpan?: number;
  vAlign?: 'top' | 'center';
}

export interface Table {
  kind: 'table';
  /** Rows of cells as the file lists them: a merged cell appears once, in its first row and column. */
  rows: Cell[][];
  /** Ruled table (annexes) or borderless layout table (header, signature block). */
  borders: boolean;
  /** Relative widths of the grid columns. */
  widths: number[];
  /** Font size in pt for the whole table (default: the document's). */
  size?: number;
}

/** Starts a new section on a new page (annexes are often landscape). */
export interface SectionBreak {
  kind: 'section';
  landscape: boolean;
}

export type Block = Para | Table | SectionBreak;

export interface DocModel {
  font: string;
  /** Body font size in pt. */
  size: number;
  blocks: Block[];
  /** Document properties. */
  title: string;
  author: string;
  /** Creation time written into the file's metadata (ISO 8601), fixed for reproducible files. */
  created: string;
}

// ---------------------------------------------------------------- builders

/**
 * Runs from a line of mini-markup: `<b>…</b>`, `<i>…</i>`, `<u>…</u>` (nestable),
 * '\n' for a line break, '\t' for a tab. Nothing else is special ('3*' stays '3*').
 */
export function runs(markup: string, base: Omit<Run, 'text' | 'br' | 'tab'> = {}): Run[] {
  const out: Run[] = [];
  const state = { bold: !!base.bold, italic: !!base.italic, underline: !!base.underline };
  let pendingBr = false;
  let pendingTab = false;
  let buf = '';
  const flush = () => {
    if (buf === '' && !pendingBr && !pendingTab) return;
    const r: Run = { text: buf };
    if (state.bold) r.bold = true;
    if (state.italic) r.italic = true;
    if (state.underline) r.underline = true;
    if (pendingBr) r.br = true;
    if (pendingTab) r.tab = true;
    out.push(r);
    buf = '';
    pendingBr = false;
    pendingTab = false;
  };
  const re = /<(\/?)([biu])>|\n|\t/g;
  let last = 0;
  for (let m = re.exec(markup); m; m = re.exec(markup)) {
    buf += markup.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '\n' || m[0] === '\t') {
      flush();
      if (m[0] === '\n') pendingBr = true;
      else pendingTab = true;
      continue;
    }
    flush();
    const on = m[1] !== '/';
    if (m[2] === 'b') state.bold = on;
    else if (m[2] === 'i') state.italic = on;
    else state.underline = on;
  }
  buf += markup.slice(last);
  flush();
  return out;
}

export type ParaOpts = Omit<Para, 'kind' | 'runs'> & { bold?: boolean; italic?: boolean };

export function para(markup: string, opts: ParaOpts = {}): Para {
  const { bold, italic, ...rest } = opts;
  return { kind: 'p', runs: runs(markup, { bold, italic }), ...rest };
}

export type CellOpts = Omit<Cell, 'paras'> & ParaOpts;

/** A table cell of one paragraph (or several, from a list). */
export function cell(content: string | Para[], opts: CellOpts = {}): Cell {
  const { colSpan, rowSpan, vAlign, ...p } = opts;
  const paras = typeof content === 'string' ? [para(content, { align: 'center', ...p })] : content;
  const c: Cell = { paras };
  if (colSpan && colSpan > 1) c.colSpan = colSpan;
  if (rowSpan && rowSpan > 1) c.rowSpan = rowSpan;
  if (vAlign) c.vAlign = vAlign;
  return c;
}

// ---------------------------------------------------------------- plain text

export function paraText(p: Para): string {
  return p.runs.map((r) => (r.br ? '\n' : '') + (r.tab ? '\t' : '') + r.text).join('');
}

/** The grid of a table: each row as its grid columns' texts, merged cells filled once ('' elsewhere). */
export function tableGrid(t: Table): string[][] {
  const grid: (string | undefined)[][] = [];
  t.rows.forEach((row, ri) => {
    grid[ri] ??= [];
    let ci = 0;
    for (const c of row) {
      while (grid[ri]![ci] !== undefined) ci++;
      const text = c.paras.map(paraText).join(' ').replace(/\s*\n\s*/g, ' ');
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) {
        grid[ri + dr] ??= [];
        for (let dc = 0; dc < (c.colSpan ?? 1); dc++) grid[ri + dr]![ci + dc] = dr === 0 && dc === 0 ? text : '';
      }
      ci += c.colSpan ?? 1;
    }
  });
  return grid.map((r) => Array.from(r, (x) => x ?? ''));
}

/**
 * The document as plain text, in the seed's shape: paragraphs separated by a blank line,
 * line breaks kept, ruled tables as tab-separated rows (merged cells once, '' in the other
 * positions), layout tables (header, signature) as their cells' paragraphs in reading order.
 */
export function modelToText(doc: DocModel): string {
  const chunks: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'p') {
      const t = paraText(b);
      if (t.trim() !== '') chunks.push(t);
    } else if (b.kind === 'table') {
      if (b.borders) chunks.push(tableGrid(b).map((r) => r.join('\t')).join('\n'));
      else {
        for (const row of b.rows) for (const c of row) for (const p of c.paras) {
          const t = paraText(p);
          if (t.trim() !== '') chunks.push(t);
        }
      }
    }
  }
  return chunks.join('\n\n') + '\n';
}

/** The same document with every text decomposed (Unicode NFD), as some producers write it. */
export function toNfd(doc: DocModel): DocModel {
  const p = (x: Para): Para => ({ ...x, runs: x.runs.map((r) => ({ ...r, text: r.text.normalize('NFD') })) });
  const blocks = doc.blocks.map((b): Block =>
    b.kind === 'p' ? p(b) : b.kind === 'table' ? { ...b, rows: b.rows.map((row) => row.map((c) => ({ ...c, paras: c.paras.map(p) }))) } : b);
  return { ...doc, blocks, title: doc.title.normalize('NFD'), author: doc.author.normalize('NFD') };
}

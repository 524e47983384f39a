// .docx → document model: mammoth turns the Word file into HTML (default style map, so Word
// heading styles become h1…h6), cheerio walks the top-level blocks in document order.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import mammoth from 'mammoth';
import type { DocumentModel, TableCell, TextStyle } from '../document/model.ts';
import { buildDocument, type RawBlock } from '../document/structure.ts';
import { BaocaoError } from '../errors.ts';
import { unzipForParsing } from './limits.ts';
import { readZipEntry } from './zip.ts';

type $ = cheerio.CheerioAPI;

/** Images are skipped (no base64 encoding of pictures we never read). */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function parseDocx(file: Buffer): Promise<DocumentModel> {
  const buffer = unzipForParsing(file); // inflated once, bounded; mammoth re-inflates nothing
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: noImages, externalFileAccess: false });
    html = result.value;
  } catch (err) {
    throw new BaocaoError('CORRUPT_DOCX', firstLine(err), { cause: err });
  }
  const blocks = htmlToBlocks(html);
  applyNumbering(blocks, numberingLabels(buffer));
  return buildDocument(blocks, 'docx');
}

/** mammoth's HTML → raw blocks (exported for tests). */
export function htmlToBlocks(html: string): RawBlock[] {
  const $ = cheerio.load(html, null, false);
  // Footnote and endnote references ('[1]') would stick to numbers in the text; the notes
  // themselves come as a list at the very end, after the annexes: drop both.
  $('a[href^="#footnote-"], a[href^="#endnote-"], a[href^="#comment-"]').each((_, a) => {
    const parent = $(a).parent();
    if (parent.is('sup') && parent.text().trim() === $(a).text().trim()) parent.remove();
    else $(a).remove();
  });
  $('li[id^="footnote-"], li[id^="endnote-"], dl[id^="comment-"], dt[id^="comment-"], dd[id^="comment-"]').remove();
  $('ol:empty, ul:empty').remove();

  const blocks: RawBlock[] = [];
  for (const node of $.root().children().toArray()) walkBlock($, node, blocks);
  return blocks;
}

function walkBlock($: $, el: Element, out: RawBlock[]): void {
  const tag = el.tagName.toLowerCase();
  if (tag === 'p' || /^h[1-6]$/.test(tag)) {
    const headingStyle = tag.startsWith('h') ? Number(tag.slice(1)) : undefined;
    for (const seg of inlineSegments($, el)) out.push(paragraph(seg, headingStyle));
  } else if (tag === 'ul' || tag === 'ol') {
    for (const li of $(el).children('li').toArray()) walkListItem($, li, out);
  } else if (tag === 'table') {
    const cells = tableCells($, el);
    if (cells.length) out.push({ kind: 'table', cells });
  } else if (tag === 'br' || tag === 'img' || tag === 'hr') {
    // nothing to read
  } else {
    // Anything else mammoth may emit at top level (blockquote, div, dl …): read its blocks,
    // or its inline text as one paragraph when it has no block children.
    const kids = $(el).children().toArray();
    if (kids.some((k) => isBlockTag(k.tagName))) for (const k of kids) walkBlock($, k, out);
    else for (const seg of inlineSegments($, el)) out.push(paragraph(seg));
  }
}

/** A list item is a paragraph; a nested list inside it follows as paragraphs of its own. */
function walkListItem($: $, li: Element, out: RawBlock[]): void {
  const nested: Element[] = [];
  const own = $(li).clone();
  own.children('ul, ol, table, p, h1, h2, h3, h4, h5, h6').remove();
  for (const seg of inlineSegments($, own.get(0)!)) out.push(paragraph(seg));
  for (const k of $(li).children().toArray()) if (isBlockTag(k.tagName)) nested.push(k);
  for (const k of nested) walkBlock($, k, out);
}

function isBlockTag(tag: string): boolean {
  return /^(p|h[1-6]|ul|ol|li|table|div|blockquote|dl)$/i.test(tag);
}

interface Segment {
  text: string;
  /** Letters and digits in the segment, and how many of them sit inside <strong>/<b>, <em>/<i>. */
  chars: number;
  bold: number;
  italic: number;
}

function paragraph(seg: Segment, headingStyle?: number): RawBlock {
  const style: TextStyle = {};
  if (seg.chars > 0 && seg.bold === seg.chars) style.bold = true;
  if (seg.chars > 0 && seg.italic === seg.chars) style.italic = true;
  if (headingStyle) style.headingStyle = headingStyle;
  return { kind: 'paragraph', text: seg.text, style };
}

/** The inline content of a block split at <br>: 'KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH' reads as two lines,
 *  and the model keeps no line breaks inside a paragraph. Empty segments are dropped. */
function inlineSegments($: $, el: AnyNode): Segment[] {
  const segs: Segment[] = [];
  let cur: Segment = { text: '', chars: 0, bold: 0, italic: 0 };
  const flush = () => {
    if (cur.text.trim()) segs.push(cur);
    cur = { text: '', chars: 0, bold: 0, italic: 0 };
  };
  const visit = (node: AnyNode, bold: boolean, italic: boolean) => {
    if (node.type === 'text') {
      const text = (node as unknown as { data: string }).data;
      cur.text += text;
      const n = text.replace(/[^\p{L}\p{N}]/gu, '').length;
      cur.chars += n;
      if (bold) cur.bold += n;
      if (italic) cur.italic += n;
      return;
    }
    if (node.type !== 'tag') return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'img') return;
    const b = bold || tag === 'strong' || tag === 'b';
    const i = italic || tag === 'em' || tag === 'i';
    for (const child of (node as Element).children) visit(child, b, i);
  };
  for (const child of (el as Element).children ?? []) visit(child, false, false);
  flush();
  return segs;
}

/** Rows of cells as the file lists them, spans honoured. */
function tableCells($: $, table: Element): TableCell[][] {
  const rows = $(table).find('tr').toArray().filter((tr) => $(tr).closest('table').get(0) === table);
  return rows.map((tr) =>
    $(tr).children('td, th').toArray().map((td) => ({
      text: cellText($, td),
      rowSpan: span($(td).attr('rowspan')),
      colSpan: span($(td).attr('colspan')),
    })),
  );
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** A cell's paragraphs (and list items, and <br> lines) joined with '\n'; a nested table is
 *  flattened into the cell: one line per row, its cells separated by spaces. */
function cellText($: $, td: Element): string {
  const lines: string[] = [];
  const walk = (el: Element) => {
    const kids = el.children.filter((k) => k.type === 'tag' || (k.type === 'text' && (k as unknown as { data: string }).data.trim()));
    const hasBlocks = kids.some((k) => k.type === 'tag' && isBlockTag((k as Element).tagName));
    if (!hasBlocks) {
      for (const seg of inlineSegments($, el)) lines.push(seg.text);
      return;
    }
    for (const k of kids) {
      if (k.type !== 'tag') {
        lines.push((k as unknown as { data: string }).data);
        continue;
      }
      const tag = (k as Element).tagName.toLowerCase();
      if (tag === 'table') {
        for (const row of tableCells($, k as Element)) {
          const line = row.map((c) => c.text.replace(/\n/g, ' ').trim()).filter(Boolean).join(' ');
          if (line) lines.push(line);
        }
      } else if (tag === 'ul' || tag === 'ol') {
        for (const li of $(k).children('li').toArray()) walk(li);
      } else if (isBlockTag(tag)) {
        walk(k as Element);
      } else {
        for (const seg of inlineSegments($, k)) lines.push(seg.text);
      }
    }
  };
  walk(td);
  return lines.map((l) => l.trim()).filter(Boolean).join('\n');
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 200);
}

// ---------------------------------------------------------------------------------------------
// Word's automatic numbering. mammoth turns a numbered paragraph into a list item without its
// number, and 'I.', '1.1.', 'a)' are what gives a report its sections: we count them as Word
// does (word/numbering.xml) and put them back in front of the paragraphs' text.

interface NumLevel {
  start: number;
  fmt: string;
  text: string;
}

interface Numbered {
  text: string;
  label: string;
}

const DASH_BULLETS = new Set(['-', '–', '—', '+']);

/** The label Word draws before each numbered top-level paragraph, with that paragraph's text, in
 *  document order. Bullets are left out, except dashes and pluses, which read as text. */
export function numberingLabels(buffer: Buffer): Numbered[] {
  const numberingXml = readZipEntry(buffer, 'word/numbering.xml');
  const documentXml = numberingXml && readZipEntry(buffer, 'word/document.xml');
  if (!numberingXml || !documentXml) return [];
  const stylesXml = readZipEntry(buffer, 'word/styles.xml');
  const $n = cheerio.load(numberingXml.toString('utf8'), { xml: true });
  const $s = cheerio.load(stylesXml?.toString('utf8') ?? '<w:styles/>', { xml: true });
  const val = (el: cheerio.Cheerio<Element>) => el.attr('w:val');

  // Paragraph styles that carry numbering (Word's numbered heading styles), with their parents.
  const styles = new Map<string, { numId?: string; ilvl?: string; basedOn?: string }>();
  $s('w\\:style').each((_, el) => {
    const st = $s(el);
    const id = st.attr('w:styleId');
    if (!id) return;
    const numPr = st.children('w\\:pPr').children('w\\:numPr');
    styles.set(id, {
      numId: val(numPr.children('w\\:numId')),
      ilvl: val(numPr.children('w\\:ilvl')),
      basedOn: val(st.children('w\\:basedOn')),
    });
  });
  const styleNumbering = (id: string | undefined): { numId?: string; ilvl?: string } => {
    for (let k = 0; id && k < 10; k++) {
      const st = styles.get(id);
      if (!st) return {};
      if (st.numId !== undefined) return st;
      id = st.basedOn;
    }
    return {};
  };

  const levelsOf = (el: Element) => {
    const levels = new Map<number, NumLevel>();
    $n(el).children('w\\:lvl').each((_, lvl) => {
      const l = $n(lvl);
      levels.set(Number(l.attr('w:ilvl') ?? 0), {
        start: Number(val(l.children('w\\:start')) ?? 1),
        fmt: val(l.children('w\\:numFmt')) ?? 'decimal',
        text: val(l.children('w\\:lvlText')) ?? '',
      });
    });
    return levels;
  };
  const abstracts = new Map<string, { levels: Map<number, NumLevel>; styleLink?: string }>();
  $n('w\\:abstractNum').each((_, el) => {
    abstracts.set($n(el).attr('w:abstractNumId') ?? '', { levels: levelsOf(el), styleLink: val($n(el).children('w\\:numStyleLink')) });
  });
  const nums = new Map<string, { abstractId: string; starts: Map<number, number>; levels: Map<number, NumLevel> }>();
  $n('w\\:num').each((_, el) => {
    const starts = new Map<number, number>();
    const levels = new Map<number, NumLevel>();
    $n(el).children('w\\:lvlOverride').each((_, o) => {
      const ilvl = Number($n(o).attr('w:ilvl') ?? 0);
      const start = val($n(o).children('w\\:startOverride'));
      if (start !== undefined) starts.set(ilvl, Number(start));
      for (const [k, v] of levelsOf(o)) levels.set(k, v);
    });
    nums.set($n(el).attr('w:numId') ?? '', { abstractId: val($n(el).children('w\\:abstractNumId')) ?? '', starts, levels });
  });
  const levelFor = (numId: string, ilvl: number): { key: string; level: NumLevel; levels: (l: number) => NumLevel | undefined } | null => {
    const num = nums.get(numId);
    if (!num) return null;
    let abs = abstracts.get(num.abstractId);
    // A list that only links to a numbering style: follow the style to its list.
    if (abs?.styleLink) {
      const linked = nums.get(styleNumbering(abs.styleLink).numId ?? '');
      if (linked) abs = abstracts.get(linked.abstractId) ?? abs;
    }
    if (!abs) return null;
    const levels = (l: number) => num.levels.get(l) ?? abs.levels.get(l);
    const level = levels(ilvl);
    if (!level) return null;
    // Lists that restart their numbering count on their own; others share the abstract list.
    return { key: num.starts.size ? `n${numId}` : `a${num.abstractId}`, level, levels };
  };

  const docText = documentXml.toString('utf8');
  // Most files number nothing: skip reading the document a second time.
  if (!docText.includes('<w:numPr') && ![...styles.values()].some((st) => st.numId && st.numId !== '0')) return [];
  const $d = cheerio.load(docText, { xml: true });
  const counters = new Map<string, (number | undefined)[]>();
  const out: Numbered[] = [];
  $d('w\\:p').each((_, el) => {
    const p = $d(el);
    const pPr = p.children('w\\:pPr');
    const numPr = pPr.children('w\\:numPr');
    const fromStyle = styleNumbering(val(pPr.children('w\\:pStyle')));
    const numId = val(numPr.children('w\\:numId')) ?? fromStyle.numId;
    if (!numId || numId === '0') return;
    const ilvl = Number(val(numPr.children('w\\:ilvl')) ?? fromStyle.ilvl ?? 0);
    const found = levelFor(numId, ilvl);
    if (!found) return;
    const { key, level, levels } = found;
    const num = nums.get(numId)!;
    const c = counters.get(key) ?? [];
    counters.set(key, c);
    c[ilvl] = c[ilvl] === undefined ? (num.starts.get(ilvl) ?? level.start) : c[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) c[k] = undefined;
    for (let k = 0; k < ilvl; k++) if (c[k] === undefined) c[k] = num.starts.get(k) ?? levels(k)?.start ?? 1;
    let label: string;
    if (level.fmt === 'bullet') {
      if (!DASH_BULLETS.has(level.text.trim())) return;
      label = level.text.trim();
    } else {
      label = level.text.replace(/%([1-9])/g, (_m, d: string) => formatNumber(c[Number(d) - 1] ?? 1, levels(Number(d) - 1)?.fmt ?? 'decimal')).trim();
    }
    // Only paragraphs straight in the body: those are the blocks we label (cells are flattened).
    const parent = el.parent as Element | null;
    const top = parent?.tagName === 'w:body' || (parent?.tagName === 'w:sdtContent' && (parent.parent?.parent as Element | null)?.tagName === 'w:body');
    const text = p.find('w\\:t, w\\:tab, w\\:br').toArray().map((t) => (t.tagName === 'w:t' ? $d(t).text() : ' ')).join('');
    if (top && label && text.trim()) out.push({ text, label });
  });
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'none': return '';
    default: return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
}

function letters(n: number): string {
  // Word: A … Z, then AA … ZZ, AAA …
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Puts the labels back: each labelled paragraph is the next top-level paragraph block whose text
 *  is (the start of) its text; a paragraph split at <br> gets the label on its first piece. */
export function applyNumbering(blocks: RawBlock[], labels: Numbered[]): void {
  const norm = (t: string) => t.normalize('NFC').replace(/\s+/g, ' ').trim();
  let next = 0;
  for (const b of blocks) {
    if (next >= labels.length) return;
    if (b.kind !== 'paragraph') continue;
    const text = norm(b.text);
    // Resynchronise over a few entries if mammoth dropped a paragraph we counted.
    for (let k = next; k < Math.min(labels.length, next + 4); k++) {
      const want = norm(labels[k]!.text);
      if (want === text || want.startsWith(`${text} `)) {
        const label = labels[k]!.label;
        if (!text.startsWith(label)) b.text = `${label} ${b.text.trimStart()}`;
        next = k + 1;
        break;
      }
    }
  }
}


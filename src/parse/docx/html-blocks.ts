// mammoth's HTML → raw blocks: cheerio walks the top-level blocks in document order. A
// paragraph splits at <br> (the model keeps no line breaks inside a paragraph); a list item is a
// paragraph; a table keeps its spans; a footnote's or endnote's text follows the block that
// refers to it, the reference mark itself ('[1]') is dropped so it does not stick to a number.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { TableCell, TextStyle } from '../../document/model.ts';
import type { RawBlock } from '../../document/structure.ts';

type $ = cheerio.CheerioAPI;

const NOTE_REF = 'a[href^="#footnote-"], a[href^="#endnote-"]';

/** mammoth's HTML → raw blocks (exported for tests). */
export function htmlToBlocks(html: string): RawBlock[] {
  const $ = cheerio.load(html, null, false);
  // The notes come as a list at the very end (after the annexes), each with a back link ('↑').
  const notes = new Map<string, string>();
  $('li[id^="footnote-"], li[id^="endnote-"]').each((_, li) => {
    $(li).find('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]').remove();
    const text = inlineSegments($, li).map((s) => s.text.trim()).join(' ').trim();
    if (text) notes.set(li.attribs.id!, text);
  });
  $('li[id^="footnote-"], li[id^="endnote-"], dl[id^="comment-"], dt[id^="comment-"], dd[id^="comment-"]').remove();
  // Each top-level block's note references, in order; then the marks go.
  const refsOf = new Map<Element, string[]>();
  for (const node of $.root().children().toArray()) {
    const ids = $(node).find(NOTE_REF).toArray().map((a) => (a.attribs.href ?? '').slice(1)).filter((id) => notes.has(id));
    if (ids.length) refsOf.set(node, [...new Set(ids)]);
  }
  $(`${NOTE_REF}, a[href^="#comment-"]`).each((_, a) => {
    const parent = $(a).parent();
    if (parent.is('sup') && parent.text().trim() === $(a).text().trim()) parent.remove();
    else $(a).remove();
  });
  $('ol:empty, ul:empty').remove();

  const blocks: RawBlock[] = [];
  const placed = new Set<string>();
  for (const node of $.root().children().toArray()) {
    walkBlock($, node, blocks);
    for (const id of refsOf.get(node) ?? []) {
      if (placed.has(id)) continue;
      placed.add(id);
      blocks.push({ kind: 'paragraph', text: notes.get(id)!, style: {} });
    }
  }
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

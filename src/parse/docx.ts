// .docx → document model: mammoth turns the Word file into HTML (default style map, so Word
// heading styles become h1…h6), cheerio walks the top-level blocks in document order.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import mammoth from 'mammoth';
import type { DocumentModel, TableCell, TextStyle } from '../document/model.ts';
import { buildDocument, type RawBlock } from '../document/structure.ts';
import { BaocaoError } from '../errors.ts';

type $ = cheerio.CheerioAPI;

/** Images are skipped (no base64 encoding of pictures we never read). */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function parseDocx(buffer: Buffer): Promise<DocumentModel> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: noImages, externalFileAccess: false });
    html = result.value;
  } catch (err) {
    throw new BaocaoError('CORRUPT_DOCX', firstLine(err), { cause: err });
  }
  return buildDocument(htmlToBlocks(html), 'docx');
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

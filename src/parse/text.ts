// Plain text → raw blocks: one paragraph per line; consecutive lines with tab-separated
// cells form a table. Used for text layers (PDF) and for text fixtures in tests.
import type { DocumentModel, SourceFormat, TableCell } from '../document/model.ts';
import { buildDocument, parseMarker, type RawBlock } from '../document/structure.ts';

export function textToBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let rows: TableCell[][] = [];
  const flush = () => {
    if (rows.length) blocks.push({ kind: 'table', cells: rows });
    rows = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((t) => ({ text: t.replace(/<\/?[a-z]+>/g, '').trim(), rowSpan: 1, colSpan: 1 })));
      continue;
    }
    flush();
    // Markdown-like emphasis from text exports: '**bold**', '*italic*' (a lone '*' as in 'mức 3*' stays).
    const t = line.replace(/\*\*/g, '').replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,:;]|$)/g, '$1$2').trim();
    if (!t) continue;
    // A line broken inside a sentence (a page or line wrap) continues the previous paragraph.
    const prev = blocks[blocks.length - 1];
    if (prev?.kind === 'paragraph' && /^\p{Ll}/u.test(t) && !/[.:;!?)]$/.test(prev.text) && !parseMarker(t)) {
      prev.text = `${prev.text} ${t}`;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: t });
  }
  flush();
  return blocks;
}

export function parseText(text: string, format: SourceFormat = 'pdf', pageCount: number | null = null): DocumentModel {
  return buildDocument(textToBlocks(text), format, pageCount);
}

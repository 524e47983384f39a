// Small helpers every extractor uses to find its sections, sentences and table rows,
// and to say where a value came from. Pure functions over the document model.
import type { Provenance } from '../src/contract.ts';
import type { Block, DocumentModel, Paragraph, Region, SectionPath, Table } from '../src/document/model.ts';
import { sectionLabel } from '../src/document/model.ts';

import { fold } from '../src/document/text.ts';
export { fold };

export function paragraphs(doc: DocumentModel, regions?: Region[]): Paragraph[] {
  return doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && (!regions || regions.includes(b.region)));
}

export function tables(doc: DocumentModel, regions?: Region[]): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table' && (!regions || regions.includes(b.region)));
}

export function isUnder(block: Block, path: SectionPath): boolean {
  return path.length <= block.section.length && path.every((p, i) => block.section[i] === p);
}

/** Sections whose heading title (folded) matches the pattern, outermost first.
 *  The pattern is tested on folded text: write it without diacritics, e.g. /nhom tieu chi/. */
export function sectionsAbout(doc: DocumentModel, folded: RegExp): SectionPath[] {
  const out: SectionPath[] = [];
  for (const p of paragraphs(doc)) {
    if (p.heading && folded.test(fold(p.heading.title))) out.push(p.section);
  }
  return out;
}

/** All blocks inside a section (its heading included). */
export function blocksUnder(doc: DocumentModel, path: SectionPath): Block[] {
  return doc.blocks.filter((b) => isUnder(b, path));
}

export { sentences } from './text/sentences.ts';
import { sentences } from './text/sentences.ts';

/** Where a value came from, for the provenance map. */
export function provenance(block: Block, quote: string): Provenance {
  const section = block.section.length ? sectionLabel(block.section) : block.region;
  return { section, quote: quote.length > 300 ? `${quote.slice(0, 297)}…` : quote };
}

/** A table row as a quote: cells joined with ' | '. */
export function rowQuote(row: string[]): string {
  return row.map((c) => c.replace(/\n/g, ' ')).join(' | ');
}

export interface SentenceHit {
  block: Paragraph;
  sentence: string;
  match: RegExpExecArray;
}

/** The first sentence (in document order, among the given paragraphs) that the pattern matches. */
export function findSentence(paras: Paragraph[], pattern: RegExp): SentenceHit | null {
  for (const block of paras) {
    for (const sentence of sentences(block.text)) {
      const match = pattern.exec(sentence);
      if (match) return { block, sentence, match };
    }
  }
  return null;
}

/** Every sentence the pattern matches. */
export function findSentences(paras: Paragraph[], pattern: RegExp): SentenceHit[] {
  const hits: SentenceHit[] = [];
  for (const block of paras) {
    for (const sentence of sentences(block.text)) {
      const match = pattern.exec(sentence);
      if (match) hits.push({ block, sentence, match });
    }
  }
  return hits;
}

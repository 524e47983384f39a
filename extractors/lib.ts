// Small helpers every extractor uses to find its sections, sentences and table rows,
// and to say where a value came from. Pure functions over the document model.
import type { Provenance } from '../src/contract.ts';
import type { Block, DocumentModel, Paragraph, Region, SectionPath, Table } from '../src/document/model.ts';
import { sectionLabel } from '../src/document/model.ts';

// fold() runs on every paragraph many times over (each extractor looks for its own words): Latin
// text (Vietnamese included) is folded one character at a time through a table filled on first
// use; any other script takes the general path (whose lower-casing can depend on the context).
const FOLDED_CHAR = new Map<number, string>();

function foldSlow(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// And the same texts come again and again: the last ones folded are kept (bounded, per thread).
const FOLDED_MAX = 20_000;
const folded = new Map<string, string>();

/** Lower case, no diacritics, đ → d: for testing keywords whatever the tone placement or NFC/NFD. */
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = foldText(s);
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(s, f);
  }
  return f;
}

function foldText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
      continue;
    }
    if (c >= 0x0300 && c <= 0x036f) continue; // a combining mark (text in NFD)
    if (c >= 0x0370 && !(c >= 0x1e00 && c <= 0x1eff)) return foldSlow(s);
    let f = FOLDED_CHAR.get(c);
    if (f === undefined) {
      f = foldSlow(s[i]!);
      FOLDED_CHAR.set(c, f);
    }
    out += f;
  }
  return out;
}

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

/** Splits a paragraph into sentences at '.', ';', '!' or '?' followed by a space, without breaking
 *  numbers ("1.719,58"), abbreviations of one letter ("Đ/c."), or document numbers. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.;!?]\s+(?=[\p{Lu}\-–+(“"\d])/gu;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + 1;
    const before = text.slice(Math.max(start, end - 4), end - 1);
    if (/(^|\s)\p{L}$/u.test(before)) continue; // one-letter abbreviation
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

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

// Every official document the report cites, as { number, date }: 'Công văn số 1901-CV/BCĐ ngày 11/6/2024',
// 'Quyết định số 96-QĐ/ĐU ngày 12/03/2024', 'Nghị định 30/2020/NĐ-CP', 'Thông báo số 45-TB/BCĐ ngày 12/3/2024'.
// Unique by number, in order of first appearance (a date found at a later citation fills a missing one).
// The report's own 'Số:' line is not a reference; neither is anything else in its header.
import type { Block, DocumentModel, Table } from '../src/document/model.ts';
import { dateAt, findDates, parseIsoDate } from '../src/document/dates.ts';
import type { Provenance } from '../src/contract.ts';
import type { ExtractorResult } from './types.ts';
import { provenance, sentences } from './lib.ts';
import { findNumberLine } from './document.ts';

export interface Reference {
  number: string;
  date: string | null;
}

/** Kinds of documents, before a number (optionally with 'số'), in lower case, capitalised or in capitals. */
const DOC_TYPE_WORDS = [
  'công văn', 'văn bản', 'quyết định', 'kế hoạch', 'thông báo', 'nghị định', 'nghị quyết', 'chỉ thị', 'thông tư',
  'hướng dẫn', 'báo cáo', 'tờ trình', 'chương trình', 'kết luận', 'quy định', 'quy chế', 'đề án', 'luật',
  'thông tri', 'giấy mời', 'biên bản', 'công điện', 'kế hoạch liên tịch', 'nghị quyết liên tịch',
];
const cases = (w: string) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()];
const DOC_TYPES = `(?:${DOC_TYPE_WORDS.sort((a, b) => b.length - a.length).flatMap(cases).join('|')})`;
const SO = String.raw`(?:số|Số|SỐ)\s*:?`;
/** A document number: digits, an optional year, then symbol parts that start with a capital
 *  ('1901-CV/BCĐ', '30/2020/NĐ-CP', '133/KH-UBND', '15/CT-TTg', '1191/NQ-UBTVQH15'). */
const NUMBER = String.raw`\d{1,6}[a-z]?(?:\/(?:19|20)\d{2})?(?:(?:\s?\/\s?|-)[\p{Lu}][\p{L}\d]*){1,4}`;
const CITED = new RegExp(
  String.raw`(?<![\p{L}\d/\-])(?:(?<type>${DOC_TYPES})\s*(?:${SO})?\s*|(?<so>${SO})\s*)?(?<num>${NUMBER})(?![\p{L}\d])`,
  'gu',
);

/** Canonical form of a number: no spaces around '/' and '-'. */
export function normalizeDocNumber(raw: string): string {
  return raw.normalize('NFC').replace(/\s*([/-])\s*/g, '$1').trim();
}

function key(num: string): string {
  return normalizeDocNumber(num).toUpperCase();
}

export interface ReferenceHit extends Reference {
  quote: string;
  block: Block;
}

/** References in one piece of text. A number needs a document kind or 'số' before it, or a
 *  symbol of two parts ('133/KH-UBND'), or a year ('30/2020/NĐ-CP'), to count as a document. */
export function referencesIn(text: string): { number: string; date: string | null; index: number; end: number }[] {
  const out: { number: string; date: string | null; index: number; end: number }[] = [];
  for (const m of text.matchAll(CITED)) {
    const g = m.groups ?? {};
    const num = normalizeDocNumber(g.num!);
    const symbolParts = num.split(/[-/]/).filter((p) => /\p{L}/u.test(p)).length;
    const hasYear = /\/(?:19|20)\d{2}\//.test(num);
    if (!g.type && !g.so && symbolParts < 2 && !hasYear) continue;
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const d = dateAt(text, end);
    out.push({ number: num, date: d?.iso ?? dateBefore(text, index), index, end });
  }
  return out;
}

/** A date of issue written before the document, at the head of its clause:
 *  'Ngày 08/01/2024, Đảng ủy thị trấn ban hành Quyết định số 112-QĐ/ĐU …'. */
function dateBefore(text: string, index: number): string | null {
  const m = /(?:^|[.;]\s+)(?:Vào\s+)?[Nn]gày\s+([^,;]{4,30}?)\s*,\s*([^.;]*)$/u.exec(text.slice(0, index));
  if (!m || !/(?<![\p{L}])(?:ban hành|ký|phê duyệt)(?![\p{L}])/u.test(m[2]!) || /\d/.test(m[2]!)) return null;
  return parseIsoDate(`ngày ${m[1]}`);
}

function tableHits(table: Table): { number: string; date: string | null; quote: string }[] {
  const out: { number: string; date: string | null; quote: string }[] = [];
  for (const row of table.grid) {
    const cells = row.filter((c, i) => c && row.indexOf(c) === i);
    const found = cells.map((c) => referencesIn(c));
    const refs = found.flat();
    if (!refs.length) continue;
    // A row that lists one document: its date may sit in a cell of its own ('Ngày ban hành').
    let rowDate: string | null = null;
    if (refs.length === 1) {
      const dateCell = cells.find((c, i) => found[i]!.length === 0 && findDates(c).some((d) => d.iso));
      rowDate = dateCell ? findDates(dateCell).find((d) => d.iso)!.iso : null;
    }
    const quote = cells.map((c) => c.replace(/\n/g, ' ')).join(' | ');
    for (const r of refs) out.push({ number: r.number, date: r.date ?? rowDate, quote });
  }
  return out;
}

/** The sentence of a paragraph that contains position `at`. */
function sentenceAt(text: string, at: number): string {
  let pos = 0;
  for (const s of sentences(text)) {
    const start = text.indexOf(s, pos);
    if (start >= 0 && at >= start && at < start + s.length) return s;
    if (start >= 0) pos = start + s.length;
  }
  return text;
}

/** Every reference of the document, unique by number, in order of first appearance. */
export function findReferences(doc: DocumentModel): ReferenceHit[] {
  const own = findNumberLine(doc)?.number ?? null;
  const ownKey = own ? key(own) : null;
  const byKey = new Map<string, ReferenceHit>();
  const add = (number: string, date: string | null, quote: string, block: Block) => {
    const k = key(number);
    if (k === ownKey) return;
    const prev = byKey.get(k);
    if (prev) {
      if (!prev.date && date) prev.date = date;
      return;
    }
    byKey.set(k, { number, date, quote, block });
  };
  for (const b of doc.blocks) {
    if (b.region === 'header') continue;
    if (b.kind === 'paragraph') {
      for (const r of referencesIn(b.text)) add(r.number, r.date, sentenceAt(b.text, r.index), b);
    } else {
      for (const r of tableHits(b)) add(r.number, r.date, r.quote, b);
    }
  }
  return [...byKey.values()];
}

export function extractReferences(doc: DocumentModel): ExtractorResult {
  const hits = findReferences(doc);
  const prov: Record<string, Provenance> = {};
  hits.forEach((h, i) => { prov[`references[${i}]`] = provenance(h.block, h.quote); });
  return { fields: { references: hits.map((h) => ({ number: h.number, date: h.date })) }, provenance: prov };
}

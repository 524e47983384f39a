// The reporting period: from the title first; else from the sentences in which the report says what
// it reports on ('UBND xã … báo cáo kết quả … 6 tháng đầu năm …', 'Trên đây là báo cáo … năm 2024');
// else from the annexes' titles. A year missing from the expression is taken from the same line,
// or else from the date of issue ('ngày … tháng 6 năm 2024').
import type { Block, DocumentModel } from '../src/document/model.ts';
import { parsePeriod, type ParsedPeriod } from '../src/document/periods.ts';
import type { ExtractorResult } from './types.ts';
import { fold, paragraphs, provenance, sentences } from './lib.ts';
import { findDateLine, findTitle } from './document.ts';

export interface PeriodStatement {
  parsed: ParsedPeriod;
  quote: string;
  block: Block;
  source: 'title' | 'body' | 'annex';
  /** A sentence that cites another document's request ('Thực hiện Công văn số … về việc báo cáo …'). */
  cited: boolean;
}

/** A sentence in which the report names what it reports on. */
const SELF_STATEMENT = /\bbao cao\b/;
/** Sentences that cite another document's request are not the report's own statement of its period
 *  when they name a document ('Thực hiện Công văn số … về việc báo cáo …') — they still usually agree,
 *  so they come last. */
const CITES = /^(thuc hien|can cu|theo)\b/;

/** The title's period, the body's own statements of its period and the annex titles' periods, in that order. */
export function periodStatements(doc: DocumentModel): PeriodStatement[] {
  const dateYear = findDateLine(doc)?.date?.year ?? undefined;
  const opts = dateYear ? { defaultYear: dateYear } : {};
  const out: PeriodStatement[] = [];
  const title = findTitle(doc);
  if (title.title) {
    const parsed = parsePeriod(title.title, opts);
    if (parsed) out.push({ parsed, quote: title.title, block: title.blocks[0]!, source: 'title', cited: false });
  }
  const own: PeriodStatement[] = [];
  const cited: PeriodStatement[] = [];
  for (const p of paragraphs(doc, ['body', 'closing'])) {
    if (p.heading) continue;
    for (const s of sentences(p.text)) {
      const f = fold(s);
      if (!SELF_STATEMENT.test(f)) continue;
      const parsed = parsePeriod(s, opts);
      if (!parsed) continue;
      const isCited = CITES.test(f);
      (isCited ? cited : own).push({ parsed, quote: s, block: p, source: 'body', cited: isCited });
    }
  }
  out.push(...own, ...cited);
  for (const p of paragraphs(doc, ['annex'])) {
    if (!p.heading || !/^PL\d+$/.test(p.heading.label)) continue;
    const parsed = parsePeriod(p.heading.title, opts);
    if (parsed && parsed.part !== 'Y') out.push({ parsed, quote: p.heading.title, block: p, source: 'annex', cited: false });
  }
  return out;
}

export function extractPeriod(doc: DocumentModel): ExtractorResult {
  const statement = periodStatements(doc).find((s) => s.parsed.period !== null);
  if (!statement) return { fields: {}, provenance: {} };
  return {
    fields: { period: statement.parsed.period! },
    provenance: { period: provenance(statement.block, statement.quote) },
  };
}

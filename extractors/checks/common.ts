// What every in-report check shares: the extraction context, the flag constructor and quoting helpers.
// Messages are in Vietnamese (the staff who read the flags are Vietnamese); codes stay the contract's.
import type { Flag, FlagCode, Provenance } from '../../src/contract.ts';
import type { DocumentModel } from '../../src/document/model.ts';
import type { CriteriaSet } from '../../src/criteria/sets.ts';
import type { Registry } from '../../src/registry/index.ts';
import type { Check } from '../types.ts';
import { fold, paragraphs, sentences } from '../lib.ts';

/** What extraction needs besides the document: the registry of units, and optionally the criteria set
 *  to check against (otherwise chosen by the report's province and year). extract() replaces the
 *  registry by the one of the report's date (registry.at(date)) once its date and period are read,
 *  so every extractor after them and every check sees the units in force then. */
export interface ExtractContext {
  registry: Registry;
  criteriaSet?: CriteriaSet | null;
}

export type DocCheck = Check<ExtractContext>;

export function makeFlag(code: FlagCode, message: string, evidence: (string | null | undefined)[], severity: Flag['severity'] = 'warning'): Flag {
  const seen = new Set<string>();
  const ev: string[] = [];
  for (const e of evidence) {
    if (!e) continue;
    const q = shorten(e);
    if (seen.has(q)) continue;
    seen.add(q);
    ev.push(q);
  }
  return { code, severity, message, evidence: ev };
}

/** A quote of readable length. */
export function shorten(s: string, max = 300): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The quote of a path's provenance, or of its nearest ancestor ('criteria[3].met' → 'criteria[3]'). */
export function quoteOf(provenance: Record<string, Provenance>, path: string): string | null {
  let p = path;
  for (;;) {
    const hit = provenance[p];
    if (hit) return hit.quote;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
}

/** The first sentence of the document (any region) whose folded text matches. */
export function findQuote(doc: DocumentModel, folded: RegExp): string | null {
  for (const p of paragraphs(doc)) {
    for (const s of sentences(p.text)) if (folded.test(fold(s))) return s;
  }
  return null;
}

/** A number as Vietnamese writes it in a message (',' decimal mark). */
export function vn(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000).replace('.', ',');
}

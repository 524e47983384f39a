// Choosing a field's value among the mentions of its concept: the lines are tried group by group
// (the field's own section first), a mention that a qualifier disqualifies (a quota, a plan, last
// year's or the district's figure, a request, a part of a whole) is never taken, and the value says
// how sure it is: lower when another candidate in the same group states a different number, or when
// the concept was only carried over from the clause before.
import type { Provenance } from '../../src/contract.ts';
import type { Block } from '../../src/document/model.ts';
import { DISQUALIFY, type ConceptId } from '../lexicon.ts';
import { maskedFolded, provFor, type Line } from '../find.ts';
import { mentionsIn, type Mention } from './mentions.ts';

export interface Picked {
  mention: Mention;
  line: Line;
  /** 0..1: how sure the reader is that this is the field's value. */
  confidence: number;
  /** Why the confidence is low (Vietnamese-free, for staff the page translates): '' when high. */
  why: string;
  prov: Provenance;
}

const cache = new WeakMap<Block, Map<string, Mention[]>>();

/** The mentions of a line (cached per block and text). */
export function lineMentions(line: Line): Mention[] {
  let byText = cache.get(line.block);
  if (!byText) cache.set(line.block, (byText = new Map()));
  let ms = byText.get(line.text);
  if (!ms) byText.set(line.text, (ms = mentionsIn(line.text, maskedFolded(line))));
  return ms;
}

export interface PickOptions {
  /** Extra test of a mention (a unit, a range). */
  accept?: (m: Mention, line: Line) => boolean;
  /** Parts (mentions inside brackets or after 'trong đó') are candidates too. */
  parts?: boolean;
}

function usable(m: Mention, opts: PickOptions): boolean {
  if (DISQUALIFY.some((q) => m.qualifiers.has(q))) return false;
  if (!opts.parts && (m.inParens || m.qualifiers.has('part'))) return false;
  return true;
}

/** A figure of an earlier year when the same line states the concept again for a later year or with no
 *  year ('dân số năm 2019 là 7.900 người, nay là 8.412 người'). */
export function superseded(m: Mention, ms: Mention[]): boolean {
  if (m.year === null) return false;
  return ms.some((o) => o !== m && o.concept === m.concept && o.start > m.start && (o.year === null || o.year > m.year!));
}

/** The value of a concept: the first usable mention of the first group that has one. */
export function pick(groups: Line[][], concept: ConceptId, opts: PickOptions = {}): Picked | null {
  for (const lines of groups) {
    const cands: { m: Mention; line: Line }[] = [];
    for (const line of lines) {
      const ms = lineMentions(line);
      for (const m of ms) {
        if (m.concept !== concept || !usable(m, opts) || superseded(m, ms)) continue;
        if (opts.accept && !opts.accept(m, line)) continue;
        cands.push({ m, line });
      }
    }
    if (!cands.length) continue;
    const first = cands[0]!;
    const others = new Set(cands.filter((c) => c.m.value !== first.m.value).map((c) => c.m.value));
    let confidence = first.m.how === 'carried' ? 0.7 : 0.9;
    const why: string[] = [];
    if (first.m.how === 'carried') why.push('concept carried from the clause before');
    if (others.size) {
      confidence -= 0.2;
      why.push(`other candidates: ${[...others].slice(0, 3).join(', ')}`);
    }
    return { mention: first.m, line: first.line, confidence, why: why.join('; '), prov: provFor(first.line, first.m.clauseStart, first.m.clauseEnd, 'phrase') };
  }
  return null;
}

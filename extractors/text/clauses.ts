// Clauses: the pieces of a sentence that each state one thing. A text is cut at sentence ends and at
// ';' (outside brackets), and softly at ', ' and at the conjunctions 'và' / 'với' — but only after a
// piece that already stated a number, so that a label that lists things ('số băng rôn, khẩu hiệu đã
// treo: 23') stays whole. Brackets stay with their clause; their content is also given as clauses of
// its own (marked inParens), for lists such as '(10 cán bộ chuyên trách, 11 công chức chuyên môn)'.

export interface Clause {
  start: number;
  end: number;
  /** Inside brackets of another clause. */
  inParens: boolean;
  /** Index of the sentence it belongs to (clauses of one sentence share it). */
  sentence: number;
}

const CONJ = /^(?:,\s+|;\s*|\s+(?:va|voi|cung)\s+)/u;

function trim(folded: string, a: number, b: number): [number, number] {
  while (a < b && /[\s,;:.\-–]/.test(folded[a]!)) a++;
  while (b > a && /[\s,;]/.test(folded[b - 1]!)) b--;
  return [a, b];
}

/** Is i the end of a sentence ('. ' followed by a capital, a digit, a dash or a bracket)? `text` is the original (capitals). */
function sentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  if (!/^\s+[\p{Lu}\d\-–+(“"]/u.test(text.slice(i + 1, i + 4))) return i === text.length - 1;
  // one-letter abbreviation ('Đ/c.', 'ông A.') is not an end
  return !(ch === '.' && /(?:^|[\s(/])\p{L}$/u.test(text.slice(Math.max(0, i - 2), i)));
}

/** Clauses of a text; `folded` is foldKeep(text) (same length), possibly with dates masked. `glued`
 *  finds phrases that hold a comma and must not be cut there ('cán bộ, công chức'). */
export function clauses(text: string, folded: string, glued?: RegExp): Clause[] {
  const out: Clause[] = [];
  const keep = new Set<number>();
  if (glued) {
    for (const m of folded.matchAll(new RegExp(glued.source, 'gu'))) {
      for (let i = m.index; i < m.index + m[0].length; i++) if (folded[i] === ',') keep.add(i);
    }
  }
  let sentence = 0;
  let start = 0;
  let depth = 0;
  let parenStart = -1;
  let hasNumber = false;
  const push = (a: number, b: number, inParens: boolean) => {
    const [x, y] = trim(folded, a, b);
    if (y > x) out.push({ start: x, end: y, inParens, sentence });
  };
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (ch === '(') {
      if (depth === 0) parenStart = i + 1;
      depth++;
      continue;
    }
    if (ch === ')') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && parenStart >= 0) {
        for (const c of clauses(text.slice(parenStart, i), folded.slice(parenStart, i), glued)) {
          out.push({ start: c.start + parenStart, end: c.end + parenStart, inParens: true, sentence });
        }
        parenStart = -1;
      }
      continue;
    }
    if (depth > 0) continue;
    if (/\d/.test(ch)) hasNumber = true;
    if (sentenceEnd(text, i)) {
      push(start, i, false);
      start = i + 1;
      sentence++;
      hasNumber = false;
      continue;
    }
    if (ch === ';') {
      push(start, i, false);
      start = i + 1;
      hasNumber = false;
      continue;
    }
    if (hasNumber && (ch === ',' || ch === ' ') && !keep.has(i)) {
      const m = CONJ.exec(folded.slice(i));
      // A decimal comma has no space after it ('8,5'), so ', ' is always a cut here.
      if (m) {
        push(start, i, false);
        start = i + m[0].length;
        i = start - 1;
        hasNumber = false;
      }
    }
  }
  push(start, folded.length, false);
  return out.sort((a, b) => a.start - b.start || (a.inParens ? 1 : 0) - (b.inParens ? 1 : 0));
}

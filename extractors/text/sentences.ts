// Sentences and their parts, by position: the one sentence splitter of the extractors.
//  - sentences(): a paragraph's sentences as strings, cut at '.', ';', '!', '?' (the older, coarser cut);
//  - sentenceSpans() / sentenceAt(): spans, cut at '.', '!', '?' only, never inside brackets;
//  - clauseAt() / phraseAt(): the ';'-clause or ', '-phrase around a match, for quotes.
// The clause reader's cut (text/clauses.ts) builds on the same rules for its own purpose.

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

/** Sentence spans of a text: split after '.', '!' or '?' followed by a space and an upper-case letter,
 *  a dash, a quote or a bracket — but not inside brackets and not after a one-letter abbreviation.
 *  Unlike lib.sentences(), ';' does not split (parts of one statement often sit on either side). */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === '.' || ch === '!' || ch === '?') && depth === 0) {
      const rest = text.slice(i + 1);
      const m = /^\s+(?=[\p{Lu}\-–+“"(\d])/u.exec(rest);
      if (!m) continue;
      if (ch === '.' && /(^|[\s(])\p{L}$/u.test(text.slice(Math.max(start, i - 2), i))) continue;
      spans.push([start, i + 1]);
      start = i + 1 + m[0].length;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans.map(([a, b]) => trimSpan(text, a, b)).filter(([a, b]) => b > a);
}

function trimSpan(text: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}

/** The span of the sentence(s) covering [start, end) of a text. */
export function sentenceAt(text: string, start: number, end: number = start + 1): [number, number] {
  const spans = sentenceSpans(text);
  let a = -1;
  let b = -1;
  for (const [s, e] of spans) {
    if (e > start && s < end) {
      if (a < 0) a = s;
      b = e;
    }
  }
  return a < 0 ? [0, text.length] : [a, b];
}

/** The ';'-clause covering [start, end) when the match sits inside one (outside brackets), else the sentence. */
export function clauseAt(text: string, start: number, end: number = start + 1): [number, number] {
  const [sa, sb] = sentenceAt(text, start, end);
  let a = sa;
  let b = sb;
  let depth = 0;
  for (let i = sa; i < sb; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      if (i < start) a = i + 1;
      else if (i >= end) { b = i; break; }
    }
  }
  return trimSpan(text, a, b);
}

/** The comma-separated phrase covering [start, end) inside its clause (', ' outside brackets splits;
 *  a decimal comma has no space after it). */
export function phraseAt(text: string, start: number, end: number = start + 1): [number, number] {
  const [ca, cb] = clauseAt(text, start, end);
  let a = ca;
  let b = cb;
  let depth = 0;
  for (let i = ca; i < cb; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0 && /\s/.test(text[i + 1] ?? '')) {
      if (i < start) a = i + 1;
      else if (i >= end) { b = i; break; }
    }
  }
  return trimSpan(text, a, b);
}

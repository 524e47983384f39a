// Text normalisation shared by parsers and extractors.

/** NFC, no-break and odd spaces to plain spaces, runs of whitespace to one space, trimmed. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like normalizeText but keeps line breaks (each line normalised, empty lines dropped). */
export function normalizeLines(s: string): string {
  return s
    .split(/\r?\n/)
    .map(normalizeText)
    .filter((l) => l.length > 0)
    .join('\n');
}

/** Upper-case letters are most of the letters (a heading typed in capitals). */
export function isMostlyUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}

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

/** Lower case, no diacritics, đ → d: for testing keywords whatever the tone placement or NFC/NFD.
 *  The one folding of the project (extractors, names, periods use it). */
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

/** fold() character by character, so that folded[i] corresponds to text[i]: a match found on the
 *  folded text can be sliced out of the original (names keep their diacritics and capitals). */
export function foldKeep(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const f = fold(ch);
    out += f.length === 1 ? f : ch;
  }
  return out;
}

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

/** Lower case, no diacritics, đ → d: for testing keywords whatever the tone placement or NFC/NFD.
 *  The one folding of the project (extractors, names, periods use it). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
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

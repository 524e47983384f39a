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

// pdf.js and text that was printed in NFD (LibreOffice writes the ToUnicode entry of the glyph
// 'ủ' as 'u\u0309'): pdf.js treats such a glyph as a zero-width diacritic. It neither advances its
// own text position over it nor counts it in the item's width, so
//  - the item's width is short by those glyphs (pdf.ts adds them back from the font's widths);
//  - items that come after it in the same text-showing run start too far left (pdf.ts shifts them);
//  - when a word starts with such a glyph right after a space ('Đảng ủy', 'ổn', 'ích', 'ứng'),
//    pdf.js measures the space again before the next glyph and puts a second, false space inside
//    the word: 'Đảng ủ y', 'ổ n định', 'í ch', 'ứ ng'. joinSplitSyllables() undoes that.

/** What can follow the marked vowel(s) a word starts with, in the same syllable: unmarked vowels
 *  and a final consonant ('ủ|y', 'ổ|n', 'í|ch', 'ứ|ng', 'ướ|c', 'ấ|y'). No tone mark: the syllable
 *  already has it. */
const SYLLABLE_REST = /^(?:[aeiouy]{1,2}(?:ng|nh|ch|[cmnpt])?|ng|nh|ch|[cmnpt])$/iu;

/**
 * Removes the false space pdf.js puts after the marked vowel(s) that start a word, in the text of
 * one item. `zeroed` holds the (NFC) characters of the item's font whose glyphs pdf.js took for
 * zero-width diacritics. A space is only removed where the two pieces make one Vietnamese
 * syllable: 'ở cơ sở' (a one-letter word) stays as it is.
 */
export function joinSplitSyllables(text: string, zeroed: ReadonlySet<string> | ReadonlyMap<string, unknown>): string {
  if (!zeroed.size || !text.includes(' ')) return text;
  const chars = [...text];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const atWordStart = i === 0 || /\s/u.test(chars[i - 1]!);
    if (atWordStart && zeroed.has(chars[i]!)) {
      // The marked vowels the word starts with, then one space, then the rest of the word.
      let j = i;
      while (j < chars.length && zeroed.has(chars[j]!)) j++;
      if (j - i <= 2 && chars[j] === ' ') {
        let k = j + 1;
        while (k < chars.length && /\p{L}/u.test(chars[k]!)) k++;
        const rest = chars.slice(j + 1, k).join('');
        const after = chars[k];
        if (rest && SYLLABLE_REST.test(rest) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
          out += chars.slice(i, j).join('') + rest;
          i = k;
          continue;
        }
      }
    }
    out += chars[i]!;
    i++;
  }
  return out;
}

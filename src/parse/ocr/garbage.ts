// Is a PDF's text layer readable? A scanner's own OCR layer in a broken encoding, or a legacy font
// without a Unicode map, gives text such as 'Uû ban nh©n d©n' or 'Ã¡Â»Â': letters are there but
// hardly any word is one. Such a PDF is read from its page images instead (index.ts).

/** A written word: letters (Latin with Vietnamese diacritics) only, or digits and the punctuation
 *  of numbers, dates and document symbols ('17.128', '12/6/2024', '125/BC-UBND'). */
const WORD = /^[\p{Script=Latin}]+$|^[\p{N}\p{Lu}./,:%-]+$/u;
/** Characters a readable Vietnamese text has no business containing in quantity. */
const ODD = /[\p{Co}\p{Cc}\ufffd©®¤¦§¨ª«¬¯°±²³´µ¶·¸¹º»¼½¾¿×÷]/u;

export interface TextLayerVerdict {
  words: number;
  readable: number;
  odd: number;
  unreadable: boolean;
}

export function judgeTextLayer(text: string): TextLayerVerdict {
  const tokens = text.normalize('NFC').split(/\s+/).map((t) => t.replace(/^[("“'‘[]+|[)"”'’\].,;:!?]+$/gu, '')).filter((t) => /\p{L}/u.test(t));
  let readable = 0, odd = 0;
  for (const t of tokens) {
    if (ODD.test(t)) odd++;
    else if (WORD.test(t) && [...t].length <= 12) readable++;
  }
  const words = tokens.length;
  // Readable Vietnamese: nearly every word. A broken layer: most words carry odd characters.
  const unreadable = words >= 20 && (readable < 0.5 * words || odd > 0.25 * words);
  return { words, readable, odd, unreadable };
}

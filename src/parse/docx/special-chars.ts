// Characters Word writes as elements: an optional hyphen (w:softHyphen) is invisible unless a
// line breaks there, so it is dropped (mammoth would keep U+00AD inside the word); a non-breaking
// hyphen (w:noBreakHyphen) reads as '-' (mammoth gives U+2011, which no number or code pattern
// expects); a carriage return (w:cr) is a line break (mammoth skips it, gluing two lines).
// Runs in legacy fonts are decoded before this step (their 0xAD is a letter).
import { elements, sel, type XmlDoc } from './xml.ts';

export function normalizeSpecialChars($: XmlDoc): number {
  let n = 0;
  for (const el of elements($, sel('w:softHyphen'))) {
    $(el).remove();
    n++;
  }
  for (const el of elements($, sel('w:noBreakHyphen'))) {
    $(el).replaceWith('<w:t>-</w:t>');
    n++;
  }
  for (const el of elements($, sel('w:cr'))) {
    $(el).replaceWith('<w:br/>');
    n++;
  }
  return n;
}

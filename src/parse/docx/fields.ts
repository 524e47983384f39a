// Fields: Word shows a field's last result. A complex field (w:fldChar begin … separate …
// end) keeps its result as ordinary runs, which mammoth reads; a simple field (w:fldSimple)
// wraps its result runs in an element mammoth skips whole — unwrap it so the result is read.
import { sel, type XmlDoc } from './xml.ts';

/** Replaces each w:fldSimple by its runs; returns how many were unwrapped. */
export function unwrapSimpleFields($: XmlDoc): number {
  let n = 0;
  // Innermost first, so nested fields unwrap cleanly.
  for (let found = $(sel('w:fldSimple')); found.length; found = $(sel('w:fldSimple'))) {
    found.each((_, el) => {
      $(el).replaceWith($(el).contents());
      n++;
    });
  }
  return n;
}

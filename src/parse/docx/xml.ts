// Word XML parts as cheerio documents (xml mode). Element names keep their prefixes, so selectors
// name them as Word writes them: 'w:p' → 'w\\:p' (see sel()). Parts that use other prefixes for
// the WordprocessingML namespace are read as they are, without the preprocessing steps.
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';

export type XmlDoc = cheerio.CheerioAPI;
export type { Element };

export function loadXml(text: string): XmlDoc {
  return cheerio.load(text, { xml: true });
}

/** A CSS selector for prefixed names: sel('w:p', 'w:r > w:t') → 'w\\:p, w\\:r > w\\:t'. */
export function sel(...names: string[]): string {
  return names.map((n) => n.replace(/:/g, '\\:')).join(', ');
}

/** The w:val attribute of the first child element with this name. */
export function childVal(el: Element, name: string): string | undefined {
  for (const k of el.children) if (k.type === 'tag' && (k as Element).name === name) return (k as Element).attribs['w:val'];
  return undefined;
}

/** The first child element with this name. */
export function child(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (const k of el.children) if (k.type === 'tag' && (k as Element).name === name) return k as Element;
  return undefined;
}

/** The nearest ancestor with this name. */
export function ancestor(el: Element, name: string): Element | undefined {
  for (let p = el.parent; p && p.type === 'tag'; p = p.parent) if ((p as Element).name === name) return p as Element;
  return undefined;
}

/** Escapes text for an XML text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The elements a selector finds, in document order. */
export function elements($: XmlDoc, selector: string, within?: Element): Element[] {
  const found = within ? $(within).find(selector) : $(selector);
  return found.toArray().filter((n): n is Element => n.type === 'tag');
}

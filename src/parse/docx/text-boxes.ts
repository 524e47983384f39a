// Text boxes. Word writes a text box twice, inside mc:AlternateContent: as DrawingML
// (mc:Choice: w:drawing … wps:txbx/w:txbxContent) and as VML (mc:Fallback: w:pict … v:textbox/
// w:txbxContent). mammoth reads the VML one (its paragraphs come after the paragraph that
// anchors the box) and skips DrawingML text boxes. Producers that write DrawingML only (no
// Fallback, or a bare w:drawing) lose the box's text: give mammoth a VML copy of it.
import { ancestor, child, sel, type Element, type XmlDoc, elements } from './xml.ts';

const VML = 'urn:schemas-microsoft-com:vml';

/** Makes DrawingML-only text boxes readable; returns how many were rewritten. */
export function exposeTextBoxes($: XmlDoc): number {
  let n = 0;
  const seen = new Set<Element>();
  for (const box of elements($, sel('w:txbxContent'))) {
    // Already readable: inside a VML text box (mc:Fallback or a plain w:pict).
    if (ancestor(box, 'v:textbox')) continue;
    const drawing = ancestor(box, 'w:drawing');
    if (!drawing) continue;
    const alt = ancestor(drawing, 'mc:AlternateContent');
    const fallback = alt && child(alt, 'mc:Fallback');
    if (fallback && $(fallback).find(sel('w:txbxContent')).length) continue;
    const holder = alt ?? drawing;
    if (seen.has(holder)) continue;
    seen.add(holder);
    // Every box of this holder (a group may hold several), outermost only.
    const boxes = $(holder).find(sel('w:txbxContent')).toArray().filter((b) => b.type === 'tag' && !ancestor(b as Element, 'w:txbxContent'));
    const vml = boxes.map((b) => `<v:textbox>${$.xml(b)}</v:textbox>`).join('');
    $(holder).replaceWith(`<w:pict><v:shape xmlns:v="${VML}">${vml}</v:shape></w:pict>`);
    n++;
  }
  return n;
}

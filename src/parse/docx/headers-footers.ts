// Page headers and footers: mammoth reads only the body. Their text matters when a commune puts
// the issuing body or the document number in the page header. Each header/footer part the
// sections use is read once (the first page's own header when the first section has one) and
// its paragraphs and tables are put into the body: headers before the first block, footers
// after the last. Page numbers and other text without letters are left out.
import type { DocxPackage } from './package.ts';
import { child, loadXml, sel, type Element, type XmlDoc, elements } from './xml.ts';

export interface HeaderFooterContent {
  /** Block-level XML (w:p, w:tbl) to put before the body's first block. */
  top: string[];
  /** Block-level XML to put after the body's last block. */
  bottom: string[];
}

/** The header and footer parts the document's sections show, in order, each once. */
export function headerFooterParts($: XmlDoc, pkg: DocxPackage, documentPath: string): { headers: string[]; footers: string[] } {
  const rels = pkg.relationships(documentPath);
  const headers: string[] = [];
  const footers: string[] = [];
  elements($, sel('w:sectPr')).forEach((sectPr, i) => {
    const titlePage = child(sectPr, 'w:titlePg');
    const wantFirst = i === 0 && titlePage && !/^(0|false|off)$/.test(titlePage.attribs['w:val'] ?? '');
    for (const [name, out] of [['w:headerReference', headers], ['w:footerReference', footers]] as const) {
      const refs = sectPr.children.filter((k): k is Element => k.type === 'tag' && k.name === name);
      const pick = refs.find((r) => r.attribs['w:type'] === (wantFirst ? 'first' : 'default')) ?? refs.find((r) => r.attribs['w:type'] === 'default');
      const target = pick && rels.get(pick.attribs['r:id'] ?? '')?.target;
      if (target && !out.includes(target) && pkg.has(target)) out.push(target);
    }
  });
  return { headers, footers };
}

/** The blocks of a header or footer part worth reading (none without words), with its text:
 *  images and relationship-bound parts removed (they belong to the part's own relationships). */
export function partBlocks($part: XmlDoc): { blocks: string[]; text: string } {
  const root = elements($part, sel('w:hdr', 'w:ftr'))[0];
  if (!root) return { blocks: [], text: '' };
  for (const el of elements($part, sel('w:drawing', 'w:pict', 'w:object'))) {
    if (!$part(el).find(sel('w:txbxContent')).length) $part(el).remove();
  }
  for (const el of elements($part, sel('w:hyperlink'))) {
    delete el.attribs['r:id'];
  }
  $part(sel('w:footnoteReference', 'w:endnoteReference', 'w:commentReference')).remove();
  // The part's namespace declarations go with each block, so its prefixes mean the same in the body.
  const xmlns = Object.entries(root.attribs).filter(([k]) => k.startsWith('xmlns'));
  const blocks: string[] = [];
  for (const k of root.children) {
    if (k.type !== 'tag' || !/^w:(p|tbl|sdt)$/.test((k as Element).name)) continue;
    const el = k as Element;
    for (const [name, value] of xmlns) if (!(name in el.attribs)) el.attribs[name] = value;
    blocks.push($part.xml(el));
  }
  const text = $part(root).find(sel('w:t')).text().replace(/\s+/g, ' ').trim();
  return hasWords(text) ? { blocks, text } : { blocks: [], text };
}

/** Text with something to read besides page numbers ('Trang 2/5', '- 3 -', 'Page 1 of 4'). */
export function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/(?<!\p{L})(trang|page|of|của|tờ)(?!\p{L})/giu, ''));
}

/** Puts header blocks at the start of the body and footer blocks at its end (before the body's
 *  own section properties). Returns how many blocks were added. */
export function insertHeaderFooterBlocks($: XmlDoc, content: HeaderFooterContent): number {
  const body = elements($, sel('w:body'))[0];
  if (!body || (!content.top.length && !content.bottom.length)) return 0;
  if (content.top.length) $(body).prepend(content.top.join(''));
  if (content.bottom.length) {
    const last = body.children.filter((k) => k.type === 'tag').pop() as Element | undefined;
    if (last?.name === 'w:sectPr') $(last).before(content.bottom.join(''));
    else $(body).append(content.bottom.join(''));
  }
  return content.top.length + content.bottom.length;
}

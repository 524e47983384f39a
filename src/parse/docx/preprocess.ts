// What Word writes that mammoth does not read as Word shows it, fixed in the package's XML
// before mammoth reads it (each step is its own module):
//   content-controls.ts  placeholders of empty content controls are not text
//   fields.ts            simple fields' results (mammoth skips w:fldSimple)
//   text-boxes.ts        DrawingML-only text boxes (mammoth reads the VML copy only)
//   legacy-runs.ts       TCVN3/VNI runs → Unicode (fonts through styles.ts)
//   special-chars.ts     optional hyphens dropped, non-breaking hyphens as '-', w:cr as a break
//   numbering.ts         automatic numbers ('I.', '1.', 'a)') written into the text
//   headers-footers.ts   page header/footer text into the body
// Footnotes and endnotes (their own parts, read by mammoth) get the same text steps.
// A part is parsed only when it has something to fix, and replaced only when a step changed it.
import { decodeLegacyRuns, mentionsLegacyFont } from './legacy-runs.ts';
import { dropPlaceholders } from './content-controls.ts';
import { unwrapSimpleFields } from './fields.ts';
import { headerFooterParts, insertHeaderFooterBlocks, partBlocks } from './headers-footers.ts';
import { injectNumbering, NumberingDefinitions } from './numbering.ts';
import type { DocxPackage } from './package.ts';
import { normalizeSpecialChars } from './special-chars.ts';
import { StyleSheet } from './styles.ts';
import { exposeTextBoxes } from './text-boxes.ts';
import { loadXml, type XmlDoc } from './xml.ts';

export interface PreprocessReport {
  placeholders: number;
  fields: number;
  textBoxes: number;
  legacyRuns: number;
  specialChars: number;
  numbered: number;
  headerFooterBlocks: number;
}

/** Steps that apply to any part with text: body, header, footer, notes. */
function textSteps($: XmlDoc, styles: StyleSheet, legacy: boolean, r: PreprocessReport): number {
  const before = r.placeholders + r.fields + r.textBoxes + r.legacyRuns + r.specialChars;
  r.placeholders += dropPlaceholders($);
  r.fields += unwrapSimpleFields($);
  r.textBoxes += exposeTextBoxes($);
  if (legacy) r.legacyRuns += decodeLegacyRuns($, styles);
  r.specialChars += normalizeSpecialChars($);
  return r.placeholders + r.fields + r.textBoxes + r.legacyRuns + r.specialChars - before;
}

const NEEDS_TEXT_STEPS = /<w:fldSimple|<w:txbxContent|<w:showingPlcHdr|<w:softHyphen|<w:noBreakHyphen|<w:cr\b/;

export function preprocessPackage(pkg: DocxPackage, documentPath: string): PreprocessReport {
  const r: PreprocessReport = { placeholders: 0, fields: 0, textBoxes: 0, legacyRuns: 0, specialChars: 0, numbered: 0, headerFooterBlocks: 0 };
  const docXml = pkg.text(documentPath);
  if (docXml === null) return r;
  const styles = StyleSheet.read(pkg, documentPath);
  const rels = [...pkg.relationships(documentPath).values()];
  const stylesPath = rels.find((x) => /\/styles$/.test(x.type))?.target ?? 'word/styles.xml';
  const themePath = rels.find((x) => /\/theme$/.test(x.type))?.target ?? 'word/theme/theme1.xml';
  const legacy = [docXml, pkg.text(stylesPath) ?? '', pkg.text(themePath) ?? ''].some(mentionsLegacyFont);
  const numberingPath = rels.find((x) => /\/numbering$/.test(x.type))?.target ?? 'word/numbering.xml';
  const numberingXml = pkg.text(numberingPath);
  const numbered = !!numberingXml && (docXml.includes('<w:numPr') || styles.hasNumberedStyles());
  const mayHaveHeaders = /<w:(header|footer)Reference/.test(docXml);
  if (!legacy && !numbered && !mayHaveHeaders && !NEEDS_TEXT_STEPS.test(docXml)) return r;

  const $ = loadXml(docXml);
  let changed = 0;
  // Headers and footers first: their blocks join the body and go through the body's steps.
  if (mayHaveHeaders) {
    const { headers, footers } = headerFooterParts($, pkg, documentPath);
    // Sections often repeat the same header in parts of their own: each text once.
    const seen = new Set<string>();
    const blocksOf = (path: string) => {
      const xml = pkg.text(path);
      const part = xml ? partBlocks(loadXml(xml)) : { blocks: [], text: '' };
      if (!part.blocks.length || seen.has(part.text)) return [];
      seen.add(part.text);
      return part.blocks;
    };
    r.headerFooterBlocks = insertHeaderFooterBlocks($, { top: headers.flatMap(blocksOf), bottom: footers.flatMap(blocksOf) });
    changed += r.headerFooterBlocks;
  }
  changed += textSteps($, styles, legacy, r);
  if (numbered) {
    r.numbered = injectNumbering($, new NumberingDefinitions(numberingXml!, styles), styles);
    changed += r.numbered;
  }
  if (changed) pkg.replace(documentPath, $.xml());

  for (const note of rels.filter((x) => /\/(footnotes|endnotes)$/.test(x.type) && x.target)) {
    const xml = pkg.text(note.target!);
    if (!xml || (!legacy && !NEEDS_TEXT_STEPS.test(xml))) continue;
    const $n = loadXml(xml);
    if (textSteps($n, styles, legacy, r)) pkg.replace(note.target!, $n.xml());
  }
  return r;
}

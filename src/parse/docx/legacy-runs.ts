// Runs in legacy Vietnamese fonts (TCVN3 '.VnTime', VNI 'VNI-Times') → Unicode, in place, before
// mammoth reads the part. A run's font comes from its own properties or is inherited through
// styles (styles.ts). Word may store TCVN3's 'ư' (byte 0xAD) as an optional hyphen
// (w:softHyphen) and a symbol font's bytes as w:sym: both are read as the byte they stand for.
import { decodeLegacy, isUnicodeVietnamese, legacyFontOf, type LegacyFont } from '../legacy-fonts/index.ts';
import { paragraphStyleOf, readRunFonts, runStyleOf, type StyleSheet } from './styles.ts';
import { ancestor, child, escapeXml, sel, type Element, type XmlDoc, elements } from './xml.ts';

/** Whether a part's XML names a legacy font at all (most files do not: nothing to do). */
export function mentionsLegacyFont(xml: string): boolean {
  return /(?:w:ascii|w:hAnsi|w:font|typeface)="(?:\.vn|vn[a-z]|vni[-_ ])/i.test(xml);
}

/** Decodes every legacy-font run of a part; returns how many runs changed. */
export function decodeLegacyRuns($: XmlDoc, styles: StyleSheet): number {
  let changed = 0;
  for (const r of elements($, sel('w:r'))) {
    const font = legacyFontOf(styles.runFont(readRunFonts(child(r, 'w:rPr')), runStyleOf(r), paragraphStyleOf(ancestor(r, 'w:p'))));
    const pieces = r.children.filter((k): k is Element => k.type === 'tag' && /^w:(t|softHyphen|sym)$/.test(k.name));
    if (!pieces.length) continue;
    const raws = pieces.map((k) => rawPiece($, k, font));
    if (raws.every((x) => !x.font)) continue;
    // Text that is already Unicode Vietnamese keeps its leftover legacy font name.
    if (isUnicodeVietnamese(raws.map((x) => x.text).join(''))) continue;
    pieces.forEach((k, i) => {
      const { text, font: f } = raws[i]!;
      if (!f) return;
      // Piece by piece: a VNI modifier split from its letter composes again when the text is
      // normalised (NFC) downstream.
      const decoded = decodeLegacy(text, f.encoding, { upper: f.upper });
      if (k.name === 'w:t') $(k).text(decoded);
      else $(k).replaceWith(`<w:t xml:space="preserve">${escapeXml(decoded)}</w:t>`);
    });
    changed++;
  }
  return changed;
}

/** A piece's stored characters and the legacy font they are in (null: not a legacy font). */
function rawPiece($: XmlDoc, k: Element, runFont: LegacyFont | null): { text: string; font: LegacyFont | null } {
  if (k.name === 'w:t') return { text: $(k).text(), font: runFont };
  if (k.name === 'w:softHyphen') return { text: '\u00ad', font: runFont };
  // w:sym w:font=".VnTime" w:char="F0B8" (or "B8"): the byte is the low byte; its own font counts.
  const font = k.attribs['w:font'] ? legacyFontOf(k.attribs['w:font']) : runFont;
  const code = Number.parseInt(k.attribs['w:char'] ?? '', 16);
  return { text: Number.isFinite(code) ? String.fromCharCode(code & 0xff) : '', font };
}

// What a paragraph or run inherits from word/styles.xml: the numbering of numbered paragraph
// styles, and a run's font (direct w:rFonts, then its character style, then its paragraph's
// style, then the document defaults; theme font names resolved through word/theme/*.xml).
import type { DocxPackage } from './package.ts';
import { child, childVal, loadXml, sel, type Element, elements } from './xml.ts';

/** The font attributes of a w:rFonts element (only those that matter for Latin text). */
export interface RunFonts {
  ascii?: string;
  hAnsi?: string;
  asciiTheme?: string;
  hAnsiTheme?: string;
}

interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: string;
  fonts: RunFonts;
}

export function readRunFonts(rPr: Element | undefined): RunFonts {
  const f = child(rPr, 'w:rFonts');
  if (!f) return {};
  const a = f.attribs;
  const out: RunFonts = {};
  if (a['w:ascii']) out.ascii = a['w:ascii'];
  if (a['w:hAnsi']) out.hAnsi = a['w:hAnsi'];
  if (a['w:asciiTheme']) out.asciiTheme = a['w:asciiTheme'];
  if (a['w:hAnsiTheme']) out.hAnsiTheme = a['w:hAnsiTheme'];
  return out;
}

export class StyleSheet {
  private readonly styles = new Map<string, StyleDef>();
  private defaultParagraph: string | undefined;
  private defaults: RunFonts = {};
  private theme = new Map<string, string>();

  static read(pkg: DocxPackage, documentPath: string): StyleSheet {
    const sheet = new StyleSheet();
    const rels = [...pkg.relationships(documentPath).values()];
    const stylesPath = rels.find((r) => /\/styles$/.test(r.type))?.target ?? 'word/styles.xml';
    const themePath = rels.find((r) => /\/theme$/.test(r.type))?.target ?? 'word/theme/theme1.xml';
    const stylesXml = pkg.text(stylesPath);
    if (stylesXml) sheet.readStyles(stylesXml);
    const themeXml = pkg.text(themePath);
    if (themeXml) sheet.readTheme(themeXml);
    return sheet;
  }

  private readStyles(xml: string): void {
    const $ = loadXml(xml);
    for (const el of elements($, sel('w:style'))) {
      const id = el.attribs['w:styleId'];
      if (!id) continue;
      const pPr = child(el, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      this.styles.set(id, {
        basedOn: childVal(el, 'w:basedOn'),
        numId: numPr && childVal(numPr, 'w:numId'),
        ilvl: numPr && childVal(numPr, 'w:ilvl'),
        fonts: readRunFonts(child(el, 'w:rPr')),
      });
      if (el.attribs['w:type'] === 'paragraph' && /^(1|true|on)$/.test(el.attribs['w:default'] ?? '')) this.defaultParagraph = id;
    }
    const rPrDefault = elements($, sel('w:docDefaults > w:rPrDefault > w:rPr'))[0];
    this.defaults = readRunFonts(rPrDefault);
  }

  private readTheme(xml: string): void {
    const $ = loadXml(xml);
    for (const kind of ['major', 'minor'] as const) {
      const face = $(sel(`a:${kind}Font > a:latin`)).attr('typeface');
      if (face) {
        this.theme.set(`${kind}Ascii`, face);
        this.theme.set(`${kind}HAnsi`, face);
      }
    }
  }

  /** True when some style numbers its paragraphs. */
  hasNumberedStyles(): boolean {
    return [...this.styles.values()].some((s) => s.numId && s.numId !== '0');
  }

  /** The numbering a paragraph style carries (from itself or the styles it is based on). */
  paragraphNumbering(styleId: string | undefined): { numId?: string; ilvl?: string } {
    let id = styleId ?? this.defaultParagraph;
    for (let k = 0; id && k < 10; k++) {
      const st = this.styles.get(id);
      if (!st) return {};
      if (st.numId !== undefined) return st;
      id = st.basedOn;
    }
    return {};
  }

  /** The font a run's non-ASCII Latin characters are drawn with (w:hAnsi, else w:ascii), from
   *  its own properties, its character style, its paragraph's style and the defaults. */
  runFont(direct: RunFonts, runStyle: string | undefined, paragraphStyle: string | undefined): string | undefined {
    const levels: RunFonts[] = [direct, ...this.chain(runStyle), ...this.chain(paragraphStyle ?? this.defaultParagraph), this.defaults];
    return this.slot(levels, 'hAnsi') ?? this.slot(levels, 'ascii');
  }

  private slot(levels: RunFonts[], slot: 'ascii' | 'hAnsi'): string | undefined {
    for (const f of levels) {
      const theme = slot === 'ascii' ? f.asciiTheme : f.hAnsiTheme;
      if (theme) {
        const name = this.theme.get(theme);
        if (name) return name;
      }
      const name = f[slot];
      if (name) return name;
    }
    return undefined;
  }

  private chain(styleId: string | undefined): RunFonts[] {
    const out: RunFonts[] = [];
    for (let id = styleId, k = 0; id && k < 10; k++) {
      const st = this.styles.get(id);
      if (!st) break;
      out.push(st.fonts);
      id = st.basedOn;
    }
    return out;
  }
}

/** The style ids of a paragraph (w:pPr/w:pStyle) and of a run (w:rPr/w:rStyle). */
export function paragraphStyleOf(p: Element | undefined): string | undefined {
  const pPr = child(p, 'w:pPr');
  return pPr ? childVal(pPr, 'w:pStyle') : undefined;
}

export function runStyleOf(r: Element): string | undefined {
  const rPr = child(r, 'w:rPr');
  return rPr ? childVal(rPr, 'w:rStyle') : undefined;
}

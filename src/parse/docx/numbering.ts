// Word's automatic numbering. Word draws 'I.', '1.1.', 'a)' in front of numbered paragraphs
// (w:numPr, directly or through a numbered paragraph style) without writing them in the text,
// and mammoth leaves them out; they are what gives a report its sections. We count them as Word
// does (word/numbering.xml: levels, formats, start values, w:lvlOverride/w:startOverride
// restarts) and write each label into its paragraph, as the paragraph's first run, before
// mammoth reads the document. Bullets are left out, except dashes and pluses, which read as text.
import type { StyleSheet } from './styles.ts';
import { child, childVal, escapeXml, loadXml, sel, type Element, type XmlDoc, elements } from './xml.ts';

interface NumLevel {
  start: number;
  fmt: string;
  text: string;
}

interface NumInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, NumLevel>;
}

interface AbstractNum {
  levels: Map<number, NumLevel>;
  styleLink?: string;
}

const DASH_BULLETS = new Set(['-', '–', '—', '+']);

/** The numbering definitions of word/numbering.xml. */
export class NumberingDefinitions {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();

  constructor(xml: string, private readonly styles: StyleSheet) {
    const $ = loadXml(xml);
    for (const el of elements($, sel('w:abstractNum'))) {
      this.abstracts.set(el.attribs['w:abstractNumId'] ?? '', { levels: levelsOf(el), styleLink: childVal(el, 'w:numStyleLink') });
    }
    for (const el of elements($, sel('w:num'))) {
      const starts = new Map<number, number>();
      const levels = new Map<number, NumLevel>();
      for (const o of el.children) {
        if (o.type !== 'tag' || (o as Element).name !== 'w:lvlOverride') continue;
        const ov = o as Element;
        const ilvl = Number(ov.attribs['w:ilvl'] ?? 0);
        const start = childVal(ov, 'w:startOverride');
        if (start !== undefined) starts.set(ilvl, Number(start));
        for (const [k, v] of levelsOf(ov)) levels.set(k, v);
      }
      this.nums.set(el.attribs['w:numId'] ?? '', { abstractId: childVal(el, 'w:abstractNumId') ?? '', starts, levels });
    }
  }

  num(numId: string): NumInstance | undefined {
    return this.nums.get(numId);
  }

  /** The level definition of a list at a level, the key its counters share, and its other levels. */
  level(numId: string, ilvl: number): { key: string; level: NumLevel; levels: (l: number) => NumLevel | undefined } | null {
    const num = this.nums.get(numId);
    if (!num) return null;
    let abs = this.abstracts.get(num.abstractId);
    // A list that only links to a numbering style: follow the style to its list.
    if (abs?.styleLink) {
      const linked = this.nums.get(this.styles.paragraphNumbering(abs.styleLink).numId ?? '');
      if (linked) abs = this.abstracts.get(linked.abstractId) ?? abs;
    }
    if (!abs) return null;
    const absLevels = abs.levels;
    const levels = (l: number) => num.levels.get(l) ?? absLevels.get(l);
    const level = levels(ilvl);
    if (!level) return null;
    // Lists that restart their numbering count on their own; others share the abstract list.
    return { key: num.starts.size ? `n${numId}` : `a${num.abstractId}`, level, levels };
  }
}

function levelsOf(el: Element): Map<number, NumLevel> {
  const levels = new Map<number, NumLevel>();
  for (const k of el.children) {
    if (k.type !== 'tag' || (k as Element).name !== 'w:lvl') continue;
    const l = k as Element;
    levels.set(Number(l.attribs['w:ilvl'] ?? 0), {
      start: Number(childVal(l, 'w:start') ?? 1),
      fmt: childVal(l, 'w:numFmt') ?? 'decimal',
      text: childVal(l, 'w:lvlText') ?? '',
    });
  }
  return levels;
}

/** Writes the label of every numbered paragraph of a part into its text, in document order, and
 *  turns its list numbering off (w:numId 0). Returns how many paragraphs were labelled. */
export function injectNumbering($: XmlDoc, defs: NumberingDefinitions, styles: StyleSheet): number {
  const counters = new Map<string, (number | undefined)[]>();
  let n = 0;
  for (const p of elements($, sel('w:p'))) {
    const pPr = child(p, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const fromStyle = styles.paragraphNumbering(pPr ? childVal(pPr, 'w:pStyle') : undefined);
    const numId = (numPr && childVal(numPr, 'w:numId')) ?? fromStyle.numId;
    if (!numId || numId === '0') continue;
    const ilvl = Number((numPr && childVal(numPr, 'w:ilvl')) ?? fromStyle.ilvl ?? 0);
    const found = defs.level(numId, ilvl);
    if (!found) continue;
    const { key, level, levels } = found;
    const num = defs.num(numId)!;
    const c = counters.get(key) ?? [];
    counters.set(key, c);
    c[ilvl] = c[ilvl] === undefined ? (num.starts.get(ilvl) ?? level.start) : c[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) c[k] = undefined;
    for (let k = 0; k < ilvl; k++) if (c[k] === undefined) c[k] = num.starts.get(k) ?? levels(k)?.start ?? 1;
    let label: string;
    if (level.fmt === 'bullet') {
      if (!DASH_BULLETS.has(level.text.trim())) continue;
      label = level.text.trim();
    } else {
      label = level.text.replace(/%([1-9])/g, (_m, d: string) => formatNumber(c[Number(d) - 1] ?? 1, levels(Number(d) - 1)?.fmt ?? 'decimal')).trim();
    }
    if (!label) continue;
    const text = $(p).find(sel('w:t')).text();
    // A paragraph without text shows its number alone: nothing to read.
    if (!text.trim()) continue;
    labelParagraph($, p, label);
    n++;
  }
  return n;
}

/** The label as the paragraph's first run (with the first run's properties, so a bold heading
 *  stays wholly bold), and its list numbering turned off. */
function labelParagraph($: XmlDoc, p: Element, label: string): void {
  const firstRun = $(p).find(sel('w:r')).filter((_, r) => $(r).children(sel('w:t')).length > 0).get(0);
  const rPr = firstRun && child(firstRun, 'w:rPr');
  const run = `<w:r>${rPr ? $.xml(rPr) : ''}<w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`;
  let pPr = child(p, 'w:pPr');
  if (!pPr) {
    $(p).prepend('<w:pPr></w:pPr>');
    pPr = child(p, 'w:pPr')!;
  }
  $(pPr).after(run);
  const numPr = child(pPr, 'w:numPr');
  if (numPr) $(numPr).replaceWith('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>');
  else $(pPr).prepend('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>');
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'none': return '';
    default: return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
}

function letters(n: number): string {
  // Word: A … Z, then AA … ZZ, AAA …
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

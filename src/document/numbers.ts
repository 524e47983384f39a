// Vietnamese numbers: '.' groups thousands and ',' marks decimals ("17.128", "1.719,58"),
// but "8.0 km", "17 128", "17128", "1719,58ha" and "05" occur too. Each number is read from
// its own shape, never with a global rule.

/** Matches one number as Vietnamese reports write it (use with the 'g' flag via numberPattern()).
 *  Thousands groups separated by '.', a space or a no-break space; an optional decimal part. */
const NUMBER_SOURCE =
  String.raw`(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?![\d.,]\d)|\d+(?:[.,]\d+)?)(?![\d])`;

/** A fresh regular expression that finds numbers in a text (global, so it keeps state). */
export function numberPattern(): RegExp {
  return new RegExp(NUMBER_SOURCE, 'g');
}

/** The source of the number pattern, to embed in larger patterns: `(${NUMBER})\s*ha`. */
export const NUMBER = NUMBER_SOURCE.replace(/\(\?<!\[\\d\.,\]\)/, '').replace(/\(\?!\[\\d\]\)$/, '');

/**
 * Reads one Vietnamese number. Returns null when the text is not a number.
 *  - "17.128" → 17128, "1.719,58" → 1719.58, "17 128" → 17128, "05" → 5
 *  - "8.0" / "8.5" → 8 / 8.5 (a '.' followed by other than exactly three digits is a decimal point)
 *  - "1719,58" / "8,5" → 1719.58 / 8.5 (',' is the decimal mark)
 */
export function parseVnNumber(raw: string): number | null {
  const s = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (!/^\d[\d., ]*$/.test(s)) return null;
  let intPart = s;
  let frac = '';
  const comma = s.lastIndexOf(',');
  if (comma >= 0) {
    intPart = s.slice(0, comma);
    frac = s.slice(comma + 1);
    if (!/^\d+$/.test(frac)) return null;
  }
  if (/^\d{1,3}([. ]\d{3})+$/.test(intPart)) {
    // thousands groups; a single '.'-group could be a decimal point ("8.000" is still 8000 in VN).
    intPart = intPart.replace(/[. ]/g, '');
  } else if (/^\d+\.\d+$/.test(intPart) && comma < 0) {
    // "8.0", "8.5", "12.75": a decimal point (not three digits after it).
    const value = Number(intPart);
    return Number.isFinite(value) ? value : null;
  } else if (!/^\d+$/.test(intPart)) {
    return null;
  }
  const value = Number(frac ? `${intPart}.${frac}` : intPart);
  return Number.isFinite(value) ? value : null;
}

/** Reads an integer count ("05", "17.128", "3 807"); null when the number has a fractional part. */
export function parseVnInteger(raw: string): number | null {
  const n = parseVnNumber(raw);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** Every number in a text, with its position. */
export function findNumbers(text: string): { raw: string; value: number; index: number }[] {
  const out: { raw: string; value: number; index: number }[] = [];
  for (const m of text.matchAll(numberPattern())) {
    const value = parseVnNumber(m[0]);
    if (value !== null) out.push({ raw: m[0], value, index: m.index ?? 0 });
  }
  return out;
}

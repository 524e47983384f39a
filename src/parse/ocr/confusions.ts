// OCR confusions fixed only where the shape of a word leaves one reading:
//  - the Icelandic eth 'Ð/ð' for the Vietnamese 'Đ/đ' (the same glyph; Vietnamese has no eth);
//  - in a number, letters that look like digits ('1O.061' → '10.061', 'l5' → '15', '2O24');
//    a part counts as a number when digits are most of it and it has no other letters, so 'I.',
//    'II', 'BC-UBND', 'l' alone never change;
//  - a number with its thousands points and a decimal point where Vietnamese writes a comma:
//    '1.833.43' is no number in either convention, '1.833,43' is the only reading; a number that
//    starts with a separator ('.20') has a speck in front of it;
//  - a document symbol with a doubled 'Đ' ('66-QĐ/ĐĐU'): the bar of the Đ read as a second letter.
// Anything else (tone marks, names) is left as read: the review marks (uncertain.ts) and the
// checks downstream (registry, sums, number patterns) deal with it.

/** Look-alikes read as digits. Not S/5, B/8, Z/2, g/9: '12B' is a house number, 'S' a size. */
const DIGIT_LIKE: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };

function fixNumberPart(part: string): string {
  if (part.length < 2) return part;
  const chars = [...part];
  const digits = chars.filter((c) => c >= '0' && c <= '9').length;
  if (digits === 0) return part;
  const letters = chars.filter((c) => /\p{L}|\|/u.test(c));
  if (letters.length === 0) return part;
  if (letters.some((c) => !(c in DIGIT_LIKE))) return part;
  if (letters.length > 1 && letters.length >= digits) return part;
  // Only characters of a number: digits, the look-alikes, and . , between them.
  if (!/^[\p{L}\d|]+(?:[.,][\p{L}\d|]+)*$/u.test(part)) return part;
  return chars.map((c) => DIGIT_LIKE[c] ?? c).join('');
}

/** Splits off leading/trailing punctuation so that '(2O24)' and '1O.061,' are seen as numbers. */
function fixToken(token: string): string {
  const m = /^([(\["“'‘]*)(.*?)([)\]"”'’.,;:%]*)$/u.exec(token);
  if (!m) return token;
  const [, lead, core, trail] = m as unknown as [string, string, string, string];
  // Parts of a date or a document number: '12/6/2O24', '1O5/BC-UBND'.
  let fixed = core.split(/([/-])/).map((p) => (p === '/' || p === '-' ? p : fixNumberPart(p))).join('');
  // A document symbol never doubles a letter: 'QĐ/ĐĐU', 'QĐĐ/ĐU' are 'QĐ/ĐU' (the bar of Đ read twice).
  if (/^\d+[-/]/.test(fixed) && /^[\d\p{Lu}/-]+$/u.test(fixed)) fixed = fixed.replace(/ĐĐ/g, 'Đ');
  // A number never starts with its separator: '.20' is a speck before '20'.
  if (/^[.,]+\d/.test(fixed) && !lead) fixed = fixed.replace(/^[.,]+/, '');
  const decimal = /^\d{1,3}(?:\.\d{3})+\.\d{1,2}$/.test(fixed) ? fixed.replace(/\.(\d{1,2})$/, ',$1') : fixed;
  return lead + decimal + trail;
}

export function fixConfusions(text: string): string {
  const eth = text.replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
  return eth.split(/(\s+)/).map((t) => (/\s/.test(t) || t === '' ? t : fixToken(t))).join('');
}

const ROMAN = /^(?:X{0,2})(?:IX|IV|V?I{0,3})$/;

/** The first word of a line, where a list's dash or a heading's Roman number stands:
 *  '~' / '~-' is the dash of a list item (a tilde never starts a line of a report); 'Ill.', 'IL.',
 *  'HI.' are 'III.', 'II.' (l, L, | for I; H for II) when that gives a Roman number. */
export function fixLineStart(word: string): string {
  if (/^[~˜∼]+-?$/u.test(word)) return '-';
  const m = /^([IVXlLH|]{1,6})([.)])$/u.exec(word);
  if (m && /[lLH|]/.test(m[1]!)) {
    const roman = m[1]!.replace(/H/g, 'II').replace(/[lL|]/g, 'I');
    if (roman && ROMAN.test(roman)) return roman + m[2]!;
  }
  return word;
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!, b = v[s[i + 1]!] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

function toRoman(n: number): string {
  const parts: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of parts) while (n >= v) { out += r; n -= v; }
  return out;
}

/** Roman section numbers at the start of lines, in reading order, go up one by one: a number OCR
 *  was unsure of that does not follow the one before ('II.' after 'II.', the third I lost) is the
 *  next one. `items`: the line-initial words that are Roman numbers with '.', in order. */
export function fixRomanSequence(items: { text: string; conf: number }[], unsureBelow: number): void {
  let prev = 0;
  for (const it of items) {
    const m = /^([IVX]{1,5})\.$/.exec(it.text);
    if (!m) continue;
    const n = romanValue(m[1]!);
    if (toRoman(n) !== m[1]) continue;
    if (n !== prev + 1 && prev > 0 && n <= prev && it.conf < unsureBelow) {
      it.text = `${toRoman(prev + 1)}.`;
      prev++;
    } else prev = n;
  }
}

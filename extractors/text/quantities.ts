// Quantities in folded text: a number in its Vietnamese shape, with what follows it — a scale word
// ('12,1 nghìn người' = 12 100), a money unit ('18.600.000đ', '30 tr.đồng', '45 triệu đồng' → million
// VND), a percent sign, or the second half of a ratio ('8/8'). Two counts joined by a slash, each with
// its own unit word ('3.107 hộ/12.128 nhân khẩu'), are two quantities, not a ratio.
import { NUMBER, parseVnNumber } from '../../src/document/numbers.ts';
import { MONEY, SCALES } from '../lexicon.ts';

export interface Quantity {
  /** The number as read (after a scale word: '12,1 nghìn' → 12100). */
  value: number;
  /** Where the digits are, in the text given. */
  numStart: number;
  numEnd: number;
  /** End of the quantity: after its scale word and money unit when there is one. */
  end: number;
  /** Million VND when a money unit follows ('30 tr.đồng' → 30, '18.600.000đ' → 18.6). */
  millionVnd: number | null;
  percent: boolean;
  /** First half of a ratio ('8/8', '3 trên 7'): not a count by itself. */
  ratio: boolean;
  /** The folded words just after the quantity (up to 40 characters), where a unit or noun sits. */
  after: string;
}

const NUM = new RegExp(String.raw`(?<![\d.,])(${NUMBER})(?!\d)`, 'gu');
const SCALE = new RegExp(String.raw`^\s*(${SCALES.map((s) => s.words).join('|')})(?![\p{L}])`, 'u');
const MONEY_RE = MONEY.map((m) => ({ re: new RegExp(String.raw`^\s*(?:${m.words})(?![\p{L}])`, 'u'), factor: m.factor }));

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Every quantity in a folded text (dates and cited documents should be blanked out by the caller). */
export function quantities(folded: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of folded.matchAll(NUM)) {
    const numStart = m.index;
    let numEnd = numStart + m[0].length;
    const raw = m[1]!;
    // A decimal or thousands part cut by the pattern ('1.719,58' is one number): skip a number glued to a letter before it
    // ('QL1A', 'CT17' is a code, not a count).
    if (/[\p{L}]$/u.test(folded.slice(Math.max(0, numStart - 1), numStart)) && !/(?:^|[^\p{L}])(?:ct|tc)$/u.test(folded.slice(Math.max(0, numStart - 4), numStart))) continue;
    const before = folded.slice(Math.max(0, numStart - 3), numStart);
    let value = parseVnNumber(raw);
    if (value === null) continue;
    // '…/12.128 nhân khẩu' after a count with a unit word: the second count of a pair; after a digit: a ratio or a date.
    if (/\d\s*\/\s*$/.test(before)) continue;
    let rest = folded.slice(numEnd);
    const ratio = /^\s*(?:\/|tren|trong tong so|trong so)\s*\d/.test(rest);
    const percent = /^\s*%/.test(rest);
    let end = numEnd;
    const scale = SCALE.exec(rest);
    if (scale && !/^\s*(?:dong|d)(?![\p{L}])/u.test(rest.slice(scale[0].length))) {
      value = round6(value * SCALES.find((s) => new RegExp(`^(?:${s.words})$`).test(scale[1]!))!.factor);
      end += scale[0].length;
      rest = folded.slice(end);
    }
    let millionVnd: number | null = null;
    if (!ratio && !percent) {
      for (const { re, factor } of MONEY_RE) {
        const mm = re.exec(rest);
        if (!mm) continue;
        // A bare 'đ' only right after the digits ('18.600.000đ'), not 'đ' starting a word.
        if (/^\s*d$/.test(mm[0]) && /^\s/.test(rest)) continue;
        millionVnd = round6(value * factor);
        end += mm[0].length;
        rest = folded.slice(end);
        break;
      }
    }
    numEnd = numStart + raw.length;
    out.push({ value, numStart, numEnd, end, millionVnd, percent, ratio, after: rest.slice(0, 40) });
  }
  return out;
}

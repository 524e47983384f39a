// Vietnamese text helpers for the samples: numbers as reports write them, dates, tone-mark
// placement (Hòa / Hoà), plausible misspellings of a name, and file-name slugs.
import type { Rng } from './prng.ts';

// ---------------------------------------------------------------- numbers

/** How a report groups thousands: '17.128', '17 128' or '17128'. */
export type Thousands = 'dot' | 'space' | 'none';

function group(intDigits: string, thousands: Thousands): string {
  if (thousands === 'none' || intDigits.length <= 3) return intDigits;
  const sep = thousands === 'dot' ? '.' : ' ';
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

/** An integer: `fmtInt(17128, 'dot')` = '17.128'; `pad` gives leading zeros ('05'). */
export function fmtInt(n: number, thousands: Thousands = 'dot', pad = 0): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`fmtInt: ${n}`);
  return group(String(n).padStart(pad, '0'), thousands);
}

/** Numbers under 10 with a leading zero ('05'), as many reports write counts. */
export function fmtCount(n: number, leadingZero: boolean): string {
  return fmtInt(n, 'dot', leadingZero ? 2 : 0);
}

/**
 * A decimal given as an integer count of 10^-decimals units (exact: no float rounding):
 * `fmtScaled(171958, 2)` = '1.719,58'; with `{ decimalMark: '.' }` '1719.58';
 * `dropZeroFraction` writes 540 (decimals 1) as '54' instead of '54,0'.
 */
export function fmtScaled(
  scaled: number,
  decimals: number,
  opts: { thousands?: Thousands; decimalMark?: ',' | '.'; dropZeroFraction?: boolean } = {},
): string {
  if (!Number.isInteger(scaled) || scaled < 0) throw new Error(`fmtScaled: ${scaled}`);
  const thousands = opts.thousands ?? 'dot';
  const mark = opts.decimalMark ?? ',';
  if (mark === '.' && thousands === 'dot') throw new Error('fmtScaled: "." as both thousands and decimal mark');
  const s = String(scaled).padStart(decimals + 1, '0');
  const intPart = s.slice(0, s.length - decimals);
  let frac = decimals > 0 ? s.slice(s.length - decimals) : '';
  if (opts.dropZeroFraction && /^0*$/.test(frac)) frac = '';
  return group(intPart, thousands) + (frac ? mark + frac : '');
}

/** The value of a scaled integer as a JSON number (171958, 2 → 1719.58). */
export function scaledValue(scaled: number, decimals: number): number {
  return Number(fmtScaled(scaled, decimals, { thousands: 'none', decimalMark: '.' }));
}

// ---------------------------------------------------------------- dates

export interface YMD { y: number; m: number; d: number }

export function isoDate(d: YMD): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

export function compareYMD(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A random day between two dates (inclusive). */
export function randomDate(rng: Rng, from: YMD, to: YMD): YMD {
  const a = Date.UTC(from.y, from.m - 1, from.d);
  const b = Date.UTC(to.y, to.m - 1, to.d);
  const t = new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** '11/6/2024', '11/06/2024', '01/02/2024' … */
export type SlashStyle = 'pad' | 'nopad' | 'padDay';
export function fmtDateSlash(d: YMD, style: SlashStyle): string {
  const dd = style === 'nopad' ? String(d.d) : String(d.d).padStart(2, '0');
  const mm = style === 'pad' ? String(d.m).padStart(2, '0') : String(d.m);
  return `${dd}/${mm}/${d.y}`;
}

/** 'ngày 11 tháng 6 năm 2024' (days under 10 and months 1–2 padded when `pad`). */
export function fmtDateWords(d: YMD, pad: boolean): string {
  const dd = pad && d.d < 10 ? `0${d.d}` : String(d.d);
  const mm = pad && d.m < 3 ? `0${d.m}` : String(d.m);
  return `ngày ${dd} tháng ${mm} năm ${d.y}`;
}

// ---------------------------------------------------------------- tone marks

const TONES = '\u0300\u0301\u0309\u0303\u0323'; // huyền, sắc, hỏi, ngã, nặng
const LETTER_AFTER = `(?![\\p{L}\\u0300-\\u036f])`;

/**
 * Moves the tone mark of open 'oa', 'oe', 'uy' syllables to the other vowel:
 * 'Hòa' ⇄ 'Hoà', 'Thủy' ⇄ 'Thuỷ', 'khỏe' ⇄ 'khoẻ'. Closed syllables ('Hoàng') are left alone,
 * and so is 'qu' ('quý'). `to: 'second'` puts the mark on the second vowel ('Hoà'),
 * `to: 'first'` on the first ('Hòa', the registry's usual spelling).
 */
export function moveTone(text: string, to: 'first' | 'second'): string {
  let s = text.normalize('NFD');
  if (to === 'second') {
    s = s.replace(new RegExp(`(?<![qQ])([oO])([${TONES}])([aAeE])${LETTER_AFTER}`, 'gu'), '$1$3$2');
    s = s.replace(new RegExp(`(?<![qQ])([uU])([${TONES}])([yY])${LETTER_AFTER}`, 'gu'), '$1$3$2');
  } else {
    s = s.replace(new RegExp(`(?<![qQ])([oO])([aAeE])([${TONES}])${LETTER_AFTER}`, 'gu'), '$1$3$2');
    s = s.replace(new RegExp(`(?<![qQ])([uU])([yY])([${TONES}])${LETTER_AFTER}`, 'gu'), '$1$3$2');
  }
  return s.normalize('NFC');
}

/** The name spelled with the other tone placement, or null when it has none. */
export function altTonePlacement(name: string): string | null {
  const second = moveTone(name, 'second');
  if (second !== name.normalize('NFC')) return second;
  const first = moveTone(name, 'first');
  return first !== name.normalize('NFC') ? first : null;
}

/** A key under which 'Hòa' and 'Hoà' (NFC or not) compare equal. */
export function toneKey(name: string): string {
  return moveTone(name.normalize('NFC'), 'first').toLocaleLowerCase('vi');
}

/** Syllables a typo must never produce (a changed tone mark can turn a name into a swear word). */
const OFFENSIVE = new Set(['đéo', 'đẻo', 'địt', 'đít', 'lồn', 'buồi', 'cặc', 'đụ', 'đĩ', 'đái', 'ỉa']);

/**
 * A plausible typo of a name, as commune reports contain ('Đông Lỗ' → 'Đông Lễ'):
 * hỏi/ngã swapped, or a vowel's hat or horn changed (ô→ê, ơ→ô, ư→u, â→ă …). The result is a
 * different name even after tone placement is unified. `avoid` lists names it must not hit
 * (the other communes of the district).
 */
export function misspell(name: string, rng: Rng, avoid: readonly string[] = []): string {
  const nfd = name.normalize('NFD');
  const candidates: string[] = [];
  const swaps: [RegExp, string][] = [
    [/\u0309/u, '\u0303'], [/\u0303/u, '\u0309'], // hỏi ⇄ ngã
    [/o\u0302/u, 'e\u0302'], [/o\u031b/u, 'o\u0302'], [/o\u0302/u, 'o\u031b'], // ô→ê, ơ→ô, ô→ơ
    [/u\u031b/u, 'u'], [/a\u0302/u, 'a\u0306'], [/a\u0306/u, 'a\u0302'], [/e\u0302/u, 'e'], // ư→u, â→ă, ă→â, ê→e
    [/\u0301/u, '\u0300'], [/\u0323/u, '\u0301'], [/\u0300/u, '\u0301'], // sắc→huyền, nặng→sắc, huyền→sắc
    [/Đ/u, 'D'],
  ];
  // Apply one change to the last syllable that allows it (typos of the distinctive part).
  const syllables = nfd.split(' ');
  for (let si = syllables.length - 1; si >= 0; si--) {
    for (const [re, rep] of swaps) {
      if (re.test(syllables[si]!)) {
        const copy = [...syllables];
        // A tone mark goes after the vowel's hat/horn/breve, or NFC cannot compose 'ậ' → 'ấ'.
        copy[si] = copy[si]!.replace(re, rep).replace(/([\u0300\u0301\u0303\u0309\u0323])([\u0302\u0306\u031b]+)/gu, '$2$1');
        candidates.push(copy.join(' ').normalize('NFC'));
      }
    }
  }
  const avoidKeys = new Set([...avoid, name].map(toneKey));
  const ok = [...new Set(candidates)].filter(
    (c) => !avoidKeys.has(toneKey(c)) && !c.toLocaleLowerCase('vi').split(' ').some((w) => OFFENSIVE.has(w)),
  );
  if (ok.length === 0) {
    // No diacritic to change: drop the last letter of the last syllable (only for long names).
    return name.slice(0, -1);
  }
  return rng.pick(ok.slice(0, 3));
}

// ---------------------------------------------------------------- case, slugs

export const upper = (s: string) => s.toLocaleUpperCase('vi');

/** 'Hiệp Hòa' → 'hiep-hoa'. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Collapses whitespace and normalises to NFC: the contract's form of a string. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

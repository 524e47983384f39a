// Vietnamese names: tone-mark placement, comparison keys and a diacritic-aware edit distance.
//
// NFC does not unify where the tone mark sits in the open syllables oa / oe / uy: 'Hoà' and 'Hòa',
// 'Thuỷ' and 'Thủy', 'Khoẻ' and 'Khỏe' are the same word typed with two keyboard settings.
// Every comparison of names goes through nameKey(), which unifies the placement.

/** The five tone marks as combining characters (NFD). */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const COMBINING = /[\u0300-\u036f]/;

/** Where the tone goes in open oa / oe / uy syllables:
 *  'first' = on o / u ('Hòa', 'Thủy', 'Khỏe': the registry's usual spelling),
 *  'last'  = on a / e / y ('Hoà', 'Thuỷ', 'Khoẻ'). */
export type TonePlacement = 'first' | 'last';

interface Glyph {
  base: string;
  /** Non-tone marks (breve, circumflex, horn), NFD order. */
  marks: string;
  tone: string;
}

function glyphs(word: string): Glyph[] {
  const out: Glyph[] = [];
  for (const ch of word.normalize('NFD')) {
    if (COMBINING.test(ch) && out.length > 0) {
      const g = out[out.length - 1]!;
      if (TONES.has(ch)) g.tone = ch;
      else g.marks += ch;
    } else {
      out.push({ base: ch, marks: '', tone: '' });
    }
  }
  return out;
}

function render(gs: Glyph[]): string {
  return gs.map((g) => g.base + g.marks + g.tone).join('').normalize('NFC');
}

/** Onsets that can precede an open oa / oe / uy syllable ('q' excluded: in 'quý', 'quả' the u is part of the onset). */
const ONSET = /^(?:b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|r|s|t|th|tr|v|x)?$/;

function placeInWord(word: string, to: TonePlacement): string {
  const gs = glyphs(word);
  const n = gs.length;
  if (n < 2) return word;
  const toneAt = gs.findIndex((g) => g.tone !== '');
  if (toneAt < n - 2) return word; // no tone, or the tone sits before the final pair
  const v1 = gs[n - 2]!;
  const v2 = gs[n - 1]!;
  if (v1.marks || v2.marks) return word; // 'uô', 'oă', 'uê' … are other vowels
  const pair = (v1.base + v2.base).toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word;
  const onset = gs.slice(0, n - 2).map((g) => g.base + g.marks).join('').normalize('NFC').toLowerCase();
  if (!ONSET.test(onset)) return word;
  const tone = gs[toneAt]!.tone;
  v1.tone = '';
  v2.tone = '';
  (to === 'first' ? v1 : v2).tone = tone;
  return render(gs);
}

/** Puts the tone mark of every open oa / oe / uy syllable in one place (default: on o / u, 'Hòa').
 *  Everything else is left as it is; the result is NFC. */
export function unifyTonePlacement(text: string, to: TonePlacement = 'first'): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (w) => placeInWord(w, to));
}

/** The key two spellings of the same name share: NFC, unified tone placement, lower case,
 *  one kind of apostrophe, single spaces, no spaces around hyphens. */
export function nameKey(name: string): string {
  return unifyTonePlacement(name)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s*[-–]\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Same name (tone placement, case and spacing aside). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Cost of substituting one letter for another (letters as glyphs: base + marks + tone). */
function substitutionCost(a: Glyph, b: Glyph): number {
  if (a.base === b.base && a.marks === b.marks && a.tone === b.tone) return 0;
  const baseA = a.base === 'đ' ? 'd' : a.base;
  const baseB = b.base === 'đ' ? 'd' : b.base;
  if (baseA === baseB) {
    // Only marks differ: a tone mark is cheaper than a vowel mark (â, ơ, ư, đ).
    if (a.marks === b.marks && a.base === b.base) return 0.25;
    return 0.5;
  }
  return 1;
}

/**
 * Levenshtein distance between two names over letters with their diacritics, after nameKey():
 * a different tone mark costs 0.25 ('Lễ'/'Lệ'), a different vowel mark or d/đ 0.5 ('Lê'/'Le'),
 * a different letter, an inserted or a deleted one 1 ('Lễ'/'Lỗ').
 */
export function nameDistance(a: string, b: string): number {
  const x = glyphs(nameKey(a));
  const y = glyphs(nameKey(b));
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitutionCost(x[i - 1]!, y[j - 1]!));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** Two names close enough to be one name misspelt: at most one letter in the first seven changed
 *  (about 15 % of the letters), marks counting less. Same name → true. */
export function isNearName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return true;
  // Different numbers of words ('Đông Lỗ' / 'Đông') or different digits ('phường 1' / 'phường 2') are different names.
  if (ka.split(' ').length !== kb.split(' ').length) return false;
  if (/\d/.test(ka) || /\d/.test(kb)) return false;
  const len = Math.max(glyphs(ka).length, glyphs(kb).length);
  return nameDistance(ka, kb) <= Math.max(1, 0.15 * len);
}

/** Case folding that keeps every index (the project's one foldKeep, under its older name here). */
export { foldKeep as foldKeepLength } from './text.ts';

/** 'ĐÔNG LỖ' / 'đông lỗ' → 'Đông Lỗ' (each word capitalised; hyphen and apostrophe parts kept as typed). */
export function titleCaseName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/(^|[\s(])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** 'PHÓ CHỦ TỊCH' → 'Phó Chủ tịch', 'CHỦ TỊCH' → 'Chủ tịch', 'BÍ THƯ' → 'Bí thư', 'CHÁNH VĂN PHÒNG' → 'Chánh văn phòng':
 *  sentence case, with the office after 'Phó' capitalised as Vietnamese writes it. */
export function positionCase(position: string): string {
  const lower = position.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!lower) return lower;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const m = /^(phó|quyền)\s+(.*)$/u.exec(lower);
  const cased = m ? `${cap(m[1]!)} ${cap(m[2]!)}` : cap(lower);
  // Abbreviations of bodies stay in capitals ('Chủ tịch UBND').
  return cased.replace(/(?<![\p{L}])(ubnd|hđnd|mttq|bcđ|cqtt|tthc|uv|bch|btv)(?![\p{L}])/gu, (a) => a.toUpperCase());
}

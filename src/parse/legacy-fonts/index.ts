// Legacy Vietnamese font encodings (before Unicode): text typed in a TCVN3 ('.VnTime') or VNI
// ('VNI-Times') font is stored as Latin-1/Windows-1252 characters that only that font draws as
// Vietnamese letters. Which encoding a run uses is known from its font's name alone; decoding
// is by table (tcvn3.data.ts, vni.data.ts). Used by the .docx reader (per run, fonts resolved
// through styles) and meant for the PDF reader (per glyph run, by font name).
import { TCVN3_BYTES } from './tcvn3.data.ts';
import { VNI_CHARS } from './vni.data.ts';

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface LegacyFont {
  encoding: LegacyEncoding;
  /** A TCVN3 capitals font ('.VnTimeH'): every letter it draws is a capital. */
  upper: boolean;
}

/** The encoding a font name stands for: '.VnTime', '.VnArialH', 'VnTime' → tcvn3; 'VNI-Times',
 *  'VNI Helve' → vni; anything else (Unicode fonts) → null. PDF subset prefixes ('ABCDEF+') are
 *  ignored. */
export function legacyFontOf(fontName: string | null | undefined): LegacyFont | null {
  if (!fontName) return null;
  const name = fontName.trim().replace(/^[A-Z]{6}\+/, '');
  if (/^vni[-_ ]/i.test(name)) return { encoding: 'vni', upper: false };
  // The ABC fonts: '.Vn' + a name; the capitals fonts end in a capital H ('.VnTimeH', '.VnArial NarrowH').
  if (/^\.?vn[a-z]/i.test(name) && !/^vni[-_ ]/i.test(name)) {
    return { encoding: 'tcvn3', upper: /[a-z ]H$/.test(name) || UPPER_CASE_H_NAME.test(name) };
  }
  return null;
}

/** A capitals font named in capitals ('.VNTIMEH'): only the ABC families can be told apart. */
const UPPER_CASE_H_NAME = /^\.?VN(TIME|ARIAL|ARIAL NARROW|AVANT|BLACK|BODONI|CENTURY SCHOOLBOOK|CLARENDON|COOPER|COURIER|HELVETINS|UNIVERSE)H$/;

export function legacyEncodingOf(fontName: string | null | undefined): LegacyEncoding | null {
  return legacyFontOf(fontName)?.encoding ?? null;
}

// Windows-1252 characters of bytes 0x80–0x9F (a Word file stores a legacy font's byte as the
// character the ANSI code page gives it).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));

/** The byte a stored character stands for in a legacy 8-bit font, or null for a character no
 *  such font can hold. Symbol-font text may come in the private use area (U+F020–U+F0FF). */
function byteOf(ch: string): number | null {
  const code = ch.codePointAt(0)!;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const b = BYTE_OF.get(ch);
  if (b !== undefined) return b;
  if (code >= 0xf020 && code <= 0xf0ff) return code - 0xf000;
  return null;
}

/** Decodes text stored in a legacy font into Unicode (NFC). `upper`: the run's font draws
 *  capitals only (TCVN3 'H' fonts). Characters a legacy font cannot hold pass unchanged. */
export function decodeLegacy(text: string, encoding: LegacyEncoding, opts: { upper?: boolean } = {}): string {
  let out = '';
  for (const ch of text) {
    const b = byteOf(ch);
    if (b === null) {
      out += ch;
      continue;
    }
    const c = String.fromCharCode(b);
    out += encoding === 'tcvn3' ? (TCVN3_BYTES[b] ?? c) : (VNI_CHARS[c] ?? c);
  }
  out = out.normalize('NFC');
  return opts.upper ? out.toUpperCase() : out;
}

// Precomposed Vietnamese letters outside Latin-1 (ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9): a run that has
// one is already Unicode, whatever its font says (converted text whose font was left as it was).
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

/** True when the text is already Unicode Vietnamese (so a legacy font name on it is a leftover). */
export function isUnicodeVietnamese(text: string): boolean {
  return UNICODE_VIETNAMESE.test(text);
}

/** A run's text in Unicode: decoded when its font is a legacy one and the text is not already
 *  Unicode; unchanged otherwise. */
export function decodeRun(text: string, fontName: string | null | undefined): string {
  const font = legacyFontOf(fontName);
  if (!font || isUnicodeVietnamese(text)) return text;
  return decodeLegacy(text, font.encoding, { upper: font.upper });
}

// ------------------------------------------------------------------------------------- encoding
// The reverse direction, for tests and sample files: Unicode → the characters a legacy font
// stores. TCVN3 has no capitals with tones in its normal fonts: encode them with { upper: true }
// (the text in lower case, for an 'H' font), or they throw.

let tcvn3Reverse: Map<string, string> | undefined;
let vniReverse: Map<string, string> | undefined;

function tcvn3Encoder(): Map<string, string> {
  if (tcvn3Reverse) return tcvn3Reverse;
  tcvn3Reverse = new Map();
  // VN3 only (the ABC fonts): bytes 0xA1–0xFE; not the VN1 capitals.
  for (const [b, ch] of Object.entries(TCVN3_BYTES)) {
    const byte = Number(b);
    const vn3 = byte >= 0xa1 && byte <= 0xfe && (byte <= 0xa7 || /^\p{Ll}$/u.test(ch));
    if (vn3) {
      tcvn3Reverse.set(ch, String.fromCharCode(byte));
    }
  }
  return tcvn3Reverse;
}

function vniEncoder(): Map<string, string> {
  if (vniReverse) return vniReverse;
  vniReverse = new Map();
  const singles: [string, string][] = [];
  const marks = new Map<string, string>();
  for (const [c, u] of Object.entries(VNI_CHARS)) {
    if (/^\p{M}+$/u.test(u)) {
      // A modifier: its lower-case form goes after a lower-case letter, its upper-case after a capital.
      const key = `${/\p{Lu}/u.test(c) ? 'U' : 'L'}${u}`;
      marks.set(key, c);
    } else singles.push([u, c]);
  }
  for (const [u, c] of singles) vniReverse.set(u, c);
  const bases = ['a', 'e', 'i', 'o', 'u', 'y', 'ơ', 'ư'];
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  const mods = ['', '\u0302', '\u0306'];
  for (const base of bases) {
    for (const mod of mods) {
      for (const tone of tones) {
        for (const upper of [false, true]) {
          const b = upper ? base.toUpperCase() : base;
          const letter = (b + mod + tone).normalize('NFC');
          if (letter.length !== 1 || vniReverse.has(letter)) continue;
          const baseChars = b === 'ơ' || b === 'Ơ' || b === 'ư' || b === 'Ư' ? vniReverse.get(b)! : b;
          const m = mod + tone ? marks.get(`${upper ? 'U' : 'L'}${mod + tone}`) : '';
          if (m === undefined) continue;
          vniReverse.set(letter, baseChars + m);
        }
      }
    }
  }
  return vniReverse;
}

/** Unicode → the characters a legacy font stores (the inverse of decodeLegacy). */
export function encodeLegacy(text: string, encoding: LegacyEncoding, opts: { upper?: boolean } = {}): string {
  const src = (opts.upper ? text.toLowerCase() : text).normalize('NFC');
  const table = encoding === 'tcvn3' ? tcvn3Encoder() : vniEncoder();
  let out = '';
  for (const ch of src) {
    const enc = table.get(ch);
    if (enc !== undefined) out += enc;
    else if (ch.codePointAt(0)! < 0x80) out += ch;
    else throw new Error(`${encoding}: cannot encode '${ch}'${encoding === 'tcvn3' ? ' (capitals with tones need an H font: { upper: true })' : ''}`);
  }
  return out;
}

// Legacy Vietnamese fonts (src/parse/legacy-fonts): the TCVN3 table against glibc's iconv, every
// Vietnamese letter through encode → decode for TCVN3 and VNI, VNI text as it is seen in the wild,
// and the font-name rules.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeLegacy, decodeRun, encodeLegacy, isUnicodeVietnamese, legacyEncodingOf, legacyFontOf } from '../src/parse/legacy-fonts/index.ts';
import { TCVN3_BYTES } from '../src/parse/legacy-fonts/tcvn3.data.ts';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
/** Every lower-case Vietnamese letter with a modifier or tone (and đ): 12 vowels × 6 tones + đ. */
const LETTERS = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];

// Windows-1252 characters of bytes 0x80–0x9F: how Word stores such a byte of an ANSI font.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const stored = (b: number) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b));

describe('TCVN3 table', () => {
  it('decodes every byte as glibc iconv -f TCVN5712-1 does', () => {
    const bytes = Buffer.from(Array.from({ length: 255 }, (_, i) => i + 1).filter((b) => b !== 0x0a && b !== 0x0d));
    const reference = [...execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-16LE'], { input: bytes })];
    // iconv's output is one UTF-16 unit per input byte here (every TCVN 5712 character is in the BMP).
    const ref = Buffer.from(reference).toString('utf16le');
    expect(ref.length).toBe(bytes.length);
    const mismatches: string[] = [];
    bytes.forEach((b, i) => {
      const got = decodeLegacy(stored(b), 'tcvn3');
      if (got !== ref[i]!.normalize('NFC')) mismatches.push(`0x${b.toString(16)}: ${got} ≠ ${ref[i]}`);
    });
    expect(mismatches).toEqual([]);
    // The table lists only bytes that differ from Latin-1, and there are many of them.
    expect(Object.keys(TCVN3_BYTES).length).toBeGreaterThan(130);
  });

  it('reads byte 0xAD (a soft hyphen in Latin-1) as ư', () => {
    expect(decodeLegacy('ng\u00adêi', 'tcvn3')).toBe('người');
    expect(decodeLegacy('\u00ad', 'tcvn3')).toBe('ư');
  });

  it('reads text in ABC fonts, capitals fonts in capitals', () => {
    expect(decodeLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'tcvn3')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeLegacy('ñy ban nh©n d©n x· ®«ng lç', 'tcvn3', { upper: true })).toBe('ỦY BAN NHÂN DÂN XÃ ĐÔNG LỖ');
    // a tone mark typed as its own character (0xB0–0xB4) after the letter
    expect(decodeLegacy('Vie\u00b4t', 'tcvn3')).toBe('Viẹt');
  });

  it('round-trips every Vietnamese letter (capitals with tones through an H font)', () => {
    for (const l of LETTERS) expect(decodeLegacy(encodeLegacy(l, 'tcvn3'), 'tcvn3'), l).toBe(l);
    for (const l of LETTERS) {
      const u = l.toUpperCase();
      expect(decodeLegacy(encodeLegacy(u, 'tcvn3', { upper: true }), 'tcvn3', { upper: true }), u).toBe(u);
    }
    // the seven capitals the normal fonts have
    for (const u of ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) expect(decodeLegacy(encodeLegacy(u, 'tcvn3'), 'tcvn3')).toBe(u);
    expect(() => encodeLegacy('Ấ', 'tcvn3')).toThrow(/H font/);
    // encoded letters are single bytes 0xA1–0xFE, each letter a different one
    const codes = LETTERS.filter((l) => !/^[a-z]$/.test(l)).map((l) => encodeLegacy(l, 'tcvn3'));
    expect(codes.every((c) => c.length === 1 && c.charCodeAt(0) >= 0xa1 && c.charCodeAt(0) <= 0xfe)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('VNI table', () => {
  it('reads VNI text as it is seen in a Western font', () => {
    expect(decodeLegacy('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'vni')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decodeLegacy('Ñoäc laäp - Töï do - Haïnh phuùc', 'vni')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeLegacy('Tröôøng Ñaïi hoïc, naêm, mieàn Baéc, naèm, cô sôû, naëng, Chí Minh', 'vni'))
      .toBe('Trường Đại học, năm, miền Bắc, nằm, cơ sở, nặng, Chí Minh');
  });

  it('round-trips every Vietnamese letter, lower and upper case', () => {
    for (const l of [...LETTERS, ...LETTERS.map((x) => x.toUpperCase())]) {
      const enc = encodeLegacy(l, 'vni');
      expect(enc.length).toBeLessThanOrEqual(2);
      expect([...enc].every((c) => c.charCodeAt(0) < 0x100)).toBe(true);
      expect(decodeLegacy(enc, 'vni'), `${l} → ${enc}`).toBe(l);
    }
    const all = [...LETTERS, ...LETTERS.map((x) => x.toUpperCase())];
    expect(new Set(all.map((l) => encodeLegacy(l, 'vni'))).size).toBe(all.length);
  });

  it('composes a letter whose modifier is in the next run', () => {
    const joined = decodeLegacy('Vie', 'vni') + decodeLegacy('ät Nam', 'vni');
    expect(joined.normalize('NFC')).toBe('Việt Nam');
  });
});

describe('font names and runs', () => {
  it('tells the encoding from the font name', () => {
    expect(legacyFontOf('.VnTime')).toEqual({ encoding: 'tcvn3', upper: false });
    expect(legacyFontOf('.VnTimeH')).toEqual({ encoding: 'tcvn3', upper: true });
    expect(legacyFontOf('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', upper: true });
    expect(legacyFontOf('.VnCentury Schoolbook')).toEqual({ encoding: 'tcvn3', upper: false });
    expect(legacyFontOf('VnTime')).toEqual({ encoding: 'tcvn3', upper: false });
    expect(legacyFontOf('ABCDEF+.VnTimeH')).toEqual({ encoding: 'tcvn3', upper: true });
    expect(legacyEncodingOf('VNI-Times')).toBe('vni');
    expect(legacyEncodingOf('VNI-Helve-Condense')).toBe('vni');
    expect(legacyEncodingOf('Times New Roman')).toBeNull();
    expect(legacyEncodingOf('Vinhan')).toBeNull();
    expect(legacyEncodingOf(undefined)).toBeNull();
  });

  it('decodes a run by its font, and leaves Unicode text alone whatever its font', () => {
    expect(decodeRun('B¸o c¸o', '.VnTime')).toBe('Báo cáo');
    expect(decodeRun('b¸o c¸o', '.VnTimeH')).toBe('BÁO CÁO');
    expect(decodeRun('Baùo caùo', 'VNI-Times')).toBe('Báo cáo');
    expect(decodeRun('Báo cáo kết quả', '.VnTime')).toBe('Báo cáo kết quả');
    expect(isUnicodeVietnamese('Báo cáo')).toBe(false);
    expect(isUnicodeVietnamese('kết quả')).toBe(true);
    expect(decodeRun('B¸o c¸o', 'Times New Roman')).toBe('B¸o c¸o');
  });

  it('reads the byte behind a symbol-font character (private use area)', () => {
    expect(decodeLegacy('B\uf0b8o', 'tcvn3')).toBe('Báo');
  });
});

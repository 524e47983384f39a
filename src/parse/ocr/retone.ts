// Tone marks OCR got wrong, put right where the words around leave one reading. tesseract's
// Vietnamese model confuses the hook above with the acute ('TỔNG' → 'TỐNG', 'BIỂU' → 'BIẾU',
// 'kiểm' → 'kiếm') and drops a hook or a dot ('chi' ↔ 'chỉ', 'tỉnh' → 'tinh'); the letters
// themselves are right. Two sources say what a pair of syllables must be:
//  - a list of common two-syllable terms of administrative Vietnamese (lexicon.ts): a pair of
//    words that differs from a term in tone marks only, and is not itself a term, is that term;
//  - unit names of the registry (src/registry): a run of words that differs from a unit name in
//    tone marks only becomes the name when OCR was unsure of a word that differs (a name really
//    misspelt in the report, read with confidence, stays as written — that is the report's error).
// Nothing else changes: no letter is added, removed or replaced.
import { loadRegistry, type Registry } from '../../registry/index.ts';
import { TERMS } from './lexicon.ts';
import type { OcrRun } from './runs.ts';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Lower case without the five tone marks (letters, circumflex, breve, horn and đ kept). */
export function toneless(s: string): string {
  return s.normalize('NFD').replace(TONES, '').normalize('NFC').toLowerCase();
}

/** `word` with its letters' tones taken from `model` (same letters, tone marks only differ),
 *  keeping the case of `word`. */
function withTones(word: string, model: string): string {
  const w = [...word.normalize('NFC')];
  const m = [...model.normalize('NFC')];
  if (w.length !== m.length) return word;
  return w.map((c, i) => (c === c.toUpperCase() && c !== c.toLowerCase() ? m[i]!.toUpperCase() : m[i]!.toLowerCase())).join('');
}

/** Index: toneless key → the written forms (lower case). */
function index(entries: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of entries) {
    const k = toneless(e);
    const lower = e.normalize('NFC').toLowerCase();
    if (!out.has(k)) out.set(k, new Set());
    out.get(k)!.add(lower);
  }
  return out;
}

let termIndex: Map<string, Set<string>> | null = null;
let nameIndex: Map<string, Set<string>> | null = null;

function names(registry: Registry): Set<string> {
  const out = new Set<string>();
  for (const u of registry.units) {
    for (const n of [u.commune, u.district]) if (n && /\s/.test(n.trim())) out.add(n.trim());
  }
  return out;
}

/** Splits a run's text into leading punctuation, the word, trailing punctuation. */
function core(text: string): [string, string, string] {
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(text);
  return m ? [m[1]!, m[2]!, m[3]!] : ['', text, ''];
}

export interface RetoneOptions {
  /** Words below this confidence may take a registry name's tones. */
  unsureBelow: number;
  registry?: Registry;
}

/** Fixes tone marks in place, page by page in OCR reading order (a pair may span a line end:
 *  '… 24 chỉ' / 'bộ, trong đó …'). Returns how many words changed. */
export function retone(runs: OcrRun[], opts: RetoneOptions): number {
  termIndex ??= index(TERMS);
  nameIndex ??= index(names(opts.registry ?? loadRegistry()));
  const lines = new Map<string, OcrRun[]>();
  for (const r of runs) {
    const k = String(r.page);
    if (!lines.has(k)) lines.set(k, []);
    lines.get(k)!.push(r);
  }
  let changed = 0;
  for (const line of lines.values()) {
    line.sort((a, b) => a.line - b.line || a.word - b.word);
    const parts = line.map((r) => core(r.text));
    const apply = (from: number, written: string[], model: string[]) => {
      for (let k = 0; k < written.length; k++) {
        if (written[k]!.toLowerCase() === model[k]) continue;
        const [lead, , trail] = parts[from + k]!;
        const word = withTones(written[k]!, model[k]!);
        parts[from + k] = [lead, word, trail];
        line[from + k]!.text = lead + word + trail;
        changed++;
      }
    };
    // Registry names of three, then two words; then terms of two.
    for (const [n, idx, needUnsure] of [[3, nameIndex, true], [2, nameIndex, true], [2, termIndex, false]] as const) {
      for (let i = 0; i + n <= line.length; i++) {
        const written = parts.slice(i, i + n).map((p) => p[1]);
        if (written.some((w) => !w || !/^\p{L}+$/u.test(w))) continue;
        // Punctuation inside the run of words ends it ('xã, Hòa') — except the last word's.
        if (parts.slice(i, i + n - 1).some((p) => p[2] !== '') || parts.slice(i + 1, i + n).some((p) => p[0] !== '')) continue;
        const forms = idx.get(toneless(written.join(' ')));
        if (!forms || forms.size !== 1) continue;
        const [form] = [...forms] as [string];
        const lower = written.join(' ').toLowerCase();
        if (lower === form) continue;
        const model = form.split(' ');
        if (needUnsure && !written.some((w, k) => w.toLowerCase() !== model[k] && line[i + k]!.conf < opts.unsureBelow)) continue;
        apply(i, written, model);
      }
    }
  }
  return changed;
}

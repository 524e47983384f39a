// Words OCR read with low confidence → `uncertain` spans on the paragraphs and table cells of the
// document model (model.ts, UncertainSpan), so that values read from them are reviewed rather than
// trusted. The layout gives text, not positions, so each word is found again in the blocks'
// text with the words beside it in its OCR line as context; where even the word alone cannot be
// found unambiguously, it is left unmarked (never marked in the wrong place).
import type { DocumentModel, Paragraph, TableCell, UncertainSpan } from '../../document/model.ts';
import { normalizeText } from '../../document/text.ts';
import type { OcrRun } from './runs.ts';

/** Words below this tesseract confidence (0–100) are marked. Measured on the corpus scans: words
 *  read right mostly score 90–96; misread ones mostly below 75. */
export const UNCERTAIN_BELOW = 75;

interface Target {
  owner: Paragraph | TableCell;
  text: string;
}

function targetsOf(doc: DocumentModel): Target[] {
  const out: Target[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push({ owner: b, text: b.text });
    else for (const row of b.cells) for (const cell of row) if (cell.text) out.push({ owner: cell, text: cell.text });
  }
  return out;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Occurrences of `needle` in the targets, at word boundaries: [target index, offset]. */
function occurrences(targets: Target[], needle: string): [number, number][] {
  const out: [number, number][] = [];
  targets.forEach((t, ti) => {
    for (let i = t.text.indexOf(needle); i >= 0; i = t.text.indexOf(needle, i + 1)) {
      const before = t.text[i - 1];
      const after = t.text[i + needle.length];
      if (isWordChar(before) && isWordChar(needle[0])) continue;
      if (isWordChar(after) && isWordChar(needle[needle.length - 1])) continue;
      out.push([ti, i]);
    }
  });
  return out;
}

export function markUncertain(doc: DocumentModel, runs: OcrRun[], below: number = UNCERTAIN_BELOW): number {
  const targets = targetsOf(doc);
  const lines = new Map<string, OcrRun[]>();
  for (const r of runs) {
    const key = `${r.page}:${r.line}`;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  const claimed = new Set<string>();
  let marked = 0;
  for (const line of lines.values()) {
    line.sort((a, b) => a.word - b.word);
    line.forEach((r, k) => {
      if (r.conf >= below) return;
      const word = normalizeText(r.text);
      if (!word) return;
      const prev = k > 0 ? normalizeText(line[k - 1]!.text) : '';
      const next = k + 1 < line.length ? normalizeText(line[k + 1]!.text) : '';
      // Most specific first: with both neighbours, one, then the word alone.
      const tries: [string, number][] = [];
      if (prev && next) tries.push([`${prev} ${word} ${next}`, prev.length + 1]);
      if (prev) tries.push([`${prev} ${word}`, prev.length + 1]);
      if (next) tries.push([`${word} ${next}`, 0]);
      tries.push([word, 0]);
      for (const [needle, at] of tries) {
        const found = occurrences(targets, needle).filter(([ti, i]) => !claimed.has(`${ti}:${i + at}`));
        if (found.length === 0) continue;
        // The word alone must be unambiguous, or fill its cell ('9' in a table).
        if (needle === word && found.length > 1) break;
        if (needle === word && [...word].length < 3 && targets[found[0]![0]]!.text !== word) break;
        const [ti, i] = found[0]!;
        const t = targets[ti]!;
        const span: UncertainSpan = { start: i + at, end: i + at + word.length, confidence: Math.round(r.conf) };
        (t.owner.uncertain ??= []).push(span);
        claimed.add(`${ti}:${i + at}`);
        marked++;
        break;
      }
    });
  }
  for (const t of targets) t.owner.uncertain?.sort((a, b) => a.start - b.start);
  return marked;
}

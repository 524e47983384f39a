// starsRegistered (1..5): the star level the commune registered for the report's year.
// Text: 'đăng ký đạt chuẩn … năm 2024 đạt 3 sao', 'đăng ký … ở mức 3*', 'đăng ký 4 sao'.
// Annex: the registration table, an 'x' under '3 sao'. The text wins; the annex is the fallback.
// A negated or other-year registration ('Năm 2023 UBND xã không đăng ký đạt chuẩn …') is not one.
// An aim is not a registration either: 'phấn đấu đạt chuẩn chính quyền thân thiện mức 2 sao' (strive to
// reach) says what the commune works towards, not the level it registered with the district, and the
// two differ in practice (a commune aims higher than it registers, or aims without registering): only
// 'đăng ký' (or the registration table's 'x') states the field. The year checked is the period's
// ('… năm 2024 và phương hướng năm 2025' → 2024), so the next year's plan is not this year's level.
// starsFromText / starsFromAnnex are exported for the STARS_MISMATCH check.
import type { Provenance } from '../src/contract.ts';
import type { DocumentModel } from '../src/document/model.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import { W, before, cellsQuote, clauseAt, foldKeep, isMark, isTotalRow, matches, paraLines, provFor, reportYear, tableContext, tableView, type Line } from './find.ts';
import { paragraphs, provenance, tables } from './lib.ts';

export interface StarsFound {
  value: number | null;
  provenance: Provenance | null;
}

const WORD: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5 };
const LEVEL = String.raw`(?<![\d/.,])(0?[1-5]|mot|hai|ba|bon|nam)`;
const STAR_TEXT = [
  // 'đăng ký … đạt 3 sao', 'đăng ký … ở mức 3*', 'đăng ký 4 sao', 'đăng ký đạt chuẩn ba sao'
  new RegExp(String.raw`dang ky([^.;]{0,160}?)${LEVEL}\s*(?:sao|\*|☆|★)(?![\p{L}])`, 'u'),
  // '… ở mức 3' (a '*' lost on the way: converters drop a trailing asterisk)
  new RegExp(String.raw`dang ky([^.;]{0,160}?)(?:o )?muc\s*${LEVEL}(?=\s*(?:$|[.;,)]))`, 'u'),
];

function levelOf(raw: string): number | null {
  const v = /^\d+$/.test(raw) ? Number(raw) : WORD[raw] ?? null;
  return v !== null && v >= 1 && v <= 5 ? v : null;
}

/** The registered star level stated in the body text. */
export function starsFromText(doc: DocumentModel): StarsFound {
  const year = reportYear(doc);
  const lines = paraLines(paragraphs(doc, ['body']));
  const read = (m: RegExpExecArray, line: Line): number | null => {
    const pre = before(line, m.index, 14);
    if (/(?<![\p{L}])(?:khong|chua|khong co nhu cau)\s*$/u.test(pre)) return null;
    const gap = m[1]!;
    if (W('cong nhan|khong|chua|da duoc').test(gap)) return null;
    // Another year named in the clause and not the report's: a past or future registration.
    const [a, b] = clauseAt(line.text, m.index, m.index + m[0].length);
    const named = [...line.folded.slice(a, b).matchAll(/(?<![\d/.])(20[1-3]\d)(?!\d)/g)].map((y) => Number(y[1]));
    if (year !== null && named.length && !named.includes(year)) return null;
    return levelOf(m[2]!);
  };
  for (const pattern of STAR_TEXT) {
    for (const line of lines) {
      for (const m of matches(line, pattern)) {
        const v = read(m, line);
        if (v !== null) {
          // Quote from the last 'đăng ký' of the match (the one the level belongs to).
          const start = m.index + m[0].lastIndexOf('dang ky');
          return { value: v, provenance: provFor(line, start, m.index + m[0].length, 'phrase') };
        }
      }
    }
  }
  return { value: null, provenance: null };
}

/** The star level marked in the annex registration table (an 'x' under 'N sao'). */
export function starsFromAnnex(doc: DocumentModel): StarsFound {
  const titleText = foldKeep(paragraphs(doc, ['title', 'header']).map((p) => p.text).join(' '));
  for (const t of tables(doc)) {
    const view = tableView(t);
    const levelCols = new Map<number, number>();
    view.paths.forEach((path, c) => {
      const last = foldKeep(path[path.length - 1] ?? '');
      const m = /^(?:muc\s*)?(0?[1-5]|mot|hai|ba|bon|nam)\s*(?:sao|\*|☆|★)$/u.exec(last.trim());
      if (m) {
        const v = levelOf(m[1]!);
        if (v !== null) levelCols.set(c, v);
      }
    });
    if (levelCols.size < 2) {
      // One column holding the level: 'Số sao đăng ký | 3', 'Mức đăng ký | 3 sao'.
      const col = view.folded.findIndex((s) => /so sao|muc (?:dang ky|sao)|sao dang ky|dang ky (?:dat )?(?:chuan|muc)/.test(s));
      if (col < 0) continue;
      // A level written with its unit ('3 sao') is no number: the whole table may read as header rows.
      const rows = view.dataRows.length ? view.dataRows : t.grid.map((_, r) => r).slice(1);
      for (const r of rows) {
        const row = t.grid[r]!;
        if (isTotalRow(row)) continue;
        const m = /^(?:muc\s*)?(0?[1-5])\s*(?:sao|\*)?$/.exec(foldKeep((row[col] ?? '').trim()));
        if (m) return { value: Number(m[1]), provenance: provenance(t, `${view.labels[col]}: ${row[col]!.trim()} (${cellsQuote(row)})`) };
      }
      continue;
    }
    const ctx = tableContext(doc, t) + ' ' + view.folded.join(' ');
    if (/cong nhan/.test(ctx) && !/dang ky/.test(ctx)) continue;
    const marked: { row: string[]; level: number }[] = [];
    for (const r of view.dataRows) {
      const row = t.grid[r]!;
      if (isTotalRow(row)) continue;
      const levels = [...levelCols.entries()].filter(([c]) => isMark(row[c] ?? '')).map(([, v]) => v);
      if (levels.length === 1) marked.push({ row, level: levels[0]! });
    }
    if (!marked.length) continue;
    // Several communes in one table: the row naming this report's commune (as its title does).
    const own = marked.find(({ row }) =>
      row.some((c) => {
        const fc = foldKeep(c.trim());
        return fc.length >= 3 && /\p{L}/u.test(fc) && !/^(xa|huyen|phuong|thi tran)$/.test(fc) && titleText.includes(fc);
      }));
    const pick = own ?? marked[0]!;
    return { value: pick.level, provenance: provenance(t, cellsQuote(pick.row)) };
  }
  return { value: null, provenance: null };
}

export const extractStars: Extractor = (doc): ExtractorResult => {
  const text = starsFromText(doc);
  const found = text.value !== null ? text : starsFromAnnex(doc);
  if (found.value === null || !found.provenance) return { fields: {}, provenance: {} };
  return { fields: { starsRegistered: found.value }, provenance: { starsRegistered: found.provenance } };
};

// SUM_MISMATCH: a stated total differs from the sum of its stated parts:
//  - cán bộ, công chức: cadres = canBo + congChuc (when all three are stated);
//  - chi bộ: the party cells = the sum of their stated breakdown ('18 chi bộ (11 chi bộ nông nghiệp,
//    01 chi bộ trạm y tế, …)', '18 chi bộ, trong đó 11 chi bộ thôn, 7 chi bộ cơ quan');
//  - kinh phí: total = ngân sách huyện + ngân sách xã, for the planned and the disbursed budget.
import type { DocumentModel } from '../../src/document/model.ts';
import { NUMBER, parseVnInteger } from '../../src/document/numbers.ts';
import { paragraphs, sentences } from '../lib.ts';
import { makeFlag, quoteOf, vn, type DocCheck } from './common.ts';
import type { Flag } from '../../src/contract.ts';

/** Tolerance for a sum: half a unit of the least precise number (integers: any difference). */
function tolerance(values: number[]): number {
  const decimals = Math.min(...values.map((v) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0))));
  return 0.5 * 10 ** -decimals + 1e-9;
}

function differs(total: number, parts: number[]): boolean {
  const sum = parts.reduce((a, b) => a + b, 0);
  return Math.abs(total - sum) > tolerance([total, ...parts]);
}

export interface Breakdown {
  total: number;
  parts: number[];
  quote: string;
}

const CELLS = new RegExp(String.raw`(${NUMBER})\s+chi\s+bộ`, 'gu');

/** The breakdown of the party cells stated with their total: the numbers of 'chi bộ' inside the
 *  parenthesis that follows '<total> chi bộ', or after 'trong đó' / 'gồm' / ':' up to the end of the clause. */
export function partyCellBreakdown(doc: DocumentModel, total: number): Breakdown | null {
  for (const p of paragraphs(doc, ['body', 'title', 'annex', 'closing'])) {
    for (const s of sentences(p.text)) {
      for (const m of s.matchAll(CELLS)) {
        if (parseVnInteger(m[1]!) !== total) continue;
        const after = s.slice((m.index ?? 0) + m[0].length);
        let scope: string | null = null;
        const paren = /^[^()]{0,30}?\(([^()]*)\)/u.exec(after);
        if (paren) scope = paren[1]!;
        else {
          const list = /^\s*(?:trực thuộc\s*)?(?:[,:;]\s*)?(?:trong đó|gồm|bao gồm|gồm có)?\s*:?\s*(.*?)(?:;|\.\s|$| với )/u.exec(after);
          if (list && /^\s*(?:trực thuộc\s*)?(?:[,:;]\s*)?(?:trong đó|gồm|bao gồm|gồm có)/u.test(after)) scope = list[1]!;
        }
        if (!scope) continue;
        const parts = [...scope.matchAll(CELLS)].map((x) => parseVnInteger(x[1]!)).filter((x): x is number => x !== null);
        if (parts.length >= 2) return { total, parts, quote: s };
      }
    }
  }
  return null;
}

export const checkSumMismatch: DocCheck = ({ doc, fields, provenance }) => {
  const flags: Flag[] = [];
  const p = fields.profile;
  if (p.cadres !== null && p.canBo !== null && p.congChuc !== null && differs(p.cadres, [p.canBo, p.congChuc])) {
    flags.push(makeFlag(
      'SUM_MISMATCH',
      `Tổng số cán bộ, công chức ${vn(p.cadres)} khác tổng ${vn(p.canBo)} cán bộ + ${vn(p.congChuc)} công chức = ${vn(p.canBo + p.congChuc)}`,
      [quoteOf(provenance, 'profile.cadres'), quoteOf(provenance, 'profile.canBo'), quoteOf(provenance, 'profile.congChuc')],
    ));
  }
  if (p.partyCells !== null) {
    const b = partyCellBreakdown(doc, p.partyCells);
    if (b && differs(b.total, b.parts)) {
      const sum = b.parts.reduce((x, y) => x + y, 0);
      flags.push(makeFlag(
        'SUM_MISMATCH',
        `Số chi bộ ${vn(b.total)} khác tổng các chi bộ được liệt kê ${b.parts.map(vn).join(' + ')} = ${vn(sum)}`,
        [b.quote],
      ));
    }
  }
  for (const which of ['planned', 'disbursed'] as const) {
    const s = fields.budget[which];
    if (s.total === null || s.district === null || s.commune === null) continue;
    if (!differs(s.total, [s.district, s.commune])) continue;
    const label = which === 'planned' ? 'Kinh phí dự toán' : 'Kinh phí đã triển khai';
    flags.push(makeFlag(
      'SUM_MISMATCH',
      `${label}: tổng số ${vn(s.total)} khác ngân sách huyện ${vn(s.district)} + ngân sách xã ${vn(s.commune)} = ${vn(s.district + s.commune)} (triệu đồng)`,
      [quoteOf(provenance, `budget.${which}.total`), quoteOf(provenance, `budget.${which}.district`), quoteOf(provenance, `budget.${which}.commune`)],
    ));
  }
  return flags;
};

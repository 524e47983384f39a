// surveys {done, planned}: the ratio that counts survey forms (phiếu khảo sát) — 'đã khảo sát được
// 3/7 phiếu khảo sát', 'khảo sát 3 trên 7 phiếu', 'thực hiện 3/7 phiếu', 'số phiếu khảo sát: 3/7'.
// Only a ratio is read: a bare count of forms ('phát ra 200 phiếu') is a different quantity.
import type { Provenance } from '../src/contract.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import { before, docLines, findFirst, provFor } from './find.ts';

const DONE = String.raw`(?:thuc hien|da khao sat|khao sat duoc|da thu|thu ve|hoan thanh)`;
const PLANNED = String.raw`(?:ke hoach|tong so|du kien|phai khao sat|theo ke hoach)`;
const SURVEY = [
  // '3/7 phiếu', '3 phiếu/7 phiếu', '3 trên 7 phiếu', '3 trong tổng số 7 phiếu'
  /(?<![\d/.,])(\d{1,4})\s*(?:phieu\s*)?(?:\/|tren|trong(?:\s+tong)?(?:\s+so)?)\s*(?:tong\s*so\s*)?(\d{1,4})(?![\d/]|[.,]\d)\s*phieu(?![\p{L}])/du,
  // 'số phiếu khảo sát đã thực hiện: 3/7'
  /phieu(?:\s+khao sat)?[^.;\d]{0,40}?(?<![\d/.,])(\d{1,4})\s*(?:\/|tren)\s*(\d{1,4})(?![\d/]|[.,]\d)(?!\s*(?:chi tieu|tieu chi|%))/du,
  // 'Số phiếu khảo sát: thực hiện 15, kế hoạch 20' / '… kế hoạch 20 phiếu, đã thu 15 phiếu'
  new RegExp(String.raw`phieu(?:\s+khao sat)?[^.;\d]{0,20}?${DONE}\s*:?\s*(\d{1,4})(?!\d)\s*(?:phieu)?\s*[,;]?\s*(?:va\s+)?${PLANNED}\s*:?\s*(\d{1,4})(?![\d/%])`, 'du'),
  new RegExp(String.raw`phieu(?:\s+khao sat)?[^.;\d]{0,20}?${PLANNED}\s*:?\s*(?<p>\d{1,4})(?!\d)\s*(?:phieu)?\s*[,;]?\s*(?:va\s+)?${DONE}\s*:?\s*(?<d>\d{1,4})(?![\d/%])`, 'du'),
  // 'đã khảo sát được 3/7' (no unit word)
  /khao sat(?:\s+duoc)?\s*:?\s*(?<![\d/.,])(\d{1,4})\s*(?:\/|tren)\s*(\d{1,4})(?![\d/]|[.,]\d)(?!\s*(?:chi tieu|tieu chi|%))/du,
];

export const extractSurveys: Extractor = (doc): ExtractorResult => {
  const lines = docLines(doc, ['body', 'annex']);
  const hit = findFirst([lines], SURVEY, (m, line) => {
    const at = m.indices?.[1]?.[0] ?? m.index;
    if (/(?:ngay|thang|so)\s*$/.test(before(line, at, 8))) return null;
    const done = Number(m.groups?.d ?? m[1]);
    const planned = Number(m.groups?.p ?? m[2]);
    return planned > 0 ? { done, planned } : null;
  });
  if (!hit) return { fields: {}, provenance: {} };
  const p: Provenance = provFor(hit.line, hit.start, hit.end, 'clause');
  return {
    fields: { surveys: { done: hit.value.done, planned: hit.value.planned } },
    provenance: { 'surveys.done': p, 'surveys.planned': p },
  };
};

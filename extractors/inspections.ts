// inspections: inspections / supervisions of the commune's friendly-government work in the period.
// Annex 'Số cuộc kiểm tra, giám sát' (= 1 in the seed), else text: 'tổ chức 02 cuộc kiểm tra, giám sát',
// 'kiểm tra, giám sát được 3 lần'. 'Thường xuyên kiểm tra giám sát' states no count → null.
import type { Provenance } from '../src/contract.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import { N, before, columnValue, findFirst, int, linesPreferring, provFor } from './find.ts';
import { provenance } from './lib.ts';
import { pick } from './text/pick.ts';

const INSPECTIONS = [
  // '02 cuộc kiểm tra, giám sát', '1 đợt giám sát'
  new RegExp(String.raw`${N}\s*(?:cuoc|dot|lan|buoi|doan)\s*(?:kiem tra|giam sat)(?![\p{L}])`, 'u'),
  // 'kiểm tra, giám sát được 3 lần'
  new RegExp(String.raw`(?:kiem tra|giam sat)(?:,?\s*(?:va\s*)?(?:kiem tra|giam sat))?[^.;\d]{0,20}?(?:duoc\s*)?${N}\s*(?:cuoc|dot|lan)(?![\p{L}])`, 'u'),
  // 'Số cuộc kiểm tra, giám sát: 1'
  new RegExp(String.raw`so (?:cuoc|dot|lan)\s*(?:kiem tra|giam sat)[^.;\d]{0,60}?:?\s*${N}`, 'u'),
];

export const extractInspections: Extractor = (doc): ExtractorResult => {
  const annex = columnValue(doc, /so (?:cuoc|dot|lan)\s*(?:kiem tra|giam sat)/);
  if (annex && Number.isInteger(annex.value)) {
    return {
      fields: { inspections: annex.value },
      provenance: { inspections: provenance(annex.table, annex.quote) },
    };
  }
  const groups = linesPreferring(doc, /kiem tra|giam sat/, ['body']);
  const hit = findFirst(groups, INSPECTIONS, (m, line) => {
    if (/(?:ngay|thang|nam)\s*$/.test(before(line, m.index, 6))) return null;
    return int(m[1]);
  });
  if (!hit) {
    // The clause reader: 'Đoàn kiểm tra của thị xã đã làm việc tại phường 01 lần' (label far from its count).
    const annexToo = linesPreferring(doc, /kiem tra|giam sat/, ['body', 'annex']);
    const p = pick(annexToo, 'inspections', { accept: (m) => Number.isInteger(m.value) && m.value < 100 && m.how !== 'carried' });
    if (!p) return { fields: {}, provenance: {} };
    return { fields: { inspections: p.mention.value }, provenance: { inspections: { ...p.prov, confidence: Math.min(p.confidence, 0.8), why: p.why || 'read by the clause reader only' } } };
  }
  const prov: Provenance = provFor(hit.line, hit.start, hit.end, 'clause');
  return { fields: { inspections: hit.value }, provenance: { inspections: prov } };
};

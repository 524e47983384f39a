// satisfactionPercent: people's satisfaction with administrative procedures — 'mức độ hài lòng
// của người dân … đạt 100%', 'tỷ lệ hài lòng 98,5%', '100% người dân hài lòng'. When several are
// given, the one about people / procedures (người dân, TTHC, một cửa) wins over others
// (cán bộ, công chức's own satisfaction).
import type { Extractor, ExtractorResult } from './types.ts';
import { N, PCT, W, docLines, findAll, foldKeep, num, otherYearOnly, provFor, quoteFor, reportYear, type Hit } from './find.ts';

const SATISFACTION = [
  // 'mức độ hài lòng … đạt 100%' — the first percentage after it in the same sentence
  new RegExp(String.raw`(?<!khong\s|chua\s)hai long((?:[^;%.]|\.(?=\d))*?)${PCT}`, 'u'),
  // '100% người dân hài lòng', '98,5% ý kiến đánh giá hài lòng'
  new RegExp(String.raw`${PCT}([^.;%\d]{0,40}?)(?<!khong\s|chua\s)hai long`, 'u'),
  // 'Tỷ lệ hài lòng (%): 98,5' (a table row or a label)
  new RegExp(String.raw`(?<!khong\s|chua\s)hai long([^.;%\d]{0,40}?)\(\s*%\s*\)\s*:?\s*${N}`, 'u'),
];
const PEOPLE = W('nguoi dan|cong dan|to chuc|ca nhan|tthc|thu tuc(?: hanh chinh)?|mot cua|doanh nghiep|dich vu cong|sipas');

export const extractSatisfaction: Extractor = (doc): ExtractorResult => {
  const lines = docLines(doc, ['body', 'annex']);
  const year = reportYear(doc);
  const hits = findAll(lines, SATISFACTION, (m, line, pi) => {
    const gap = pi === 1 ? m[2]! : m[1]!;
    const raw = pi === 1 ? m[1]! : m[2]!;
    if (gap.length > 160) return null;
    if (W('khong hai long|ty le (?:ho so|giai quyet|tra)|dung han|truc tuyen|qua han|so hoa').test(gap)) return null;
    // The district's or the province's figure ('… của huyện đạt 94%', 'bình quân toàn tỉnh'), not the commune's.
    if (W('(?:cua|toan|cap|binh quan(?: toan)?) (?:huyen|tinh)').test(gap)) return null;
    // Another year's rate ('Năm 2023 tỷ lệ hài lòng là 88%'): the clause names only other years.
    const before = line.folded.slice(0, m.index);
    const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';')) + 1;
    if (year !== null && otherYearOnly(line.folded.slice(from, m.index + m[0].length), year)) return null;
    const v = num(raw);
    return v !== null && v >= 0 && v <= 100 ? v : null;
  });
  if (!hits.length) return { fields: {}, provenance: {} };
  const about = (h: Hit<number>) => PEOPLE.test(foldKeep(quoteFor(h.line, h.start, h.end, 'clause')));
  const hit = hits.find(about) ?? hits[0]!;
  return {
    fields: { satisfactionPercent: hit.value },
    provenance: { satisfactionPercent: provFor(hit.line, hit.start, hit.end, 'clause') },
  };
};

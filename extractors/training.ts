// training {classes, participants}: training classes on friendly government held in the period and
// the people trained. Annex 'Số lớp tập huấn | Đối tượng tập huấn | Số người tham gia' (a row
// '0 | 0 | 0' states zeros), else text: 'tổ chức 02 lớp tập huấn cho 120 lượt người'.
// 'Tham gia các lớp tập huấn … do cấp trên tổ chức' without numbers states no count → null.
import type { Provenance } from '../src/contract.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import { N, W, before, clauseAt, columnValue, findFirst, int, linesPreferring, provFor, type ColumnValue, type Line } from './find.ts';
import { provenance } from './lib.ts';
import { pick } from './text/pick.ts';
import type { Mention } from './text/mentions.ts';

// (other words of the event may come first: '03 hội nghị quán triệt, tập huấn')
const CLASS_WORD = String.raw`(?:lop|hoi nghi|buoi|dot|khoa|cuoc)\s*(?:[\p{L}]+(?:,\s*|\s+)(?:va\s+)?){0,3}?(?:tap huan|boi duong|huong dan nghiep vu|tap huan nghiep vu)`;
const CLASSES = [
  // 'tổ chức 02 lớp tập huấn', '01 hội nghị tập huấn'
  new RegExp(String.raw`${N}\s*${CLASS_WORD}(?![\p{L}])`, 'u'),
  // 'Số lớp tập huấn: 02'
  new RegExp(String.raw`so (?:lop|buoi|hoi nghi)(?: tap huan)?[^.;\d]{0,60}?:?\s*${N}`, 'u'),
  // 'tổ chức tập huấn 2 lớp'
  new RegExp(String.raw`(?:tap huan|boi duong)(?: nghiep vu)?[^.;\d]{0,20}?${N}\s*(?:lop|buoi|dot|hoi nghi|khoa)(?![\p{L}])`, 'u'),
];
const PARTICIPANTS_AFTER = new RegExp(
  String.raw`^[^.;\d]{0,50}?${N}\s*(?:luot nguoi|luot|nguoi|dai bieu|hoc vien|can bo|dong chi|thanh vien|cbcc|cb,?\s*cc|cong chuc)(?![\p{L}])`, 'u');
const PARTICIPANTS = [
  new RegExp(String.raw`so (?:nguoi|luot nguoi|hoc vien|luot)(?: tham gia| tham du| duoc tap huan)?[^.;\d]{0,60}?:?\s*${N}`, 'u'),
];

/** Classes the commune's staff attended, held by a higher level ('tham dự 02 lớp tập huấn do thành phố
 *  tổ chức', 'cử 12 lượt cán bộ tham gia lớp … của huyện'): not classes the commune held. */
const BY_HIGHER = W('do (?:cap tren|huyen|quan|thi xa|thanh pho|tinh|trung uong|so|ban chi dao (?:huyen|quan|tinh|thanh pho))[^.;]{0,40}?to chuc|(?:cua|tai) (?:huyen|quan|thi xa|thanh pho|tinh)');
const ATTEND = W('tham du|tham gia|cu (?:can bo|cong chuc|dai bieu|thanh vien)');

function attendedElsewhere(line: Line, start: number, end: number): boolean {
  const [a, b] = clauseAt(line.text, start, end);
  const clause = line.folded.slice(a, b);
  return BY_HIGHER.test(clause) || ATTEND.test(line.folded.slice(a, start));
}

function fromAnnex(doc: Parameters<Extractor>[0]) {
  const about = (ctx: string) => /tap huan|boi duong/.test(ctx);
  const classes = columnValue(doc, /so lop|so buoi|so hoi nghi/, about);
  const participants = columnValue(doc, /so (?:nguoi|luot nguoi|luot|hoc vien)|nguoi tham gia|luot tham gia/, about);
  return { classes, participants };
}

function annexProv(v: ColumnValue): Provenance {
  return provenance(v.table, v.quote);
}

export const extractTraining: Extractor = (doc): ExtractorResult => {
  const training: { classes?: number; participants?: number } = {};
  const prov: Record<string, Provenance> = {};
  const annex = fromAnnex(doc);
  if (annex.classes && Number.isInteger(annex.classes.value)) {
    training.classes = annex.classes.value;
    prov['training.classes'] = annexProv(annex.classes);
  }
  if (annex.participants && Number.isInteger(annex.participants.value)) {
    training.participants = annex.participants.value;
    prov['training.participants'] = annexProv(annex.participants);
  }
  if (training.classes === undefined || training.participants === undefined) {
    const groups = linesPreferring(doc, /tap huan|boi duong/, ['body']);
    const cls = findFirst(groups, CLASSES, (m, line) => {
      if (/(?:ngay|thang|nam)\s*$/.test(before(line, m.index, 6))) return null;
      if (attendedElsewhere(line, m.index, m.index + m[0].length)) return null;
      return int(m[1]);
    });
    if (cls && training.classes === undefined) {
      training.classes = cls.value;
      prov['training.classes'] = provFor(cls.line, cls.start, cls.end, 'clause');
    }
    if (!cls && training.classes === undefined) {
      // A stated zero from the clause reader: 'chưa tổ chức lớp tập huấn nào'.
      const zero = pick(groups, 'trainingClasses', { accept: (m) => m.value === 0 });
      if (zero) {
        training.classes = 0;
        prov['training.classes'] = { ...zero.prov, confidence: zero.confidence };
      }
    }
    if (training.participants === undefined) {
      let hit: { value: number; prov: Provenance } | null = null;
      if (cls) {
        const rest = cls.line.folded.slice(cls.end);
        const m = PARTICIPANTS_AFTER.exec(rest);
        if (m && !W('ngay|thang').test(m[0])) {
          const v = int(m[1]);
          if (v !== null) hit = { value: v, prov: provFor(cls.line, cls.start, cls.end + m.index + m[0].length, 'clause') };
        }
      }
      if (!hit) {
        const p = findFirst(groups, PARTICIPANTS, (m) => int(m[1]));
        if (p) hit = { value: p.value, prov: provFor(p.line, p.start, p.end, 'clause') };
      }
      if (hit) {
        training.participants = hit.value;
        prov['training.participants'] = hit.prov;
      }
    }
  }
  // The clause reader for what is still missing: a key–value annex ('Lớp tập huấn (lớp) | 1',
  // 'Người được tập huấn (người) | 75'), classes held by the commune only.
  if (training.classes === undefined || training.participants === undefined) {
    const groups = linesPreferring(doc, /tap huan|boi duong/, ['body', 'annex']).map((g) => g.filter((l) => /tap huan|boi duong/.test(l.folded)));
    const own = (m: Mention, line: Line) => Number.isInteger(m.value) && m.how !== 'carried' && !attendedElsewhere(line, m.start, m.end);
    for (const [key, concept, max] of [['classes', 'trainingClasses', 100], ['participants', 'participants', 100000]] as const) {
      if (training[key] !== undefined) continue;
      const p = pick(groups, concept, { accept: (m, line) => own(m, line) && m.value < max });
      if (!p) continue;
      training[key] = p.mention.value;
      prov[`training.${key}`] = { ...p.prov, confidence: Math.min(p.confidence, 0.8), why: p.why || 'read by the clause reader only' };
    }
  }
  return { fields: Object.keys(training).length ? { training } : {}, provenance: prov };
};

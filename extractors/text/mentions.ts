// Mentions: (concept, number, unit, qualifiers) read from each clause, whatever the word order —
// the noun after the number ('23 băng rôn', '12 thôn'), a label before it ('Dân số: 12.128 người',
// 'số pano tuyên truyền: 11 chiếc', 'công chức chuyên môn 11'), or the subject of the clause before
// ('biên chế cán bộ, công chức được giao 23, hiện có 21 người': the 21 is still cán bộ, công chức).
// The words between the label and the number say what kind of figure it is (lexicon QUALIFIERS).
// The same reader serves paragraphs, label lines and table rows (a row is read as 'label: value').
import { CONCEPTS, COUNTERS, QUALIFIERS, type ConceptId, type QualifierKind } from '../lexicon.ts';
import { clauses } from './clauses.ts';
import { quantities, type Quantity } from './quantities.ts';

export interface Mention {
  concept: ConceptId;
  value: number;
  /** Million VND when the number carried a money unit. */
  millionVnd: number | null;
  /** The folded unit word after the number ('' when none). */
  unit: string;
  qualifiers: Set<QualifierKind>;
  /** How the concept was found: the noun after the number, a label before it, or carried from the clause before. */
  how: 'noun' | 'label' | 'carried';
  /** The number's span and the clause's span in the text. */
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
  inParens: boolean;
  /** A year named in the label ('dân số năm 2019 là …'), else null. */
  year: number | null;
}

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '\\' ? c : `\\${c}`)).replace(/\\\\\//g, '\\/');

interface Word { word: string; concept: ConceptId; nounAfter: boolean }
const WORDS: Word[] = CONCEPTS.flatMap((c) => c.words.map((word) => ({ word, concept: c.id, nounAfter: c.nounAfter })))
  .sort((a, b) => b.word.length - a.word.length);
const CONCEPT_RE = new RegExp(String.raw`(?<![\p{L}])(?:${WORDS.map((w) => esc(w.word).replace(/, /g, ',?\\s*')).join('|')})(?![\p{L}])`, 'gu');

const WORD_RES = WORDS.map((w) => ({ w, re: new RegExp(String.raw`^${esc(w.word).replace(/, /g, ',?\\s*')}(?![\p{L}])`, 'u') }));
const NOT_AFTER = new Map(CONCEPTS.map((c) => [c.id, c.notAfter?.length ? new RegExp(String.raw`^\s*(?:${c.notAfter.join('|')})(?![\p{L}])`, 'u') : null]));
const NOT_RIGHT_BEFORE = new Map(CONCEPTS.map((c) => [c.id, c.notRightBefore ? new RegExp(String.raw`(?<![\p{L}])(?:${c.notRightBefore})\s*$`, 'u') : null]));
const NOT_BEFORE = new Map(CONCEPTS.map((c) => [c.id, c.notBefore?.length ? new RegExp(String.raw`(?<![\p{L}])(?:${c.notBefore.join('|')})(?![\p{L}])`, 'u') : null]));

/** A qualifier right after a label's concept word ('cán bộ, công chức được giao …'): the label goes on. */
const QUAL_START = new RegExp(String.raw`^\s*(?:${[...QUALIFIERS.quota, ...QUALIFIERS.actual, ...QUALIFIERS.plan, ...QUALIFIERS.past].join('|')})(?![\p{L}])`, 'u');

/** The concept word a text starts with (the longest). In a label (`label`), a qualifier may follow it. */
function wordAt(s: string, label = false): Word | null {
  const t = s.trimStart();
  for (const { w, re } of WORD_RES) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    // 'hộ nghèo', 'thôn đạt chuẩn văn hóa', 'đảng viên mới': a kind of the thing, not the thing.
    if (NOT_AFTER.get(w.concept)?.test(rest) && !(label && QUAL_START.test(rest))) return null;
    return w;
  }
  return null;
}

/** Concept words that hold a comma ('cán bộ, công chức', 'băng rôn, khẩu hiệu'): a clause is never cut inside them. */
const GLUED = new RegExp(String.raw`(?<![\p{L}])(?:${WORDS.filter((w) => w.word.includes(', ')).map((w) => esc(w.word).replace(/, /g, ',\\s*')).join('|')})(?![\p{L}])`, 'u');

const QUAL_RE: [QualifierKind, RegExp][] = (Object.entries(QUALIFIERS) as [QualifierKind, string[]][]).filter(([, ws]) => ws.length > 0).map(([k, ws]) => [
  k, new RegExp(String.raw`(?<![\p{L}])(?:${ws.join('|')})(?![\p{L}])`, 'u'),
]);

/** The qualifier kinds named in a piece of folded text. */
export function qualifiersIn(folded: string): Set<QualifierKind> {
  const out = new Set<QualifierKind>();
  for (const [k, re] of QUAL_RE) if (re.test(folded)) out.add(k);
  return out;
}

const QUOTA_RE = new RegExp(String.raw`(?<![\p{L}])(?:${QUALIFIERS.quota.join('|')}|bien che)(?![\p{L}])`, 'u');
const SUBUNIT = /(?:^|[\s,;(])(?:[Tt]hôn|[Xx]óm|[Ll]àng|[Bb]ản|[Ấấ]p|[Bb]uôn|[Tt]ổ dân phố|TDP|[Kk]hu phố|[Kk]hu dân cư|[Tt]ổ)\s+(?:số\s+)?(?:\p{Lu}|\d+\s+(?:có|gồm|đạt))/u;
const COUNTER_RE = new RegExp(String.raw`^\s*(?:${COUNTERS.join('|')})\s+`, 'u');
const UNIT_WORD = /^\s*([\p{L}]+(?:\s+[\p{L}]+)?)/u;

/** Units that say a number is not a count of people or things (an area, a length, a time, a share). */
const FOREIGN_UNIT = /^\s*(?:ha|km|m|m2|%|nam|thang|ngay|gio|phut|tuoi|lan\b|trieu|ty|dong|ty le|diem|van ban|ke hoach|quyet dinh|ho so|thu tuc|y kien|tin|bai|phieu)(?![\p{L}])/u;

function conceptOf(id: ConceptId) {
  return CONCEPTS.find((c) => c.id === id)!;
}

/** Does the text after a number start with a unit the concept accepts (or nothing that is a unit)? */
function unitFits(id: ConceptId, q: Quantity): { ok: boolean; unit: string } {
  const c = conceptOf(id);
  const after = q.after.replace(COUNTER_RE, ' ');
  const unit = UNIT_WORD.exec(after)?.[1] ?? '';
  if (q.millionVnd !== null) return { ok: id === 'budget' || id === 'income', unit: 'trieu dong' };
  if (q.percent || q.ratio) return { ok: false, unit };
  // A rate ('640 người/km²', '4 triệu/tháng') is not a count.
  if (id !== 'income' && /^\s*[\p{L}]+(?:\s+[\p{L}]+)?\s*\/\s*(?:km|ha|nam|thang|ngay|nguoi|ho)/u.test(after)) return { ok: false, unit };
  if (!unit || /^\s*[,;.:)(/\-–]/.test(q.after) || /^\s*$/.test(q.after)) return { ok: true, unit: '' };
  for (const u of c.units) {
    if (new RegExp(String.raw`^\s*${u}(?![\p{L}])`, 'u').test(after)) return { ok: true, unit: u };
  }
  if (c.units.length === 0 && !FOREIGN_UNIT.test(after)) return { ok: true, unit };
  // A word that is not a unit at all ('hiện có 21, …' / '11 xóm'): fine only when it is no other concept's noun and no unit.
  if (FOREIGN_UNIT.test(after) || wordAt(after)) return { ok: false, unit };
  return { ok: c.units.length === 0, unit };
}

/** Every mention in a text. `folded` is foldKeep(text) with dates and cited documents blanked out. */
export function mentionsIn(text: string, folded: string): Mention[] {
  const out: Mention[] = [];
  const cls = clauses(text, folded, GLUED);
  let prevConcept: { concept: ConceptId; sentence: number } | null = null;
  // A target or a request governs the list it opens: 'phấn đấu treo 15 băng rôn và 4 pano'.
  let aim: { sentence: number; kinds: QualifierKind[] } = { sentence: -1, kinds: [] };
  for (const cl of cls) {
    // The clause's own text, brackets blanked (their content is read as clauses of its own).
    let own = folded.slice(cl.start, cl.end);
    if (!cl.inParens) own = own.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
    const qs = quantities(own);
    let segStart = 0;
    let quotaOf = false;
    for (const q of qs) {
      // A year after 'năm' belongs to the label ('dân số năm 2019 là …'), it is not a figure.
      if (/^(?:19[89]\d|20[0-4]\d)$/.test(own.slice(q.numStart, q.numEnd)) && /nam\s*$/.test(own.slice(Math.max(0, q.numStart - 6), q.numStart))) continue;
      const labelSeg = own.slice(segStart, q.numStart);
      segStart = q.end;
      // 'có 20/21 người theo định biên': what there is, out of a quota — a count, not a ratio.
      if (q.ratio) {
        const den = /^\s*\/\s*\d{1,4}(?!\d)/.exec(own.slice(q.numEnd));
        if (!den || !QUOTA_RE.test(own)) continue;
        const rest = own.slice(q.numEnd + den[0].length);
        q.ratio = false;
        q.after = rest.slice(0, 40);
        q.end = q.numEnd + den[0].length;
        segStart = q.end;
        quotaOf = true;
      } else quotaOf = false;
      let concept: ConceptId | null = null;
      let how: Mention['how'] = 'label';
      // 1. the noun after the number ('23 chiếc băng rôn', '12 thôn')
      const noun = wordAt(q.after.replace(COUNTER_RE, ' '));
      if (noun && noun.nounAfter && !q.ratio && !q.percent && q.millionVnd === null) {
        concept = noun.concept;
        how = 'noun';
      }
      // 2. a concept named in the label before it: the one whose unit fits best, the head of a label
      //    ('số …', 'tổng số …') before others, else the first ('số băng rôn, khẩu hiệu đã treo: 23 chiếc').
      if (!concept) {
        let best = 0;
        for (const f of labelSeg.matchAll(CONCEPT_RE)) {
          const w = wordAt(labelSeg.slice(f.index), true);
          if (!w) continue;
          const fit = unitFits(w.concept, q);
          if (!fit.ok) continue;
          const score = (fit.unit ? 2 : 1) + (/(?:^|[\s,;:(])(?:tong so|so luong|so)\s+$/.test(labelSeg.slice(0, f.index)) ? 1 : 0);
          if (score > best) {
            best = score;
            concept = w.concept;
          }
        }
      }
      // 3. a bracket right after the quantity that names it: '486,2 ha (diện tích tự nhiên)'
      if (!concept) {
        const br = /^\s*(?:[\p{L}²]{1,6}\s*)?\(([^()]{2,40})\)/u.exec(folded.slice(cl.start + q.end, cl.end));
        const w = br ? wordAt(br[1]!) : null;
        if (w && unitFits(w.concept, q).ok) {
          concept = w.concept;
          how = 'noun';
        }
      }
      // 4. the subject of the clause before, in the same sentence
      if (!concept && prevConcept && prevConcept.sentence === cl.sentence) {
        if (unitFits(prevConcept.concept, q).ok && ![...labelSeg.matchAll(CONCEPT_RE)].length) {
          concept = prevConcept.concept;
          how = 'carried';
        }
      }
      if (!concept) continue;
      if (NOT_BEFORE.get(concept)?.test(labelSeg) || NOT_RIGHT_BEFORE.get(concept)?.test(labelSeg)) continue;
      const { unit } = unitFits(concept, q);
      const qualifiers = qualifiersIn(labelSeg);
      if (aim.sentence === cl.sentence && !cl.inParens) for (const k of aim.kinds) qualifiers.add(k);
      // 'Thôn Đông có 320 hộ', 'tổ dân phố số 3 có 210 nhân khẩu': one part's figure, not the commune's.
      if (SUBUNIT.test(text.slice(cl.start, cl.start + q.numStart))) qualifiers.add('subunit');
      if (quotaOf) {
        qualifiers.delete('quota');
        qualifiers.add('actual');
      }
      const year = [...labelSeg.matchAll(/(?<![\d/.,])(19[89]\d|20[0-4]\d)(?![\d])/g)].map((y) => Number(y[1])).pop() ?? null;
      if (cl.inParens) qualifiers.add('part');
      out.push({
        concept, value: q.value, millionVnd: q.millionVnd, unit, qualifiers, how, year,
        start: cl.start + q.numStart, end: cl.start + q.end, clauseStart: cl.start, clauseEnd: cl.end, inParens: cl.inParens,
      });
      if (!cl.inParens) prevConcept = { concept, sentence: cl.sentence };
    }
    if (!cl.inParens) {
      const q = qualifiersIn(own);
      const kinds = (['plan', 'request'] as QualifierKind[]).filter((k) => q.has(k));
      aim = aim.sentence === cl.sentence ? { sentence: cl.sentence, kinds: [...new Set([...aim.kinds, ...kinds])] } : { sentence: cl.sentence, kinds };
    }
    // 'không làm mới pano nào', 'chưa tổ chức lớp tập huấn nào', 'không có pano': a stated zero.
    for (const z of own.matchAll(NONE_RE)) {
      const word = z[1] ?? z[2]!;
      const w = wordAt(word);
      if (!w) continue;
      const at = z.index + z[0].indexOf(word);
      out.push({
        concept: w.concept, value: 0, millionVnd: null, unit: '', qualifiers: qualifiersIn(own.slice(0, z.index)), how: 'noun', year: null,
        start: cl.start + at, end: cl.start + z.index + z[0].length, clauseStart: cl.start, clauseEnd: cl.end, inParens: cl.inParens,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const NONE_WORDS = WORDS.map((w) => esc(w.word).replace(/, /g, ',?\\s*')).join('|');
const NONE_RE = new RegExp(String.raw`(?<![\p{L}])(?:(?:khong|chua)(?:\s+co)?\s+(?:[\p{L}]+\s+){0,3}?(${NONE_WORDS})\s+nao(?![\p{L}])|khong co\s+(${NONE_WORDS})\s*(?=[.;,]|$))`, 'gu');

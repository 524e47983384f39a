// criteria[]: one entry per criteria group ('nhóm tiêu chí N') whose result states a ratio of
// indicators (chỉ tiêu / tiêu chí): '8/8 chỉ tiêu đạt', 'đạt 8 trên 8 chỉ tiêu', 'Đạt: 08/08',
// 'có 5/6 chỉ tiêu đạt (còn chỉ tiêu 26 chưa đạt)'. `unmet` lists the indicator numbers named as
// not met. A group whose ratio counts survey forms (phiếu khảo sát) is never an entry (see surveys.ts).
// Text first (a group heading or paragraph and the paragraphs that follow it), then tables
// (Nhóm | Số chỉ tiêu | Đạt | Chưa đạt). Sorted by group.
import type { ExtractedFields, Provenance } from '../src/contract.ts';
import type { DocumentModel, Paragraph } from '../src/document/model.ts';
import type { Extractor } from './types.ts';
import { W, aimedAt, cellNumber, foldKeep, isTotalRow, makeLine, provFor, tableContext, tableView, type Line } from './find.ts';
import { provenance, rowQuote, tables } from './lib.ts';

export type CriteriaEntry = ExtractedFields['criteria'][number];

const ORDINAL: Record<string, number> = {
  nhat: 1, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
};

function romanValue(s: string): number | null {
  const v: Record<string, number> = { i: 1, v: 5, x: 10 };
  if (!/^[ivx]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total > 0 && total <= 20 ? total : null;
}

/** 'nhóm tiêu chí 4', 'Nhóm 4', 'nhóm tiêu chí thứ tư', 'Nhóm IV', 'nhóm tiêu chí số 4'. */
const GROUP = /(?<![\p{L}])nhom(?:\s+(?:tieu chi|chi tieu|tc))?(?:\s+so)?\s*(thu\s+)?(\d{1,2}|[ivx]{1,5}|nhat|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)(?![\p{L}\d])/gu;
/** Fallback for sets that call their groups 'Tiêu chí N' (only when no 'nhóm N' occurs at all). */
const GROUP_ALT = /(?<![\p{L}])tieu chi(?:\s+so)?\s+(\d{1,2})(?![\d/.,])\s*[:.\-–(]/gu;

interface Mention { group: number; start: number; end: number }

/** Group mentions in a folded text. */
export function groupMentions(folded: string, alt = false): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp((alt ? GROUP_ALT : GROUP).source, 'gu');
  for (const m of folded.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    let g: number | null;
    if (alt) g = Number(m[1]);
    else {
      const word = m[2]!;
      const ordinalOk = m[1] !== undefined || /^\s*([:.,)\-–]|$)/.test(folded.slice(end));
      if (/^\d+$/.test(word)) g = Number(word);
      else if (word in ORDINAL) g = ordinalOk && !/^\s*\d/.test(folded.slice(end)) ? ORDINAL[word]! : null;
      else g = romanValue(word);
    }
    if (g !== null && g >= 1 && g <= 20) out.push({ group: g, start, end });
  }
  return out;
}

// --- ratios ----------------------------------------------------------------------------------

const UNIT_IND = /^(chi tieu|tieu chi|ct|tc)$/;
const RATIO = /(?<![\d/.,])(\d{1,3})\s*(?:(chi tieu|tieu chi)\s*)?(?:\/|tren|trong(?:\s+tong)?(?:\s+so)?)\s*(?:tong\s*so\s*)?(\d{1,3})(?![\d/]|[.,]\d)\s*(?:(chi tieu|tieu chi|ct|tc|phieu|diem|%|ho so|thu tuc|nam|thang|nguoi|luot)(?![\p{L}]))?/gu;
/** Counts of indicators, in either word order: the total ('gồm 6 chỉ tiêu', 'Nhóm 1: 8 chỉ tiêu'), those met
 *  ('đạt 5 chỉ tiêu', '5 chỉ tiêu đạt') and those not met ('chưa đạt 1 chỉ tiêu', '1 chỉ tiêu chưa đạt'). */
const IND = String.raw`(?:chi tieu|tieu chi)`;
const COUNT = String.raw`(?<![\d/.,])(\d{1,3})(?![\d/]|[.,]\d)`;
const NEG = String.raw`(?:chua|khong)\s*(?:dat|hoan thanh)`;
const COUNTS: { kind: 'total' | 'met' | 'unmet'; re: RegExp }[] = [
  { kind: 'unmet', re: new RegExp(String.raw`${NEG}\s*:?\s*${COUNT}\s*${IND}|${COUNT}\s*${IND}\s*(?:con\s*)?${NEG}`, 'gu') },
  { kind: 'met', re: new RegExp(String.raw`(?<!chua\s|khong\s)(?<![\p{L}])(?:dat|hoan thanh)(?:\s+duoc)?(?:\s+(?:ca|du|toan bo|het|tat ca))?\s*:?\s*${COUNT}\s*${IND}|${COUNT}\s*${IND}\s*(?:da\s*)?(?:dat|hoan thanh)(?![\p{L}])`, 'gu') },
  { kind: 'total', re: new RegExp(String.raw`(?:(?<![\p{L}])(?:gom|co|tong so|tong cong|tong)\s*|^[\s:.\-–)]*)${COUNT}\s*${IND}(?!\s*(?:da\s*)?(?:dat|chua|khong|hoan thanh))`, 'gu') },
];

/** Once a total of indicators is stated, the counts after it may leave the noun out: 'gồm 4 chỉ tiêu,
 *  đạt 3, chưa đạt 1', 'có 8 chỉ tiêu, đã đạt 8', 'đạt cả 10'. */
const BARE_COUNTS: { kind: 'met' | 'unmet'; re: RegExp }[] = [
  { kind: 'unmet', re: new RegExp(String.raw`${NEG}\s*:?\s*${COUNT}(?!\s*(?:%|\/|phieu|diem|nam|thang))`, 'gu') },
  { kind: 'met', re: new RegExp(String.raw`(?<!chua\s|khong\s)(?<![\p{L}])(?:dat|hoan thanh)(?:\s+duoc)?(?:\s+(?:ca|du|toan bo|het))?\s*:?\s*${COUNT}(?!\s*(?:%|\/|phieu|diem|nam|thang))`, 'gu') },
];

/** A ratio from counts stated in words in folded[from, to): two of total / met / unmet give the third. */
function fromCounts(folded: string, from: number, to: number): Ratio | null {
  const seg = folded.slice(from, to);
  const found: Partial<Record<'total' | 'met' | 'unmet', { n: number; start: number; end: number }>> = {};
  const taken: [number, number][] = [];
  const all = [...COUNTS];
  for (const { kind, re } of all) {
    for (const m of seg.matchAll(new RegExp(re.source, re.flags))) {
      const a = m.index;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      if (W('phan dau|du kien|muc tieu|ke hoach').test(seg.slice(Math.max(0, a - 25), a))) continue;
      const raw = m.slice(1).find((g) => g !== undefined);
      found[kind] ??= { n: Number(raw), start: from + a, end: from + b };
      taken.push([a, b]);
      break;
    }
  }
  if (found.total) {
    for (const { kind, re } of BARE_COUNTS) {
      if (found[kind]) continue;
      for (const m of seg.matchAll(new RegExp(re.source, re.flags))) {
        const a = m.index;
        const b = a + m[0].length;
        if (a < found.total.start - from || taken.some(([x, y]) => a < y && b > x)) continue;
        found[kind] = { n: Number(m[1]), start: from + a, end: from + b };
        taken.push([a, b]);
        break;
      }
    }
  }
  // 'đạt toàn bộ 6 chỉ tiêu', 'hoàn thành cả 6 chỉ tiêu': all of them, so the total too.
  if (found.met && !found.total && !found.unmet && /(?:ca|du|toan bo|het|tat ca)\s*:?\s*\d/.test(folded.slice(found.met.start, found.met.end))) {
    found.total = { ...found.met };
  }
  const { total, met, unmet } = found;
  const parts = [total, met, unmet].filter((x) => x !== undefined);
  if (parts.length < 2) return null;
  const start = Math.min(...parts.map((p) => p!.start));
  const end = Math.max(...parts.map((p) => p!.end));
  const t = total?.n ?? met!.n + unmet!.n;
  const mt = met?.n ?? t - unmet!.n;
  if (t <= 0 || t > 200 || mt < 0) return null;
  return { met: mt, total: t, start, end, survey: false };
}

interface Ratio { met: number; total: number; start: number; end: number; survey: boolean }

/** The first ratio in folded[from, to): indicators, or (survey: true) survey forms. */
export function findRatio(folded: string, from: number, to: number, surveyContext: boolean): Ratio | null {
  const seg = folded.slice(0, to);
  const re = new RegExp(RATIO.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  const found: Ratio[] = [];
  while ((m = re.exec(seg))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const unit = m[4] ?? m[2] ?? '';
    const start = m.index;
    const end = start + m[0].length;
    const pre = seg.slice(Math.max(from, start - 25), start);
    if (/(?:ngay|thang|so|nam)\s*$/.test(pre)) continue;
    if (W('phan dau|du kien|muc tieu|ke hoach dat|de ra').test(pre)) continue;
    if (unit === 'phieu' || (surveyContext && !UNIT_IND.test(unit))) {
      found.push({ met: a, total: b, start, end, survey: true });
      break;
    }
    if (unit && !UNIT_IND.test(unit)) continue;
    // '8/8 đạt', 'đạt: 8/8', in brackets after the words it counts ('đạt 100% chỉ tiêu (8/8)'), or the whole
    // statement after a group's label ('- Nhóm III: 6/6.').
    const whole = start - from <= 3 && /^[\s:.\-–)]*$/.test(seg.slice(from, start)) && /^\s*(?:[.;]|$)/.test(seg.slice(end));
    if (!unit && !whole && !/(?<![\p{L}])dat(?:\s+duoc)?\s*:?\s*$/u.test(pre) && !/^\s*(?:dat|chua dat)/.test(seg.slice(end)) &&
      !/(?:chi tieu|tieu chi|(?<![\p{L}])dat)[^;.()]{0,25}\(\s*$/u.test(pre)) continue;
    if (b === 0 || b > 200) continue;
    let met = a;
    if (/^\s*(?:chi tieu\s*)?(?:chua|khong)\s*(?:dat|hoan thanh|thuc hien)/.test(seg.slice(end, end + 30))) met = b - a;
    found.push({ met, total: b, start, end, survey: false });
    break;
  }
  const r1 = found[0];
  const counted = fromCounts(folded, from, to);
  if (counted && (!r1 || counted.start < r1.start)) return counted;
  return r1 ?? null;
}

// --- unmet indicators ------------------------------------------------------------------------

const UNMET_LIST = /(?<![\p{L}])(?:chi tieu|tieu chi|ct)(?:\s+(?:so|thu))?\s*(\d{1,3}(?:\s*(?:,|;|va|&|\+|-|–|den|hoac)\s*(?:(?:chi tieu|tieu chi|ct)\s*)?(?:so\s*)?\d{1,3})*)(?![\d/]|[.,]\d)/gu;
const NEG_RIGHT = /(?<![\p{L}])(?:chua|khong (?:dat|hoan thanh|thuc hien|dam bao))(?![\p{L}])/u;
const NEG_LEFT = /(?<![\p{L}])(?:con(?:\s+lai)?|chua|khong (?:dat|hoan thanh|thuc hien|dam bao)|thieu)(?![\p{L}])/u;

function parseList(s: string): number[] {
  const out: number[] = [];
  const re = /(\d{1,3})(?:\s*(-|–|den)\s*(?:(?:chi tieu|tieu chi|ct)\s*)?(?:so\s*)?(\d{1,3}))?/gu;
  for (const m of s.matchAll(re)) {
    const a = Number(m[1]);
    const b = m[3] !== undefined ? Number(m[3]) : null;
    if (b !== null && b > a && b - a <= 10) for (let i = a; i <= b; i++) out.push(i);
    else {
      out.push(a);
      if (b !== null) out.push(b);
    }
  }
  return out;
}

/** Indicator numbers named as not met in folded[from, to). */
export function findUnmet(folded: string, from: number, to: number): { numbers: number[]; start: number; end: number } {
  const seg = folded.slice(0, to);
  const re = new RegExp(UNMET_LIST.source, 'gu');
  re.lastIndex = from;
  const numbers: number[] = [];
  let start = -1;
  let end = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) {
    const s = m.index;
    const e = s + m[0].length;
    if (/nhom\s*$/.test(seg.slice(Math.max(0, s - 6), s))) continue;
    const leftFrom = Math.max(from, s - 50);
    const leftText = seg.slice(leftFrom, s);
    // (not at ':' — 'chưa đạt: chỉ tiêu 38' puts the negation before it)
    const cut = Math.max(leftText.lastIndexOf('('), leftText.lastIndexOf(';'), leftText.lastIndexOf('.'), lastCommaSpace(leftText));
    const left = cut >= 0 ? leftText.slice(cut + 1) : leftText;
    const rightText = seg.slice(e, Math.min(seg.length, e + 80));
    const stop = /[;.)]|,\s(?!\s*(?:va\s*)?\d)/.exec(rightText);
    const right = stop ? rightText.slice(0, stop.index) : rightText;
    // '1 chỉ tiêu chưa đạt (chỉ tiêu 36)': a bracket that names the indicators just said not to be met.
    const bracketed = cut >= 0 && leftText[cut] === '(' && UNMET_COUNT_END.test(leftText.slice(0, cut));
    if (!NEG_LEFT.test(left) && !NEG_RIGHT.test(right) && !bracketed) continue;
    const nums = parseList(m[1]!).filter((n) => n >= 1 && n <= 200);
    if (!nums.length) continue;
    for (const n of nums) if (!numbers.includes(n)) numbers.push(n);
    if (start < 0) start = s;
    end = e;
  }
  // '… chưa đạt 2 chỉ tiêu (17, 19)', 'chưa đạt 01 chỉ tiêu (9)': a bracket of bare numbers after a count
  // of unmet indicators names them; 'Chỉ tiêu chưa đạt: 12' names one after a label.
  if (!numbers.length) {
    for (const re of [BRACKET_AFTER_UNMET, LABEL_UNMET]) {
      const r = new RegExp(re.source, 'gu');
      r.lastIndex = from;
      const b = r.exec(seg);
      if (!b) continue;
      const nums = parseList(b[1]!).filter((n) => n >= 1 && n <= 200);
      if (!nums.length) continue;
      return { numbers: nums, start: b.index, end: b.index + b[0].length };
    }
  }
  return { numbers, start, end };
}

/** The end of a statement that some indicators are not met: 'chưa đạt', 'chưa đạt 1', 'chưa đạt 02 chỉ tiêu'. */
const UNMET_COUNT_END = /(?:chua|khong)\s*(?:dat|hoan thanh|thuc hien)(?:\s*:?\s*\d{1,3})?(?:\s*(?:chi tieu|tieu chi))?\s*$/;
const NUM_LIST = String.raw`(\d{1,3}(?:\s*(?:,|;|va|-|–)\s*\d{1,3})*)`;
const BRACKET_AFTER_UNMET = new RegExp(String.raw`(?:(?:chua|khong)\s*(?:dat|hoan thanh)\s*:?\s*\d{1,3}\s*(?:chi tieu|tieu chi)?|\d{1,3}\s*(?:chi tieu|tieu chi)\s*(?:con\s*)?(?:chua|khong)\s*(?:dat|hoan thanh))\s*\(\s*(?:(?:chi tieu|tieu chi|ct)\s*(?:so\s*)?)?${NUM_LIST}\s*\)`, 'u');
const LABEL_UNMET = new RegExp(String.raw`(?<![\p{L}])(?:cac\s+)?(?:chi tieu|tieu chi)\s+(?:con\s+)?(?:chua|khong)\s*(?:dat|hoan thanh)\s*(?::|la|gom)\s*(?:(?:chi tieu|tieu chi|ct)\s*(?:so\s*)?)?${NUM_LIST}(?![\d/]|[.,]\d)`, 'u');

function lastCommaSpace(s: string): number {
  let at = -1;
  for (let i = 0; i < s.length - 1; i++) if (s[i] === ',' && s[i + 1] === ' ' && !/^\s*\d/.test(s.slice(i + 1))) at = i;
  return at;
}

// --- text ------------------------------------------------------------------------------------

interface Found { entry: CriteriaEntry; prov: Provenance; survey: boolean }

function fromText(doc: DocumentModel): Map<number, Found> {
  const paras = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && b.region === 'body');
  const lines = paras.map((p) => makeLine(p, p.text));
  let alt = false;
  if (!lines.some((l) => groupMentions(l.folded).length > 0)) alt = true;
  const out = new Map<number, Found>();

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const mentions = groupMentions(line.folded, alt);
    if (!mentions.length) continue;
    mentions.forEach((mention, k) => {
      if (out.has(mention.group)) return;
      // 'Năm tới phấn đấu nhóm 2 đạt 4/4 chỉ tiêu': a target, not a result.
      if (aimedAt(line, mention.start)) return;
      const segEnd = mentions[k + 1]?.start ?? line.folded.length;
      const isLast = k === mentions.length - 1;
      const context = line.folded.slice(mention.start, segEnd);
      const surveyContext = /hai long|khao sat/.test(context) && !/chi tieu/.test(context);
      let ratio = findRatio(line.folded, mention.end, segEnd, surveyContext);
      let ratioLine = line;
      let unmet = ratio && !ratio.survey ? findUnmet(line.folded, mention.end, segEnd) : { numbers: [], start: -1, end: -1 };
      let unmetLine: Line = line;
      // The paragraphs that continue this group (its body, when the mention is a heading or a lead-in).
      // Only a paragraph about the group (a heading, or one that starts with the mention) has a body.
      const leadsParagraph = !!paras[i]!.heading || mention.start < 80;
      if (isLast && leadsParagraph && (!ratio || (!ratio.survey && ratio.met < ratio.total && unmet.numbers.length === 0))) {
        const limitLevel = paras[i]!.heading ? paras[i]!.heading!.level : 0;
        for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
          const next = lines[j]!;
          const p = paras[j]!;
          if (p.heading && p.heading.level <= limitLevel) break;
          if (p.heading && limitLevel === 0) break;
          if (groupMentions(next.folded, alt).length) break;
          if (!ratio) {
            const r = findRatio(next.folded, 0, next.folded.length, surveyContext);
            if (r) {
              ratio = r;
              ratioLine = next;
              if (!r.survey) {
                unmet = findUnmet(next.folded, 0, next.folded.length);
                unmetLine = next;
              }
              if (r.survey || r.met >= r.total || unmet.numbers.length) break;
              continue;
            }
          } else {
            const u = findUnmet(next.folded, 0, next.folded.length);
            if (u.numbers.length) {
              unmet = u;
              unmetLine = next;
              break;
            }
          }
        }
      }
      if (!ratio) return;
      if (ratio.survey) {
        out.set(mention.group, { entry: { group: mention.group, met: ratio.met, total: ratio.total, unmet: [] }, prov: provFor(line, mention.start, ratio.end), survey: true });
        return;
      }
      const quoteParts: string[] = [];
      if (ratioLine === line) {
        const to = unmetLine === line && unmet.end > 0 ? unmet.end : ratio.end;
        quoteParts.push(provFor(line, mention.start, to, 'sentence').quote);
      } else {
        quoteParts.push(provFor(line, mention.start, mention.end, 'sentence').quote);
        quoteParts.push(provFor(ratioLine, ratio.start, ratio.end, 'sentence').quote);
      }
      if (unmetLine !== line && unmetLine !== ratioLine && unmet.end > 0) quoteParts.push(provFor(unmetLine, unmet.start, unmet.end, 'sentence').quote);
      const prov = provenance(line.block, [...new Set(quoteParts)].join(' … '));
      out.set(mention.group, {
        entry: { group: mention.group, met: ratio.met, total: ratio.total, unmet: unmet.numbers },
        prov,
        survey: false,
      });
    });
  }
  return out;
}

// --- tables ----------------------------------------------------------------------------------

/** The group number a row's label starts with: '4', 'IV', 'I. Thực hiện dân chủ …', '2) Cải cách …'. */
function leadingNumber(cell: string): number | null {
  const m = /^\s*(\d{1,2}|[ivx]{1,5})\s*(?:[.)/:\-–]|$)/.exec(foldKeep(cell.trim()));
  if (!m) return null;
  return /^\d/.test(m[1]!) ? Number(m[1]) : romanValue(m[1]!);
}

/** A ratio of indicators in a cell: '7/8', 'Đạt 8/8 chỉ tiêu', '8/8 (đạt)'. */
const CELL_RATIO = /^(?:(?:da\s+)?dat\s*:?\s*)?(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/])(?:\s*(?:chi tieu|tieu chi|ct))?/;

/** A count of met indicators in a result cell: 'Đạt 7', 'Đạt 8, chưa đạt 1 (chỉ tiêu 14)'. */
const CELL_MET = /^(?:da\s+)?dat\s*:?\s*(\d{1,3})(?![\d/])/;

function fromTables(doc: DocumentModel): Map<number, Found> {
  const out = new Map<number, Found>();
  for (const t of tables(doc)) {
    const view = tableView(t);
    if (view.headerRows === 0) continue;
    const ctx = tableContext(doc, t);
    const f = view.folded;
    const col = (test: (s: string) => boolean) => f.findIndex(test);
    const unmetCol = col((s) => /chua dat|khong dat|chua hoan thanh/.test(s));
    let metCol = col((s) => /(?<!chua |khong )(?<![\p{L}])(?:dat|hoan thanh)(?![\p{L}])/u.test(s) && !/chua dat|khong dat|chua hoan thanh/.test(s));
    // A result column under another name ('Kết quả tự đánh giá') whose cells state the ratio: 'Đạt 8/8 chỉ tiêu'.
    if (metCol < 0) metCol = f.findIndex((_, c) => c !== unmetCol && view.dataRows.some((r) => CELL_RATIO.test(foldKeep(t.grid[r]![c]!)) || CELL_MET.test(foldKeep(t.grid[r]![c]!))));
    const totalCol = col((s) => /so (?:luong )?chi tieu|tong so|tong chi tieu|so tieu chi/.test(s) && !/dat/.test(s));
    if (metCol < 0 || (totalCol < 0 && unmetCol < 0 && !view.dataRows.some((r) => /\d\s*\/\s*\d/.test(t.grid[r]![metCol]!)))) continue;
    const aboutGroups = /nhom/.test(ctx) || f.some((s) => /nhom/.test(s)) || view.dataRows.some((r) => t.grid[r]!.some((c) => groupMentions(foldKeep(c)).length));
    if (!aboutGroups) continue;
    for (const r of view.dataRows) {
      const row = t.grid[r]!;
      if (isTotalRow(row)) continue;
      let group: number | null = null;
      for (const c of row) {
        const g = groupMentions(foldKeep(c));
        if (g.length) { group = g[0]!.group; break; }
      }
      if (group === null) group = leadingNumber(row[0]!) ?? (cellNumber(row[0]) === null ? null : leadingNumber(row[1] ?? ''));
      if (group === null || out.has(group)) continue;
      const metText = foldKeep(row[metCol]!.trim());
      let met: number | null = null;
      let total: number | null = null;
      const ratio = CELL_RATIO.exec(metText);
      if (ratio) { met = Number(ratio[1]); total = Number(ratio[2]); }
      else if (/^\d{1,3}$/.test(metText)) met = Number(metText);
      else if (CELL_MET.test(metText)) met = Number(CELL_MET.exec(metText)![1]);
      if (totalCol >= 0 && total === null) {
        const tt = row[totalCol]!.trim();
        if (/^\d{1,3}$/.test(tt)) total = Number(tt);
      }
      let unmet: number[] = [];
      if (unmetCol >= 0) {
        const ut = foldKeep(row[unmetCol]!.trim());
        const header = f[unmetCol]!;
        // A count when the header says so ('Số chỉ tiêu chưa đạt'), or when no total is given to compare;
        // under 'Chỉ tiêu chưa đạt' a bare number names the indicator.
        const counts = /(?<![\p{L}])so (?:luong )?(?:chi tieu |tieu chi )?(?:chua|khong)|so chua|so luong/u.test(header);
        const namesIndicators = !counts && /(?:chi tieu|tieu chi|ct)\s+(?:con\s+)?(?:chua|khong)/.test(header);
        const asCount = /^\d{1,3}$/.test(ut) && (counts || (total === null && met !== null) ||
          (!namesIndicators && met !== null && total !== null && Number(ut) === total - met));
        if (asCount) {
          if (total === null && met !== null) total = met + Number(ut);
        } else if (ut) {
          const list = /chi tieu|tieu chi|ct/.test(ut) ? findUnmet(`chua dat ${ut}`, 0, ut.length + 9).numbers : parseList(ut);
          unmet = list.filter((n) => n >= 1 && n <= 200);
        }
      }
      // Indicators named as not met in another cell ('Ghi chú: Chỉ tiêu 10 chưa đạt').
      if (!unmet.length && met !== null && total !== null && met < total) {
        for (const [c, cell] of row.entries()) {
          if (c === totalCol || c === unmetCol) continue;
          const f = foldKeep(cell);
          const found = findUnmet(f, 0, f.length).numbers.filter((n) => n >= 1 && n <= 200);
          if (found.length) { unmet = found; break; }
        }
      }
      if (met === null || total === null) continue;
      const survey = /phieu/.test(foldKeep(row.join(' ')));
      out.set(group, { entry: { group, met, total, unmet }, prov: provenance(t, rowQuote(row)), survey });
    }
  }
  return out;
}

export const extractCriteria: Extractor = (doc) => {
  const text = fromText(doc);
  const table = fromTables(doc);
  const merged = new Map<number, Found>(text);
  for (const [g, f] of table) if (!merged.has(g)) merged.set(g, f);
  const entries = [...merged.values()].filter((f) => !f.survey).sort((a, b) => a.entry.group - b.entry.group);
  const provenanceMap: Record<string, Provenance> = {};
  entries.forEach((f, i) => { provenanceMap[`criteria[${i}]`] = f.prov; });
  return { fields: { criteria: entries.map((f) => f.entry) }, provenance: provenanceMap };
};

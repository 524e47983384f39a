// profile.*: the commune's figures (area, population, households, villages, party, cadres, police,
// income, distance to the district centre). Mostly in the opening section ('Khái quát đặc điểm tình
// hình', 'Tình hình chung' …), but read anywhere in the body or in a table ('Dân số | 17.128').
// Patterns run on folded text (no diacritics, lower case); every number is read from its own shape.
import type { Provenance } from '../src/contract.ts';
import type { DocumentModel } from '../src/document/model.ts';
import type { Extractor } from './types.ts';
import { paragraphs } from './lib.ts';
import { findLabelled, labelMatches, labelledValues, type LabelledValue } from './labelled.ts';
import { PROFILE_LABELS, type ProfileKey } from './profile-labels.ts';
import {
  BOW, EOW, N, OTHER_SCOPE, W, before, clauseAt, findFirst, headingOf, maskedFolded, tableContext, foldKeep, int, isYear, linesPreferring, num, provFor, reportYear, round6, sentenceSpans,
  type Hit, type Line, type QuoteSize,
} from './find.ts';
import { DISQUALIFY, type ConceptId } from './lexicon.ts';
import type { Mention } from './text/mentions.ts';
import { lineMentions, pick, superseded } from './text/pick.ts';

/** Headings of the opening section that describes the commune. */
export const PROFILE_SECTION = /khai quat|dac diem|tinh hinh chung|tong quan|thong tin chung|gioi thieu chung|tinh hinh dia phuong|dieu kien tu nhien|so luoc|so lieu (?:co ban|chung|tong quan)|thong tin co ban|khai luoc/;

type Profile = {
  areaHa?: number; population?: number; households?: number; villages?: number;
  partyCells?: number; partyMembers?: number; cadres?: number; canBo?: number; congChuc?: number;
  police?: number; incomePerCapitaMillionVnd?: number; distanceToDistrictKm?: number;
};

const GAP = (n: number) => String.raw`([^.;\d]{0,${n}}?)`;
/** A gap that may hold a year ('dân số năm 2023 là …'). */
const GAP_Y = (n: number) => String.raw`((?:[^.;\d]|(?<=nam\s)\d{4}(?!\d)){0,${n}}?)`;
/** Not a bare year (unless a unit of people follows: 'dân số 2010 người' is rare but a count). */
const NOT_YEAR = String.raw`(?!(?:19[89]\d|20[0-3]\d)(?![\d.,])(?!\s*(?:nhan khau|khau|nguoi)))`;

// --- area -----------------------------------------------------------------------------------
const AREA_UNIT = String.raw`(ha|hecta|km2|km²|km 2|km vuong)${EOW}`;
const AREA = [
  // 'diện tích tự nhiên là 1.719,58 ha', 'tổng diện tích: 17,1958 km2'
  new RegExp(String.raw`dien tich${GAP(60)}(?:khoang\s*)?${N}\s*${AREA_UNIT}`, 'u'),
  // 'Diện tích tự nhiên (ha): 1.719,58' (labels, table rows)
  new RegExp(String.raw`dien tich${GAP(60)}\(?\s*${AREA_UNIT}\s*\)?\s*:?\s*${N}`, 'u'),
  // '1.719,58 ha diện tích tự nhiên'
  new RegExp(String.raw`${N}\s*${AREA_UNIT}\s*(?:dien tich\s*)?(?:dat\s*)?tu nhien`, 'u'),
];
/** Areas of one kind of land, not the commune's natural area. */
const AREA_NOT = W('nong nghiep|lua|canh tac|gieo|gieo trong|trong trot|mat nuoc|rung|nuoi|nuoi trong|san xuat|xay dung|su dung|dat o|cay|vu|thu hoi|giai phong|du an|quy hoach|ngap|thiet hai|nha o');

function readArea(m: RegExpExecArray, pi: number): number | null {
  let gap: string, raw: string, unit: string;
  if (pi === 0) [gap, raw, unit] = [m[1]!, m[2]!, m[3]!];
  else if (pi === 1) [gap, unit, raw] = [m[1]!, m[2]!, m[3]!];
  else [gap, raw, unit] = ['', m[1]!, m[2]!];
  if (AREA_NOT.test(gap) || OTHER_SCOPE.test(gap)) return null;
  const v = num(raw);
  if (v === null || v <= 0) return null;
  return unit.startsWith('km') ? round6(v * 100) : v;
}

// --- population -----------------------------------------------------------------------------
const POP_UNIT = String.raw`(nhan khau|khau(?!\s*hieu)|nguoi|nk|dan)${EOW}`;
const POPULATION = [
  // 'dân số là 17.128 nhân khẩu', 'Dân số: 17.128 người', 'tổng dân số toàn xã 17 128 khẩu'
  new RegExp(String.raw`dan so${GAP_Y(50)}(?:khoang\s*|hon\s*|gan\s*)?${NOT_YEAR}${N}\s*(?:${POP_UNIT})?`, 'u'),
  // '17.128 nhân khẩu'
  new RegExp(String.raw`${N}\s*(nhan khau|khau(?!\s*(?:hieu|trang|phan)))${EOW}`, 'u'),
];
const POP_NOT = /(?<![\p{L}])(?:ty le|tang|giam|mat do|lao dong|do tuoi|di cu|bien dong|nu|tre em|nguoi cao tuoi|dan toc)(?![\p{L}])|(?:nam|thang)\s*$/u;

// --- households -----------------------------------------------------------------------------
const HH_NOT_AFTER = String.raw`(?!\s*(?:ngheo|can ngheo|kinh doanh|thoat ngheo|chinh sach|kho khan|khau|tro|san xuat|gia dinh (?:chinh sach|van hoa|ngheo|co cong)|tham gia|duoc|co cong|dan toc|theo|nguoi|dang ky|da|van hoa|su dung|lap|xay|nhan|bi|dong bao))`;
const HOUSEHOLDS = [
  // '3.807 hộ gia đình', '3807 hộ'
  new RegExp(String.raw`${N}\s*(?:ho gia dinh|ho dan|ho)${EOW}${HH_NOT_AFTER}`, 'u'),
  // 'Tổng số hộ: 3.807', 'số hộ gia đình là 3807'
  new RegExp(String.raw`${BOW}so ho(?: gia dinh| dan)?${EOW}${GAP(30)}${N}`, 'u'),
];
const HH_NOT_GAP = W('ngheo|can ngheo|kinh doanh|chinh sach|kho khan|san xuat|van hoa|tham gia|duoc|co cong');

// --- villages -------------------------------------------------------------------------------
const VILLAGE_WORD = String.raw`(?:thon|xom|lang|ban(?=\s*[,;.)(]|\s*$|\s+va\s)|ap(?!\s*(?:dung|luc))|buon|soc|to dan pho|tdp|khu pho|khu dan cu|to dan cu|khoi(?=\s*[,;.)(]|\s*$|\s+(?:pho|dan cu|va)))${EOW}`;
const VILLAGES = [
  // '11 thôn', 'gồm 11 thôn, làng', '09 tổ dân phố'
  new RegExp(String.raw`${N}\s*${VILLAGE_WORD}(?!\s*(?:van hoa|dat|kieu mau|nong thon moi|thong minh|an toan|da|chua|duoc|tham gia|co|xay|thuc hien|hoan thanh|trien khai|to chuc))`, 'u'),
  // 'Số thôn: 11', 'Số thôn, tổ dân phố | 11'
  new RegExp(String.raw`${BOW}so (?:luong )?${VILLAGE_WORD}(?:,?\s*${VILLAGE_WORD})*${GAP(20)}${N}`, 'u'),
];

/** Verbs of living or being spread over places: 'sinh hoạt tại', 'sinh sống ở', 'phân bố ở'. */
const RESIDE = /(?<![\p{L}])(?:sinh hoat|sinh song|cu tru|phan bo|song|tap trung|phan chia|chia)\s+(?:tai|o)\s*$/u;

// --- party ----------------------------------------------------------------------------------
/** Words after 'N chi bộ' that make it a part (a kind of cell), not the total. */
const CELL_KINDS = String.raw`(?!\s*(?:nong nghiep|nong thon|nha truong|truong|cong an|quan su|tram y te|y te|thon|khu|to dan pho|doanh nghiep|co quan|giao duc|hop tac xa|mam non|tieu hoc|thcs|trung hoc|dang|hanh chinh|ngoai|xom|lang|ban|dan cu|an ninh|dat|hoan thanh|xep loai|duoc|trong sach|vung manh|buu dien|quy tin dung|htx|cong ty|khoi))`;
const PARTY_CELLS = [
  new RegExp(String.raw`${N}\s*chi bo${EOW}${CELL_KINDS}`, 'u'),
  new RegExp(String.raw`${BOW}(?:tong )?so chi bo${EOW}${GAP(20)}${N}`, 'u'),
];
const PARTY_MEMBERS = [
  new RegExp(String.raw`${N}\s*(?:dong chi\s*)?dang vien${EOW}(?!\s*(?:moi|du bi|chinh thuc|nu|duoc|dat|hoan thanh|tre|xuat sac|huy hieu|tuoi|khong|vi pham|bi))`, 'u'),
  new RegExp(String.raw`${BOW}(?:tong )?so dang vien${EOW}${GAP(25)}${N}`, 'u'),
];

// --- police ---------------------------------------------------------------------------------
const POLICE = [
  // 'Công an chính quy có 05 người', 'công an xã (chính quy) gồm 05 đồng chí', 'lực lượng công an chính quy: 05'
  new RegExp(String.raw`cong an[^.;\d]{0,40}?chinh quy${GAP(25)}${N}`, 'u'),
  // '05 đồng chí công an chính quy'
  new RegExp(String.raw`${N}\s*(?:dong chi|nguoi|d\/c|can bo|chien si|cbcs)?\s*(?:la\s*)?(?:luc luong\s*)?cong an(?:\s*xa)?\s*(?:la\s*)?chinh quy`, 'u'),
  // 'Công an xã có 05 đồng chí chính quy'
  new RegExp(String.raw`cong an${GAP(30)}${N}\s*(?:dong chi|nguoi|d\/c|can bo|chien si|cbcs)\s*(?:la\s*)?(?:cong an\s*)?chinh quy`, 'u'),
  // 'Công an phường hiện có 24 cán bộ, chiến sĩ' — the commune's own force (regular since 2023), when the
  // clause does not say otherwise ('… công an viên bán chuyên trách' is checked in the reader).
  new RegExp(String.raw`cong an (?:xa|phuong|thi tran)(?:\s+(?:hien nay|hien|hien tai))?\s*(?:co|gom|gom co|la)?\s*:?\s*${N}\s*(?:dong chi|nguoi|d\/c|can bo|chien si|cbcs)(?![\p{L}])`, 'u'),
];

// --- income ---------------------------------------------------------------------------------
const INCOME = [
  new RegExp(String.raw`(?:thu nhap binh quan|thu nhap bq|tnbq|thu nhap dau nguoi|binh quan thu nhap|thu nhap trung binh)([^.;]{0,70}?)${NOT_YEAR}${N}\s*(trieu dong|trieu|tr\.?\s?d|tr|nghin dong|ngan dong|dong|vnd)${EOW}([^.;,]{0,25})`, 'u'),
];

// --- distance -------------------------------------------------------------------------------
/** The seat of the district named before it: 'trung tâm', 'trụ sở UBND', 'trung tâm hành chính' … */
const SEAT = String.raw`(?:(?:trung tam|uy ban nhan dan|ubnd|tru so|hanh chinh|chinh tri)\s+){0,3}`;
const KM = String.raw`(?:khoang\s*|chung\s*|gan\s*|hon\s*|xap xi\s*)?${N}\s*(?:km|ki\s?-?lo\s?-?met|kilomet|cay so)${EOW}`;
const DISTANCE = [
  // 'cách trung tâm huyện 8.0 km', 'cách huyện lỵ khoảng 8km'
  new RegExp(String.raw`cach ${SEAT}(?:huyen ly|huyen|thi xa|thi tran|trung tam hanh chinh huyen)${EOW}${GAP(60)}${KM}`, 'u'),
  // 'khoảng cách đến trung tâm huyện: 8 km'
  new RegExp(String.raw`(?:khoang cach|cu ly)[^.;\d]{0,20}?(?:den|toi|ve|tu) (?:trung tam )?(?:huyen|thi xa)${EOW}${GAP(40)}${KM}`, 'u'),
  // 'cách trung tâm thành phố 2 km' — only for a commune of a thành phố / thị xã / quận (checked below)
  new RegExp(String.raw`cach ${SEAT}(?:thanh pho|thi xa|quan)${EOW}${GAP(60)}${KM}`, 'u'),
  // 'Từ xã đến trung tâm huyện khoảng 6 km'
  new RegExp(String.raw`(?:tu|di tu) (?:tru so )?(?:xa|phuong|thi tran|trung tam xa)(?![\p{L}])[^.;\d]{0,20}?(?:den|toi|ve|ra) ${SEAT}(?:huyen ly|huyen|thi xa)${EOW}${GAP(40)}${KM}`, 'u'),
];
/** The commune belongs to a district-level city or town: its 'thành phố' is its district. */
const OF_CITY = W('phuong|(?:cua|thuoc) (?:thanh pho|thi xa|quan)');

function read1(m: RegExpExecArray, g: number, check?: (v: number) => boolean): number | null {
  const raw = m[g];
  if (raw === undefined) return null;
  const v = int(raw);
  if (v === null) return null;
  return check && !check(v) ? null : v;
}

// --- cadres ---------------------------------------------------------------------------------
const CBCC = String.raw`(?:can bo,?\s*(?:va\s*)?cong chuc|cbcc|cb,?\s*cc|cb\s*-\s*cc)${EOW}`;
const NOT_KCT = String.raw`(?!\s*,?\s*(?:va\s*)?(?:nguoi hoat dong|khong chuyen trach|nguoi lao dong|hop dong|nhan vien))`;
const CADRES_TOTAL = [
  // 'Tổng số cán bộ, công chức … là 21 người', 'Cán bộ, công chức: 21'
  new RegExp(String.raw`${CBCC}${NOT_KCT}([^.;()\d]{0,60}?)${N}\s*(?:nguoi|dong chi|d\/c)?`, 'u'),
  // '21 cán bộ, công chức'
  new RegExp(String.raw`${N}\s*(?:nguoi\s*|dong chi\s*|d\/c\s*)?(?:la\s*)?${CBCC}${NOT_KCT}`, 'u'),
  // '(tổng 21)', '(tổng số: 21 người)'
  new RegExp(String.raw`\(\s*(?:tong so|tong cong|tong|cong)\s*:?\s*${N}`, 'u'),
  // '10 cán bộ, 10 công chức, tổng cộng 20 người': the total after its parts
  new RegExp(String.raw`[,;]\s*(?:tong so|tong cong|tong|cong)\s*:?\s*(?:la\s*)?${N}\s*(?:nguoi|dong chi|d\/c)(?![\p{L}])`, 'u'),
];
const CAN_BO = [
  new RegExp(String.raw`${N}\s*(?:dong chi\s*|nguoi\s*|d\/c\s*)?(?:la\s*)?can bo(?: chuyen trach)?${EOW}(?!\s*,?\s*(?:va\s*)?cong chuc)(?!\s*khong)`, 'u'),
  new RegExp(String.raw`${BOW}(?:can bo(?: chuyen trach)?|cb)${EOW}(?!\s*,?\s*(?:va\s*)?(?:cong chuc|cc)${EOW})(?!\s*khong)(?:\s+(?:xa|phuong|thi tran))?\s*(?::|la|co|gom)?\s*${N}`, 'u'),
];
const CONG_CHUC = [
  new RegExp(String.raw`${N}\s*(?:dong chi\s*|nguoi\s*|d\/c\s*)?(?:la\s*)?cong chuc${EOW}`, 'u'),
  new RegExp(String.raw`(?<!(?:can bo|cb)\s*,?\s*(?:va\s*)?)${BOW}(?:cong chuc|cc)${EOW}(?:\s+(?:xa|phuong|thi tran))?\s*(?::|la|co|gom)?\s*${N}`, 'u'),
];
/** Sentences about other groups of people than the commune's staff. */
const CADRES_NOT = W('tap huan|boi duong|tham gia|dao tao|hoc tap|cu di|khen thuong|ky luat|vi pham|danh gia|xep loai|nghi huu|tuyen dung|tiep dan');

interface CadresResult {
  cadres?: Hit<number>;
  canBo?: Hit<number>;
  congChuc?: Hit<number>;
}

function findCadres(groups: Line[][]): CadresResult {
  for (let gi = 0; gi < groups.length; gi++) {
    for (const line of groups[gi]!) {
      if (!/cong chuc|cbcc|cb,?\s*cc/.test(line.folded)) continue;
      const spans = sentenceSpans(line.text);
      for (let si = 0; si < spans.length; si++) {
        const [a, b] = spans[si]!;
        const f = line.folded.slice(a, b);
        if (!/cong chuc|cbcc|cb,?\s*cc/.test(f) || CADRES_NOT.test(f)) continue;
        // Outside the profile section, only sentences that present the staff.
        if (gi > 0 && !W('tong so|doi ngu|hien co|bien che|hien nay|gom|trong do').test(f)) continue;
        const sub: Line = { ...line, folded: line.folded.slice(0, b).padEnd(line.folded.length, ' ') };
        const res: CadresResult = {};
        const total = earliestIn(sub, a, CADRES_TOTAL, (m, pi) => {
          if (pi === 0 && W('khong chuyen trach|nguoi hoat dong|tham gia|va|trong do').test(m[1]!)) return null;
          const numEnd = m.index + m[0].indexOf(m[pi === 0 ? 2 : 1]!, pi === 0 ? m[1]!.length : 0) + m[pi === 0 ? 2 : 1]!.length;
          const after = sub.folded.slice(numEnd, numEnd + 40);
          if (W('hoat dong|khong chuyen trach').test(after.split(/[,;(]/)[0]!)) return null;
          // 'cán bộ, công chức gồm 9 cán bộ và 11 công chức': a part, not the total.
          if (pi === 0 && new RegExp(String.raw`^\s*(?:nguoi\s*|dong chi\s*)?(?:can bo|cong chuc|cb|cc)${EOW}(?!,?\s*(?:va\s*)?cong chuc)`, 'u').test(after)) return null;
          if (pi >= 2 && !/can bo|cong chuc|cb|cc/.test(f)) return null;
          const raw = m[pi === 0 ? 2 : 1]!;
          if (isYear(raw) && /nam\s*$/.test(before(sub, m.index + m[0].indexOf(raw), 6))) return null;
          return int(raw);
        });
        // Parts: in this sentence, or in the next one when it continues it ('Trong đó: …').
        let partsEnd = b;
        const next = spans[si + 1];
        if (next && /^\s*(?:trong do|gom|cu the|-)/.test(line.folded.slice(next[0], next[1]))) partsEnd = next[1];
        const partsLine: Line = { ...line, folded: line.folded.slice(0, partsEnd).padEnd(line.folded.length, ' ') };
        const canBo = firstIn(partsLine, a, CAN_BO, (m) => int(m[1]));
        const congChuc = firstIn(partsLine, a, CONG_CHUC, (m) => int(m[1]));
        if (total) res.cadres = total;
        if (canBo) res.canBo = canBo;
        if (congChuc) res.congChuc = congChuc;
        if (total || canBo || congChuc) return res;
      }
    }
  }
  return {};
}

/** The match of the patterns that starts first on a line at or after `from` (the total stated before
 *  its parts: '21 cán bộ, công chức, trong đó cán bộ 10 người …'). */
function earliestIn(line: Line, from: number, patterns: RegExp[], read: (m: RegExpExecArray, pi: number) => number | null): Hit<number> | null {
  const hits = patterns.map((p, pi) => firstIn(line, from, [p], (m) => read(m, pi))).filter((h): h is Hit<number> => h !== null);
  return hits.sort((x, y) => x.start - y.start)[0] ?? null;
}

/** First match of the patterns (in pattern order) on a line at or after `from`. */
function firstIn(line: Line, from: number, patterns: RegExp[], read: (m: RegExpExecArray, pi: number) => number | null): Hit<number> | null {
  for (let pi = 0; pi < patterns.length; pi++) {
    const re = new RegExp(patterns[pi]!.source, 'gu');
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line.folded))) {
      const v = read(m, pi);
      if (v !== null) return { value: v, line, start: m.index, end: m.index + m[0].length, match: m };
    }
  }
  return null;
}

// --------------------------------------------------------------------------------------------

/** Headings and table contexts about the commune's activities, whose lists of people or things
 *  ('Đối tượng tập huấn: Cán bộ, công chức | 170') are not its figures. */
const ACTIVITY = /tap huan|boi duong|kiem tra|giam sat|kinh phi|tuyen truyen|khen thuong|khao sat|tiep cong dan|danh gia|xep loai/;

/** Labelled values outside the profile section that still describe the commune: not under a heading
 *  about an activity, and, for a table, one that gives at least two of the commune's figures. */
function profileLike(doc: DocumentModel, values: LabelledValue[]): LabelledValue[] {
  const byBlock = new Map<unknown, LabelledValue[]>();
  for (const v of values) byBlock.set(v.line.block, [...(byBlock.get(v.line.block) ?? []), v]);
  const out: LabelledValue[] = [];
  for (const [block, vs] of byBlock) {
    const b = block as LabelledValue['line']['block'];
    const ctx = b.kind === 'table' ? tableContext(doc, b) : foldKeep(headingOf(doc, b) ?? '');
    if (ACTIVITY.test(ctx)) continue;
    if (b.kind === 'table') {
      const keys = (Object.keys(PROFILE_LABELS) as ProfileKey[]).filter((k) => vs.some((v) => labelMatches(v, PROFILE_LABELS[k].spec)));
      if (keys.length < 2) continue;
    }
    out.push(...vs);
  }
  return values.filter((v) => out.includes(v));
}

export const extractProfile: Extractor = (doc: DocumentModel) => {
  // Dates and cited documents blanked out: 'Dân số (ước đến 30/11/2024) là 11.562 người'.
  const groups = linesPreferring(doc, PROFILE_SECTION).map((g) => g.map((l) => ({ ...l, folded: maskedFolded(l) })));
  const labelled = groups.map((g, gi) => {
    const values = labelledValues(doc, g, reportYear(doc));
    return gi === 0 ? values : profileLike(doc, values);
  });
  const profile: Profile = {};
  const prov: Record<string, Provenance> = {};
  const hits: Partial<Record<keyof Profile, Hit<number>>> = {};
  const put = (key: keyof Profile, hit: Hit<number> | null | undefined, size: QuoteSize = 'phrase') => {
    if (!hit) return;
    hits[key] = hit;
    profile[key] = hit.value;
    prov[`profile.${key}`] = provFor(hit.line, hit.start, hit.end, size);
  };
  /** A field from the profile section first, then from the rest: in each, a labelled value
   *  ('Dân số | người | 12.345', '- Số hộ: 3.412 hộ') before the prose patterns. */
  const search = (key: ProfileKey, patterns: RegExp[], read: Parameters<typeof findFirst<number>>[2]): Hit<number> | null => {
    const { spec, read: readLabelled } = PROFILE_LABELS[key];
    for (let gi = 0; gi < groups.length; gi++) {
      const l = findLabelled(labelled[gi]!, spec, readLabelled);
      if (l) return { value: l.value, line: l.v.line, start: l.v.start, end: l.v.end, match: null as unknown as RegExpExecArray };
      const hit = findFirst([groups[gi]!], patterns, read);
      if (hit) return hit;
    }
    return null;
  };

  put('areaHa', search('areaHa', AREA, (m, _l, pi) => readArea(m, pi)));

  put('population', search('population', POPULATION, (m, line, pi) => {
    if (pi === 0) {
      const [gap, raw, unit] = [m[1]!, m[2]!, m[3]];
      if (/mat do\s*$/.test(before(line, m.index, 8)) || POP_NOT.test(gap) || OTHER_SCOPE.test(gap)) return null;
      if (isYear(raw) && !unit) return null;
      const after = line.folded.slice(m.index + m[0].length);
      if (/^\s*(?:nguoi\s*)?\/\s*km/.test(after)) return null;
      // 'Dân số: toàn xã có 3.807 hộ, 17.128 nhân khẩu' — a number of something else.
      if (!unit && /^\s*(?:ho|thon|to|khu|chi bo|dang vien|ha|km|lao dong|nam|thang|tuoi|lan|%|trieu|dong)(?![\p{L}])/u.test(after)) return null;
      return read1(m, 2, (v) => v >= 50);
    }
    if (/trong do\s*$|\(\s*$/.test(before(line, m.index, 12))) return null;
    return read1(m, 1, (v) => v >= 50);
  }));

  put('households', search('households', HOUSEHOLDS, (m, line, pi) => {
    if (pi === 0) {
      if (/trong do[^.;]{0,10}$|ket nap\s*$/.test(before(line, m.index, 20))) return null;
      return read1(m, 1, (v) => v >= 10);
    }
    if (HH_NOT_GAP.test(m[1]!)) return null;
    return read1(m, 2, (v) => v >= 10);
  }));

  put('villages', search('villages', VILLAGES, (m, line, pi) => {
    if (pi === 0) {
      const pre = before(line, m.index, 30);
      if (/(?:^|\s)(?:nam|thang|ngay|cua)\s*$/.test(pre)) return null;
      // 'tại 03 thôn' (where something happened) is not the commune's villages; 'sinh sống ở 12 thôn' is.
      if (/(?:^|\s)(?:tai|o)\s*$/.test(pre) && !RESIDE.test(pre)) return null;
      return read1(m, 1, (v) => v >= 1 && v < 200);
    }
    return read1(m, m.length - 1, (v) => v >= 1 && v < 200);
  }));

  put('partyCells', search('partyCells', PARTY_CELLS, (m, line, pi) => {
    if (pi === 0) {
      if (/trong do[^.;]{0,10}$|\(\s*$/.test(before(line, m.index, 20))) return null;
      return read1(m, 1, (v) => v >= 1 && v < 500);
    }
    return read1(m, 2, (v) => v >= 1 && v < 500);
  }));

  put('partyMembers', search('partyMembers', PARTY_MEMBERS, (m, line, pi) => {
    if (pi === 0) {
      if (W('ket nap|trong do|phat trien|chuyen sinh hoat').test(before(line, m.index, 30))) return null;
      return read1(m, 1, (v) => v >= 1);
    }
    if (W('moi|du bi|ket nap').test(m[1]!)) return null;
    return read1(m, 2, (v) => v >= 1);
  }));

  const cadres = findCadres(groups);
  const staff = (key: 'cadres' | 'canBo' | 'congChuc'): Hit<number> | null => {
    const { spec, read } = PROFILE_LABELS[key];
    for (const values of labelled) {
      const l = findLabelled(values, spec, read);
      if (l) return { value: l.value, line: l.v.line, start: l.v.start, end: l.v.end, match: null as unknown as RegExpExecArray };
    }
    return null;
  };
  put('cadres', staff('cadres') ?? cadres.cadres, 'clause');
  put('canBo', staff('canBo') ?? cadres.canBo, 'clause');
  put('congChuc', staff('congChuc') ?? cadres.congChuc, 'clause');

  put('police', search('police', POLICE, (m, line, pi) => {
    const raw = pi === 0 ? m[2] : pi === 2 ? m[2] : m[1];
    if (raw === undefined) return null;
    if (pi === 3 && W('ban chuyen trach|cong an vien|khong chuyen trach').test(line.folded.slice(m.index, clauseAt(line.folded, m.index)[1]))) return null;
    if (pi === 0) {
      if (W('tham gia|tap huan|phoi hop|giai quyet|xu ly|tiep nhan').test(m[1]!)) return null;
      // A count of people: a unit after the number, or a label/verb of counting just before it.
      const after = line.folded.slice(m.index + m[0].length);
      if (!/^\s*(?:nguoi|dong chi|d\/c|dc|can bo|chien si|cbcs)(?![\p{L}])/u.test(after) && !/(?:(?<![\p{L}])(?:co|gom|la|gom co|tong so)|:)\s*$/u.test(m[1]!)) return null;
    }
    const v = int(raw);
    return v !== null && v < 200 ? v : null;
  }));

  put('incomePerCapitaMillionVnd', search('incomePerCapitaMillionVnd', INCOME, (m) => {
    const [, , raw, unit, after] = m;
    if (W('tang|giam|so voi').test(m[1]!.slice(-12))) return null;
    let v = num(raw);
    if (v === null) return null;
    if (/^(nghin|ngan)/.test(unit!)) v = v / 1000;
    else if (/^(dong|vnd)/.test(unit!)) v = v / 1e6;
    if (/^\s*\/?\s*(?:nguoi\s*\/\s*)?thang|moi thang|\/\s*thang/.test(after ?? '')) v = v * 12;
    return round6(v);
  }));

  const headText = foldKeep(paragraphs(doc, ['header', 'title']).map((p) => p.text).join(' '));
  put('distanceToDistrictKm', search('distanceToDistrictKm', DISTANCE, (m, line, pi) => {
    if (pi === 2 && !OF_CITY.test(line.folded) && !OF_CITY.test(headText)) return null;
    const v = num(m[2]);
    return v !== null && v < 500 ? v : null;
  }));

  reconcile(groups, profile, prov, hits);
  return { fields: { profile }, provenance: prov };
};

// --- the clause reader's view ------------------------------------------------------------------

type MentionKey = 'areaHa' | 'population' | 'households' | 'villages' | 'partyCells' | 'partyMembers' | 'cadres' | 'canBo' | 'congChuc';
const isInt = (min: number, max = Infinity) => (m: Mention) => Number.isInteger(m.value) && m.value >= min && m.value <= max;
const BY_MENTION: Record<MentionKey, { accept: (m: Mention) => boolean; parts?: boolean; concept?: ConceptId; value?: (m: Mention) => number }> = {
  areaHa: { concept: 'area', accept: (m) => m.value > 0 && /^(?:ha|hecta|km)/.test(m.unit), value: (m) => (/^km/.test(m.unit) ? round6(m.value * 100) : m.value) },
  population: { accept: isInt(50) },
  households: { accept: isInt(10) },
  villages: { accept: isInt(1, 199) },
  partyCells: { accept: isInt(1, 499) },
  partyMembers: { accept: isInt(1) },
  cadres: { accept: isInt(1, 199) },
  canBo: { accept: isInt(0, 99), parts: true },
  congChuc: { accept: isInt(0, 99), parts: true },
};

/** A line whose usable mentions name at least two of the commune's figures ('9 thôn, 3.107 hộ/12.128 nhân khẩu'). */
function describesCommune(line: Line): boolean {
  const concepts = new Set(Object.entries(BY_MENTION).map(([k, v]) => v.concept ?? k));
  const kinds = new Set(lineMentions(line).filter((m) => !DISQUALIFY.some((q) => m.qualifiers.has(q)) && concepts.has(m.concept)).map((m) => m.concept));
  return kinds.size >= 2;
}

/** The mention a hit was read from, when the clause reader found one at the same number. */
function mentionAt(hit: Hit<number>, concept: ConceptId): Mention | null {
  return lineMentions(hit.line).find((m) => m.concept === concept && m.start >= hit.start - 1 && m.start <= hit.end) ?? null;
}

/** The clause reader checks the patterns' values and fills what they missed: a value that a qualifier
 *  disqualifies ('được giao 23' is a quota) gives way to the reader's value; a field the patterns left
 *  empty takes the reader's value from the profile section only. */
function reconcile(groups: Line[][], profile: Profile, prov: Record<string, Provenance>, hits: Partial<Record<keyof Profile, Hit<number>>>): void {
  for (const key of Object.keys(BY_MENTION) as MentionKey[]) {
    const spec = BY_MENTION[key];
    const hit = hits[key];
    const concept = spec.concept ?? (key as ConceptId);
    const at = hit ? mentionAt(hit, concept) : null;
    const disqualified = at !== null && (DISQUALIFY.some((q) => at.qualifiers.has(q)) || superseded(at, lineMentions(hit!.line)));
    if (hit && !disqualified) continue;
    // Outside the profile section only a line that states several of the commune's figures describes it.
    const fillGroups = hit ? groups : [groups[0]!, groups[1]!.filter(describesCommune)];
    const picked = pick(fillGroups, concept, { accept: spec.accept, parts: spec.parts });
    if (picked) {
      profile[key] = spec.value ? spec.value(picked.mention) : picked.mention.value;
      prov[`profile.${key}`] = { ...picked.prov, confidence: picked.confidence, ...(picked.why ? { why: picked.why } : {}) };
    } else if (disqualified) {
      delete profile[key];
      delete prov[`profile.${key}`];
    }
  }
}

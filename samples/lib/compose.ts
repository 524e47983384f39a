// One generated report: its facts (from the commune and the period), the words and layout it
// is written in, and — from what the composer actually wrote, not from the facts — the
// expected extraction. A value that the report does not state stays null in the expected
// result; every document cited is recorded in order; every deliberate error adds its flag.
import { emptyFields, type ExtractedFields, type FlagCode } from '../../src/contract.ts';
import {
  annexCaption, annexTitle, tableBudget, tableDocuments, tableInspections, tableStars,
  tableSteeringCommune, tableSteeringDistrict, tableSupportCommune, tableSupportDistrict, tableTraining,
  type DocumentRow, type SteeringHead,
} from './annex.ts';
import { Body, type HeadingMode, type SubScheme, type TopScheme } from './body.ts';
import { CRITERIA_BG_2024, SURVEY_GROUP } from './criteria.ts';
import type { Expected } from './expected.ts';
import { headerBlocks, signatureBlocks, titleBlocks, type HeaderMode, type SignatureMode } from './layout.ts';
import { modelToText, para, type Block, type DocModel } from './model.ts';
import * as ph from './phrasing.ts';
import { Rng } from './prng.ts';
import { loadUnits, type Unit } from './units.ts';
import {
  altTonePlacement, clean, compareYMD, fmtDateSlash, fmtDateWords, isoDate, misspell, randomDate, upper, type YMD,
} from './vn.ts';

export type SamplePeriod = '2024-H1' | '2024' | '2025-H1';
export const SAMPLE_PERIODS: SamplePeriod[] = ['2024-H1', '2024', '2025-H1'];

/** How a sample file is made: 'docx' with the docx package; 'docx-lo' HTML → LibreOffice .docx;
 *  'pdf-lo' HTML → LibreOffice .docx → PDF; 'pdf-docx' docx package → LibreOffice PDF; the '-nfd'
 *  ones the same with every text decomposed (Unicode NFD) before rendering: 'docx-nfd' (docx
 *  package, NFD in word/document.xml), 'docx-lo-nfd' (LibreOffice keeps it NFD), 'pdf-nfd' (the
 *  PDF's text layer comes out NFD too). */
export type Output = 'docx' | 'docx-lo' | 'pdf-lo' | 'pdf-docx' | 'docx-nfd' | 'docx-lo-nfd' | 'pdf-nfd';
export const OUTPUTS: readonly Output[] = ['docx', 'docx-lo', 'pdf-lo', 'pdf-docx', 'docx-nfd', 'docx-lo-nfd', 'pdf-nfd'];

/** Documents that are not such reports: an invitation, minutes, a report on another topic
 *  (natural disasters, administrative reform), a plan. */
export type OtherKind = 'invitation' | 'minutes' | 'disaster' | 'plan' | 'reform';

export type NameVariant = 'canonical' | 'altToneAll' | 'altToneMixed' | 'misspelled';

/** Where a report contradicts its title's period (PERIOD_MISMATCH): its closing sentence, its
 *  own 'UBND xã … báo cáo kết quả … như sau' sentence, or a line under an annex title. */
export type PeriodMismatch = 'none' | 'closing' | 'intro' | 'annex';

export interface Features {
  /** How the report spells its commune: as the registry, with the other tone placement
   *  throughout or in places (not a mismatch), or misspelled below the heading (a mismatch). */
  nameVariant: NameVariant;
  /** Cadres total ≠ cán bộ + công chức. */
  sumError: boolean;
  /** An unmet indicator outside its group, or fewer named than total − met. */
  criteriaInconsistent: 'none' | 'outOfRange' | 'countMismatch';
  blankNumber: boolean;
  blankDate: boolean;
  /** The unit is not in the registry as written (UNKNOWN_UNIT): the commune misspelled everywhere,
   *  heading included (so no COMMUNE_NAME_MISMATCH), or the district misspelled everywhere. */
  unknownUnit: 'none' | 'commune' | 'district';
  /** The text says N sao, the annex table marks another level (STARS_MISMATCH). */
  starsMismatch: boolean;
  periodMismatch: PeriodMismatch;
  /** What the contradicting place says: the other half of the year (for a whole-year report: a
   *  half), the next year, or last year's period (a copy of the previous report). */
  wrongPeriod: 'none' | 'otherHalf' | 'nextYear' | 'lastYear';
  /** The population number broken across a line ('17.⏎128'): a line break inside the paragraph,
   *  or the paragraph split in two there (as the seed's text is at page breaks). */
  brokenNumber: 'none' | 'lineBreak' | 'paragraph';
}

export const NO_FEATURES: Features = {
  nameVariant: 'canonical', sumError: false, criteriaInconsistent: 'none', blankNumber: false, blankDate: false,
  unknownUnit: 'none', starsMismatch: false, periodMismatch: 'none', wrongPeriod: 'none', brokenNumber: 'none',
};

export interface ReportSpec {
  id: string;
  unit: Unit;
  period: SamplePeriod;
  output: Output;
  features: Features;
  /** The generator's seed: with the id it determines every choice. */
  seed: string;
  /** Set for a document that is not a friendly-government report (lib/others.ts). */
  other?: OtherKind;
  /** Position in the plan. The first reports (the inbox's copies) keep the text they were made
   *  with: variations added later (`extras`) apply from index EXTRAS_FROM on. */
  index: number;
}

/** Reports from this plan index on get the later variations (see ReportSpec.index). */
export const EXTRAS_FROM = 4;

export interface RenderStyle {
  headerMode: HeaderMode;
  headingMode: HeadingMode;
  signatureMode: SignatureMode;
  top: TopScheme;
  sub: SubScheme;
  size: 13 | 14;
  recipientsAsLines: boolean;
}

export interface ComposedReport {
  spec: ReportSpec;
  style: RenderStyle;
  model: DocModel;
  expected: Expected;
  /** The report as plain text (modelToText). */
  text: string;
}

export const fileExtension = (o: Output): 'docx' | 'pdf' => (o.startsWith('docx') ? 'docx' : 'pdf');

// ---------------------------------------------------------------- facts

export interface CommuneFacts {
  centiHa: number;
  population: number;
  households: number;
  villages: number;
  partyBreakdown: [number, string][];
  partyMembers: number;
  canBo: number;
  congChuc: number;
  nonProfessional: number;
  police: number;
  incomeTenths: number;
  distanceTenths: number | null;
  terrain: string;
  direction: string;
  signer: { name: string; position: 'Chủ tịch' | 'Phó Chủ tịch' };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Ngô', 'Đỗ', 'Vũ', 'Dương', 'Bùi', 'Đặng', 'Thân', 'Giáp', 'Hà', 'Lương', 'Nghiêm'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Mạnh', 'Thế'];
const MIDDLE_F = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Hồng'];
const GIVEN_M = ['Hùng', 'Tuấn', 'Dũng', 'Hải', 'Thắng', 'Cường', 'Nam', 'Hiếu', 'Toàn', 'Khánh', 'Tùng', 'Sơn', 'Long'];
const GIVEN_F = ['Hoa', 'Lan', 'Huyền', 'Phương', 'Hương', 'Thủy', 'Hằng', 'Nga', 'Yến'];

function personName(rng: Rng): string {
  const female = rng.chance(0.3);
  return `${rng.pick(FAMILY)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
}

/** Facts of a commune that hold across its reports (seeded by the commune's code). */
export function communeFacts(seed: string, u: Unit, period: SamplePeriod): CommuneFacts {
  const rng = Rng.from(seed, 'commune', u.communeCode);
  const kind = u.communeKind;
  const centiHa = kind === 'phường' ? rng.int(15_000, 90_000) : kind === 'thị trấn' ? rng.int(30_000, 150_000) : rng.int(45_000, 260_000);
  const basePop = kind === 'xã' ? rng.int(5_500, 21_000) : rng.int(7_000, 26_000);
  const pi = SAMPLE_PERIODS.indexOf(period);
  const population = basePop + pi * rng.fork('pop-growth').int(20, 120);
  const perHousehold = rng.int(34, 44) / 10;
  const villages = kind === 'xã' ? rng.int(6, 18) : rng.int(8, 22);
  const schools = rng.int(2, 5);
  const partyBreakdown: [number, string][] =
    kind === 'xã'
      ? [[villages, rng.pick(['chi bộ nông nghiệp', 'chi bộ thôn'])], [1, 'chi bộ trạm y tế'], [1, 'chi bộ Công an'], [schools, 'chi bộ nhà trường']]
      : [[villages, 'chi bộ tổ dân phố'], [1, 'chi bộ Công an'], [1, 'chi bộ Quân sự'], [schools, 'chi bộ nhà trường']];
  const distanceTenths =
    kind === 'phường' ? rng.int(5, 60) : kind === 'thị trấn' ? (rng.chance(0.4) ? rng.int(10, 120) : null) : rng.int(20, 220);
  const leaderRng = rng.fork(`signer-${period.slice(0, 4)}`);
  return {
    centiHa,
    population,
    households: Math.round(population / perHousehold),
    villages,
    partyBreakdown,
    partyMembers: rng.int(180, 650) + pi * rng.fork('pm-growth').int(2, 9),
    canBo: rng.int(9, 11),
    congChuc: rng.int(9, 12),
    nonProfessional: rng.int(8, 14),
    police: rng.int(3, 7),
    incomeTenths: rng.int(420, 720) + (period.startsWith('2025') ? rng.fork('income-2025').int(20, 50) : 0),
    distanceTenths,
    terrain: kind === 'xã' ? ` ${rng.pick(['trung du', 'đồng bằng', 'thuần nông', 'miền núi'])}` : '',
    direction: rng.pick(['Bắc', 'Nam', 'Đông', 'Tây', 'Đông Bắc', 'Tây Nam']),
    signer: { name: personName(leaderRng), position: leaderRng.chance(0.6) ? 'Phó Chủ tịch' : 'Chủ tịch' },
  };
}

interface DocRef {
  kind: string;
  number: string;
  date: YMD;
  /** The tail after the date: ' của Ban chỉ đạo … về việc …'. */
  about: string;
}

// ---------------------------------------------------------------- the composer

const TOP_TITLES = {
  profile: ['Khái quát đặc điểm tình hình', 'Đặc điểm tình hình chung', 'Khái quát chung'],
  leadership: ['Công tác lãnh đạo, chỉ đạo, triển khai thực hiện', 'Công tác quán triệt, triển khai thực hiện', 'Kết quả lãnh đạo, chỉ đạo'],
  results: ['Kết quả triển khai xây dựng chính quyền thân thiện', 'Kết quả thực hiện các tiêu chí chính quyền thân thiện'],
  practices: ['Một số cách làm hay, sáng tạo'],
  assessment: ['Đánh giá chung'],
  direction: ['Phương hướng, nhiệm vụ trọng tâm'],
  proposals: ['Kiến nghị, đề xuất'],
} as const;

type SectionKey = keyof typeof TOP_TITLES;

class Composer {
  readonly ex: ExtractedFields = emptyFields();
  readonly flags = new Set<FlagCode>();
  readonly notes: string[] = [];
  private readonly refs = new Map<string, string | null>();
  private bodyMentions = 0;

  readonly u: Unit;
  readonly f: CommuneFacts;
  readonly year: number;
  readonly wholeYear: boolean;
  readonly kw: string;
  readonly Kw: string;
  readonly dk: string;
  readonly vw: string;
  readonly ns: ph.NumberStyle;
  readonly district: string;
  readonly reportDate: YMD;
  readonly dateStyle: 'pad' | 'nopad' | 'words';
  readonly misspelled: string | null;
  readonly alt: string | null;
  readonly docs: Record<string, DocRef>;

  constructor(readonly spec: ReportSpec, readonly style: RenderStyle, readonly rng: Rng) {
    const u = spec.unit;
    this.u = u;
    this.f = communeFacts(spec.seed, u, spec.period);
    this.year = Number(spec.period.slice(0, 4));
    this.wholeYear = !spec.period.includes('-');
    this.kw = u.communeKind;
    this.Kw = u.communeKind[0]!.toUpperCase() + u.communeKind.slice(1);
    this.dk = u.districtKind;
    this.vw = u.communeKind === 'xã' ? 'thôn' : 'tổ dân phố';
    const r = rng.fork('numbers');
    this.ns = { thousands: r.weighted([['dot', 6], ['space', 2], ['none', 2]]), leadingZero: r.chance(0.5) };
    if (spec.index >= EXTRAS_FROM) this.ns.more = true;
    const altDistrict = altTonePlacement(u.district);
    const unknown = spec.features.unknownUnit;
    if (unknown === 'district') {
      // Misspelled everywhere, into a name that no district of the province has.
      const others = loadUnits().filter((x) => x.provinceCode === u.provinceCode).map((x) => x.district);
      this.district = misspell(u.district, rng.fork('misspell-district'), others);
    } else {
      this.district = altDistrict && rng.fork('district-spelling').chance(0.3) ? altDistrict : u.district;
    }
    this.alt = altTonePlacement(u.commune);
    if (unknown === 'commune') {
      // Misspelled everywhere, into a name that no commune of the district has.
      const others = loadUnits().filter((x) => x.districtCode === u.districtCode).map((x) => x.commune);
      this.misspelled = misspell(u.commune, rng.fork('misspell-unknown'), others);
    } else {
      this.misspelled = spec.features.nameVariant === 'misspelled' ? misspell(u.commune, rng.fork('misspell')) : null;
    }
    const dr = rng.fork('dates');
    this.reportDate = this.wholeYear
      ? randomDate(dr, { y: this.year, m: 11, d: 25 }, { y: this.year, m: 12, d: 20 })
      : randomDate(dr, { y: this.year, m: 6, d: 10 }, { y: this.year, m: 6, d: 27 });
    this.dateStyle = dr.weighted([['pad', 4], ['nopad', 4], ['words', 1]]);
    this.docs = this.makeDocs(spec.seed);
  }

  // ------------------------------------------------------------ names

  /** The commune's name as written at this place of the report. */
  name(where: 'head' | 'body'): string {
    if (this.spec.features.unknownUnit === 'commune') return this.misspelled!;
    const v = this.spec.features.nameVariant;
    const C = this.u.commune;
    if (v === 'canonical') return C;
    if (v === 'altToneAll') return this.alt ?? C;
    if (where === 'head') return C;
    const k = this.bodyMentions++;
    if (v === 'altToneMixed') return k % 2 === 1 ? (this.alt ?? C) : C;
    // misspelled: the first two mentions right, the next two wrong, then either.
    const wrong = k >= 2 && (k < 4 || this.rng.fork(`mention-${k}`).chance(0.5));
    return wrong ? this.misspelled! : C;
  }

  /** 'xã Hòa Sơn' as written in the body. */
  unit(): string {
    return `${this.kw} ${this.name('body')}`;
  }

  // ------------------------------------------------------------ references

  /**
   * The documents a report can cite. Like real ones, they are shared: the province's and the
   * district's documents are the same for every commune of the district in that year (the
   * district's request for the report, for every report of the period), the commune's own
   * are the same in all its reports of the year.
   */
  private makeDocs(seed: string): Record<string, DocRef> {
    const Y = this.year;
    const u = this.u;
    const dk = this.dk;
    const D = this.district;
    const rd = Rng.from(seed, 'docs-district', u.districtCode, Y);
    const rp = Rng.from(seed, 'docs-district', u.districtCode, this.spec.period);
    const rc = Rng.from(seed, 'docs-commune', u.communeCode, Y);
    const day = (r: Rng, m1: number, d1: number, m2: number, d2: number) => randomDate(r, { y: Y, m: m1, d: d1 }, { y: Y, m: m2, d: d2 });
    const directiveDate = this.wholeYear ? day(rp, 11, 5, 11, 22) : day(rp, 5, 25, 6, 8);
    const directive: DocRef = rp.pick([
      { kind: 'Công văn', number: `${rp.int(150, 2400)}-CV/BCĐ`, date: directiveDate, about: ` của Ban chỉ đạo xây dựng chính quyền thân thiện ${dk} ${D}` },
      { kind: 'Công văn', number: `${rp.int(300, 2900)}/UBND-NV`, date: directiveDate, about: ` của UBND ${dk} ${D}` },
      { kind: 'Hướng dẫn', number: `${String(rp.int(2, 19)).padStart(2, '0')}-HD/BCĐ`, date: directiveDate, about: ` của Ban chỉ đạo xây dựng chính quyền thân thiện ${dk} ${D}` },
    ]);
    const partyDate = day(rc, 1, 8, 3, 20);
    const kw = this.kw;
    return {
      directive,
      districtPlan: { kind: 'Kế hoạch', number: `${rd.int(10, 260)}/KH-UBND`, date: day(rd, 1, 5, 2, 27), about: ` của UBND ${dk} ${D} về triển khai xây dựng mô hình chính quyền thân thiện năm ${Y}` },
      registration: { kind: 'Công văn', number: `${String(rd.int(5, 99)).padStart(2, '0')}-CV/BCĐ`, date: day(rd, 1, 8, 1, 31), about: ` của Ban chỉ đạo xây dựng chính quyền thân thiện ${dk} ${D} về việc đăng ký đạt chuẩn “chính quyền thân thiện” năm ${Y}` },
      partyDecision: { kind: 'Quyết định', number: `${rc.int(20, 260)}-QĐ/ĐU`, date: partyDate, about: ` của Đảng ủy ${kw} về việc kiện toàn Ban chỉ đạo, Tổ giúp việc xây dựng mô hình “Chính quyền thân thiện”` },
      steeringNotice: { kind: 'Thông báo', number: `${rc.int(3, 90)}-TB/BCĐ`, date: randomDate(rc, partyDate, { y: Y, m: 3, d: 31 }), about: ' về việc phân công nhiệm vụ thành viên Ban chỉ đạo và Tổ giúp việc' },
      steeringPlan: { kind: 'Kế hoạch', number: `${String(rc.int(2, 60)).padStart(2, '0')}-KH/BCĐ`, date: day(rc, 1, 15, 3, 10), about: ` của Ban chỉ đạo ${kw} triển khai xây dựng chính quyền thân thiện năm ${Y}` },
      communeDecision:
        Y === 2024
          ? { kind: 'Quyết định', number: `${rc.int(60, 240)}/QĐ-UBND`, date: day(rc, 4, 20, 5, 25), about: ` của UBND ${kw} phân công cán bộ, công chức phụ trách các tiêu chí` }
          : { kind: 'Quyết định', number: `${rc.int(5, 90)}/QĐ-UBND`, date: day(rc, 1, 10, 3, 15), about: ` của UBND ${kw} phân công cán bộ, công chức phụ trách các tiêu chí` },
      // The province's criteria set (from the seed) and its directive on propaganda.
      criteria: { kind: 'Quyết định', number: '710/QĐ-UBND', date: { y: 2024, m: 4, d: 17 }, about: ' của Chủ tịch UBND tỉnh' },
      province:
        Y === 2024
          ? { kind: 'Công văn', number: '2858-CV/TU', date: { y: 2024, m: 2, d: 7 }, about: ' của Ban Thường vụ Tỉnh ủy' }
          : { kind: 'Kế hoạch', number: `${Rng.from(seed, 'docs-province', Y).int(40, 180)}-KH/TU`, date: randomDate(Rng.from(seed, 'docs-province-date', Y), { y: Y, m: 1, d: 6 }, { y: Y, m: 2, d: 20 }), about: ' của Ban Thường vụ Tỉnh ủy' },
    };
  }

  private fmtDate(d: YMD): string {
    if (this.dateStyle === 'words') return fmtDateWords(d, true);
    return `ngày ${fmtDateSlash(d, this.dateStyle === 'pad' ? 'pad' : 'nopad')}`;
  }

  private record(number: string, date: YMD): void {
    if (!this.refs.has(number)) this.refs.set(number, isoDate(date));
  }

  /** Cites a document ('Kế hoạch số 133/KH-UBND ngày 01/02/2024 của …') and records it. */
  cite(key: string, withAbout = true): string {
    const doc = this.docs[key]!;
    if (compareYMD(doc.date, this.reportDate) > 0) throw new Error(`${key} dated after the report`);
    this.record(doc.number, doc.date);
    return `${doc.kind} số ${doc.number} ${this.fmtDate(doc.date)}${withAbout ? doc.about : ''}`;
  }

  /** A document listed in the annex table (number and date in separate cells). */
  annexDoc(key: string, title: string): DocumentRow {
    const doc = this.docs[key]!;
    this.record(doc.number, doc.date);
    return { text: `${doc.kind} số ${doc.number} ${title}`, date: fmtDateSlash(doc.date, 'pad') };
  }

  referencesInOrder() {
    return [...this.refs].map(([number, date]) => ({ number, date }));
  }

  // ------------------------------------------------------------ period words

  get periodText(): string {
    return this.wholeYear ? `năm ${this.year}` : `6 tháng đầu năm ${this.year}`;
  }
  get periodShort(): string {
    return this.wholeYear ? `năm ${this.year}` : '6 tháng đầu năm';
  }
  /** A period that contradicts the title's: the other half or the next year. */
  get wrongPeriodText(): string {
    const Y = this.year;
    switch (this.spec.features.wrongPeriod) {
      case 'otherHalf': return this.wholeYear ? `6 tháng đầu năm ${Y}` : `6 tháng cuối năm ${Y}`;
      case 'nextYear': return this.wholeYear ? `năm ${Y + 1}` : `năm ${Y + 1}`;
      case 'lastYear': return this.wholeYear ? `năm ${Y - 1}` : `6 tháng đầu năm ${Y - 1}`;
      default: throw new Error(`${this.spec.id}: no wrong period planned`);
    }
  }
  get nextText(): string {
    return this.wholeYear ? `năm ${this.year + 1}` : `6 tháng cuối năm ${this.year}`;
  }
}

// ---------------------------------------------------------------- composing

function chooseStyle(rng: Rng, output: Output): RenderStyle {
  const viaHtml = output === 'docx-lo' || output === 'pdf-lo';
  return {
    // Tab-stop headers need real tabs, which the HTML route does not carry.
    headerMode: viaHtml ? rng.weighted([['table2x2', 3], ['table1x2', 1], ['stacked', 1]]) : rng.weighted([['table2x2', 3], ['table1x2', 1], ['tabs', 1], ['stacked', 1]]),
    headingMode: rng.weighted([['bold', 4], ['styles', 3], ['plain', 2]]),
    signatureMode: rng.weighted([['table', 3], ['paragraphs', 1]]),
    top: rng.weighted([['roman', 5], ['phan', 2], ['letter', 1]]),
    sub: rng.weighted([['dot', 4], ['paren', 1], ['mixed', 2]]),
    size: rng.weighted([[14, 4], [13, 1]]),
    recipientsAsLines: rng.chance(0.5),
  };
}

export function composeReport(spec: ReportSpec): ComposedReport {
  const rng = Rng.from(spec.seed, spec.id);
  const style = chooseStyle(rng.fork('style'), spec.output);
  const c = new Composer(spec, style, rng);
  const { ex, f, u, ns, kw, Kw, vw } = c;
  const feats = spec.features;
  const pr = rng.fork('presence');
  const Y = c.year;

  // ---- what the report states (decided up front so that text and annexes agree)
  // The profile states the numbers a broken number or a sum error needs.
  const hasProfile = pr.chance(0.88) || feats.brokenNumber !== 'none' || feats.sumError;
  const annexSC = pr.chance(0.55);
  const annexTIB = pr.chance(0.65) || feats.periodMismatch === 'annex';
  const annexStars = pr.chance(0.5) || feats.starsMismatch;
  const annexDocs = pr.chance(0.35);
  const annexDocsFilled = annexDocs && pr.chance(0.5);
  const reorder = pr.chance(0.25);
  const sections: SectionKey[] = reorder
    ? ['profile', 'results', 'leadership', 'assessment', 'direction']
    : ['profile', 'leadership', 'results', 'practices', 'assessment', 'direction', 'proposals'];
  const keep = (k: SectionKey) =>
    (k !== 'profile' || hasProfile) && (k !== 'practices' || pr.chance(0.5)) && (k !== 'proposals' || pr.chance(0.6));
  const order = sections.filter(keep);

  // ---- period facts
  const vr = rng.fork('values');
  const stars = Math.min(5, Rng.from(spec.seed, 'stars', u.communeCode).int(1, 5) + (Y === 2025 ? 1 : 0));
  const starsInText = !annexStars || pr.chance(0.7) || feats.starsMismatch;
  // With a deliberate mismatch the annex marks the neighbouring level; the text's level is the
  // expected value (the text states the registration, the annex is its form).
  const annexStarsLevel = feats.starsMismatch ? (stars >= 4 ? stars - 1 : stars + 1) : stars;
  const sc = { members: vr.int(11, 21), head: (vr.chance(0.75) ? 'Bí thư Đảng ủy' : 'Chủ tịch UBND') as SteeringHead };
  const st = { members: vr.int(5, 12), leader: vr.pick(['Công chức Văn phòng', 'Phó Chủ tịch UBND', 'Công chức Văn phòng - Thống kê']) };
  const scInText = annexSC ? pr.chance(0.35) : pr.chance(0.8);
  const stInText = annexSC ? pr.chance(0.35) : pr.chance(0.7);
  const propagandaValues = { banners: vr.int(5, 40), panels: vr.int(3, 25) };
  const hasPropaganda = pr.chance(0.8);
  const trainingClasses = c.wholeYear ? vr.int(1, 4) : vr.int(0, 3);
  const trainingValues = { classes: trainingClasses, participants: trainingClasses * vr.int(25, 90) };
  const trainingInText = !annexTIB && trainingClasses > 0 && pr.chance(0.7);
  const inspectionsCount = vr.int(annexTIB ? 0 : 1, 3);
  const inspectionsInText = !annexTIB && pr.chance(0.6);
  const budget = (() => {
    const pd = vr.pick([0, 0, 5, 10, 20]);
    const pc = vr.pick([5, 10, 15, 20, 30, 50]);
    const dd = c.wholeYear ? pd : vr.pick([0, pd]);
    const dc = c.wholeYear ? Math.max(0, pc - vr.pick([0, 0, 5])) : 5 * vr.int(0, pc / 5);
    return { planned: { total: pd + pc, district: pd, commune: pc }, disbursed: { total: dd + dc, district: dd, commune: dc } };
  })();
  const budgetSplit = pr.chance(0.65);
  const budgetInText = !annexTIB && pr.chance(0.5);
  const surveyPlanned = vr.pick([5, 6, 7, 7, 8, 10]);
  const surveyDone = c.wholeYear ? (vr.chance(0.8) ? surveyPlanned : surveyPlanned - 1) : vr.int(1, surveyPlanned);
  const satisfactionTenths = vr.chance(0.55) ? 1000 : vr.int(190, 199) * 5;

  // criteria: which indicators are unmet
  const cr = rng.fork('criteria');
  const pUnmet = c.wholeYear ? 0.12 : 0.3;
  const criteria = CRITERIA_BG_2024.map((g) => {
    const k = cr.chance(pUnmet) ? (cr.chance(0.8) ? 1 : 2) : 0;
    const unmet = cr.sample(Array.from({ length: g.size }, (_, i) => g.first + i), k).sort((a, b) => a - b);
    return { group: g.group, met: g.size - k, total: g.size, unmet };
  });
  if (feats.criteriaInconsistent !== 'none') {
    let g = criteria.find((x) => x.unmet.length > 0);
    if (!g) {
      g = criteria[3]!;
      g.unmet = [CRITERIA_BG_2024[3]!.first + cr.int(0, 5)];
      g.met = g.total - 1;
    }
    if (feats.criteriaInconsistent === 'outOfRange') {
      const other = CRITERIA_BG_2024.filter((x) => x.group !== g.group);
      const og = cr.pick(other);
      g.unmet = [og.first + cr.int(0, og.size - 1), ...g.unmet.slice(1)].sort((a, b) => a - b);
      c.notes.push(`nhóm tiêu chí ${g.group} names indicator(s) ${g.unmet.join(', ')} outside its range`);
    } else {
      g.met = g.met - 1;
      c.notes.push(`nhóm tiêu chí ${g.group}: ${g.met}/${g.total} but names only ${g.unmet.length} unmet`);
    }
    c.flags.add('CRITERIA_INCONSISTENT');
  }
  const omitGroup = cr.chance(0.1) ? cr.int(1, 6) : null;

  // ---- header, title
  const blocks: Block[] = [];
  const headName = c.name('head');
  const reportNo = rng.fork('number').int(1, 240);
  const numberText = reportNo < 10 ? `0${reportNo}` : String(reportNo);
  const hr = rng.fork('header');
  const R = c.reportDate;
  const placeDate = feats.blankDate
    ? hr.chance(0.8)
      ? `${headName}, ngày ${hr.pick(['    ', '     ', '  '])}tháng ${R.m < 3 ? `0${R.m}` : R.m} năm ${R.y}`
      : `${headName}, ngày      tháng      năm ${R.y}`
    : `${headName}, ${fmtDateWords(R, hr.chance(0.6))}`;
  blocks.push(
    ...headerBlocks({
      mode: style.headerMode,
      issuer: hr.chance(0.6) ? [`UBND ${upper(kw)} ${upper(headName)}`] : [hr.pick(['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN']), `${upper(kw)} ${upper(headName)}`],
      numberLine: feats.blankNumber ? `Số:${hr.pick([' ', '     ', '      '])}/BC-UBND` : `Số: ${numberText}/BC-UBND`,
      dateLine: placeDate,
      motto: hr.chance(0.3) ? ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] : undefined,
    }),
  );
  ex.document.number = feats.blankNumber ? null : `${numberText}/BC-UBND`;
  ex.document.date = feats.blankDate ? null : isoDate(R);
  if (feats.blankNumber) c.flags.add('MISSING_NUMBER');
  if (feats.blankDate) c.flags.add('MISSING_DATE');

  const tr = rng.fork('title');
  const title = c.wholeYear
    ? tr.pick([
        `Kết quả xây dựng chính quyền thân thiện năm ${Y}, phương hướng, nhiệm vụ năm ${Y + 1}`,
        `Tổng kết công tác xây dựng “Chính quyền thân thiện” ${kw} ${headName} năm ${Y}`,
        `Kết quả thực hiện mô hình chính quyền thân thiện năm ${Y}\nvà phương hướng, nhiệm vụ năm ${Y + 1}`,
      ])
    : tr.pick([
        `Kết quả xây dựng chính quyền thân thiện ${kw} ${headName} 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm ${Y}`,
        `Kết quả thực hiện xây dựng mô hình “Chính quyền thân thiện” 6 tháng đầu năm ${Y};\nphương hướng, nhiệm vụ 6 tháng cuối năm ${Y}`,
        `Sơ kết 6 tháng đầu năm ${Y} xây dựng chính quyền thân thiện, vì Nhân dân phục vụ`,
      ]);
  blocks.push(...titleBlocks(title));
  ex.document.title = clean(title);
  // The registry's spelling; a unit the registry does not have keeps the report's spelling.
  ex.unit = {
    commune: feats.unknownUnit === 'commune' ? c.misspelled : u.commune,
    communeKind: u.communeKind,
    district: feats.unknownUnit === 'district' ? c.district : u.district,
    province: u.province,
  };
  if (feats.unknownUnit !== 'none') {
    c.flags.add('UNKNOWN_UNIT');
    c.notes.push(feats.unknownUnit === 'commune'
      ? `commune written '${c.misspelled}' everywhere (registry: '${u.commune}')`
      : `district written '${c.district}' everywhere (registry: '${u.district}')`);
  }
  // The period of the title; a deliberate contradiction elsewhere raises PERIOD_MISMATCH.
  ex.period = spec.period;
  if (feats.periodMismatch !== 'none') {
    c.flags.add('PERIOD_MISMATCH');
    c.notes.push(`title: ${c.periodText}; ${feats.periodMismatch}: ${c.wrongPeriodText}`);
  }

  // ---- intro
  const body = new Body(style.top, style.sub, style.headingMode);
  const ir = rng.fork('intro');
  // A wrong period in the report's own statement needs the form that has one.
  const intro = feats.periodMismatch === 'intro' ? (ir.int(0, 2), 0) : ir.int(0, 2);
  // The reporting unit with its district and province ('xã Lan Giới, huyện Tân Yên, tỉnh Bắc Giang'):
  // always when the district is misspelled (the province then comes from the text), else now and then.
  const fullUnit = feats.unknownUnit === 'district' || (spec.index >= EXTRAS_FROM && rng.fork('extras-full-unit').chance(0.2));
  const reporting = () => (fullUnit ? `${c.unit()}, ${c.dk} ${c.district}, tỉnh ${u.province}` : c.unit());
  if (fullUnit) c.notes.push('the reporting unit is named with its district and province');
  if (intro === 0) {
    body.p(`Thực hiện ${c.cite('directive')} về việc báo cáo kết quả xây dựng chính quyền thân thiện ${c.periodText}.`);
    const own = feats.periodMismatch === 'intro' ? c.wrongPeriodText : c.periodText;
    body.p(`UBND ${reporting()} báo cáo kết quả xây dựng chính quyền thân thiện ${own} như sau:`);
  } else if (intro === 1) {
    body.p(`Thực hiện ${c.cite('directive')} về việc báo cáo kết quả ${c.periodText}; UBND ${reporting()} báo cáo kết quả thực hiện như sau:`);
  } else {
    body.p(`Căn cứ ${c.cite('districtPlan')};`);
    body.p(`Thực hiện ${c.cite('directive')} về việc báo cáo kết quả xây dựng chính quyền thân thiện ${c.periodText}, UBND ${reporting()} báo cáo như sau:`);
  }

  // ---- sections
  for (const key of order) {
    const s = rng.fork(`section-${key}`);
    body.heading(1, s.pick(TOP_TITLES[key]));
    switch (key) {
      case 'profile': writeProfile(c, body, s);
        break;
      case 'leadership': {
        body.heading(2, 'Công tác lãnh đạo, chỉ đạo');
        if (intro !== 2 || s.chance(0.3)) body.p(`Căn cứ ${c.cite('districtPlan')}, Đảng ủy ${c.unit()} đã ban hành ${c.cite('partyDecision', false)} về việc kiện toàn Ban chỉ đạo, Tổ giúp việc xây dựng mô hình “Chính quyền thân thiện”.`);
        else body.p(`Đảng ủy ${c.unit()} đã ban hành ${c.cite('partyDecision', false)} về việc kiện toàn Ban chỉ đạo, Tổ giúp việc xây dựng mô hình “Chính quyền thân thiện”.`);
        if (scInText) {
          body.p(ph.steering(s, ns, kw, sc.members, sc.head));
          ex.steeringCommittee = { members: sc.members, head: sc.head };
        }
        if (stInText) {
          body.p(ph.supportTeam(s, ns, st.members, st.leader));
          ex.supportTeam = { members: st.members, leader: st.leader };
        }
        body.p(`Ban chỉ đạo ban hành ${c.cite('steeringNotice', false)} về việc phân công nhiệm vụ thành viên Ban chỉ đạo và Tổ giúp việc; ${c.cite('steeringPlan', false)} triển khai xây dựng chính quyền thân thiện năm ${Y}.`);
        body.p(`UBND ${kw} ban hành ${c.cite('communeDecision', false)} phân công cán bộ, công chức phụ trách các tiêu chí theo Bộ tiêu chí ban hành kèm theo ${c.cite('criteria')}.`);

        body.heading(2, s.pick(['Công tác tuyên truyền, quán triệt', 'Công tác tuyên truyền']));
        body.p(`Ban chỉ đạo ${kw} thường xuyên tuyên truyền, quán triệt các văn bản về chính quyền thân thiện, Quy chế dân chủ ở cơ sở, trọng tâm là ${c.cite('province')}, qua hệ thống loa truyền thanh, các hội nghị giao ban và các cuộc họp tại ${vw}.`);
        if (hasPropaganda) {
          body.p(ph.propaganda(s, ns, kw, vw, propagandaValues.banners, propagandaValues.panels));
          ex.propaganda = { ...propagandaValues };
        }
        body.p(`Tổ chức tuyên truyền trên Trang thông tin điện tử của ${kw}, qua các nhóm Zalo của các ${vw} và trang Facebook của Đoàn thanh niên.`);

        body.heading(2, s.pick(['Hoạt động của Ban chỉ đạo', 'Kết quả hoạt động của Ban chỉ đạo xây dựng chính quyền thân thiện']));
        body.p(`Ban chỉ đạo ${kw} thường xuyên kiểm tra, đôn đốc các bộ phận thực hiện các tiêu chí; hằng tháng đánh giá kết quả, chỉ đạo khắc phục những khó khăn, tồn tại.`);
        if (trainingInText) {
          body.bullet(ph.training(s, ns, trainingValues.classes, trainingValues.participants));
          ex.training = { ...trainingValues };
        }
        if (inspectionsInText) {
          body.bullet(ph.inspections(s, ns, kw, inspectionsCount, c.dk));
          ex.inspections = inspectionsCount;
        }

        body.heading(2, 'Công tác đầu tư, bố trí kinh phí');
        if (budgetInText) {
          const b = budget;
          if (budgetSplit) {
            body.p(`Kinh phí dự toán năm ${Y} cho xây dựng chính quyền thân thiện là ${b.planned.total} triệu đồng (ngân sách huyện ${b.planned.district} triệu đồng, ngân sách ${kw} ${b.planned.commune} triệu đồng); đến nay đã triển khai ${b.disbursed.total} triệu đồng (ngân sách huyện ${b.disbursed.district} triệu đồng, ngân sách ${kw} ${b.disbursed.commune} triệu đồng).`);
            ex.budget = { planned: { ...b.planned }, disbursed: { ...b.disbursed } };
          } else {
            body.p(`Tổng kinh phí dự toán năm ${Y}: ${b.planned.total} triệu đồng; kinh phí đã triển khai: ${b.disbursed.total} triệu đồng.`);
            ex.budget = { planned: { total: b.planned.total, district: null, commune: null }, disbursed: { total: b.disbursed.total, district: null, commune: null } };
          }
        } else {
          body.p(`UBND ${kw} quan tâm bố trí kinh phí từ ngân sách ${kw} để mua sắm trang thiết bị, biển bảng tại Bộ phận tiếp nhận và trả kết quả${annexTIB ? ' (chi tiết tại biểu tổng hợp kèm theo)' : ''}.`);
        }
        break;
      }
      case 'results': writeResults(c, body, s, { stars, starsInText, criteria, omitGroup, surveyDone, surveyPlanned, satisfactionTenths });
        break;
      case 'practices':
        body.p(`Trong quá trình giải quyết thủ tục hành chính, ${c.unit()} trực tiếp hướng dẫn công dân nộp hồ sơ trực tuyến, trả kết quả tại nhà qua dịch vụ bưu chính công ích, hướng dẫn công dân nộp phí, lệ phí qua mã QR.`);
        break;
      case 'assessment':
        body.heading(2, 'Những kết quả chủ yếu và nguyên nhân');
        body.p(`Trong ${c.periodShort}, Đảng ủy, UBND ${c.unit()} luôn nhận được sự quan tâm lãnh đạo, chỉ đạo của ${c.dk === 'huyện' ? 'Huyện ủy' : c.dk === 'thị xã' ? 'Thị ủy' : 'Thành ủy'}, UBND ${c.dk} ${c.district}. Đội ngũ cán bộ, công chức thực hiện nghiêm túc Quy chế văn hóa công sở, kỷ luật, kỷ cương hành chính.`);
        if (s.chance(0.35)) body.p(`Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt ${s.pick(['99,5', '100', '98,7'])}%; không có hồ sơ quá hạn.`);
        body.heading(2, 'Những khó khăn, hạn chế và nguyên nhân');
        body.p(`Công tác tuyên truyền có lúc chưa thường xuyên; tỷ lệ người dân sử dụng dịch vụ công trực tuyến còn thấp; cơ sở vật chất tại Bộ phận một cửa còn hạn chế.`);
        break;
      case 'direction':
        body.bullet(`Tiếp tục quán triệt, tuyên truyền sâu rộng về xây dựng chính quyền thân thiện ${c.nextText}.`);
        body.bullet(`Rà soát, hoàn thiện tài liệu kiểm chứng các tiêu chí chưa đạt; phấn đấu đạt chuẩn theo mức đã đăng ký.`);
        body.bullet(`Đẩy mạnh chuyển đổi số, nâng cao tỷ lệ hồ sơ trực tuyến và mức độ hài lòng của người dân.`);
        break;
      case 'proposals':
        body.p(`Đề nghị UBND ${c.dk} ${c.district} quan tâm hỗ trợ kinh phí, trang thiết bị cho Bộ phận một cửa của ${c.unit()} để triển khai mô hình đạt hiệu quả.`);
        break;
    }
  }
  if (feats.periodMismatch === 'closing') body.p(`Trên đây là báo cáo kết quả xây dựng chính quyền thân thiện ${c.wrongPeriodText} của UBND ${c.unit()}./.`);
  else body.p(`Trên đây là báo cáo kết quả xây dựng chính quyền thân thiện ${c.periodText}, phương hướng nhiệm vụ ${c.nextText} của UBND ${c.unit()}./.`);
  blocks.push(...body.blocks);

  // ---- closing
  const sr = rng.fork('signature');
  const authority = f.signer.position === 'Chủ tịch' ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  const recipients = [
    `- Ban Chỉ đạo CQTT ${c.dk} (b/c);`,
    ...sr.sample([`- Phòng Nội vụ ${c.dk} (b/c);`, `- TT Đảng ủy, HĐND ${kw};`, `- Chủ tịch, các PCT UBND ${kw};`, '- Các thành viên BCĐ;'], sr.int(1, 3)),
    '- Lưu: VT.',
  ];
  blocks.push(...signatureBlocks({
    mode: style.signatureMode,
    recipients,
    recipientsAsLines: style.recipientsAsLines,
    authority,
    name: f.signer.name,
    signatureFirst: sr.chance(0.3),
  }));
  ex.document.signer = { name: f.signer.name, position: f.signer.position };

  // ---- annexes
  const ar = rng.fork('annex');
  const landscape = ar.chance(0.6);
  const annexStart = () => blocks.push({ kind: 'section', landscape });
  const sinceLine = `(Số liệu tính từ tháng 01/${Y} đến nay)`;
  if (annexSC) {
    annexStart();
    blocks.push(annexTitle(['BIỂU TỔNG HỢP', 'Thành viên Ban chỉ đạo Chính quyền thân thiện']));
    const withDistrict = ar.chance(0.5);
    let n = 0;
    if (withDistrict) {
      blocks.push(annexCaption(`${++n}. Ban chỉ đạo Chính quyền thân thiện cấp huyện`), tableSteeringDistrict());
      blocks.push(annexCaption(`${++n}. Tổ giúp việc Ban chỉ đạo Chính quyền thân thiện cấp huyện`), tableSupportDistrict());
    }
    const label = `Đảng ủy ${c.unit()}`;
    blocks.push(annexCaption(`${++n}. Ban chỉ đạo chính quyền thân thiện cấp xã`));
    blocks.push(tableSteeringCommune({ tt: ar.pick(['', '1']), unitLabel: label, members: String(sc.members), head: sc.head }));
    blocks.push(annexCaption(`${++n}. Tổ giúp việc Ban chỉ đạo Chính quyền thân thiện cấp xã`));
    blocks.push(tableSupportCommune({ tt: ar.pick(['', '1']), unitLabel: label, members: String(st.members), leader: st.leader }));
    ex.steeringCommittee = { members: sc.members, head: sc.head };
    ex.supportTeam = { members: st.members, leader: st.leader };
  }
  if (annexDocs) {
    annexStart();
    blocks.push(annexTitle(['BIỂU TỔNG HỢP', 'Các văn bản lãnh đạo, chỉ đạo, triển khai xây dựng chính quyền thân thiện', sinceLine]));
    blocks.push(
      tableDocuments(
        annexDocsFilled
          ? {
              II: [c.annexDoc('districtPlan', `về triển khai xây dựng mô hình chính quyền thân thiện năm ${Y}`)],
              III: [c.annexDoc('registration', 'về việc đăng ký đạt chuẩn chính quyền thân thiện'), c.annexDoc('directive', 'về việc báo cáo kết quả xây dựng chính quyền thân thiện')],
            }
          : {},
      ),
    );
  }
  if (annexTIB) {
    annexStart();
    // A line tying the annex to its report, with the report's period (or, deliberately, another one).
    const attach = (p: string) => `(Kèm theo Báo cáo kết quả xây dựng chính quyền thân thiện ${p})`;
    const attachLine =
      feats.periodMismatch === 'annex' ? attach(c.wrongPeriodText)
        : spec.index >= EXTRAS_FROM && rng.fork('extras-annex-attach').chance(0.35) ? attach(c.periodText) : null;
    blocks.push(annexTitle(['TỔNG HỢP', 'Công tác tập huấn, kiểm tra, giám sát và kết quả đầu tư', 'kinh phí xây dựng chính quyền thân thiện', ...(attachLine ? [attachLine] : []), sinceLine]));
    blocks.push(annexCaption('1. Công tác tập huấn về xây dựng chính quyền thân thiện'));
    blocks.push(tableTraining({
      classes: String(trainingValues.classes),
      target: trainingValues.classes ? ar.pick(['Cán bộ, công chức', 'Cán bộ, công chức, thành viên BCĐ', 'CBCC và trưởng thôn']) : '0',
      participants: String(trainingValues.participants),
    }));
    ex.training = { ...trainingValues };
    blocks.push(annexCaption('2. Công tác kiểm tra, giám sát về chính quyền thân thiện'));
    blocks.push(tableInspections(
      inspectionsCount
        ? { count: String(inspectionsCount), unit: ar.pick(['Ban dân vận', 'BCĐ huyện', 'Phòng Nội vụ']), content: ar.pick(['Xây dựng CQTT', 'Thực hiện các tiêu chí CQTT']) }
        : { count: '0', unit: '', content: '' },
    ));
    ex.inspections = inspectionsCount;
    blocks.push(annexCaption(`3. Kinh phí đầu tư cho chính quyền thân thiện năm ${Y}`));
    const thousand = ar.chance(0.2);
    const money = (v: number) => (thousand ? ph.int({ thousands: 'dot', leadingZero: false }, v * 1000) : String(v));
    const unitLine = para(`<i>Đơn vị tính: ${thousand ? 'nghìn đồng' : ar.pick(['Triệu đồng', 'triệu đồng'])}</i>`, { align: 'right', size: 12, spaceBeforePt: 3 });
    const unitFirst = ar.chance(0.3);
    if (unitFirst) blocks.push(unitLine);
    const b = budget;
    blocks.push(tableBudget({
      year: Y,
      until: c.wholeYear ? `tháng 12/${Y}` : `tháng 6/${Y}`,
      tt: '1',
      communeLabel: c.name('body'),
      split: budgetSplit,
      planned: [money(b.planned.total), money(b.planned.district), money(b.planned.commune)],
      disbursed: [money(b.disbursed.total), money(b.disbursed.district), money(b.disbursed.commune)],
      totalRow: ar.chance(0.5) ? 'filled' : 'blank',
    }));
    if (!unitFirst) blocks.push(unitLine);
    ex.budget = budgetSplit
      ? { planned: { ...b.planned }, disbursed: { ...b.disbursed } }
      : { planned: { total: b.planned.total, district: null, commune: null }, disbursed: { total: b.disbursed.total, district: null, commune: null } };
    if (thousand) c.notes.push('budget annex in nghìn đồng');
  }
  if (annexStars) {
    annexStart();
    blocks.push(annexTitle(['TỔNG HỢP', `Kết quả đăng ký đơn vị đạt chuẩn chính quyền thân thiện năm ${Y}`]));
    blocks.push(tableStars({ year: Y, tt: '1', district: c.district, commune: headName, stars: annexStarsLevel, extraRows: ar.chance(0.5) }));
    ex.starsRegistered ??= annexStarsLevel;
    if (feats.starsMismatch) {
      c.flags.add('STARS_MISMATCH');
      c.notes.push(`text registers ${stars} sao, the annex marks ${annexStarsLevel} sao`);
    }
  }

  const model: DocModel = {
    font: 'Times New Roman',
    size: style.size,
    blocks,
    title: clean(`Báo cáo ${title}`),
    author: `UBND ${kw} ${feats.unknownUnit === 'commune' ? headName : u.commune}`,
    created: `${isoDate(R)}T08:00:00Z`,
  };
  const text = modelToText(model);
  if (feats.nameVariant === 'misspelled') {
    // Counted in the written text (the header and title always have the right name).
    const wrong = text.split(c.misspelled!).length - 1;
    if (wrong < 2) throw new Error(`${spec.id}: only ${wrong} misspelled mentions`);
    c.flags.add('COMMUNE_NAME_MISMATCH');
    c.notes.push(`commune written '${c.misspelled}' ${wrong} times below the heading`);
  }
  if (feats.nameVariant === 'altToneAll' || feats.nameVariant === 'altToneMixed') {
    c.notes.push(`commune written '${c.alt}' (${feats.nameVariant === 'altToneAll' ? 'throughout' : 'in places'}); not a mismatch`);
  }
  if (c.district !== u.district) c.notes.push(`district written '${c.district}'`);
  ex.references = c.referencesInOrder();

  const expected: Expected = {
    id: spec.id,
    source: { file: `${spec.id}.${fileExtension(spec.output)}`, format: fileExtension(spec.output) },
    ...ex,
    expectedFlags: [...c.flags].sort(),
    meta: {
      generator: 'samples/generate.ts',
      seed: spec.seed,
      output: spec.output,
      style,
      features: spec.features,
      annexes: { steering: annexSC, documents: annexDocs ? (annexDocsFilled ? 'filled' : 'template') : false, trainingBudget: annexTIB, stars: annexStars },
      sections: order,
      numberStyle: ns,
      notes: c.notes,
    },
  };
  return { spec, style, model, expected, text };
}

// ---------------------------------------------------------------- sections

function writeProfile(c: Composer, body: Body, s: Rng): void {
  const { ex, f, ns, kw, Kw, vw } = c;
  const has = (p: number) => s.chance(p);
  // Location and distance.
  const center = c.dk === 'huyện' ? 'huyện' : c.dk;
  if (f.distanceTenths !== null && has(0.85)) {
    const d = ph.km(s, f.distanceTenths);
    const N = c.name('body');
    body.p(
      s.pick([
        `${N} là ${kw}${f.terrain} của ${c.dk} ${c.district}, cách trung tâm ${center} ${d} km.`,
        `${Kw} ${N} nằm ở phía ${f.direction} ${c.dk} ${c.district}, cách trung tâm ${center} khoảng ${d} km.`,
        `Trụ sở UBND ${kw} ${N} cách trung tâm ${center} ${d}km.`,
        ...(c.dk === 'huyện' ? [`${Kw} ${N} cách huyện khoảng ${d} km về phía ${f.direction}.`] : []),
      ]),
    );
    ex.profile.distanceToDistrictKm = f.distanceTenths / 10;
  } else {
    body.p(`${c.name('body')} là ${kw}${f.terrain} nằm ở phía ${f.direction} ${c.dk} ${c.district}.`);
  }
  // Area, population, households, villages: prose or a list.
  const broken = c.spec.features.brokenNumber;
  const parts = { area: has(0.9), population: has(0.92) || broken !== 'none', households: has(0.85), villages: has(0.9) };
  const A = ph.area(s, ns, f.centiHa);
  // A broken number: '17.⏎128' (or '17⏎128' where the report groups with spaces).
  const P = broken === 'none' ? ph.int(ns, f.population) : ph.int({ ...ns, thousands: ns.thousands === 'space' ? 'space' : 'dot' }, f.population).replace(/[. ](\d{3})$/, (m, d: string) => `${m[0] === '.' ? '.' : ''}\n${d}`);
  const H = ph.int(ns, f.households);
  const V = ph.count(ns, f.villages);
  if (s.chance(0.7) || broken !== 'none') {
    const clauses: string[] = [];
    if (parts.area) clauses.push(ph.areaClause(s, A, ns.more));
    if (parts.population) clauses.push(ph.populationClause(s, kw, P, ns.more));
    if (parts.households) clauses.push(ph.householdsClause(s, H, ns.more));
    if (parts.villages) clauses.push(ph.villagesClause(s, V, vw, ns.more));
    const text = `${Kw} có ${clauses.join(', ')}.`;
    if (broken === 'paragraph') {
      // Two paragraphs, as a text whose paragraph was cut at a page break.
      const [a, b] = text.split('\n') as [string, string];
      body.p(a);
      body.p(b);
    } else if (clauses.length) body.p(text);
    if (broken !== 'none') c.notes.push(`population broken across a ${broken === 'paragraph' ? 'paragraph' : 'line'}: '${P.replace('\n', '⏎')}'`);
  } else {
    const items: string[] = [];
    if (parts.area) items.push(ph.profileListItem('area', A, vw));
    if (parts.population) items.push(ph.profileListItem('population', P, vw));
    if (parts.households) items.push(ph.profileListItem('households', H, vw));
    if (parts.villages) items.push(ph.profileListItem('villages', V, vw));
    for (const it of items) body.bullet(`${it};`);
  }
  if (parts.area) ex.profile.areaHa = f.centiHa / 100;
  if (parts.population) ex.profile.population = f.population;
  if (parts.households) ex.profile.households = f.households;
  if (parts.villages) ex.profile.villages = f.villages;

  // Party.
  const cells = f.partyBreakdown.reduce((a, [n]) => a + n, 0);
  if (has(0.85)) {
    const breakdown = f.partyBreakdown.map(([n, l]) => `${ph.count(ns, n)} ${l}`).join(', ');
    const PC = ph.count(ns, cells);
    const PM = ph.int(ns, f.partyMembers);
    body.p(
      s.pick([
        `Đảng bộ ${kw} có ${PC} chi bộ (${breakdown}) với ${PM} đảng viên.`,
        `Đảng bộ ${kw} hiện có ${PC} chi bộ trực thuộc, ${PM} đảng viên.`,
        `Tổng số đảng viên: ${PM} đồng chí, sinh hoạt tại ${PC} chi bộ.`,
      ]),
    );
    ex.profile.partyCells = cells;
    ex.profile.partyMembers = f.partyMembers;
  }

  // Cadres and police.
  const sentences: string[] = [];
  if (has(0.9) || c.spec.features.sumError) {
    const form = s.weighted([[0, 4], [1, 3], [2, 2], [3, 1], [4, c.spec.features.sumError ? 0 : 1]]);
    const form2 = c.spec.features.sumError && form === 3 ? 0 : form;
    const realTotal = f.canBo + f.congChuc;
    const stated = c.spec.features.sumError ? realTotal + s.pick([-2, -1, 1, 2]) : realTotal;
    const t = ph.cadres(s, ns, kw, f.canBo, f.congChuc, stated, form2);
    let text = t.text;
    if (s.chance(0.3)) text += `; ngoài ra có ${ph.count(ns, f.nonProfessional)} người hoạt động không chuyên trách`;
    sentences.push(text);
    ex.profile.cadres = t.cadres;
    ex.profile.canBo = t.canBo;
    ex.profile.congChuc = t.congChuc;
    if (c.spec.features.sumError) {
      c.flags.add('SUM_MISMATCH');
      c.notes.push(`cadres stated ${stated} ≠ ${f.canBo} + ${f.congChuc}`);
    }
  }
  if (has(0.8)) {
    sentences.push(ph.police(s, ns, kw, f.police));
    ex.profile.police = f.police;
  }
  if (sentences.length) body.p(sentences.join('; ') + '.');

  // Income and the usual paragraph on the situation.
  const incomeText = has(0.85) ? ph.income(s, f.incomeTenths, c.year, c.wholeYear, ns.more) : null;
  if (incomeText) ex.profile.incomePerCapitaMillionVnd = f.incomeTenths / 10;
  body.p(
    `Tình hình kinh tế - xã hội của ${kw} tiếp tục phát triển, đời sống của Nhân dân từng bước được nâng lên${incomeText ? `, ${incomeText}` : ''}. ` +
      `Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định; Đảng ủy ${c.unit()} đã tập trung lãnh đạo, chỉ đạo hoàn thành các nhiệm vụ chính trị được giao.`,
  );
}

interface ResultsInput {
  stars: number;
  starsInText: boolean;
  criteria: { group: number; met: number; total: number; unmet: number[] }[];
  omitGroup: number | null;
  surveyDone: number;
  surveyPlanned: number;
  satisfactionTenths: number;
}

function writeResults(c: Composer, body: Body, s: Rng, r: ResultsInput): void {
  const { ex, kw, Kw } = c;
  body.heading(2, `Kết quả rà soát, đăng ký xây dựng đơn vị đạt chuẩn chính quyền thân thiện năm ${c.year}`);
  if (r.starsInText) {
    body.p(`Thực hiện ${c.cite('registration', false)} của Ban chỉ đạo ${c.dk} ${c.district}, Ban chỉ đạo xây dựng chính quyền thân thiện ${c.unit()} ${ph.stars(s, r.stars, c.year, c.ns.more)}.`);
    ex.starsRegistered = r.stars;
  } else {
    body.p(`Thực hiện ${c.cite('registration', false)}, ${kw} đã đăng ký đạt chuẩn “chính quyền thân thiện” năm ${c.year} (biểu tổng hợp kèm theo).`);
  }

  body.heading(2, 'Kết quả thực hiện các tiêu chí');
  const form = s.weighted([['numbered', 3], ['bullets', 2], ['inline', 1]]);
  const stated = r.criteria.filter((g) => g.group !== r.omitGroup);
  const phrase = (g: (typeof r.criteria)[number]) => {
    const gr = s.fork(`group-${g.group}`);
    return ph.ratio(gr, g.met, g.total, c.ns.more) + (g.unmet.length ? ph.unmet(gr, g.unmet) : '');
  };
  const names = new Map(
    [...[{ group: 7, name: SURVEY_GROUP.name }], ...stated.map((g) => ({ group: g.group, name: groupName(g.group) }))].map((x) => [x.group, x.name]),
  );
  const surveyText = ph.surveys(s, r.surveyDone, r.surveyPlanned, c.ns.more);
  if (form === 'inline') {
    body.p(`${Kw} đã triển khai thực hiện các nhóm tiêu chí, kết quả: ${stated.map((g) => `nhóm tiêu chí ${g.group}: ${phrase(g)}`).join('; ')}.`);
    body.p(`Nhóm tiêu chí 7 (${names.get(7)}): ${surveyText}.`);
  } else {
    for (const g of stated) {
      if (form === 'numbered') body.headingInline(3, `Kết quả thực hiện nhóm tiêu chí ${g.group}: ${names.get(g.group)}:`, `${phrase(g)}.`);
      else body.bullet(`Nhóm tiêu chí ${g.group} (${names.get(g.group)}): ${phrase(g)}.`);
    }
    if (form === 'numbered') body.headingInline(3, `Kết quả thực hiện nhóm tiêu chí 7: ${names.get(7)}:`, `${surveyText}.`);
    else body.bullet(`Nhóm tiêu chí 7 (${names.get(7)}): ${surveyText}.`);
  }
  ex.criteria = stated.map((g) => ({ group: g.group, met: g.met, total: g.total, unmet: [...g.unmet] }));
  ex.surveys = { done: r.surveyDone, planned: r.surveyPlanned };
  if (r.omitGroup) c.notes.push(`nhóm tiêu chí ${r.omitGroup} not reported`);

  body.p(`Kết quả ${c.periodShort}, ${ph.satisfaction(s, r.satisfactionTenths, c.ns.more)}.`);
  ex.satisfactionPercent = r.satisfactionTenths / 10;
  body.heading(2, `Đánh giá tiến độ, chất lượng xây dựng đơn vị đạt chuẩn chính quyền thân thiện năm ${c.year}`);
  body.p(`Qua rà soát, các tiêu chí cơ bản đã đạt; Ban chỉ đạo tiếp tục chỉ đạo hoàn thiện tài liệu kiểm chứng các tiêu chí chưa đạt theo thời gian quy định.`);
}

function groupName(n: number): string {
  return CRITERIA_BG_2024.find((g) => g.group === n)!.name;
}

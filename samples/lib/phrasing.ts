// The ways reports state each value. Every function takes the value(s) and a random stream and
// returns the words; the caller records the value it stated in the expected result. Several
// natural Vietnamese phrasings per value, as communes write them.
import type { Rng } from './prng.ts';
import { fmtCount, fmtInt, fmtScaled, type Thousands } from './vn.ts';

/** How one report writes numbers (chosen once per report, with some per-number variation). */
export interface NumberStyle {
  thousands: Thousands;
  /** Counts under 10 with a leading zero ('05 người', '01 chi bộ'). */
  leadingZero: boolean;
  /** Also the phrasings added for the 60-report corpus (not for the plan's first, inbox reports). */
  more?: boolean;
}

/** The base phrasings, plus the later ones when `more`. */
const choices = <T>(more: boolean | undefined, base: T[], extra: T[]): T[] => (more ? [...base, ...extra] : base);

export const int = (ns: NumberStyle, n: number) => fmtInt(n, ns.thousands);
export const count = (ns: NumberStyle, n: number) => fmtCount(n, ns.leadingZero);

/** Area from hundredths of a hectare: '1.719,58 ha', '1719,58ha', '17,1958 km²'. */
export function area(rng: Rng, ns: NumberStyle, centiHa: number): string {
  return rng.weighted<() => string>([
    [() => `${fmtScaled(centiHa, 2, { thousands: ns.thousands === 'space' ? 'dot' : ns.thousands })} ha`, 4],
    [() => `${fmtScaled(centiHa, 2, { thousands: 'none' })}ha`, 1],
    [() => `${fmtScaled(centiHa, 4)} km²`, 2],
    [() => `${fmtScaled(centiHa, 4)} km2`, 1],
  ])();
}

/** Distance from tenths of a km: '8.0', '8', '8,5', '8.5' (never three decimals with '.'). */
export function km(rng: Rng, tenths: number): string {
  if (tenths % 10 === 0) return rng.pick([String(tenths / 10), `${tenths / 10}.0`, String(tenths / 10)]);
  return rng.weighted([[fmtScaled(tenths, 1), 3], [fmtScaled(tenths, 1, { thousands: 'none', decimalMark: '.' }), 1]]);
}

/** Million VND from tenths: '54', '54,5'. */
export function millions(tenths: number): string {
  return fmtScaled(tenths, 1, { dropZeroFraction: true });
}

// ---------------------------------------------------------------- profile clauses

export function areaClause(rng: Rng, a: string, more?: boolean): string {
  return rng.pick(choices(more, [`tổng diện tích tự nhiên là ${a}`, `diện tích tự nhiên ${a}`, `tổng diện tích tự nhiên ${a}`, `diện tích tự nhiên là ${a}`],
    [`diện tích đất tự nhiên ${a}`, `tổng diện tích đất tự nhiên là ${a}`]));
}

export function populationClause(rng: Rng, kw: string, p: string, more?: boolean): string {
  return rng.pick(choices(more, [`dân số là ${p} nhân khẩu`, `dân số ${p} người`, `tổng dân số toàn ${kw} ${p} khẩu`, `${p} nhân khẩu`],
    [`quy mô dân số ${p} người`, `dân số toàn ${kw} là ${p} người`, `tổng số nhân khẩu là ${p}`]));
}

export function householdsClause(rng: Rng, h: string, more?: boolean): string {
  return rng.pick(choices(more, [`với ${h} hộ gia đình`, `${h} hộ`, `${h} hộ gia đình`], [`${h} hộ dân`, `tổng số hộ là ${h} hộ`]));
}

export function villagesClause(rng: Rng, v: string, vw: string, more?: boolean): string {
  return rng.pick(choices(more, [`được chia thành ${v} ${vw}`, `gồm ${v} ${vw}`, `có ${v} ${vw}`], [`phân bố trên ${v} ${vw}`, `quản lý ${v} ${vw}`]));
}

/** Profile as a list ('Diện tích tự nhiên: …; Dân số: …') rather than prose. */
export function profileListItem(kind: 'area' | 'population' | 'households' | 'villages', value: string, vw: string): string {
  switch (kind) {
    case 'area': return `Diện tích tự nhiên: ${value}`;
    case 'population': return `Dân số: ${value} người`;
    case 'households': return `Số hộ: ${value} hộ`;
    case 'villages': return `Số ${vw}: ${value}`;
  }
}

export interface CadreText { text: string; cadres: number | null; canBo: number | null; congChuc: number | null }

/**
 * Cán bộ, công chức: total with 'trong đó', parts with the total in brackets, or the total only.
 * `statedTotal` may differ from canBo + congChuc (a deliberate sum error).
 */
export function cadres(rng: Rng, ns: NumberStyle, kw: string, canBo: number, congChuc: number, statedTotal: number, form: number): CadreText {
  const T = count(ns, statedTotal), cb = count(ns, canBo), cc = count(ns, congChuc);
  // Later phrasings of the same forms: the total with 'gồm', the parts with 'tổng cộng'.
  if (ns.more && form <= 1 && rng.fork('cadres-more').chance(0.4)) {
    return form === 0
      ? { text: `Cán bộ, công chức hiện có ${T} người, gồm: ${cb} cán bộ chuyên trách và ${cc} công chức chuyên môn`, cadres: statedTotal, canBo, congChuc }
      : { text: `${kw[0]!.toUpperCase()}${kw.slice(1)} có ${cb} cán bộ, ${cc} công chức, tổng cộng ${T} người`, cadres: statedTotal, canBo, congChuc };
  }
  switch (form) {
    case 0: return { text: `Tổng số cán bộ, công chức thời điểm hiện tại là ${T} người, trong đó ${cb} cán bộ, ${cc} công chức`, cadres: statedTotal, canBo, congChuc };
    case 1: return { text: `Đội ngũ cán bộ, công chức gồm ${cb} cán bộ và ${cc} công chức (tổng ${T} người)`, cadres: statedTotal, canBo, congChuc };
    case 2: return { text: `Cán bộ, công chức ${kw}: ${T} đồng chí (cán bộ: ${cb}; công chức: ${cc})`, cadres: statedTotal, canBo, congChuc };
    case 3: return { text: `Tổng số cán bộ, công chức của ${kw} là ${T} người`, cadres: statedTotal, canBo: null, congChuc: null };
    default: return { text: `${rng.pick(['Hiện nay', 'Hiện tại'])} ${kw} có ${cb} cán bộ chuyên trách và ${cc} công chức`, cadres: null, canBo, congChuc };
  }
}

export function police(rng: Rng, ns: NumberStyle, kw: string, n: number): string {
  const v = count(ns, n);
  return rng.pick(choices(ns.more, [`Công an chính quy có ${v} người`, `Công an chính quy: ${v} đồng chí`, `lực lượng Công an ${kw} chính quy gồm ${v} đồng chí`],
    [`Công an ${kw} có ${v} đồng chí công an chính quy`, `số công an chính quy bố trí về ${kw}: ${v} đồng chí`]));
}

export function income(rng: Rng, tenths: number, year: number, wholeYear: boolean, more?: boolean): string {
  const v = millions(tenths);
  if (more && rng.fork('income-more').chance(0.3)) {
    return rng.fork('income-more-pick').pick([`bình quân thu nhập đầu người đạt ${v} triệu đồng/năm`, `thu nhập bình quân ${v} triệu đồng/người/năm`]);
  }
  return rng.pick([
    `thu nhập bình quân đầu người đạt ${v} triệu đồng/người/năm`,
    `TNBQ đầu người ${v} triệu đồng`,
    `thu nhập bình quân đạt ${v} triệu đồng/người/năm`,
    wholeYear ? `thu nhập bình quân đầu người năm ${year} ước đạt ${v} triệu đồng/người/năm` : `thu nhập bình quân đầu người ước đạt ${v} triệu đồng/người/năm`,
  ]);
}

// ---------------------------------------------------------------- committee, propaganda

export function steering(rng: Rng, ns: NumberStyle, kw: string, members: number, head: string): string {
  const m = count(ns, members);
  return rng.pick(choices(ns.more, [
    `Ban chỉ đạo gồm ${m} thành viên do đồng chí ${head} làm Trưởng ban.`,
    `Ban Chỉ đạo xây dựng chính quyền thân thiện của ${kw} có ${m} đồng chí, Trưởng ban là đồng chí ${head}.`,
    `Số lượng thành viên Ban chỉ đạo: ${m} người; Trưởng Ban chỉ đạo: ${head}.`,
  ], [`Ban chỉ đạo do đồng chí ${head} làm Trưởng ban, với ${m} thành viên.`]));
}

export function supportTeam(rng: Rng, ns: NumberStyle, members: number, leader: string): string {
  const m = count(ns, members);
  return rng.pick(choices(ns.more, [
    `Tổ giúp việc gồm ${m} thành viên, do đồng chí ${leader} làm Tổ trưởng.`,
    `Tổ giúp việc Ban chỉ đạo có ${m} đồng chí, Tổ trưởng là ${leader}.`,
    `Tổ giúp việc: ${m} thành viên; Tổ trưởng: ${leader}.`,
  ], [`Tổ giúp việc do đồng chí ${leader} làm Tổ trưởng, có ${m} thành viên.`]));
}

export function propaganda(rng: Rng, ns: NumberStyle, kw: string, vw: string, banners: number, panels: number): string {
  const b = count(ns, banners), p = count(ns, panels);
  return rng.pick(choices(ns.more, [
    `Đảng ủy, UBND ${kw} thực hiện tuyên truyền trực quan với ${b} băng rôn vượt đường, ${p} pano khẩu hiệu và biển bảng tại bộ phận một cửa và các ${vw}.`,
    `Đã treo ${b} băng rôn, xây dựng ${p} pano, áp phích tuyên truyền về xây dựng chính quyền thân thiện.`,
    `Kết quả tuyên truyền trực quan: ${b} băng rôn; ${p} pano, khẩu hiệu.`,
  ], [`Treo ${b} băng rôn, khẩu hiệu tại các trục đường chính; lắp đặt ${p} pano tuyên truyền tại trụ sở và các ${vw}.`]));
}

export function training(rng: Rng, ns: NumberStyle, classes: number, participants: number): string {
  const c = count(ns, classes), p = int(ns, participants);
  return rng.pick(choices(ns.more, [
    `Tổ chức ${c} lớp tập huấn nghiệp vụ về xây dựng chính quyền thân thiện cho ${p} lượt cán bộ, công chức và thành viên các đoàn thể.`,
    `Số lớp tập huấn: ${c} lớp, với ${p} người tham gia.`,
    `${c} lớp tập huấn đã được tổ chức với tổng số ${p} người tham dự.`,
  ], [`Đã tổ chức được ${c} lớp tập huấn, thu hút ${p} lượt người tham gia.`]));
}

export function inspections(rng: Rng, ns: NumberStyle, kw: string, n: number, districtKind: string): string {
  const k = count(ns, n);
  return rng.pick(choices(ns.more, [
    `Ban chỉ đạo ${districtKind} đã tổ chức ${k} cuộc kiểm tra, giám sát việc xây dựng chính quyền thân thiện tại ${kw}.`,
    `Số cuộc kiểm tra, giám sát về xây dựng chính quyền thân thiện: ${k} cuộc.`,
    `Trong kỳ, ${kw} được kiểm tra, giám sát ${k} cuộc về xây dựng chính quyền thân thiện.`,
  ], [`${kw[0]!.toUpperCase()}${kw.slice(1)} đã tiếp ${k} đoàn kiểm tra, giám sát của ${districtKind} về xây dựng chính quyền thân thiện.`]));
}

// ---------------------------------------------------------------- results

const STAR_WORDS = ['một', 'hai', 'ba', 'bốn', 'năm'];

export function stars(rng: Rng, s: number, year: number, more?: boolean): string {
  if (more && rng.fork('stars-more').chance(0.35)) {
    return rng.fork('stars-more-pick').pick([
      `đăng ký xây dựng chính quyền thân thiện đạt chuẩn mức ${s} sao`,
      `đăng ký đạt chuẩn ${STAR_WORDS[s - 1]} sao`,
    ]);
  }
  return rng.pick([
    `đăng ký đạt chuẩn “chính quyền thân thiện” năm ${year} đạt ${s} sao`,
    `đăng ký xây dựng chính quyền thân thiện mức ${s}*`,
    `đăng ký đạt ${s} sao`,
    `đăng ký đạt chuẩn ${s} sao`,
  ]);
}

/** The ratio of a criteria group: '8/8 chỉ tiêu đạt', 'đạt 8 trên 8 chỉ tiêu', 'Đạt: 08/08' … */
export function ratio(rng: Rng, met: number, total: number, more?: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (more && rng.fork('ratio-more').chance(0.3)) {
    return rng.fork('ratio-more-pick').pick([`hoàn thành ${met}/${total} chỉ tiêu`, `số chỉ tiêu đạt: ${met}/${total}`]);
  }
  return rng.pick([
    `${met}/${total} chỉ tiêu đạt`,
    `đạt ${met}/${total} chỉ tiêu`,
    `đạt ${met} trên ${total} chỉ tiêu`,
    `Đạt: ${pad(met)}/${pad(total)}`,
    `có ${met}/${total} tiêu chí đạt`,
  ]);
}

/** The unmet indicators: ' (còn chỉ tiêu 26 chưa đạt)', ', chưa đạt chỉ tiêu số 26', '; các chỉ tiêu 26, 27 chưa đạt'. */
export function unmet(rng: Rng, nums: number[]): string {
  const list = nums.join(', ');
  if (nums.length === 1) {
    return rng.pick([` (còn chỉ tiêu ${list} chưa đạt)`, `, chưa đạt chỉ tiêu số ${list}`, `; chỉ tiêu ${list} chưa đạt`, ` (chưa đạt: chỉ tiêu ${list})`]);
  }
  return rng.pick([` (còn các chỉ tiêu ${list} chưa đạt)`, `; các chỉ tiêu ${list} chưa đạt`, ` (chưa đạt: chỉ tiêu ${list})`]);
}

export function surveys(rng: Rng, done: number, planned: number, more?: boolean): string {
  if (more && rng.fork('surveys-more').chance(0.3)) return `số phiếu khảo sát đã thực hiện: ${done}/${planned} phiếu`;
  return rng.pick([
    `Theo kế hoạch của tỉnh đã khảo sát được ${done}/${planned} phiếu khảo sát`,
    `đã thực hiện ${done}/${planned} phiếu khảo sát theo kế hoạch`,
    `hoàn thành ${done} trên ${planned} phiếu khảo sát`,
  ]);
}

export function satisfaction(rng: Rng, tenths: number, more?: boolean): string {
  const v = fmtScaled(tenths, 1, { dropZeroFraction: true });
  if (more && rng.fork('satisfaction-more').chance(0.3)) return `sự hài lòng của người dân đối với cán bộ, công chức bộ phận một cửa đạt ${v}%`;
  return rng.pick([
    `mức độ hài lòng của người dân khi đến giải quyết TTHC tại bộ phận một cửa đạt ${v}%`,
    `tỷ lệ hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính đạt ${v}%`,
    `chỉ số hài lòng của người dân về sự phục vụ của bộ phận một cửa đạt ${v}%`,
  ]);
}

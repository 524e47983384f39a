// The leaf values of an extraction by JSON path ('profile.population', 'criteria[1].met',
// 'budget.planned.total'), the same paths as extracted_values and the contract's provenance:
// reading and writing them, their kind (number or text) and their Vietnamese labels.
import { emptyFields, type Extraction } from '../contract.ts';

export type LeafValue = number | string | null;
export type PathToken = string | number;

/** 'criteria[1].unmet[0]' → ['criteria', 1, 'unmet', 0]; null when the path is malformed. */
export function parsePath(path: string): PathToken[] | null {
  if (!/^[A-Za-z]\w*(?:\.[A-Za-z]\w*|\[\d{1,4}\])*$/.test(path)) return null;
  const tokens: PathToken[] = [];
  for (const m of path.matchAll(/([A-Za-z]\w*)|\[(\d+)\]/g)) tokens.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return tokens;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The value at a path: a leaf (number, string, null), or undefined when the path does not exist
 *  or names an object / a list. */
export function getLeaf(root: unknown, path: string): LeafValue | undefined {
  const tokens = parsePath(path);
  if (!tokens) return undefined;
  let cur: unknown = root;
  for (const t of tokens) {
    if (typeof t === 'number') {
      if (!Array.isArray(cur) || t >= cur.length) return undefined;
      cur = cur[t];
    } else {
      if (!isPlainObject(cur) || !Object.hasOwn(cur, t)) return undefined;
      cur = cur[t];
    }
  }
  if (cur === null || typeof cur === 'number' || typeof cur === 'string') return cur;
  return undefined;
}

/** Sets an existing leaf in place (the caller passes a copy). False when the path names no leaf. */
export function setLeaf(root: unknown, path: string, value: LeafValue): boolean {
  if (getLeaf(root, path) === undefined) return false;
  const tokens = parsePath(path)!;
  let cur: unknown = root;
  for (const t of tokens.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[t];
  (cur as Record<string | number, unknown>)[tokens[tokens.length - 1]!] = value;
  return true;
}

const SKIPPED = new Set(['source', 'flags', 'provenance']);

/** Every leaf path of an extraction, null leaves included (a value the report does not state),
 *  in the contract's order: the fixed fields from the contract's shape, list items as they are. */
export function leafPaths(extraction: Extraction): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (!path && SKIPPED.has(k)) continue;
        walk(v, path ? `${path}.${k}` : k);
      }
      return;
    }
    out.push(path);
  };
  // The contract's key order, whatever order the stored JSON came back in.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(emptyFields())) ordered[key] = (extraction as unknown as Record<string, unknown>)[key];
  walk(orderLike(emptyFields(), ordered), '');
  return out;
}

/** Key order of list items (the contract's). */
const ITEM_TEMPLATES: Record<string, Record<string, unknown>> = {
  criteria: { group: 0, met: 0, total: 0, unmet: [] },
  references: { number: '', date: '' },
};

/** `value` with its object keys in the order of `template` (recursively, where both are objects;
 *  stored JSON (jsonb) comes back with its keys in another order). */
function orderLike(template: unknown, value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return ITEM_TEMPLATES[key] ? value.map((v) => orderLike(ITEM_TEMPLATES[key], v)) : value;
  if (!isPlainObject(template) || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(template)) if (Object.hasOwn(value, k)) out[k] = orderLike(template[k], value[k], k);
  for (const k of Object.keys(value)) if (!Object.hasOwn(out, k)) out[k] = value[k];
  return out;
}

/** The path with list indexes replaced by [] ('criteria[1].met' → 'criteria[].met'). */
export function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

const TEXT_PATHS = new Set([
  'document.number', 'document.date', 'document.title', 'document.signer.name', 'document.signer.position',
  'unit.commune', 'unit.communeKind', 'unit.district', 'unit.province', 'period',
  'steeringCommittee.head', 'supportTeam.leader', 'references[].number', 'references[].date',
]);
const DATE_PATHS = new Set(['document.date', 'references[].date']);

export type ValueKind = 'number' | 'text' | 'date';

export function kindOf(path: string): ValueKind {
  const g = genericPath(path);
  if (DATE_PATHS.has(g)) return 'date';
  return TEXT_PATHS.has(g) ? 'text' : 'number';
}

/** Paths that identify the report (which commune, which period) or a list item: not corrected
 *  by hand — a report for another commune or period is a new report to send. */
export function correctionBlockedReason(path: string): string | null {
  const g = genericPath(path);
  if (g.startsWith('unit.') || g === 'period') {
    return 'đơn vị và kỳ báo cáo xác định báo cáo, không sửa được bằng đính chính (xã cần gửi lại báo cáo)';
  }
  if (g === 'criteria[].group') return 'số thứ tự nhóm tiêu chí không sửa được';
  return null;
}

const LABELS: Record<string, string> = {
  'document.number': 'Số văn bản',
  'document.date': 'Ngày ban hành',
  'document.title': 'Trích yếu',
  'document.signer.name': 'Người ký',
  'document.signer.position': 'Chức vụ người ký',
  'unit.commune': 'Tên xã/phường/thị trấn',
  'unit.communeKind': 'Loại đơn vị',
  'unit.district': 'Huyện',
  'unit.province': 'Tỉnh',
  period: 'Kỳ báo cáo',
  'profile.areaHa': 'Diện tích tự nhiên (ha)',
  'profile.population': 'Dân số (người)',
  'profile.households': 'Số hộ',
  'profile.villages': 'Số thôn, tổ dân phố',
  'profile.partyCells': 'Số chi bộ',
  'profile.partyMembers': 'Số đảng viên',
  'profile.cadres': 'Tổng số cán bộ, công chức',
  'profile.canBo': 'Số cán bộ',
  'profile.congChuc': 'Số công chức',
  'profile.police': 'Công an chính quy',
  'profile.incomePerCapitaMillionVnd': 'Thu nhập bình quân (triệu đồng/người/năm)',
  'profile.distanceToDistrictKm': 'Khoảng cách đến trung tâm huyện (km)',
  'surveys.done': 'Phiếu khảo sát đã thực hiện',
  'surveys.planned': 'Phiếu khảo sát theo kế hoạch',
  satisfactionPercent: 'Tỷ lệ hài lòng (%)',
  starsRegistered: 'Số sao đăng ký',
  'propaganda.banners': 'Băng rôn, khẩu hiệu',
  'propaganda.panels': 'Pa nô, áp phích',
  'steeringCommittee.members': 'Số thành viên Ban chỉ đạo',
  'steeringCommittee.head': 'Trưởng Ban chỉ đạo',
  'supportTeam.members': 'Số thành viên Tổ giúp việc',
  'supportTeam.leader': 'Tổ trưởng Tổ giúp việc',
  'training.classes': 'Số lớp tập huấn',
  'training.participants': 'Số người tham gia tập huấn',
  inspections: 'Số cuộc kiểm tra, giám sát',
  'budget.planned.total': 'Kinh phí dự toán: tổng số (triệu đồng)',
  'budget.planned.district': 'Kinh phí dự toán: ngân sách huyện (triệu đồng)',
  'budget.planned.commune': 'Kinh phí dự toán: ngân sách xã (triệu đồng)',
  'budget.disbursed.total': 'Kinh phí đã triển khai: tổng số (triệu đồng)',
  'budget.disbursed.district': 'Kinh phí đã triển khai: ngân sách huyện (triệu đồng)',
  'budget.disbursed.commune': 'Kinh phí đã triển khai: ngân sách xã (triệu đồng)',
};

/** The Vietnamese label of a path; list items are named from their position and the extraction. */
export function labelOf(path: string, extraction?: Extraction): string {
  const fixed = LABELS[path];
  if (fixed) return fixed;
  const tokens = parsePath(path);
  if (tokens?.[0] === 'criteria' && typeof tokens[1] === 'number') {
    const group = extraction?.criteria[tokens[1]]?.group ?? tokens[1] + 1;
    const what = tokens[2];
    if (what === 'met') return `Nhóm tiêu chí ${group}: số chỉ tiêu đạt`;
    if (what === 'total') return `Nhóm tiêu chí ${group}: tổng số chỉ tiêu`;
    if (what === 'group') return `Nhóm tiêu chí ${group}: số thứ tự nhóm`;
    if (what === 'unmet') return `Nhóm tiêu chí ${group}: chỉ tiêu chưa đạt (${Number(tokens[3] ?? 0) + 1})`;
  }
  if (tokens?.[0] === 'references' && typeof tokens[1] === 'number') {
    return `Văn bản dẫn chiếu ${tokens[1] + 1}: ${tokens[2] === 'date' ? 'ngày' : 'số, ký hiệu'}`;
  }
  return path;
}

/** The heading a path is shown under on the report page. */
export function groupOf(path: string): string {
  const top = String(parsePath(path)?.[0] ?? path);
  const groups: Record<string, string> = {
    document: 'Văn bản', unit: 'Đơn vị', period: 'Đơn vị', profile: 'Tình hình chung',
    criteria: 'Kết quả thực hiện tiêu chí', surveys: 'Khảo sát, mức độ hài lòng', satisfactionPercent: 'Khảo sát, mức độ hài lòng',
    starsRegistered: 'Đăng ký đạt chuẩn', propaganda: 'Tuyên truyền', steeringCommittee: 'Ban chỉ đạo, Tổ giúp việc',
    supportTeam: 'Ban chỉ đạo, Tổ giúp việc', training: 'Tập huấn, kiểm tra', inspections: 'Tập huấn, kiểm tra',
    budget: 'Kinh phí', references: 'Văn bản dẫn chiếu',
  };
  return groups[top] ?? 'Khác';
}

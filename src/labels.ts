// The Vietnamese labels the server and the page share (the page reads them from /api/labels):
// flag codes, severities, flag states, roles, file statuses, submission timing, section tags,
// period names and dates. No imports: any layer may use it.

export const FLAG_LABELS: Record<string, string> = {
  MISSING_SUBMISSION: 'Chưa nộp báo cáo',
  DUPLICATE_FILE: 'Tệp trùng lặp',
  RESUBMISSION_CHANGED: 'Gửi lại có thay đổi',
  CORRECTION_OVERRIDDEN: 'Gửi lại bỏ qua đính chính',
  UNIT_OUTSIDE_DISTRICT: 'Đơn vị ngoài phạm vi tổng hợp',
  COMMUNE_NAME_MISMATCH: 'Tên xã không thống nhất',
  UNKNOWN_UNIT: 'Không có trong danh mục',
  UNIT_SUCCEEDED: 'Đơn vị đã sáp nhập, đổi tên',
  SUM_MISMATCH: 'Tổng không khớp',
  CRITERIA_INCONSISTENT: 'Tiêu chí không nhất quán',
  STARS_MISMATCH: 'Số sao không khớp',
  PERIOD_MISMATCH: 'Kỳ báo cáo không khớp',
  MISSING_NUMBER: 'Thiếu số văn bản',
  MISSING_DATE: 'Thiếu ngày ban hành',
  CRITERIA_SET_UNKNOWN: 'Chưa có bộ tiêu chí của tỉnh',
};

/** Flags about what a report says (content), listed before the ones about units, files and submissions. */
export const CONTENT_FLAG_CODES = ['SUM_MISMATCH', 'CRITERIA_INCONSISTENT', 'STARS_MISMATCH', 'PERIOD_MISMATCH', 'CORRECTION_OVERRIDDEN', 'RESUBMISSION_CHANGED', 'MISSING_NUMBER', 'MISSING_DATE'];

/** Flags that a unit alias settles (the report names a unit the registry does not place as written). */
export const UNIT_FLAG_CODES = ['UNKNOWN_UNIT', 'UNIT_OUTSIDE_DISTRICT', 'COMMUNE_NAME_MISMATCH'];

export const SEVERITY_LABELS: Record<string, string> = { error: 'Lỗi', warning: 'Cần xem', info: 'Thông tin' };

export const FLAG_STATES = ['open', 'resolved', 'dismissed'] as const;
export type FlagState = (typeof FLAG_STATES)[number];
export const FLAG_STATE_LABELS: Record<FlagState, string> = { open: 'Chưa xử lý', resolved: 'Đã xử lý', dismissed: 'Bỏ qua' };

/** Roles as the page and the API's messages name them. */
export const ROLE_LABELS: Record<'viewer' | 'editor' | 'admin', string> = {
  viewer: 'xem',
  editor: 'xem, đính chính và tải tệp lên',
  admin: 'quản trị',
};

export const FILE_STATUS_LABELS: Record<string, string> = {
  failed: 'Lỗi đọc tệp', duplicate: 'Trùng lặp', not_a_report: 'Không phải báo cáo', received: 'Đang chờ xử lý', processed: 'Đã xử lý',
};

export const TIMING_LABELS: Record<'on_time' | 'late' | 'missing', string> = { on_time: 'đúng hạn', late: 'nộp muộn', missing: 'chưa nộp' };

/** Provenance section tags that are not the report's own headings. */
const SECTION_TAGS: Record<string, string> = {
  header: 'Phần đầu văn bản', title: 'Tiêu đề', body: 'Nội dung', annex: 'Phụ lục', closing: 'Phần cuối văn bản', signature: 'Chữ ký',
};

/** A provenance section for people: 'title' → 'Tiêu đề', 'registry 2024-11-01' → 'Danh mục ĐVHC 01/11/2024'. */
export function sectionName(section: string | null): string | null {
  if (!section) return null;
  const tag = SECTION_TAGS[section.trim().toLowerCase()];
  if (tag) return tag;
  const reg = /^registry\s+(\d{4})-(\d{2})-(\d{2})$/i.exec(section.trim());
  if (reg) return `Danh mục đơn vị hành chính ${reg[3]}/${reg[2]}/${reg[1]}`;
  return section.replace(/^(header|title|body|annex|closing)\s*>\s*/i, (_m, t: string) => `${SECTION_TAGS[t.toLowerCase()]} > `);
}

export const PERIOD_PARTS: Record<string, string> = {
  H1: '6 tháng đầu năm', H2: '6 tháng cuối năm', Q1: 'Quý I năm', Q2: 'Quý II năm', Q3: 'Quý III năm', Q4: 'Quý IV năm', '9M': '9 tháng năm',
};

/** '2024-H1' → '6 tháng đầu năm 2024'; '2024' → 'Năm 2024'; anything else as it is. */
export function periodName(period: string): string {
  const m = /^(\d{4})(?:-(H1|H2|Q1|Q2|Q3|Q4|9M))?$/.exec(period);
  if (!m) return period;
  return m[2] ? `${PERIOD_PARTS[m[2]]} ${m[1]}` : `Năm ${m[1]}`;
}

const VN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

function partsOf(d: Date): Record<string, string> {
  return Object.fromEntries(VN_PARTS.formatToParts(d).map((p) => [p.type, p.value]));
}

/** '25/11/2024 08:30', Vietnam time: the date before the time. */
export function dateTimeVi(d: Date | string): string {
  const p = partsOf(typeof d === 'string' ? new Date(d) : d);
  return `${p.day}/${p.month}/${p.year} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** '2024-07-15' → '15/07/2024'. */
export function dayVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today in Vietnam, 'YYYY-MM-DD'. */
export function todayVn(now: Date = new Date()): string {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Everything the page needs, as JSON (GET /api/labels). */
export function labelsForPage() {
  return {
    flags: FLAG_LABELS, contentFlags: CONTENT_FLAG_CODES, unitFlags: UNIT_FLAG_CODES, severities: SEVERITY_LABELS,
    flagStates: FLAG_STATE_LABELS, roles: ROLE_LABELS, fileStatuses: FILE_STATUS_LABELS, timing: TIMING_LABELS,
    sections: SECTION_TAGS, periodParts: PERIOD_PARTS,
  };
}

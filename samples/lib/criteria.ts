// The friendly-government criteria set (Bắc Giang, Quyết định 710/QĐ-UBND, 17/4/2024): groups
// 1–6 count indicators (chỉ tiêu), numbered consecutively 1–47; group 7 is the satisfaction
// survey, counted in survey forms. Kept as data: other provinces and years have other sets.

export interface CriteriaGroup {
  group: number;
  name: string;
  size: number;
  /** First and last indicator number of the group. */
  first: number;
  last: number;
}

const GROUPS: [string, number][] = [
  ['Xây dựng và thực hiện quy chế dân chủ ở cơ sở', 8],
  ['Tuyên truyền về “Chính quyền thân thiện”', 4],
  ['Thực hiện cải cách hành chính', 11],
  ['Thực hiện chuyển đổi số', 6],
  ['Thực hiện văn minh, văn hóa công sở và Quy tắc ứng xử của cán bộ, công chức', 10],
  [
    'Hoạt động của HĐND; tổ chức tiếp xúc, đối thoại và giải quyết đơn thư khiếu nại, tố cáo của Chủ tịch UBND; phối hợp với mặt trận tổ quốc và các đoàn thể chính trị - xã hội',
    8,
  ],
];

export const CRITERIA_BG_2024: CriteriaGroup[] = (() => {
  let next = 1;
  return GROUPS.map(([name, size], i) => {
    const g = { group: i + 1, name, size, first: next, last: next + size - 1 };
    next += size;
    return g;
  });
})();

export const SURVEY_GROUP = { group: 7, name: 'Mức độ hài lòng của cán bộ, công chức và người dân' };

/** The group an indicator number belongs to, or undefined. */
export function groupOfIndicator(n: number, set: readonly CriteriaGroup[] = CRITERIA_BG_2024): CriteriaGroup | undefined {
  return set.find((g) => n >= g.first && n <= g.last);
}

// The domain lexicon, as data: for each quantity a report states, the words that name it (with their
// synonyms and abbreviations), the units it accepts, and the words that turn a number into something
// else (a quota, a plan, last year's figure, the district's total, a part of a whole). The clause
// reader (text/mentions.ts) reads every clause against it; extractors pick mentions by concept.
// Every word is written folded (lower case, no diacritics, đ → d) as a regular-expression fragment.

/** A quantity the extractors know. */
export type ConceptId =
  | 'area' | 'population' | 'households' | 'villages' | 'partyCells' | 'partyMembers'
  | 'cadres' | 'canBo' | 'congChuc' | 'police' | 'income' | 'distance'
  | 'banners' | 'panels' | 'trainingClasses' | 'participants' | 'inspections'
  | 'steeringCommittee' | 'supportTeam' | 'budget';

export interface Concept {
  id: ConceptId;
  /** Words that name it (longest first is not needed: the reader prefers the longest match). */
  words: string[];
  /** Unit words it accepts after its number ('người', 'hộ', 'chiếc' …); [] = any or none. */
  units: string[];
  /** Whether the concept's own word may stand as the unit after the number ('23 băng rôn', '12 thôn'). */
  nounAfter: boolean;
  /** Words right after the concept's word that make it a kind of it, not it ('hộ nghèo', 'thôn đạt chuẩn', 'đảng viên mới'). */
  notAfter?: string[];
  /** Words before the number that make it something else ('kết nạp 12 đảng viên', 'người hoạt động không chuyên trách'). */
  notBefore?: string[];
  /** A pattern the words just before the number must not end with ('tại 03 thôn': a place, not a count of villages). */
  notRightBefore?: string;
}

/** Counting words people write between a number and the thing counted ('23 chiếc băng rôn'). */
export const COUNTERS = ['cai', 'chiec', 'tam', 'bo', 'cum', 'buc', 'cot', 'khung', 'bien'];

const VILLAGE_WORDS = ['thon', 'xom', 'lang', 'ban', 'ap', 'buon', 'soc', 'to dan pho', 'tdp', 'khu pho', 'khu dan cu', 'to dan cu', 'khoi pho'];
const PEOPLE = ['nguoi', 'nhan khau', 'khau', 'nk', 'dan', 'dong chi', 'd\\/c', 'dc', 'can bo', 'chien si', 'cbcs', 'thanh vien', 'nguoi dan'];

export const CONCEPTS: Concept[] = [
  { id: 'area', words: ['dien tich tu nhien', 'dien tich dat tu nhien', 'tong dien tich', 'dien tich'], units: ['ha', 'hecta', 'km2', 'km²', 'km 2', 'km vuong'], nounAfter: false,
    notAfter: ['(?:dat\\s+)?(?:nong nghiep|phi nong nghiep|lam nghiep|lua|canh tac|gieo|trong|mat nuoc|rung|nuoi|san xuat|xay dung|su dung|o|cay|thu hoi|quy hoach|ngap|thiet hai|nha o|chuyen dung)'] },
  { id: 'population', words: ['dan so', 'so dan', 'nhan khau', 'so nhan khau', 'khau', 'so khau', 'nk'], units: ['nguoi', 'nhan khau', 'khau', 'nk', 'dan', 'nguoi dan'], nounAfter: true,
    notAfter: ['hieu', 'trang', 'phan', 'lao dong', 'trong do tuoi', 'nu', 'tre em', 'cao tuoi', 'dan toc', 'tam tru', 'di cu'] },
  { id: 'households', words: ['ho gia dinh', 'ho dan', 'so ho', 'ho'], units: ['ho', 'ho gia dinh', 'ho dan'], nounAfter: true,
    notAfter: ['ngheo', 'can ngheo', 'thoat ngheo', 'kinh doanh', 'chinh sach', 'kho khan', 'san xuat', 'van hoa', 'gia dinh van hoa', 'co cong', 'dan toc', 'duoc', 'bi', 'tham gia', 'dang ky', 'nhan', 'tro', 'tich', 'so', 'khau', 'chieu', 'ten'] },
  { id: 'villages', words: VILLAGE_WORDS, units: VILLAGE_WORDS, nounAfter: true,
    notAfter: ['van hoa', 'dat', 'kieu mau', 'nong thon moi', 'thong minh', 'an toan', 'da', 'chua', 'duoc', 'tham gia', 'dac biet kho khan', 'kho khan', 'co', 'xay dung', 'hoan thanh', 'thuc hien', 'trien khai', 'to chuc'],
    // 'tại 03 thôn' is where something happened; 'sinh sống tại 12 thôn' is where people live.
    notRightBefore: '(?<!(?:sinh hoat|sinh song|cu tru|phan bo|song|tap trung|phan chia|chia)\\s+)(?:tai|o|cua)|nam|thang|ngay' },
  { id: 'partyCells', words: ['chi bo', 'chi bo truc thuoc', 'chi bo dang'], units: ['chi bo'], nounAfter: true,
    notAfter: ['dat', 'hoan thanh', 'xep loai', 'trong sach', 'vung manh', 'duoc', 'nong nghiep', 'nong thon', 'nha truong', 'truong', 'cong an', 'quan su', 'tram y te', 'y te', 'thon', 'khu', 'to dan pho', 'doanh nghiep', 'co quan', 'giao duc', 'hop tac xa', 'mam non', 'tieu hoc', 'thcs', 'trung hoc', 'hanh chinh', 'ngoai', 'xom', 'lang', 'ban', 'dan cu', 'buu dien', 'quy tin dung', 'htx', 'cong ty', 'khoi'] },
  { id: 'partyMembers', words: ['dang vien'], units: ['dang vien', 'nguoi', 'dong chi', 'd\\/c'], nounAfter: true,
    notAfter: ['moi', 'du bi', 'nu', 'tre', 'xuat sac', 'hoan thanh', 'huy hieu', 'duoc', 'vi pham', 'bi', 'khong'], notBefore: ['ket nap', 'phat trien', 'chuyen sinh hoat', 'xet', 'tang'] },
  { id: 'cadres', words: ['can bo, cong chuc', 'can bo cong chuc', 'can bo va cong chuc', 'cbcc', 'cb, cc', 'cb,cc', 'cb-cc', 'doi ngu can bo, cong chuc'], units: PEOPLE, nounAfter: true,
    notAfter: ['tham gia', 'duoc', 'va nguoi', 'khong chuyen trach', 'nghi', 'vi pham'], notBefore: ['tap huan', 'boi duong', 'cu', 'khen thuong', 'ky luat', 'khong chuyen trach', 'hoat dong'] },
  { id: 'canBo', words: ['can bo chuyen trach', 'can bo', 'cb chuyen trach', 'cb'], units: PEOPLE, nounAfter: true },
  { id: 'congChuc', words: ['cong chuc chuyen mon', 'cong chuc', 'cc chuyen mon', 'cc'], units: PEOPLE, nounAfter: true },
  { id: 'police', words: ['cong an chinh quy', 'luc luong cong an chinh quy', 'cong an xa chinh quy', 'cong an xa', 'cong an phuong', 'cong an thi tran'], units: PEOPLE, nounAfter: false },
  { id: 'income', words: ['thu nhap binh quan dau nguoi', 'thu nhap binh quan', 'thu nhap bq', 'tnbq', 'binh quan thu nhap', 'thu nhap dau nguoi', 'thu nhap trung binh'], units: [], nounAfter: false },
  { id: 'distance', words: ['cach trung tam huyen', 'cach huyen ly', 'khoang cach den trung tam huyen', 'cach trung tam'], units: ['km', 'ki lo met', 'kilomet', 'cay so'], nounAfter: false },
  { id: 'banners', words: ['bang ron, khau hieu', 'bang ron khau hieu', 'bang ron', 'bang zon', 'bang-ron', 'bang gion', 'bang dzon'], units: ['chiec', 'cai', 'tam', 'bo', 'luot'], nounAfter: true },
  { id: 'panels', words: ['pano, khau hieu', 'pano khau hieu', 'pano, ap phich', 'bien pano', 'bien bang tuyen truyen', 'pano', 'pa no', 'pa-no', 'khau hieu'], units: ['chiec', 'cai', 'tam', 'bo', 'cum', 'bien'], nounAfter: true },
  { id: 'trainingClasses', words: ['lop tap huan', 'lop boi duong', 'hoi nghi tap huan', 'buoi tap huan', 'so lop'], units: ['lop', 'buoi', 'hoi nghi', 'dot', 'khoa'], nounAfter: true },
  { id: 'participants', words: ['luot nguoi', 'hoc vien', 'nguoi tham gia', 'nguoi tham du', 'nguoi duoc tap huan', 'luot can bo'], units: ['nguoi', 'luot', 'luot nguoi', 'hoc vien', 'dai bieu'], nounAfter: true },
  { id: 'inspections', words: ['cuoc kiem tra', 'dot kiem tra', 'lan kiem tra', 'cuoc giam sat', 'dot giam sat', 'kiem tra, giam sat', 'kiem tra'], units: ['cuoc', 'dot', 'lan', 'buoi'], nounAfter: true },
  { id: 'steeringCommittee', words: ['ban chi dao'], units: ['thanh vien', 'nguoi', 'dong chi'], nounAfter: false },
  { id: 'supportTeam', words: ['to giup viec'], units: ['thanh vien', 'nguoi', 'dong chi'], nounAfter: false },
  { id: 'budget', words: ['kinh phi', 'du toan', 'ngan sach'], units: [], nounAfter: false },
];

export function concept(id: ConceptId): Concept {
  return CONCEPTS.find((c) => c.id === id)!;
}

/** Words that turn a number into something else than what the commune has now, by kind. */
export type QualifierKind = 'quota' | 'actual' | 'plan' | 'past' | 'otherScope' | 'subunit' | 'part' | 'request' | 'rate' | 'approx';

export const QUALIFIERS: Record<QualifierKind, string[]> = {
  /** A quota, not what there is: 'biên chế được giao 23', 'định biên', 'chỉ tiêu giao'. */
  quota: ['duoc giao', 'giao bien che', 'bien che giao', 'dinh bien', 'chi tieu giao', 'so luong giao', 'theo quy dinh', 'toi da'],
  /** What there is: 'hiện có 21', 'thực tế', 'có mặt'. */
  actual: ['hien co', 'hien nay co', 'thuc te', 'co mat', 'thuc hien', 'hien tai'],
  /** A target: 'phấn đấu', 'kế hoạch', 'dự kiến', 'mục tiêu'. */
  plan: ['phan dau', '(?<!(?:theo|thuc hien|trien khai|can cu|cua)\\s)ke hoach(?!\\s*(?:so|_))', 'du kien', 'muc tieu', 'chi tieu de ra', '(?<!chia )se', 'nam toi', 'thoi gian toi'],
  /** Another (earlier) time: 'năm trước', 'cùng kỳ', 'năm 2023' (checked against the report's year). */
  past: ['nam truoc', 'cung ky', 'nam ngoai', 'ky truoc', 'so voi'],
  /** A larger unit's figure: 'toàn huyện', 'của tỉnh'. */
  otherScope: ['toan huyen', 'ca huyen', 'cua huyen', 'toan quan', 'toan tinh', 'ca tinh', 'cua tinh', 'toan thanh pho', 'ca nuoc', 'huyen co', 'tinh co'],
  /** One named village or quarter's figure, not the commune's ('Thôn Đông có 320 hộ'); found by the reader
   *  from a capitalised or numbered name after the village word, so no words here. */
  subunit: [],
  /** A part of the figure just stated: 'trong đó 5 buôn …'. */
  part: ['trong do', 'bao gom', 'rieng'],
  /** Money or things asked for, not had: 'đề nghị hỗ trợ 20 triệu'. */
  request: ['de nghi', 'kien nghi', 'de xuat', 'xin'],
  /** A rate or a change, not a count: 'mật độ', 'tỷ lệ', 'tăng 12'. */
  rate: ['mat do', 'ty le', 'toc do', 'tang(?!\\s+cuong)', 'giam(?!\\s+(?:ngheo|thieu|sat|doc|dinh))', 'bien dong'],
  /** An estimate: 'khoảng', 'gần', 'hơn', 'ước'. Still the report's figure. */
  approx: ['khoang', 'gan', 'hon', 'tren', 'uoc', 'xap xi', 'chung'],
};

/** Qualifiers that disqualify a number for a field about what the commune has in the period. */
export const DISQUALIFY: QualifierKind[] = ['quota', 'plan', 'past', 'otherScope', 'subunit', 'request', 'rate'];

/** Scale words after a number: '12,1 nghìn người' = 12 100 people. */
export const SCALES: { words: string; factor: number }[] = [
  { words: 'nghin|ngan', factor: 1e3 },
];

/** Money units and their factor to million VND (the contract's unit). */
export const MONEY: { words: string; factor: number }[] = [
  { words: 'ty dong|ty', factor: 1000 },
  { words: 'trieu dong|trieu d|trieu|tr\\.\\s?dong|tr\\s?dong|tr\\.\\s?d|trd|tr', factor: 1 },
  { words: 'nghin dong|ngan dong|1\\.000 dong|1000 dong|nghin d|ngan d', factor: 1e-3 },
  { words: 'dong|vnd|vnđ|d', factor: 1e-6 },
];

/** Words saying there is none of a thing ('không … nào', 'chưa tổ chức … nào'). */
export const NONE_BEFORE = ['khong', 'chua', 'khong co'];
export const NONE_AFTER = ['nao'];

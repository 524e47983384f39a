// The annex tables that follow the signature (the province's templates, as in the seed):
// steering committee and support team, documents issued, training / inspections / budget,
// star registration. Values come in as the strings the report prints, so the caller decides
// number formats; the merged header cells are those of the seed.
import { cell, para, type Cell, type Para, type Table } from './model.ts';

const SIZE = 12;

/** 'BIỂU TỔNG HỢP' / 'TỔNG HỢP' … : one bold centered paragraph with line breaks; a last line in brackets is italic. */
export function annexTitle(lines: string[]): Para {
  const markup = lines
    .map((l, i) => (i > 0 && /^\(.*\)$/.test(l) ? `</b><i>${l}</i><b>` : l))
    .join('\n');
  return para(`<b>${markup}</b>`, { align: 'center', spaceAfterPt: 6, keepNext: true });
}

/** A numbered caption above a table ('1. Công tác tập huấn …'). */
export function annexCaption(text: string): Para {
  return para(`<b>${text}</b>`, { align: 'left', spaceBeforePt: 6, spaceAfterPt: 6, keepNext: true });
}

const h = (t: string, o: Parameters<typeof cell>[1] = {}) => cell(t, { bold: true, ...o });
const hi = (t: string, o: Parameters<typeof cell>[1] = {}) => cell(`<i>${t}</i>`, { bold: true, ...o });
const d = (t: string, o: Parameters<typeof cell>[1] = {}) => cell(t, o);
const dl = (t: string) => cell(t, { align: 'left' });

function table(rows: Cell[][], widths: number[]): Table {
  return { kind: 'table', rows, borders: true, widths, size: SIZE };
}

/** District steering committee (left empty by communes, as in the seed). */
export function tableSteeringDistrict(): Table {
  return table(
    [
      [h('Huyện, thành phố', { rowSpan: 2 }), h('Số lượng thành viên', { rowSpan: 2 }), h('Trưởng Ban chỉ đạo', { colSpan: 3 }), h('Cơ quan thường trực Ban chỉ đạo', { colSpan: 2 })],
      [hi('Phó bí thư thường trực'), hi('Phó bí thư, Chủ tịch UBND tỉnh'), hi('Khác'), hi('Ban Dân vận'), hi('Phòng Nội vụ')],
    ],
    [16, 12, 16, 18, 10, 14, 14],
  );
}

/** District support team (left empty by communes). */
export function tableSupportDistrict(): Table {
  return table(
    [[h('Huyện, thành phố'), h('Số lượng thành viên'), h('Tổ trưởng Tổ giúp việc'), h('Cơ quan thường trực Tổ giúp việc')]],
    [25, 20, 27, 28],
  );
}

export type SteeringHead = 'Bí thư Đảng ủy' | 'Chủ tịch UBND';

/** The commune's steering committee: members, and an 'x' under the head's post. */
export function tableSteeringCommune(o: { tt: string; unitLabel: string; members: string; head: SteeringHead | null }): Table {
  return table(
    [
      [h('TT', { rowSpan: 2 }), h('Đơn vị', { rowSpan: 2 }), h('Số lượng thành viên Ban chỉ đạo', { rowSpan: 2 }), h('Trưởng Ban chỉ đạo', { colSpan: 2 })],
      [h('Bí thư Đảng ủy'), h('Chủ tịch UBND')],
      [d(o.tt), dl(o.unitLabel), d(o.members), d(o.head === 'Bí thư Đảng ủy' ? 'x' : ''), d(o.head === 'Chủ tịch UBND' ? 'x' : '')],
    ],
    [8, 32, 22, 19, 19],
  );
}

/** The commune's support team. */
export function tableSupportCommune(o: { tt: string; unitLabel: string; members: string; leader: string }): Table {
  return table(
    [
      [h('TT'), h('Đơn vị'), h('Số lượng thành viên'), h('Tổ trưởng Tổ giúp việc')],
      [d(o.tt), dl(o.unitLabel), d(o.members), d(o.leader)],
    ],
    [8, 37, 22, 33],
  );
}

export interface DocumentRow { text: string; date: string; note?: string }

const DOC_GROUPS: [string, string][] = [
  ['I', 'Các văn bản của huyện, thị, thành ủy'],
  ['II', 'Các văn bản của UBND huyện, thị, thành phố'],
  ['III', 'Các văn bản của BCD xây dựng chính quyền thân thiện huyện, thị, thành phố'],
  ['IV', 'Các văn bản của Ban dân vận huyện, thị, thành ủy'],
  ['V', 'Các văn bản của Phòng nội vụ huyện, thị, thành phố'],
];

/**
 * Documents issued: the template's five groups; `rows` fills groups by roman label
 * (empty numbered rows '1', '2' where a group has none, as in the seed).
 */
export function tableDocuments(rows: Partial<Record<string, DocumentRow[]>> = {}, groups = DOC_GROUPS): Table {
  const out: Cell[][] = [[h('TT'), h('Số, kí hiệu, tên văn bản'), h('Ngày ban hành'), h('Ghi chú')]];
  for (const [roman, label] of groups) {
    out.push([h(roman), cell(`<b>${label}</b>`, { align: 'left' }), d(''), d('')]);
    const items = rows[roman];
    if (items && items.length) items.forEach((r, i) => out.push([d(String(i + 1)), dl(r.text), d(r.date), d(r.note ?? '')]));
    else out.push([d('1'), d(''), d(''), d('')], [d('2'), d(''), d(''), d('')]);
  }
  return table(out, [8, 52, 20, 20]);
}

export function tableTraining(o: { classes: string; target: string; participants: string }): Table {
  return table(
    [
      [h('Số lớp tập huấn'), h('Đối tượng tập huấn'), h('Số người tham gia')],
      [d(o.classes), d(o.target), d(o.participants)],
    ],
    [30, 40, 30],
  );
}

export function tableInspections(o: { count: string; unit: string; content: string }): Table {
  return table(
    [
      [h('Số cuộc kiểm tra, giám sát'), h('Đơn vị kiểm tra, giám sát'), h('Nội dung kiểm tra, giám sát')],
      [d(o.count), d(o.unit), d(o.content)],
    ],
    [30, 35, 35],
  );
}

export interface BudgetAnnex {
  year: number;
  /** 'tháng 6/2024' */
  until: string;
  tt: string;
  communeLabel: string;
  /** With the 'Trong đó' split into ngân sách huyện / xã, or totals only. */
  split: boolean;
  /** [total, district, commune] as printed ('' for blank); only [0] is used without the split. */
  planned: [string, string, string];
  disbursed: [string, string, string];
  /** The 'Tổng số' row: left blank (seed) or repeating the commune's figures. */
  totalRow: 'blank' | 'filled';
}

export function tableBudget(o: BudgetAnnex): Table {
  if (o.split) {
    const rows: Cell[][] = [
      [h('TT', { rowSpan: 3 }), h('Xã, phường, thị trấn', { rowSpan: 3 }), h(`Kinh phí dự toán năm ${o.year}`, { colSpan: 3 }), h(`Kinh phí đã triển khai đến ${o.until}`, { colSpan: 3 })],
      [h('Tổng số', { rowSpan: 2 }), h('Trong đó', { colSpan: 2 }), h('Tổng số', { rowSpan: 2 }), h('Trong đó', { colSpan: 2 })],
      [h('Ngân sách huyện'), h('Ngân sách xã'), h('Ngân sách huyện'), h('Ngân sách xã')],
      [d(o.tt), d(o.communeLabel), ...[...o.planned, ...o.disbursed].map((v) => d(v))],
      [d(''), h('Tổng số'), ...(o.totalRow === 'filled' ? [...o.planned, ...o.disbursed] : ['', '', '', '', '', '']).map((v) => (v ? h(v) : d('')))],
    ];
    return table(rows, [6, 22, 12, 12, 12, 12, 12, 12]);
  }
  const rows: Cell[][] = [
    [h('TT'), h('Xã, phường, thị trấn'), h(`Kinh phí dự toán năm ${o.year}`), h(`Kinh phí đã triển khai đến ${o.until}`)],
    [d(o.tt), d(o.communeLabel), d(o.planned[0]), d(o.disbursed[0])],
    [d(''), h('Tổng số'), ...(o.totalRow === 'filled' ? [o.planned[0], o.disbursed[0]] : ['', '']).map((v) => (v ? h(v) : d('')))],
  ];
  return table(rows, [8, 32, 30, 30]);
}

/** Star registration: an 'x' under the registered level. */
export function tableStars(o: { year: number; tt: string; district: string; commune: string; stars: number | null; extraRows: boolean }): Table {
  const rows: Cell[][] = [
    [h('TT', { rowSpan: 2 }), h('Huyện, thị, thành phố', { rowSpan: 2 }), h('Xã, phường, thị trấn', { rowSpan: 2 }), h(`Đăng ký đạt chuẩn năm ${o.year}`, { colSpan: 5 })],
    [1, 2, 3, 4, 5].map((n) => h(`${n} sao`)),
    [d(o.tt), d(o.district), d(o.commune), ...[1, 2, 3, 4, 5].map((n) => d(o.stars === n ? 'x' : ''))],
  ];
  if (o.extraRows) {
    rows.push([d('2'), ...Array.from({ length: 7 }, () => d(''))]);
    rows.push([d('...'), ...Array.from({ length: 7 }, () => d(''))]);
  }
  return table(rows, [6, 20, 24, 10, 10, 10, 10, 10]);
}

// The district's letters to the communes, drafted as .docx for staff to edit, number, sign and send
// (the project never sends anything itself), in the layout of an official letter (công văn) of
// Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman 13–14; a borderless two-column head with
// the issuing body (the superior body above, the office in bold, a short rule), the number line
// "Số: …/PNV" and the subject line "V/v …" under it, and the national title and motto with a rule,
// the place and date line in italics beside them; "Kính gửi:"; the body, justified with a first-line
// indent; a borderless foot with "Nơi nhận:" (bold italic, then "- Như trên; - Lưu: VT, …") on the
// left and the signer's title in bold on the right, with room for the signature and name.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';

const CM = 567;
const A4 = { width: 11906, height: 16838 };
/** Nghị định 30/2020: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: Math.round(1.5 * CM) };
const CONTENT = A4.width - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';

export interface LetterHead {
  /** The superior body, as written on the first line: 'UBND HUYỆN HIỆP HÒA'. */
  superior: string;
  /** The issuing office: 'PHÒNG NỘI VỤ'. */
  office: string;
  /** Its short symbol for the number line: 'PNV'. */
  symbol: string;
  /** The place of the date line: 'Hiệp Hòa'. */
  place: string;
  /** The signer's title: 'TRƯỞNG PHÒNG'. */
  signer: string;
  date: Date;
}

export interface LetterProblem {
  /** 'Tổng không khớp'. */
  title: string;
  message: string;
  quotes: string[];
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, bold: o.bold, italics: o.italics, size: (o.size ?? 14) * 2, font: FONT });
}

function para(children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number; left?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: Math.round(1.27 * CM) } : o.left ? { left: o.left } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
  });
}

const centered = (children: TextRun[], after = 0) => para(children, { align: AlignmentType.CENTER, after });

/** A short rule under a centred heading line (a bottom border on an empty, narrow paragraph). */
function rule(widthCm: number): Paragraph {
  const side = Math.round((CONTENT / 2 - widthCm * CM) / 2);
  return new Paragraph({
    children: [],
    indent: { left: Math.max(side, 0), right: Math.max(side, 0) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after: 120, line: 120 },
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], split = 0.42): Table {
  const cols = [Math.round(CONTENT * split), CONTENT - Math.round(CONTENT * split)];
  return new Table({
    columnWidths: cols,
    width: { size: CONTENT, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({
      cantSplit: true,
      children: [left, right].map((children, i) => new TableCell({ children, width: { size: cols[i]!, type: WidthType.DXA }, borders: noBorders })),
    })],
  });
}

/** 'ngày 05 tháng 02 năm 2025' (days under 10 and months 1, 2 with a leading 0, Nghị định 30/2020). */
export function dateLine(place: string, d: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: 'numeric', year: 'numeric' }).formatToParts(d).map((x) => [x.type, x.value]));
  const month = Number(p.month) <= 2 ? `0${p.month}` : p.month;
  return `${place}, ngày ${p.day} tháng ${month} năm ${p.year}`;
}

function head(h: LetterHead, subject: string): Table {
  const left = [
    centered([run(h.superior, { size: 13 })]),
    centered([run(h.office, { size: 13, bold: true })]),
    rule(2),
    centered([run(`Số:       /${h.symbol}`, { size: 13 })]),
    centered([run(subject, { size: 12 })], 0),
  ];
  const right = [
    centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true })]),
    centered([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true })]),
    rule(5.5),
    centered([run(dateLine(h.place, h.date), { size: 14, italics: true })]),
  ];
  return twoColumns(left, right);
}

function foot(h: LetterHead, recipients: string[]): Table {
  const left = [
    para([run('Nơi nhận:', { size: 12, bold: true, italics: true })], { align: AlignmentType.LEFT, after: 0 }),
    para([run('- Như trên;', { size: 11 })], { align: AlignmentType.LEFT, after: 0 }),
    ...recipients.map((r) => para([run(`- ${r};`, { size: 11 })], { align: AlignmentType.LEFT, after: 0 })),
    para([run('- Lưu: VT, NV.', { size: 11 })], { align: AlignmentType.LEFT, after: 0 }),
  ];
  const right = [
    centered([run(h.signer, { size: 14, bold: true })]),
    centered([run('(Ký, ghi rõ họ tên)', { size: 13, italics: true })], 1400),
  ];
  return twoColumns(left, right, 0.5);
}

async function render(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'baocao',
    title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{
      properties: { page: { size: { width: A4.width, height: A4.height }, margin: MARGIN } },
      children,
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export interface ReminderInput {
  head: LetterHead;
  /** '6 tháng đầu năm 2024'. */
  periodLabel: string;
  /** 'dd/mm/yyyy' or null. */
  deadline: string | null;
  /** 'xã Mai Trung', … */
  units: string[];
  /** What the units are called together: 'các xã, thị trấn'. */
  unitsWord: string;
}

/** The reminder to the units that have not reported. */
export async function reminderLetter(r: ReminderInput): Promise<Buffer> {
  const subject = `V/v đôn đốc gửi báo cáo kết quả xây dựng chính quyền thân thiện ${r.periodLabel}`;
  const body = [
    head(r.head, subject),
    para([run('Kính gửi: ', { bold: false }), run(`Ủy ban nhân dân ${r.unitsWord}: ${r.units.join(', ')}.`)], { align: AlignmentType.LEFT, before: 240, left: Math.round(1.27 * CM) }),
    para([run(
      `Đến nay, ${r.head.office.toLocaleLowerCase('vi').replace(/^./u, (c) => c.toLocaleUpperCase('vi'))} chưa nhận được báo cáo kết quả xây dựng chính quyền thân thiện ${r.periodLabel} ` +
      `của ${r.units.length} đơn vị nêu trên${r.deadline ? ` (thời hạn gửi báo cáo: ngày ${r.deadline})` : ''}.`,
    )], { indent: true }),
    para([run(
      `Để kịp thời tổng hợp, báo cáo cấp trên, đề nghị Ủy ban nhân dân ${r.unitsWord} nêu trên khẩn trương hoàn thành báo cáo ` +
      'và gửi về Phòng Nội vụ trước ngày ....../....../........ (bản điện tử định dạng .docx hoặc .pdf).',
    )], { indent: true }),
    para([run('Danh sách đơn vị chưa gửi báo cáo:')], { indent: true, after: 60 }),
    ...r.units.map((u, i) => para([run(`${i + 1}. ${u.replace(/^./u, (c) => c.toLocaleUpperCase('vi'))}.`)], { indent: true, after: 0 })),
    para([run('Đề nghị các đơn vị quan tâm, thực hiện./.')], { indent: true, before: 120 }),
    foot(r.head, []),
  ];
  return render(subject, body);
}

export interface CorrectionRequestInput {
  head: LetterHead;
  periodLabel: string;
  /** 'xã Đông Lỗ'. */
  unit: string;
  /** 'Báo cáo số 125/BC-UBND ngày 20/06/2024' or 'Báo cáo (tệp "…", nhận ngày …)'. */
  reportRef: string;
  problems: LetterProblem[];
}

/** The request to one unit to correct its report and send it again, listing each problem with its quote. */
export async function correctionRequestLetter(r: CorrectionRequestInput): Promise<Buffer> {
  const subject = `V/v đề nghị kiểm tra, chỉnh sửa báo cáo kết quả xây dựng chính quyền thân thiện ${r.periodLabel}`;
  const unitTitle = r.unit.replace(/^./u, (c) => c.toLocaleUpperCase('vi'));
  const items = r.problems.flatMap((p, i) => [
    para([run(`${i + 1}. ${p.title}: `, { bold: true }), run(p.message.replace(/\.?$/, '.'))], { indent: true, after: 40 }),
    ...p.quotes.map((q) => para([run('Trích báo cáo: ', { italics: true }), run(`“${q}”`, { italics: true })], { indent: true, after: 40 })),
  ]);
  const body = [
    head(r.head, subject),
    para([run('Kính gửi: '), run(`Ủy ban nhân dân ${r.unit}.`)], { align: AlignmentType.LEFT, before: 240, left: Math.round(1.27 * CM) }),
    para([run(
      `Phòng Nội vụ đã nhận ${r.reportRef} của Ủy ban nhân dân ${r.unit} về kết quả xây dựng chính quyền thân thiện ${r.periodLabel}. ` +
      `Qua rà soát, báo cáo còn ${r.problems.length} nội dung cần kiểm tra, chỉnh sửa như sau:`,
    )], { indent: true }),
    ...items,
    para([run(
      `Đề nghị Ủy ban nhân dân ${unitTitle} kiểm tra, chỉnh sửa các nội dung trên và gửi lại báo cáo về Phòng Nội vụ ` +
      'trước ngày ....../....../........ để tổng hợp./.',
    )], { indent: true, before: 120 }),
    foot(r.head, []),
  ];
  return render(subject, body);
}

/** The letter head of a scope: 'huyện Hiệp Hòa, tỉnh Bắc Giang' → UBND HUYỆN HIỆP HÒA / PHÒNG NỘI VỤ;
 *  'tỉnh Bắc Ninh' → UBND TỈNH BẮC NINH / SỞ NỘI VỤ. */
export function headOf(scopeLabel: string | null, date: Date): LetterHead {
  const first = (scopeLabel ?? '').split(',')[0]!.trim();
  const m = /^(huyện|quận|thị xã|thành phố|tỉnh)\s+(.+)$/iu.exec(first);
  const kind = m ? m[1]!.toLocaleLowerCase('vi') : 'huyện';
  const name = m ? m[2]! : first || '…';
  const provinceLevel = kind === 'tỉnh' || (kind === 'thành phố' && !(scopeLabel ?? '').includes(','));
  return {
    superior: `UBND ${kind.toLocaleUpperCase('vi')} ${name.toLocaleUpperCase('vi')}`,
    office: provinceLevel ? 'SỞ NỘI VỤ' : 'PHÒNG NỘI VỤ',
    symbol: provinceLevel ? 'SNV' : 'PNV',
    place: name,
    signer: provinceLevel ? 'GIÁM ĐỐC' : 'TRƯỞNG PHÒNG',
    date,
  };
}

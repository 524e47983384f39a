// The consolidated table as an Excel workbook (exceljs), in the shape of the annex tables that
// communes fill in ("BIỂU TỔNG HỢP"), so the district hands on what it is used to:
//   "Bảng tổng hợp"  the full table: every commune of the district, totals, status, corrections noted;
//   "Ban chỉ đạo"    3. Ban chỉ đạo cấp xã (members; Trưởng Ban chỉ đạo: x under Bí thư Đảng ủy | Chủ tịch UBND)
//                    4. Tổ giúp việc cấp xã (members, Tổ trưởng);
//   "Kinh phí"       dự toán / đã triển khai, each Tổng số + "Trong đó" over Ngân sách huyện | Ngân sách xã;
//   "Đăng ký sao"    x in the column of the star level registered (1 sao … 5 sao).
import ExcelJS from 'exceljs';
import { periodMonths, splitPeriod } from '../document/periods.ts';
import { nameKey } from '../document/names.ts';
import { cellText } from './format.ts';
import { EXPORT_COLUMNS, STATUS_MISSING, type ConsolidatedRow, type ConsolidatedTable, type DistrictTable } from './table.ts';

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const GREY = 'FF7F7F7F';
const CORRECTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** '2024-H1' → '6 tháng đầu năm 2024'. */
export function periodLabel(period: string): string {
  const p = splitPeriod(period);
  if (!p) return period;
  const roman = { Q1: 'I', Q2: 'II', Q3: 'III', Q4: 'IV' } as const;
  switch (p.part) {
    case 'H1': return `6 tháng đầu năm ${p.year}`;
    case 'H2': return `6 tháng cuối năm ${p.year}`;
    case '9M': return `9 tháng năm ${p.year}`;
    case 'Y': return `năm ${p.year}`;
    default: return `quý ${roman[p.part]} năm ${p.year}`;
  }
}

/** Which column of 'Trưởng Ban chỉ đạo' a head's position goes in. */
export function headColumn(head: string | null): 'biThu' | 'chuTich' | 'khac' | null {
  if (!head) return null;
  const k = nameKey(head);
  if (k.includes('phó')) return 'khac';
  if (k.includes('bí thư')) return 'biThu';
  if (k.includes('chủ tịch')) return 'chuTich';
  return 'khac';
}

function unitLabel(row: ConsolidatedRow): string {
  return row.communeKind ? `${row.communeKind} ${row.commune}` : row.commune;
}

function styleRange(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number, style: (cell: ExcelJS.Cell) => void): void {
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) style(ws.getCell(r, c));
}

function title(ws: ExcelJS.Worksheet, row: number, lastCol: number, text: string, opts: { bold?: boolean; italic?: boolean; size?: number } = {}): void {
  ws.mergeCells(row, 1, row, lastCol);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: opts.size ?? 13, bold: opts.bold ?? true, italic: opts.italic ?? false };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** A header cell, merged over r1..r2 × c1..c2. */
function header(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number, text: string): void {
  if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1, c1, r2, c2);
  ws.getCell(r1, c1).value = text;
  styleRange(ws, r1, c1, r2, c2, (cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
}

function body(cell: ExcelJS.Cell, value: ExcelJS.CellValue, opts: { bold?: boolean; grey?: boolean; center?: boolean; wrap?: boolean } = {}): void {
  cell.value = value;
  cell.font = { name: FONT, size: 12, bold: opts.bold ?? false, italic: opts.grey ?? false, ...(opts.grey ? { color: { argb: GREY } } : {}) };
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: opts.center ? 'center' : typeof value === 'number' ? 'right' : 'left', wrapText: opts.wrap ?? false };
  if (typeof value === 'number') cell.numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.##';
}

/** Column widths; landscape, one page wide (A4, or A3 for the wide full table). */
function setup(ws: ExcelJS.Worksheet, widths: number[], paper: 'A4' | 'A3' = 'A4'): void {
  ws.columns = widths.map((width) => ({ width }));
  ws.pageSetup = { orientation: 'landscape', paperSize: (paper === 'A3' ? 8 : 9) as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function allRows(t: ConsolidatedTable): { d: DistrictTable; row: ConsolidatedRow; tt: number }[] {
  return t.districts.flatMap((d) => d.rows.map((row, i) => ({ d, row, tt: i + 1 })));
}

// ---------------------------------------------------------------------------------------------

function fullSheet(wb: ExcelJS.Workbook, t: ConsolidatedTable, heading: string): void {
  const ws = wb.addWorksheet('Bảng tổng hợp', { views: [{ state: 'frozen', xSplit: 3, ySplit: 5 }] });
  const cols = EXPORT_COLUMNS;
  const last = cols.length + 2;
  setup(ws, [6, 16, ...cols.map((c) => (c.key === 'commune' ? 24 : c.key === 'status' ? 16 : /Head|Leader/.test(c.key) ? 22 : 12))], 'A3');
  title(ws, 1, last, 'BẢNG TỔNG HỢP KẾT QUẢ XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN', { size: 14 });
  title(ws, 2, last, `Kỳ báo cáo: ${periodLabel(t.period)} (${t.period})${heading ? ` — ${heading}` : ''}`, { bold: false, italic: true, size: 12 });
  title(ws, 3, last, t.districts.map((d) => `${d.label}: ${d.reported}/${d.communes} đơn vị đã báo cáo`).join('; '), { bold: false, size: 12 });
  const h = 5;
  header(ws, h, 1, h, 1, 'TT');
  header(ws, h, 2, h, 2, 'Huyện, thị, thành phố');
  cols.forEach((c, i) => header(ws, h, i + 3, h, i + 3, c.header));
  ws.getRow(h).height = 48;
  ws.pageSetup.printTitlesRow = `${h}:${h}`; // the header row on every printed page
  ws.headerFooter = { oddFooter: '&CTrang &P/&N' };
  let r = h + 1;
  for (const d of t.districts) {
    const counted: number[] = [];
    d.rows.forEach((row, i) => {
      if (row.counted) counted.push(r);
      const grey = !row.reported;
      body(ws.getCell(r, 1), i + 1, { center: true, grey });
      body(ws.getCell(r, 2), d.district, { grey });
      cols.forEach((c, j) => {
        const raw = c.key === 'flags' && row.status === STATUS_MISSING ? null : (row as unknown as Record<string, unknown>)[c.key];
        const value = c.key === 'commune' ? unitLabel(row) : typeof raw === 'number' ? raw : raw == null ? null : cellText(row, c.key);
        const cell = ws.getCell(r, j + 3);
        body(cell, value, { grey, center: c.key === 'starsRegistered' || c.key === 'flags' });
        if ((row.corrected as string[]).includes(c.key)) {
          cell.fill = CORRECTED_FILL;
          cell.note = 'Giá trị đã được huyện đính chính (xem lịch sử đính chính trên trang tổng hợp)';
        }
      });
      r++;
    });
    body(ws.getCell(r, 1), null);
    body(ws.getCell(r, 2), d.district, { bold: true });
    cols.forEach((c, j) => {
      const raw = (d.totals as unknown as Record<string, unknown>)[c.key];
      let value: ExcelJS.CellValue = c.key === 'commune' ? 'Tổng cộng' : typeof raw === 'number' ? raw : raw == null ? null : cellText(d.totals, c.key);
      // A summed column's total is a formula over the rows it counts (a former unit's report listed
      // beside its successor's own is not counted), with the computed value as its cached result.
      if (c.sum && counted.length) value = { formula: sumFormula(j + 3, counted), result: typeof raw === 'number' ? raw : 0 };
      body(ws.getCell(r, j + 3), value, { bold: true });
    });
    r++;
  }
  ws.autoFilter = { from: { row: h, column: 1 }, to: { row: h, column: last } };
  if (t.outside.length) {
    r++;
    ws.getCell(r, 1).value = `Báo cáo của đơn vị ngoài huyện, không cộng vào bảng: ${t.outside
      .map((o) => `${o.communeKind ?? ''} ${o.commune ?? '(không rõ)'} (${o.district ?? 'không rõ huyện'})`.trim())
      .join('; ')}`;
    ws.getCell(r, 1).font = { name: FONT, size: 11, italic: true };
  }
}

function steeringSheet(wb: ExcelJS.Workbook, t: ConsolidatedTable): void {
  const ws = wb.addWorksheet('Ban chỉ đạo');
  setup(ws, [6, 38, 18, 14, 14, 22]);
  title(ws, 1, 6, 'BIỂU TỔNG HỢP', { size: 14 });
  title(ws, 2, 6, 'Thành viên Ban chỉ đạo Chính quyền thân thiện');
  title(ws, 3, 6, `(Kỳ báo cáo: ${periodLabel(t.period)})`, { bold: false, italic: true, size: 12 });
  let r = 5;
  ws.getCell(r, 1).value = '3. Ban chỉ đạo chính quyền thân thiện cấp xã';
  ws.getCell(r, 1).font = { name: FONT, size: 12, bold: true };
  r++;
  header(ws, r, 1, r + 1, 1, 'TT');
  header(ws, r, 2, r + 1, 2, 'Đơn vị');
  header(ws, r, 3, r + 1, 3, 'Số lượng thành viên Ban chỉ đạo');
  header(ws, r, 4, r, 6, 'Trưởng Ban chỉ đạo');
  header(ws, r + 1, 4, r + 1, 4, 'Bí thư Đảng ủy');
  header(ws, r + 1, 5, r + 1, 5, 'Chủ tịch UBND');
  header(ws, r + 1, 6, r + 1, 6, 'Khác');
  r += 2;
  const multi = t.districts.length > 1;
  for (const d of t.districts) {
    if (multi) r = districtRow(ws, r, 6, d);
    const tally = { biThu: 0, chuTich: 0, khac: 0 };
    d.rows.forEach((row, i) => {
      const grey = !row.reported;
      const col = headColumn(row.steeringHead);
      if (col) tally[col]++;
      body(ws.getCell(r, 1), i + 1, { center: true, grey });
      body(ws.getCell(r, 2), `Đảng ủy ${unitLabel(row)}${grey ? ' (chưa báo cáo)' : ''}`, { grey });
      body(ws.getCell(r, 3), row.steeringMembers, { grey, center: true });
      body(ws.getCell(r, 4), col === 'biThu' ? 'x' : null, { center: true });
      body(ws.getCell(r, 5), col === 'chuTich' ? 'x' : null, { center: true });
      body(ws.getCell(r, 6), col === 'khac' ? row.steeringHead : null, { center: true, wrap: true });
      r++;
    });
    body(ws.getCell(r, 1), null);
    body(ws.getCell(r, 2), 'Tổng số', { bold: true });
    body(ws.getCell(r, 3), d.totals.steeringMembers, { bold: true, center: true });
    body(ws.getCell(r, 4), tally.biThu, { bold: true, center: true });
    body(ws.getCell(r, 5), tally.chuTich, { bold: true, center: true });
    body(ws.getCell(r, 6), tally.khac, { bold: true, center: true });
    r++;
  }

  r += 1;
  ws.getCell(r, 1).value = '4. Tổ giúp việc Ban chỉ đạo Chính quyền thân thiện cấp xã';
  ws.getCell(r, 1).font = { name: FONT, size: 12, bold: true };
  r++;
  header(ws, r, 1, r, 1, 'TT');
  header(ws, r, 2, r, 2, 'Đơn vị');
  header(ws, r, 3, r, 3, 'Số lượng thành viên');
  header(ws, r, 4, r, 6, 'Tổ trưởng Tổ giúp việc');
  r++;
  for (const d of t.districts) {
    if (multi) r = districtRow(ws, r, 6, d);
    d.rows.forEach((row, i) => {
      const grey = !row.reported;
      body(ws.getCell(r, 1), i + 1, { center: true, grey });
      body(ws.getCell(r, 2), `Đảng ủy ${unitLabel(row)}${grey ? ' (chưa báo cáo)' : ''}`, { grey });
      body(ws.getCell(r, 3), row.supportMembers, { grey, center: true });
      ws.mergeCells(r, 4, r, 6);
      body(ws.getCell(r, 4), row.supportLeader, { grey, wrap: true });
      styleRange(ws, r, 5, r, 6, (c) => (c.border = BORDER));
      r++;
    });
    body(ws.getCell(r, 1), null);
    body(ws.getCell(r, 2), 'Tổng số', { bold: true });
    body(ws.getCell(r, 3), d.totals.supportMembers, { bold: true, center: true });
    ws.mergeCells(r, 4, r, 6);
    body(ws.getCell(r, 4), null);
    styleRange(ws, r, 5, r, 6, (c) => (c.border = BORDER));
    r++;
  }
}

function districtRow(ws: ExcelJS.Worksheet, r: number, lastCol: number, d: DistrictTable): number {
  ws.mergeCells(r, 1, r, lastCol);
  const cell = ws.getCell(r, 1);
  cell.value = d.label;
  cell.font = { name: FONT, size: 12, bold: true, italic: true };
  cell.border = BORDER;
  return r + 1;
}

function budgetSheet(wb: ExcelJS.Workbook, t: ConsolidatedTable): void {
  const ws = wb.addWorksheet('Kinh phí');
  setup(ws, [6, 28, 12, 14, 14, 12, 14, 14]);
  const p = splitPeriod(t.period);
  const year = p?.year ?? '';
  const month = p ? periodMonths(p.part)[1] : 12;
  title(ws, 1, 8, 'TỔNG HỢP', { size: 14 });
  title(ws, 2, 8, `Kinh phí đầu tư cho chính quyền thân thiện năm ${year}`);
  title(ws, 3, 8, `(Kỳ báo cáo: ${periodLabel(t.period)})`, { bold: false, italic: true, size: 12 });
  const h = 5;
  header(ws, h, 1, h + 2, 1, 'TT');
  header(ws, h, 2, h + 2, 2, 'Xã, phường, thị trấn');
  header(ws, h, 3, h, 5, `Kinh phí dự toán năm ${year}`);
  header(ws, h, 6, h, 8, `Kinh phí đã triển khai đến tháng ${month}/${year}`);
  header(ws, h + 1, 3, h + 2, 3, 'Tổng số');
  header(ws, h + 1, 4, h + 1, 5, 'Trong đó');
  header(ws, h + 1, 6, h + 2, 6, 'Tổng số');
  header(ws, h + 1, 7, h + 1, 8, 'Trong đó');
  header(ws, h + 2, 4, h + 2, 4, 'Ngân sách huyện');
  header(ws, h + 2, 5, h + 2, 5, 'Ngân sách xã');
  header(ws, h + 2, 7, h + 2, 7, 'Ngân sách huyện');
  header(ws, h + 2, 8, h + 2, 8, 'Ngân sách xã');
  let r = h + 3;
  const multi = t.districts.length > 1;
  const keys = ['budgetPlanned', 'budgetPlannedDistrict', 'budgetPlannedCommune', 'budgetDisbursed', 'budgetDisbursedDistrict', 'budgetDisbursedCommune'] as const;
  for (const d of t.districts) {
    if (multi) r = districtRow(ws, r, 8, d);
    d.rows.forEach((row, i) => {
      const grey = !row.reported;
      body(ws.getCell(r, 1), i + 1, { center: true, grey });
      body(ws.getCell(r, 2), `${row.commune}${grey ? ' (chưa báo cáo)' : ''}`, { grey });
      keys.forEach((k, j) => {
        const cell = ws.getCell(r, j + 3);
        body(cell, row[k], { grey });
        if ((row.corrected as string[]).includes(k)) cell.fill = CORRECTED_FILL;
      });
      r++;
    });
    body(ws.getCell(r, 1), null);
    body(ws.getCell(r, 2), 'Tổng số', { bold: true });
    keys.forEach((k, j) => body(ws.getCell(r, j + 3), d.totals[k], { bold: true }));
    r++;
  }
  r++;
  ws.getCell(r, 1).value = 'Đơn vị tính: Triệu đồng';
  ws.getCell(r, 1).font = { name: FONT, size: 12, italic: true };
}

function starsSheet(wb: ExcelJS.Workbook, t: ConsolidatedTable): void {
  const ws = wb.addWorksheet('Đăng ký sao');
  setup(ws, [6, 22, 28, 9, 9, 9, 9, 9]);
  const year = splitPeriod(t.period)?.year ?? '';
  title(ws, 1, 8, 'TỔNG HỢP', { size: 14 });
  title(ws, 2, 8, `Kết quả đăng ký đơn vị đạt chuẩn chính quyền thân thiện năm ${year}`);
  title(ws, 3, 8, `(Kỳ báo cáo: ${periodLabel(t.period)})`, { bold: false, italic: true, size: 12 });
  const h = 5;
  header(ws, h, 1, h + 1, 1, 'TT');
  header(ws, h, 2, h + 1, 2, 'Huyện, thị, thành phố');
  header(ws, h, 3, h + 1, 3, 'Xã, phường, thị trấn');
  header(ws, h, 4, h, 8, `Đăng ký đạt chuẩn năm ${year}`);
  for (let s = 1; s <= 5; s++) header(ws, h + 1, 3 + s, h + 1, 3 + s, `${s} sao`);
  let r = h + 2;
  const count = [0, 0, 0, 0, 0];
  for (const { d, row, tt } of allRows(t)) {
    const grey = !row.reported;
    body(ws.getCell(r, 1), tt, { center: true, grey });
    body(ws.getCell(r, 2), d.district, { grey });
    body(ws.getCell(r, 3), `${row.commune}${grey ? ' (chưa báo cáo)' : ''}`, { grey });
    for (let s = 1; s <= 5; s++) {
      const cell = ws.getCell(r, 3 + s);
      body(cell, row.starsRegistered === s ? 'x' : null, { center: true });
      if (row.starsRegistered === s && row.corrected.includes('starsRegistered')) cell.fill = CORRECTED_FILL;
    }
    if (row.starsRegistered !== null && row.starsRegistered >= 1 && row.starsRegistered <= 5) count[row.starsRegistered - 1]!++;
    r++;
  }
  body(ws.getCell(r, 1), null);
  body(ws.getCell(r, 2), 'Tổng số', { bold: true });
  body(ws.getCell(r, 3), `${count.reduce((a, b) => a + b, 0)} đơn vị đăng ký`, { bold: true });
  for (let s = 1; s <= 5; s++) body(ws.getCell(r, 3 + s), count[s - 1]!, { bold: true, center: true });
}

/** SUM over the given rows of a column: one range when they are contiguous. */
function sumFormula(col: number, rows: number[]): string {
  const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const contiguous = rows.every((x, i) => i === 0 || x === rows[i - 1]! + 1);
  const L = letter(col);
  return contiguous ? `SUM(${L}${rows[0]}:${L}${rows[rows.length - 1]})` : `SUM(${rows.map((x) => `${L}${x}`).join(',')})`;
}

/** A flag as the flags sheet lists it. */
export interface XlsxFlag {
  commune: string | null;
  severity: string;
  label: string;
  message: string;
  evidence: string[];
  state: string;
  stateBy: string | null;
  stateAt: string | null;
  stateNote: string | null;
}

/** A correction as the history sheet lists it. */
export interface XlsxCorrection {
  commune: string;
  reportId: number;
  label: string;
  oldValue: string;
  newValue: string;
  reason: string;
  who: string;
  at: string;
}

/** A simple list sheet: a title, a header row repeated on each printed page, page numbers. */
function listSheet(wb: ExcelJS.Workbook, name: string, heading: string, headers: string[], widths: number[], rows: ExcelJS.CellValue[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  setup(ws, widths);
  title(ws, 1, headers.length, heading, { size: 13 });
  headers.forEach((text, i) => header(ws, 3, i + 1, 3, i + 1, text));
  ws.pageSetup.printTitlesRow = '3:3';
  ws.headerFooter = { oddFooter: '&CTrang &P/&N' };
  rows.forEach((row, i) => row.forEach((v, j) => body(ws.getCell(4 + i, j + 1), v, { wrap: true, center: j === 0 })));
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
}

export interface XlsxOptions {
  /** Shown under the title: the served district ('huyện Hiệp Hòa, tỉnh Bắc Giang'). */
  heading?: string | null;
  /** A sheet of the period's flags, with their states. */
  flags?: XlsxFlag[];
  /** A sheet of the corrections of the period's reports. */
  corrections?: XlsxCorrection[];
}

/** The workbook as bytes. */
export async function renderXlsx(t: ConsolidatedTable, opts: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'baocao';
  wb.created = new Date();
  fullSheet(wb, t, opts.heading ?? '');
  steeringSheet(wb, t);
  budgetSheet(wb, t);
  starsSheet(wb, t);
  if (opts.flags) {
    listSheet(wb, 'Cảnh báo', `CẢNH BÁO — ${periodLabel(t.period).toUpperCase()}`,
      ['TT', 'Xã/phường/thị trấn', 'Mức độ', 'Loại', 'Nội dung', 'Trích dẫn', 'Trạng thái', 'Người xử lý, lúc', 'Ghi chú'],
      [6, 22, 10, 22, 60, 50, 12, 24, 30],
      opts.flags.map((f, i) => [i + 1, f.commune ?? '', f.severity, f.label, f.message, f.evidence.join('\n'), f.state, f.stateBy ? `${f.stateBy}, ${f.stateAt ?? ''}` : '', f.stateNote ?? '']));
  }
  if (opts.corrections) {
    listSheet(wb, 'Lịch sử đính chính', `LỊCH SỬ ĐÍNH CHÍNH — ${periodLabel(t.period).toUpperCase()}`,
      ['TT', 'Xã/phường/thị trấn', 'Báo cáo số', 'Chỉ tiêu', 'Giá trị cũ', 'Giá trị mới', 'Lý do', 'Người đính chính', 'Lúc'],
      [6, 22, 10, 30, 14, 14, 50, 24, 18],
      opts.corrections.map((c, i) => [i + 1, c.commune, c.reportId, c.label, c.oldValue, c.newValue, c.reason, c.who, c.at]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaocaoError } from '../src/errors.ts';
import { parseDocx } from '../src/parse/docx.ts';
import { parsePdf } from '../src/parse/pdf/index.ts';
import { CUT_NUMBERS, NFD_LINES } from './fixtures/parse/make.ts';
import { BOARD_GRID, BUDGET_GRID, flow, NUMBERED_FLOW, para, paragraphs, REGIONS, REPORT_SECTIONS, tables } from './fixtures/parse/expected.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/parse');
const read = (name: string) => readFileSync(join(FIXTURES, name));


async function code(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(BaocaoError);
  return (err as BaocaoError).code;
}

describe('parsePdf on the report fixture (LibreOffice print of report.docx)', async () => {
  const buffer = read('report.pdf');
  const t0 = performance.now();
  const doc = await parsePdf(buffer);
  const cold = performance.now() - t0;
  const t1 = performance.now();
  await parsePdf(buffer);
  const warm = performance.now() - t1;
  const fromDocx = await parseDocx(read('report.docx'));

  it('reports pages and timing', () => {
    console.log(`parsePdf report.pdf (3 pages): ${cold.toFixed(1)} ms cold, ${warm.toFixed(1)} ms warm`);
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(3);
  });

  it('gives the same paragraphs, regions and sections as the .docx', () => {
    // The .docx reader puts the running header's text once at the top; the PDF drops it from every page.
    expect(flow(doc)).toEqual(flow(fromDocx).filter((l) => !/Báo cáo năm 2024$/.test(l)));
  });

  it('gives each paragraph its section path and region', () => {
    for (const [start, section] of REPORT_SECTIONS) expect(para(doc, start).section, start).toEqual(section);
    for (const [start, region] of REGIONS) expect(para(doc, start).region, start).toBe(region);
  });

  it('joins lines that wrap, headings included, and keeps bold/italic of whole paragraphs', () => {
    expect(para(doc, '2.4.').text).toBe('2.4. Kết quả thực hiện nhóm tiêu chí 4: Thực hiện chuyển đổi số: có 5/6 chỉ tiêu đạt (còn chỉ tiêu 26 chưa đạt).');
    expect(para(doc, '1. Kết quả rà soát').text).toBe('1. Kết quả rà soát, đăng ký xây dựng đơn vị đạt chuẩn chính quyền thân thiện năm 2024');
    expect(para(doc, '1. Kết quả rà soát').style.bold).toBe(true);
    expect(para(doc, 'a) Đối với cấp ủy').style).toEqual({ italic: true });
    expect(para(doc, 'Xã có tổng diện tích').style).toEqual({});
  });

  it('keeps words whole where the file was typed in NFD (LibreOffice writes decomposed ToUnicode entries)', () => {
    expect(para(doc, 'Tình hình an ninh').text).toBe('Tình hình an ninh chính trị trật tự an toàn xã hội trên địa bàn cơ bản ổn định.');
    expect(para(doc, 'Căn cứ Kế hoạch').text).toContain('trên địa bàn huyện năm 2024. Đảng ủy xã đã ban hành quyết định thành lập Ban chỉ đạo.');
    for (const p of paragraphs(doc)) expect(p.text).toBe(p.text.normalize('NFC'));
  });

  it('rebuilds the ruled annex tables with their merged cells, the x in its column', () => {
    const [header, budget, board] = tables(doc);
    expect(budget!.grid).toEqual(BUDGET_GRID);
    expect(budget!.cells[0]![0]).toEqual({ text: 'TT', rowSpan: 3, colSpan: 1 });
    expect(budget!.cells[0]![2]).toEqual({ text: 'Kinh phí dự toán năm 2024', rowSpan: 1, colSpan: 3 });
    expect(budget!.section).toEqual(['PL1', '3']);
    expect(board!.grid).toEqual(BOARD_GRID);
    // The header table has no rules: its columns come from the whitespace, its rows from the
    // lines (a line with an empty first column belongs to the row above).
    expect(header!.region).toBe('header');
    expect(header!.grid).toEqual(tables(fromDocx)[0]!.grid);
  });

  it('leaves the caller’s buffer intact (pdf.js may detach what it is given)', () => {
    expect(buffer.length).toBeGreaterThan(1000);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('parsePdf on a multi-page fixture', async () => {
  const doc = await parsePdf(read('multipage.pdf'));
  const fromDocx = await parseDocx(read('multipage.docx'));

  it('drops page numbers and running headers, and joins paragraphs broken by a page break', () => {
    expect(doc.pageCount).toBe(7);
    // The .docx reader puts the running header's text once at the top; the PDF drops it from every page.
    expect(flow(doc)).toEqual(flow(fromDocx).filter((l) => !/Báo cáo năm 2024$/.test(l)));
    expect(paragraphs(doc).some((p) => /Báo cáo năm 2024$/.test(p.text) || /^\d+$/.test(p.text))).toBe(false);
  });

  it('joins a table continued over pages, dropping the repeated header row; reads a landscape page', () => {
    const [long, wide, open] = tables(doc);
    expect(tables(doc)).toHaveLength(3);
    expect(long!.grid).toEqual(tables(fromDocx)[0]!.grid);
    expect(long!.grid).toHaveLength(71);
    expect(long!.grid[64]).toEqual(['64', 'Thôn 64', '163', '589', 'x']);
    expect(wide!.grid).toEqual(tables(fromDocx)[1]!.grid);
    expect(wide!.region).toBe('annex');
    // Drawn without outer side borders: the outer columns still belong to the table.
    expect(open!.grid).toEqual([['TT', 'Đơn vị', 'Số phiếu khảo sát'], ['1', 'Bộ phận một cửa', '3/7'], ['2', 'Công an xã', '7/7']]);
    expect(open!.grid).toEqual(tables(fromDocx)[2]!.grid);
  });
});

describe('parsePdf on Word-numbered headings', () => {
  it('keeps a list number and the tab after it in the line’s text (no column split)', async () => {
    const doc = await parsePdf(read('numbered.pdf'));
    expect(flow(doc)).toEqual(NUMBERED_FLOW);
    expect(tables(doc)).toHaveLength(0);
  });
});

describe('parsePdf on NFD text and document numbers cut at a line end (nfd.pdf)', async () => {
  const doc = await parsePdf(read('nfd.pdf'));
  const texts = paragraphs(doc).map((p) => p.text);

  it('keeps NFD words whole and word gaps in place, wherever the words fall on the line', () => {
    // pdf.js gave 'Đảng ủ y', 'ổ n định', 'í ch', 'ứ ng', 'ướ c' and 'dân chủ ởcơ sở' (which also
    // split the paragraph: its lines looked short).
    const leads = ['', 'Năm 2024, ', 'Trong năm 2024 vừa qua, ', 'Theo kết quả rà soát, trong năm 2024, '];
    expect(texts.slice(0, 12)).toEqual(leads.flatMap((lead) => NFD_LINES.map((l) => lead + l)));
  });

  it('joins a document number cut after its hyphen without a space', () => {
    const cut = texts.slice(12);
    expect(cut).toEqual(Array.from({ length: 14 }, (_, k) => CUT_NUMBERS.map((l) => `${k}. ${'và '.repeat(k)}${l}`)).flat());
  });
});

describe('parsePdf errors', () => {
  it('ENCRYPTED_PDF for a PDF with an open password', async () => {
    expect(await code(parsePdf(read('encrypted.pdf')))).toBe('ENCRYPTED_PDF');
  });

  it('NO_TEXT for a PDF without a text layer', async () => {
    expect(await code(parsePdf(read('notext.pdf')))).toBe('NO_TEXT');
  });

  it('CORRUPT_PDF for a truncated or garbled PDF', async () => {
    expect(await code(parsePdf(read('report.pdf').subarray(0, 3000)))).toBe('CORRUPT_PDF');
    expect(await code(parsePdf(Buffer.from('%PDF-1.7\nkhông phải PDF\n')))).toBe('CORRUPT_PDF');
  });
});

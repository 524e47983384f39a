import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { BaocaoError } from '../src/errors.ts';
import { htmlToBlocks, parseDocx } from '../src/parse/docx.ts';
import { BOARD_GRID, BUDGET_GRID, flow, NUMBERED_FLOW, para, paragraphs, REGIONS, REPORT_SECTIONS, tables } from './fixtures/parse/expected.ts';
import { makeZip } from './fixtures/parse/zip.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/parse');

describe('parseDocx on the report fixture', async () => {
  const buffer = readFileSync(join(FIXTURES, 'report.docx'));
  const t0 = performance.now();
  const doc = await parseDocx(buffer);
  const ms = performance.now() - t0;

  it('reads a .docx in a few tens of milliseconds', () => {
    console.log(`parseDocx report.docx: ${ms.toFixed(1)} ms (first call, cold)`);
    expect(doc.format).toBe('docx');
    expect(doc.pageCount).toBeNull();
  });

  it('gives each paragraph its section path', () => {
    for (const [start, section] of REPORT_SECTIONS) expect(para(doc, start).section, start).toEqual(section);
  });

  it('finds headings made with Word heading styles, bold paragraphs and plain text', () => {
    expect(para(doc, 'I. KHÁI QUÁT').style).toMatchObject({ headingStyle: 1, bold: true });
    expect(para(doc, 'I. KHÁI QUÁT').heading).toMatchObject({ level: 1, label: 'I' });
    expect(para(doc, '1. Công tác lãnh đạo').style.headingStyle).toBe(2);
    expect(para(doc, 'II. CÔNG TÁC').style).toEqual({ bold: true });
    expect(para(doc, 'a) Đối với cấp ủy').style).toEqual({ italic: true });
    expect(para(doc, 'b) Đối với HĐND').style).toEqual({});
    expect(para(doc, '2.4. Kết quả').heading).toMatchObject({ level: 3, label: '2.4' });
    // Bold only in part ('(theo dữ liệu dân cư)' in italics): no paragraph style.
    expect(para(doc, 'Xã có tổng diện tích').style).toEqual({});
  });

  it('puts header, title, body, closing and annex in their regions', () => {
    const header = tables(doc)[0]!;
    expect(header.region).toBe('header');
    expect(header.grid).toEqual([
      ['UBND XÃ ĐÔNG LỖ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số: 125/BC-UBND', 'Đông Lỗ, ngày 20 tháng 6 năm 2024'],
    ]);
    for (const [start, region] of REGIONS) expect(para(doc, start).region, start).toBe(region);
  });

  it('splits a paragraph at <br>: the signature lines', () => {
    const i = paragraphs(doc).findIndex((p) => p.text === 'KT. CHỦ TỊCH');
    expect(paragraphs(doc)[i + 1]!.text).toBe('PHÓ CHỦ TỊCH');
    expect(paragraphs(doc)[i]!.style.bold).toBe(true);
  });

  it('reads list items as paragraphs', () => {
    expect(para(doc, 'Hệ thống loa truyền thanh').text).toBe('Hệ thống loa truyền thanh của xã và các thôn');
  });

  it('gives NFC text even where the file has NFD', () => {
    const nfd = para(doc, 'Tình hình an ninh');
    expect(nfd.text).toBe('Tình hình an ninh chính trị trật tự an toàn xã hội trên địa bàn cơ bản ổn định.'.normalize('NFC'));
    for (const p of paragraphs(doc)) expect(p.text).toBe(p.text.normalize('NFC'));
  });

  it('resolves merged cells of the annex tables', () => {
    const [, budget, board] = tables(doc);
    expect(budget!.region).toBe('annex');
    expect(budget!.section).toEqual(['PL1', '3']);
    expect(budget!.grid).toEqual(BUDGET_GRID);
    expect(budget!.cells[0]![0]).toEqual({ text: 'TT', rowSpan: 3, colSpan: 1 });
    expect(budget!.cells[0]![2]).toEqual({ text: 'Kinh phí dự toán năm 2024', rowSpan: 1, colSpan: 3 });
    expect(budget!.cells[1]![1]).toEqual({ text: 'Trong đó', rowSpan: 1, colSpan: 2 });
    expect(board!.section).toEqual(['PL2', '3']);
    expect(board!.grid).toEqual(BOARD_GRID);
  });
});

describe('parseDocx with Word numbering', () => {
  it('puts back the numbers Word draws (I., 1., 1.1., a), dash bullets), so sections follow them', async () => {
    const doc = await parseDocx(readFileSync(join(FIXTURES, 'numbered.docx')));
    expect(flow(doc)).toEqual(NUMBERED_FLOW);
  });
});

describe('parseDocx on made-up documents', () => {
  const build = (children: (Paragraph | Table)[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

  it('flattens a nested table into its cell and keeps a cell’s paragraphs on separate lines', async () => {
    const inner = new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [new Paragraph('Ngân sách huyện')] }), new TableCell({ children: [new Paragraph('0')] })] }),
        new TableRow({ children: [new TableCell({ children: [new Paragraph('Ngân sách xã')] }), new TableCell({ children: [new Paragraph('10')] })] }),
      ],
    });
    const outer = new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('Kinh phí'), new Paragraph('năm 2024')] }),
            new TableCell({ children: [new Paragraph('Chi tiết:'), inner] }),
          ],
        }),
      ],
    });
    const doc = await parseDocx(await build([new Paragraph('Bảng'), outer]));
    const t = tables(doc)[0]!;
    expect(t.cells).toHaveLength(1);
    expect(t.grid).toEqual([['Kinh phí\nnăm 2024', 'Chi tiết:\nNgân sách huyện 0\nNgân sách xã 10']]);
  });

  it('splits at line breaks, marks bold only when the whole paragraph is bold, drops empty paragraphs', async () => {
    const doc = await parseDocx(await build([
      new Paragraph({ children: [new TextRun({ text: 'TM. ỦY BAN NHÂN DÂN', bold: true }), new TextRun({ text: 'CHỦ TỊCH', bold: true, break: 1 })] }),
      new Paragraph(''),
      new Paragraph({ children: [new TextRun({ text: 'Kết quả: ', bold: true }), new TextRun('đạt 3 sao.')] }),
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('a) Nhóm tiêu chí 1')] }),
    ]));
    expect(paragraphs(doc).map((p) => [p.text, p.style])).toEqual([
      ['TM. ỦY BAN NHÂN DÂN', { bold: true }],
      ['CHỦ TỊCH', { bold: true }],
      ['Kết quả: đạt 3 sao.', {}],
      ['a) Nhóm tiêu chí 1', { headingStyle: 3 }],
    ]);
  });

  it('reads mammoth HTML with nested lists, footnotes (after the paragraph that cites them) and <th> cells', () => {
    const blocks = htmlToBlocks(
      '<ol><li>Một<ol><li>Một một</li></ol></li><li>Hai</li></ol>' +
        '<p>Dân số 17.128<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> người.</p>' +
        '<table><tr><th colspan="2"><p>Trong đó</p></th></tr><tr><td><p>A</p></td><td><p>B</p></td></tr></table>' +
        '<ol><li id="footnote-1"><p>Theo dữ liệu dân cư.</p></li></ol>',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Một', style: {} },
      { kind: 'paragraph', text: 'Một một', style: {} },
      { kind: 'paragraph', text: 'Hai', style: {} },
      { kind: 'paragraph', text: 'Dân số 17.128 người.', style: {} },
      { kind: 'paragraph', text: 'Theo dữ liệu dân cư.', style: {} },
      { kind: 'table', cells: [[{ text: 'Trong đó', rowSpan: 1, colSpan: 2 }], [{ text: 'A', rowSpan: 1, colSpan: 1 }, { text: 'B', rowSpan: 1, colSpan: 1 }]] },
    ]);
  });

  it('throws CORRUPT_DOCX for bytes that are not a Word file', async () => {
    const report = readFileSync(join(FIXTURES, 'report.docx'));
    for (const bad of [Buffer.from('not a zip at all'), report.subarray(0, report.length >> 1), makeZip({ 'hello.txt': 'xin chào' })]) {
      const err = await parseDocx(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BaocaoError);
      expect((err as BaocaoError).code).toBe('CORRUPT_DOCX');
    }
  });
});

// The PDF reader (src/parse/pdf/) on what different producers write: glyphs of a line drawn in
// any order and from two fonts, doubled glyphs, legacy-font names, tables without borders, no
// pages; and the Chromium / LibreOffice samples of samples/pdf-producers against their .docx.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaocaoError, userLine } from '../src/errors.ts';
import type { DocumentModel, Table } from '../src/document/model.ts';
import { encodeLegacy } from '../src/parse/legacy-fonts/index.ts';
import { parseDocx } from '../src/parse/docx.ts';
import { parsePdf } from '../src/parse/pdf/index.ts';
import { composeAll } from '../samples/generate.ts';
import { formatExpected } from '../samples/lib/expected.ts';
import { planPdfProducers } from '../samples/lib/pdf-producers.ts';
import { renderDocx } from '../samples/lib/render-docx.ts';
import { setLine, textWidth, writeEmptyPdf, writePdf, type FontKey, type Glyph } from './helpers/pdf-writer.ts';

const paragraphs = (doc: DocumentModel) => doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const spans = (t: Table) => t.cells.map((row) => row.map((c) => `${c.text}${c.rowSpan > 1 ? `↓${c.rowSpan}` : ''}${c.colSpan > 1 ? `→${c.colSpan}` : ''}`));

/** Latin-1 letters from the serif, the rest (Vietnamese letters) from a second font. */
const twoFonts = (ch: string): FontKey => (ch.codePointAt(0)! > 0xff ? 'dejavu' : 'tinos');
/** The glyphs of each font drawn together, one font after the other (as LibreOffice does when
 *  its font lacks the Vietnamese letters and a fallback font draws them). */
const fontByFont = (glyphs: Glyph[]) => [...glyphs.filter((g) => g.font !== 'dejavu'), ...glyphs.filter((g) => g.font === 'dejavu')];

const PROSE = [
  'Ủy ban nhân dân xã Lạc Thủy tổng kết việc xây dựng chính quyền thân thiện,',
  'lấy sự hài lòng của người dân làm thước đo; bộ phận một cửa đón tiếp chu đáo.',
];

describe('characters in visual order, whatever order the file draws them in', () => {
  it('reads whole words on lines whose Vietnamese letters come from a second font drawn after the first', async () => {
    const glyphs = PROSE.flatMap((t, i) => fontByFont(setLine(t, 72, 100 + 16 * i, 12, twoFonts)));
    const doc = await parsePdf(writePdf([glyphs]));
    expect(paragraphs(doc)).toEqual([PROSE.join(' ')]);
  });

  it('reads a line drawn right to left, and a glyph drawn twice (fake bold) once', async () => {
    const line = setLine('Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính', 72, 100, 12, () => 'tinos-bold');
    const doubled = line.flatMap((g) => [g, { ...g, x: g.x + 0.3 }]);
    const doc = await parsePdf(writePdf([[...doubled].reverse()]));
    expect(paragraphs(doc)).toEqual(['Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính']);
    expect(doc.blocks[0]!.kind === 'paragraph' && doc.blocks[0]!.style.bold).toBe(true);
  });

  it('decodes words in legacy fonts (.VnTime: TCVN3, VNI-Times: VNI) by the font’s name', async () => {
    const tcvn3 = 'Thôn Đồng Quỹ có 415 hộ, tỷ lệ hài lòng đạt 96,5%.';
    const vni = 'Ủy ban mặt trận tổ quốc phường Hưng Đạo phối hợp tuyên truyền.';
    const glyphs = [
      ...setLine(encodeLegacy(tcvn3, 'tcvn3'), 72, 100, 12, () => 'vntime'),
      ...setLine(encodeLegacy(vni, 'vni'), 72, 140, 12, () => 'vni'),
    ];
    const doc = await parsePdf(writePdf([glyphs]));
    expect(paragraphs(doc)).toEqual([tcvn3, vni]);
  });
});

describe('tables without borders', () => {
  // Cells left-aligned in their columns, words 3 pt apart; a header cell centred over two columns.
  const cell = (text: string, x: number, y: number) => setLine(text, x, y, 12, () => 'tinos');
  const COLS = [72, 100, 230, 300];
  const centred = (text: string, from: number, to: number) => (from + to) / 2 - textWidth(text, 12, 'tinos') / 2;
  const table: Glyph[] = [
    ...cell('Danh sách các thôn đăng ký đạt chuẩn văn hóa năm 2024 của xã Minh Tân như sau:', 72, 80),
    ...cell('Số hộ gia đình', centred('Số hộ gia đình', COLS[2]!, COLS[3]! + textWidth('Đạt chuẩn', 12, 'tinos')), 110),
    ...cell('TT', COLS[0]!, 118), ...cell('Thôn', COLS[1]!, 118),
    ...cell('Tổng số', COLS[2]!, 128), ...cell('Đạt chuẩn', COLS[3]!, 128),
    ...cell('1', COLS[0]!, 148), ...cell('Thôn Đông', COLS[1]!, 148), ...cell('214', COLS[2]!, 148), ...cell('198', COLS[3]!, 148),
    ...cell('2', COLS[0]!, 166), ...cell('Thôn Tây Nam', COLS[1]!, 166), ...cell('187', COLS[2]!, 166), ...cell('160', COLS[3]!, 166),
    ...cell('Các thôn còn lại tiếp tục rà soát, hoàn thiện hồ sơ để đăng ký trong năm sau.', 72, 196),
  ];

  it('rebuilds the grid: columns from the values, a header cell over two columns, the paragraphs around it', async () => {
    const doc = await parsePdf(writePdf([table]));
    expect(paragraphs(doc)).toEqual([
      'Danh sách các thôn đăng ký đạt chuẩn văn hóa năm 2024 của xã Minh Tân như sau:',
      'Các thôn còn lại tiếp tục rà soát, hoàn thiện hồ sơ để đăng ký trong năm sau.',
    ]);
    expect(tables(doc).map(spans)).toEqual([[
      ['TT↓2', 'Thôn↓2', 'Số hộ gia đình→2'],
      ['Tổng số', 'Đạt chuẩn'],
      ['1', 'Thôn Đông', '214', '198'],
      ['2', 'Thôn Tây Nam', '187', '160'],
    ]]);
  });

  it('joins a table continued on the next page (its columns in the same places)', async () => {
    const row = (cells: string[], y: number) => cells.flatMap((t, k) => cell(t, COLS[k]!, y));
    const page1 = [
      ...cell('Kết quả rà soát hộ gia đình văn hóa ở các thôn trong năm 2024 được tổng hợp như sau:', 72, 700),
      ...row(['TT', 'Thôn', 'Số hộ', 'Đạt chuẩn'], 730),
      ...row(['1', 'Thôn Đông', '214', '198'], 750), ...row(['2', 'Thôn Tây Nam', '187', '160'], 768),
    ];
    const page2 = [
      ...row(['3', 'Thôn Bắc', '95', '90'], 80), ...row(['4', 'Thôn Trung', '132', '121'], 98),
      ...cell('Các thôn còn lại tiếp tục rà soát, hoàn thiện hồ sơ để đăng ký trong năm sau.', 72, 128),
    ];
    const doc = await parsePdf(writePdf([page1, page2]));
    expect(tables(doc).map((t) => t.grid)).toEqual([[
      ['TT', 'Thôn', 'Số hộ', 'Đạt chuẩn'],
      ['1', 'Thôn Đông', '214', '198'], ['2', 'Thôn Tây Nam', '187', '160'],
      ['3', 'Thôn Bắc', '95', '90'], ['4', 'Thôn Trung', '132', '121'],
    ]]);
  });

  it('leaves a justified paragraph (wide spaces, numbers in it) as text', async () => {
    // Every space stretched to 9 pt: wider than a word space, as wide as a cell gap, but the same
    // all along the line; the second line ends short (the paragraph's last line).
    const words = 'Dân số 19 074 người, 4 544 hộ, 8 thôn và 2 tổ dân phố trên địa bàn xã Minh Tân'.split(' ');
    const glyphs: Glyph[] = [];
    for (const [y, line] of [[100, words.slice(0, 12)], [116, words.slice(12)]] as const) {
      let x = 72;
      for (const w of line) {
        glyphs.push(...setLine(w, x, y, 12, () => 'tinos'));
        x += textWidth(w, 12, 'tinos') + 9;
      }
    }
    const doc = await parsePdf(writePdf([glyphs]));
    expect(tables(doc)).toHaveLength(0);
    expect(paragraphs(doc)).toEqual([words.join(' ')]);
  });
});

describe('errors', () => {
  it('EMPTY_PDF, one Vietnamese line, for a PDF without pages', async () => {
    const err = await parsePdf(writeEmptyPdf()).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BaocaoError);
    expect((err as BaocaoError).code).toBe('EMPTY_PDF');
    expect(userLine('rong.pdf', err)).toBe('rong.pdf: tệp PDF không có trang nào');
  });
});

describe('samples/pdf-producers: Chromium prints and borderless LibreOffice PDFs read as their .docx', async () => {
  const DIR = join(import.meta.dirname, '../samples/pdf-producers');
  const samples = planPdfProducers(composeAll());

  it('are what the generator makes (run `npm run samples` after changing it): ten files, four producers', () => {
    expect(samples.map((s) => s.output).sort()).toEqual(['pdf-chromium', 'pdf-chromium', 'pdf-chromium', 'pdf-chromium-borderless', 'pdf-chromium-borderless',
      'pdf-chromium-mixed', 'pdf-chromium-mixed', 'pdf-lo-borderless', 'pdf-lo-borderless', 'pdf-lo-borderless']);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort()).toEqual(samples.map((s) => s.file).sort());
    for (const s of samples) expect(readFileSync(join(DIR, `${s.id}.expected.json`), 'utf8'), s.id).toBe(formatExpected(s.expected));
  });

  for (const s of samples) {
    it(`${s.output}: ${s.id}`, async () => {
      const pdf = await parsePdf(readFileSync(join(DIR, s.file)));
      const docx = await parseDocx(Buffer.from(await renderDocx(s.model)));
      // The body's paragraphs, word for word.
      const body = (d: DocumentModel) => d.blocks.filter((b) => b.kind === 'paragraph' && b.region === 'body').map((b) => (b.kind === 'paragraph' ? b.text : ''));
      expect(body(pdf)).toEqual(body(docx));
      // The annex tables that hold values: the same grids (merged cells resolved).
      const grids = (d: DocumentModel) => tables(d).filter((t) => t.region === 'annex' && t.grid.some((r) => r.some((c) => /^\d+$/.test(c)))).map((t) => t.grid);
      expect(grids(pdf).length).toBe(grids(docx).length);
      const gp = grids(pdf), gd = grids(docx);
      gd.forEach((g, k) => expect(gp[k], `annex table ${k + 1}`).toEqual(g));
    });
  }
});

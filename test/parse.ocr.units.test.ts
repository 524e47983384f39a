// The OCR steps that need no tesseract: confusions, tone marks, hOCR, ruling lines, skew and
// orientation on drawn images, review marks, text-layer verdict, subprocess deadline.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../src/document/structure.ts';
import { fixConfusions, fixLineStart } from '../src/parse/ocr/confusions.ts';
import { judgeTextLayer } from '../src/parse/ocr/garbage.ts';
import { parseHocr } from '../src/parse/ocr/hocr.ts';
import { binarize, rotateQuarter, rotateSmall, type GrayImage } from '../src/parse/ocr/image.ts';
import { retone } from '../src/parse/ocr/retone.ts';
import { eraseRules, findRules } from '../src/parse/ocr/rules.ts';
import { isNoise, type OcrRun } from '../src/parse/ocr/runs.ts';
import { straighten } from '../src/parse/ocr/straighten.ts';
import { runTool, ToolMissingError, ToolTimeoutError } from '../src/parse/ocr/subprocess.ts';
import { ruledTables } from '../src/parse/ocr/tables.ts';
import { sweepStale } from '../src/parse/ocr/tempdir.ts';
import { markUncertain } from '../src/parse/ocr/uncertain.ts';

function run(text: string, conf: number, line: number, word: number, page = 1): OcrRun {
  return { text, conf, line, word, page, x: word * 30, y: line * 20, w: 25, size: 12, bold: false, italic: false };
}

describe('OCR confusions', () => {
  it('reads look-alike letters as digits only inside numbers', () => {
    expect(fixConfusions('dân số 1O.O61 khẩu, l5 thôn')).toBe('dân số 10.061 khẩu, 15 thôn');
    expect(fixConfusions('ngày 12/6/2O24 (số 1O5/BC-UBND)')).toBe('ngày 12/6/2024 (số 105/BC-UBND)');
    expect(fixConfusions('I. ĐẶC ĐIỂM; II; lO; Il; 12B; BC-UBND; Số: ..../BC-UBND')).toBe('I. ĐẶC ĐIỂM; II; lO; Il; 12B; BC-UBND; Số: ..../BC-UBND');
  });
  it('puts the decimal comma, the Đ and the symbol letters right', () => {
    expect(fixConfusions('diện tích 2.544.10 ha')).toBe('diện tích 2.544,10 ha');
    expect(fixConfusions('Ðảng ủy ban hành 66-QĐ/ĐĐU và 49-QĐĐ/ĐU')).toBe('Đảng ủy ban hành 66-QĐ/ĐU và 49-QĐ/ĐU');
    expect(fixConfusions('| 30 | .20 |')).toBe('| 30 | 20 |');
    expect(fixConfusions('2.544,10 ha và 17 128 người')).toBe('2.544,10 ha và 17 128 người');
  });
  it('reads a line-initial tilde as a dash and mangled Roman headings as Roman numbers', () => {
    expect(['~', '~-', 'HI.', 'Ill.', 'IL.', 'I.', 'Hà', 'l.', '1.'].map(fixLineStart)).toEqual(['-', '-', 'III.', 'III.', 'II.', 'I.', 'Hà', 'I.', '1.']);
  });
  it('drops specks but never a list dash', () => {
    expect(isNoise(run('_', 0, 0, 0))).toBe(true);
    expect(isNoise(run(':', 23, 0, 0))).toBe(true);
    expect(isNoise(run('ï', 10, 0, 0))).toBe(true);
    expect(isNoise(run('-', 20, 0, 0))).toBe(false);
    expect(isNoise(run('x', 73, 0, 0))).toBe(false);
    expect(isNoise(run('9', 90, 0, 0))).toBe(false);
  });
});

describe('tone marks', () => {
  it('fixes a term that differs in tone marks only, even across a line end', () => {
    const runs = [run('BIẾU', 55, 0, 0), run('TỐNG', 61, 0, 1), run('HỢP', 96, 0, 2), run('có', 96, 1, 0), run('24', 96, 1, 1), run('chỉ', 58, 1, 2), run('bộ,', 96, 2, 0), run('kiếm', 90, 2, 1), run('tra', 96, 2, 2)];
    retone(runs, { unsureBelow: 75 });
    expect(runs.map((r) => r.text).join(' ')).toBe('BIỂU TỔNG HỢP có 24 chi bộ, kiểm tra');
  });
  it('leaves real words, and pairs two terms share, as read', () => {
    const runs = [run('khiếu', 96, 0, 0), run('nại,', 96, 0, 1), run('tố', 96, 0, 2), run('cáo', 96, 0, 3), run('chi', 50, 1, 0), run('tiêu', 50, 1, 1), run('hơn', 50, 1, 2)];
    retone(runs, { unsureBelow: 75 });
    expect(runs.map((r) => r.text).join(' ')).toBe('khiếu nại, tố cáo chi tiêu hơn');
  });
  it('takes a registry name only where OCR was unsure of the word', () => {
    const unsure = [run('thị', 96, 0, 0), run('trấn', 96, 0, 1), run('Nham', 96, 0, 2), run('Biên', 34, 0, 3)];
    const sure = [run('xã', 96, 0, 0), run('Nham', 96, 0, 1), run('Biên', 96, 0, 2)];
    retone(unsure, { unsureBelow: 75 });
    retone(sure, { unsureBelow: 75 });
    expect(unsure.map((r) => r.text).join(' ')).toBe('thị trấn Nham Biền');
    expect(sure.map((r) => r.text).join(' ')).toBe('xã Nham Biên');
  });
});

describe('hOCR', () => {
  it('gives words with boxes, baseline, size, confidence and line', () => {
    const hocr = `<div class='ocr_page' title='bbox 0 0 100 100'>
     <span class='ocr_line' id='line_1_1' title="bbox 10 20 200 50; baseline 0.01 -5; x_size 28.5; x_descenders 5; x_ascenders 6">
      <span class='ocrx_word' id='word_1_1' title='bbox 10 22 60 45; x_wconf 96'>Số</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 70 20 200 50; x_wconf 41'>&quot;17.128&quot;</span>
     </span>
     <span class='ocr_textfloat' id='line_1_2' title="bbox 10 60 50 80; baseline 0 -2; x_size 20">
      <span class='ocrx_word' id='word_1_3' title='bbox 10 60 50 80; x_wconf 90'><strong>x</strong></span>
     </span></div>`;
    const words = parseHocr(hocr);
    expect(words.map((w) => [w.text, w.conf, w.line])).toEqual([['Số', 96, 0], ['"17.128"', 41, 0], ['x', 90, 1]]);
    expect(words[0]!.baseline).toBeCloseTo(50 - 5 + 0.01 * 25, 5);
    expect(words[1]!.lineSize).toBe(28.5);
    expect(words[2]!.baseline).toBe(78);
  });
});

/** A white page with a ruled 3 × 2 table and some 'text' (short blobs) at 150 dpi. */
function drawnPage(): GrayImage {
  const w = 1200, h = 1600;
  const data = new Uint8Array(w * h).fill(250);
  const dot = (x: number, y: number, v = 20) => (data[y * w + x] = v);
  const hLine = (y: number, x0: number, x1: number) => { for (let x = x0; x <= x1; x++) dot(x, y, 150); };
  const vLine = (x: number, y0: number, y1: number) => { for (let y = y0; y <= y1; y++) dot(x, y, 150); };
  // Text lines: rows of glyph-like blobs with x-height bands, ascenders above.
  for (let line = 0; line < 12; line++) {
    const base = 150 + line * 40;
    for (let g = 0; g < 60; g++) {
      const x0 = 150 + g * 15;
      for (let y = base - 12; y < base; y++) for (let x = x0; x < x0 + 9; x++) if ((x + y) % 3) dot(x, y);
      if (g % 3 === 0) for (let y = base - 22; y < base - 12; y++) dot(x0 + 1, y), dot(x0 + 2, y); // ascender / tone mark
    }
  }
  // The table: rows at 800, 860, 920, 980; columns at 150, 500, 1050.
  for (const y of [800, 860, 920, 980]) hLine(y, 150, 1050);
  for (const x of [150, 500, 1050]) vLine(x, 800, 980);
  return { width: w, height: h, data };
}

describe('page image geometry', () => {
  it('finds the ruled table (thin grey lines) and no rule in the text', () => {
    const img = drawnPage();
    const rules = findRules(binarize(img, 200), img.width, img.height, { dpi: 150 });
    expect(rules.filter((r) => r.dir === 'h').map((r) => Math.round(r.at))).toEqual([800, 860, 920, 980]);
    expect(rules.filter((r) => r.dir === 'v').map((r) => Math.round(r.at))).toEqual([150, 500, 1050]);
    const tables = ruledTables(rules, 4);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.box).toEqual({ x0: 150, y0: 800, x1: 1050, y1: 980 });
    const erased = eraseRules(img, rules);
    expect(erased.data[860 * img.width + 300]).toBe(255);
    expect(erased.data[140 * img.width + 152]).toBe(20); // text untouched
  });

  it('levels a skewed page and turns a page upside down or on its side back upright', () => {
    const img = drawnPage();
    for (const [turn, skew] of [[0, 1.5], [180, -1], [90, 0.8], [270, 0]] as const) {
      const scanned = rotateQuarter(rotateSmall(img, skew), turn);
      const s = straighten(scanned);
      expect((s.turn + turn) % 360, `turn ${turn}`).toBe(0);
      expect(Math.abs(s.skew - skew), `skew ${skew} (turn ${turn})`).toBeLessThan(0.2);
      expect(s.image.width).toBe(img.width);
    }
  });
});

describe('review marks', () => {
  it('marks the low-confidence words where they are, in paragraphs and cells', () => {
    const doc = buildDocument([
      { kind: 'paragraph', text: 'Xã có 24 chi bộ, 10.061 khẩu.' },
      { kind: 'paragraph', text: 'Có 24 đảng viên.' },
      { kind: 'table', cells: [[{ text: 'Số người', rowSpan: 1, colSpan: 1 }, { text: '9', rowSpan: 1, colSpan: 1 }]] },
    ], 'pdf-ocr', 1);
    const runs = [
      run('Xã', 96, 0, 0), run('có', 96, 0, 1), run('24', 96, 0, 2), run('chi', 96, 0, 3), run('bộ,', 96, 0, 4), run('10.061', 52, 0, 5), run('khẩu.', 96, 0, 6),
      run('Có', 96, 1, 0), run('24', 60, 1, 1), run('đảng', 96, 1, 2), run('viên.', 96, 1, 3),
      run('9', 40, 2, 0),
    ];
    expect(markUncertain(doc, runs, 75)).toBe(3);
    const [p1, p2, t] = doc.blocks as [import('../src/document/model.ts').Paragraph, import('../src/document/model.ts').Paragraph, import('../src/document/model.ts').Table];
    expect(p1.uncertain).toEqual([{ start: 17, end: 23, confidence: 52 }]);
    expect(p1.text.slice(17, 23)).toBe('10.061');
    expect(p2.uncertain).toEqual([{ start: 3, end: 5, confidence: 60 }]);
    expect(t.cells[0]![1]!.uncertain).toEqual([{ start: 0, end: 1, confidence: 40 }]);
    expect(t.cells[0]![0]!.uncertain).toBeUndefined();
  });
});

describe('text layer verdict', () => {
  it('tells a broken text layer from Vietnamese', () => {
    expect(judgeTextLayer('Uû ban nh©n d©n x· §«ng Lç b¸o c¸o kÕt qu¶ x©y dùng chÝnh quyÒn th©n thiÖn n¨m 2024 cña x· theo kÕ ho¹ch sè 12/KH-UBND ngµy').unreadable).toBe(true);
    expect(judgeTextLayer('Ủy ban nhân dân xã Đông Lỗ báo cáo kết quả xây dựng chính quyền thân thiện năm 2024 của xã theo kế hoạch số 12/KH-UBND ngày 12/6/2024 có 17.128 nhân khẩu').unreadable).toBe(false);
  });
});

describe('tools under a deadline', () => {
  it('kills a tool that overruns and says so', async () => {
    const t0 = Date.now();
    const err = await runTool('sleep', ['30'], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolTimeoutError);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  it('says when a tool is not installed', async () => {
    expect(await runTool('baocao-no-such-tool', [], { timeoutMs: 2000 }).catch((e: unknown) => e)).toBeInstanceOf(ToolMissingError);
  });
  it('removes temporary folders that a dead process or a killed thread left', async () => {
    const base = mkdtempSync(join(tmpdir(), 'ocr-sweep-'));
    const dead = join(base, 'baocao-ocr-999999999-abc');
    const idle = join(base, `baocao-ocr-${process.pid}-old`);
    const busy = join(base, `baocao-ocr-${process.pid}-new`);
    for (const d of [dead, idle, busy]) mkdirSync(d);
    const old = new Date(Date.now() - 3600_000);
    utimesSync(idle, old, old);
    expect(await sweepStale(base)).toBe(2);
    expect(readdirSync(base)).toEqual([`baocao-ocr-${process.pid}-new`]);
    expect(existsSync(busy)).toBe(true);
  });
});

describe('Roman section numbers', () => {
  it('puts an unsure number that breaks the sequence right, and only that', async () => {
    const { fixRomanSequence } = await import('../src/parse/ocr/confusions.ts');
    const items = [{ text: 'I.', conf: 90 }, { text: 'II.', conf: 90 }, { text: 'II.', conf: 36 }, { text: 'IV.', conf: 90 }, { text: 'I.', conf: 95 }, { text: 'II.', conf: 96 }];
    fixRomanSequence(items, 75);
    expect(items.map((i) => i.text)).toEqual(['I.', 'II.', 'III.', 'IV.', 'I.', 'II.']);
  });
});

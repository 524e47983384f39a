// Legacy Word-family files (src/parse/doc/): a Word 97 .doc made by LibreOffice from a .docx we
// build (text, merged cells, TCVN3/VNI fonts kept through the conversion), RTF, HTML and Word
// 2003 XML under a .doc name, a .docx under a .doc name, a password-protected .doc, a .docm, and
// what happens without LibreOffice or when it hangs.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToDoc } from '../samples/lib/soffice.ts';
import { BaocaoError } from '../src/errors.ts';
import { convertToDocx } from '../src/parse/doc/soffice.ts';
import { word97Info } from '../src/parse/doc/word97.ts';
import { parseFile } from '../src/parse/index.ts';
import { paragraphs, tables } from './fixtures/parse/expected.ts';
import { makeZip } from './fixtures/parse/zip.ts';
import { wordDocx, p } from './fixtures/parse/word-xml.ts';

const ROOT = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'baocao-doc-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const errorOf = async (buffer: Buffer, name: string): Promise<BaocaoError> => {
  const err = await parseFile(buffer, name).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(BaocaoError);
  return err as BaocaoError;
};

/** The report-like .docx the .doc is made from: plain text, a table with merged cells, runs in
 *  TCVN3 (normal and capitals fonts, with an 0xAD 'ư') and VNI fonts. */
async function sourceDocx(): Promise<Buffer> {
  const cell = (text: string, opts: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun({ text: 'ñy ban nh©n d©n x· ®«ng lç', font: '.VnTimeH' })] }),
        new Paragraph('BÁO CÁO'),
        new Paragraph({ children: [new TextRun({ text: 'KÕt qu¶ x©y dùng chÝnh quyÒn th©n thiÖn, ng\u00adêi d©n hµi lßng', font: '.VnTime' })] }),
        new Paragraph({ children: [new TextRun({ text: 'Toaøn xaõ coù 11 thoân vôùi 4.274 hoä', font: 'VNI-Times' })] }),
        new Table({
          rows: [
            new TableRow({ children: [cell('TT', { verticalMerge: VerticalMergeType.RESTART }), cell('Kinh phí', { columnSpan: 2 })] }),
            new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('Huyện'), cell('Xã')] }),
            new TableRow({ children: [cell('1'), cell('20'), cell('50')] }),
          ],
        }),
        new Paragraph('Nơi nhận:'),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe('Word 97 .doc through LibreOffice', () => {
  let doc: Buffer;
  beforeAll(async () => {
    writeFileSync(join(tmp, 'bao-cao.docx'), await sourceDocx());
    const [out] = await docxToDoc([join(tmp, 'bao-cao.docx')], tmp);
    doc = readFileSync(out!);
  }, 120_000);

  it('is a Word 97 file without a password', () => {
    expect(doc.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    expect(word97Info(doc)).toEqual({ encrypted: false, version: 'word97' });
  });

  it('reads text, merged cells and legacy fonts (kept through the conversion)', async () => {
    const t0 = performance.now();
    const model = await parseFile(doc, 'bao-cao.doc');
    console.log(`parse .doc through LibreOffice: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(model.format).toBe('doc');
    expect(paragraphs(model).map((x) => x.text)).toEqual([
      'ỦY BAN NHÂN DÂN XÃ ĐÔNG LỖ',
      'BÁO CÁO',
      'Kết quả xây dựng chính quyền thân thiện, người dân hài lòng',
      'Toàn xã có 11 thôn với 4.274 hộ',
      'Nơi nhận:',
    ]);
    const t = tables(model)[0]!;
    expect(t.grid).toEqual([['TT', 'Kinh phí', 'Kinh phí'], ['TT', 'Huyện', 'Xã'], ['1', '20', '50']]);
    expect(t.cells[0]).toEqual([{ text: 'TT', rowSpan: 2, colSpan: 1 }, { text: 'Kinh phí', rowSpan: 1, colSpan: 2 }]);
  }, 120_000);

  it('refuses a password-protected .doc at once, without starting LibreOffice', async () => {
    const cfb = CFB.read(doc, { type: 'buffer' });
    const entry = CFB.find(cfb, 'WordDocument')!;
    const stream = Buffer.from(entry.content as Uint8Array);
    stream.writeUInt16LE(stream.readUInt16LE(0x0a) | 0x0100, 0x0a); // fEncrypted
    entry.content = stream;
    const locked = Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    expect(word97Info(locked)?.encrypted).toBe(true);
    const t0 = performance.now();
    const err = await errorOf(locked, 'mat-khau.doc');
    expect(err.code).toBe('ENCRYPTED_DOC');
    expect(err.message).toBe('tệp Word có mật khẩu: hãy bỏ mật khẩu rồi gửi lại');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('other files under a .doc name, read as what they are', () => {
  it('a .docx named .doc is read as a .docx', async () => {
    const model = await parseFile(wordDocx({ body: p(['Báo cáo kết quả']) }), 'bao-cao.doc');
    expect(model.format).toBe('docx');
    expect(paragraphs(model).map((x) => x.text)).toEqual(['Báo cáo kết quả']);
  });

  it('RTF (with a TCVN3 font in its font table) is read through LibreOffice', async () => {
    const rtf = '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}{\\f1\\fnil .VnTime;}}\n' +
      '\\pard\\plain\\f0\\fs26 B\\u225?o c\\u225?o k\\u7871?t qu\\u7843?\\par\n' +
      "\\pard\\plain\\f1\\fs26 X\\'b7 c\\'e3 11 th\\'abn\\par\n" +
      '\\trowd\\cellx2000\\cellx4000\\pard\\intbl\\f0 D\\u226?n s\\u7889?\\cell 17.128\\cell\\row\n}';
    const model = await parseFile(Buffer.from(rtf, 'latin1'), 'bao-cao.doc');
    expect(model.format).toBe('doc');
    expect(paragraphs(model).map((x) => x.text)).toEqual(['Báo cáo kết quả', 'Xã có 11 thôn']);
    expect(tables(model)[0]!.grid).toEqual([['Dân số', '17.128']]);
  }, 120_000);

  it('HTML (a web page saved as .doc) is read directly, with its table spans and its charset, without LibreOffice', async () => {
    const html = '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' +
      '<style>p.MsoNormal {font-family:"Times New Roman"}</style></head><body><div class=WordSection1>' +
      '<p class=MsoNormal><b>BÁO CÁO<o:p></o:p></b></p><p class=MsoNormal><![if !supportLists]>1.&nbsp;<![endif]>Toàn xã có 11 thôn.</p>' +
      '<table border="1"><tr><td rowspan="2"><p>TT</p></td><td colspan="2"><p>Kinh phí</p></td></tr><tr><td>Huyện</td><td>Xã</td></tr>' +
      '<tr><td>1</td><td>20</td><td>50</td></tr></table></div></body></html>';
    // Word's Vietnamese web pages are often windows-1258 (tones as combining marks).
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1258'], { input: Buffer.from(html, 'utf8') });
    expect(bytes.includes(Buffer.from('Xã', 'utf8'))).toBe(false);
    const old = process.env.BAOCAO_SOFFICE;
    process.env.BAOCAO_SOFFICE = join(tmp, 'no-such-soffice');
    try {
      const model = await parseFile(bytes, 'bao-cao.doc');
      expect(model.format).toBe('doc');
      expect(paragraphs(model).map((x) => x.text)).toEqual(['BÁO CÁO', '1. Toàn xã có 11 thôn.']);
      expect(tables(model)[0]!.grid).toEqual([['TT', 'Kinh phí', 'Kinh phí'], ['TT', 'Huyện', 'Xã'], ['1', '20', '50']]);
    } finally {
      if (old === undefined) delete process.env.BAOCAO_SOFFICE;
      else process.env.BAOCAO_SOFFICE = old;
    }
  });

  it('HTML in a legacy font (set through a style class) goes through LibreOffice and is decoded', async () => {
    const html = '<html><head><meta charset="utf-8"><style>p.MsoNormal {font-family:".VnTime"}</style></head><body>' +
      '<p class=MsoNormal>Toµn x· cã 11 th«n.</p></body></html>';
    const model = await parseFile(Buffer.from(html, 'utf8'), 'bao-cao.doc');
    expect(paragraphs(model).map((x) => x.text)).toEqual(['Toàn xã có 11 thôn.']);
  }, 120_000);

  it('Word 2003 XML is read through LibreOffice', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
      '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>' +
      '<w:p><w:r><w:t>Báo cáo số 12/BC-UBND</w:t></w:r></w:p></w:body></w:wordDocument>';
    const model = await parseFile(Buffer.from(xml, 'utf8'), 'bao-cao.doc');
    expect(paragraphs(model).map((x) => x.text)).toEqual(['Báo cáo số 12/BC-UBND']);
  }, 120_000);

  it('a macro-enabled Word file named .docx is refused with its reason', async () => {
    const docx = wordDocx({ body: p(['Báo cáo']) });
    const docm = makeZip({ ...Object.fromEntries((await import('../samples/lib/zip.ts')).readZip(docx).map((e) => [e.name, e.data])), 'word/vbaProject.bin': Buffer.from('VBA') });
    const err = await errorOf(docm, 'bao-cao.docx');
    expect(err.code).toBe('MACRO_DOC');
    expect(err.message).toMatch(/macro/);
  });
});

describe('LibreOffice missing, hanging or failing', () => {
  it('without LibreOffice a .doc gets one Vietnamese line saying what to install, and .docx still works', async () => {
    const docFile = join(tmp, 'x.doc');
    writeFileSync(docFile, '{\\rtf1\\ansi B\\u225?o c\\u225?o\\par}');
    const env = { ...process.env, BAOCAO_SOFFICE: join(tmp, 'no-such-soffice') };
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/baocao.js'), 'extract', docFile], { env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('x.doc');
    expect(lines[0]).toContain('apt-get install --no-install-recommends libreoffice-writer-nogui');
    const old = process.env.BAOCAO_SOFFICE;
    process.env.BAOCAO_SOFFICE = env.BAOCAO_SOFFICE;
    try {
      expect((await parseFile(wordDocx({ body: p(['Báo cáo']) }), 'a.docx')).format).toBe('docx');
    } finally {
      if (old === undefined) delete process.env.BAOCAO_SOFFICE;
      else process.env.BAOCAO_SOFFICE = old;
    }
  }, 120_000);

  it('kills a hanging LibreOffice with its whole process group at the deadline, and cleans up', async () => {
    const pids = join(tmp, 'pids');
    const fake = join(tmp, 'hanging-soffice');
    // A stand-in that starts a child (as soffice starts soffice.bin) and never ends.
    writeFileSync(fake, `#!/bin/sh\nsleep 300 &\necho $$ $! > ${pids}\nwait\n`);
    chmodSync(fake, 0o755);
    const old = process.env.BAOCAO_SOFFICE;
    process.env.BAOCAO_SOFFICE = fake;
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('baocao-lo-')));
    try {
      const t0 = performance.now();
      const err = await convertToDocx(Buffer.from('{\\rtf1 x}'), 'rtf', { timeoutMs: 1500 }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(BaocaoError);
      expect((err as BaocaoError).code).toBe('TIMEOUT');
      expect(performance.now() - t0).toBeLessThan(10_000);
    } finally {
      if (old === undefined) delete process.env.BAOCAO_SOFFICE;
      else process.env.BAOCAO_SOFFICE = old;
    }
    const [shell, child] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return !/^Z/m.test(execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }));
      } catch {
        return false;
      }
    };
    await new Promise((r) => setTimeout(r, 300));
    expect(alive(shell!)).toBe(false);
    expect(alive(child!)).toBe(false);
    const after = readdirSync(tmpdir()).filter((f) => f.startsWith('baocao-lo-') && !before.has(f));
    expect(after.filter((f) => existsSync(join(tmpdir(), f)))).toEqual([]);
  }, 30_000);

  it('a file LibreOffice cannot read gives CORRUPT_DOC', async () => {
    const err = await errorOf(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048, 7)]), 'hong.doc');
    expect(err.code).toBe('CORRUPT_DOC');
  });
});

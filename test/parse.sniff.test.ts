import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaocaoError } from '../src/errors.ts';
import { formatOf, parseFile } from '../src/parse/index.ts';
import { sniff, sniffType, zipEntryNames } from '../src/parse/sniff.ts';
import { makeZip } from './fixtures/parse/zip.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/parse');
const read = (name: string) => readFileSync(join(FIXTURES, name));

describe('sniffType', () => {
  it('knows docx, pdf, doc and xlsx by their content', async () => {
    expect(await sniffType(read('report.docx'), 'report.docx')).toBe('docx');
    expect(await sniffType(read('report.pdf'), 'report.pdf')).toBe('pdf');
    expect(await sniffType(read('report.doc'), 'report.doc')).toBe('doc');
    expect(await sniffType(read('tiny.xlsx'), 'tiny.xlsx')).toBe('xlsx');
  });

  it('never trusts the extension alone', async () => {
    expect(await sniffType(read('report.pdf'), 'bao-cao.docx')).toBe('pdf');
    expect(await sniffType(read('report.docx'), 'bao-cao.pdf')).toBe('docx');
    expect(await sniffType(read('report.docx'), 'bao-cao')).toBe('docx');
    expect(await sniffType(read('tiny.xlsx'), 'bao-cao.docx')).toBe('xlsx');
    expect(await sniffType(Buffer.from('Báo cáo kết quả …'), 'bao-cao.docx')).toBe('unknown');
    expect(await sniffType(Buffer.from('{\\rtf1\\ansi Báo cáo}'), 'bao-cao.pdf')).toBe('rtf');
    expect(await sniffType(Buffer.from('\ufeff<!DOCTYPE html><html><body>Báo cáo</body></html>'), 'bao-cao.doc')).toBe('html');
    expect(await sniffType(Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument/>'), 'a.doc')).toBe('wordml');
    expect(await sniffType(Buffer.from('Ghi chú: xem tệp <html> đính kèm'), 'ghi-chu.docx')).toBe('unknown');
    expect(await sniffType(makeZip({ 'a.txt': 'x' }), 'bao-cao.docx')).toBe('unknown');
  });

  it('accepts a PDF header after a little junk, and a truncated docx', async () => {
    const pdf = Buffer.concat([Buffer.from('\r\n\r\n'), read('report.pdf')]);
    expect(await sniffType(pdf, 'x')).toBe('pdf');
    const docx = read('report.docx');
    expect(await sniffType(docx.subarray(0, docx.length - 2000), 'x.bin')).toBe('docx');
  });

  it('lists zip entries from the central directory', () => {
    expect(zipEntryNames(read('report.docx'))).toContain('word/document.xml');
    expect(zipEntryNames(read('tiny.xlsx'))).toContain('xl/workbook.xml');
  });

  it('describes what an unsupported file is', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e50000000049454e44ae426082', 'hex');
    expect(await sniff(png, 'scan.pdf')).toEqual({ type: 'unknown', detail: 'image/png' });
    expect(formatOf('docx')).toBe('docx');
    expect(formatOf('xlsx')).toBeNull();
  });
});

describe('parseFile', () => {
  const code = async (buffer: Buffer, name: string) => {
    const err = await parseFile(buffer, name).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BaocaoError);
    return [(err as BaocaoError).code, (err as BaocaoError).detail];
  };

  it('parses docx, pdf and doc by content', async () => {
    expect((await parseFile(read('report.docx'), 'a.docx')).format).toBe('docx');
    expect((await parseFile(read('report.pdf'), 'a.docx')).format).toBe('pdf');
    expect((await parseFile(read('report.doc'), 'a.doc')).format).toBe('doc');
  });

  it('says why it cannot read a file', async () => {
    expect(await code(Buffer.alloc(0), 'a.docx')).toEqual(['FILE_EMPTY', undefined]);
    expect(await code(read('tiny.xlsx'), 'a.xlsx')).toEqual(['UNSUPPORTED_TYPE', 'tệp Excel (.xlsx)']);
    expect((await code(Buffer.from('xin chào'), 'a.txt'))[0]).toBe('UNSUPPORTED_TYPE');
    expect((await code(makeZip({ 'a.txt': 'x' }), 'a.docx'))[0]).toBe('CORRUPT_DOCX');
    expect((await code(read('report.docx').subarray(0, 3000), 'a.docx'))[0]).toBe('CORRUPT_DOCX');
    expect((await code(read('notext.pdf'), 'scan.pdf'))[0]).toBe('NO_TEXT');
  });
});

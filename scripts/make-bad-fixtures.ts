// Regenerates the bad-input corpus in test/fixtures/bad/:  npx tsx scripts/make-bad-fixtures.ts
// Every file is made here from the seed report (samples/seed/) or from nothing, so none is a
// hand-placed binary. Needs LibreOffice (soffice) for the 300-page PDF and qpdf for the
// password-protected one (apt-get install qpdf); expected outcomes: test/fixtures/bad/expected.json.
//
//   tep-rong.docx                  empty file                                  → failed FILE_EMPTY
//   bi-cat-ngang.docx              the seed .docx cut at 55 % of its bytes     → failed CORRUPT_DOCX
//   anh-chup.pdf                   a PNG image named .pdf                      → failed UNSUPPORTED_TYPE
//   co-mat-khau.pdf                the seed PDF with an open password (qpdf)   → failed ENCRYPTED_PDF
//   bom-nen.docx                   zip bomb: 66 KB on disk, ~2.6 GB declared   → failed ZIP_BOMB
//   ghi-chu.docx                   a UTF-8 text file named .docx               → failed UNSUPPORTED_TYPE
//   bang-tinh.xlsx                 a one-sheet Excel workbook                  → failed UNSUPPORTED_TYPE
//   giay-moi.docx                  a valid Word invitation (GIẤY MỜI)          → not a report
//   bao-cao-300-trang.pdf          the seed report + 290 pages of annex (300)  → processed
//   "Báo cáo xã Đông Lỗ 6 tháng.docx"  the seed .docx under a name in NFD, spaces → processed
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { readZip, writeZip, type ZipEntry } from '../samples/lib/zip.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BAD_DIR = path.join(ROOT, 'test/fixtures/bad');
export const SEED_DOCX = path.join(ROOT, 'samples/seed/dong-lo-2024-h1.docx');
export const SEED_PDF = path.join(ROOT, 'samples/seed/dong-lo-2024-h1.pdf');
export const NFD_NAME = 'Báo cáo xã Đông Lỗ 6 tháng.docx'.normalize('NFD');

// ---------------------------------------------------------------------------------------------
// Zip reading and writing come from samples/lib/zip.ts; the raw headers below build the zip bomb,
// whose directory must declare sizes its data does not have.

export { readZip, writeZip, type ZipEntry };

function centralHeader(name: Buffer, method: number, crc: number, compressed: number, uncompressed: number, offset: number): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(0x02014b50, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(0x0800, 8);
  c.writeUInt16LE(method, 10);
  c.writeUInt32LE(0x00210000, 12);
  c.writeUInt32LE(crc, 16);
  c.writeUInt32LE(compressed, 20);
  c.writeUInt32LE(uncompressed, 24);
  c.writeUInt16LE(name.length, 28);
  c.writeUInt32LE(offset, 42);
  return Buffer.concat([c, name]);
}

function eocd(count: number, cdSize: number, cdOffset: number, comment: string): Buffer {
  const text = Buffer.from(comment, 'utf8');
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count, 8);
  e.writeUInt16LE(count, 10);
  e.writeUInt32LE(cdSize, 12);
  e.writeUInt32LE(cdOffset, 16);
  e.writeUInt16LE(text.length, 20);
  return Buffer.concat([e, text]);
}

const sum = (bufs: Buffer[]) => bufs.reduce((n, b) => n + b.length, 0);

/** The same zip with another archive comment: other bytes (another sha256), same contents. */
export function withZipComment(buffer: Buffer, comment: string): Buffer {
  const at = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0) throw new Error('not a zip');
  const head = Buffer.from(buffer.subarray(0, at + 22));
  const text = Buffer.from(comment, 'utf8');
  head.writeUInt16LE(text.length, at + 20);
  return Buffer.concat([head, text]);
}

/** The same PDF with a comment line after %%EOF: other bytes, same document. */
export function withPdfComment(buffer: Buffer, comment: string): Buffer {
  return Buffer.concat([buffer, Buffer.from(`\n%${comment.replace(/[\r\n]/g, ' ')}\n`, 'latin1')]);
}

// ---------------------------------------------------------------------------------------------
// The corpus.

/** A zip bomb named .docx: one deflated kernel of 64 MiB of zeros (~64 KB), referenced by 40
 *  central-directory entries (overlapping files), so ~2.6 GB are declared; the names make it
 *  look like a Word file to a sniffer. */
export function zipBomb(): Buffer {
  const kernelSize = 64 * 1024 * 1024;
  const kernel = deflateRawSync(Buffer.alloc(kernelSize, 0x20), { level: 9 });
  const crc = crc32(Buffer.alloc(kernelSize, 0x20));
  const ct = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  const local = (name: Buffer, method: number, c: number, compressed: number, size: number) => {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(0x00210000, 10);
    h.writeUInt32LE(c, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  };
  const ctName = Buffer.from('[Content_Types].xml');
  const ctLocal = local(ctName, 0, crc32(ct), ct.length, ct.length);
  parts.push(ctLocal, ct);
  centrals.push(centralHeader(ctName, 0, crc32(ct), ct.length, ct.length, 0));
  const kernelOffset = ctLocal.length + ct.length;
  const docName = Buffer.from('word/document.xml');
  parts.push(local(docName, 8, crc, kernel.length, kernelSize), kernel);
  for (let i = 0; i < 40; i++) {
    const name = Buffer.from(i === 0 ? 'word/document.xml' : `word/media/image${i}.bin`);
    centrals.push(centralHeader(name, 8, crc, kernel.length, kernelSize, kernelOffset));
  }
  const cdOffset = sum(parts);
  return Buffer.concat([...parts, ...centrals, eocd(centrals.length, sum(centrals), cdOffset, '')]);
}

/** A 1×1 PNG. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, 0xcc, 0x33, 0x33]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateRawToZlib(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function deflateRawToZlib(data: Buffer): Buffer {
  // zlib stream = 2-byte header + raw deflate + Adler-32
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), deflateRawSync(data), adler]);
}

export function tinyXlsx(): Buffer {
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: x(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: x(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Xã</t></is></c><c r="B1" t="inlineStr"><is><t>Dân số</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>Đông Lỗ</t></is></c><c r="B2"><v>17128</v></c></row>' +
          '</sheetData></worksheet>',
      ),
    },
  ]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, bold = false) =>
  `<w:r><w:rPr>${bold ? '<w:b/>' : ''}<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (text: string, opts: { bold?: boolean; center?: boolean; pageBreak?: boolean } = {}) =>
  `<w:p><w:pPr>${opts.center ? '<w:jc w:val="center"/>' : '<w:jc w:val="both"/>'}</w:pPr>${opts.pageBreak ? '<w:r><w:br w:type="page"/></w:r>' : ''}${run(text, opts.bold)}</w:p>`;

/** A minimal, valid Word document from paragraphs (the seed's package parts, another body). */
async function docxWithBody(bodyXml: string): Promise<Buffer> {
  const entries = await readZip(readFileSync(SEED_DOCX));
  const doc = entries.find((e) => e.name === 'word/document.xml')!;
  const xml = doc.data.toString('utf8');
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sect = xml.lastIndexOf('<w:sectPr');
  doc.data = Buffer.from(`${xml.slice(0, start)}${bodyXml}${xml.slice(sect)}`, 'utf8');
  return writeZip(entries);
}

/** A Word invitation (GIẤY MỜI) of the same commune: readable, not a report. */
export async function invitationDocx(): Promise<Buffer> {
  const body = [
    para('ỦY BAN NHÂN DÂN', { bold: true, center: true }),
    para('XÃ ĐÔNG LỖ', { bold: true, center: true }),
    para('Số: 42/GM-UBND', { center: true }),
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
    para('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
    para('Đông Lỗ, ngày 01 tháng 7 năm 2024', { center: true }),
    para('GIẤY MỜI', { bold: true, center: true }),
    para('Dự hội nghị sơ kết 6 tháng đầu năm 2024', { bold: true, center: true }),
    para('Ủy ban nhân dân xã Đông Lỗ trân trọng kính mời đồng chí Trưởng thôn, Bí thư chi bộ các thôn dự hội nghị sơ kết công tác 6 tháng đầu năm 2024.'),
    para('Thời gian: 08 giờ 00, ngày 05 tháng 7 năm 2024.'),
    para('Địa điểm: Hội trường Ủy ban nhân dân xã.'),
    para('Rất mong các đồng chí tham dự đúng thời gian.'),
    para('TM. ỦY BAN NHÂN DÂN', { bold: true, center: true }),
    para('CHỦ TỊCH', { bold: true, center: true }),
    para('Nguyễn Văn An', { bold: true, center: true }),
  ].join('');
  return docxWithBody(body);
}

/** The seed report with `extraPages` pages of annex after it (one short line per page). */
export async function longReportDocx(extraPages: number): Promise<Buffer> {
  const entries = await readZip(readFileSync(SEED_DOCX));
  const doc = entries.find((e) => e.name === 'word/document.xml')!;
  const xml = doc.data.toString('utf8');
  const sect = xml.lastIndexOf('<w:sectPr');
  const pages: string[] = [para('PHỤ LỤC 3. SỔ THEO DÕI TIẾP NHẬN, GIẢI QUYẾT Ý KIẾN CỦA NGƯỜI DÂN', { bold: true, center: true, pageBreak: true })];
  for (let i = 1; i < extraPages; i++) {
    pages.push(para(`Ý kiến số ${i}: công dân thôn ${1 + (i % 11)} đề nghị giải quyết thủ tục hành chính; đã tiếp nhận và trả lời đúng hạn.`, { pageBreak: true }));
  }
  doc.data = Buffer.from(`${xml.slice(0, sect)}${pages.join('')}${xml.slice(sect)}`, 'utf8');
  return writeZip(entries);
}

function soffice(docx: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'baocao-soffice-'));
  try {
    execFileSync(process.env.SOFFICE ?? 'soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
      stdio: 'pipe',
      timeout: 300_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

function pdfPages(file: string): number {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0);
}

export interface ExpectedOutcome {
  /** processed | failed | not_a_report */
  status: 'processed' | 'failed' | 'not_a_report';
  /** The error code for failed files (src/errors.ts). */
  code?: string;
  /** What the reason must mention (a regular expression, case-insensitive). */
  reason?: string;
  what: string;
}

export const EXPECTED: Record<string, ExpectedOutcome> = {
  'tep-rong.docx': { status: 'failed', code: 'FILE_EMPTY', reason: 'rỗng', what: 'empty file' },
  'bi-cat-ngang.docx': { status: 'failed', code: 'CORRUPT_DOCX', reason: 'hỏng', what: 'truncated .docx' },
  'anh-chup.pdf': { status: 'failed', code: 'UNSUPPORTED_TYPE', reason: 'image/png', what: 'PNG named .pdf' },
  'co-mat-khau.pdf': { status: 'failed', code: 'ENCRYPTED_PDF', reason: 'mật khẩu', what: 'password-protected PDF' },
  'bom-nen.docx': { status: 'failed', code: 'ZIP_BOMB', reason: 'giải nén', what: 'zip bomb named .docx' },
  'ghi-chu.docx': { status: 'failed', code: 'UNSUPPORTED_TYPE', reason: 'không phải tệp Word', what: 'text file named .docx' },
  'bang-tinh.xlsx': { status: 'failed', code: 'UNSUPPORTED_TYPE', reason: 'Excel', what: '.xlsx workbook' },
  'giay-moi.docx': { status: 'not_a_report', code: 'NOT_A_REPORT', reason: 'giấy mời', what: 'valid Word invitation, not a report' },
  'bao-cao-300-trang.pdf': { status: 'processed', what: '300-page PDF report' },
  [NFD_NAME]: { status: 'processed', what: 'name in NFD with spaces' },
};

async function main(): Promise<void> {
  mkdirSync(BAD_DIR, { recursive: true });
  for (const f of readdirSync(BAD_DIR)) if (f !== 'README.md') unlinkSync(path.join(BAD_DIR, f));
  const put = (name: string, data: Buffer | string) => {
    writeFileSync(path.join(BAD_DIR, name), data);
    process.stdout.write(`  ${name.normalize('NFC')}${name !== name.normalize('NFC') ? ' (NFD)' : ''}: ${Buffer.byteLength(data)} bytes\n`);
  };
  const seedDocx = readFileSync(SEED_DOCX);

  put('tep-rong.docx', Buffer.alloc(0));
  put('bi-cat-ngang.docx', seedDocx.subarray(0, Math.floor(seedDocx.length * 0.55)));
  put('anh-chup.pdf', tinyPng());
  put('bom-nen.docx', zipBomb());
  put('ghi-chu.docx', 'Kính gửi: Ủy ban nhân dân huyện Hiệp Hòa\nĐây là ghi chú, không phải tệp Word.\n');
  put('bang-tinh.xlsx', tinyXlsx());
  put('giay-moi.docx', await invitationDocx());
  put(NFD_NAME, seedDocx);

  const tmp = mkdtempSync(path.join(tmpdir(), 'baocao-bad-'));
  try {
    execFileSync('qpdf', ['--encrypt', 'matkhau', 'matkhau-chu', '256', '--', SEED_PDF, path.join(tmp, 'enc.pdf')]);
    put('co-mat-khau.pdf', readFileSync(path.join(tmp, 'enc.pdf')));

    const seedPages = pdfPages(SEED_PDF);
    const long = path.join(tmp, 'bao-cao-300-trang.docx');
    writeFileSync(long, await longReportDocx(300 - seedPages));
    const pdf = soffice(long, tmp);
    const pages = pdfPages(pdf);
    if (pages < 300) throw new Error(`the long report has ${pages} pages, not 300`);
    put('bao-cao-300-trang.pdf', readFileSync(pdf));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(path.join(BAD_DIR, 'expected.json'), `${JSON.stringify(EXPECTED, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}

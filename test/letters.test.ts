// The letters' layout as a word processor lays it out: each draft opened in LibreOffice Writer and
// printed to PDF, then read back with pdftotext -layout (needs libreoffice-writer and poppler-utils).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctionRequestLetter, dateLine, headOf, reminderLetter } from '../src/workspace/letters.ts';
import { docxToPdf } from '../samples/lib/soffice.ts';

const run = promisify(execFile);
let dir: string;
let reminder: string;
let correction: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baocao-letters-'));
  const head = headOf('huyện Hiệp Hòa, tỉnh Bắc Giang', new Date('2026-02-05T03:00:00Z'));
  await writeFile(path.join(dir, 'nhac.docx'), await reminderLetter({
    head, periodLabel: '6 tháng đầu năm 2024', deadline: '15/07/2024', units: ['thị trấn Bắc Lý', 'xã Mai Trung'], unitsWord: 'các xã, thị trấn',
  }));
  await writeFile(path.join(dir, 'sua.docx'), await correctionRequestLetter({
    head, periodLabel: '6 tháng đầu năm 2024', unit: 'xã Thanh Vân', reportRef: 'Báo cáo số 125/BC-UBND ngày 20/06/2024',
    problems: [{ title: 'Tổng không khớp', message: 'Tổng số cán bộ, công chức 17 khác tổng 10 cán bộ + 9 công chức = 19', quotes: ['Tổng số cán bộ, công chức: 17 người'] }],
  }));
  const [a, b] = await docxToPdf([path.join(dir, 'nhac.docx'), path.join(dir, 'sua.docx')], dir);
  reminder = (await run('pdftotext', ['-layout', a!, '-'])).stdout;
  correction = (await run('pdftotext', ['-layout', b!, '-'])).stdout;
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('letters as Writer lays them out', () => {
  it('the head: issuing body beside the national title, each title on one line; the date line with leading zeros', () => {
    for (const text of [reminder, correction]) {
      const lines = text.split('\n');
      expect(lines.find((l) => l.includes('UBND HUYỆN HIỆP HÒA'))).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(lines.find((l) => l.includes('PHÒNG NỘI VỤ'))).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Hiệp Hòa, ngày 05 tháng 02 năm 2026');
      expect(lines.find((l) => l.includes('Nơi nhận:'))).toContain('TRƯỞNG PHÒNG');
    }
    expect(dateLine('Hiệp Hòa', new Date('2025-11-30T20:00:00Z'))).toBe('Hiệp Hòa, ngày 01 tháng 12 năm 2025'); // Vietnam time
  });

  it('the body: recipients, the units, the problem with its quote; the unit written as staff write it', () => {
    expect(reminder.replace(/\s+/g, ' ')).toContain('Kính gửi: Ủy ban nhân dân các xã, thị trấn: thị trấn Bắc Lý, xã Mai Trung.');
    expect(reminder).toContain('1. Thị trấn Bắc Lý.');
    expect(reminder.replace(/\s+/g, ' ')).toContain('Đến nay, Phòng Nội vụ chưa nhận được báo cáo');
    expect(headOf('tỉnh Bắc Ninh', new Date())).toMatchObject({ superior: 'UBND TỈNH BẮC NINH', office: 'SỞ NỘI VỤ', officeName: 'Sở Nội vụ', place: 'Bắc Ninh' });
    const c = correction.replace(/\s+/g, ' ');
    expect(c).toContain('Trích báo cáo: “Tổng số cán bộ, công chức: 17 người”');
    expect(c).toContain('Đề nghị Ủy ban nhân dân xã Thanh Vân kiểm tra');
  });
});

// The original document beside the values: where a quote is, in a document's paragraphs and on a
// PDF page (poppler's pdftotext -bbox), on a sample PDF of the generator.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findQuote, previewOf, wordBoxes } from '../src/workspace/preview.ts';

const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

const BBOX = `<doc><page width="600.000000" height="800.000000">
<word xMin="60.0" yMin="100.0" xMax="90.0" yMax="112.0">Phường</word>
<word xMin="92.0" yMin="100.0" xMax="110.0" yMax="112.0">có</word>
<word xMin="112.0" yMin="100.0" xMax="140.0" yMax="112.0">tổng</word>
<word xMin="142.0" yMin="100.0" xMax="170.0" yMax="112.0">dân</word>
<word xMin="172.0" yMin="100.0" xMax="190.0" yMax="112.0">số</word>
<word xMin="60.0" yMin="114.0" xMax="100.0" yMax="126.0">20.518</word>
<word xMin="102.0" yMin="114.0" xMax="130.0" yMax="126.0">khẩu,</word>
</page></doc>`;

describe('finding a quote', () => {
  it('in paragraphs, whitespace and Unicode form aside', () => {
    const paras = ['I. ĐẶC ĐIỂM', 'Phường có tổng dân số 20.518 khẩu, với 5.004 hộ'];
    expect(findQuote(paras, 'có tổng  dân số\n20.518 khẩu'.normalize('NFD'))).toEqual({ paragraph: 1, start: 7, end: 33 });
    expect(findQuote(paras, 'không có ở đây chút nào')).toBeNull();
  });

  it('on a PDF page: the boxes of its words, as fractions of the page', () => {
    const boxes = wordBoxes(BBOX, 'tổng dân số 20.518 khẩu, với 5.004 hộ');
    expect(boxes).toHaveLength(5);
    expect(boxes[0]).toEqual({ x: 112 / 600, y: 100 / 800, w: 28 / 600, h: 12 / 800 });
    expect(boxes[4]!.y).toBe(114 / 800); // the next line
    expect(wordBoxes(BBOX, 'dân số 30.000 người')).toEqual([]);
  });

  it('a sample PDF: the page, its image and the words of the quote', async () => {
    const bytes = await readFile('samples/inbox/hiep-hoa-tt-thang-2024-h1.pdf');
    const expected = JSON.parse(await readFile('samples/generated/hiep-hoa-tt-thang-2024-h1.expected.json', 'utf8')) as { profile: { population: number } };
    const quote = `Dân số: ${new Intl.NumberFormat('vi-VN').format(expected.profile.population)} người`;
    const p = (await previewOf(bytes, 'pdf', quote))!;
    expect(p.page).toBeGreaterThanOrEqual(1);
    expect(p.image).toMatch(/^data:image\/png;base64,/);
    expect(p.match).not.toBeNull();
    expect(p.boxes).toHaveLength(4);
    expect(p.paragraphs[p.match!.paragraph]).toContain(quote);
  }, 60_000);

  it('a .docx in VNI legacy fonts: the text as the project reads it (decoded), the quote found', async () => {
    const file = 'samples/legacy-word/hiep-hoa-hoang-an-2025-h1-docx-vni.docx';
    const expected = JSON.parse(await readFile(file.replace(/\.docx$/, '.expected.json'), 'utf8')) as { profile: { population: number }; unit: { commune: string } };
    const quote = `Dân số: ${vn(expected.profile.population)} người`;
    const p = (await previewOf(await readFile(file), 'docx', quote, 'x.docx'))!;
    expect(p.paragraphs.join('\n')).toContain(expected.unit.commune); // Vietnamese, not VNI bytes
    expect(p.match).not.toBeNull();
    expect(p.paragraphs[p.match!.paragraph]!.slice(p.match!.start, p.match!.end)).toBe(quote);
  }, 60_000);

  it('a .doc (Word 97, through LibreOffice as the pipeline reads it): the quote found', async () => {
    const file = 'samples/legacy-word/hiep-hoa-thai-son-2024-h1-doc.doc';
    const expected = JSON.parse(await readFile(file.replace(/\.doc$/, '.expected.json'), 'utf8')) as { profile: { population: number } };
    const quote = `dân số là ${vn(expected.profile.population)} nhân khẩu`;
    const p = (await previewOf(await readFile(file), 'doc', quote, 'x.doc'))!;
    expect(p.format).toBe('doc');
    expect(p.paragraphs[p.match!.paragraph]!.slice(p.match!.start, p.match!.end)).toBe(quote);
  }, 180_000);

  it('a scan: the image of each page, nothing claimed as marked', async () => {
    const bytes = await readFile('samples/scans/hiep-hoa-tt-thang-2024-h1-scan.pdf');
    const p = (await previewOf(bytes, 'pdf-ocr', 'Dân số: 12.345 người'))!;
    expect(p.format).toBe('pdf-ocr');
    expect(p.pages!.length).toBeGreaterThanOrEqual(2);
    for (const img of p.pages!) expect(img).toMatch(/^data:image\/png;base64,.{1000}/);
    expect(p.match).toBeNull();
    expect(p.boxes).toEqual([]);
  });
});

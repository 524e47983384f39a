// The real seed report, rebuilt as .docx and printed to .pdf (samples/seed/), against its text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../src/document/model.ts';
import { parseFile } from '../src/parse/index.ts';
import { parseText } from '../src/parse/text.ts';
import { para, paragraphs, tables } from './fixtures/parse/expected.ts';

const ROOT = join(import.meta.dirname, '..');
const DOCX = join(ROOT, 'samples/seed/dong-lo-2024-h1.docx');
const PDF = join(ROOT, 'samples/seed/dong-lo-2024-h1.pdf');
const SEED_CANDIDATES = [join(ROOT, '../shared/seed/000_f32fad2d862f84c7.txt'), join(ROOT, 'samples/seed/dong-lo-2024-h1.source.txt')];
const SEED_TXT = SEED_CANDIDATES.find((f) => existsSync(f));

describe.skipIf(!existsSync(DOCX) || !existsSync(PDF))('the seed report as .docx and .pdf', async () => {
  const docs: [string, DocumentModel, number][] = [];
  for (const file of [DOCX, PDF]) {
    const buffer = readFileSync(file);
    const t0 = performance.now();
    const doc = await parseFile(buffer, file);
    docs.push([file.endsWith('.pdf') ? 'pdf' : 'docx', doc, performance.now() - t0]);
  }

  it.each(docs.map((d) => [d[0], d] as const))('%s: sections, regions and the annex rows', (_name, [name, doc, ms]) => {
    console.log(`seed ${name}: ${ms.toFixed(1)} ms${doc.pageCount ? `, ${doc.pageCount} pages` : ''}`);
    expect(para(doc, 'Xã có tổng diện tích').text).toContain('dân số là 17.128 nhân khẩu');
    expect(para(doc, 'Xã có tổng diện tích').section).toEqual(['I']);
    expect(para(doc, '2.4. Kết quả thực hiện nhóm tiêu chí 4').section).toEqual(['III', '2', '2.4']);
    expect(para(doc, '1.1. Công tác lãnh đạo').section).toEqual(['II', '1', '1.1']);
    expect(para(doc, 'BÁO CÁO').region).toBe('title');
    expect(para(doc, 'Trên đây là báo cáo').region).toBe('body');
    const rows = tables(doc).flatMap((t) => t.grid);
    expect(rows).toContainEqual(['1', 'Đông Lỗ', '10', '0', '10', '0', '0', '0']);
    expect(rows).toContainEqual(['', 'Đảng ủy xã Đông Lễ', '17', 'x', '']);
    expect(rows).toContainEqual(['1', 'Hiệp Hoà', 'Đông Lỗ', '', '', 'x', '', '']);
    const budget = tables(doc).find((t) => t.grid.some((r) => r[1] === 'Đông Lỗ' && r[2] === '10'))!;
    expect(budget.section).toEqual(['PL3', '3']);
    expect(budget.region).toBe('annex');
  });

  it('the .pdf gives the same paragraphs (text, region, section) as the .docx', () => {
    const flow = (doc: DocumentModel) => paragraphs(doc).map((p) => `${p.region} | ${p.section.join('>')} | ${p.text}`);
    expect(flow(docs[1]![1])).toEqual(flow(docs[0]![1]));
    // Ruled tables come out the same; borderless ones (header, signature) differ in rows.
    const ruled = (doc: DocumentModel) => tables(doc).filter((t) => t.region === 'annex').map((t) => t.grid);
    expect(ruled(docs[1]![1])).toEqual(ruled(docs[0]![1]));
  });

  it.skipIf(!SEED_TXT)('body paragraphs agree with the seed text', () => {
    // textToBlocks joins lines broken inside a sentence; a .docx may keep such a break as two
    // paragraphs: a seed paragraph may be several consecutive ones. '*' is markdown in the seed.
    const strip = (s: string) => s.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
    const seed = parseText(readFileSync(SEED_TXT!, 'utf8'));
    for (const [, doc] of docs) {
      const ps = paragraphs(doc).map((p) => strip(p.text));
      for (const b of paragraphs(seed).filter((p) => p.region === 'body')) {
        const want = strip(b.text);
        let found = false;
        for (let i = 0; i < ps.length && !found; i++) {
          let acc = ps[i]!;
          for (let j = i + 1; acc !== want && j < ps.length && want.startsWith(acc); j++) acc = `${acc} ${ps[j]}`;
          found = acc === want;
        }
        expect(found, want.slice(0, 80)).toBe(true);
      }
    }
  });
});

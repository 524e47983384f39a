// OCR of scanned PDFs with the real tesseract (Debian tesseract-ocr + tesseract-ocr-vie, poppler).
// The scan is made here from the text-PDF fixture (samples/lib/scan.ts): page 2 upside down,
// page 3 on its side, every page skewed, a red seal over the signature, JPEG at 200 dpi. What the
// text layer of the same PDF says is the reference.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentModel } from '../src/document/model.ts';
import { BaocaoError } from '../src/errors.ts';
import { parseFile } from '../src/parse/index.ts';
import { parseScannedPdf } from '../src/parse/ocr/index.ts';
import { parsePdf } from '../src/parse/pdf/index.ts';
import { imagePdf, scanPages, signaturePlace, type ScanStyle } from '../samples/lib/scan.ts';
import { BOARD_GRID, BUDGET_GRID, paragraphs, tables } from './fixtures/parse/expected.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures/parse/report.pdf');
const STYLE: ScanStyle = { dpi: 200, colour: true, skew: 1, turns: { 2: 180, 3: 90 }, stamp: true, quality: 50 };

const words = (s: string) => s.normalize('NFC').split(/\s+/).map((w) => w.replace(/^[("“]+|[)"”.,;:]+$/gu, '')).filter(Boolean);
const numbers = (s: string) => s.match(/\d[\d.,/]*\d|\d/g) ?? [];
function allText(doc: DocumentModel): string {
  return doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.grid.flat().join(' '))).join('\n');
}

describe('a scanned report (turned, skewed, sealed) read by OCR', async () => {
  const pages = scanPages(FIXTURE, STYLE, 'ocr-test');
  const scanned = imagePdf(pages);
  const reference = await parsePdf(readFileSync(FIXTURE));
  const progress: string[] = [];
  const t0 = performance.now();
  const doc = await parseFile(scanned, 'scan.pdf', { ocr: { onProgress: (p) => progress.push(`${p.done}/${p.total}`) } });
  const ms = performance.now() - t0;

  it('is read through OCR, page by page with progress', () => {
    console.log(`OCR of 3 scanned pages at 200 dpi: ${(ms / 1000).toFixed(1)} s`);
    expect(doc.format).toBe('pdf-ocr');
    expect(doc.pageCount).toBe(3);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(signaturePlace(FIXTURE)).not.toBeNull(); // the seal really lies over the signature
  });

  it('recovers the words and the numbers of the text', () => {
    const ref = paragraphs(reference).map((p) => p.text).join('\n');
    const got = new Set(words(allText(doc)));
    const refWords = words(ref);
    const found = refWords.filter((w) => got.has(w)).length;
    expect(found / refWords.length).toBeGreaterThan(0.95);
    const gotNumbers = new Set(numbers(allText(doc)));
    const refNumbers = numbers(ref);
    const missing = refNumbers.filter((n) => !gotNumbers.has(n));
    expect(missing.length / refNumbers.length, `numbers not read: ${missing.join(' ')}`).toBeLessThanOrEqual(0.03);
    for (const n of ['1.719,58', '17.128', '133/KH-UBND']) expect(allText(doc)).toContain(n);
  });

  it('finds the headings and their sections as in the text layer', () => {
    const heads = (d: DocumentModel) => paragraphs(d).filter((p) => p.heading).map((p) => p.section.join('>'));
    expect(heads(doc)).toEqual(heads(reference));
  });

  it('rebuilds the ruled tables into the same grids', () => {
    for (const expected of [BOARD_GRID, BUDGET_GRID]) {
      const t = tables(doc).find((x) => x.grid.length === expected.length && x.grid[0]!.length === expected[0]!.length && x.grid.flat().includes(expected[expected.length - 1]![2]!));
      expect(t, JSON.stringify(expected[0])).toBeDefined();
      const cells = expected.flat();
      // A mark is a mark in either case ('x', 'X').
      const same = t!.grid.flat().filter((c, i) => c === cells[i] || (cells[i] === 'x' && c === 'X')).length;
      expect(same / cells.length).toBeGreaterThanOrEqual(0.9);
      // Numbers and marks exactly.
      t!.grid.flat().forEach((c, i) => {
        if (/^\d+$/.test(cells[i]!)) expect(c, `cell ${i}`).toBe(cells[i]);
        if (cells[i] === 'x') expect(c.toLowerCase(), `cell ${i}`).toBe('x');
      });
    }
  });

  it('reads the signer under the red seal', () => {
    const closing = reference.blocks.filter((b) => b.region === 'closing').map((b) => (b.kind === 'paragraph' ? b.text : b.grid.flat().filter(Boolean).pop() ?? ''));
    const signer = closing[closing.length - 1]!;
    expect(signer).toMatch(/\p{Lu}\p{Ll}+ \p{Lu}/u);
    expect(allText(doc)).toContain(signer);
  });

  it('marks what it read with low confidence for review, nowhere else', () => {
    for (const b of doc.blocks) {
      const spans = b.kind === 'paragraph' ? [{ text: b.text, s: b.uncertain }] : b.cells.flat().map((c) => ({ text: c.text, s: c.uncertain }));
      for (const { text, s } of spans) for (const u of s ?? []) {
        expect(u.end).toBeGreaterThan(u.start);
        expect(u.end).toBeLessThanOrEqual(text.length);
        expect(u.confidence).toBeLessThan(75);
      }
    }
  });
}, 300_000);

describe('OCR at the edges', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('reads a PDF whose text layer is there but unreadable', async () => {
    const [first] = scanPages(FIXTURE, { dpi: 150, colour: false, skew: 0, turns: {}, stamp: false, quality: 60 }, 'layer');
    const pdf = imagePdf([first!], 'scanner app', 'Uû ban nh©n d©n x· §«ng Lç b¸o c¸o kÕt qu¶ x©y dùng chÝnh quyÒn th©n thiÖn n¨m 2024 cña x· theo kÕ ho¹ch sè 12/KH-UBND ngµy');
    const doc = await parseFile(pdf, 'app.pdf');
    expect(doc.format).toBe('pdf-ocr');
    expect(allText(doc)).toContain('KHÁI QUÁT');
  }, 120_000);

  it('stops at its deadline with OCR_TIMEOUT and leaves no temporary folder', async () => {
    const pdf = imagePdf(scanPages(FIXTURE, { dpi: 300, colour: false, skew: 0, turns: {}, stamp: false, quality: 60 }, 'slow'));
    const t0 = Date.now();
    const err = await parseScannedPdf(pdf, { timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BaocaoError);
    expect((err as BaocaoError).code).toBe('OCR_TIMEOUT');
    expect((err as BaocaoError).message).toMatch(/^nhận dạng chữ bản quét quá thời gian cho phép \(\d\/3 trang sau 2 s\)$/);
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`baocao-ocr-${process.pid}-`))).toEqual([]);
  }, 60_000);

  it('says what to install when tesseract is missing', async () => {
    vi.stubEnv('BAOCAO_TESSERACT', '/nonexistent/tesseract');
    vi.resetModules();
    const { parseScannedPdf: fresh } = await import('../src/parse/ocr/index.ts');
    const { BaocaoError: FreshError } = await import('../src/errors.ts');
    const err = await fresh(imagePdf([])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FreshError);
    expect((err as BaocaoError).code).toBe('OCR_UNAVAILABLE');
    expect((err as BaocaoError).message).toContain('apt-get install tesseract-ocr tesseract-ocr-vie');
  });
});

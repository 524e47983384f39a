// The bare parsers, nothing else: `node bench/bare.mjs THREADS LISTFILE` parses every file named
// in LISTFILE (one path a line) in THREADS piscina threads — .docx: mammoth → HTML → cheerio's
// text; .pdf: MuPDF's structured text (the reader src/parse/pdf/ is built on) — and prints {"files","seconds","failed"} as JSON. The yardstick of
// `npm run bench`: what the parsers alone cost on these files.
import { readFile } from 'node:fs/promises';
import { isMainThread } from 'node:worker_threads';
import { Piscina } from 'piscina';

if (isMainThread && import.meta.url === new URL(process.argv[1], 'file://').href) {
  const threads = Number(process.argv[2]);
  const files = (await readFile(process.argv[3], 'utf8')).split('\n').filter(Boolean);
  const pool = new Piscina({ filename: new URL(import.meta.url).href, name: 'parse', minThreads: threads, maxThreads: threads });
  const t0 = performance.now();
  const results = await Promise.all(files.map((f) => pool.run(f)));
  const seconds = (performance.now() - t0) / 1000;
  await pool.destroy();
  process.stdout.write(`${JSON.stringify({ files: files.length, seconds, failed: results.filter((r) => !r).length })}\n`);
}

let mammoth;
let cheerio;
let mupdf;

/** One file → its text length (0: it could not be parsed). */
export async function parse(file) {
  const buffer = await readFile(file);
  try {
    if (file.endsWith('.docx')) {
      mammoth ??= (await import('mammoth')).default;
      cheerio ??= await import('cheerio');
      const { value } = await mammoth.convertToHtml({ buffer });
      return cheerio.load(value).text().length;
    }
    mupdf ??= await import('mupdf');
    const doc = mupdf.Document.openDocument(new Uint8Array(buffer), 'application/pdf');
    try {
      let length = 0;
      for (let i = 0; i < doc.countPages(); i++) {
        const page = doc.loadPage(i);
        length += page.toStructuredText('preserve-whitespace').asText().length;
        page.destroy();
      }
      return length;
    } finally {
      doc.destroy();
    }
  } catch {
    return 0;
  }
}

// The bare parsers, nothing else: `node bench/bare.mjs THREADS LISTFILE` parses every file named
// in LISTFILE (one path a line) in THREADS piscina threads — .docx: mammoth → HTML → cheerio's
// text; .pdf: pdf-parse's text — and prints {"files","seconds","failed"} as JSON. The yardstick of
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
let PDFParse;

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
    PDFParse ??= (await import('pdf-parse')).PDFParse;
    const parser = new PDFParse({ data: new Uint8Array(buffer) });
    try {
      return (await parser.getText()).text.length;
    } finally {
      await parser.destroy();
    }
  } catch {
    return 0;
  }
}

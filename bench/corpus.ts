// N distinct report files for the benchmark, made from the sample reports (samples/seed,
// samples/generated: .docx and text PDFs) without changing what they say: a .docx gets a zip
// comment of its own (the end-of-central-directory record's comment), a PDF a comment line after
// its %%EOF. Every file has its own sha256 (the pipeline skips repeated content), and parses to
// the same text as the sample it comes from, so each mode parses the same work.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SOURCES = ['samples/seed', 'samples/generated'];
const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export interface Corpus {
  dir: string;
  files: string[];
  docx: number;
  pdf: number;
  bytes: number;
}

export async function sampleFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of SOURCES) {
    for (const f of (await readdir(path.join(root, d))).sort()) if (/\.(docx|pdf)$/.test(f)) out.push(path.join(root, d, f));
  }
  return out;
}

/** The zip with `tag` as its comment (the zip must have none: the samples have none). */
export function tagZip(zip: Buffer, tag: string): Buffer {
  const at = zip.lastIndexOf(EOCD);
  if (at < 0 || zip.readUInt16LE(at + 20) !== 0 || at + 22 !== zip.length) throw new Error('zip with a comment, or no end record');
  const comment = Buffer.from(tag, 'latin1');
  const head = Buffer.from(zip.subarray(0, at + 22));
  head.writeUInt16LE(comment.length, at + 20);
  return Buffer.concat([head, comment]);
}

export function tagPdf(pdf: Buffer, tag: string): Buffer {
  return Buffer.concat([pdf, Buffer.from(`\n%${tag}\n`, 'latin1')]);
}

/** Writes n files into dir: the samples in turn, each copy tagged with its number. */
export async function buildCorpus(root: string, dir: string, n: number): Promise<Corpus> {
  const sources = await sampleFiles(root);
  const bytes = await Promise.all(sources.map((f) => readFile(f)));
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let docx = 0;
  let size = 0;
  for (let i = 0; i < n; i++) {
    const k = i % sources.length;
    const src = sources[k]!;
    const ext = path.extname(src);
    const tag = `baocao-bench ${i}`;
    const out = ext === '.docx' ? tagZip(bytes[k]!, tag) : tagPdf(bytes[k]!, tag);
    const file = path.join(dir, `${String(i).padStart(5, '0')}-${path.basename(src)}`);
    await writeFile(file, out);
    files.push(file);
    if (ext === '.docx') docx++;
    size += out.length;
  }
  return { dir, files, docx, pdf: n - docx, bytes: size };
}

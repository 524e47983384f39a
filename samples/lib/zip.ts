// Reproducible Office and PDF files: the `docx` package and LibreOffice stamp files with the
// time of the run (zip entry times, docProps/core.xml dates, PDF /CreationDate and /ID). These
// helpers rewrite those stamps to fixed values, so that regenerating the samples gives the
// same bytes and git sees no change. Minimal zip reader/writer: no zip64, no encryption.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { readZipEntry, writeZip, zipDirectory } from '../../src/parse/zip.ts';

export interface ZipEntry { name: string; data: Buffer }

export { crc32 };

/** Entries of a zip file, in central-directory order (the parse stage's zip reader). */
export function readZip(zip: Buffer): ZipEntry[] {
  const dir = zipDirectory(zip);
  if (!dir) throw new Error('not a zip file (no end of central directory)');
  return dir.map((e) => {
    const data = readZipEntry(zip, e.name, 1024 * 1024 * 1024);
    if (!data) throw new Error(`zip entry ${e.name}: unreadable (compression ${e.method})`);
    return { name: e.name, data };
  });
}

/** A zip of the entries with a fixed timestamp (the parse stage's zip writer). */
export { writeZip };

/**
 * A .docx with its time stamps fixed: zip entry times, and the created/modified dates in
 * docProps/core.xml set to `createdIso` (the report's own date, say).
 */
export function normalizeDocx(docx: Buffer, createdIso: string): Buffer {
  const entries = readZip(docx).map((e) => {
    if (e.name !== 'docProps/core.xml') return e;
    const xml = e.data
      .toString('utf8')
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${createdIso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${createdIso}$2`);
    return { name: e.name, data: Buffer.from(xml, 'utf8') };
  });
  return writeZip(entries);
}

/**
 * A PDF from LibreOffice with /CreationDate (and /ModDate) set to `when` and /ID derived from
 * the content. Replacements keep every byte offset (same lengths), so the xref stays valid.
 */
export function normalizePdf(pdf: Buffer, when: { y: number; m: number; d: number }): Buffer {
  let s = pdf.toString('latin1');
  const stamp = `D:${when.y}${String(when.m).padStart(2, '0')}${String(when.d).padStart(2, '0')}080000`;
  s = s.replace(/\/(CreationDate|ModDate)\((D:\d{14})([^)]*)\)/g, (all, key: string, _d: string, tz: string) =>
    `/${key}(${stamp}${tz})`);
  // /ID and LibreOffice's /DocChecksum change on every run: derive both from the content.
  const idRe = /\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/;
  const sumRe = /\/DocChecksum\s*\/([0-9A-Fa-f]+)/;
  const blanked = s.replace(idRe, '').replace(sumRe, '');
  const digest = createHash('md5').update(blanked, 'latin1').digest('hex').toUpperCase();
  const fit = (len: number) => digest.repeat(Math.ceil(len / digest.length)).slice(0, len);
  s = s.replace(idRe, (all, a: string, b: string) => all.replace(`<${a}>`, `<${fit(a.length)}>`).replace(`<${b}>`, `<${fit(b.length)}>`));
  s = s.replace(sumRe, (all, a: string) => all.replace(a, fit(a.length)));
  return Buffer.from(s, 'latin1');
}

// Reproducible Office and PDF files: the `docx` package and LibreOffice stamp files with the
// time of the run (zip entry times, docProps/core.xml dates, PDF /CreationDate and /ID). These
// helpers rewrite those stamps to fixed values, so that regenerating the samples gives the
// same bytes and git sees no change. Minimal zip reader/writer: no zip64, no encryption.
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { readZipEntry, zipDirectory } from '../../src/parse/zip.ts';

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

/** A zip of the entries with a fixed timestamp (1 Jan 2024 00:00), deflate level 9 (or stored). */
export function writeZip(entries: readonly ZipEntry[], opts: { store?: boolean } = {}): Buffer {
  const method = opts.store ? 0 : 8;
  const DOS_TIME = 0;
  const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const comp = opts.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

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
  // LibreOffice writes '/CreationDate(D:…)', Chromium '/CreationDate (D:…)': the space is kept
  // (byte offsets in the cross-reference table must not move).
  s = s.replace(/\/(CreationDate|ModDate)(\s*)\((D:\d{14})([^)]*)\)/g, (all, key: string, space: string, _d: string, tz: string) =>
    `/${key}${space}(${stamp}${tz})`);
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

// A .docx as a package of parts: read through the parse stage's zip reader (src/parse/zip.ts),
// every entry inflated once, bounded by its declared size and BAOCAO_MAX_UNZIPPED_MB
// (limits.ts: a zip that lies is ZIP_BOMB), with parts replaced after preprocessing. mammoth reads the
// package through its `file` input (an object with exists/read), so it never opens the zip
// itself.
import { BaocaoError } from '../../errors.ts';
import { inflateForParsing } from '../limits.ts';
import { zipDirectory } from '../zip.ts';
import { loadXml } from './xml.ts';

const OFFICE_DOCUMENT = /\/officeDocument$/;

export interface Relationship {
  type: string;
  /** Package path of the target part ('word/header1.xml'); null for external targets. */
  target: string | null;
}

/** What mammoth's `file` input must provide. */
export interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

export class DocxPackage {
  private readonly entries: Set<string>;
  private readonly parts: Map<string, Buffer>;
  private readonly replaced = new Map<string, string>();

  constructor(buffer: Buffer) {
    this.entries = new Set((zipDirectory(buffer) ?? []).map((e) => e.name));
    this.parts = inflateForParsing(buffer) ?? new Map();
  }

  has(path: string): boolean {
    return this.replaced.has(path) || this.entries.has(path);
  }

  bytes(path: string): Buffer | null {
    const r = this.replaced.get(path);
    if (r !== undefined) return Buffer.from(r, 'utf8');
    return this.parts.get(path) ?? null;
  }

  /** A part as text (UTF-8, BOM removed), or null. */
  text(path: string): string | null {
    const r = this.replaced.get(path);
    if (r !== undefined) return r;
    const b = this.bytes(path);
    return b ? b.toString('utf8').replace(/^\uFEFF/, '') : null;
  }

  /** Replaces a part's text for the readers that come after (mammoth). */
  replace(path: string, text: string): void {
    this.replaced.set(path, text);
  }

  /** The main document part named by _rels/.rels (word/document.xml in nearly every file). */
  mainDocumentPath(): string | null {
    const rel = [...this.relationships('').values()].find((r) => OFFICE_DOCUMENT.test(r.type) && r.target);
    if (rel?.target && this.has(rel.target)) return rel.target;
    return this.has('word/document.xml') ? 'word/document.xml' : null;
  }

  /** The relationships of a part ('' for the package), by id. */
  relationships(partPath: string): Map<string, Relationship> {
    const slash = partPath.lastIndexOf('/');
    const dir = slash >= 0 ? partPath.slice(0, slash + 1) : '';
    const file = partPath.slice(slash + 1);
    const xml = this.text(`${dir}_rels/${file}.rels`);
    const out = new Map<string, Relationship>();
    if (!xml) return out;
    const $ = loadXml(xml);
    $('Relationship').each((_, el) => {
      const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = el.attribs;
      if (!id) return;
      out.set(id, { type, target: mode === 'External' ? null : resolvePath(dir, target) });
    });
    return out;
  }

  /** The package as mammoth's `file` input. */
  mammothFile(): MammothFile {
    return {
      exists: (name) => this.has(name),
      read: async (name, encoding) => {
        if (encoding) {
          const t = this.text(name);
          if (t === null) throw unreadable(name);
          return t;
        }
        const b = this.bytes(name);
        if (!b) throw unreadable(name);
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      },
    };
  }
}

/** A part listed in the zip that cannot be inflated (damaged, or larger than the cap). */
function unreadable(name: string): BaocaoError {
  return new BaocaoError('CORRUPT_DOCX', `không giải nén được ${name} (hỏng hoặc quá lớn)`);
}

/** 'word/' + '../customXml/item1.xml' → 'customXml/item1.xml'; '/word/x.xml' → 'word/x.xml'. */
function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

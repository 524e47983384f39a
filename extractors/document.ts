// The document's identity: number ('Số:' line), date of issue (place-and-date line), title
// (the lines under 'BÁO CÁO') and signer (the name under the authority lines of the signature block).
// Header and signature blocks are often 2-column tables in Word: their cells are read line by line.
import type { Block, DocumentModel, Paragraph, Table } from '../src/document/model.ts';
import { titleWord } from '../src/document/structure.ts';
import { isMostlyUpper } from '../src/document/text.ts';
import { findDates, type VnDate } from '../src/document/dates.ts';
import { positionCase, titleCaseName } from '../src/document/names.ts';
import type { Provenance } from '../src/contract.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import { paragraphs, provenance } from './lib.ts';

/** One line of text and the block it sits in (a paragraph, or a table cell's line). */
export interface Line {
  text: string;
  block: Block;
}

/** The lines of a table, column by column (so the two columns of a header or signature table
 *  do not interleave), each merged cell once. */
export function tableLines(table: Table): Line[] {
  const out: Line[] = [];
  const width = Math.max(0, ...table.grid.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let prev: string | null = null;
    for (let r = 0; r < table.grid.length; r++) {
      const cell = table.grid[r]![c] ?? '';
      const left = c > 0 ? table.grid[r]![c - 1] : undefined;
      if (cell === prev || (left !== undefined && cell === left && cell !== '')) continue; // merged over rows / columns
      prev = cell;
      for (const line of cell.split('\n')) if (line.trim()) out.push({ text: line.trim(), block: table });
    }
  }
  return out;
}

function blockLines(b: Block): Line[] {
  const lines = b.kind === 'table' ? tableLines(b) : b.text.split('\n').map((text) => ({ text, block: b as Block }));
  return lines.map((l) => ({ text: l.text.trim(), block: l.block })).filter((l) => l.text);
}

/** The lines of the header (issuing body, motto, 'Số:' line, place-and-date line). When the
 *  structure found no title region (the title word sits in a table, or the text came out of a PDF
 *  in pieces), the blocks before the title word stand in for it, the title word's table included. */
export function headerLines(doc: DocumentModel): Line[] {
  const header = doc.blocks.filter((b) => b.region === 'header');
  if (header.length || doc.blocks.some((b) => b.region === 'title')) return header.flatMap(blockLines);
  const at = titleWordAt(doc);
  const out: Block[] = [];
  for (const b of doc.blocks) {
    if (out.length >= 8 || (b.kind === 'paragraph' && (b.heading || INTRO.test(b.text) || b.text.length > 200))) break;
    if (at && b === at.block) {
      if (b.kind === 'table') out.push(b);
      break;
    }
    out.push(b);
  }
  return out.flatMap(blockLines);
}

/** Paragraphs that open a report's text, after its title. */
const INTRO = /^(Kính gửi|Thực hiện|Căn cứ|Theo|Trên cơ sở|Nhằm|Để)(?![\p{L}])/u;

/** Where the document-type word is: the title region's first line, or else, among the first
 *  blocks, a paragraph or a table cell's line that is a title word ('BÁO CÁO' in a header table). */
function titleWordAt(doc: DocumentModel): { block: Block; word: string; rest: string; after: string[] } | null {
  const first = doc.blocks.find((b) => b.region === 'title');
  if (first && first.kind === 'paragraph') {
    const word = titleWord(first.text);
    if (word) return { block: first, word, rest: restAfterWord(first.text, word), after: [] };
  }
  for (const b of doc.blocks.slice(0, 14)) {
    if (b.kind === 'paragraph' && b.heading) break;
    const lines = blockLines(b).map((l) => l.text);
    for (let i = 0; i < lines.length; i++) {
      const word = titleWord(lines[i]!);
      if (!word) continue;
      // In a table, the lines under the word in the same cell belong to the title.
      const after: string[] = [];
      if (b.kind === 'table') {
        for (const next of lines.slice(i + 1)) {
          if (SO.test(next) || PLACE.test(next) || isMostlyUpper(next) && !/\p{Ll}/u.test(next) && next.length < 40) break;
          after.push(next);
        }
      }
      return { block: b, word, rest: restAfterWord(lines[i]!, word), after };
    }
  }
  return null;
}

function restAfterWord(line: string, word: string): string {
  return line.slice(line.toUpperCase().indexOf(word) + word.length).replace(/^[\s:.\-–]+/, '').trim();
}

export interface NumberLine {
  /** '125/BC-UBND'; null when the number is left blank. */
  number: string | null;
  blank: boolean;
  quote: string;
  block: Block;
}

/** 'Số:', 'Số.', 'Số 125/…', and the Party's 'Số 45-BC/ĐU' (no colon, the type before the slash). */
const SO = /(?:^|[\s|:;])(S[ốôoỐÔO]\s*(?::|\.(?=\s)|(?=\s*[\d.…_]*\s*\/)|(?=\s+\d{1,5}-\p{Lu}{1,5}\s*\/)))\s*(.*)$/u;

/** Reads the 'Số:' line: 'Số: 125/BC-UBND' → 125/BC-UBND; 'Số: /BC-UBND', 'Số:    /BC-UBND',
 *  'Số: …/BC-UBND', 'Số:' → blank. */
export function parseNumberLine(text: string): { number: string | null; blank: boolean; quote: string } | null {
  const m = SO.exec(text);
  if (!m) return null;
  const rest = m[2]!.trim();
  const from = (m.index ?? 0) + m[0].indexOf(m[1]!);
  // The quote ends with the number (a PDF line may go on with the place and date).
  const tail = /^[^\s/]*\s*\/\s*[\p{L}\d\-/.]*[\p{L}\d]|^[\d\p{L}\-.]+/u.exec(rest);
  const quote = (tail ? text.slice(from, text.indexOf(rest, from) + tail[0].length) : text.slice(from)).trim();
  // number part / symbol part; the number part may carry letters ('125-BC/ĐU').
  const parts = /^([^\s/]*)\s*\/\s*([\p{L}\d][\p{L}\d\-/.]*[\p{L}\d])/u.exec(rest);
  if (parts) {
    const numPart = parts[1]!.replace(/^[.…_\-]+/, '');
    if (!/\d/.test(numPart)) return { number: null, blank: true, quote };
    return { number: `${numPart}/${parts[2]}`, blank: false, quote };
  }
  const plain = /^(\d[\p{L}\d\-.]*)/u.exec(rest);
  if (plain) return { number: plain[1]!.replace(/\.$/, ''), blank: false, quote };
  if (/^[.…_\s]*$/.test(rest) || /^[.…_\s]*[A-ZĐ]/u.test(rest)) return { number: null, blank: true, quote };
  return null;
}

/** The 'Số:' line of the header, or null when the header has none. */
export function findNumberLine(doc: DocumentModel): NumberLine | null {
  for (const line of headerLines(doc)) {
    const r = parseNumberLine(line.text);
    if (r) return { ...r, block: line.block };
  }
  return null;
}

export interface DateLine {
  date: VnDate | null;
  /** The whole date is left out ('Đông Lỗ, ngày'). */
  blank: boolean;
  /** The place before ', ngày' ('Đông Lỗ'), when the line has one. */
  place: string | null;
  quote: string;
  block: Block;
}

/** '<Place>, ngày': up to five capitalised words (not a document symbol such as 'BC-UBND') before ', ngày'. */
const PLACE = /(?<![\p{L}\d\-/])((?:[\p{Lu}][\p{L}\p{M}'’]*\s+){0,4}[\p{Lu}\d][\p{L}\p{M}'’\d]*)\s*,\s*ng[aà]y(?![\p{L}])/u;

/** A date with every part there (or explicitly blank) beats one cut by a line break ('ngày 05 tháng 12' / 'năm 2024'). */
function completeness(d: VnDate | null): number {
  if (!d) return 0;
  return (d.day !== null || d.dayBlank ? 1 : 0) + (d.month !== null || d.monthBlank ? 1 : 0) + (d.year !== null ? 2 : d.yearBlank ? 1 : 0);
}

/** The place-and-date line of the header ('Đông Lỗ, ngày 20 tháng 6 năm 2024'), or null.
 *  A line cut before the year (a narrow header column) is read together with the next line. */
export function findDateLine(doc: DocumentModel): DateLine | null {
  let fallback: DateLine | null = null;
  const lines = headerLines(doc);
  const dateIn = (text: string, from: number) => findDates(text).filter((d) => !d.monthOnly).find((d) => d.index >= from) ?? null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    const place = PLACE.exec(text);
    if (place) {
      const start = place.index ?? 0;
      const after = start + place[0].length - 4;
      let date = dateIn(text, after - 1);
      let quote = text.slice(start).trim();
      const next = lines[i + 1];
      if (next && next.block === line.block && completeness(date) < 4 && !SO.test(next.text)) {
        const joined = `${text} ${next.text}`;
        const d2 = dateIn(joined, after - 1);
        if (completeness(d2) > completeness(date)) {
          date = d2;
          quote = joined.slice(start).trim();
        }
      }
      return { date, blank: date === null, place: place[1]!.trim(), quote, block: line.block };
    }
    const dates = findDates(text).filter((d) => !d.monthOnly);
    if (!fallback && dates.length && /ng[aà]y/iu.test(text)) {
      fallback = { date: dates[0]!, blank: false, place: null, quote: text, block: line.block };
    }
  }
  return fallback;
}

export interface TitleInfo {
  /** 'BÁO CÁO', 'GIẤY MỜI' …; null when the document has no title line. */
  word: string | null;
  /** The summary under (or after) the title word, lines joined with a space. */
  title: string | null;
  /** The title word's block first, then the blocks of the summary. */
  blocks: Block[];
  /** The summary's lines, each with its block. */
  lines: Line[];
}

/** The title: the document-type word and the summary lines under it — the title region's lines,
 *  and the paragraphs that continue them (a line that ends with ';' or ',' or without a full stop,
 *  followed by a lower-case line or by another bold line: 'Kết quả … năm 2024;' / 'phương hướng …'). */
export function findTitle(doc: DocumentModel): TitleInfo {
  const at = titleWordAt(doc);
  if (!at) return { word: null, title: null, blocks: [], lines: [] };
  const lines: Line[] = [];
  if (at.rest) lines.push({ text: at.rest, block: at.block });
  for (const t of at.after) lines.push({ text: t, block: at.block });
  const start = doc.blocks.indexOf(at.block);
  const bold = at.block.kind === 'paragraph' && at.block.style.bold === true;
  for (let i = start + 1; i < doc.blocks.length && lines.length < 6; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'paragraph') break;
    if (b.region === 'title') { lines.push({ text: b.text, block: b }); continue; }
    if (b.heading || b.region !== 'body' || b.text.length > 250 || INTRO.test(b.text) || /^[-+•]/.test(b.text)) break;
    const prev = lines[lines.length - 1]?.text ?? '';
    if (prev === '' && /:$/.test(b.text)) break; // 'UBND xã … báo cáo … như sau:' opens the text
    const open = prev === '' || !/[.:!?]$/.test(prev);
    // The first paragraph after the title word is the summary; later ones continue it.
    const continues = prev === '' || /^\p{Ll}/u.test(b.text) || (bold && b.style.bold === true);
    if (!open || !continues) break;
    lines.push({ text: b.text, block: b });
  }
  // The addressee line ('Kính gửi: …') and the lead-in ('Căn cứ …', 'Thực hiện …') follow the title; a PDF may glue them to it.
  const title = lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ').replace(/\s*(?:Kính gửi|KÍNH GỬI)\s*:.*$/u, '').trim();
  const blocks = [at.block, ...lines.map((l) => l.block).filter((b) => b !== at.block)];
  return { word: at.word, title: title || null, blocks: [...new Set(blocks)], lines };
}

export interface Signer {
  name: string | null;
  position: string | null;
  quote: string;
  block: Block;
}

const AUTHORITY = /(?:^|\s)(TM|KT|Q|TL|TUQ)\s*\.\s*(\S.*)$/u;
/** Words of a person's office (not of a body): what a position line contains. */
const OFFICE = /(?<![\p{L}\d])(CHỦ TỊCH|BÍ THƯ|TRƯỞNG|PHÓ|CHÁNH|GIÁM ĐỐC|ỦY VIÊN|UỶ VIÊN|THƯ KÝ|CÔNG CHỨC|CHỈ HUY)(?![\p{L}\d])/u;
/** Words of bodies and offices: a line with one of them is not a person's name. */
const ROLE_WORDS = /(?<![\p{L}\d])(CHỦ TỊCH|BÍ THƯ|TRƯỞNG|PHÓ|CHÁNH|GIÁM ĐỐC|ỦY|UỶ|UBND|BAN|ĐẢNG|HỘI ĐỒNG|VĂN PHÒNG|CÔNG CHỨC|XÃ|PHƯỜNG|THỊ TRẤN|NHÂN DÂN|THƯ KÝ|CHỈ HUY|NƠI NHẬN|LƯU)(?![\p{L}\d])/u;
const SIGN_NOTE = /^\(?\s*(đã ký|ký|ky|chữ ký|đóng dấu|signed|\[.*\])/iu;

/** A line of the 'Nơi nhận' list. */
const RECIPIENT = /^(?:[-+•]|Nơi nhận)/u;

/** What follows the last ';' / '.' / ':' of a recipients line, when it is not part of the list. */
function rightColumn(text: string): string | null {
  const m = /[;.:]\s+([^;.:]+)$/u.exec(text);
  const right = m?.[1]?.trim() ?? '';
  return right && (isNameLine(right) || (isMostlyUpper(right) && OFFICE.test(right)) || AUTHORITY.test(right)) ? right : null;
}

function isNameLine(text: string): boolean {
  const t = text.replace(/[.,;]+$/, '').trim();
  if (t.length < 5 || t.length > 45 || /\d/.test(t)) return false;
  if (ROLE_WORDS.test(t.toUpperCase())) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => /^[\p{Lu}][\p{L}]*$/u.test(w));
}

/** The lines of the closing region (signature block and 'Nơi nhận'); when the structure found none,
 *  the last blocks of the body. */
function closingLines(doc: DocumentModel): Line[] {
  const closing = doc.blocks.filter((b) => b.region === 'closing');
  if (closing.length) return closing.flatMap(blockLines);
  const body = doc.blocks.filter((b) => b.region === 'body');
  return body.slice(-12).flatMap(blockLines);
}

/** The signer: the name after the authority lines (TM./KT./Q./TL./TUQ., 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH'),
 *  and the actual signer's position: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' → 'Phó Chủ tịch'. */
export function findSigner(doc: DocumentModel): Signer | null {
  const lines = closingLines(doc);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const auth = AUTHORITY.exec(text);
    const isOffice = !auth && isMostlyUpper(text) && OFFICE.test(text) && !/^[-+•]/.test(text) && text.length < 60;
    if (!auth && !isOffice) continue;
    // The authority block: this line and the office lines under it, then the name.
    const roleLines: { prefix: string | null; text: string }[] = [auth ? { prefix: auth[1]!, text: auth[2]!.trim() } : { prefix: null, text }];
    // 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH' on one line (a PDF's text): the deputy's office is a line of its own.
    const joined = auth ? /^(.+?)\s+(PHÓ\s+.+)$/u.exec(auth[2]!.trim()) : null;
    if (joined && OFFICE.test(joined[1]!)) roleLines.splice(0, 1, { prefix: auth![1]!, text: joined[1]! }, { prefix: null, text: joined[2]! });
    const quoteLines = [auth ? `${auth[1]}. ${auth[2]!.trim()}` : text];
    let name: string | null = null;
    let nameBlock: Block = lines[i]!.block;
    for (let j = i + 1, seen = 0; j < lines.length && seen < 8; j++) {
      let t = lines[j]!.text;
      // A recipients line with the signature column run into it (a PDF of a borderless two-column
      // table: '- UBND huyện (b/c); CHỦ TỊCH', '- Lưu: VP. Hồ Sỹ Thành'): only its right part counts.
      if (RECIPIENT.test(t)) {
        const right = rightColumn(t);
        if (!right) continue;
        t = right;
      }
      seen++;
      if (SIGN_NOTE.test(t)) continue;
      if (isNameLine(t)) {
        name = isMostlyUpper(t) ? titleCaseName(t.replace(/[.,;]+$/, '')) : t.replace(/[.,;]+$/, '').trim();
        nameBlock = lines[j]!.block;
        quoteLines.push(t);
        break;
      }
      const a2 = AUTHORITY.exec(t);
      if (a2) { roleLines.push({ prefix: a2[1]!, text: a2[2]!.trim() }); quoteLines.push(t); continue; }
      if (isMostlyUpper(t) && t.length < 60) { roleLines.push({ prefix: null, text: t }); quoteLines.push(t); continue; }
      break;
    }
    if (name === null && roleLines.length === 0) continue;
    const position = signerPosition(roleLines);
    if (name === null && position === null) continue;
    return { name, position, quote: quoteLines.join(' / '), block: nameBlock };
  }
  return null;
}

/** The actual signer's position from the authority lines, outermost first. */
function signerPosition(roles: { prefix: string | null; text: string }[]): string | null {
  // The last office line without a prefix is the signer's own ('PHÓ CHỦ TỊCH' under 'KT. CHỦ TỊCH').
  for (let i = roles.length - 1; i >= 0; i--) {
    const r = roles[i]!;
    if (r.prefix === null && OFFICE.test(r.text)) return positionCase(r.text);
  }
  // Only a prefixed line: 'Q. CHỦ TỊCH' is the acting chair signing; 'TM.', 'KT.', 'TL.', 'TUQ.'
  // name the body or the chief the signer stands for, not the signer's position.
  const q = roles.find((r) => r.prefix === 'Q' && OFFICE.test(r.text));
  if (q) return `Quyền ${positionCase(q.text)}`;
  return null;
}

export const extractDocument: Extractor = (doc: DocumentModel): ExtractorResult => {
  const result: ExtractorResult = { fields: {}, provenance: {} };
  const prov = result.provenance as Record<string, Provenance>;
  const document: NonNullable<ExtractorResult['fields']['document']> = {};
  const numberLine = findNumberLine(doc);
  if (numberLine?.number) {
    document.number = numberLine.number;
    prov['document.number'] = provenance(numberLine.block, numberLine.quote);
  }
  const dateLine = findDateLine(doc);
  if (dateLine?.date?.iso) {
    document.date = dateLine.date.iso;
    prov['document.date'] = provenance(dateLine.block, dateLine.quote);
  }
  const title = findTitle(doc);
  if (title.title) {
    document.title = title.title;
    prov['document.title'] = provenance(title.blocks[0]!, title.title);
  }
  const signer = findSigner(doc);
  if (signer) {
    document.signer = {};
    if (signer.name) {
      document.signer.name = signer.name;
      prov['document.signer.name'] = provenance(signer.block, signer.quote);
    }
    if (signer.position) {
      document.signer.position = signer.position;
      prov['document.signer.position'] = provenance(signer.block, signer.quote);
    }
  }
  result.fields.document = document;
  return result;
};

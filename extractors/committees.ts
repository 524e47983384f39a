// steeringCommittee {members, head} and supportTeam {members, leader}: the COMMUNE's own Ban chỉ đạo
// and Tổ giúp việc, never the district's. From the annex tables (commune level: 'Đảng ủy xã Đông Lễ |
// 17 | x |' under 'Trưởng Ban chỉ đạo' > 'Bí thư Đảng ủy' | 'Chủ tịch UBND'), then from the text
// ('Ban chỉ đạo gồm 17 thành viên do đồng chí Bí thư Đảng ủy làm Trưởng ban', 'Tổ giúp việc có 09
// thành viên, Công chức Văn phòng - Thống kê làm Tổ trưởng'); each field from the first source
// that states it. Heads and leaders are position names as the report writes them, first letter capital.
import type { Provenance } from '../src/contract.ts';
import type { DocumentModel, Table } from '../src/document/model.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import {
  N, W, cellNumber, cellsQuote, foldKeep, maskedFolded, provFor, isMark, isTotalRow, paraLines, sentenceCase, sentenceSpans, tableContext,
  tableView, headingOf, type Line,
} from './find.ts';
import { paragraphs, provenance, tables } from './lib.ts';

type Kind = 'steering' | 'support';

interface Found {
  members?: { value: number; prov: Provenance };
  head?: { value: string; prov: Provenance };
}

const STEERING = String.raw`(?:ban chi dao|bcd)(?![\p{L}])`;
const SUPPORT = String.raw`(?:to (?:cong tac )?giup viec|tgv)(?![\p{L}])`;
const HIGHER = W('huyen|tinh|thanh pho|thi xa|huyen uy|tinh uy');
const OWN = W('xa|phuong|thi tran|dang uy xa|co so');
const POSITION = W('bi thu|pho bi thu|chu tich|pho chu tich|cong chuc|truong|pho truong|uy vien|can bo|chi huy truong|van phong|thuong truc|chu nhiem|giam doc');

// --- tables ----------------------------------------------------------------------------------

function fromTables(doc: DocumentModel): Record<Kind, Found> {
  const out: Record<Kind, Found> = { steering: {}, support: {} };
  for (const t of tables(doc)) {
    const view = tableView(t);
    if (!view.dataRows.length) continue;
    const heading = foldKeep(headingOf(doc, t) ?? '');
    const ctx = tableContext(doc, t);
    const labels = view.folded.join(' | ');
    const about = heading || ctx;
    // District or province tables ('… cấp huyện', first column 'Huyện, thành phố').
    if (/cap (?:huyen|tinh)/.test(about) || /^huyen/.test(view.folded[0] ?? '') || /^huyen/.test(view.folded[1] ?? '') && !/xa/.test(view.folded[1] ?? '')) continue;
    // The table's own body, from its heading or context, else from its column labels.
    let tableKind: Kind | null = null;
    if (new RegExp(SUPPORT, 'u').test(about) && !new RegExp(STEERING, 'u').test(about)) tableKind = 'support';
    else if (new RegExp(STEERING, 'u').test(about) && !new RegExp(SUPPORT, 'u').test(about)) tableKind = 'steering';
    else if (/to truong|to giup viec/.test(labels) && !/truong ban|ban chi dao/.test(labels)) tableKind = 'support';
    else if (/truong ban|ban chi dao/.test(labels) && !/to truong|to giup viec/.test(labels)) tableKind = 'steering';
    for (const kind of ['steering', 'support'] as const) {
      // A column belongs to a body when its label names it, or names none in a table about that body
      // ('Số thành viên Ban chỉ đạo | Trưởng Ban chỉ đạo | Số thành viên Tổ giúp việc | Tổ trưởng').
      const names = (s: string) => new RegExp(kind === 'steering' ? STEERING : SUPPORT, 'u').test(s) || (kind === 'steering' ? /truong ban/ : /to truong/).test(s);
      const namesOther = (s: string) => new RegExp(kind === 'steering' ? SUPPORT : STEERING, 'u').test(s) || (kind === 'steering' ? /to truong/ : /truong ban/).test(s);
      const mine = (s: string) => names(s) || (tableKind === kind && !namesOther(s));
      const membersCol = view.folded.findIndex((s) => /so (?:luong )?(?:thanh vien|nguoi)|thanh vien/.test(s) && !/truong/.test(s) && mine(s));
      const headCols = view.folded
        .map((s, c) => ({ s, c }))
        .filter(({ s }) => (kind === 'steering' ? /truong ban|nguoi dung dau/ : /to truong|truong to/).test(s) && mine(s))
        .map(({ c }) => c);
      if (membersCol < 0 && !headCols.length) continue;
      readRows(t, view, membersCol, headCols, out[kind]);
    }
  }
  return out;
}

/** The first data row of a committee table that gives the members or the head. */
function readRows(t: Table, view: ReturnType<typeof tableView>, membersCol: number, headCols: number[], found: Found): void {
  for (const r of view.dataRows) {
    const row = t.grid[r]!;
    if (isTotalRow(row)) continue;
    const members = membersCol >= 0 ? cellNumber(row[membersCol]) : null;
    let head: string | null = null;
    let headQuote = cellsQuote(row);
    for (const c of headCols) {
      const cell = (row[c] ?? '').trim();
      if (!cell) continue;
      const path = view.paths[c]!;
      if (isMark(cell)) {
        const option = path[path.length - 1] ?? '';
        if (path.length > 1 && !/truong ban|to truong/.test(foldKeep(option))) {
          head = option;
          headQuote = `${view.labels[c]}: ${cell} (${cellsQuote(row)})`;
          break;
        }
      } else if (/\p{L}/u.test(cell) && !/^\d/.test(cell)) {
        head = cell;
        break;
      }
    }
    if (members === null && head === null) continue;
    if (members !== null && !found.members) found.members = { value: members, prov: provenance(t, cellsQuote(row)) };
    if (head !== null && !found.head) found.head = { value: cleanPosition(head), prov: provenance(t, headQuote) };
    break;
  }
}

/** Tables with a row per body ('Ban Chỉ đạo | 16 | Bí thư Đảng ủy', 'Tổ giúp việc | 8 | Phó Chủ tịch UBND xã'). */
function fromRowTables(doc: DocumentModel, out: Record<Kind, Found>): void {
  for (const t of tables(doc)) {
    const view = tableView(t);
    const membersCol = view.folded.findIndex((s) => /so luong|thanh vien|so nguoi/.test(s) && !/truong/.test(s));
    const headCol = view.folded.findIndex((s) => /truong|dung dau|phu trach|lanh dao/.test(s));
    if (membersCol < 0 && headCol < 0) continue;
    for (const r of view.dataRows) {
      const row = t.grid[r]!;
      const label = foldKeep((row.find((c) => /\p{L}/u.test(c)) ?? '').trim());
      const kind: Kind | null = new RegExp(`^${SUPPORT}`, 'u').test(label) ? 'support' : new RegExp(`^${STEERING}`, 'u').test(label) ? 'steering' : null;
      if (!kind || (HIGHER.test(label) && !OWN.test(label))) continue;
      const found = out[kind];
      const members = membersCol >= 0 ? cellNumber(row[membersCol]) : null;
      const head = headCol >= 0 ? position(row[headCol] ?? '') : null;
      if (members !== null && !found.members) found.members = { value: members, prov: provenance(t, cellsQuote(row)) };
      if (head && !found.head) found.head = { value: head, prov: provenance(t, cellsQuote(row)) };
    }
  }
}

// --- text ------------------------------------------------------------------------------------

const MEMBERS = (key: string) =>
  new RegExp(String.raw`${key}([^.;\d]{0,160}?)${N}\s*(?:thanh vien|dong chi|d\/c|nguoi|uy vien|can bo|cong chuc)(?![\p{L}])`, 'u');

/** A body counted by its posts: 'gồm 01 Trưởng ban, 02 Phó Trưởng ban và 10 ủy viên' = 13. */
const POSTS = String.raw`(?:dong chi\s+)?(?:truong ban|pho truong ban|pho ban|to truong|to pho|uy vien|thanh vien)`;
const COMPOSITION = (key: string) =>
  new RegExp(String.raw`${key}[^.;\d]{0,80}?(?:gom|co|bao gom)\s*:?\s*((?:\d{1,2}\s*${POSTS}(?:\s*(?:,|va)\s*)?){2,})`, 'u');

function textMembers(lines: Line[], kind: Kind): { value: number; prov: Provenance } | null {
  const composition = COMPOSITION(kind === 'steering' ? STEERING : SUPPORT);
  for (const line of lines) {
    const m = composition.exec(maskedFolded(line));
    if (!m) continue;
    if (kind === 'steering' && new RegExp(SUPPORT, 'u').test(m[0])) continue;
    if (HIGHER.test(m[0]) && !OWN.test(m[0])) continue;
    const sum = [...m[1]!.matchAll(/\d{1,2}/g)].reduce((n, d) => n + Number(d[0]), 0);
    if (sum > 0 && sum <= 200) return { value: sum, prov: quoteSentence(line, m.index, m.index + m[0].length) };
  }
  const re = MEMBERS(kind === 'steering' ? STEERING : SUPPORT);
  for (const line of lines) {
    for (const m of maskedFolded(line).matchAll(new RegExp(re.source, 'gu'))) {
      const gap = m[1]!;
      const pre = line.folded.slice(Math.max(0, m.index - 25), m.index);
      if (kind === 'steering') {
        if (new RegExp(SUPPORT, 'u').test(gap) || new RegExp(`${SUPPORT}\\s*(?:\\([^)]{0,12}\\)\\s*)?(?:(?:cua|cho|thuoc|giup)\\s*)?$`, 'u').test(pre)) continue;
      } else if (/(?:va|,)\s*(?:ban chi dao|bcd)/.test(gap)) continue;
      if (HIGHER.test(gap) && !OWN.test(gap)) continue;
      // A share of the members given a task ('phân công 12 thành viên phụ trách …') is not the body's size.
      if (W('tham gia|tap huan|kiem tra|phan cong').test(gap)) continue;
      const v = Number(m[2]!.replace(/\D/g, ''));
      if (!Number.isInteger(v) || v <= 0 || v > 200) continue;
      return { value: v, prov: quoteSentence(line, m.index, m.index + m[0].length) };
    }
  }
  return null;
}

const LEAD_VERB = (kind: Kind) =>
  kind === 'steering'
    ? /(?<![\p{L}])(?:lam|giu(?: chuc)?|la|dam nhiem)\s+(?:chuc\s+)?truong ban(?! to)/gu
    : /(?<![\p{L}])(?:lam|giu(?: chuc)?|la|dam nhiem)\s+(?:chuc\s+)?to truong/gu;
const LEAD_LABEL = (kind: Kind) =>
  kind === 'steering'
    ? /(?<![\p{L}])(?<!pho\s)truong ban(?: chi dao)?\s*(?:la|:|-)\s*/gu
    : /(?<![\p{L}])to truong(?: to giup viec)?\s*(?:la|:|-)\s*/gu;

function textHead(lines: Line[], kind: Kind): { value: string; prov: Provenance } | null {
  const own = new RegExp(kind === 'steering' ? STEERING : SUPPORT, 'u');
  for (const line of lines) {
    for (const [a, b] of sentenceSpans(line.text)) {
      const f = line.folded.slice(a, b);
      if (!own.test(f) && !(kind === 'support' ? /to truong/ : /truong ban/).test(f)) continue;
      // 'X làm Trưởng ban': X is the phrase before the verb.
      for (const m of f.matchAll(LEAD_VERB(kind))) {
        const at = a + m.index;
        const phrase = phraseBefore(line, a, at);
        if (phrase && !HIGHER.test(foldKeep(phrase))) return { value: phrase, prov: quoteSentence(line, a, b) };
      }
      // 'Trưởng ban là đồng chí X'
      for (const m of f.matchAll(LEAD_LABEL(kind))) {
        const at = a + m.index + m[0].length;
        const phrase = phraseAfter(line, at, b);
        if (phrase && !HIGHER.test(foldKeep(phrase))) return { value: phrase, prov: quoteSentence(line, a, b) };
      }
    }
  }
  return null;
}

/** The position named just before `at` (back to a delimiter, 'do', 'là', 'gồm' …). */
function phraseBefore(line: Line, from: number, at: number): string | null {
  const f = line.folded.slice(from, at);
  let cut = -1;
  for (const m of f.matchAll(/[,;:(]|(?<![\p{L}])(?:do|la|voi|gom|co|boi)(?![\p{L}])/gu)) cut = m.index + m[0].length;
  const start = from + Math.max(0, cut);
  return position(line.text.slice(start, at));
}

/** The position named just after `at` (up to a delimiter). Skips a bare name ('đồng chí Nguyễn Văn A, Bí thư …'). */
function phraseAfter(line: Line, at: number, end: number): string | null {
  const parts = line.text.slice(at, end).split(/[,;(]/);
  for (const part of parts.slice(0, 3)) {
    const p = position(part);
    if (p) return p;
  }
  return null;
}

/** Reduces a phrase to the position it names: drops 'đồng chí' and a person's name before ' - ',
 *  and the trailing unit ('xã Đông Lỗ'); null when no position word is left. */
function position(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim().replace(/[.:]+$/, '').trim();
  const dashParts = s.split(/\s+[-–]\s+/);
  if (dashParts.length > 1) {
    const first = dashParts.findIndex((p) => POSITION.test(foldKeep(p)));
    if (first < 0) return null;
    s = dashParts.slice(first).join(' - ');
  }
  s = s.replace(/^(?:đồng chí|đ\/c|đc|ông|bà|do|là)\s+/iu, '');
  s = s.replace(/^(?:đồng chí|đ\/c|đc|ông|bà)\s+/iu, '');
  if (!POSITION.test(foldKeep(s))) return null;
  return cleanPosition(s);
}

/** Drops a trailing ' xã …' / ' phường …' / ' thị trấn …' (the unit) and capitalises the first letter. */
function cleanPosition(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim();
  const f = foldKeep(t);
  const m = /\s(?:xa|phuong|thi tran)(?:\s|$)/.exec(f);
  if (m && m.index > 0 && !/\s-\s*$/.test(f.slice(0, m.index + 1))) t = t.slice(0, m.index);
  return sentenceCase(t.replace(/[\s,;:.-]+$/, ''));
}

function quoteSentence(line: Line, start: number, end: number): Provenance {
  return provFor(line, start, end, 'clause');
}

// --------------------------------------------------------------------------------------------

export const extractCommittees: Extractor = (doc): ExtractorResult => {
  const annex = fromTables(doc);
  fromRowTables(doc, annex);
  const lines = paraLines(paragraphs(doc, ['body']));
  const prov: Record<string, Provenance> = {};
  const fields: ExtractorResult['fields'] = {};
  for (const kind of ['steering', 'support'] as const) {
    const found = annex[kind];
    const members = found.members ?? textMembers(lines, kind) ?? undefined;
    const head = found.head ?? textHead(lines, kind) ?? undefined;
    const key = kind === 'steering' ? 'steeringCommittee' : 'supportTeam';
    const headKey = kind === 'steering' ? 'head' : 'leader';
    const part: Record<string, number | string> = {};
    if (members) { part.members = members.value; prov[`${key}.members`] = members.prov; }
    if (head) { part[headKey] = head.value; prov[`${key}.${headKey}`] = head.prov; }
    if (Object.keys(part).length) (fields as Record<string, unknown>)[key] = part;
  }
  return { fields, provenance: prov };
};

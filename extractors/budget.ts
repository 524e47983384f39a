// budget.planned / budget.disbursed {total, district, commune}, in million VND, from the annex
// 'Kinh phí đầu tư …' table. Columns are mapped by the words of their (merged) headers:
//   planned   ← dự toán / kế hoạch / bố trí / phân bổ / được giao
//   disbursed ← đã triển khai / giải ngân / thực hiện / đã chi / đã sử dụng / quyết toán
//   total ← Tổng số / Tổng cộng, or a side column without sub-columns; district ← ngân sách huyện /
//   cấp huyện; commune ← ngân sách xã / cấp xã (phường, thị trấn).
// The commune's row is the first data row with a number (an empty 'Tổng số' row is skipped; a filled
// total row is used only when it is the only one). A table laid out the other way round (rows
// 'Ngân sách huyện' / 'Ngân sách xã', columns 'Dự toán' / 'Đã triển khai') is read too.
// Unit: 'Đơn vị tính: Triệu đồng' / 'ĐVT: nghìn đồng' / '(đồng)' near the table or in its header;
// none stated → triệu đồng (the form's unit). Empty cells are null, '0' is 0.
// Text fallback (only for fields the annex leaves null): a sentence that states an amount with its
// unit and says which budget it is ('Kinh phí cấp xã: 10 triệu đồng' under a heading about 'bố trí
// kinh phí'). 'chưa bố trí kinh phí' states no amount and is NOT read as 0: in the seed the annex
// gives the commune a 10-million estimate while the text says the commune 'chưa bố trí' — it speaks
// of money not yet allocated/spent to date, not of the estimate, and which field it would zero is
// not said.
import type { Provenance } from '../src/contract.ts';
import type { DocumentModel, Table } from '../src/document/model.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import {
  W, cellNumber, cellsQuote, foldKeep, headingOf, isTotalRow, linesPreferring, otherYearOnly, provFor, reportYear, round6,
  tableContext, tableView, textAfter, type TableView,
} from './find.ts';
import { provenance } from './lib.ts';
import { quantities } from './text/quantities.ts';

type Side = 'planned' | 'disbursed';
type Part = 'total' | 'district' | 'commune';
type Budget = Record<Side, Partial<Record<Part, number>>>;

const PLANNED = W('du toan|ke hoach|bo tri|phan bo|duoc giao|giao du toan|du kien|duoc cap|dang ky|giao(?=\\s+\\d)');
const DISBURSED = W('da trien khai|trien khai den|giai ngan|thuc hien|da chi|chi tra|da su dung|su dung|quyet toan|thuc chi|da cap|luy ke|chi(?=\\s+(?:het\\s+)?\\d)');

/** The side a label speaks of; when it names both ('thực hiện so với kế hoạch'), the word that comes first. */
function sideOf(label: string): Side | null {
  const p = PLANNED.exec(label);
  const d = DISBURSED.exec(label);
  if (p && d) return p.index <= d.index ? 'planned' : 'disbursed';
  return p ? 'planned' : d ? 'disbursed' : null;
}

/** The side whose word comes last in a text (the one nearest to what follows it). */
function nearestSide(text: string): Side | null {
  const last = (re: RegExp) => Math.max(-1, ...[...text.matchAll(new RegExp(re.source, 'gu'))].map((m) => m.index));
  const p = last(PLANNED);
  const d = last(DISBURSED);
  if (p < 0 && d < 0) return null;
  return p > d ? 'planned' : 'disbursed';
}

function partOf(label: string): Part | null {
  if (W('tong so|tong cong|tong').test(label)) return 'total';
  if (W('ngan sach huyen|cap huyen|huyen|ns huyen|thanh pho|thi xa|ngan sach quan|cap quan').test(label)) return 'district';
  if (W('ngan sach xa|cap xa|xa|phuong|thi tran|ns xa|co so').test(label)) return 'commune';
  return null;
}

/** Million-VND factor from a unit statement in folded text; null when none is stated. */
export function unitFactor(folded: string): number | null {
  const m = /(?:don vi tinh|don vi|dvt)\s*:?\s*(trieu dong|trieu|nghin dong|ngan dong|1\.?000 dong|dong|vnd)|\(\s*(trieu dong|trieu|nghin dong|ngan dong|1\.?000 dong|dong|vnd)\s*\)/.exec(folded);
  const unit = m?.[1] ?? m?.[2];
  if (!unit) return null;
  if (unit.startsWith('trieu')) return 1;
  if (/^(nghin|ngan|1\.?000)/.test(unit)) return 1e-3;
  return 1e-6;
}

interface Mapped { side: Side; part: Part }

/** The side of each column's header path; a column under 'Trong đó' ('of which') without a side of its
 *  own belongs to the nearest column on its left that has one ('Dự toán | Trong đó: NS huyện, NS xã'). */
function sides(view: TableView, fallback: Side | null): (Side | null)[] {
  const out: (Side | null)[] = [];
  view.paths.forEach((path, c) => {
    const folded = path.map(foldKeep);
    const own = folded.map(sideOf).find((x) => x !== null) ?? null;
    out.push(own ?? (folded.some((l) => /^trong do$/.test(l.trim())) && c > 0 ? out[c - 1]! : null));
  });
  // No column names a side: the table's title or heading may ('Kinh phí đã chi (Đơn vị tính: đồng)').
  return out.every((x) => x === null) && fallback ? view.paths.map((p) => (p.length ? fallback : null)) : out;
}

/** The side a text names, when it names only one. */
function onlySide(text: string): Side | null {
  const p = PLANNED.test(text);
  const d = DISBURSED.test(text);
  return p === d ? null : p ? 'planned' : 'disbursed';
}

function mapColumns(view: TableView, fallback: Side | null = null): (Mapped | null)[] {
  const sideOfColumn = sides(view, fallback);
  return view.paths.map((path, c) => {
    const folded = path.map(foldKeep);
    const side = sideOfColumn[c];
    if (!side) return null;
    // The labels under the one that names the side (all of them when the side comes from the title).
    const sideAt = folded.findIndex((l) => sideOf(l) !== null || /^trong do$/.test(l.trim()));
    const below = folded.slice(sideAt + 1).filter((l) => !/^trong do$/.test(l.trim()));
    let part: Part | null = null;
    for (const l of below.reverse()) {
      part = partOf(l);
      if (part) break;
    }
    if (!part) part = below.length === 0 || below.every((l) => !/\p{L}/u.test(l)) ? 'total' : null;
    // A header that names the side and the part in one label: 'Ngân sách xã đã chi'.
    if (!part && sideAt >= 0 && sideAt === folded.length - 1) part = 'total';
    return part ? { side, part } : null;
  });
}

interface TableResult { budget: Budget; prov: Record<string, Provenance> }

function fromTable(doc: DocumentModel, t: Table): TableResult | null {
  const view = tableView(t);
  if (!view.dataRows.length) return null;
  const ctx = tableContext(doc, t);
  if (!/kinh phi|ngan sach|dau tu|du toan/.test(`${ctx} ${view.folded.join(' ')}`)) return null;
  const after = textAfter(doc, t, 2).map(foldKeep).join(' ');
  const factor = unitFactor(`${view.folded.join(' ')} ${after} ${ctx}`) ?? 1;
  const cols = mapColumns(view, onlySide(ctx));
  const budget: Budget = { planned: {}, disbursed: {} };
  const prov: Record<string, Provenance> = {};
  const set = (side: Side, part: Part, raw: number, quote: string) => {
    if (budget[side][part] !== undefined) return;
    budget[side][part] = round6(raw * factor);
    prov[`budget.${side}.${part}`] = provenance(t, quote);
  };
  const rows = view.dataRows.map((r) => t.grid[r]!);
  // Rows named by budget level ('Ngân sách huyện | 0 | 0'): the transposed layout.
  const rowPart = (row: string[]): Part | null => {
    for (const c of row) {
      const f = foldKeep(c.trim());
      if (!/\p{L}/u.test(f) || cellNumber(c) !== null) continue;
      if (isTotalRow([c])) return 'total';
      if (/ngan sach|cap (?:huyen|xa)|kinh phi|nguon/.test(f)) return partOf(f);
    }
    return null;
  };
  const sideCols = cols.map((m, c) => ({ m, c })).filter(({ m }) => m !== null) as { m: Mapped; c: number }[];
  if (!sideCols.length) return sidesAsRows(t, view, rows, factor);
  const transposed = rows.some((row) => {
    const p = rowPart(row);
    return p === 'district' || p === 'commune';
  });
  if (transposed) {
    for (const row of rows) {
      const p = rowPart(row);
      if (!p) continue;
      for (const { m, c } of sideCols) {
        if (m.part !== 'total') continue;
        const v = cellNumber(row[c]);
        if (v !== null) set(m.side, p, v, cellsQuote(row));
      }
    }
  } else {
    const hasValue = (row: string[]) => sideCols.some(({ c }) => cellNumber(row[c]) !== null);
    const row = rows.find((r) => !isTotalRow(r) && hasValue(r)) ?? rows.find(hasValue);
    if (!row) return null;
    const header = (c: number) => view.labels[c]!;
    for (const { m, c } of sideCols) {
      const v = cellNumber(row[c]);
      if (v !== null) set(m.side, m.part, v, `${header(c)}: ${row[c]!.trim()} (${cellsQuote(row)})`);
    }
  }
  if (!Object.keys(prov).length) return null;
  return { budget, prov };
}

/** A table with the sides as rows and the levels as columns: 'Dự toán | 20 | 30 | 50' under
 *  'Nội dung | Ngân sách thành phố | Ngân sách phường | Tổng'. */
function sidesAsRows(t: Table, view: TableView, rows: string[][], factor: number): TableResult | null {
  const partCols = view.folded.map((h, c) => ({ c, part: partOf(h) })).filter((x): x is { c: number; part: Part } => x.part !== null);
  if (!partCols.length) return null;
  const budget: Budget = { planned: {}, disbursed: {} };
  const prov: Record<string, Provenance> = {};
  for (const row of rows) {
    const label = row.find((c) => /\p{L}/u.test(c) && cellNumber(c) === null);
    const side = label ? sideOf(foldKeep(label)) : null;
    if (!side) continue;
    for (const { c, part } of partCols) {
      const v = cellNumber(row[c]);
      if (v === null || budget[side][part] !== undefined) continue;
      budget[side][part] = round6(v * factor);
      prov[`budget.${side}.${part}`] = provenance(t, `${view.labels[c]}: ${row[c]!.trim()} (${cellsQuote(row)})`);
    }
  }
  return Object.keys(prov).length ? { budget, prov } : null;
}

// --- text ------------------------------------------------------------------------------------

/** An amount spelled out in brackets after its digits: '(Hai mươi lăm triệu đồng)'. */
const SPELLED_AMOUNT = /^\s*\((?![^()]*sach)[\p{L}\s]*?(?<![\p{L}])(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan|trieu|ty)(?![\p{L}])[\p{L}\s]*?dong\s*\)/u;


function fromText(doc: DocumentModel): TableResult {
  const budget: Budget = { planned: {}, disbursed: {} };
  const prov: Record<string, Provenance> = {};
  const [inside, outside] = linesPreferring(doc, /kinh phi|ngan sach|dau tu/, ['body']);
  const year = reportYear(doc);
  for (const line of [...inside!, ...outside!]) {
    const heading = foldKeep(headingOf(doc, line.block) ?? '');
    if (!/kinh phi|ngan sach/.test(line.folded) && !/kinh phi|ngan sach/.test(heading)) continue;
    // Amounts in any of their shapes: '30 triệu đồng', '30 tr.đồng', '18.600.000đ', '45.000 nghìn đồng'.
    // A bracket right after an amount speaks of that amount only: '… 35 triệu đồng (ngân sách xã), đã chi 35 triệu'
    // leaves the spending's level unsaid (a level named before, as the subject, still covers every amount).
    // A unit stated once for the line ('Kinh phí (triệu đồng): dự toán 15; thực hiện 15') makes bare numbers after a side word amounts.
    const lineUnit = unitFactor(line.folded);
    const amounts = quantities(line.folded).filter((q) => {
      if (q.millionVnd !== null) return true;
      if (lineUnit === null || q.ratio || q.percent || !/^\s*(?:[;,.]|$)/.test(q.after)) return false;
      if (sideOf(line.folded.slice(Math.max(0, q.numStart - 20), q.numStart)) === null) return false;
      q.millionVnd = round6(q.value * lineUnit);
      return true;
    });
    let blanked = line.folded;
    for (const q of amounts) {
      const br = /^\s*\([^()\d]*\)/.exec(blanked.slice(q.end));
      if (br) blanked = blanked.slice(0, q.end) + ' '.repeat(br[0].length) + blanked.slice(q.end + br[0].length);
    }
    for (const q of amounts) {
      const start = q.numStart;
      const partLead = blanked.slice(Math.max(0, start - 120), start);
      const m = { 0: line.folded.slice(q.numStart, q.end), 1: line.folded.slice(q.numStart, q.numEnd) } as const;
      const lead = line.folded.slice(Math.max(0, start - 120), start);
      const leadClause = lead.slice(Math.max(lead.lastIndexOf('. '), lead.lastIndexOf(';')) + 1);
      // About funds: said in the clause, the sentence ('Kinh phí … giao 20 triệu; … chi 8 triệu') or the heading.
      const leadSentence = lead.slice(lead.lastIndexOf('. ') + 1);
      if (!/kinh phi|ngan sach/.test(leadClause) && !/kinh phi|ngan sach/.test(leadSentence) && !/kinh phi|ngan sach/.test(heading)) continue;
      if (W('de nghi|kien nghi|xin|de xuat|du kien nam sau').test(leadClause)) continue;
      // Another year's money ('Năm 2023 đã chi …', 'dự kiến năm 2026 bố trí …'): a clause that names
      // years, none of them the report's (a span '2021-2025' is not another year).
      if (year !== null && otherYearOnly(leadClause, year)) continue;
      // An amount shared out among several units ('phân bổ cho 15 xã …') is a district's sum, not this commune's.
      if (/(?<![\p{L}])cho (?:cac |\d+ )(?:xa|phuong|thi tran|don vi)(?![\p{L}])/u.test(leadClause)) continue;
      // The side named nearest before the amount: 'bố trí 30 triệu đồng …, đến nay đã chi 18,6 triệu đồng'.
      const side: Side | null = nearestSide(leadClause + line.folded.slice(start, start + 2)) ?? sideOf(heading);
      if (!side) continue;
      // Just after the amount, before any bracket or other number: '2,5 triệu đồng từ ngân sách xã'.
      // (a spelled-out amount in brackets, '(Hai mươi lăm triệu đồng)', is skipped)
      const after = line.folded.slice(start + m[0].length).replace(SPELLED_AMOUNT, (s) => ' '.repeat(s.length));
      const tail = after.split(/[,;.(\d]/)[0]!;
      // 'Tổng kinh phí … là 12.500.000 đồng (ngân sách phường)': the total, and the level in brackets.
      const bracket = /^\s*\(([^()]*)\)/.exec(after)?.[1] ?? '';
      // '… 25 triệu đồng từ ngân sách xã': the total, and the one level it all comes from.
      // (A bracket with amounts of its own lists the parts: not a source.)
      const source = new RegExp(PART_WORDS.source, 'u').test(bracket) && !/\d/.test(bracket) ? bracket : /^\s*(?:tu|do|thuoc|bang)\s/.test(tail) ? tail : '';
      const sourcePart = source && new RegExp(PART_WORDS.source, 'u').test(source) ? [partNear(source, '')] : [];
      const near = partNear(partLead.slice(Math.max(partLead.lastIndexOf('. '), partLead.lastIndexOf(';')) + 1), tail);
      // 'Kinh phí đã chi: 4.250.000 đồng (ngân sách xã)': the level it came from (a total only when 'tổng' says so).
      const parts: Part[] = isTotalLead(leadClause) ? ['total', ...sourcePart] : near === 'total' && sourcePart.length ? sourcePart : [near];
      for (const part of parts) {
        if (budget[side][part] !== undefined) continue;
        budget[side][part] = q.millionVnd!;
        prov[`budget.${side}.${part}`] = provFor(line, start, start + m[0].length, 'clause');
      }
    }
  }
  return { budget, prov };
}

const PART_WORDS = /(?<![\p{L}])(?:((?:cap|ngan sach|kinh phi|ns) (?:huyen|quan|thi xa|thanh pho)|(?:huyen|thanh pho|thi xa) (?:ho tro|cap|bo tri))|((?:cap|ngan sach|kinh phi|ns) (?:xa|phuong|thi tran)|(?:xa|phuong|thi tran) (?:bo tri|tu can doi)))(?![\p{L}])/gu;

/** The amount that follows is a total: 'Tổng kinh phí (phường) đã chi … là', with no level named after
 *  'tổng' and no 'trong đó' that opens the parts ('Tổng … 30 triệu, trong đó ngân sách thành phố 10 triệu'). */
function isTotalLead(lead: string): boolean {
  const t = [...lead.matchAll(/(?<![\p{L}])tong (?:kinh phi|so|cong|chi)/gu)].pop();
  if (!t) return false;
  const te = t.index + t[0].length;
  if (/(?<![\p{L}])trong do(?![\p{L}])/u.test(lead.slice(t.index))) return false;
  const p = [...lead.matchAll(PART_WORDS)].pop();
  return !p || p.index < te;
}

/** The budget level named nearest before an amount ('Kinh phí cấp xã: 10 triệu'), else just after it
 *  ('2,5 triệu đồng từ ngân sách xã'), else the total. */
function partNear(lead: string, tail: string): Part {
  const last = [...lead.matchAll(PART_WORDS)].pop() ?? [...tail.matchAll(PART_WORDS)][0];
  if (!last) return 'total';
  return last[1] ? 'district' : 'commune';
}

export const extractBudget: Extractor = (doc): ExtractorResult => {
  let annex: TableResult | null = null;
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    annex = fromTable(doc, b);
    if (annex) break;
  }
  const text = fromText(doc);
  const budget: Budget = { planned: {}, disbursed: {} };
  const prov: Record<string, Provenance> = {};
  for (const side of ['planned', 'disbursed'] as const) {
    for (const part of ['total', 'district', 'commune'] as const) {
      const key = `budget.${side}.${part}`;
      const fromAnnex = annex?.budget[side][part];
      if (fromAnnex !== undefined) { budget[side][part] = fromAnnex; prov[key] = annex!.prov[key]!; continue; }
      const fromT = text.budget[side][part];
      if (fromT !== undefined) { budget[side][part] = fromT; prov[key] = text.prov[key]!; }
    }
  }
  const fields: ExtractorResult['fields'] = {};
  const b: NonNullable<ExtractorResult['fields']['budget']> = {};
  if (Object.keys(budget.planned).length) b.planned = budget.planned;
  if (Object.keys(budget.disbursed).length) b.disbursed = budget.disbursed;
  if (b.planned || b.disbursed) fields.budget = b;
  return { fields, provenance: prov };
};

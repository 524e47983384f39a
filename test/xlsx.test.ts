// The XLSX export, opened with exceljs: the annex tables' shape (merged headers, "Trong đó" over
// Ngân sách huyện | Ngân sách xã, the x in its column), the full table, totals, corrections — from
// the workspace and from `baocao consolidate --format xlsx --out FILE` (and `baocao token create`).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsolidatedRow, ConsolidatedTable, DistrictTable } from '../src/consolidate/table.ts';
import { headColumn, renderXlsx } from '../src/consolidate/xlsx.ts';
import { consolidateCommand } from '../src/cli/consolidate.ts';
import { tokenCreateCommand } from '../src/cli/token.ts';
import { openDatabase } from '../src/db/database.ts';
import { createWorkbench, DISTRICT, PERIOD, PROVINCE, type Workbench } from './api.fixture.ts';

const run = promisify(execFile);
let wb: Workbench;
let table: ConsolidatedTable;
let district: DistrictTable;
let book: ExcelJS.Workbook;
let corrected: ConsolidatedRow;

beforeAll(async () => {
  wb = await createWorkbench('pglite');
  // Corrections must show in the export: a star level and a budget figure.
  const row = (await wb.workspace.consolidated(PERIOD)).districts[0]!.rows.find((r) => r.commune === wb.plan.resubmitted.commune)!;
  const stars = row.starsRegistered === 5 ? 4 : 5;
  const who = { tokenId: null, name: 'Kiểm thử' };
  expect((await wb.workspace.correct(row.reportId!, { path: 'starsRegistered', value: stars, reason: 'Xã đăng ký lại' }, who)).ok).toBe(true);
  expect((await wb.workspace.correct(row.reportId!, { path: 'budget.planned.district', value: 7, reason: 'Theo dự toán huyện' }, who)).ok).toBe(true);
  table = await wb.workspace.consolidated(PERIOD);
  district = table.districts[0]!;
  corrected = district.rows.find((r) => r.reportId === row.reportId)!;
  expect(corrected.starsRegistered).toBe(stars);
  book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderXlsx(table, { heading: `huyện ${DISTRICT}, tỉnh ${PROVINCE}` })) as unknown as ExcelJS.Buffer);
}, 180_000);

afterAll(async () => {
  await wb?.cleanup();
});

function sheet(name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row whose column `col` reads `text` (first match), or undefined. */
function findRow(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && String(row.getCell(col).value ?? '') === text) found = row;
  });
  return found;
}

const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;

describe('XLSX export', () => {
  it('has the full table and the three annex tables', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['Bảng tổng hợp', 'Ban chỉ đạo', 'Kinh phí', 'Đăng ký sao']);
  });

  it('Kinh phí: "Trong đó" merged over Ngân sách huyện | Ngân sách xã, rows per commune, the totals', () => {
    const ws = sheet('Kinh phí');
    expect(ws.getCell('A1').value).toBe('TỔNG HỢP');
    expect(ws.getCell('A2').value).toBe('Kinh phí đầu tư cho chính quyền thân thiện năm 2024');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A5:A7', 'B5:B7', 'C5:E5', 'F5:H5', 'C6:C7', 'D6:E6', 'F6:F7', 'G6:H6']));
    expect(ws.getCell('C5').value).toBe('Kinh phí dự toán năm 2024');
    expect(ws.getCell('F5').value).toBe('Kinh phí đã triển khai đến tháng 6/2024');
    expect(ws.getCell('D6').value).toBe('Trong đó');
    expect(ws.getCell('E6').isMerged).toBe(true);
    expect(ws.getCell('E6').master.address).toBe('D6');
    expect(ws.getCell('G6').value).toBe('Trong đó');
    expect(ws.getCell('H6').master.address).toBe('G6');
    expect([ws.getCell('D7').value, ws.getCell('E7').value, ws.getCell('G7').value, ws.getCell('H7').value]).toEqual([
      'Ngân sách huyện', 'Ngân sách xã', 'Ngân sách huyện', 'Ngân sách xã',
    ]);
    // Every commune of the district, in the table's order.
    const first = 8;
    district.rows.forEach((r, i) => {
      const row = ws.getRow(first + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(String(row.getCell(2).value)).toBe(r.reported ? r.commune : `${r.commune} (chưa báo cáo)`);
      expect([3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).value ?? null)).toEqual([
        r.budgetPlanned, r.budgetPlannedDistrict, r.budgetPlannedCommune, r.budgetDisbursed, r.budgetDisbursedDistrict, r.budgetDisbursedCommune,
      ]);
    });
    const totals = ws.getRow(first + district.rows.length);
    expect(totals.getCell(2).value).toBe('Tổng số');
    expect(totals.getCell(3).value).toBe(district.totals.budgetPlanned);
    expect(totals.getCell(4).value).toBe(district.totals.budgetPlannedDistrict);
    expect(totals.getCell(3).value).toBe(district.rows.reduce((a, r) => a + (r.budgetPlanned ?? 0), 0));
    // The correction wins (and is marked).
    const mine = findRow(ws, 2, corrected.commune)!;
    expect(mine.getCell(4).value).toBe(7);
    expect((mine.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(findRow(ws, 1, 'Đơn vị tính: Triệu đồng')).toBeDefined();
  });

  it('Đăng ký sao: the x in the column of the star level', () => {
    const ws = sheet('Đăng ký sao');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A5:A6', 'B5:B6', 'C5:C6', 'D5:H5']));
    expect(ws.getCell('D5').value).toBe('Đăng ký đạt chuẩn năm 2024');
    expect([4, 5, 6, 7, 8].map((c) => ws.getRow(6).getCell(c).value)).toEqual(['1 sao', '2 sao', '3 sao', '4 sao', '5 sao']);
    let checked = 0;
    for (const r of district.rows) {
      const row = findRow(ws, 3, r.reported ? r.commune : `${r.commune} (chưa báo cáo)`)!;
      expect(row.getCell(2).value).toBe(DISTRICT);
      const marks = [4, 5, 6, 7, 8].map((c) => row.getCell(c).value ?? null);
      if (r.starsRegistered) {
        expect(marks.filter((m) => m === 'x')).toHaveLength(1);
        expect(marks[r.starsRegistered - 1]).toBe('x');
        checked++;
      } else {
        expect(marks.every((m) => m === null)).toBe(true);
      }
    }
    expect(checked).toBe(district.rows.filter((r) => r.starsRegistered).length);
    expect(checked).toBeGreaterThanOrEqual(wb.plan.reporters.length - 1);
    const totals = findRow(ws, 2, 'Tổng số')!;
    for (let s = 1; s <= 5; s++) {
      expect(totals.getCell(3 + s).value).toBe(district.rows.filter((r) => r.starsRegistered === s).length);
    }
    // The corrected star level moved the x.
    const mine = findRow(ws, 3, corrected.commune)!;
    expect(mine.getCell(3 + corrected.starsRegistered!).value).toBe('x');
  });

  it('Ban chỉ đạo: members, Trưởng Ban chỉ đạo marked x under its position; Tổ giúp việc', () => {
    const ws = sheet('Ban chỉ đạo');
    expect(ws.getCell('A1').value).toBe('BIỂU TỔNG HỢP');
    expect(ws.getCell('A2').value).toBe('Thành viên Ban chỉ đạo Chính quyền thân thiện');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A6:A7', 'B6:B7', 'C6:C7', 'D6:F6']));
    expect(ws.getCell('D6').value).toBe('Trưởng Ban chỉ đạo');
    expect([ws.getCell('D7').value, ws.getCell('E7').value, ws.getCell('F7').value]).toEqual(['Bí thư Đảng ủy', 'Chủ tịch UBND', 'Khác']);
    for (const r of district.rows.filter((x) => x.reported)) {
      const row = findRow(ws, 2, `Đảng ủy ${r.communeKind} ${r.commune}`)!;
      expect(row.getCell(3).value ?? null).toBe(r.steeringMembers);
      const col = headColumn(r.steeringHead);
      expect(row.getCell(4).value ?? null).toBe(col === 'biThu' ? 'x' : null);
      expect(row.getCell(5).value ?? null).toBe(col === 'chuTich' ? 'x' : null);
    }
    expect(district.rows.some((r) => headColumn(r.steeringHead) === 'biThu')).toBe(true);
    const totals = findRow(ws, 2, 'Tổng số')!;
    expect(totals.getCell(3).value).toBe(district.totals.steeringMembers);
    // 4. Tổ giúp việc, below.
    const team = findRow(ws, 1, '4. Tổ giúp việc Ban chỉ đạo Chính quyền thân thiện cấp xã')!;
    expect(ws.getRow(team.number + 1).getCell(4).value).toBe('Tổ trưởng Tổ giúp việc');
    const reporter = district.rows.find((r) => r.reported && r.supportLeader)!;
    let leaderRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.number > team.number && row.getCell(2).value === `Đảng ủy ${reporter.communeKind} ${reporter.commune}`) leaderRow = row;
    });
    expect(leaderRow!.getCell(3).value).toBe(reporter.supportMembers);
    expect(leaderRow!.getCell(4).value).toBe(reporter.supportLeader);
  });

  it('Bảng tổng hợp: every commune, status, totals; corrected cells noted', () => {
    const ws = sheet('Bảng tổng hợp');
    expect(ws.getCell('A1').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ XÂY DỰNG CHÍNH QUYỀN THÂN THIỆN');
    const header = ws.getRow(5);
    const headers: string[] = [];
    header.eachCell((c) => headers.push(String(c.value)));
    expect(headers.slice(0, 4)).toEqual(['TT', 'Huyện, thị, thành phố', 'Xã/phường/thị trấn', 'Dân số']);
    expect(headers[headers.length - 1]).toBe('Tình trạng');
    const col = (name: string) => headers.indexOf(name) + 1;
    const registry = wb.app.registry.communesIn(DISTRICT, PROVINCE);
    let listed = 0;
    ws.eachRow((row) => {
      if (row.number > 5 && row.getCell(2).value === DISTRICT && typeof row.getCell(1).value === 'number') listed++;
    });
    expect(listed).toBe(registry.length);
    const missing = district.rows.find((r) => !r.reported)!;
    const missingRow = findRow(ws, col('Xã/phường/thị trấn'), `${missing.communeKind} ${missing.commune}`)!;
    expect(missingRow.getCell(col('Tình trạng')).value).toBe('chưa báo cáo');
    expect(missingRow.getCell(col('Dân số')).value ?? null).toBeNull();
    const totals = findRow(ws, col('Xã/phường/thị trấn'), 'Tổng cộng')!;
    // Totals are formulas (with their computed result), the header row repeats, pages are numbered.
    const total = totals.getCell(col('Dân số')).value as { formula: string; result: number };
    expect(total.formula).toMatch(/^SUM\(D\d+(:D\d+|(,D\d+)+)\)$/);
    expect(total.result).toBe(district.totals.population);
    expect(ws.pageSetup.printTitlesRow).toBe('5:5');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(totals.getCell(col('Tình trạng')).value).toBe(`${district.reported}/${district.communes} đã báo cáo`);
    const mine = findRow(ws, col('Xã/phường/thị trấn'), `${corrected.communeKind} ${corrected.commune}`)!;
    const stars = mine.getCell(col('Sao đăng ký'));
    expect(stars.value).toBe(corrected.starsRegistered);
    expect(stars.note).toBeTruthy();
    // The report from another district is named, not summed.
    let outsideNote = '';
    ws.eachRow((row) => {
      const v = String(row.getCell(1).value ?? '');
      if (v.startsWith('Báo cáo của đơn vị ngoài huyện')) outsideNote = v;
    });
    expect(outsideNote).toContain(wb.plan.outside.commune);
  });
});

describe('baocao consolidate --format xlsx --out, baocao token (commands)', () => {
  let dataDir: string;
  beforeAll(async () => {
    // The filled database, copied into a data dir the command opens (PGlite: one process at a time).
    dataDir = await mkdtemp(path.join(tmpdir(), 'baocao-cli-xlsx-'));
    const dump = await wb.db.pglite!.dumpDataDir('none');
    const copy = await openDatabase({ dataDir, pgliteLoadDataDir: dump });
    await copy.close();
  }, 60_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const baocao = async (args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BAOCAO_DATA_DIR: dataDir, BAOCAO_DISTRICT: DISTRICT, BAOCAO_PROVINCE: PROVINCE };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    return run(process.execPath, [path.resolve('bin/baocao.js'), ...args], { env });
  };

  it('writes the workbook; corrections included', async () => {
    const out = path.join(dataDir, 'tong hop.xlsx');
    const r = await baocao(['consolidate', '--period', PERIOD, '--format', 'xlsx', '--out', out]);
    expect(r.stderr).toContain('Đã ghi');
    expect((await stat(out)).size).toBeGreaterThan(5000);
    const fromCli = new ExcelJS.Workbook();
    await fromCli.xlsx.readFile(out);
    expect(fromCli.worksheets.map((w) => w.name)).toEqual(['Bảng tổng hợp', 'Ban chỉ đạo', 'Kinh phí', 'Đăng ký sao', 'Cảnh báo', 'Lịch sử đính chính']);
    const ws = fromCli.getWorksheet('Kinh phí')!;
    expect(ws.getCell('D6').value).toBe('Trong đó');
    expect(findRow(ws, 2, corrected.commune)!.getCell(4).value).toBe(7);
    // Refused before opening anything (in-process: no second start of the command needed).
    await expect(consolidateCommand({ period: PERIOD, format: 'xlsx' })).rejects.toThrow(/--out/);
    await expect(consolidateCommand({ period: PERIOD, format: 'pdf' })).rejects.toThrow(/table \| csv \| json \| xlsx/);
  });

  it('token create prints a token once; token list does not', async () => {
    const r = await baocao(['token', 'create', '--role', 'editor', '--name', 'Cán bộ Phòng Nội vụ']);
    const token = r.stdout.trim();
    expect(token).toMatch(/^bc_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toContain('chỉ hiện một lần');
    const list = await baocao(['token', 'list']);
    expect(list.stdout).toContain('Cán bộ Phòng Nội vụ');
    expect(list.stdout).not.toContain(token);
    await expect(tokenCreateCommand({ role: 'root' })).rejects.toThrow(/viewer \| editor \| admin/);
  });
});

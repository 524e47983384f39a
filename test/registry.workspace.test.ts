// Consolidation by scope across the reforms and a unit's history, on PostgreSQL: reports stored the
// way the pipeline stores them, then read through the workspace, the history service and the API.
import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import type { Extraction } from '../src/contract.ts';
import { unitHistory } from '../src/consolidate/history.ts';
import { ScopeError } from '../src/consolidate/scope.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository } from '../src/db/repositories/tokens.ts';
import { createTestDatabase, sampleExtraction, type TestDatabase } from './helpers/db.ts';

const HIEP_HOA = 'huyện Hiệp Hòa, tỉnh Bắc Giang';

let db: TestDatabase;
let app: App;
let workspace: Workspace;
let n = 0;

type Unit = Extraction['unit'];
const unit = (commune: string, communeKind: Unit['communeKind'], district: string | null, province: string): Unit => ({ commune, communeKind, district, province });

/** Stores a report as the pipeline does (a received file, then its extraction). */
async function store(u: Unit, period: string, date: string, population: number, extra: Partial<Extraction['profile']> = {}): Promise<number> {
  n++;
  const sha = n.toString(16).padStart(64, '0');
  const claim = await app.files.claim(sha, `bc-${n}.docx`, `/tmp/bc-${n}.docx`, 1000);
  if (!claim.isNew) throw new Error('claim');
  const e = sampleExtraction({ unit: u, period, source: { file: `bc-${n}.docx`, sha256: sha, format: 'docx' } });
  e.document = { ...e.document, date };
  e.profile = { ...e.profile, population, households: population / 10, ...extra };
  const { reportId } = await app.reports.store(claim.id, e);
  await app.files.markProcessed(claim.id, 'docx');
  return reportId;
}

const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  app = createApp(db);
  workspace = Workspace.fromApp(app, {});
  // 2024-H1 (list of 1 Nov 2024): two communes of huyện Hiệp Hòa.
  ids.dongLo2024 = await store(unit('Đông Lỗ', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2024-H1', '2024-06-20', 17128);
  ids.maiDinh2024 = await store(unit('Mai Đình', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2024-H1', '2024-06-21', 9000);
  // 2025-H1 (list of 1 Mar 2025): the five predecessors of xã Hiệp Hòa, and a unit merged away on 1 Jan 2025.
  ids.thang = await store(unit('Thắng', 'thị trấn', 'Hiệp Hòa', 'Bắc Giang'), '2025-H1', '2025-06-20', 10000);
  ids.luongPhong = await store(unit('Lương Phong', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2025-H1', '2025-06-20', 2000);
  ids.danhThang = await store(unit('Danh Thắng', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2025-H1', '2025-06-20', 3000);
  ids.doanBai = await store(unit('Đoan Bái', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2025-H1', '2025-06-20', 4000);
  ids.dongLo2025 = await store(unit('Đông Lỗ', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2025-H1', '2025-06-20', 5000);
  ids.hoaSon = await store(unit('Hòa Sơn', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2025-H1', '2025-06-20', 777);
  // 2025-H2 (list of 1 Jul 2025): xã Hiệp Hòa itself, and a late report still in xã Đông Lỗ's name.
  ids.hiepHoa = await store(unit('Hiệp Hòa', 'xã', null, 'Bắc Ninh'), '2025-H2', '2025-12-15', 24500);
  ids.dongLoH2 = await store(unit('Đông Lỗ', 'xã', 'Hiệp Hòa', 'Bắc Giang'), '2025-H2', '2025-12-16', 5100);
  // Phường Cống Vị (Hà Nội) 2025-H1: split over two phường on 1 Jul 2025.
  ids.congVi = await store(unit('Cống Vị', 'phường', 'Ba Đình', 'Hà Nội'), '2025-H1', '2025-06-20', 15000);
}, 120_000);

afterAll(async () => {
  await db?.cleanup();
});

describe('consolidation by scope', () => {
  it('2024-H1, huyện Hiệp Hòa: 25 units, two reported', async () => {
    const t = await workspace.consolidated('2024-H1', HIEP_HOA);
    expect(t.districts).toHaveLength(1);
    const d = t.districts[0]!;
    expect(d).toMatchObject({ level: 'district', label: HIEP_HOA, communes: 25, reported: 2, successorOf: null, registry: 'danh mục đơn vị hành chính 01/11/2024' });
    expect(d.rows.filter((r) => r.inList)).toHaveLength(25);
    expect(d.rows.find((r) => r.commune === 'Hoàng An')).toMatchObject({ status: 'chưa báo cáo', code: '07828' });
    expect(d.totals.population).toBe(17128 + 9000);
  });

  it('2025-H1, huyện Hiệp Hòa: 19 units; a report of a unit merged on 1 Jan 2025 is listed beside them', async () => {
    const t = await workspace.consolidated('2025-H1', HIEP_HOA);
    const d = t.districts[0]!;
    expect(d).toMatchObject({ communes: 19, reported: 5, registry: 'danh mục đơn vị hành chính 01/03/2025' });
    expect(d.rows.filter((r) => r.inList).map((r) => r.commune)).not.toContain('Hoàng An');
    const hoaSon = d.rows.find((r) => r.commune === 'Hòa Sơn')!;
    expect(hoaSon).toMatchObject({ inList: false, reported: true, reportId: ids.hoaSon });
    expect(hoaSon.note).toContain('danh mục không ghi đơn vị tiếp nhận');
    expect(t.outside.map((o) => o.commune)).toEqual(['Cống Vị']);
    const missing = await workspace.flags('2025-H1', { code: 'MISSING_SUBMISSION' }, HIEP_HOA);
    expect(missing).toHaveLength(19 - 5);
  });

  it('2025-H2, tỉnh Bắc Ninh: the 99 communes of the new province; a former unit\'s report beside its successor', async () => {
    const t = await workspace.consolidated('2025-H2', 'tỉnh Bắc Ninh');
    const d = t.districts[0]!;
    expect(d).toMatchObject({ level: 'province', label: 'tỉnh Bắc Ninh', communes: 99, reported: 1, registry: 'danh mục đơn vị hành chính 01/07/2025' });
    expect(d.rows.find((r) => r.code === '07840')).toMatchObject({ commune: 'Hiệp Hòa', communeKind: 'xã', reported: true, reportId: ids.hiepHoa, inList: true });
    const dongLo = d.rows.find((r) => r.reportId === ids.dongLoH2)!;
    expect(dongLo).toMatchObject({ inList: false, counted: false, commune: 'Đông Lỗ' });
    expect(dongLo.note).toContain('do xã Hiệp Hòa, tỉnh Bắc Ninh (mã 07840) kế thừa');
    expect(dongLo.note).toContain('không cộng vào tổng');
    expect(d.totals.population).toBe(24500); // not 24500 + 5100
    expect(d.rows.filter((r) => r.inList && !r.reported).every((r) => r.status === 'chưa báo cáo')).toBe(true);
    expect(await workspace.flags('2025-H2', { code: 'MISSING_SUBMISSION' }, 'tỉnh Bắc Ninh')).toHaveLength(98);
    // No criteria set is known for the new province (nor for Bắc Giang's, which ended on 30/06/2025):
    // the reports are checked for consistency only, one note per province.
    const criteria = await workspace.flags('2025-H2', { code: 'CRITERIA_SET_UNKNOWN' }, 'tỉnh Bắc Ninh');
    expect(criteria.map((f) => [f.message.slice(0, 46), f.evidence])).toEqual([
      ['Chưa có bộ tiêu chí của tỉnh Bắc Giang cho kỳ ', [`báo cáo #${ids.dongLoH2}`]],
      ['Chưa có bộ tiêu chí của tỉnh Bắc Ninh cho kỳ 2', [`báo cáo #${ids.hiepHoa}`]],
    ]);
    expect((await workspace.report(ids.hiepHoa!))!.criteria).toMatchObject({ setId: null });
    expect((await workspace.report(ids.thang!))!.criteria).toMatchObject({ setId: 'bac-giang-2024' });
  });

  it('a dissolved district asked for a later period: the units that carry it on, labelled as successors', async () => {
    const t = await workspace.consolidated('2025-H2', HIEP_HOA);
    const d = t.districts[0]!;
    expect(d.successorOf).toBe(HIEP_HOA);
    expect(d.label).toBe(`Các đơn vị kế thừa ${HIEP_HOA} (không còn từ 01/07/2025)`);
    expect(d.rows.filter((r) => r.inList).map((r) => `${r.communeKind} ${r.commune}`).sort()).toEqual(['xã Hiệp Hòa', 'xã Hoàng Vân', 'xã Hợp Thịnh', 'xã Xuân Cẩm']);
    expect(d.rows.find((r) => r.code === '07840')!.carriesOn).toEqual(['thị trấn Thắng', 'xã Lương Phong', 'xã Danh Thắng', 'xã Đoan Bái', 'xã Đông Lỗ']);
    expect(d.reported).toBe(1);
  });

  it('without a scope: the provinces (from 1 Jul 2025) or districts the reports name', async () => {
    expect((await workspace.consolidated('2025-H2')).districts.map((d) => [d.label, d.communes])).toEqual([['tỉnh Bắc Ninh', 99]]);
    expect((await workspace.consolidated('2025-H1')).districts.map((d) => d.label)).toEqual(['quận Ba Đình, thành phố Hà Nội', HIEP_HOA]);
  });

  it('the old settings still work; a scope the registry does not know is refused with a message', async () => {
    const legacy = Workspace.fromApp(app, { district: 'Hiệp Hòa', province: 'Bắc Giang' });
    expect((await legacy.consolidated('2025-H1')).districts[0]!.communes).toBe(19);
    expect(legacy.servedDistrictLabel()).toBe(HIEP_HOA);
    await expect(workspace.consolidated('2025-H1', 'huyện Không Có, tỉnh Bắc Giang')).rejects.toThrow(ScopeError);
    await expect(workspace.consolidated('2025-H1', 'huyện Châu Thành')).rejects.toThrow(/có ở \d+ tỉnh/);
  });
});

describe('history of a unit across the reform', () => {
  it('xã Hiệp Hòa: its five predecessors side by side with its own figures, with their sums', async () => {
    const h = await unitHistory(db.db, app.registry, { code: '07840', date: '2025-08-01' });
    expect(h.unit).toMatchObject({ code: '07840', kind: 'xã', name: 'Hiệp Hòa', province: 'Bắc Ninh', district: null, list: '2025-07' });
    expect(h.predecessors.map((p) => `${p.kind} ${p.name}`)).toEqual(['thị trấn Thắng', 'xã Lương Phong', 'xã Danh Thắng', 'xã Đoan Bái', 'xã Đông Lỗ']);
    expect(h.comparable).toBe(true);
    const h1 = h.periods.find((p) => p.period === '2025-H1')!;
    expect(h1.own).toBeNull();
    expect(h1.predecessors.map((c) => c?.reportId)).toEqual([ids.thang, ids.luongPhong, ids.danhThang, ids.doanBai, ids.dongLo2025]);
    expect(h1.sum).toMatchObject({ population: 10000 + 2000 + 3000 + 4000 + 5000, households: 2400, partyMembers: 378 * 5 });
    expect(h1.note).toBeNull();
    const h2 = h.periods.find((p) => p.period === '2025-H2')!;
    expect(h2.own).toMatchObject({ reportId: ids.hiepHoa, figures: { population: 24500 } });
    // The late report in xã Đông Lỗ's name sits with its predecessor; no sum without the four others.
    expect(h2.predecessors[4]?.reportId).toBe(ids.dongLoH2);
    expect(h2.sum).toBeNull();
    expect(h2.note).toContain('chưa có báo cáo của');
    // Xã Đông Lỗ's 2024 report (same code 07879 in the three-level lists) is in its column too.
    const y2024 = h.periods.find((p) => p.period === '2024-H1')!;
    expect(y2024.predecessors[4]?.reportId).toBe(ids.dongLo2024);
    expect(h.periods.map((p) => p.period)).toEqual(['2024-H1', '2025-H1', '2025-H2']);
  });

  it('the code-reuse trap: 07840 before 1 Jul 2025 is thị trấn Thắng, whose history is its own', async () => {
    const h = await unitHistory(db.db, app.registry, { code: '07840', date: '2025-06-01' });
    expect(h.unit).toMatchObject({ kind: 'thị trấn', name: 'Thắng', district: 'Hiệp Hòa', list: '2025-03' });
    expect(h.predecessors).toEqual([]);
    expect(h.successors).toBeNull(); // in force on that date
    expect(h.later).toBe('từ 01/07/2025 do xã Hiệp Hòa, tỉnh Bắc Ninh (mã 07840) kế thừa');
    // Only thị trấn Thắng's report: xã Hiệp Hòa's (same code, 2025-H2) is another unit's.
    expect(h.periods.map((p) => [p.period, p.own?.reportId])).toEqual([['2025-H1', ids.thang]]);
  });

  it('by name; a unit one of whose predecessors was split: not comparable, no sums', async () => {
    const h = await unitHistory(db.db, app.registry, { name: 'phường Ngọc Hà, thành phố Hà Nội', date: '2025-08-01' });
    expect(h.unit).toMatchObject({ code: '00008', name: 'Ngọc Hà', list: '2025-07' });
    expect(h.comparable).toBe(false);
    expect(h.note).toContain('phường Cống Vị được chia cho');
    const p = h.periods.find((x) => x.period === '2025-H1')!;
    expect(p.predecessors.some((c) => c?.reportId === ids.congVi)).toBe(true);
    expect(p.sum).toBeNull();
    expect(p.note).toBe('không cộng: số liệu không so sánh được');
  });

  it('the API answers with the same history; a code is read at its date', async () => {
    const tokens = new TokensRepository(db.db);
    const { token } = await tokens.create('Xem', 'viewer');
    const server: FastifyInstance = await buildServer({
      app, workspace, tokens, inboxDir: tmpdir(), maxFileBytes: 1_000_000,
      intake: { mode: 'in-process', submit: () => Promise.reject(new Error('no uploads here')) },
    });
    try {
      const auth = { authorization: `Bearer ${token}` };
      const byCode = await server.inject({ method: 'GET', url: '/api/units/07840/history?date=2025-08-01', headers: auth });
      expect(byCode.statusCode).toBe(200);
      expect(byCode.json().predecessors).toHaveLength(5);
      const byName = await server.inject({ method: 'GET', url: `/api/units/history?name=${encodeURIComponent('xã Hiệp Hòa, tỉnh Bắc Ninh')}&date=2025-08-01`, headers: auth });
      expect(byName.json().unit.code).toBe('07840');
      const unknown = await server.inject({ method: 'GET', url: '/api/units/99999/history?date=2025-08-01', headers: auth });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toContain('mã chỉ có nghĩa cùng với ngày');
      const scoped = await server.inject({ method: 'GET', url: `/api/consolidated?period=2025-H2&scope=${encodeURIComponent('tỉnh Bắc Ninh')}`, headers: auth });
      expect(scoped.json().districts[0].communes).toBe(99);
      const bad = await server.inject({ method: 'GET', url: `/api/submissions?period=2025-H1&scope=${encodeURIComponent('huyện Không Có')}`, headers: auth });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain("không có trong danh mục");
    } finally {
      await server.close();
    }
  });
});

// The district officer's work items on PostgreSQL, through the API (issue 13): a misspelt commune
// mapped to its registered unit from its flag (an alias, audited, applied to later reports too); a
// flag that a correction makes untrue closes and the table's open count follows; a flag dismissed
// with a note; a period opened before its first report, with a deadline; on-time / late / missing.
// Reports are stored the way the pipeline stores them, with the flags the pipeline's own checks raise.
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import { createApp, type App } from '../src/app.ts';
import type { Extraction } from '../src/contract.ts';
import { Workspace } from '../src/consolidate/service.ts';
import { TokensRepository } from '../src/db/repositories/tokens.ts';
import { createInProcessQueue } from '../src/queue/inprocess.ts';
import { valueFlags } from '../src/workspace/recheck.ts';
import { createTestDatabase, sampleExtraction, type TestDatabase } from './helpers/db.ts';

const SCOPE = { district: 'Hiệp Hòa', province: 'Bắc Giang' };
let db: TestDatabase;
let app: App;
let server: FastifyInstance;
let editor: string;
let viewer: string;
let n = 0;

/** Stores a report as the pipeline does: a received file, its extraction with the checks' flags. */
async function store(commune: string, period: string, profile: Partial<Extraction['profile']> = {}, receivedAt?: string): Promise<number> {
  n++;
  const sha = (0xabc000 + n).toString(16).padStart(64, '0');
  const claim = await app.files.claim(sha, `bao-cao-${n}.docx`, `/tmp/bao-cao-${n}.docx`, 1000);
  const e = sampleExtraction({
    unit: { commune, communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' },
    period,
    source: { file: `bao-cao-${n}.docx`, sha256: sha, format: 'docx' },
  });
  e.document = { ...e.document, date: period === '2024-H1' ? '2024-06-20' : '2024-12-20' };
  e.profile = { ...e.profile, ...profile };
  e.provenance = { ...e.provenance, 'profile.cadres': { section: 'I', quote: `Tổng số cán bộ, công chức: ${e.profile.cadres} người` } };
  e.flags = valueFlags(e, app.registry);
  const { reportId } = await app.reports.store(claim.id, e);
  await app.files.markProcessed(claim.id, 'docx');
  if (receivedAt) await db.db.updateTable('received_files').set({ received_at: receivedAt }).where('id', '=', claim.id).execute();
  return reportId;
}

const get = async (url: string, token = viewer) => {
  const res = await server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.json() as any };
};
const post = async (url: string, payload: unknown, token = editor) => {
  const res = await server.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.json() as any };
};
const q = (s: string) => encodeURIComponent(s);

const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  app = createApp(db);
  const workspace = new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: SCOPE });
  const tokens = new TokensRepository(db.db);
  editor = (await tokens.create('Lê Văn Nội Vụ', 'editor')).token;
  viewer = (await tokens.create('Người xem', 'viewer')).token;
  server = await buildServer({
    app, workspace, tokens, intake: inProcessIntake(createInProcessQueue({ concurrency: 1, processor: app.processor })), inboxDir: '/tmp', maxFileBytes: 1 << 20,
  });
  // Đông Lỗ states 17 cán bộ, công chức while 10 + 9 = 19: SUM_MISMATCH. 'Mai Đỉnh' is Mai Đình misspelt.
  ids.dongLo = await store('Đông Lỗ', '2024-H1', { cadres: 17, canBo: 10, congChuc: 9 }, '2024-07-10T03:00:00Z');
  ids.maiDinhTypo = await store('Mai Đỉnh', '2024-H1', {}, '2024-07-20T03:00:00Z');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.cleanup();
});

describe('a misspelt commune mapped to its registered unit from its flag', () => {
  it('before: a phantom row beside the real one, UNKNOWN_UNIT and a false MISSING_SUBMISSION', async () => {
    const { body: t } = await get(`/api/consolidated?period=2024-H1`);
    const rows = t.districts[0].rows as any[];
    expect(rows.find((r) => r.commune === 'Mai Đỉnh')).toMatchObject({ reported: true, inList: false });
    expect(rows.find((r) => r.commune === 'Mai Đình')).toMatchObject({ reported: false, inList: true });
    const { body: f } = await get(`/api/flags?period=2024-H1`);
    expect(f.flags.some((x: any) => x.code === 'UNKNOWN_UNIT' && x.reportId === ids.maiDinhTypo)).toBe(true);
    expect(f.flags.some((x: any) => x.code === 'MISSING_SUBMISSION' && x.commune === 'Mai Đình')).toBe(true);
  });

  it('offers the scope\'s units, nearest name first; a viewer cannot map', async () => {
    const { status, body } = await get(`/api/reports/${ids.maiDinhTypo}/alias-candidates?level=commune`);
    expect(status).toBe(200);
    expect(body.written).toBe('Mai Đỉnh');
    expect(body.candidates[0]).toMatchObject({ code: '07885', label: expect.stringContaining('xã Mai Đình') });
    expect(body.candidates).toHaveLength(25);
    const refused = await post('/api/aliases', { reportId: ids.maiDinhTypo, level: 'commune', targetCode: '07885', reason: 'Gõ sai dấu' }, viewer);
    expect(refused.status).toBe(403);
    const wrong = await post('/api/aliases', { reportId: ids.maiDinhTypo, level: 'commune', targetCode: '99999', reason: 'Gõ sai dấu' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('không phải đơn vị cấp xã');
  });

  it('after mapping: one row, reported; the unit flags are gone; the alias is recorded with who and why', async () => {
    const res = await post('/api/aliases', { reportId: ids.maiDinhTypo, level: 'commune', targetCode: '07885', reason: 'Xã gõ sai dấu tên xã' });
    expect(res.status).toBe(201);
    expect(res.body.alias).toMatchObject({ written: 'Mai Đỉnh', target: 'Mai Đình', who: 'Lê Văn Nội Vụ' });
    const { body: t } = await get(`/api/consolidated?period=2024-H1`);
    const rows = t.districts[0].rows as any[];
    expect(rows.filter((r) => r.commune === 'Mai Đỉnh')).toHaveLength(0);
    expect(rows.find((r) => r.commune === 'Mai Đình')).toMatchObject({ reported: true, inList: true, reportId: ids.maiDinhTypo });
    expect(t.districts[0].reported).toBe(2);
    const { body: f } = await get(`/api/flags?period=2024-H1`);
    expect(f.flags.some((x: any) => x.reportId === ids.maiDinhTypo && x.code === 'UNKNOWN_UNIT')).toBe(false);
    expect(f.flags.some((x: any) => x.code === 'MISSING_SUBMISSION' && x.commune === 'Mai Đình')).toBe(false);
    const { body: list } = await get('/api/aliases');
    expect(list.aliases[0]).toMatchObject({ written: 'Mai Đỉnh', target: 'Mai Đình', reason: 'Xã gõ sai dấu tên xã', who: 'Lê Văn Nội Vụ' });
    const { body: detail } = await get(`/api/reports/${ids.maiDinhTypo}`);
    expect(detail.commune).toBe('Mai Đình');
    expect(detail.aliases[0]).toMatchObject({ written: 'Mai Đỉnh', target: 'Mai Đình' });
    expect(detail.extraction.unit.commune).toBe('Mai Đỉnh'); // the stored extraction never changes
  });

  it('applies to a later report that writes the name the same way', async () => {
    ids.maiDinhLater = await store('Mai Đỉnh', '2024');
    const { body: t } = await get(`/api/consolidated?period=2024`);
    const row = (t.districts[0].rows as any[]).find((r) => r.reportId === ids.maiDinhLater);
    expect(row).toMatchObject({ commune: 'Mai Đình', inList: true, code: '07885' });
  });
});

describe('undoing a mapping', () => {
  it('a revoked alias is kept (with when) and no longer applied; a viewer cannot revoke', async () => {
    const d = await app.files.claim('f'.repeat(63) + '1', 'thu.docx', '/tmp/thu.docx', 1000);
    const e = sampleExtraction({ unit: { commune: 'Hùng Sởn', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' }, period: '2024-H1', source: { file: 'thu.docx', sha256: 'f'.repeat(63) + '1', format: 'docx' } });
    e.flags = valueFlags(e, app.registry);
    const { reportId } = await app.reports.store(d.id, e);
    await app.files.markProcessed(d.id, 'docx');
    const created = await post('/api/aliases', { reportId, level: 'commune', targetCode: '07849', reason: 'Gõ nhầm dấu' });
    expect(created.status).toBe(201);
    const row = async () => ((await get('/api/consolidated?period=2024-H1')).body.districts[0].rows as any[]).find((r) => r.reportId === reportId);
    expect(await row()).toMatchObject({ commune: 'Hùng Sơn', inList: true });
    const del = (id: number, token = editor) => server.inject({ method: 'DELETE', url: `/api/aliases/${id}`, headers: { authorization: `Bearer ${token}` } });
    expect((await del(created.body.alias.id, viewer)).statusCode).toBe(403);
    expect((await del(created.body.alias.id)).statusCode).toBe(200);
    expect((await del(created.body.alias.id)).statusCode).toBe(404);
    expect(await row()).toMatchObject({ commune: 'Hùng Sởn', inList: false });
    const listed = (await get('/api/aliases')).body.aliases.find((a: any) => a.id === created.body.alias.id);
    expect(listed.revokedAt).toMatch(/^\d{4}-/);
  });
});

describe('a misspelt district mapped to its registered district', () => {
  it('"Yen Dũng" mapped to huyện Yên Dũng (code 221): its UNKNOWN_UNIT goes, the report stays placed', async () => {
    const n0 = ++n;
    const sha = (0xd15000 + n0).toString(16).padStart(64, '0');
    const claim = await app.files.claim(sha, `yen-dung-${n0}.docx`, `/tmp/yen-dung-${n0}.docx`, 1000);
    const e = sampleExtraction({ unit: { commune: 'Lão Hộ', communeKind: 'xã', district: 'Yen Dũng', province: 'Bắc Giang' }, period: '2024-H1', source: { file: `yen-dung-${n0}.docx`, sha256: sha, format: 'docx' } });
    e.flags = valueFlags(e, app.registry);
    expect(e.flags.map((f) => f.code)).toContain('UNKNOWN_UNIT');
    const { reportId } = await app.reports.store(claim.id, e);
    await app.files.markProcessed(claim.id, 'docx');
    const unscoped = new Workspace({ db: db.db, reports: app.reports, registry: app.registry, scope: {} });
    // The commune alone places the report (xã Lão Hộ is unique in the province); the district's name is flagged.
    expect((await unscoped.flags('2024-H1')).some((f) => f.reportId === reportId && f.code === 'UNKNOWN_UNIT' && f.message.includes('Yen Dũng'))).toBe(true);
    const { body: cands } = await get(`/api/reports/${reportId}/alias-candidates?level=district`);
    expect(cands.candidates[0]).toMatchObject({ code: '221', label: 'huyện Yên Dũng, Bắc Giang' });
    const res = await post('/api/aliases', { reportId, level: 'district', targetCode: '221', reason: 'Thiếu dấu tên huyện' });
    expect(res.status).toBe(201);
    const after = await unscoped.consolidated('2024-H1');
    expect(after.districts.map((d) => d.district)).not.toContain('Yen Dũng');
    const yenDung = after.districts.find((d) => d.district === 'Yên Dũng')!;
    expect(yenDung.rows.find((r) => r.reportId === reportId)).toMatchObject({ commune: 'Lão Hộ', inList: true, code: '07684' });
    expect((await unscoped.flags('2024-H1')).some((f) => f.reportId === reportId && f.code === 'UNKNOWN_UNIT')).toBe(false);
  });
});

describe('flags as work items', () => {
  it('a correction that makes SUM_MISMATCH untrue closes it, and the open count in the table follows', async () => {
    const before = await get(`/api/flags?period=2024-H1&commune=${q('Đông Lỗ')}`);
    const sum = before.body.flags.find((x: any) => x.code === 'SUM_MISMATCH');
    expect(sum).toMatchObject({ state: 'open', field: 'profile.cadres', reportId: ids.dongLo });
    expect(sum.evidence.join(' ')).toContain('Tổng số cán bộ, công chức: 17');
    const row = async () => ((await get(`/api/consolidated?period=2024-H1`)).body.districts[0].rows as any[]).find((r) => r.reportId === ids.dongLo);
    const countBefore = (await row()).flags;
    expect(countBefore).toBe(before.body.flags.filter((x: any) => x.reportId === ids.dongLo).length);

    // A correction that keeps it untrue (18 ≠ 19) keeps a SUM_MISMATCH, with the new figures.
    expect((await post(`/api/reports/${ids.dongLo}/corrections`, { path: 'profile.cadres', value: 18, reason: 'Thử giá trị khác' })).status).toBe(201);
    const still = (await get(`/api/flags?period=2024-H1&code=SUM_MISMATCH`)).body.flags.filter((x: any) => x.reportId === ids.dongLo);
    expect(still).toHaveLength(1);
    expect(still[0].message).toContain('18');

    expect((await post(`/api/reports/${ids.dongLo}/corrections`, { path: 'profile.cadres', value: '19', reason: 'Theo công văn của xã' })).status).toBe(201);
    const after = await get(`/api/flags?period=2024-H1&code=SUM_MISMATCH`);
    expect(after.body.flags.filter((x: any) => x.reportId === ids.dongLo)).toHaveLength(0);
    expect((await row()).flags).toBe(countBefore - 1);
  });

  it('a flag dismissed with a note leaves the open count; its state says who and when; it can be reopened', async () => {
    const { body } = await get(`/api/flags?period=2024-H1`);
    const missing = body.flags.find((x: any) => x.code === 'MISSING_SUBMISSION');
    const openBefore = body.open;
    const noNote = await post('/api/flags/state', { period: '2024-H1', flagId: missing.id, state: 'dismissed' });
    expect(noNote.status).toBe(400);
    const res = await post('/api/flags/state', { period: '2024-H1', flagId: missing.id, state: 'dismissed', note: 'Xã đã gửi bản giấy' });
    expect(res.status).toBe(200);
    expect(res.body.flag).toMatchObject({ state: 'dismissed', stateNote: 'Xã đã gửi bản giấy', stateBy: 'Lê Văn Nội Vụ' });
    const after = (await get(`/api/flags?period=2024-H1`)).body;
    expect(after.open).toBe(openBefore - 1);
    expect((await get(`/api/flags?period=2024-H1&state=dismissed`)).body.flags.map((x: any) => x.id)).toEqual([missing.id]);
    await post('/api/flags/state', { period: '2024-H1', flagId: missing.id, state: 'open' });
    expect((await get(`/api/flags?period=2024-H1`)).body.open).toBe(openBefore);
    const unknown = await post('/api/flags/state', { period: '2024-H1', flagId: 'x:NOPE:1', state: 'resolved' });
    expect(unknown.status).toBe(400);
  });

  it('content errors come before the missing submissions', async () => {
    await store('Đại Thành', '2024-H1', { cadres: 30, canBo: 10, congChuc: 11 });
    const codes = ((await get(`/api/flags?period=2024-H1`)).body.flags as any[]).map((f) => f.code);
    expect(codes.indexOf('SUM_MISMATCH')).toBeGreaterThanOrEqual(0);
    expect(codes.indexOf('SUM_MISMATCH')).toBeLessThan(codes.indexOf('MISSING_SUBMISSION'));
  });
});

describe('submission tracking', () => {
  it('a period opened before its first report: 0 of every unit, its exports work, every unit missing', async () => {
    expect((await post('/api/periods', { period: '2025-H1', deadline: '2025-07-15' }, viewer)).status).toBe(403);
    const opened = await post('/api/periods', { period: '2025-H1', deadline: '2025-07-15' });
    expect(opened.status).toBe(201);
    expect(opened.body.period).toMatchObject({ period: '2025-H1', label: '6 tháng đầu năm 2025', deadline: '2025-07-15', current: 0, opened: true });
    const { body: periods } = await get('/api/periods');
    expect(periods.periods.map((p: any) => p.period)).toContain('2025-H1');
    const { body: s } = await get(`/api/submissions?period=2025-H1`);
    expect(s.summary).toMatchObject({ communes: 19, reported: 0, notReported: 19 });
    expect(s.missingText.split(', ')).toHaveLength(19);
    expect(s.deadline).toBe('2025-07-15');
    const xlsx = await server.inject({ method: 'GET', url: '/api/exports/consolidated.xlsx?period=2025-H1', headers: { authorization: `Bearer ${viewer}` } });
    expect(xlsx.statusCode).toBe(200);
  });

  it('on time by the end of the deadline day (Vietnam time), late after it', async () => {
    await post('/api/periods', { period: '2024-H1', deadline: '2024-07-15' });
    const { body: s } = await get(`/api/submissions?period=2024-H1`);
    const c = (name: string) => s.districts[0].communes.find((x: any) => x.commune === name);
    expect(c('Đông Lỗ').timing).toBe('on_time'); // 10/07/2024
    expect(c('Mai Đình').timing).toBe('late'); // 20/07/2024
    expect(c('Mai Trung').timing).toBe('missing');
    expect(s.summary).toMatchObject({ late: 2, onTime: 1 }); // Đại Thành was received now
    expect(s.missingText).toContain('xã Mai Trung');
    expect(s.missingText).not.toContain('Mai Đình');
    const bad = await post('/api/periods', { period: '2024-H1', deadline: '15/07/2024' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('YYYY-MM-DD');
  });
});

describe('letters to the communes (.docx drafts)', () => {
  const docx = async (url: string) => {
    const res = await server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${viewer}` } });
    return { status: res.statusCode, type: res.headers['content-type'], bytes: res.rawPayload, json: () => res.json() as any };
  };
  const textOf = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\s+/g, ' ');
  const xmlOf = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

  it('the reminder names every unit that has not reported, in the layout of Nghị định 30/2020', async () => {
    const { body: s } = await get(`/api/submissions?period=2024-H1`);
    const missing = (s.districts[0].communes as any[]).filter((c) => c.status === 'not_reported').map((c) => `${c.communeKind} ${c.commune}`);
    expect(missing.length).toBeGreaterThan(15);
    const res = await docx(`/api/letters/reminder.docx?period=2024-H1`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('wordprocessingml');
    const text = await textOf(res.bytes);
    for (const line of ['UBND HUYỆN HIỆP HÒA', 'PHÒNG NỘI VỤ', 'Số: /PNV', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'V/v đôn đốc gửi báo cáo kết quả xây dựng chính quyền thân thiện 6 tháng đầu năm 2024', 'Kính gửi: Ủy ban nhân dân các xã, thị trấn:',
      'thời hạn gửi báo cáo: ngày 15/07/2024', 'Nơi nhận:', '- Như trên;', '- Lưu: VT, NV.', 'TRƯỞNG PHÒNG']) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/Hiệp Hòa, ngày \d{2} tháng \d{2} năm \d{4}/);
    for (const unit of missing) expect(text).toContain(unit);
    expect(text).not.toContain('xã Mai Đình'); // reported (through its alias)
    expect(text).not.toContain('xã Đông Lỗ');
    const xml = await xmlOf(res.bytes);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4
    expect(xml).toMatch(/<w:pgMar w:top="1134"[^>]*w:left="1701"/); // 20 mm top, 30 mm left
    expect(xml).toContain('Times New Roman');
  });

  it('a correction request lists each open problem of the report with its quote; none once settled', async () => {
    const { body: list } = await get(`/api/letters?period=2024-H1`);
    const daiThanh = (list.corrections as any[]).find((c) => c.commune === 'xã Đại Thành');
    expect(daiThanh).toMatchObject({ problems: 1 });
    expect((list.corrections as any[]).some((c) => c.commune === 'xã Đông Lỗ')).toBe(false); // its SUM_MISMATCH was corrected
    const res = await docx(`/api/letters/correction.docx?period=2024-H1&reportId=${daiThanh.reportId}`);
    expect(res.status).toBe(200);
    const text = await textOf(res.bytes);
    expect(text).toContain('Kính gửi: Ủy ban nhân dân xã Đại Thành.');
    expect(text).toContain('Báo cáo số 125/BC-UBND ngày 20/06/2024');
    expect(text).toContain('1. Tổng không khớp: Tổng số cán bộ, công chức 30 khác tổng 10 cán bộ + 11 công chức = 21.');
    expect(text).toContain('Trích báo cáo: “Tổng số cán bộ, công chức: 30 người”');
    expect(text).toContain('gửi lại báo cáo');
    const settled = await docx(`/api/letters/correction.docx?period=2024-H1&reportId=${ids.dongLo}`);
    expect(settled.status).toBe(400);
    expect(settled.json().error.message).toContain('không còn cảnh báo');
  });
});

describe('scopes offered for a period', () => {
  it('the configured district, its province in force at the period\'s end and that province\'s districts', async () => {
    const h1 = (await get('/api/scopes?period=2024-H1')).body;
    expect(h1.configured).toBe('huyện Hiệp Hòa, tỉnh Bắc Giang');
    expect(h1.options.slice(0, 2)).toEqual(['huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Giang']);
    expect(h1.options).toContain('huyện Yên Dũng, tỉnh Bắc Giang');
    expect((await get('/api/scopes?period=2025-H1')).body.options).not.toContain('huyện Yên Dũng, tỉnh Bắc Giang'); // merged on 1 Jan 2025
    expect((await get('/api/scopes?period=2025-H2')).body.options).toEqual(['huyện Hiệp Hòa, tỉnh Bắc Giang', 'tỉnh Bắc Ninh']);
    const province = (await get(`/api/consolidated?period=2024-H1&scope=${q('tỉnh Bắc Giang')}`)).body;
    expect(province.districts[0]).toMatchObject({ level: 'province', label: 'tỉnh Bắc Giang' });
    expect(province.districts[0].communes).toBeGreaterThan(150);
  });
});

describe('Excel export for the period', () => {
  it('has sheets of the flags (with their states) and of the correction history; totals are formulas', async () => {
    const res = await server.inject({ method: 'GET', url: '/api/exports/consolidated.xlsx?period=2024-H1', headers: { authorization: `Bearer ${viewer}` } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Bảng tổng hợp', 'Ban chỉ đạo', 'Kinh phí', 'Đăng ký sao', 'Cảnh báo', 'Lịch sử đính chính']);
    const rowsOf = (name: string) => {
      const out: string[] = [];
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join(' | ')));
      return out;
    };
    const flags = rowsOf('Cảnh báo');
    expect(flags.some((l) => l.includes('Đại Thành') && l.includes('Tổng không khớp') && l.includes('Tổng số cán bộ, công chức: 30 người') && l.includes('Chưa xử lý'))).toBe(true);
    expect(book.getWorksheet('Cảnh báo')!.pageSetup.printTitlesRow).toBe('3:3');
    const history = rowsOf('Lịch sử đính chính');
    expect(history.some((l) => l.includes('xã Đông Lỗ') && l.includes('18 | 19') && l.includes('Theo công văn của xã') && l.includes('Lê Văn Nội Vụ'))).toBe(true);
    const full = book.getWorksheet('Bảng tổng hợp')!;
    let total: { formula?: string; result?: number } | null = null;
    full.eachRow((row) => { if (row.getCell(3).value === 'Tổng cộng') total = row.getCell(4).value as { formula: string; result: number }; });
    expect(total!.formula).toMatch(/^SUM\(D/);
    const { body: t } = await get('/api/consolidated?period=2024-H1');
    expect(total!.result).toBe(t.districts[0].totals.population);
    expect(total!.result).toBeGreaterThanOrEqual(17128 * 3);
  });
});

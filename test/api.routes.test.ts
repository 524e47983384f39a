// The HTTP API against a real (PGlite) database filled by the real processor from the sample
// reports: every route, with its 401 / 403 / 400 / 404 answers and its data.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessIntake } from '../src/api/intake.ts';
import { buildServer } from '../src/api/server.ts';
import type { WorkspaceFlag } from '../src/consolidate/checks.ts';
import type { ReportDetail, Submissions } from '../src/consolidate/service.ts';
import type { ConsolidatedRow, ConsolidatedTable, DistrictTable } from '../src/consolidate/table.ts';
import type { TokenRole } from '../src/db/repositories/tokens.ts';
import { createWorkbench, DISTRICT, PERIOD, PROVINCE, type Workbench } from './api.fixture.ts';

let wb: Workbench;
let server: FastifyInstance;
const MAX_BYTES = 2 * 1024 * 1024;

beforeAll(async () => {
  wb = await createWorkbench('pglite');
  server = await buildServer({
    app: wb.app,
    workspace: wb.workspace,
    tokens: wb.tokens,
    intake: inProcessIntake(wb.queue),
    inboxDir: wb.inbox,
    maxFileBytes: MAX_BYTES,
  });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await wb?.cleanup();
});

type Who = TokenRole | 'none' | { raw: string };

function auth(who: Who): Record<string, string> {
  if (who === 'none') return {};
  if (typeof who === 'object') return { authorization: who.raw };
  return { authorization: `Bearer ${wb.token[who]}` };
}

const get = (url: string, who: Who = 'viewer') => server.inject({ method: 'GET', url, headers: auth(who) });
const post = (url: string, body: unknown, who: Who = 'editor') =>
  server.inject({ method: 'POST', url, headers: { ...auth(who), 'content-type': 'application/json' }, payload: JSON.stringify(body) });

function errorOf(res: LightMyRequestResponse): { code: string; message: string; issues?: { path: string; message: string }[] } {
  return (res.json() as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;
}

function multipart(filename: string, bytes: Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----baocao${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function table(period = PERIOD): Promise<ConsolidatedTable & { columns: { key: string; header: string }[] }> {
  const res = await get(`/api/consolidated?period=${period}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The resubmitted commune; the number of communes that reported. */
const re = () => wb.plan.resubmitted;
const n = () => wb.plan.reporters.length;
const hiepHoa = (t: ConsolidatedTable): DistrictTable => t.districts.find((d) => d.district === DISTRICT)!;
const rowOf = (t: ConsolidatedTable, commune: string): ConsolidatedRow => hiepHoa(t).rows.find((r) => r.commune === commune)!;

describe('health and the page', () => {
  it('GET /healthz answers without a token', async () => {
    const res = await get('/healthz', 'none');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'pglite', intake: 'in-process' });
  });

  it('serves the Vietnamese page and its script without a token', async () => {
    const page = await get('/', 'none');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('lang="vi"');
    expect(page.body).toContain('Mã truy cập');
    const js = await get('/app.js', 'none');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await get('/style.css', 'none')).statusCode).toBe(200);
    // Deny by default: a path no route serves needs a token too (401), then it is a 404.
    expect((await get('/nothing-here', 'none')).statusCode).toBe(401);
    const missing = await get('/nothing-here', 'viewer');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
  });
});

describe('authentication and roles', () => {
  it('401 without a token, with a malformed header, with an unknown token', async () => {
    for (const who of ['none', { raw: 'Basic abc' }, { raw: `Bearer bc_${'x'.repeat(43)}` }, { raw: 'Bearer not-a-token' }] as Who[]) {
      const res = await get(`/api/consolidated?period=${PERIOD}`, who);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(errorOf(res).code).toBe('UNAUTHORIZED');
      expect(errorOf(res).message).toMatch(/mã truy cập|đăng nhập/i);
    }
    // Authentication comes before validation: no hint about the input to a stranger.
    expect((await get('/api/consolidated?period=bad', 'none')).statusCode).toBe(401);
    expect((await get('/api/does-not-exist', 'none')).statusCode).toBe(401);
  });

  it('GET /api/me names the token and its role', async () => {
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const res = await get('/api/me', role);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ role, district: `huyện ${DISTRICT}, tỉnh ${PROVINCE}`, intake: 'in-process' });
    }
  });
});

describe('GET /api/consolidated', () => {
  it('400 with a clear message for a missing or malformed period', async () => {
    const missing = await get('/api/consolidated');
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).code).toBe('BAD_REQUEST');
    expect(errorOf(missing).message).toMatch(/kỳ báo cáo/);
    const bad = await get('/api/consolidated?period=2024-H3');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toContain('2024-H1');
    expect(errorOf(bad).issues?.[0]?.path).toBe('period');
  });

  it('lists every commune of the district from the registry; the others as not reported', async () => {
    const t = await table();
    expect(t.period).toBe(PERIOD);
    expect(t.districts.map((d) => d.district)).toEqual([DISTRICT]);
    const d = hiepHoa(t);
    const registry = wb.app.registry.communesIn(DISTRICT, PROVINCE);
    expect(registry.length).toBeGreaterThan(10);
    expect(d.communes).toBe(registry.length);
    expect(d.rows).toHaveLength(registry.length);
    expect(new Set(d.rows.map((r) => r.code))).toEqual(new Set(registry.map((u) => u.communeCode)));
    const reported = d.rows.filter((r) => r.reported).map((r) => r.commune).sort();
    expect(reported).toEqual(wb.plan.reporters);
    expect(reported).toContain('Đông Lỗ');
    expect(d.reported).toBe(n());
    for (const r of d.rows.filter((x) => !x.reported)) {
      expect(r).toMatchObject({ reportId: null, status: 'chưa báo cáo', population: null });
    }
    // Totals are the sums of the rows.
    expect(d.totals.population).toBe(d.rows.reduce((a, r) => a + (r.population ?? 0), 0));
    expect(d.totals.status).toBe(`${n()}/${registry.length} đã báo cáo`);
    // The resubmission is current; the report from Lục Nam is outside the district, not in the sums.
    expect(rowOf(t, re().commune).population).toBe(wb.resubmittedPopulation);
    expect(t.outside.map((o) => o.commune)).toEqual([wb.plan.outside.commune]);
    expect(t.columns.map((c) => c.key)).toContain('population');
  });

  it('another period has its own table', async () => {
    const t = await table('2025-H1');
    expect(hiepHoa(t).rows.filter((r) => r.reported).map((r) => r.commune)).toEqual([wb.plan.otherPeriod.commune]);
    const empty = await table('2019');
    expect(empty.districts.map((d) => [d.district, d.reported])).toEqual([[DISTRICT, 0]]);
  });
});

describe('GET /api/flags', () => {
  it('returns the reports\' own flags and the checks across reports', async () => {
    const res = await get(`/api/flags?period=${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const { flags, counts } = res.json() as { flags: WorkspaceFlag[]; counts: Record<string, number> };
    const registry = wb.app.registry.communesIn(DISTRICT, PROVINCE);
    expect(counts.MISSING_SUBMISSION).toBe(registry.length - n());
    const missing = flags.filter((f) => f.code === 'MISSING_SUBMISSION');
    expect(missing.every((f) => f.reportId === null && f.source === 'cross' && /chưa gửi báo cáo 6 tháng đầu năm 2024/.test(f.message))).toBe(true);

    const outside = flags.filter((f) => f.code === 'UNIT_OUTSIDE_DISTRICT');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ commune: wb.plan.outside.commune, district: wb.plan.outside.district, severity: 'warning' });
    expect(outside[0]!.message).toContain('không thuộc huyện Hiệp Hòa');
    // The outside report's own flags are not the district's.
    expect(flags.some((f) => f.source === 'report' && f.commune === wb.plan.outside.commune)).toBe(false);

    const duplicate = flags.filter((f) => f.code === 'DUPLICATE_FILE');
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]!.commune).toBe('Đông Lỗ');
    expect(duplicate[0]!.message).toMatch(/dong-lo-2024-h1\.docx.*dong-lo-2024-h1\.pdf/);

    const changed = flags.filter((f) => f.code === 'RESUBMISSION_CHANGED');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.commune).toBe(re().commune);
    expect(changed[0]!.message).toContain(re().name);
    const before = re().population.toLocaleString('vi-VN');
    const after = wb.resubmittedPopulation.toLocaleString('vi-VN');
    expect(changed[0]!.evidence).toContain(`Dân số (người) (profile.population): ${before} → ${after}`);

    // Flags stored with the reports are there too.
    expect(flags.some((f) => f.source === 'report' && f.code === 'COMMUNE_NAME_MISMATCH' && f.commune === 'Đông Lỗ')).toBe(true);
  });

  it('filters by commune and code', async () => {
    const one = (await get(`/api/flags?period=${PERIOD}&commune=${encodeURIComponent(re().commune)}`)).json() as { flags: WorkspaceFlag[] };
    expect(one.flags.length).toBeGreaterThan(0);
    expect(one.flags.every((f) => f.commune === re().commune)).toBe(true);
    // The unit word may be given.
    const kind = hiepHoa(await table()).rows.find((r) => r.commune === re().commune)!.communeKind;
    const same = (await get(`/api/flags?period=${PERIOD}&commune=${encodeURIComponent(`${kind} ${re().commune}`)}`)).json() as { flags: WorkspaceFlag[] };
    expect(same.flags.length).toBe(one.flags.length);
    const both = (await get(`/api/flags?period=${PERIOD}&commune=${encodeURIComponent('Đông Lỗ')}&code=DUPLICATE_FILE`)).json() as { flags: WorkspaceFlag[] };
    expect(both.flags.map((f) => f.code)).toEqual(['DUPLICATE_FILE']);
    const none = (await get(`/api/flags?period=${PERIOD}&code=STARS_MISMATCH&commune=Nowhere`)).json() as { flags: WorkspaceFlag[] };
    expect(none.flags).toEqual([]);
  });

  it('400 for a bad code, severity or period', async () => {
    for (const url of [
      `/api/flags?period=${PERIOD}&code=${encodeURIComponent('x; drop table flags')}`,
      `/api/flags?period=${PERIOD}&severity=fatal`,
      '/api/flags?period=H1-2024',
      '/api/flags',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).code).toBe('BAD_REQUEST');
    }
  });
});

describe('GET /api/submissions', () => {
  it('gives the status of every commune, resubmissions and files', async () => {
    const res = await get(`/api/submissions?period=${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const s = res.json() as Submissions;
    const registry = wb.app.registry.communesIn(DISTRICT, PROVINCE);
    expect(s.summary).toMatchObject({ communes: registry.length, reported: n(), notReported: registry.length - n(), outside: 1, resubmitted: 2 });
    const communes = s.districts[0]!.communes;
    const again = communes.find((c) => c.commune === re().commune)!;
    expect(again.status).toBe('reported');
    expect(again.submissions.map((x) => [x.fileName, x.isCurrent])).toEqual([
      [re().file, false],
      [re().name, true],
    ]);
    expect(communes.find((c) => c.commune === 'Đông Lỗ')!.submissions).toHaveLength(2);
    expect(communes.filter((c) => c.status === 'not_reported')).toHaveLength(registry.length - n());
    expect((await get('/api/submissions?period=x')).statusCode).toBe(400);
    expect((await get(`/api/submissions?period=${PERIOD}`, 'none')).statusCode).toBe(401);
  });
});

describe('GET /api/reports/:id and its file', () => {
  it('every value with its provenance; the history of resubmissions', async () => {
    const id = rowOf(await table(), re().commune).reportId!;
    const res = await get(`/api/reports/${id}`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as ReportDetail & { file: { available: boolean } };
    expect(r).toMatchObject({ id, commune: re().commune, period: PERIOD, isCurrent: true });
    expect(r.file).toMatchObject({ name: re().name, format: 'docx', available: true });
    expect(r.file).not.toHaveProperty('storedPath');
    const population = r.values.find((v) => v.path === 'profile.population')!;
    expect(population).toMatchObject({ label: 'Dân số (người)', value: wb.resubmittedPopulation, original: wb.resubmittedPopulation, corrected: false, correctable: true });
    expect(population.section).toBeTruthy();
    expect(population.quote).toContain(wb.resubmittedPopulation.toLocaleString('vi-VN'));
    // How sure the extraction was, for the page's review list (issue 10).
    expect(population.confidence).toBeGreaterThan(0);
    expect(population.confidence).toBeLessThanOrEqual(1);
    // Every leaf of the contract is listed, the ones the report does not state as null.
    expect(r.values.find((v) => v.path === 'budget.planned.total')).toBeDefined();
    expect(r.values.find((v) => v.path === 'unit.commune')).toMatchObject({ correctable: false });
    expect(r.history).toHaveLength(2);
    expect(r.flags.map((f) => f.code)).toContain('RESUBMISSION_CHANGED');
    expect(r.corrections).toEqual([]);
  });

  it('400 for a malformed id, 404 for an unknown one, 401 without a token', async () => {
    expect((await get('/api/reports/abc')).statusCode).toBe(400);
    expect(errorOf(await get('/api/reports/0')).message).toMatch(/số nguyên dương/);
    const missing = await get('/api/reports/999999');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toContain('999999');
    expect((await get('/api/reports/1', 'none')).statusCode).toBe(401);
    expect((await get('/api/reports/999999/file')).statusCode).toBe(404);
  });

  it('downloads the original file', async () => {
    const id = rowOf(await table(), re().commune).reportId!;
    const res = await get(`/api/reports/${id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(re().name)}`);
    expect(res.rawPayload.equals(await readFile(path.join(wb.files, re().name)))).toBe(true);
    expect((await get(`/api/reports/${id}/file`, 'none')).statusCode).toBe(401);
  });
});

describe('POST /api/reports/:id/corrections', () => {
  let id: number;
  beforeAll(async () => {
    id = rowOf(await table(), re().commune).reportId!;
  });

  it('401 without a token, 403 for a viewer', async () => {
    const body = { path: 'profile.population', value: 1, reason: 'thử' };
    expect((await post(`/api/reports/${id}/corrections`, body, 'none')).statusCode).toBe(401);
    const res = await post(`/api/reports/${id}/corrections`, body, 'viewer');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(errorOf(res).message).toContain('editor');
  });

  it('400 with a clear message for bad input', async () => {
    const cases: [unknown, RegExp][] = [
      [{ path: 'profile.population', value: 9000 }, /lý do/],
      [{ path: 'profile.population', reason: 'số liệu sai' }, /giá trị mới/],
      [{ value: 1, reason: 'số liệu sai' }, /path/],
      [{ path: 'profile.population', value: 9000, reason: 'x' }, /ít nhất 3 ký tự/],
      [{ path: 'profile.population', value: { a: 1 }, reason: 'số liệu sai' }, /số, chữ hoặc null/],
      [{ path: 'profile.nothing', value: 1, reason: 'số liệu sai' }, /không có trường/],
      [{ path: 'unit.commune', value: 'Mai Trung', reason: 'số liệu sai' }, /không sửa được/],
      [{ path: 'profile.population', value: 'nhiều', reason: 'số liệu sai' }, /phải là một số/],
      [{ path: 'profile.population', value: -5, reason: 'số liệu sai' }, /không được nhỏ hơn 0/],
      [{ path: 'profile.population', value: 12.5, reason: 'số liệu sai' }, /số nguyên/],
      [{ path: 'starsRegistered', value: 7, reason: 'số liệu sai' }, /không được lớn hơn 5/],
      [{ path: 'profile.population', value: wb.resubmittedPopulation, reason: 'số liệu sai' }, /giống giá trị hiện tại/],
      [{ path: 'document.date', value: '31/02/2024', reason: 'số liệu sai' }, /ngày không hợp lệ/],
      [[1, 2], /JSON dạng/],
    ];
    for (const [body, message] of cases) {
      const res = await post(`/api/reports/${id}/corrections`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).code).toBe('BAD_REQUEST');
      expect(errorOf(res).message, JSON.stringify(body)).toMatch(message);
    }
    const notJson = await server.inject({
      method: 'POST', url: `/api/reports/${id}/corrections`, headers: { ...auth('editor'), 'content-type': 'application/json' }, payload: '{"path":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(errorOf(notJson).message).toMatch(/JSON/);
    expect((await post('/api/reports/999999/corrections', { path: 'profile.population', value: 1, reason: 'số liệu sai' })).statusCode).toBe(404);
    expect((await post('/api/reports/abc/corrections', { path: 'profile.population', value: 1, reason: 'số liệu sai' })).statusCode).toBe(400);
    expect(await wb.workspace.corrections.count()).toBe(0);
  });

  it('an editor corrects a value: kept with who/when/old/new/reason; it wins in the table, the report and the exports', async () => {
    const before = await table();
    const newValue = wb.resubmittedPopulation + 50;
    const res = await post(`/api/reports/${id}/corrections`, { path: 'profile.population', value: newValue.toLocaleString('vi-VN'), reason: 'Theo công văn bổ sung của xã' });
    expect(res.statusCode).toBe(201);
    const { correction } = res.json() as { correction: Record<string, unknown> };
    expect(correction).toMatchObject({
      reportId: id, path: 'profile.population', oldValue: wb.resubmittedPopulation, newValue, reason: 'Theo công văn bổ sung của xã', who: 'Nguyễn Thị Biên Tập',
    });
    expect(Date.now() - Date.parse(correction.at as string)).toBeLessThan(60_000);

    const after = await table();
    expect(rowOf(after, re().commune)).toMatchObject({ population: newValue, corrected: ['population'] });
    expect(hiepHoa(after).totals.population).toBe(hiepHoa(before).totals.population! + 50);

    const r = (await get(`/api/reports/${id}`)).json() as ReportDetail;
    const v = r.values.find((x) => x.path === 'profile.population')!;
    expect(v).toMatchObject({ original: wb.resubmittedPopulation, value: newValue, corrected: true });
    expect(r.corrections).toHaveLength(1);
    expect(r.extraction.profile.population).toBe(wb.resubmittedPopulation); // the original extraction stays
    expect(r.effective.profile.population).toBe(newValue);
    expect((await wb.app.reports.get(id))!.values.find((x) => x.path === 'profile.population')!.value_num).toBe(wb.resubmittedPopulation);

    const csv = await get(`/api/exports/consolidated.csv?period=${PERIOD}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\ufeffKỳ báo cáo;Huyện;Xã/phường/thị trấn;Dân số')).toBe(true);
    expect(csv.body).toContain(`${PERIOD};${DISTRICT};${rowOf(after, re().commune).communeKind} ${re().commune};${newValue};`);
    expect(csv.body).toContain('chưa báo cáo');

    // An admin may correct too; a second correction of the same value keeps the chain.
    const again = await post(`/api/reports/${id}/corrections`, { path: 'profile.population', value: newValue + 1, reason: 'Gõ nhầm một số' }, 'admin');
    expect(again.statusCode).toBe(201);
    expect((again.json() as { correction: { oldValue: number } }).correction.oldValue).toBe(newValue);
    // Clearing a value: null means "not stated".
    const cleared = await post(`/api/reports/${id}/corrections`, { path: 'profile.villages', value: null, reason: 'Xã không nêu số thôn' });
    expect(cleared.statusCode).toBe(201);
    expect(rowOf(await table(), re().commune).villages).toBeNull();
  });

  it('XLSX export is downloadable by a viewer', async () => {
    const res = await get(`/api/exports/consolidated.xlsx?period=${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get(`/api/exports/consolidated.xlsx?period=bad`)).statusCode).toBe(400);
    expect((await get(`/api/exports/consolidated.xlsx?period=${PERIOD}`, 'none')).statusCode).toBe(401);
  });
});

describe('POST /api/uploads', () => {
  const sample = (f: string) => readFile(path.resolve('samples/generated', f));

  it('401 without a token, 403 for a viewer', async () => {
    const body = multipart('x.docx', Buffer.from('PK'));
    expect((await server.inject({ method: 'POST', url: '/api/uploads', ...body })).statusCode).toBe(401);
    const res = await server.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...body.headers, ...auth('viewer') } });
    expect(res.statusCode).toBe(403);
  });

  it('an editor uploads a report (multipart): saved in the inbox and processed', async () => {
    const entry = wb.plan.uploadOutside;
    const bytes = await sample(entry.file);
    const name = `${entry.commune} 6 tháng${path.extname(entry.file)}`;
    const body = multipart(name, bytes);
    const res = await server.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...body.headers, ...auth('editor') } });
    expect(res.statusCode).toBe(201);
    const r = res.json() as { file: string; status: string; reportId: number; size: number };
    expect(r).toMatchObject({ file: name, status: 'processed', size: bytes.length });
    expect(r).not.toHaveProperty('movedTo');
    const report = (await get(`/api/reports/${r.reportId}`)).json() as ReportDetail;
    expect(report).toMatchObject({ commune: entry.commune, period: PERIOD });
    // A report of another district: outside the table.
    expect((await table()).outside.map((o) => o.commune).sort()).toEqual([wb.plan.outside.commune, entry.commune].sort());
    // The file sits in the inbox (the processor moved it to processed/), nothing half-written.
    const all = await readdir(wb.inbox, { recursive: true });
    expect(all.some((f) => f.endsWith(name))).toBe(true);
    expect(all.some((f) => f.endsWith('.part'))).toBe(false);

    // The same bytes again: a duplicate, nothing saved twice.
    const dup = await server.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...body.headers, ...auth('editor') } });
    expect(dup.statusCode).toBe(200);
    expect(dup.json()).toMatchObject({ status: 'duplicate', reportId: r.reportId });
    expect((await readdir(wb.inbox, { recursive: true })).filter((f) => /\.(docx|pdf)$/.test(f))).toHaveLength(1);
  });

  it('raw bytes with X-File-Name', async () => {
    const entry = wb.plan.uploadYear;
    const bytes = await sample(entry.file);
    const name = `${entry.commune} cả năm${path.extname(entry.file)}`;
    const res = await server.inject({
      method: 'POST', url: '/api/uploads', payload: bytes,
      headers: { ...auth('editor'), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ file: name, status: 'processed' });
    expect(hiepHoa(await table('2024')).rows.find((x) => x.commune === entry.commune)!.reported).toBe(true);
  });

  it('400 / 413 for what is not a report file', async () => {
    const bad = multipart('ghi chú.txt', Buffer.from('không phải báo cáo'));
    const txt = await server.inject({ method: 'POST', url: '/api/uploads', payload: bad.payload, headers: { ...bad.headers, ...auth('editor') } });
    expect(txt.statusCode).toBe(400);
    expect(errorOf(txt).message).toMatch(/\.docx.*PDF/);
    const empty = multipart('trống.docx', Buffer.alloc(0));
    const e = await server.inject({ method: 'POST', url: '/api/uploads', payload: empty.payload, headers: { ...empty.headers, ...auth('editor') } });
    expect(e.statusCode).toBe(400);
    expect(errorOf(e).message).toMatch(/rỗng/);
    const noName = await server.inject({ method: 'POST', url: '/api/uploads', payload: Buffer.from('PK'), headers: { ...auth('editor'), 'content-type': 'application/octet-stream' } });
    expect(noName.statusCode).toBe(400);
    expect(errorOf(noName).message).toMatch(/X-File-Name/);
    const json = await post('/api/uploads', { file: 'x' });
    expect(json.statusCode).toBe(400);
    const big = multipart('lớn.docx', Buffer.alloc(MAX_BYTES + 10, 1));
    const tooBig = await server.inject({ method: 'POST', url: '/api/uploads', payload: big.payload, headers: { ...big.headers, ...auth('editor') } });
    expect(tooBig.statusCode).toBe(413);
    const bigRaw = await server.inject({
      method: 'POST', url: '/api/uploads', payload: Buffer.alloc(MAX_BYTES + 10, 1),
      headers: { ...auth('editor'), 'content-type': 'application/octet-stream', 'x-file-name': 'lon.docx' },
    });
    expect(bigRaw.statusCode).toBe(413);
    // Nothing half-written is left in the inbox.
    expect((await readdir(wb.inbox, { recursive: true })).filter((f) => f.endsWith('.part') || f.includes('lớn') || f.includes('trống'))).toEqual([]);
  });
});

describe('/api/tokens (admin)', () => {
  it('403 for editors and viewers, 401 without a token', async () => {
    expect((await get('/api/tokens', 'editor')).statusCode).toBe(403);
    expect((await get('/api/tokens', 'viewer')).statusCode).toBe(403);
    expect((await get('/api/tokens', 'none')).statusCode).toBe(401);
    expect((await post('/api/tokens', { name: 'x', role: 'admin' }, 'editor')).statusCode).toBe(403);
  });

  it('creates (shown once, stored hashed), lists and revokes tokens', async () => {
    const created = await post('/api/tokens', { name: 'Phòng Nội vụ', role: 'viewer' }, 'admin');
    expect(created.statusCode).toBe(201);
    const t = created.json() as { id: number; token: string; role: string; name: string };
    expect(t).toMatchObject({ name: 'Phòng Nội vụ', role: 'viewer' });
    expect(t.token).toMatch(/^bc_[A-Za-z0-9_-]{43}$/);
    expect((await get('/api/me', { raw: `Bearer ${t.token}` })).json()).toMatchObject({ name: 'Phòng Nội vụ', role: 'viewer' });
    // Never stored in clear.
    const stored = await wb.db.db.withTables<{ api_tokens: { token_hash: string } }>().selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === t.token)).toBe(false);

    const list = (await get('/api/tokens', 'admin')).json() as { tokens: Record<string, unknown>[] };
    expect(list.tokens.map((x) => x.name)).toContain('Phòng Nội vụ');
    expect(list.tokens.every((x) => !('token_hash' in x) && !('token' in x))).toBe(true);

    const revoked = await server.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: auth('admin') });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: t.id, revoked: true });
    expect((await get('/api/me', { raw: `Bearer ${t.token}` })).statusCode).toBe(401);
    const twice = await server.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: auth('admin') });
    expect(twice.statusCode).toBe(400);
    expect((await server.inject({ method: 'DELETE', url: '/api/tokens/999999', headers: auth('admin') })).statusCode).toBe(404);
    expect((await server.inject({ method: 'DELETE', url: '/api/tokens/abc', headers: auth('admin') })).statusCode).toBe(400);
  });

  it('400 for a bad token request; the last admin cannot be revoked', async () => {
    const bad = await post('/api/tokens', { name: 'X', role: 'root' }, 'admin');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/viewer, editor hoặc admin/);
    const noName = await post('/api/tokens', { role: 'viewer' }, 'admin');
    expect(noName.statusCode).toBe(400);
    expect(errorOf(noName).message).toMatch(/tên/);
    const me = (await get('/api/me', 'admin')).json() as { id: number };
    const last = await server.inject({ method: 'DELETE', url: `/api/tokens/${me.id}`, headers: auth('admin') });
    expect(last.statusCode).toBe(400);
    expect(errorOf(last).message).toMatch(/quản trị cuối cùng/);
  });
});

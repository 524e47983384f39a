// A resubmission that overrides a value the district corrected on the earlier report raises
// CORRECTION_OVERRIDDEN on the new report, naming the correction (old → new, who, when, why), so
// staff decide. Pure (crossChecks) and end to end (real reports through the pipeline on
// PostgreSQL, a correction through the workspace, then the resubmission).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../src/contract.ts';
import { crossChecks, type ReportForChecks } from '../src/consolidate/checks.ts';
import { Workspace } from '../src/consolidate/service.ts';
import type { CorrectionRow } from '../src/db/repositories/corrections.ts';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { sha256OfFile } from '../src/inbox/identity.ts';
import { pipelineDeps, processFile } from '../src/pipeline.ts';
import { changedReport, samplePlan } from './api.fixture.ts';
import { createTestDatabase, sampleExtraction, type TestDatabase } from './helpers/db.ts';

function report(id: number, population: number, at: string, current: boolean): ReportForChecks {
  const e: Extraction = { ...sampleExtraction({}), unit: { commune: 'Đông Lỗ', communeKind: 'xã', district: 'Hiệp Hòa', province: 'Bắc Giang' } };
  e.profile.population = population;
  return { id, is_current: current, original_name: `dong-lo-${id}.docx`, received_at: new Date(at), extraction: e };
}

function corr(id: number, reportId: number, p: string, oldValue: number | string | null, newValue: number | string | null): CorrectionRow {
  return { id, report_id: reportId, path: p, old_value: oldValue, new_value: newValue, reason: 'Theo số liệu Công an xã', token_id: 3, who: 'Nguyễn Thị Biên Tập', corrected_at: new Date('2024-07-02T02:30:00Z') };
}

const overridden = (flags: ReturnType<typeof crossChecks>) => flags.filter((f) => f.code === 'CORRECTION_OVERRIDDEN');

describe('CORRECTION_OVERRIDDEN (pure)', () => {
  const input = (second: ReportForChecks, corrections: [number, CorrectionRow[]][]) => ({
    period: '2024-H1',
    districts: [],
    reports: [report(1, 17128, '2024-07-01T01:00:00Z', false), second],
    corrections: new Map(corrections),
  });

  it('the resubmission states the old figure again: a flag on it naming the correction', () => {
    const flags = overridden(crossChecks(input(report(2, 17128, '2024-07-05T01:00:00Z', true), [[1, [corr(7, 1, 'profile.population', 17128, 17200)]]])));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ reportId: 2, severity: 'warning', commune: 'Đông Lỗ', source: 'cross' });
    expect(flags[0]!.message).toContain('17.128 → 17.200');
    expect(flags[0]!.message).toContain('Nguyễn Thị Biên Tập');
    expect(flags[0]!.message).toContain('Theo số liệu Công an xã');
    expect(flags[0]!.message).toContain('dong-lo-1.docx');
    expect(flags[0]!.message).toMatch(/dân số \(người\) là 17\.128/i);
    expect(flags[0]!.evidence[0]).toContain('profile.population');
  });

  it('a third figure: flagged too', () => {
    const flags = overridden(crossChecks(input(report(2, 17300, '2024-07-05T01:00:00Z', true), [[1, [corr(7, 1, 'profile.population', 17128, 17200)]]])));
    expect(flags.map((f) => f.message)).toEqual([expect.stringContaining('là 17.300')]);
  });

  it('the commune now states the corrected figure, or the district corrected the new report too: nothing', () => {
    expect(overridden(crossChecks(input(report(2, 17200, '2024-07-05T01:00:00Z', true), [[1, [corr(7, 1, 'profile.population', 17128, 17200)]]])))).toEqual([]);
    expect(
      overridden(crossChecks(input(report(2, 17128, '2024-07-05T01:00:00Z', true), [[1, [corr(7, 1, 'profile.population', 17128, 17200)]], [2, [corr(9, 2, 'profile.population', 17128, 17250)]]]))),
    ).toEqual([]);
  });

  it('the latest correction of a path counts; no correction, no flag', () => {
    const two = [corr(7, 1, 'profile.population', 17128, 17200), corr(8, 1, 'profile.population', 17200, 17128)];
    expect(overridden(crossChecks(input(report(2, 17128, '2024-07-05T01:00:00Z', true), [[1, two]])))).toEqual([]);
    expect(overridden(crossChecks(input(report(2, 17128, '2024-07-05T01:00:00Z', true), [])))).toEqual([]);
  });
});

describe('CORRECTION_OVERRIDDEN end to end', () => {
  let t: TestDatabase;
  let app: App;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    app = createApp(t);
    dir = await mkdtemp(path.join(tmpdir(), 'baocao-override-'));
  }, 60_000);

  afterAll(async () => {
    await t?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('correct the first report, receive the resubmission: the flag is on the new report, the table shows the new value', async () => {
    const deps = { ...pipelineDeps(app, loadConfig({})), isolate: false };
    const { resubmitted } = await samplePlan();
    const first = path.resolve('samples/inbox', resubmitted.file);
    const r1 = await processFile({ path: first, sha256: await sha256OfFile(first), originalName: resubmitted.file }, deps);
    expect(r1.status).toBe('processed');

    const workspace = new Workspace({ db: t.db, reports: app.reports, registry: app.registry, scope: { district: 'Hiệp Hòa', province: 'Bắc Giang' } });
    const corrected = resubmitted.population + 7;
    const c = await workspace.correct(r1.reportId!, { path: 'profile.population', value: corrected, reason: 'Số liệu dân số theo Công an xã' }, { tokenId: null, name: 'Cán bộ huyện' });
    expect(c.ok).toBe(true);
    const period = (await app.reports.get(r1.reportId!))!.period!;
    expect(overridden(await workspace.flags(period))).toEqual([]);

    // The commune sends its report again, with its own (other) population.
    const second = path.join(dir, resubmitted.name);
    await changedReport(first, second, resubmitted.population, resubmitted.delta);
    const r2 = await processFile({ path: second, sha256: await sha256OfFile(second), originalName: resubmitted.name }, deps);
    expect(r2.status).toBe('processed');

    const flags = overridden(await workspace.flags(period));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.reportId).toBe(r2.reportId);
    expect(flags[0]!.message).toContain(`${(resubmitted.population + resubmitted.delta).toLocaleString('vi-VN')}`);
    expect(flags[0]!.message).toContain(`${resubmitted.population.toLocaleString('vi-VN')} → ${corrected.toLocaleString('vi-VN')}`);
    expect(flags[0]!.message).toContain('Cán bộ huyện');
    expect(flags[0]!.message).toContain('Số liệu dân số theo Công an xã');
    const row = (await workspace.consolidated(period)).districts.flatMap((d) => d.rows).find((r) => r.reportId === r2.reportId);
    expect(row?.population).toBe(resubmitted.population + resubmitted.delta);
  }, 120_000);
});

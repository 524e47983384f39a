// How long the workspace's reads take over the sample workspace (test/api.fixture.ts: the sample
// reports run through the real pipeline into PGlite): the table, the flags (recomputed, with
// states), the submissions and a letter, for the district and for the whole province. Median of 5.
//   npx tsx scripts/workspace-timing.ts
import { createWorkbench, PERIOD } from '../test/api.fixture.ts';
import { draftReminder } from '../src/workspace/drafts.ts';

const wb = await createWorkbench('pglite');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(label: string, f: () => Promise<unknown>): Promise<void> {
  await f();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(48)} ${median(runs).toFixed(0).padStart(6)} ms`);
}
try {
  const w = wb.workspace;
  await time(`consolidated ${PERIOD} (district)`, () => w.consolidated(PERIOD));
  await time(`flags ${PERIOD} (district)`, () => w.flags(PERIOD));
  await time(`submissions ${PERIOD} (district)`, () => w.submissions(PERIOD));
  await time(`reminder letter ${PERIOD} (district)`, async () => draftReminder(await w.submissions(PERIOD), w.servedDistrictLabel()));
  await time(`consolidated ${PERIOD} (tỉnh Bắc Giang)`, () => w.consolidated(PERIOD, 'tỉnh Bắc Giang'));
  await time(`flags ${PERIOD} (tỉnh Bắc Giang)`, () => w.flags(PERIOD, {}, 'tỉnh Bắc Giang'));
} finally {
  await wb.cleanup();
}

// What the registry's lists cost: for each list (and the crosswalk) alone, and for all of them,
// a fresh Node process loads them and reports the load time and the growth of RSS and of the V8 heap
// (after a full GC). `npx tsx scripts/registry-load.ts [--runs N]` (median of N runs; default 3).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

interface Sample {
  ms: number;
  rssMb: number;
  heapMb: number;
}

async function child(what: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Import everything first, so that module loading is not counted.
  const catalogue = await import('../src/registry/catalogue.ts');
  gc?.();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const ids = what === 'all' ? catalogue.LISTS.map((l) => l.id) : what === 'crosswalk' ? [] : [what];
  for (const id of ids) catalogue.loadList(id);
  if (what === 'all' || what === 'crosswalk') catalogue.loadCrosswalk('2025-07');
  const ms = performance.now() - t0;
  gc?.();
  const m1 = process.memoryUsage();
  const sample: Sample = { ms, rssMb: (m1.rss - m0.rss) / 2 ** 20, heapMb: (m1.heapUsed - m0.heapUsed) / 2 ** 20 };
  process.stdout.write(JSON.stringify(sample));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  const { LISTS } = await import('../src/registry/catalogue.ts');
  const targets = [...LISTS.map((l) => l.id), 'crosswalk', 'all'];
  process.stdout.write(`registry load, median of ${runs} fresh processes each (time; RSS and heap growth after GC):\n`);
  for (const t of targets) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child', t], { encoding: 'utf8' });
      samples.push(JSON.parse(out) as Sample);
    }
    const label = t === 'all' ? 'all four lists + crosswalk' : t === 'crosswalk' ? 'crosswalk-2025-07.csv' : LISTS.find((l) => l.id === t)!.file;
    process.stdout.write(
      `  ${label.padEnd(28)} ${median(samples.map((s) => s.ms)).toFixed(0).padStart(5)} ms` +
        `  RSS +${median(samples.map((s) => s.rssMb)).toFixed(1).padStart(5)} MB  heap +${median(samples.map((s) => s.heapMb)).toFixed(1).padStart(5)} MB\n`,
    );
  }
}

const at = process.argv.indexOf('--child');
if (at > 0) await child(process.argv[at + 1]!);
else await main();

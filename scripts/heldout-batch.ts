// Scores some held-out reports by id (all when none given), with every miss: `npx tsx scripts/heldout-batch.ts ID …`.
import { loadCases, scoreFile, summary } from '../test/heldout/score.ts';
const ids = process.argv.slice(2);
const out: Awaited<ReturnType<typeof scoreFile>>[] = [];
for (const c of loadCases()) { if (ids.length && !ids.includes(c.id)) continue; for (const f of c.formats) out.push(await scoreFile(c, f)); }
console.log(summary(out, true));

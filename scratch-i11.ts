import { readFileSync } from 'node:fs';
import { parseFile } from './src/parse/index.ts';
import { loadRegistry, loadedFiles } from './src/registry/index.ts';
import { extract } from './extractors/index.ts';
const files = process.argv.slice(2);
const registry = loadRegistry();
for (let round = 0; round < 2; round++) for (const f of files) {
  const doc = await parseFile(readFileSync(f), f);
  const t0 = performance.now();
  const r = extract(doc, { registry });
  console.log(round, f.split('/').pop(), (performance.now() - t0).toFixed(0), 'ms', r.flags.map((x) => x.code).join(','));
}
console.log(loadedFiles().map((f) => `${f.file} ${f.ms.toFixed(0)}ms`).join('; '));

#!/usr/bin/env node
// Builds dist/: every TypeScript module of src/, extractors/, workers/ and migrations/ compiled
// one to one by esbuild (no bundling: lazy imports stay lazy, import.meta.url keeps its meaning),
// relative `.ts` imports rewritten to `.js`, and the other files of those folders (registry
// data, the web page) copied beside them. Run by `npm ci`/`npm install` (`prepare`), by
// `npm run build`, and before the tests (vitest globalSetup). bin/baocao.js runs dist/ when it is
// newer than every source (dist/build.json), else the sources through tsx.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
/** The folders the command runs from (bench/, samples/, scripts/, test/ run through tsx/vitest). */
export const SOURCE_DIRS = ['src', 'extractors', 'workers', 'migrations'];

async function walk(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const isModule = (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts');

/** esbuild plugin: every import stays an import (nothing bundled); `./x.ts` becomes `./x.js`. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const rewritten = /^\.\.?\//.test(args.path) ? args.path.replace(/\.ts$/, '.js') : args.path;
      return { path: rewritten, external: true };
    });
  },
};

export async function buildDist({ quiet = false } = {}) {
  const t0 = performance.now();
  const started = Date.now();
  const files = (await Promise.all(SOURCE_DIRS.map((d) => walk(path.join(ROOT, d))))).flat();
  const entries = files.filter(isModule);
  const assets = files.filter((f) => !f.endsWith('.ts'));
  await rm(DIST, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: DIST,
    outbase: ROOT,
    bundle: true,
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    charset: 'utf8',
    logLevel: 'warning',
  });
  for (const f of assets) {
    const to = path.join(DIST, path.relative(ROOT, f));
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(f, to);
  }
  // The build is as new as its start: a source saved during the build makes it stale.
  await writeFile(path.join(DIST, 'build.json'), `${JSON.stringify({ builtAt: started, modules: entries.length, assets: assets.length })}\n`);
  if (!quiet) console.log(`dist/: ${entries.length} modules, ${assets.length} other files in ${Math.round(performance.now() - t0)} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
}

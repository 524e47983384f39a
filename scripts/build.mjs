#!/usr/bin/env node
// Builds dist/: every TypeScript module of src/, extractors/, workers/ and migrations/ compiled
// one to one by esbuild (no bundling: lazy imports stay lazy, import.meta.url keeps its meaning),
// relative `.ts` imports rewritten to `.js`, and the other files of those folders (registry
// data, the web page) copied beside them. Run by `npm ci`/`npm install` (`prepare`), by
// `npm run build`, and before the tests (vitest globalSetup). bin/baocao.js runs dist/ when it is
// newer than every source (dist/build.json), else the sources through tsx.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  // Everything but the PGlite dump (made once per PGlite version, below).
  await mkdir(DIST, { recursive: true });
  for (const e of await readdir(DIST)) if (e !== 'pglite') await rm(path.join(DIST, e), { recursive: true, force: true });
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
  await pgliteInitdbDump({ quiet });
}

/**
 * dist/pglite/initdb-<version>.tar.gz: a freshly initialised PGlite cluster, from which a new
 * embedded database starts (src/db/pglite-initdb.ts) instead of running initdb (~8 s) itself.
 * Made when missing for the installed PGlite version; older versions' dumps are removed.
 */
async function pgliteInitdbDump({ quiet }) {
  const { initdbDumpPath } = await import(pathToFileURL(path.join(DIST, 'src', 'db', 'pglite-initdb.js')).href);
  const file = initdbDumpPath();
  if (!file || existsSync(file)) return;
  const t0 = performance.now();
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = await mkdtemp(path.join(tmpdir(), 'baocao-initdb-'));
  try {
    const pglite = await PGlite.create(dir);
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    await mkdir(path.dirname(file), { recursive: true });
    for (const old of await readdir(path.dirname(file))) await rm(path.join(path.dirname(file), old), { force: true });
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    if (!quiet) console.log(`${path.relative(ROOT, file)}: PGlite's initdb, once, in ${Math.round(performance.now() - t0)} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
}

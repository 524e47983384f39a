// A new embedded database starts from a dump of a freshly initialised PGlite cluster, made once by
// the build (scripts/build.mjs → dist/pglite/initdb-<PGlite version>.tar.gz): PGlite's initdb
// takes ~8 s of WebAssembly, loading the dump ~1 s. The dump holds no table of ours (migrations
// run after, as always), so it never goes stale with the sources; it is made per PGlite version.
// Without it (no build, another PGlite version), a new database is initialised as before.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: the nearest folder up with the package.json named baocao. */
function projectRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'baocao') return dir;
    } catch {
      /* keep walking */
    }
    if (dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

export function pgliteVersion(): string | null {
  // The package's exports hide package.json: walk up from its entry point.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return String(pkg.version);
    } catch {
      /* keep walking */
    }
    if (dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

/** Where the build puts the dump for the installed PGlite (null when the project root is unknown). */
export function initdbDumpPath(): string | null {
  const root = projectRoot();
  const version = pgliteVersion();
  return root && version ? join(root, 'dist', 'pglite', `initdb-${version}.tar.gz`) : null;
}

/** The dump to start a new PGlite data folder from, when `dataPath` holds no cluster yet and the
 *  build made one; otherwise undefined (PGlite then runs initdb, or opens the existing cluster). */
export function initdbDumpFor(dataPath: string): Blob | undefined {
  if (existsSync(join(dataPath, 'PG_VERSION'))) return undefined;
  const file = initdbDumpPath();
  if (!file || !existsSync(file)) return undefined;
  return new Blob([readFileSync(file)]);
}

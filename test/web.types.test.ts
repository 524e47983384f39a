// The page's modules are JavaScript with `// @ts-check`: the TypeScript compiler checks them against
// the DOM's types (src/web/tsconfig.json: no implicit any), as `npm run typecheck` does.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the page\'s code', () => {
  it('every module starts with // @ts-check', async () => {
    const files = ['src/web/app.js', ...(await readdir('src/web/js')).map((f) => `src/web/js/${f}`)];
    for (const f of files) expect((await readFile(f, 'utf8')).startsWith('// @ts-check'), f).toBe(true);
  });

  it('type-checks', async () => {
    const r = await run('npx', ['tsc', '-p', 'src/web/tsconfig.json'], { timeout: 120_000 }).catch((e: { stdout: string; code: number }) => e);
    expect('stdout' in r ? r.stdout : '').toBe('');
  }, 150_000);
});

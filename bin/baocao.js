#!/usr/bin/env node
// Entry point of the `baocao` command. Runs the compiled dist/ (built by `npm ci` through
// `prepare`, or `npm run build`) when it is newer than every source; otherwise (a source edited
// since, or no build) the TypeScript sources through tsx, slower to start, with one line saying so.
// BAOCAO_FROM_SOURCE=1 always runs the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'extractors', 'workers', 'migrations'];

/** Why dist/ cannot be run ('' when it can). */
function distProblem() {
  let builtAt;
  try {
    builtAt = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'build.json'), 'utf8')).builtAt;
  } catch {
    return 'chưa có bản dựng dist/';
  }
  // A folder's mtime changes when a file is added, removed or renamed in it.
  const newer = (dir) => {
    if (statSync(dir).mtimeMs > builtAt) return true;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() ? newer(p) : e.isFile() && statSync(p).mtimeMs > builtAt) return true;
    }
    return false;
  };
  return SOURCE_DIRS.some((d) => newer(path.join(ROOT, d))) ? 'mã nguồn mới hơn bản dựng dist/' : '';
}

const problem = process.env.BAOCAO_FROM_SOURCE === '1' ? 'BAOCAO_FROM_SOURCE=1' : distProblem();
if (!problem) {
  await import('../dist/src/cli/main.js');
} else {
  if (process.env.BAOCAO_FROM_SOURCE !== '1') {
    process.stderr.write(`baocao: ${problem}, chạy từ mã nguồn qua tsx (khởi động chậm hơn); \`npm run build\` để dựng lại.\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

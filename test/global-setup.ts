// Before any test: dist/ is built afresh from the sources under test, so that the tests that run
// `node bin/baocao.js` run the code they test (bin/baocao.js runs dist/ when it is up to date).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

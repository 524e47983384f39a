// The extractors' tests must not share their sentences with the sample generator's phrase bank
// (samples/lib/) or with the examples in the extractors' own comments (issue 10): a test that reuses
// the generator's wording proves only that the extractor knows that wording. This test finds every
// Vietnamese string literal with a number in the content-extraction tests and fails when one of its
// lines (numbers and interpolations made alike) also occurs in samples/lib/*.ts or extractors/**/*.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../extractors/lib.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const TESTS = ['extract.profile.test.ts', 'extract.content.test.ts', 'extract.criteria.test.ts', 'extract.wordings.test.ts', 'extract.issue10.test.ts', 'text.mentions.test.ts'];

function norm(s: string): string {
  return fold(s.replace(/\$\{[^}]*\}/g, '#')).replace(/\d[\d., ]*\d|\d/g, '#').replace(/\s+/g, ' ');
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Pieces of the test's literals that also occur in the sources (at least 20 characters, with a number). */
export function copiedWordings(testSource: string, sources: string): string[] {
  const out: string[] = [];
  for (const m of testSource.matchAll(/'((?:[^'\\\n]|\\.){12,})'|`([^`]{12,})`/g)) {
    const lit = m[1] ?? m[2] ?? '';
    if (!/[à-ỹđ]/iu.test(lit) || !/\d/.test(lit)) continue;
    for (const piece of norm(lit).split(/\\n|\\t|\n|\t/)) {
      const p = piece.trim();
      if (p.length >= 20 && p.includes('#') && sources.includes(p)) out.push(lit);
    }
  }
  return out;
}

describe('test wordings are our own', () => {
  const sources = [...files(join(ROOT, 'samples/lib')), ...files(join(ROOT, 'extractors'))].map((f) => norm(readFileSync(f, 'utf8'))).join('\n');

  it('finds a copied wording when there is one', () => {
    expect(copiedWordings("x('dân số là 17.128 nhân khẩu')", norm("// 'dân số là 9.999 nhân khẩu', …"))).toHaveLength(1);
  });

  it.each(TESTS)('%s shares no sentence with the phrase bank or the extractors', (name) => {
    expect(copiedWordings(readFileSync(join(ROOT, 'test', name), 'utf8'), sources)).toEqual([]);
  });
});

// Shared helpers of the content-extractor tests: build a document from text, check provenance.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { DocumentModel } from '../src/document/model.ts';
import { parseText } from '../src/parse/text.ts';
import type { Extractor, ExtractorResult } from '../extractors/types.ts';

export const SEED_PATH = '/work/shared/seed/000_f32fad2d862f84c7.txt';

let seedDoc: DocumentModel | null = null;
export function seed(): DocumentModel {
  seedDoc ??= parseText(readFileSync(SEED_PATH, 'utf8'));
  return seedDoc;
}

/** A document from lines of text (tab-separated lines are table rows). */
export function doc(...lines: string[]): DocumentModel {
  return parseText(lines.join('\n'));
}

/** Every JSON path of a value the extractor returned: 'profile.population', 'criteria[0]' … */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.map((_, i) => `${prefix}[${i}]`);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return value === null || value === undefined ? [] : [prefix];
}

/** Runs an extractor and checks that each value has a provenance with a non-empty quote. */
export function run(extractor: Extractor, d: DocumentModel): ExtractorResult {
  const result = extractor(d);
  for (const path of leafPaths(result.fields)) {
    const p = result.provenance[path];
    expect(p, `provenance for ${path}`).toBeDefined();
    expect(p!.quote.trim().length, `quote for ${path}`).toBeGreaterThan(0);
  }
  return result;
}

// The expected-result file of a sample (`<id>.expected.json`): what a correct extraction of
// that report contains, written by hand (the seed) or from the generator's own data — never
// from an extractor. An eval compares an extraction against it field by field.
//
// Shape: the contract's fields (src/contract.ts `Extraction`) without `flags` and
// `provenance`, plus
//   - `id`             the sample's id (the file name without extension)
//   - `source`         { file, format } of the sample file (no sha256: files may be re-rendered)
//   - `expectedFlags`  the flag codes a correct extraction raises (sorted, unique); their
//                      messages and evidence are not compared
//   - `notAReport`     optional, true for a document that is not such a report (all values null)
//   - `meta`           optional: how the sample was made (renderer, style, deliberate errors…),
//                      for reading eval failures; never compared.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { emptyFields, Extraction, FlagCode, type ExtractedFields } from '../../src/contract.ts';

export const ExpectedSource = z.strictObject({
  file: z.string().min(1),
  format: z.enum(['docx', 'doc', 'pdf', 'pdf-ocr']),
});

export const Expected = Extraction.omit({ source: true, flags: true, provenance: true }).extend({
  id: z.string().regex(/^[a-z0-9-]+$/),
  source: ExpectedSource,
  expectedFlags: z.array(FlagCode).refine(
    (codes) => codes.every((c, i) => i === 0 || codes[i - 1]! < c),
    'expectedFlags must be sorted and unique',
  ),
  /** True for a document that is not a friendly-government report (an invitation, minutes, a
   *  report on another topic): a correct pipeline stores it as `not_a_report`, and every value
   *  above is null (lists empty) and expectedFlags is empty. Absent for reports. */
  notAReport: z.literal(true).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
}).strict().refine((e) => {
  if (!e.notAReport) return true;
  const { id: _id, source: _source, expectedFlags, meta: _meta, notAReport: _n, ...fields } = e;
  return expectedFlags.length === 0 && isDeepStrictEqual(fields, emptyFields());
}, 'a notAReport expected file has every value null (lists empty) and no flags');

export type Expected = z.infer<typeof Expected>;

/** The fields an extraction is compared on (everything but id, source, expectedFlags, meta). */
export function fieldsOf(e: Expected): ExtractedFields {
  const { id: _id, source: _source, expectedFlags: _flags, meta: _meta, notAReport: _n, ...fields } = e;
  return fields;
}

/**
 * Leaf paths of the compared fields with their values, for a field-by-field comparison:
 * 'profile.population' → 17128, 'budget.planned.total' → 10. Lists (`criteria`, `references`)
 * are leaves of their own ('criteria' → the whole array), compared as wholes or by the eval.
 */
export function flattenFields(fields: ExtractedFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    } else out[path] = v;
  };
  walk(fields, '');
  return out;
}

/** Parses and validates an expected file's JSON text (throws a ZodError with the path on failure). */
export function parseExpected(json: string): Expected {
  return Expected.parse(JSON.parse(json));
}

/** The JSON text written to disk: two-space indent, keys in the contract's order, final newline. */
export function formatExpected(e: Expected): string {
  return JSON.stringify(Expected.parse(e), null, 2) + '\n';
}

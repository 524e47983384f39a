// An extraction's leaf values as rows for extracted_values, each with its provenance.
// Paths follow the contract's provenance keys: 'profile.population', 'criteria[3].met',
// 'criteria[0].unmet[1]', 'budget.planned.total', 'references[2].number'.
// Left out: `source` (it is the file's), `flags` (their own table), `provenance` (merged in),
// and null values (not stated in the report: no row, the same as absent).
import type { Extraction } from '../contract.ts';

export interface ValueRow {
  path: string;
  value_num: number | null;
  value_text: string | null;
  section: string | null;
  quote: string | null;
}

const SKIPPED_TOP_LEVEL = new Set(['source', 'flags', 'provenance']);

export function flattenExtraction(extraction: Extraction): ValueRow[] {
  const rows: ValueRow[] = [];
  const provenance = extraction.provenance;

  const emit = (path: string, value_num: number | null, value_text: string | null) => {
    const p = provenanceFor(provenance, path);
    rows.push({ path, value_num, value_text, section: p?.section ?? null, quote: p?.quote ?? null });
  };

  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) emit(path, value, null);
      return;
    }
    if (typeof value === 'string') return emit(path, null, value);
    if (typeof value === 'boolean') return emit(path, null, String(value));
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (!path && SKIPPED_TOP_LEVEL.has(key)) continue;
        walk(child, path ? `${path}.${key}` : key);
      }
    }
  };

  walk(extraction, '');
  return rows;
}

/** The provenance of a path, or of its nearest ancestor ('criteria[3].met' → 'criteria[3]' → 'criteria'). */
export function provenanceFor(
  provenance: Extraction['provenance'],
  path: string,
): Extraction['provenance'][string] | undefined {
  for (let p: string | undefined = path; p; p = parentPath(p)) {
    const found = Object.hasOwn(provenance, p) ? provenance[p] : undefined;
    if (found) return found;
  }
  return undefined;
}

function parentPath(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : undefined;
}

// Step 4 of the PDF path: words → borderless tables (no rules drawn).
import type { GridTable, Rule, Run } from '../layout/page-layout.ts';

export function borderlessTables(_page: number, _runs: readonly Run[], _rules: readonly Rule[]): GridTable[] {
  return [];
}

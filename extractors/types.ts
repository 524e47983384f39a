// What an extractor is: a pure function of the document model that fills its part of the
// contract and says, for every value, where it came from.
import type { ExtractedFields, Flag, Provenance } from '../src/contract.ts';
import type { DocumentModel } from '../src/document/model.ts';

/** A deep-partial patch of the contract's fields: only what this extractor found. */
export type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export interface ExtractorResult {
  fields: DeepPartial<ExtractedFields>;
  /** JSON path ('profile.population', 'criteria[3]', 'budget.planned.total') → section + quote. */
  provenance: Record<string, Provenance>;
}

export type Extractor = (doc: DocumentModel) => ExtractorResult;

/** A check reads the finished extraction (and the document for evidence) and raises flags. */
export type Check<Ctx> = (input: { doc: DocumentModel; fields: ExtractedFields; provenance: Record<string, Provenance>; ctx: Ctx }) => Flag[];

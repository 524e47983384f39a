// The extraction contract (../shared/contract/EXTRACTION.md) as one zod schema.
// It is the single source of the output shape: types are inferred from it and every
// extraction is validated by it before it is printed or stored.
import { z } from 'zod';

const int = z.number().int();
const nonNegInt = int.nonnegative();
const amount = z.number().nonnegative();

export const FLAG_CODES = [
  'COMMUNE_NAME_MISMATCH',
  'UNKNOWN_UNIT',
  'SUM_MISMATCH',
  'CRITERIA_INCONSISTENT',
  'STARS_MISMATCH',
  'PERIOD_MISMATCH',
  'MISSING_NUMBER',
  'MISSING_DATE',
] as const;
/** Codes of this project beyond the contract's (consumers may ignore them): a unit that no longer
 *  existed at the report's date, with the unit(s) that carried it on. */
export const EXTRA_FLAG_CODES = ['UNIT_SUCCEEDED'] as const;
export const FlagCode = z.enum([...FLAG_CODES, ...EXTRA_FLAG_CODES]);
export type FlagCode = z.infer<typeof FlagCode>;

export const Severity = z.enum(['info', 'warning', 'error']);

export const Flag = z.object({
  code: FlagCode,
  severity: Severity,
  message: z.string().min(1),
  evidence: z.array(z.string()),
});
export type Flag = z.infer<typeof Flag>;

export const Provenance = z.object({
  /** Section path joined with ' > ' ("III > 2 > 2.4"), or the region ("header", "PL3 > 3"). */
  section: z.string(),
  /** The sentence, line or table row the value was read from. */
  quote: z.string(),
  /** How sure the extractor is (0..1); values under REVIEW_BELOW are listed for review first. */
  confidence: z.number().min(0).max(1).optional(),
  /** Why the confidence is low (two candidates, a quota word nearby, OCR uncertainty …). */
  why: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/** '2024-H1', '2024-H2', '2024-Q1'..'2024-Q4', '2024-9M', '2024'. */
export const Period = z.string().regex(/^\d{4}(-(H[12]|Q[1-4]|9M))?$/);

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const Split = z.object({
  total: amount.nullable(),
  district: amount.nullable(),
  commune: amount.nullable(),
});

export const Extraction = z.object({
  source: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['docx', 'doc', 'pdf', 'pdf-ocr']),
  }),
  document: z.object({
    number: z.string().nullable(),
    date: IsoDate.nullable(),
    title: z.string().nullable(),
    signer: z.object({
      name: z.string().nullable(),
      position: z.string().nullable(),
    }),
  }),
  unit: z.object({
    commune: z.string().nullable(),
    communeKind: z.enum(['xã', 'phường', 'thị trấn', 'đặc khu']).nullable(), // đặc khu: from 1 July 2025
    district: z.string().nullable(),
    province: z.string().nullable(),
  }),
  period: Period.nullable(),
  profile: z.object({
    areaHa: amount.nullable(),
    population: nonNegInt.nullable(),
    households: nonNegInt.nullable(),
    villages: nonNegInt.nullable(),
    partyCells: nonNegInt.nullable(),
    partyMembers: nonNegInt.nullable(),
    cadres: nonNegInt.nullable(),
    canBo: nonNegInt.nullable(),
    congChuc: nonNegInt.nullable(),
    police: nonNegInt.nullable(),
    incomePerCapitaMillionVnd: amount.nullable(),
    distanceToDistrictKm: amount.nullable(),
  }),
  criteria: z.array(
    z.object({
      group: int.positive(),
      met: nonNegInt,
      total: nonNegInt,
      unmet: z.array(int.positive()),
    }),
  ),
  surveys: z.object({ done: nonNegInt.nullable(), planned: nonNegInt.nullable() }),
  satisfactionPercent: z.number().min(0).max(100).nullable(),
  starsRegistered: int.min(1).max(5).nullable(),
  propaganda: z.object({ banners: nonNegInt.nullable(), panels: nonNegInt.nullable() }),
  steeringCommittee: z.object({ members: nonNegInt.nullable(), head: z.string().nullable() }),
  supportTeam: z.object({ members: nonNegInt.nullable(), leader: z.string().nullable() }),
  training: z.object({ classes: nonNegInt.nullable(), participants: nonNegInt.nullable() }),
  inspections: nonNegInt.nullable(),
  budget: z.object({ planned: Split, disbursed: Split }),
  references: z.array(z.object({ number: z.string(), date: IsoDate.nullable() })),
  flags: z.array(Flag),
  provenance: z.record(z.string(), Provenance),
});
export type Extraction = z.infer<typeof Extraction>;

/** The part of an extraction that extractors fill (everything but source, flags and provenance). */
export type ExtractedFields = Omit<Extraction, 'source' | 'flags' | 'provenance'>;

/** An extraction with every field null / empty: the starting point, so that a field
 *  no extractor finds stays null rather than absent. */
export function emptyFields(): ExtractedFields {
  const split = () => ({ total: null, district: null, commune: null });
  return {
    document: { number: null, date: null, title: null, signer: { name: null, position: null } },
    unit: { commune: null, communeKind: null, district: null, province: null },
    period: null,
    profile: {
      areaHa: null, population: null, households: null, villages: null,
      partyCells: null, partyMembers: null, cadres: null, canBo: null, congChuc: null,
      police: null, incomePerCapitaMillionVnd: null, distanceToDistrictKm: null,
    },
    criteria: [],
    surveys: { done: null, planned: null },
    satisfactionPercent: null,
    starsRegistered: null,
    propaganda: { banners: null, panels: null },
    steeringCommittee: { members: null, head: null },
    supportTeam: { members: null, leader: null },
    training: { classes: null, participants: null },
    inspections: null,
    budget: { planned: split(), disbursed: split() },
    references: [],
  };
}

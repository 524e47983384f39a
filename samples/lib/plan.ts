// Which reports to generate: communes, periods, file formats and deliberate errors, as a pure
// function of (count, seed). The first reports are the ones the inbox uses (huyện Hiệp Hòa,
// 2024-H1). Features are spread by index so that every kind appears in small sets too.
import { EXTRAS_FROM, SAMPLE_PERIODS, type Features, type NameVariant, type Output, type PeriodMismatch, type ReportSpec, type SamplePeriod } from './compose.ts';
import { Rng } from './prng.ts';
import { loadUnits, pickSampleUnits, type Unit } from './units.ts';
import { altTonePlacement, slug } from './vn.ts';

export const DEFAULT_SEED = 'baocao-samples-1';
/** The committed corpus: 60 reports (20 communes × 3 periods). */
export const DEFAULT_COUNT = 60;

const OUTPUT_CYCLE: Output[] = ['docx', 'docx-lo', 'pdf-lo', 'docx', 'pdf-docx', 'docx-lo'];

/** The file a report is written as: the six-step cycle, with NFD variants in place of some. */
export function outputOf(i: number): Output {
  if (i >= EXTRAS_FROM) {
    if (i % 10 === 7) return 'docx-nfd';
    if (i % 10 === 9) return i % 20 === 9 ? 'pdf-nfd' : 'docx-lo-nfd';
  }
  return OUTPUT_CYCLE[i % OUTPUT_CYCLE.length]!;
}

export function sampleId(u: Unit, period: SamplePeriod): string {
  const kind = u.communeKind === 'xã' ? '' : u.communeKind === 'phường' ? 'p-' : 'tt-';
  return `${slug(u.district)}-${kind}${slug(u.commune)}-${period.toLowerCase()}`;
}

/** Plan positions of the deliberate errors added with the 60-report corpus (all ≥ EXTRAS_FROM). */
const UNKNOWN_COMMUNE = [13, 33, 51];
const UNKNOWN_DISTRICT = [27];
const STARS_MISMATCH = [9, 24, 38, 47, 56];
const PERIOD_MISMATCH = new Map<number, [PeriodMismatch, Features['wrongPeriod']]>([
  [7, ['closing', 'otherHalf']], [16, ['intro', 'nextYear']], [25, ['annex', 'otherHalf']],
  [34, ['closing', 'otherHalf']], [43, ['intro', 'lastYear']], [52, ['annex', 'lastYear']],
]);
const BROKEN_NUMBER = new Map<number, Features['brokenNumber']>([[11, 'lineBreak'], [30, 'paragraph'], [44, 'lineBreak'], [58, 'paragraph']]);

/**
 * `count` reports over max(8, ⌈count/3⌉) communes: first every commune for 2024-H1, then the
 * communes again for 2024 and 2025-H1 (alternating, so both appear in small sets).
 */
export function planReports(count = DEFAULT_COUNT, seed = DEFAULT_SEED, units: readonly Unit[] = loadUnits()): ReportSpec[] {
  const root = Rng.from(seed, 'plan');
  const nUnits = Math.min(count, Math.max(8, Math.ceil(count / 3)));
  const chosen = pickSampleUnits(root.fork('units'), nUnits, units);
  const slots: { unit: Unit; period: SamplePeriod }[] = [];
  for (let round = 0; slots.length < count && round < SAMPLE_PERIODS.length; round++) {
    chosen.forEach((unit, ui) => {
      if (slots.length >= count) return;
      const period: SamplePeriod =
        round === 0 ? '2024-H1' : (round === 1) === (ui % 2 === 0) ? '2024' : '2025-H1';
      slots.push({ unit, period });
    });
  }
  if (slots.length < count) throw new Error(`cannot plan ${count} reports from ${chosen.length} communes`);

  const seenAlt = new Set<string>();
  return slots.map(({ unit, period }, i): ReportSpec => {
    const alt = altTonePlacement(unit.commune);
    // A commune misspelled everywhere: only for a name without a tone-placement variant.
    const unknownUnit: Features['unknownUnit'] =
      UNKNOWN_COMMUNE.includes(i) && !alt ? 'commune' : UNKNOWN_DISTRICT.includes(i) ? 'district' : 'none';
    let nameVariant: NameVariant = 'canonical';
    if (alt) {
      // A name with a tone-placement variant: written the other way throughout the first time,
      // mixed the next time.
      nameVariant = seenAlt.has(unit.communeCode) ? 'altToneMixed' : 'altToneAll';
      seenAlt.add(unit.communeCode);
    } else if (i % 5 === 2 && unknownUnit === 'none') nameVariant = 'misspelled';
    const features: Features = {
      nameVariant,
      sumError: i % 6 === 4,
      criteriaInconsistent: i % 7 === 5 ? (Math.floor(i / 7) % 2 === 0 ? 'outOfRange' : 'countMismatch') : 'none',
      blankNumber: i % 8 === 0 || i % 8 === 2,
      blankDate: i % 8 === 0 || i % 8 === 6,
      unknownUnit,
      starsMismatch: STARS_MISMATCH.includes(i),
      periodMismatch: PERIOD_MISMATCH.get(i)?.[0] ?? 'none',
      wrongPeriod: PERIOD_MISMATCH.get(i)?.[1] ?? 'none',
      brokenNumber: BROKEN_NUMBER.get(i) ?? 'none',
    };
    return {
      id: sampleId(unit, period),
      unit,
      period,
      output: outputOf(i),
      features,
      seed,
      index: i,
    };
  });
}

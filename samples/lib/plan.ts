// Which reports to generate: communes, periods, file formats and deliberate errors, as a pure
// function of (count, seed). The first reports are the ones the inbox uses (huyện Hiệp Hòa,
// 2024-H1). Features are spread by index so that every kind appears in small sets too.
import { SAMPLE_PERIODS, type Features, type NameVariant, type Output, type ReportSpec, type SamplePeriod } from './compose.ts';
import { Rng } from './prng.ts';
import { loadUnits, pickSampleUnits, type Unit } from './units.ts';
import { altTonePlacement, slug } from './vn.ts';

export const DEFAULT_SEED = 'baocao-samples-1';
export const DEFAULT_COUNT = 12;

const OUTPUT_CYCLE: Output[] = ['docx', 'docx-lo', 'pdf-lo', 'docx', 'pdf-docx', 'docx-lo'];

export function sampleId(u: Unit, period: SamplePeriod): string {
  const kind = u.communeKind === 'xã' ? '' : u.communeKind === 'phường' ? 'p-' : 'tt-';
  return `${slug(u.district)}-${kind}${slug(u.commune)}-${period.toLowerCase()}`;
}

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
    let nameVariant: NameVariant = 'canonical';
    if (alt) {
      // A name with a tone-placement variant: written the other way throughout the first time,
      // mixed the next time.
      nameVariant = seenAlt.has(unit.communeCode) ? 'altToneMixed' : 'altToneAll';
      seenAlt.add(unit.communeCode);
    } else if (i % 5 === 2) nameVariant = 'misspelled';
    const features: Features = {
      nameVariant,
      sumError: i % 6 === 4,
      criteriaInconsistent: i % 7 === 5 ? (Math.floor(i / 7) % 2 === 0 ? 'outOfRange' : 'countMismatch') : 'none',
      blankNumber: i % 4 === 0 || i % 8 === 2,
      blankDate: i % 4 === 0 || i % 8 === 6,
    };
    return {
      id: sampleId(unit, period),
      unit,
      period,
      output: OUTPUT_CYCLE[i % OUTPUT_CYCLE.length]!,
      features,
      seed,
    };
  });
}

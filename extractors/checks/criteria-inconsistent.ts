// CRITERIA_INCONSISTENT, per criteria group:
//  - more indicators met than the group has (met > total);
//  - indicators named as not met, but not as many as total − met ('5/6 chỉ tiêu đạt (còn chỉ tiêu 26, 27 chưa đạt)');
//  - an indicator named for a group that lies outside the group's range in the province's criteria set
//    (Bắc Giang 2024: group 4 is indicators 24–29, so 'nhóm 4 … chỉ tiêu 31' is inconsistent).
import type { Flag } from '../../src/contract.ts';
import { criteriaSetFor, type CriteriaSet } from '../../src/criteria/sets.ts';
import { splitPeriod } from '../../src/document/periods.ts';
import { findQuote, makeFlag, quoteOf, type DocCheck } from './common.ts';

/** The criteria set the report is checked against: the context's, or its province's for its year. */
export function criteriaSetOf(ctx: { criteriaSet?: CriteriaSet | null }, province: string | null, period: string | null): CriteriaSet | null {
  if (ctx.criteriaSet) return ctx.criteriaSet;
  const year = period ? splitPeriod(period)?.year ?? null : null;
  return criteriaSetFor(province, year);
}

export const checkCriteriaInconsistent: DocCheck = ({ doc, fields, provenance, ctx }) => {
  const flags: Flag[] = [];
  const set = criteriaSetOf(ctx, fields.unit.province, fields.period);
  fields.criteria.forEach((c, i) => {
    const quote = quoteOf(provenance, `criteria[${i}]`) ?? findQuote(doc, new RegExp(`nhom tieu chi (so )?${c.group}\\b`));
    const label = `Nhóm tiêu chí ${c.group}`;
    if (c.met > c.total) {
      flags.push(makeFlag('CRITERIA_INCONSISTENT', `${label}: số chỉ tiêu đạt (${c.met}) lớn hơn tổng số chỉ tiêu (${c.total})`, [quote]));
    } else if (c.unmet.length > 0 && c.unmet.length !== c.total - c.met) {
      flags.push(makeFlag(
        'CRITERIA_INCONSISTENT',
        `${label}: đạt ${c.met}/${c.total} (còn ${c.total - c.met} chỉ tiêu chưa đạt) nhưng nêu ${c.unmet.length} chỉ tiêu chưa đạt (${c.unmet.join(', ')})`,
        [quote],
      ));
    }
    const group = set?.groups.find((g) => g.group === c.group);
    if (set && group && group.from !== null && group.to !== null) {
      const outside = c.unmet.filter((n) => n < group.from! || n > group.to!);
      if (outside.length) {
        flags.push(makeFlag(
          'CRITERIA_INCONSISTENT',
          `${label}: chỉ tiêu ${outside.join(', ')} không thuộc nhóm này (nhóm ${c.group} gồm chỉ tiêu ${group.from}–${group.to} theo ${set.source})`,
          [quote],
        ));
      }
    }
  });
  return flags;
};

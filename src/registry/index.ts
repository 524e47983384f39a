// The dated registry of administrative units (src/registry/data: the lists of 1 Nov 2024, 1 Jan 2025,
// 1 Mar 2025 and 1 Jul 2025, and the crosswalk of 1 Jul 2025; see README.md there).
//
//   loadRegistry()            the registry on 1 Nov 2024 (the first list), as before the lists were dated
//   registry.at('2025-08-01') the registry on a date: the list in force then (two levels from 1 Jul 2025)
//   registry.forPeriod('2025-H1')  … at the end of a period
//
// Lists are read lazily, each once per process (or worker thread). A registry is passed to
// extraction as an object, so that extractors stay pure functions.
import { LISTS } from './catalogue.ts';
import { DATED_LISTS, Registry } from './view.ts';

export type { CommuneKind, DistrictKind, DistrictRef, NearestMatch, ProvinceKind, ProvinceRef, Scope, UnitRow } from './list.ts';
export { UnitList, bareName } from './list.ts';
export { Registry, dateVn, periodEnd, periodStart, reportDate, type Predecessor, type Succession } from './view.ts';
export { LISTS, listsInForce, loadedFiles, type ListInfo, type LoadStat } from './catalogue.ts';

let first: Registry | null = null;

/** The registry on the first list's date (1 Nov 2024); `.at(date)` for any other date. */
export function loadRegistry(): Registry {
  first ??= new Registry(DATED_LISTS, LISTS[0]!.from);
  return first;
}

/** The registry on an ISO date. */
export function registryAt(date: string): Registry {
  return loadRegistry().at(date);
}

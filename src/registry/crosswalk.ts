// The official crosswalk of 1 July 2025 (crosswalk-2025-07.csv): every unit of the last three-level
// list (units-2025-03.csv) to the unit(s) of the two-level list (units-2025-07.csv) that carry it on.
// An old unit split over several new units has several rows. Codes on each side are those of their
// own list: the same code often names another unit on the other side.
import { readCsv } from './csv.ts';

export interface CrosswalkRow {
  oldCode: string;
  oldKind: string;
  old: string;
  oldDistrict: string;
  oldProvince: string;
  newCode: string;
  newKind: string;
  new: string;
  newProvince: string;
}

const COLUMNS = [
  'old_commune_code', 'old_commune_kind', 'old_commune', 'old_district', 'old_province',
  'new_commune_code', 'new_commune_kind', 'new_commune', 'new_province',
] as const;

export class Crosswalk {
  private readonly byOldCode = new Map<string, CrosswalkRow[]>();
  private readonly byNewCode = new Map<string, CrosswalkRow[]>();

  /**
   * @param from the list the old codes belong to ('2025-03')
   * @param to   the list the new codes belong to ('2025-07')
   */
  constructor(readonly from: string, readonly to: string, readonly rows: readonly CrosswalkRow[]) {
    for (const r of rows) {
      push(this.byOldCode, r.oldCode, r);
      push(this.byNewCode, r.newCode, r);
    }
  }

  static fromCsv(text: string, from: string, to: string): Crosswalk {
    const rows = readCsv(text, COLUMNS).map((f): CrosswalkRow => ({
      oldCode: f.old_commune_code!, oldKind: f.old_commune_kind!, old: f.old_commune!, oldDistrict: f.old_district!, oldProvince: f.old_province!,
      newCode: f.new_commune_code!, newKind: f.new_commune_kind!, new: f.new_commune!, newProvince: f.new_province!,
    }));
    return new Crosswalk(from, to, rows);
  }

  /** The rows of an old unit (code of the `from` list): one per new unit it went (wholly or partly) into. */
  successors(oldCode: string): readonly CrosswalkRow[] {
    return this.byOldCode.get(oldCode) ?? [];
  }

  /** The rows of a new unit (code of the `to` list): one per old unit that went (wholly or partly) into it. */
  predecessors(newCode: string): readonly CrosswalkRow[] {
    return this.byNewCode.get(newCode) ?? [];
  }

  /** An old unit spread over more than one new unit. */
  isSplit(oldCode: string): boolean {
    return (this.byOldCode.get(oldCode)?.length ?? 0) > 1;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

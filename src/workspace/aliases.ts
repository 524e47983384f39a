// Unit aliases: a commune or district written in a report in a way the registry does not place
// ('Vỉnh An' for 'Vĩnh An', 'Yen Dũng' for 'Yên Dũng'), mapped by staff to the registered unit. Kept
// with who, when and why (like a correction); the stored extraction never changes: the alias is
// applied when reports are read, to every report that writes the name so — later ones too.
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { Extraction } from '../contract.ts';
import type { DB } from '../db/schema.ts';
import { nameKey } from '../document/names.ts';

export type AliasLevel = 'commune' | 'district';

export interface UnitAliasesTable {
  id: Generated<number>;
  level: AliasLevel;
  /** The name as the report writes it ('Vỉnh An'). */
  written: string;
  written_key: string;
  /** A commune alias holds within the district (and province) the report names; null: anywhere. */
  within_district_key: string | null;
  within_province_key: string | null;
  /** The registered unit: its code (commune or district) and names. */
  target_code: string | null;
  target_name: string;
  target_kind: string | null;
  target_district: string | null;
  target_province: string | null;
  reason: string;
  report_id: number | null;
  token_id: number | null;
  who: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type AliasRow = Selectable<UnitAliasesTable>;

export type NewAlias = Omit<UnitAliasesTable, 'id' | 'written_key' | 'created_at' | 'revoked_at'>;

type AliasDB = DB & { unit_aliases: UnitAliasesTable };

export class AliasesRepository {
  private readonly db: Kysely<AliasDB>;

  constructor(db: Kysely<DB>) {
    this.db = db.withTables<{ unit_aliases: UnitAliasesTable }>();
  }

  async add(a: NewAlias): Promise<AliasRow> {
    return this.db
      .insertInto('unit_aliases')
      .values({ ...a, written: a.written.normalize('NFC'), written_key: nameKey(a.written) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The aliases in force, oldest first (a newer alias of the same name wins). */
  async active(): Promise<AliasRow[]> {
    return this.db.selectFrom('unit_aliases').selectAll().where('revoked_at', 'is', null).orderBy('id').execute();
  }

  async all(): Promise<AliasRow[]> {
    return this.db.selectFrom('unit_aliases').selectAll().orderBy('id', 'desc').execute();
  }

  async revoke(id: number): Promise<AliasRow | undefined> {
    return this.db.updateTable('unit_aliases').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
  }
}

export type Unit = Extraction['unit'];

function matches(a: AliasRow, written: string | null, district: string | null, province: string | null): boolean {
  if (!written || nameKey(written) !== a.written_key) return false;
  if (a.within_district_key !== null && nameKey(district ?? '') !== a.within_district_key) return false;
  if (a.within_province_key !== null && nameKey(province ?? '') !== a.within_province_key) return false;
  return true;
}

/** The unit with the aliases applied (district first, then commune), and the aliases that applied. */
export function applyAliases(unit: Unit, aliases: readonly AliasRow[]): { unit: Unit; applied: AliasRow[] } {
  if (aliases.length === 0) return { unit, applied: [] };
  let u = { ...unit };
  const applied: AliasRow[] = [];
  const newest = (level: AliasLevel, written: string | null, district: string | null, province: string | null) =>
    [...aliases].reverse().find((a) => a.level === level && matches(a, written, district, province));
  const d = newest('district', u.district, null, u.province);
  if (d) {
    u = { ...u, district: d.target_name, province: d.target_province ?? u.province };
    applied.push(d);
  }
  const c = newest('commune', u.commune, unit.district, unit.province) ?? newest('commune', u.commune, u.district, u.province);
  if (c) {
    u = {
      ...u,
      commune: c.target_name,
      communeKind: (c.target_kind as Unit['communeKind']) ?? u.communeKind,
      district: c.target_district,
      province: c.target_province ?? u.province,
    };
    applied.push(c);
  }
  return { unit: u, applied };
}

/** The extraction with its unit aliased (a copy when an alias applies; the same object otherwise). */
export function aliasedExtraction(e: Extraction, aliases: readonly AliasRow[]): { extraction: Extraction; applied: AliasRow[] } {
  const { unit, applied } = applyAliases(e.unit, aliases);
  return applied.length ? { extraction: { ...e, unit }, applied } : { extraction: e, applied };
}

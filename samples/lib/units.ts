// The registry of administrative units (src/registry/data/units-2024.csv) and the choice of the
// communes that generated samples are written for. Every generated report is for a real
// commune of a real district; the seed's own commune (Đông Lỗ) is left to the seed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rng } from './prng.ts';

export type CommuneKind = 'xã' | 'phường' | 'thị trấn';

export interface Unit {
  provinceCode: string;
  provinceKind: string;
  province: string;
  districtCode: string;
  districtKind: string; // huyện | quận | thị xã | thành phố
  district: string;
  communeCode: string;
  communeKind: CommuneKind;
  commune: string;
}

export const REGISTRY_PATH = fileURLToPath(new URL('../../src/registry/data/units-2024.csv', import.meta.url));

/** Splits one CSV line (RFC 4180 quoting). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

let cache: Unit[] | undefined;

export function loadUnits(path = REGISTRY_PATH): Unit[] {
  if (path === REGISTRY_PATH && cache) return cache;
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]!);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`units CSV: no column ${name}`);
    return i;
  };
  const idx = {
    provinceCode: col('province_code'), provinceKind: col('province_kind'), province: col('province'),
    districtCode: col('district_code'), districtKind: col('district_kind'), district: col('district'),
    communeCode: col('commune_code'), communeKind: col('commune_kind'), commune: col('commune'),
  };
  const units = lines.slice(1).map((line): Unit => {
    const f = splitCsvLine(line);
    const get = (i: number) => f[i] ?? '';
    return {
      provinceCode: get(idx.provinceCode), provinceKind: get(idx.provinceKind), province: get(idx.province),
      districtCode: get(idx.districtCode), districtKind: get(idx.districtKind), district: get(idx.district),
      communeCode: get(idx.communeCode), communeKind: get(idx.communeKind) as CommuneKind, commune: get(idx.commune),
    };
  });
  if (path === REGISTRY_PATH) cache = units;
  return units;
}

/** The registry row of a commune, matched exactly by province, district, kind and name. */
export function findUnit(
  units: readonly Unit[],
  q: { province: string; district: string; commune: string; communeKind?: CommuneKind | null },
): Unit | undefined {
  return units.find(
    (u) => u.province === q.province && u.district === q.district && u.commune === q.commune &&
      (q.communeKind == null || u.communeKind === q.communeKind),
  );
}

/** True when no other province has a district of this name (so the registry can tell the province). */
export function districtNameIsUnique(units: readonly Unit[], district: string): boolean {
  return new Set(units.filter((u) => u.district === district).map((u) => u.provinceCode)).size === 1;
}

export const SAMPLE_PROVINCE = 'Bắc Giang';
export const SEED_DISTRICT = 'Hiệp Hòa';
export const SEED_COMMUNE = 'Đông Lỗ';

/**
 * The communes that samples are written for, in a fixed order:
 * two other xã of huyện Hiệp Hòa, xã Hòa Sơn (its name has a tone-placement variant, 'Hoà Sơn'),
 * thị trấn Thắng, a phường of thành phố Bắc Giang, xã Cảnh Thụy (a 'uy' name: 'Cảnh Thuỵ'), a phường
 * of thị xã Việt Yên, a thị trấn of another district, then one commune from each other district
 * of Bắc Giang in turn (round-robin, any kind) until `n` are chosen. Đông Lỗ is never chosen.
 */
export function pickSampleUnits(rng: Rng, n: number, units: readonly Unit[] = loadUnits()): Unit[] {
  const province = units.filter((u) => u.province === SAMPLE_PROVINCE);
  const chosen: Unit[] = [];
  const taken = new Set<string>();
  const take = (u: Unit | undefined) => {
    if (!u || taken.has(u.communeCode) || chosen.length >= n) return;
    taken.add(u.communeCode);
    chosen.push(u);
  };
  const seedDistrict = province.filter((u) => u.district === SEED_DISTRICT);
  const isSeed = (u: Unit) => u.commune === SEED_COMMUNE;
  const byName = (name: string, kind: CommuneKind) =>
    seedDistrict.find((u) => u.commune === name && u.communeKind === kind);
  const otherXa = rng.fork('hiep-hoa').shuffle(
    seedDistrict.filter((u) => u.communeKind === 'xã' && !isSeed(u) && u.commune !== 'Hòa Sơn'),
  );
  take(otherXa[0]);
  take(byName('Hòa Sơn', 'xã'));
  take(byName('Thắng', 'thị trấn'));
  take(otherXa[1]);
  take(rng.fork('phuong').pick(province.filter((u) => u.communeKind === 'phường' && u.districtKind === 'thành phố')));
  // A 'uy' name (Cảnh Thụy / Cảnh Thuỵ), a phường of the thị xã and a second thị trấn.
  take(province.find((u) => u.commune === 'Cảnh Thụy' && u.district === 'Yên Dũng'));
  take(rng.fork('phuong-tx').pick(province.filter((u) => u.communeKind === 'phường' && u.districtKind === 'thị xã')));
  take(rng.fork('thi-tran').pick(province.filter((u) => u.communeKind === 'thị trấn' && u.district !== SEED_DISTRICT)));

  // Then round-robin over the other districts (in a shuffled but fixed order).
  const districts = rng.fork('districts').shuffle(
    [...new Set(province.filter((u) => u.district !== SEED_DISTRICT).map((u) => u.district))].sort(),
  );
  const pools = new Map(districts.map((d) => [d, rng.fork(`pool-${d}`).shuffle(province.filter((u) => u.district === d))]));
  pools.set(SEED_DISTRICT, otherXa.slice(2));
  const order = [...districts, SEED_DISTRICT];
  let guard = 0;
  while (chosen.length < n && guard++ < 10_000) {
    let progressed = false;
    for (const d of order) {
      const pool = pools.get(d)!;
      const u = pool.shift();
      if (u) { take(u); progressed = true; }
      if (chosen.length >= n) break;
    }
    if (!progressed) break;
  }
  return chosen;
}

// The dated lists in src/registry/data (see data/README.md): which file is in force when, and loading
// them lazily — a list is read the first time it is needed, then kept for the process (a worker thread
// has its own module instance, so its own copy). Load time and memory are recorded per file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Crosswalk } from './crosswalk.ts';
import { UnitList } from './list.ts';

export interface ListInfo {
  id: string;
  file: string;
  /** First day in force (ISO). */
  from: string;
  levels: 2 | 3;
}

/** In date order. */
export const LISTS: readonly ListInfo[] = [
  { id: '2024-11', file: 'units-2024.csv', from: '2024-11-01', levels: 3 },
  { id: '2025-01', file: 'units-2025-01.csv', from: '2025-01-01', levels: 3 },
  { id: '2025-03', file: 'units-2025-03.csv', from: '2025-03-01', levels: 3 },
  { id: '2025-07', file: 'units-2025-07.csv', from: '2025-07-01', levels: 2 },
];

/** Dates with no list of their own. December 2024: the mergers of 1 December 2024 are in neither
 *  file's form for that month (units-2024.csv has them before, units-2025-01.csv after, together with
 *  those of 1 January 2025); a unit of either list counts as in force, the first one is primary. */
export const GAPS: readonly { from: string; to: string; lists: readonly string[] }[] = [
  { from: '2024-12-01', to: '2024-12-31', lists: ['2024-11', '2025-01'] },
];

/** The crosswalks between consecutive lists that changed codes' meaning (only 1 July 2025 has one). */
export const CROSSWALKS: readonly { file: string; from: string; to: string }[] = [
  { file: 'crosswalk-2025-07.csv', from: '2025-03', to: '2025-07' },
];

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export function listInfo(id: string): ListInfo {
  const info = LISTS.find((l) => l.id === id);
  if (!info) throw new Error(`registry: no list '${id}'`);
  return info;
}

/** The lists in force on an ISO date, the primary one first. Before the first list (1 Nov 2024) the
 *  first list stands in for it (units merged away earlier in 2024 are not in it). */
export function listsInForce(date: string): string[] {
  const gap = GAPS.find((g) => date >= g.from && date <= g.to);
  if (gap) return [...gap.lists];
  let id = LISTS[0]!.id;
  for (const l of LISTS) if (date >= l.from) id = l.id;
  return [id];
}

export interface LoadStat {
  file: string;
  rows: number;
  ms: number;
  /** Growth of the process's RSS and V8 heap while the file was read and indexed (bytes; noisy). */
  rssBytes: number;
  heapBytes: number;
}

const lists = new Map<string, UnitList>();
const crosswalks = new Map<string, Crosswalk>();
const stats: LoadStat[] = [];

function measured<T>(file: string, load: () => T, rows: (t: T) => number): T {
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const value = load();
  const m1 = process.memoryUsage();
  stats.push({ file, rows: rows(value), ms: performance.now() - t0, rssBytes: m1.rss - m0.rss, heapBytes: m1.heapUsed - m0.heapUsed });
  return value;
}

/** One list, read at first use and kept. */
export function loadList(id: string): UnitList {
  let list = lists.get(id);
  if (!list) {
    const info = listInfo(id);
    list = measured(info.file, () => UnitList.fromCsv(readFileSync(DATA_DIR + info.file, 'utf8'), info.id, info.from), (l) => l.units.length);
    lists.set(id, list);
  }
  return list;
}

/** The crosswalk into list `to`, read at first use and kept; null when there is none. */
export function loadCrosswalk(to: string): Crosswalk | null {
  const info = CROSSWALKS.find((c) => c.to === to);
  if (!info) return null;
  let cw = crosswalks.get(to);
  if (!cw) {
    cw = measured(info.file, () => Crosswalk.fromCsv(readFileSync(DATA_DIR + info.file, 'utf8'), info.from, info.to), (c) => c.rows.length);
    crosswalks.set(to, cw);
  }
  return cw;
}

/** The lists loaded so far in this process (or thread), with their load time and memory. */
export function loadedFiles(): readonly LoadStat[] {
  return stats;
}

// Lists the report files of an inbox folder (recursively), skipping what is not a received file.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Folders the pipeline writes into, inside an inbox (never scanned for new files). */
export const OUTCOME_FOLDERS = ['processed', 'failed', 'duplicates', 'not-a-report'] as const;
export type OutcomeFolder = (typeof OUTCOME_FOLDERS)[number];

/** Editor lock files, OS metadata and our own side files are never reports. */
export function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.startsWith('._') ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini' ||
    name.endsWith('.error.json') ||
    name.endsWith('.expected.json') ||
    name.endsWith('.tmp') ||
    name.endsWith('.part')
  );
}

export async function listInbox(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string, depth: number): Promise<void> {
    // A subfolder may vanish (moved away) between listing and walking it.
    const entries = await readdir(d, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (depth > 0 && err.code === 'ENOENT') return [];
      throw err;
    });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (isIgnored(e.name)) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (depth === 0 && (OUTCOME_FOLDERS as readonly string[]).includes(e.name)) continue;
        await walk(full, depth + 1);
      } else if (e.isFile()) {
        out.push(full);
      }
    }
  }
  await walk(dir, 0);
  return out;
}

// Reading the registry's CSV files (RFC 4180, one header row): records keyed by column name.

/** Splits one CSV line (RFC 4180 quoting). */
export function csvFields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The rows of a CSV text as records of the named columns (NFC, trimmed); throws when a column is missing. */
export function readCsv<K extends string>(text: string, columns: readonly K[], optional: readonly K[] = []): Record<K, string | null>[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = csvFields(lines[0] ?? '').map((h) => h.trim());
  const index = columns.map((name) => {
    const i = header.indexOf(name);
    if (i < 0 && !optional.includes(name)) throw new Error(`registry: column '${name}' missing`);
    return i;
  });
  const rows: Record<K, string | null>[] = [];
  for (const line of lines.slice(1)) {
    const f = csvFields(line);
    const row = {} as Record<K, string | null>;
    columns.forEach((name, c) => {
      const i = index[c]!;
      row[name] = i < 0 ? null : (f[i] ?? '').normalize('NFC').trim();
    });
    rows.push(row);
  }
  return rows;
}

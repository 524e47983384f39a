// Legacy Word samples (samples/legacy-word/): some generated reports again, as a commune with
// old software sends them — Word 97 .doc (LibreOffice converts the .docx), .docx typed in legacy
// Vietnamese fonts (TCVN3 '.VnTime'/'.VnTimeH', VNI 'VNI-Times'), and .doc in those fonts. The
// expected extraction is the report's own (the text is the same once decoded).
//
// TCVN3 text is written as a commune's ABC keyboard writes it: the normal font ('.VnTime') for
// everything it has, the capitals font ('.VnTimeH', lower-case bytes drawn as capitals) for runs
// in capitals and for each capital with a tone in mixed text. One TCVN3 variant leaves the font to
// the document default (docDefaults), the other names it on every run.
//
// LibreOffice stamps a .doc with the time of the run; to keep reruns byte-identical, a .doc is
// converted again only when the .docx it comes from changed (its sha256 is kept in meta).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeLegacy, type LegacyEncoding } from '../../src/parse/legacy-fonts/index.ts';
import type { ComposedReport } from './compose.ts';
import { formatExpected, parseExpected, type Expected } from './expected.ts';
import type { Block, DocModel, Para, Run } from './model.ts';
import { renderDocx } from './render-docx.ts';
import { docxToDoc } from './soffice.ts';

export type LegacyOutput = 'doc' | 'docx-tcvn3' | 'docx-vni' | 'doc-tcvn3' | 'doc-vni';

/** Which generated reports (plan index) get which legacy form. */
export const LEGACY_PLAN: readonly { index: number; output: LegacyOutput; fonts: 'default' | 'runs' }[] = [
  { index: 3, output: 'doc', fonts: 'default' },
  { index: 22, output: 'doc', fonts: 'default' },
  { index: 45, output: 'doc', fonts: 'default' },
  { index: 8, output: 'docx-tcvn3', fonts: 'default' },
  { index: 29, output: 'docx-tcvn3', fonts: 'runs' },
  { index: 50, output: 'docx-tcvn3', fonts: 'default' },
  { index: 14, output: 'docx-vni', fonts: 'default' },
  { index: 35, output: 'docx-vni', fonts: 'runs' },
  { index: 56, output: 'docx-vni', fonts: 'default' },
  { index: 17, output: 'doc-tcvn3', fonts: 'runs' },
  { index: 40, output: 'doc-tcvn3', fonts: 'default' },
  { index: 25, output: 'doc-vni', fonts: 'default' },
];

export interface LegacySample {
  id: string;
  file: string;
  output: LegacyOutput;
  model: DocModel;
  expected: Expected;
}

const TCVN3 = { normal: '.VnTime', capitals: '.VnTimeH' };
const VNI = 'VNI-Times';

/** The legacy samples of a set of composed reports (those the plan names and that exist). */
export function planLegacy(reports: readonly ComposedReport[]): LegacySample[] {
  const byIndex = new Map(reports.filter((r) => !r.spec.other).map((r) => [r.spec.index, r]));
  const out: LegacySample[] = [];
  for (const { index, output, fonts } of LEGACY_PLAN) {
    const r = byIndex.get(index);
    if (!r) continue;
    const id = `${r.spec.id}-${output}`;
    const ext = output.startsWith('doc-') || output === 'doc' ? 'doc' : 'docx';
    const encoding: LegacyEncoding | null = output.endsWith('tcvn3') ? 'tcvn3' : output.endsWith('vni') ? 'vni' : null;
    const model = encoding ? toLegacyModel(r.model, encoding, fonts) : r.model;
    const expected: Expected = {
      ...r.expected,
      id,
      source: { file: `${id}.${ext}`, format: ext },
      meta: { ...(r.expected.meta ?? {}), output, legacyFonts: encoding ? `${encoding}, fonts ${fonts === 'runs' ? 'on every run' : 'from the document default'}` : 'none', from: r.spec.id },
    };
    out.push({ id, file: `${id}.${ext}`, output, model, expected });
  }
  return out;
}

/** The model with every run in a legacy font (encoded text, font names as described above). */
export function toLegacyModel(model: DocModel, encoding: LegacyEncoding, fonts: 'default' | 'runs'): DocModel {
  const base = encoding === 'tcvn3' ? TCVN3.normal : VNI;
  const mapPara = (p: Para): Para => ({ ...p, runs: p.runs.flatMap((r) => legacyRuns(r, encoding, fonts === 'runs')) });
  const blocks: Block[] = model.blocks.map((b) =>
    b.kind === 'p' ? mapPara(b) : b.kind === 'table' ? { ...b, rows: b.rows.map((row) => row.map((c) => ({ ...c, paras: c.paras.map(mapPara) }))) } : b,
  );
  return { ...model, font: base, blocks };
}

type Piece = 'normal' | 'capitals' | 'unicode';

/** A run in legacy fonts, split where the font must change: TCVN3 text in capitals goes whole to
 *  the capitals font; in mixed text each capital with a tone (the normal font lacks them) goes to
 *  a capitals-font run of its own; characters no legacy font has ('²', '–', '“') stay Unicode in a
 *  Unicode font, as a symbol inserted from Times New Roman. */
function legacyRuns(r: Run, encoding: LegacyEncoding, named: boolean): Run[] {
  const text = r.text.normalize('NFC');
  const letters = text.replace(/[^\p{L}]/gu, '');
  const allCaps = encoding === 'tcvn3' && letters.length >= 2 && letters === letters.toUpperCase() && /[^\x00-\x7f]/.test(letters);
  const kind = (ch: string): Piece => {
    if (ch.charCodeAt(0) < 0x80) return allCaps ? 'capitals' : 'normal';
    if (encodable(ch, encoding, false) && !allCaps) return 'normal';
    if (encoding === 'tcvn3' && encodable(ch, encoding, true)) return 'capitals';
    return 'unicode';
  };
  const pieces: { kind: Piece; text: string }[] = [];
  for (const ch of text) {
    const k = kind(ch);
    const last = pieces[pieces.length - 1];
    if (last && last.kind === k) last.text += ch;
    else pieces.push({ kind: k, text: ch });
  }
  if (!pieces.length) return [{ ...r, ...(named ? { font: encoding === 'tcvn3' ? TCVN3.normal : VNI } : {}) }];
  return pieces.map((p, i) => {
    const extra = i === 0 ? {} : { br: false, tab: false };
    if (p.kind === 'unicode') return { ...r, ...extra, text: p.text, font: 'Times New Roman' };
    if (p.kind === 'capitals') return { ...r, ...extra, text: encodeLegacy(p.text, 'tcvn3', { upper: true }), font: TCVN3.capitals };
    return { ...r, ...extra, text: encodeLegacy(p.text, encoding), ...(named ? { font: encoding === 'tcvn3' ? TCVN3.normal : VNI } : {}) };
  });
}

function encodable(ch: string, encoding: LegacyEncoding, upper: boolean): boolean {
  if (upper && ch !== ch.toUpperCase()) return false;
  try {
    encodeLegacy(ch, encoding, { upper });
    return true;
  } catch {
    return false;
  }
}

/** Writes the legacy samples into `dir` with their expected files and index.json; returns the
 *  file names written (samples and expected files). Needs LibreOffice for the .doc files. */
export async function writeLegacySamples(samples: readonly LegacySample[], dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'baocao-legacy-'));
  const written: string[] = [];
  try {
    const toConvert: { sample: LegacySample; docx: string; sha: string }[] = [];
    for (const s of samples) {
      const docx = await renderDocx(s.model);
      const sha = createHash('sha256').update(docx).digest('hex');
      s.expected.meta = { ...s.expected.meta, sourceDocxSha256: sha };
      if (s.file.endsWith('.docx')) writeFileSync(join(dir, s.file), docx);
      else if (!sameSource(dir, s, sha)) {
        const p = join(tmp, `${s.id}.docx`);
        writeFileSync(p, docx);
        toConvert.push({ sample: s, docx: p, sha });
      }
      written.push(s.file, `${s.id}.expected.json`);
    }
    for (const doc of await docxToDoc(toConvert.map((c) => c.docx), tmp)) {
      const id = doc.slice(tmp.length + 1, -'.doc'.length);
      writeFileSync(join(dir, `${id}.doc`), readFileSync(doc));
    }
    for (const s of samples) writeFileSync(join(dir, `${s.id}.expected.json`), formatExpected(s.expected));
    const index = samples.map((s) => ({ id: s.id, file: s.file, expected: `${s.id}.expected.json`, output: s.output, from: s.expected.meta?.from }));
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    for (const f of readdirSync(dir)) if (/\.(docx?|expected\.json)$/.test(f) && !written.includes(f)) rmSync(join(dir, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

/** The .doc on disk was made from this very .docx (same sha256 in its expected file). */
function sameSource(dir: string, s: LegacySample, sha: string): boolean {
  const doc = join(dir, s.file);
  const exp = join(dir, `${s.id}.expected.json`);
  if (!existsSync(doc) || !existsSync(exp)) return false;
  try {
    return parseExpected(readFileSync(exp, 'utf8')).meta?.sourceDocxSha256 === sha;
  } catch {
    return false;
  }
}

// The legacy Word samples (samples/legacy-word, samples/lib/legacy-word.ts): what the generator
// makes is what is committed, the files are what their names say (Word 97 .doc; .docx whose runs
// are in TCVN3/VNI fonts, with the text encoded), and they decode back to their reports' text.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAll, LEGACY_DIR } from '../samples/generate.ts';
import { formatExpected } from '../samples/lib/expected.ts';
import { planLegacy } from '../samples/lib/legacy-word.ts';
import { modelToText } from '../samples/lib/model.ts';
import { renderDocx } from '../samples/lib/render-docx.ts';
import { readZipEntry } from '../src/parse/zip.ts';
import { decodeLegacy } from '../src/parse/legacy-fonts/index.ts';

const reports = composeAll();
const samples = planLegacy(reports);

describe('legacy Word samples', () => {
  it('cover .doc, TCVN3 and VNI (in .docx and in .doc), three periods', () => {
    const outputs = new Set(samples.map((s) => s.output));
    expect([...outputs].sort()).toEqual(['doc', 'doc-tcvn3', 'doc-vni', 'docx-tcvn3', 'docx-vni']);
    expect(new Set(samples.map((s) => s.expected.period)).size).toBe(3);
    expect(samples.some((s) => s.expected.expectedFlags.length > 0)).toBe(true);
  });

  it('are committed as the generator makes them', async () => {
    const files = readdirSync(LEGACY_DIR);
    expect(files.filter((f) => f.endsWith('.expected.json')).sort()).toEqual(samples.map((s) => `${s.id}.expected.json`).sort());
    for (const s of samples) {
      const docx = await renderDocx(s.model);
      const sha = createHash('sha256').update(docx).digest('hex');
      const committed = JSON.parse(readFileSync(join(LEGACY_DIR, `${s.id}.expected.json`), 'utf8')) as { meta: { sourceDocxSha256: string } };
      expect(committed.meta.sourceDocxSha256, s.id).toBe(sha);
      s.expected.meta = { ...s.expected.meta, sourceDocxSha256: sha };
      expect(readFileSync(join(LEGACY_DIR, `${s.id}.expected.json`), 'utf8'), s.id).toBe(formatExpected(s.expected));
      const file = readFileSync(join(LEGACY_DIR, s.file));
      if (s.file.endsWith('.docx')) expect(Buffer.compare(file, docx), s.id).toBe(0);
      else expect(file.subarray(0, 8).toString('hex'), s.id).toBe('d0cf11e0a1b11ae1');
    }
  });

  it('TCVN3/VNI .docx runs are in legacy fonts, with text no Unicode reader would understand', () => {
    for (const s of samples.filter((x) => x.output.startsWith('docx-'))) {
      const xml = readZipEntry(readFileSync(join(LEGACY_DIR, s.file)), 'word/document.xml')!.toString('utf8');
      const styles = readZipEntry(readFileSync(join(LEGACY_DIR, s.file)), 'word/styles.xml')!.toString('utf8');
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const font = s.output === 'docx-tcvn3' ? '.VnTime' : 'VNI-Times';
      expect(styles + xml, s.id).toContain(`w:ascii="${font}"`);
      expect(text, s.id).not.toMatch(/thân thiện|Báo cáo|BÁO CÁO/);
      // The report's own words, once decoded (TCVN3 capitals runs aside).
      const plain = decodeLegacy(text, s.output === 'docx-tcvn3' ? 'tcvn3' : 'vni');
      expect(plain, s.id).toMatch(/chính quyền thân thiện/);
      expect(modelToText(reports.find((r) => s.id.startsWith(r.spec.id))!.model)).toMatch(/chính quyền thân thiện/);
    }
  });
});

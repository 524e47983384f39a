// Builds the .docx and .pdf of some held-out reports from their hand-typed text:
//   text → simple HTML → LibreOffice (Writer HTML import) → .docx → LibreOffice → .pdf
// Run by hand (`npx tsx test/heldout/build.ts`) after editing a text; the outputs are committed and
// the tests never run soffice. The HTML is what a clerk's Word file looks like: header and signature
// blocks as borderless two-column tables, headings as bold paragraphs (or as Word heading styles for
// some files), data tables with borders, the date line in italics.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

/** Which texts get a .docx and a .pdf, and how their headings are made. */
export const BUILT: Record<string, { headings: 'bold' | 'styles' | 'plain' }> = {
  'nghe-an-quynh-doi-2024': { headings: 'bold' },
  'ha-noi-phuc-loi-2024-q3': { headings: 'styles' },
  'da-nang-hoa-khe-2024-9m': { headings: 'bold' },
  'thanh-hoa-lam-son-2024-h1': { headings: 'plain' },
  'bac-giang-tien-nha-2024': { headings: 'bold' },
  'ha-tinh-cam-binh-2024-h2': { headings: 'styles' },
  'nghe-an-quynh-doi-ke-hoach-2025': { headings: 'bold' },
  'quang-ninh-p-cam-binh-2024': { headings: 'bold' },
  'nghe-an-tt-cau-giat-2025-q1': { headings: 'plain' },
  'bac-giang-tam-tien-2024-h1': { headings: 'styles' },
  'thanh-hoa-hoang-xuan-2024': { headings: 'bold' },
  'hcm-go-vap-p-13-2024-h1': { headings: 'styles' },
  'thai-binh-dang-uy-dong-cuong-2024-h1': { headings: 'bold' },
  'bac-giang-tan-hung-2024-h1': { headings: 'bold' },
  'thai-nguyen-yen-lac-2024': { headings: 'styles' },
  'thanh-hoa-xuan-lam-2024-9m': { headings: 'plain' },
  'bac-ninh-quang-phu-2024-h2': { headings: 'bold' },
  'hai-duong-cam-vu-2024': { headings: 'styles' },
  'bac-giang-tt-voi-2024-h1': { headings: 'bold' },
  'thai-binh-hong-minh-2024-h2': { headings: 'plain' },
  'bac-giang-p-da-mai-2024-h1': { headings: 'bold' },
  'nghe-an-nghia-binh-2024': { headings: 'styles' },
  'bac-giang-my-thai-2024': { headings: 'bold' },
  'bac-giang-huong-son-2024-h2': { headings: 'styles' },
  'thai-binh-canh-tan-2024': { headings: 'bold' },
  'bac-giang-tt-kep-2024': { headings: 'plain' },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2,}/g, (m) => ' ' + '&nbsp;'.repeat(m.length - 1));

/** Heading level of a line, or 0: 'PHẦN …' / 'A. …' → 1, 'I. …' → 2, '1. …' / '1/' / '1)' → 3. */
function headingLevel(line: string): number {
  if (/^(PHẦN|Phần)\s/u.test(line) || /^[A-D]\.\s+\p{Lu}/u.test(line)) return 1;
  if (/^[IVX]{1,4}\s*[.\-–]\s+\p{Lu}/u.test(line)) return 2;
  if (/^\d{1,2}\s*[./)]\s*\p{Lu}/u.test(line) && line.length < 120 && !/[.;]$/.test(line)) return 3;
  if (/^[a-zđ][/)]\s+\p{Lu}/u.test(line) && line.length < 80) return 3;
  return 0;
}

function para(text: string, opts: { bold?: boolean; italic?: boolean; center?: boolean; tag?: string } = {}): string {
  let t = esc(text);
  if (opts.italic) t = `<i>${t}</i>`;
  if (opts.bold) t = `<b>${t}</b>`;
  const tag = opts.tag ?? 'p';
  const style = `font-family:'Times New Roman'; font-size:13pt; text-align:${opts.center ? 'center' : 'justify'}; margin:0 0 6pt 0`;
  return `<${tag} style="${style}">${t}</${tag}>`;
}

function table(rows: string[][], bordered: boolean): string {
  const width = Math.max(...rows.map((r) => r.length));
  const border = bordered ? '1px solid #000' : 'none';
  const body = rows.map((r) => {
    const cells = Array.from({ length: width }, (_, i) => r[i] ?? '');
    const tds = cells.map((c) => {
      const bold = !bordered && /^(ỦY BAN|UỶ BAN|UBND|CỘNG H|ĐẢNG|TM\.|KT\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|XÃ |PHƯỜNG |Độc lập|Nơi nhận)/u.test(c);
      const italic = !bordered && /, ngày/.test(c);
      return `<td style="border:${border}; padding:1pt 3pt" valign="top">${para(c || ' ', { bold, italic, center: !bordered && !/^[-+]/.test(c) && !/^Nơi nhận/.test(c) })}</td>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table ${bordered ? 'border="1" ' : ''}cellspacing="0" cellpadding="2" width="100%" style="width:100%; border-collapse:collapse">\n${body.join('\n')}\n</table>`;
}

/** The text of a held-out report as HTML. */
export function toHtml(text: string, headings: 'bold' | 'styles' | 'plain'): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let rows: string[][] = [];
  let seenTitle = false;
  let titleLines = 0;
  let closing = false;
  const flush = () => {
    if (!rows.length) return;
    const first = rows[0]!.join(' ');
    const bordered = !/^(ỦY BAN|UỶ BAN|UBND|Nơi nhận|ĐẢNG)/u.test(first);
    out.push(table(rows, bordered));
    rows = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) { rows.push(line.split('\t').map((c) => c.trim())); continue; }
    flush();
    const t = line.trim();
    if (!t) continue;
    if (!seenTitle && /^(BÁO CÁO|KẾ HOẠCH)$/u.test(t)) { seenTitle = true; titleLines = 1; out.push(para(t, { bold: true, center: true })); continue; }
    if (titleLines === 1) { titleLines = 2; out.push(para(t, { bold: true, center: true })); continue; }
    if (!seenTitle) {
      // Header lines typed as paragraphs.
      out.push(para(t, { bold: /^[\p{Lu}\s\-–:]+$/u.test(t) && !/^Số/u.test(t), italic: /, ngày/.test(t), center: true }));
      continue;
    }
    if (/^Nơi nhận/u.test(t)) closing = true;
    if (closing && (/^(TM|KT|T\/M)\.?|^[\p{Lu}\s.]+$/u.test(t))) { out.push(para(t, { bold: true, center: true })); continue; }
    if (closing && /^\p{Lu}\p{Ll}+(\s\p{Lu}\p{Ll}*){1,4}$/u.test(t)) { out.push(para(t, { bold: true, center: true })); continue; }
    if (/^(PHỤ LỤC|BIỂU)/u.test(t)) { out.push(para(t, { bold: true, center: true })); continue; }
    const level = headingLevel(t);
    if (level && !closing) {
      if (headings === 'styles') out.push(para(t, { tag: `h${level}`, bold: false }));
      else out.push(para(t, { bold: headings === 'bold' }));
      continue;
    }
    out.push(para(t));
  }
  flush();
  return [
    '<!DOCTYPE html>',
    '<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    "<style>body { font-family: 'Times New Roman'; font-size: 13pt; } @page { size: 21cm 29.7cm; margin: 2cm 2cm 2cm 3cm; }</style>",
    '</head><body>',
    ...out,
    '</body></html>',
    '',
  ].join('\n');
}

async function soffice(args: string[]): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'heldout-soffice-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`soffice exited with ${code}: ${err}`))));
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Builds the given ids (all of BUILT when none is given): `npx tsx test/heldout/build.ts ID …`. */
async function main(only: string[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'heldout-build-'));
  const built = Object.fromEntries(Object.entries(BUILT).filter(([id]) => !only.length || only.includes(id)));
  try {
    const html = Object.entries(built).map(([id, opt]) => {
      const file = join(work, `${id}.html`);
      writeFileSync(file, toHtml(readFileSync(join(DIR, `${id}.txt`), 'utf8'), opt.headings));
      return file;
    });
    await soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, ...html]);
    const docx = Object.keys(built).map((id) => join(work, `${id}.docx`));
    await soffice(['--convert-to', 'pdf', '--outdir', work, ...docx]);
    for (const id of Object.keys(built)) {
      for (const ext of ['docx', 'pdf']) copyFileSync(join(work, `${id}.${ext}`), join(DIR, `${id}.${ext}`));
      console.log(`${id}: .docx, .pdf`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));

// DocModel → HTML for LibreOffice's Writer HTML import (then saved as .docx / PDF). Inline styles
// carry the font, sizes, alignment and indents; headings become <h1>–<h3> (Word heading styles
// after import); tables keep colspan/rowspan. Tabs and landscape sections have no HTML form:
// tabs become spaces, a section break becomes a page break.
import type { Block, DocModel, Para, Run, Table } from './model.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Keeps runs of spaces (blank day in 'ngày    tháng') as the report typed them. */
const spaces = (s: string) => esc(s).replace(/ {2,}/g, (m) => ' ' + '&nbsp;'.repeat(m.length - 1));

function run(r: Run): string {
  let t = (r.tab ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '') + spaces(r.text);
  if (r.underline) t = `<u>${t}</u>`;
  if (r.italic) t = `<i>${t}</i>`;
  if (r.bold) t = `<b>${t}</b>`;
  return (r.br ? '<br>' : '') + t;
}

function paraHtml(p: Para, doc: DocModel, opts: { pageBreak?: boolean; tableSize?: number } = {}): string {
  const size = p.size ?? opts.tableSize ?? doc.size;
  const css = [
    `font-family:'${doc.font}'`,
    `font-size:${size}pt`,
    `text-align:${p.align ?? 'left'}`,
    `margin-top:${p.spaceBeforePt ?? 0}pt`,
    `margin-bottom:${p.spaceAfterPt ?? (opts.tableSize ? 0 : 6)}pt`,
  ];
  if (p.indentCm) css.push(`text-indent:${p.indentCm}cm`);
  if (p.leftCm) css.push(`margin-left:${p.leftCm}cm`);
  if (p.heading) css.push('font-weight:normal', 'font-style:normal');
  if (opts.pageBreak) css.push('page-break-before:always');
  const tag = p.heading ? `h${p.heading}` : 'p';
  const inner = p.runs.map(run).join('') || '&nbsp;';
  return `<${tag} style="${css.join('; ')}">${inner}</${tag}>`;
}

function tableHtml(t: Table, doc: DocModel, pageBreak: boolean): string {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const border = t.borders ? '1px solid #000000' : 'none';
  const cols = t.widths.map((w) => `<col width="${Math.round((w / sum) * 100)}%">`).join('');
  const rows = t.rows
    .map((row) => {
      const cells = row
        .map((c) => {
          const attrs = [
            c.colSpan ? `colspan="${c.colSpan}"` : '',
            c.rowSpan ? `rowspan="${c.rowSpan}"` : '',
            `valign="${c.vAlign === 'top' ? 'top' : 'middle'}"`,
            `style="border:${border}; padding:1pt 3pt"`,
          ].filter(Boolean).join(' ');
          const paras = (c.paras.length ? c.paras : [{ kind: 'p' as const, runs: [] }]).map((p) => paraHtml(p, doc, { tableSize: t.size ?? doc.size })).join('');
          return `<td ${attrs}>${paras}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  const style = `width:100%; border-collapse:collapse${pageBreak ? '; page-break-before:always' : ''}`;
  return `<table ${t.borders ? 'border="1" ' : ''}cellspacing="0" cellpadding="2" width="100%" style="${style}">${cols}\n${rows}\n</table>`;
}

export function renderHtml(doc: DocModel): string {
  const out: string[] = [];
  let pageBreak = false;
  for (const b of doc.blocks as Block[]) {
    if (b.kind === 'section') { pageBreak = true; continue; }
    out.push(b.kind === 'p' ? paraHtml(b, doc, { pageBreak }) : tableHtml(b, doc, pageBreak));
    pageBreak = false;
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="vi"><head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${esc(doc.title)}</title>`,
    `<meta name="author" content="${esc(doc.author)}">`,
    `<style>body { font-family: '${doc.font}'; font-size: ${doc.size}pt; } @page { size: 21cm 29.7cm; margin: 2cm 2cm 2cm 3cm; }</style>`,
    '</head><body>',
    ...out,
    '</body></html>',
    '',
  ].join('\n');
}

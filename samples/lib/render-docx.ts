// DocModel → .docx with the `docx` package: Times New Roman, A4, Word heading styles when a
// paragraph asks for one, borderless layout tables, merged cells (rowSpan/columnSpan), and
// new sections (landscape annexes).
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Tab,
  Table, TableBorders, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, DocModel, Para, Table as ModelTable } from './model.ts';
import { normalizeDocx } from './zip.ts';

const CM = 567; // twips per cm
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function renderPara(p: Para, inTable: boolean, tableSize?: number): Paragraph {
  const size = p.size ?? tableSize;
  const children = p.runs.map((r) => {
    const parts: (Tab | string)[] = [];
    if (r.tab) parts.push(new Tab());
    if (r.text) parts.push(r.text);
    return new TextRun({
      children: parts,
      bold: r.bold || undefined,
      italics: r.italic || undefined,
      underline: r.underline ? {} : undefined,
      size: size ? size * 2 : undefined,
      break: r.br ? 1 : undefined,
      font: r.font,
    });
  });
  return new Paragraph({
    children,
    alignment: p.align ? ALIGN[p.align] : undefined,
    heading: p.heading ? HEADING[p.heading] : undefined,
    indent:
      p.indentCm || p.leftCm
        ? { firstLine: p.indentCm ? Math.round(p.indentCm * CM) : undefined, left: p.leftCm ? Math.round(p.leftCm * CM) : undefined }
        : undefined,
    spacing: {
      before: p.spaceBeforePt !== undefined ? p.spaceBeforePt * 20 : inTable ? 0 : undefined,
      after: p.spaceAfterPt !== undefined ? p.spaceAfterPt * 20 : inTable ? 0 : undefined,
      line: inTable ? 240 : undefined,
    },
    tabStops: p.tabs?.map((t) => ({
      type: t.align === 'center' ? TabStopType.CENTER : t.align === 'right' ? TabStopType.RIGHT : TabStopType.LEFT,
      position: Math.round(t.cm * CM),
    })),
    keepNext: p.keepNext || undefined,
  });
}

function renderTable(t: ModelTable, contentWidth: number): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => Math.floor((w / sum) * contentWidth));
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  return new Table({
    columnWidths: cols,
    width: { size: cols.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: t.borders ? undefined : TableBorders.NONE,
    rows: t.rows.map((row) => {
      let ci = 0;
      return new TableRow({
        cantSplit: !t.borders || undefined,
        children: row.map((c) => {
          const span = c.colSpan ?? 1;
          const width = cols.slice(ci, ci + span).reduce((a, b) => a + b, 0);
          ci += span;
          return new TableCell({
            children: (c.paras.length ? c.paras : [{ kind: 'p' as const, runs: [] }]).map((p) => renderPara(p, true, t.size)),
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            verticalAlign: c.vAlign === 'top' ? VerticalAlign.TOP : VerticalAlign.CENTER,
            width: { size: width, type: WidthType.DXA },
            borders: t.borders ? undefined : noBorders,
          });
        }),
      });
    }),
  });
}

/** Renders the model to .docx bytes (with fixed time stamps: the same model gives the same bytes). */
export async function renderDocx(doc: DocModel): Promise<Buffer> {
  // Split the blocks into sections at each SectionBreak.
  const sections: { landscape: boolean; blocks: Block[] }[] = [{ landscape: false, blocks: [] }];
  for (const b of doc.blocks) {
    if (b.kind === 'section') sections.push({ landscape: b.landscape, blocks: [] });
    else sections[sections.length - 1]!.blocks.push(b);
  }
  const headingStyle = (after: number) => ({
    run: { font: doc.font, size: doc.size * 2, color: '000000', bold: false, italics: false },
    paragraph: { spacing: { before: 120, after, line: 276 } },
  });
  const document = new Document({
    creator: doc.author,
    lastModifiedBy: doc.author,
    title: doc.title,
    styles: {
      default: {
        document: {
          run: { font: doc.font, size: doc.size * 2 },
          paragraph: { spacing: { before: 0, after: 120, line: 276 } },
        },
        heading1: headingStyle(120),
        heading2: headingStyle(60),
        heading3: headingStyle(60),
      },
    },
    sections: sections.map((s) => {
      const width = s.landscape ? A4.height : A4.width;
      const contentWidth = width - MARGIN.left - MARGIN.right;
      return {
        properties: {
          page: {
            // The docx package takes portrait dimensions and swaps them for landscape.
            size: { width: A4.width, height: A4.height, orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: s.landscape ? { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom } : MARGIN,
          },
        },
        children: s.blocks.map((b) =>
          b.kind === 'p' ? renderPara(b, false) : renderTable(b as ModelTable, s.landscape ? A4.height - MARGIN.top - MARGIN.bottom : contentWidth),
        ),
      };
    }),
  });
  const buf = await Packer.toBuffer(document);
  return normalizeDocx(Buffer.from(buf), doc.created);
}

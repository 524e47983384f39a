// The typed document model: what every parser produces and every extractor reads.
// Parsers (src/parse/) know nothing of reports; extractors know nothing of file formats.

/** Section path from the report's own numbering, outermost first, e.g. ["III", "2", "2.4"].
 *  Annexes after the signature get a root of their own: ["PL1"], ["PL3", "3"]. */
export type SectionPath = string[];

/** Where a block sits in the layout of an administrative document (Nghị định 30/2020). */
export type Region =
  | 'header'      // issuing body, motto, 'Số:' line, place-and-date line
  | 'title'       // 'BÁO CÁO' and the summary line(s)
  | 'body'        // numbered sections
  | 'closing'     // 'Nơi nhận:' list and the signature block
  | 'annex';      // 'BIỂU TỔNG HỢP …', 'TỔNG HỢP …', 'PHỤ LỤC …' after the signature

export interface Heading {
  /** Nesting depth, 1 = outermost ('I.', 'PHẦN I', 'A.'); deeper numbering gets higher levels. */
  level: number;
  /** The numbering label without punctuation: 'III', '2', '2.4', 'a'. For annex titles 'PL1', 'PL2' … */
  label: string;
  /** Heading text without its numbering. */
  title: string;
}

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  /** Word heading style level (h1 = 1 …) when the producer used one. */
  headingStyle?: number;
  /** 'center' etc. when the format tells it (PDF usually does not). */
  align?: string;
}

export interface Paragraph {
  kind: 'paragraph';
  /** 0-based position in document order (paragraphs and tables share the sequence). */
  index: number;
  /** NFC, single-spaced, trimmed. Never empty. */
  text: string;
  style: TextStyle;
  /** Set when this paragraph is a section heading. */
  heading?: Heading;
  /** Path of the section this paragraph belongs to (a heading belongs to its own section). */
  section: SectionPath;
  region: Region;
  /** OCR only (format 'pdf-ocr'): parts of `text` read with low confidence, for review. */
  uncertain?: UncertainSpan[];
}

/** A part of a text that OCR could not read confidently: `text.slice(start, end)` (UTF-16
 *  offsets), tesseract's word confidence 0–100. Absent or empty: nothing uncertain (and always
 *  absent for text that was not OCR'd). A value whose quote overlaps a span should be reviewed. */
export interface UncertainSpan {
  start: number;
  end: number;
  confidence: number;
}

export interface TableCell {
  /** NFC, single-spaced; paragraphs inside the cell joined with '\n'. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** OCR only: parts of `text` read with low confidence (see UncertainSpan). */
  uncertain?: UncertainSpan[];
}

export interface Table {
  kind: 'table';
  index: number;
  /** Cells as the file lists them (row by row, merged cells once). */
  cells: TableCell[][];
  /** Rectangular grid with merged cells resolved: a merged cell's text repeats over every
   *  position it covers, so grid[r][c] always answers "what is written at row r, column c". */
  grid: string[][];
  section: SectionPath;
  region: Region;
}

export type Block = Paragraph | Table;

export type SourceFormat = 'docx' | 'doc' | 'pdf' | 'pdf-ocr';

export interface DocumentModel {
  format: SourceFormat;
  blocks: Block[];
  /** Pages when the format knows them (PDF). */
  pageCount: number | null;
}

/** Render a section path for people and for provenance: ["III","2","2.4"] → "III > 2 > 2.4". */
export function sectionLabel(path: SectionPath): string {
  return path.join(' > ');
}

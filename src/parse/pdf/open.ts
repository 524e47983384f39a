// Step 1 of the PDF path: bytes → an open MuPDF document, or a one-line reason why not.
// MuPDF.js (npm `mupdf`, WebAssembly) is loaded once per process, on first use.
import { BaocaoError } from '../../errors.ts';

export type Mupdf = typeof import('mupdf');
export type PdfDocument = InstanceType<Mupdf['Document']>;
export type PdfPage = ReturnType<PdfDocument['loadPage']>;

let loading: Promise<Mupdf> | null = null;

/** The MuPDF module (its WebAssembly is compiled on first import: ~0.1 s). */
export function mupdf(): Promise<Mupdf> {
  loading ??= import('mupdf').then((m) => {
    // MuPDF prints warnings about damaged files on stderr by default; stderr is for the one-line
    // reason of a failure only.
    m.setLog(() => undefined);
    return m;
  });
  return loading;
}

export interface OpenedPdf {
  doc: PdfDocument;
  pageCount: number;
}

/**
 * Opens a PDF. Refuses, with a reason staff can act on: a file MuPDF cannot read at all
 * (CORRUPT_PDF), one that needs a password to open (ENCRYPTED_PDF; an owner password that only
 * restricts printing or copying is no obstacle), one without pages (EMPTY_PDF).
 */
export async function openPdf(buffer: Buffer): Promise<OpenedPdf> {
  const m = await mupdf();
  let doc: PdfDocument;
  try {
    // MuPDF copies what it is given into its own memory; the caller's buffer is left as it is.
    doc = m.Document.openDocument(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), 'application/pdf');
  } catch (err) {
    throw corrupt(err);
  }
  if (doc.needsPassword()) {
    // An empty user password opens files that are only owner-protected.
    if (!doc.authenticatePassword('')) {
      doc.destroy();
      throw new BaocaoError('ENCRYPTED_PDF');
    }
  }
  let pageCount: number;
  try {
    pageCount = doc.countPages();
  } catch (err) {
    doc.destroy();
    throw corrupt(err);
  }
  if (pageCount === 0) {
    // No pages in a file MuPDF had to rebuild (a truncated download): broken, not empty.
    const repaired = doc.asPDF()?.wasRepaired() ?? false;
    doc.destroy();
    throw repaired ? new BaocaoError('CORRUPT_PDF', 'không tìm thấy trang nào') : new BaocaoError('EMPTY_PDF');
  }
  return { doc, pageCount };
}

/** A MuPDF failure on a damaged file, as the one-line CORRUPT_PDF reason. */
export function corrupt(err: unknown): BaocaoError {
  if (err instanceof BaocaoError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new BaocaoError('CORRUPT_PDF', message.split('\n')[0]!.slice(0, 200), { cause: err });
}

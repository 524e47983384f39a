// Are the programs OCR needs installed? Checked once per thread; a missing one gives the one-line
// Vietnamese reason with the package to install.
import { BaocaoError } from '../../errors.ts';
import { runTool, ToolMissingError } from './subprocess.ts';
import { OCR_LANG, TESSERACT, tesseractLanguages } from './tesseract.ts';

export const TESSERACT_PACKAGES = 'apt-get install tesseract-ocr tesseract-ocr-vie';
export const POPPLER_PACKAGES = 'apt-get install poppler-utils';

let checked: Promise<void> | null = null;

async function check(timeoutMs: number): Promise<void> {
  let langs: string[];
  try {
    langs = await tesseractLanguages(timeoutMs);
  } catch (err) {
    if (err instanceof ToolMissingError) throw new BaocaoError('OCR_UNAVAILABLE', `cần cài: ${TESSERACT_PACKAGES}`);
    throw err;
  }
  if (!langs.includes(OCR_LANG)) throw new BaocaoError('OCR_UNAVAILABLE', `thiếu dữ liệu tiếng Việt của ${TESSERACT}; cần cài: ${TESSERACT_PACKAGES}`);
  try {
    await runTool('pdftoppm', ['-v'], { timeoutMs });
  } catch (err) {
    if (err instanceof ToolMissingError) throw new BaocaoError('OCR_UNAVAILABLE', `cần cài: ${POPPLER_PACKAGES}`);
    throw err;
  }
}

/** Resolves when tesseract (with Vietnamese) and poppler are there; BaocaoError OCR_UNAVAILABLE if not. */
export function ensureOcrTools(timeoutMs = 10_000): Promise<void> {
  checked ??= check(timeoutMs).catch((err: unknown) => {
    checked = null; // installed meanwhile: try again next time
    throw err;
  });
  return checked;
}

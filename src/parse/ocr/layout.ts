// The one place OCR reaches the page layout shared with text PDFs (positioned runs + rules →
// blocks). When the layout moves (src/parse/layout/index.ts), only this line changes.
export { layoutToBlocks, type PageData, type Rule, type Run } from '../layout/page-layout.ts';

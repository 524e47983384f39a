// Content controls (w:sdt): mammoth reads their content (block, run, row and cell level). A
// control that still shows its placeholder ('Nhập ngày', 'Click here to enter text') has no
// content of its own: its prompt is not the document's text, so it is removed.
import { child, sel, type XmlDoc, elements } from './xml.ts';

/** Removes the content of controls that show their placeholder; returns how many. */
export function dropPlaceholders($: XmlDoc): number {
  let n = 0;
  for (const sdt of elements($, sel('w:sdt'))) {
    const pr = child(sdt, 'w:sdtPr');
    const shows = pr && child(pr, 'w:showingPlcHdr');
    if (!shows || /^(0|false|off)$/.test(shows.attribs['w:val'] ?? '')) continue;
    const content = child(sdt, 'w:sdtContent');
    if (!content) continue;
    // Keep the structure a table or paragraph needs: drop only the runs' text.
    $(content).find(sel('w:t')).text('');
    n++;
  }
  return n;
}

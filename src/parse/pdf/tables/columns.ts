// Borderless tables, step 3: the columns. The rows with values give them (the x-ranges their
// pieces cover); header pieces over no value open columns left empty in every row; each column's
// extent then takes in the header piece standing over it alone (its lowest header cell).
import type { Piece, TLine } from './pieces.ts';

export interface Columns {
  /** Per column, the x-range its content covers. */
  spans: { left: number; right: number }[];
  /** Column lines: before the first, between each two (middle of the gap), after the last. */
  xs: number[];
  /** The columns a piece lies over: those whose extent it overlaps (one in a gap: the nearest). */
  colRange(p: Piece): [number, number];
}

/** The columns of a block whose lines are `header` then `data`; null when fewer than three.
 *  A note under the table ('Đơn vị tính: …': one piece across two columns, at the end) is removed
 *  from `data`. */
export function findColumns(header: readonly TLine[], data: TLine[]): Columns | null {
  const spans: { left: number; right: number }[] = [];
  const addSpan = (left: number, right: number, mergeGap: number) => {
    const overl = spans.filter((s) => left < s.right + mergeGap && right > s.left - mergeGap);
    for (const s of overl) spans.splice(spans.indexOf(s), 1);
    spans.push({ left: Math.min(left, ...overl.map((s) => s.left)), right: Math.max(right, ...overl.map((s) => s.right)) });
  };
  for (const l of data) if (l.pieces.length >= 2) for (const p of l.pieces) addSpan(p.left, p.right, 0.1 * l.size);
  const bridges = (l: TLine) => l.pieces.length === 1 && spans.filter((sp) => l.left < sp.right && l.right > sp.left).length >= 2;
  while (data.length > 1 && bridges(data[data.length - 1]!)) data.pop();
  // Other one-piece lines only open a column where there is none (they may be wider than it).
  for (const l of data) if (l.pieces.length === 1 && !spans.some((sp) => l.left < sp.right && l.right > sp.left)) addSpan(l.left, l.right, 0.1 * l.size);

  // A header piece over no value opens a column of its own when no header piece below it shares
  // its place (a column left empty in every row); a piece with others under it ('Trong đó') is a
  // merged cell over theirs. Between two columns, beside one with no header piece of its own, it
  // is that column's header (a header centred over values set flush left).
  const headerPieces = header.flatMap((l) => l.pieces).sort((p, q) => (p.right - p.left) - (q.right - q.left));
  const leaf = (p: Piece) => !headerPieces.some((q) => q !== p && q.y > p.y + 0.5 && q.left < p.right && q.right > p.left);
  const headed = (sp: { left: number; right: number }) => headerPieces.some((q) => q.left < sp.right && q.right > sp.left);
  const valueSpans = [...spans];
  for (const p of headerPieces) {
    if (!leaf(p) || spans.some((s) => p.left < s.right && p.right > s.left)) continue;
    const left = valueSpans.filter((sp) => sp.right <= p.left).sort((a, b) => b.right - a.right)[0];
    const right = valueSpans.filter((sp) => sp.left >= p.right).sort((a, b) => a.left - b.left)[0];
    const host = left && right ? (!headed(left) ? left : !headed(right) ? right : null) : null;
    if (host) {
      host.left = Math.min(host.left, p.left);
      host.right = Math.max(host.right, p.right);
    } else spans.push({ left: p.left, right: p.right });
  }
  spans.sort((s, t) => s.left - t.left);
  if (spans.length < 3) return null;

  // Each column's extent: its values and the header piece standing over them alone, unless that
  // runs into a neighbour's values.
  for (const p of headerPieces) {
    if (!leaf(p)) continue;
    const over = spans.filter((sp) => p.left < sp.right && p.right > sp.left);
    if (over.length !== 1) continue;
    const sp = over[0]!;
    const k = spans.indexOf(sp);
    const left = Math.min(sp.left, p.left), right = Math.max(sp.right, p.right);
    if ((k > 0 && left < spans[k - 1]!.right) || (k + 1 < spans.length && right > spans[k + 1]!.left)) continue;
    sp.left = left;
    sp.right = right;
  }
  const xs = [spans[0]!.left - 1, ...spans.slice(1).map((s, k) => (spans[k]!.right + s.left) / 2), spans[spans.length - 1]!.right + 1];
  const colOf = (x: number) => {
    let c = 0;
    while (c < spans.length - 1 && x >= xs[c + 1]!) c++;
    return c;
  };
  const colRange = (p: Piece): [number, number] => {
    const over = spans.map((sp, c) => (p.left < sp.right - 0.5 && p.right > sp.left + 0.5 ? c : -1)).filter((c) => c >= 0);
    if (over.length) return [over[0]!, over[over.length - 1]!];
    const c = colOf((p.left + p.right) / 2);
    return [c, c];
  };
  return { spans, xs, colRange };
}

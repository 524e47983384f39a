// propaganda {banners, panels}: 'với 20 băng rôn vượt đường, 15 pano khẩu hiệu'. Banners are
// băng rôn / băng zôn / băng-rôn; panels are pano / panô / pa-nô / khẩu hiệu. When a report counts
// pano and khẩu hiệu separately, the pano count is taken (no sum). 'Băng rôn: 20' (label) also reads.
// Mentions from the clause reader (text/mentions.ts) come first: the head noun of a label decides
// ('số băng rôn, khẩu hiệu đã treo: 23' = banners); the patterns below are the fallback.
import type { Provenance } from '../src/contract.ts';
import type { Extractor, ExtractorResult } from './types.ts';
import { N, W, clauseAt, findFirst, int, linesPreferring, provFor, type Line } from './find.ts';
import { DISQUALIFY } from './lexicon.ts';
import { qualifiersIn } from './text/mentions.ts';
import { pick } from './text/pick.ts';

const BANNER = String.raw`bang[\s-]*(?:r|z|dz|gi)on`;
const PANEL = String.raw`(?:pa[\s-]?no|khau hieu)`;
/** A classifier between the count and the thing: '02 cụm pa-nô', '20 lượt băng rôn', '05 tấm pano'. */
const COUNTER = String.raw`(?:(?:cai|chiec|tam|bo|cum|luot|buc|cot|khung)\s+)?`;

const BANNERS = [
  new RegExp(String.raw`${N}\s*${COUNTER}${BANNER}(?![\p{L}])`, 'u'),
  new RegExp(String.raw`${BANNER}(?![\p{L}])([^.;\d]{0,15}?):\s*${N}`, 'u'),
];
const PANELS = [
  new RegExp(String.raw`${N}\s*${COUNTER}(?:bang\s*)?pa[\s-]?no(?![\p{L}])`, 'u'),
  new RegExp(String.raw`${N}\s*${COUNTER}khau hieu(?![\p{L}])`, 'u'),
  new RegExp(String.raw`${PANEL}(?![\p{L}])([^.;\d]{0,15}?):\s*${N}`, 'u'),
];

export const extractPropaganda: Extractor = (doc): ExtractorResult => {
  const groups = linesPreferring(doc, /tuyen truyen/);
  const propaganda: { banners?: number; panels?: number } = {};
  const provenance: Record<string, Provenance> = {};
  // The clause reader first: 'số băng rôn, khẩu hiệu đã treo: 23 chiếc', '15 băng rôn', 'không làm pano nào'.
  for (const key of ['banners', 'panels'] as const) {
    const p = pick(groups, key, { accept: (m) => Number.isInteger(m.value) && m.value < 10000 });
    if (!p) continue;
    propaganda[key] = p.mention.value;
    provenance[`propaganda.${key}`] = { ...p.prov, confidence: p.confidence, ...(p.why ? { why: p.why } : {}) };
  }
  /** A target, a request or another unit's figure in the clause before the match is not what was done. */
  const disqualified = (line: Line, at: number) => {
    const [a] = clauseAt(line.text, at);
    const q = qualifiersIn(line.folded.slice(a, at));
    return DISQUALIFY.some((k) => q.has(k));
  };
  const banners = findFirst(groups, BANNERS, (m, l, pi) => {
    if (disqualified(l, m.index)) return null;
    if (pi === 1 && W('pa ?no|khau hieu|bien|ap phich').test(m[1]!)) return null;
    return int(pi === 0 ? m[1] : m[2]);
  });
  if (banners && propaganda.banners === undefined) {
    propaganda.banners = banners.value;
    provenance['propaganda.banners'] = provFor(banners.line, banners.start, banners.end, 'phrase');
  }
  const panels = findFirst(groups, PANELS, (m, l, pi) => {
    if (disqualified(l, m.index)) return null;
    if (pi === 2 && W('bang ?(?:r|z|dz|gi)on|bien|ap phich').test(m[1]!)) return null;
    return int(pi === 2 ? m[2] : m[1]);
  });
  if (panels && propaganda.panels === undefined) {
    propaganda.panels = panels.value;
    provenance['propaganda.panels'] = provFor(panels.line, panels.start, panels.end, 'phrase');
  }
  return { fields: Object.keys(propaganda).length ? { propaganda } : {}, provenance };
};

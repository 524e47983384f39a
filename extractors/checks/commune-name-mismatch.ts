// COMMUNE_NAME_MISMATCH: the report spells its own commune in more than one way ('Đông Lỗ' in its
// heading, 'Đông Lễ' below). The variants are the near-matches of the own name after a unit word
// ('xã Đông Lễ', 'UBND xã Đông Lễ', 'Đảng ủy xã Đông Lễ') or before 'là xã'. Tone-mark placement is
// not a variant ('Hoà'/'Hòa'); a neighbour named in the text ('giáp xã Hương Mai') is not a near-match,
// and a near-match that is itself a registered commune of the same province is a neighbour too.
import { isNearName, nameKey, titleCaseName } from '../../src/document/names.ts';
import { isMentionsIn, mentionQuote, ownCommuneMention, segments, unitMentions, type UnitMention } from '../unit.ts';
import { makeFlag, type DocCheck } from './common.ts';

/** The first `n` words of a name (a run of capitals may have taken a word too many). */
function firstWords(name: string, n: number): string {
  return name.split(' ').slice(0, n).join(' ');
}

export const checkCommuneNameMismatch: DocCheck = ({ doc, fields, ctx }) => {
  const own = ownCommuneMention(doc, ctx.registry);
  const canonical = fields.unit.commune;
  if (!own || !canonical) return [];
  const ownWritten = own.mention.upper ? titleCaseName(own.mention.name) : own.mention.name;
  const words = canonical.split(' ').length;
  const ownKey = nameKey(canonical);
  const writtenKey = nameKey(firstWords(ownWritten, words));

  // Every mention of a commune, and 'X là xã'.
  const mentions: UnitMention[] = unitMentions(doc).filter((m) => m.level === 'commune');
  const isMentions = segments(doc).flatMap(isMentionsIn);

  const variants = new Map<string, { name: string; count: number; quotes: string[] }>();
  for (const m of [...mentions, ...isMentions]) {
    const raw = firstWords(m.upper ? titleCaseName(m.name) : m.name, words);
    const k = nameKey(raw);
    if (k === ownKey || k === writtenKey) continue;
    if (!isNearName(raw, canonical)) continue;
    // Neighbours are listed after 'giáp' ('Phía Đông giáp xã …, xã …'): not the own name.
    const clause = m.segment.text.slice(0, m.index).split(/[.;]/).pop() ?? '';
    if (/(?<![\p{L}])giáp(?![\p{L}])/iu.test(clause)) continue;
    // A registered commune of the same province is a neighbour, not a misspelling.
    if (ctx.registry && fields.unit.province && ctx.registry.findCommunes(raw, { province: fields.unit.province }).length) continue;
    const v = variants.get(k) ?? { name: raw, count: 0, quotes: [] };
    v.count++;
    if (v.quotes.length < 3) v.quotes.push(mentionQuote(m));
    variants.set(k, v);
  }
  if (!variants.size) return [];
  const kind = fields.unit.communeKind ?? own.mention.unitWord;
  const where = own.source === 'header' ? 'phần đầu văn bản' : own.source === 'title' ? 'tiêu đề' : 'phần lớn văn bản';
  const list = [...variants.values()].sort((a, b) => b.count - a.count);
  const parts = list.map((v) => `'${v.name}' ${v.count} lần`).join(', ');
  const message = `Báo cáo ghi tên ${kind} ${parts} nhưng ${where} ghi '${ownWritten}'`;
  return [makeFlag('COMMUNE_NAME_MISMATCH', message, [...list.flatMap((v) => v.quotes), mentionQuote(own.mention)])];
};

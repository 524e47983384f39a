// The reporting unit: commune, its kind, district and province.
//
// The report's OWN commune is the one of its issuing body (header 'UBND XÃ ĐÔNG LỖ'), of its title
// ('… xã Đông Lỗ …') or of the bodies that act in its text ('UBND xã Đông Lỗ', 'Đảng ủy xã Đông Lỗ',
// 'Đông Lỗ là xã …'); a report also names its neighbours ('Phía Đông giáp xã Hương Mai') and the
// district's bodies, which are not its own. Names are given in the registry's spelling when they
// match (the commune within its district); the province comes from the text when the registry agrees
// with it, or else from the registry when commune and district identify it.
import type { Block, DocumentModel, Region } from '../src/document/model.ts';
import { isNearName, nameKey, titleCaseName } from '../src/document/names.ts';
import { isMostlyUpper } from '../src/document/text.ts';
import type { ExtractedFields, Provenance } from '../src/contract.ts';
import type { CommuneKind, Registry, UnitRow } from '../src/registry/index.ts';
import type { DeepPartial, ExtractorResult } from './types.ts';
import { provenance } from './lib.ts';
import { findDateLine, findTitle, headerLines, tableLines } from './document.ts';

export interface UnitContext {
  registry?: Registry | null;
}

/** A piece of text to scan: a paragraph, or one line of a table cell. */
export interface Segment {
  text: string;
  block: Block;
  region: Region;
}

export type MentionLevel = 'commune' | 'district' | 'province';

export interface UnitMention {
  level: MentionLevel;
  /** The unit word as written, normalised: 'xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh'. */
  unitWord: string;
  /** The name as written (capitalised words after the unit word, at most four). */
  name: string;
  /** The name was written in capitals ('UBND XÃ ĐÔNG LỖ'): its end is uncertain. */
  upper: boolean;
  /** Index of the unit word in the segment's text, and of the name's end. */
  index: number;
  end: number;
  segment: Segment;
}

/** Every paragraph and every table-cell line of the document, in order. */
export function segments(doc: DocumentModel): Segment[] {
  const out: Segment[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push({ text: b.text, block: b, region: b.region });
    else for (const l of tableLines(b)) out.push({ text: l.text, block: b, region: b.region });
  }
  return out;
}

const UNIT_WORDS = /(?<![\p{L}])(thị trấn|thị xã|thành phố|tp\.|xã|phường|huyện|quận|tỉnh)\s+/gu;
const NAME_TOKEN = /^(?:[\p{Lu}][\p{L}\p{M}'’\-]*|\d{1,2}(?![\d\/.,]))/u;
/** Capitalised words that end a name: unit words and the words of periods. */
const STOP_TOKENS = new Set([
  'huyện', 'tỉnh', 'quận', 'xã', 'phường', 'năm', 'tháng', 'quý', 'về', 'và', 'của', 'tại', 'theo', 'trong',
  'đến', 'với', 'đã', 'đạt', 'đăng', 'báo', 'là', 'có', 'ubnd', 'hđnd', 'giai', 'sáu', 'chín', 'nhiệm',
  'đảng', 'ủy', 'uỷ', 'đảng ủy',
]);
const LEVEL: Record<string, MentionLevel> = {
  'xã': 'commune', 'phường': 'commune', 'thị trấn': 'commune',
  'huyện': 'district', 'quận': 'district', 'thị xã': 'district',
  'tỉnh': 'province',
};

/** A word in capitals ('SƠN'; one-letter words count as capitals). */
function isCaps(word: string): boolean {
  return !/\p{Ll}/u.test(word);
}

/** Reads the capitalised name after a unit word: up to four words, stopping at a lower-case word,
 *  punctuation, a unit word or a period word. */
function readName(text: string, from: number): { name: string; end: number } | null {
  const tokens: string[] = [];
  let pos = from;
  while (tokens.length < 4) {
    const rest = text.slice(pos);
    const m = NAME_TOKEN.exec(rest);
    if (!m) break;
    const tok = m[0].replace(/[-’']+$/, '');
    const low = tok.toLowerCase();
    if (STOP_TOKENS.has(low)) break;
    // The national motto run into a header column ('QUẬN GÒ CỘNG HÒA XÃ HỘI …' from a PDF).
    if (/^cộng\s+h[òo]à?\s+xã\s+hội/iu.test(rest)) break;
    if ((low === 'thành' && /^\s+phố/iu.test(rest.slice(m[0].length))) || (low === 'thị' && /^\s+(xã|trấn)/iu.test(rest.slice(m[0].length)))) break;
    if (/^\d/.test(tok) && tokens.length > 0) break; // numbers only as a whole name ('phường 1')
    // A name in capitals ends where the capitals end ('XÃ THÁI SƠN Độc lập …', two header columns run together).
    if (tokens.length > 0 && isCaps(tokens[0]!) !== isCaps(tok)) break;
    tokens.push(tok);
    pos += tok.length;
    if (/^\d/.test(tok)) break;
    const gap = /^\s+/.exec(text.slice(pos));
    if (!gap) break;
    pos += gap[0].length;
  }
  if (!tokens.length) return null;
  const name = tokens.join(' ');
  return { name, end: from + text.slice(from).indexOf(tokens[tokens.length - 1]!) + tokens[tokens.length - 1]!.length };
}

/** Every 'xã X' / 'phường X' / 'thị trấn X' / 'huyện X' / 'tỉnh X' … in the document. */
export function unitMentions(doc: DocumentModel): UnitMention[] {
  const out: UnitMention[] = [];
  for (const seg of segments(doc)) out.push(...mentionsIn(seg));
  return out;
}

export function mentionsIn(seg: Segment): UnitMention[] {
  const out: UnitMention[] = [];
  const lower = seg.text.toLowerCase();
  if (lower.length !== seg.text.length) return out;
  for (const m of lower.matchAll(UNIT_WORDS)) {
    const index = m.index ?? 0;
    let word = m[1]!;
    if (word === 'tp.') word = 'thành phố';
    // 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'xã hội' (society) are not communes.
    if (word === 'xã' && /^xã\s+hội(?![\p{L}])/u.test(lower.slice(index))) continue;
    // 'thị xã' is read as a district, not as 'xã'; 'Tỉnh ủy' has no name.
    if (word === 'xã' && /thị\s$/u.test(lower.slice(Math.max(0, index - 4), index))) continue;
    const name = readName(seg.text, index + m[0].length);
    if (!name) continue;
    const levels: MentionLevel[] = word === 'thành phố' ? ['district', 'province'] : [LEVEL[word]!];
    const upper = isMostlyUpper(name.name) && name.name.replace(/[^\p{L}]/gu, '').length > 2;
    for (const level of levels) out.push({ level, unitWord: word, name: name.name, upper, index, end: name.end, segment: seg });
  }
  return out;
}

/** The header's lines as segments, consecutive lines in capitals of one block joined: an issuing
 *  body runs over lines ('ỦY BAN NHÂN DÂN' / 'XÃ LƯƠNG PHONG', or 'UBND XÃ LƯƠNG' / 'PHONG' in a narrow column). */
export function headerSegments(doc: DocumentModel): Segment[] {
  const out: Segment[] = [];
  let prevCaps = false;
  for (const l of headerLines(doc)) {
    const caps = isMostlyUpper(l.text) && !/\d/.test(l.text) && !/^S[ỐÔO]\s*:/u.test(l.text);
    const last = out[out.length - 1];
    if (caps && prevCaps && last && last.block === l.block) last.text = `${last.text} ${l.text}`;
    else out.push({ text: l.text, block: l.block, region: 'header' });
    prevCaps = caps;
  }
  return out;
}

/** 'Đông Lỗ là xã trung du …': the own commune named before 'là xã'. */
export function isMentionsIn(seg: Segment): UnitMention[] {
  const out: UnitMention[] = [];
  const re = /(?<![\p{L}])((?:[\p{Lu}][\p{L}\p{M}'’\-]*\s+){0,3}[\p{Lu}][\p{L}\p{M}'’\-]*)\s+là\s+(?:một\s+)?(xã|phường|thị trấn)(?![\p{L}])/gu;
  for (const m of seg.text.matchAll(re)) {
    const name = m[1]!.replace(/^(Xã|Phường|Thị trấn)\s+/u, '');
    if (!name || STOP_TOKENS.has(name.toLowerCase())) continue;
    const index = m.index ?? 0;
    out.push({ level: 'commune', unitWord: m[2]!, name, upper: false, index, end: index + m[0].length, segment: seg });
  }
  return out;
}

/** Words before a commune mention that make it the acting body's own commune. */
const OWN_BODY_BEFORE = /(ubnd|ủy ban nhân dân|uỷ ban nhân dân|đảng ủy|đảng uỷ|đảng bộ|hđnd|hội đồng nhân dân|mttq|mặt trận tổ quốc|ban chỉ đạo|bcđ|công an|chính quyền thân thiện|cqtt|nhân dân|địa bàn|chủ tịch)[^.;:,]{0,40}$/u;
/** Words before a mention that make it a neighbour or another unit. */
const OTHER_BEFORE = /(giáp|giáp với|bên kia|cùng|các|và|với|sang|thuộc)\s*$/u;

/** The candidate names for the own commune, best first. */
export interface OwnCommune {
  mention: UnitMention;
  source: 'header' | 'title' | 'body' | 'place';
}

/** The report's own commune as written: header's issuing body, else the title, else the commune
 *  most often named as the acting body in the text, else the place of the date line. */
export function ownCommuneMention(doc: DocumentModel, registry?: Registry | null): OwnCommune | null {
  const headerHits = headerSegments(doc).flatMap(mentionsIn).filter((m) => m.level === 'commune');
  if (headerHits.length) return { mention: headerHits[headerHits.length - 1]!, source: 'header' };
  const titleSegs = findTitle(doc).lines.map((l): Segment => ({ text: l.text, block: l.block, region: 'title' }));
  const titleHits = titleSegs.flatMap(mentionsIn).filter((m) => m.level === 'commune');
  if (titleHits.length) return { mention: titleHits[0]!, source: 'title' };
  // The text: acting bodies' communes, counted.
  const counts = new Map<string, { n: number; first: UnitMention }>();
  for (const seg of segments(doc)) {
    if (seg.region !== 'body' && seg.region !== 'closing') continue;
    const hits = [
      ...mentionsIn(seg).filter((m) => m.level === 'commune' && OWN_BODY_BEFORE.test(seg.text.slice(Math.max(0, m.index - 60), m.index).toLowerCase()) && !OTHER_BEFORE.test(seg.text.slice(0, m.index).toLowerCase())),
      ...isMentionsIn(seg),
    ];
    for (const m of hits) {
      const k = nameKey(m.name);
      const c = counts.get(k);
      if (c) c.n++;
      else counts.set(k, { n: 1, first: m });
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (best) return { mention: best.first, source: 'body' };
  // The place of the date line, when the registry knows a commune of that name in a district the text
  // names (the place may be the district's own name: 'Hiệp Hòa, ngày …').
  const dateLine = findDateLine(doc);
  if (dateLine?.place && registry) {
    const districts = unitMentions(doc).filter((m) => m.level === 'district').map((m) => m.name);
    const hit = districts.flatMap((d) => registry.findCommunes(dateLine.place!, { district: d }))[0];
    if (hit && !districts.some((d) => nameKey(d) === nameKey(dateLine.place!))) {
      const seg: Segment = { text: dateLine.quote, block: dateLine.block, region: 'header' };
      const mention: UnitMention = { level: 'commune', unitWord: hit.communeKind, name: dateLine.place, upper: isMostlyUpper(dateLine.place), index: 0, end: dateLine.place.length, segment: seg };
      return { mention, source: 'place' };
    }
  }
  return null;
}

/** The date line's place as a district mention, when the registry has a district of that name. */
function placeAsDistrict(doc: DocumentModel, registry: Registry): UnitMention | null {
  const line = findDateLine(doc);
  if (!line?.place || !registry.findDistricts(line.place).length) return null;
  const segment: Segment = { text: line.quote, block: line.block, region: 'header' };
  return { level: 'district', unitWord: 'huyện', name: line.place, upper: isMostlyUpper(line.place), index: 0, end: line.place.length, segment };
}

/** Prefixes of a name written in capitals, longest first ('ĐÔNG LỖ NĂM' → 'ĐÔNG LỖ NĂM', 'ĐÔNG LỖ', 'ĐÔNG'). */
function prefixes(name: string): string[] {
  const words = name.split(' ');
  return words.map((_, i) => words.slice(0, words.length - i).join(' '));
}

/** The quote for a mention: its sentence (or line), trimmed to a readable window. */
export function mentionQuote(m: UnitMention): string {
  const t = m.segment.text;
  if (t.length <= 160) return t;
  const from = Math.max(0, m.index - 60);
  const to = Math.min(t.length, m.end + 80);
  return `${from > 0 ? '…' : ''}${t.slice(from, to).trim()}${to < t.length ? '…' : ''}`;
}

interface Ranked {
  name: string;
  mentions: UnitMention[];
  score: number;
  first: number;
}

/** Groups mentions of one level by name, scored by where they are (header, title, body). */
function rank(mentions: UnitMention[], order: Map<UnitMention, number>): Ranked[] {
  const weight = (m: UnitMention) => (m.segment.region === 'header' ? 100 : m.segment.region === 'title' ? 50 : 1);
  const groups = new Map<string, Ranked>();
  for (const m of mentions) {
    const k = nameKey(m.name);
    const g = groups.get(k);
    if (g) { g.mentions.push(m); g.score += weight(m); }
    else groups.set(k, { name: m.name, mentions: [m], score: weight(m), first: order.get(m) ?? 0 });
  }
  return [...groups.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}

export interface UnitResolution {
  commune: string | null;
  communeKind: CommuneKind | null;
  district: string | null;
  province: string | null;
  /** The registry row when the commune matched it within its district. */
  row: UnitRow | null;
  /** The commune as the report writes it in its heading or title. */
  written: string | null;
  provenance: Record<string, Provenance>;
}

/** Resolves the report's unit (see the file's comment). */
export function resolveUnit(doc: DocumentModel, ctx: UnitContext = {}): UnitResolution {
  const registry = ctx.registry ?? null;
  const prov: Record<string, Provenance> = {};
  const all = unitMentions(doc);
  const order = new Map(all.map((m, i) => [m, i] as const));
  // Header mentions come from headerLines (which may stand in for a missing header region).
  const header = headerSegments(doc).flatMap(mentionsIn);
  const mentionsAt = (level: MentionLevel) => [...header, ...all.filter((m) => m.segment.region !== 'header')].filter((m) => m.level === level);

  const own = ownCommuneMention(doc, registry);
  let written = own ? own.mention.name : null;
  let communeKind: CommuneKind | null = own && ['xã', 'phường', 'thị trấn'].includes(own.mention.unitWord) ? (own.mention.unitWord as CommuneKind) : null;

  // District candidates, best first: header, title, then the most named.
  const districts = rank(mentionsAt('district'), order);
  const provinces = rank(mentionsAt('province'), order);
  // The place of the date line is often the district ('Gò Vấp, ngày …', 'Quỳnh Lưu, ngày …'): a last
  // candidate when the registry knows a district of that name.
  const placeDistrict = registry ? placeAsDistrict(doc, registry) : null;
  if (placeDistrict && !districts.some((d) => nameKey(d.name) === nameKey(placeDistrict.name))) {
    districts.push({ name: placeDistrict.name, mentions: [placeDistrict], score: 0, first: Number.MAX_SAFE_INTEGER });
  }

  let row: UnitRow | null = null;
  let district: string | null = null;
  let districtMention: UnitMention | null = null;
  let province: string | null = null;
  let provinceMention: UnitMention | null = null;

  if (registry && written) {
    // The commune within one of the named districts (capitals: try the longest registered prefix).
    const names = own!.mention.upper ? prefixes(written) : [written];
    outer: for (const d of districts) {
      for (const n of names) {
        const kind = communeKind;
        const hits = registry.findCommunes(n, { district: d.name, kind });
        const pool = hits.length ? hits : registry.findCommunes(n, { district: d.name });
        const inProvince = provinces.length ? pool.filter((u) => provinces.some((p) => nameKey(p.name) === nameKey(u.province))) : pool;
        const chosen = inProvince.length === 1 ? inProvince[0]! : pool.length === 1 ? pool[0]! : null;
        if (chosen) {
          row = chosen;
          written = n;
          districtMention = d.mentions[0]!;
          break outer;
        }
      }
    }
    // No district named, or none that holds it: a province named in the text may identify it.
    if (!row) {
      for (const p of provinces) {
        for (const n of names) {
          const hits = registry.findCommunes(n, { province: p.name, kind: communeKind });
          if (hits.length === 1) { row = hits[0]!; written = n; provinceMention = p.mentions[0]!; break; }
        }
        if (row) break;
      }
    }
    if (!row && own!.mention.upper) {
      // Capitals and no registry match: keep the longest prefix before a stop word (already cut by readName).
      written = names[0]!;
    }
  }

  if (row) {
    district = row.district;
    province = row.province;
    communeKind = row.communeKind;
    if (!districtMention && row.district) districtMention = districts.find((d) => nameKey(d.name) === nameKey(row!.district!))?.mentions[0] ?? null;
    provinceMention ??= provinces.find((p) => nameKey(p.name) === nameKey(row!.province))?.mentions[0] ?? null;
    // The commune was found through its province (the district named in the text is not in the
    // registry): a district written as a misspelling of the row's one ('Yen Dũng' for 'Yên Dũng') is
    // the report's own spelling, kept as written (UNKNOWN_UNIT names the registered one).
    if (!districtMention && row.district) {
      // … or of a district the unit belonged to before (a dissolved one: 'Yen Dũng' for 'Yên Dũng').
      const typo = [row.district, ...registry!.formerDistricts(row)]
        .map((n) => misspeltOf(districts, n, (x) => registry!.findDistricts(x).length > 0))
        .find((t) => t !== null) ?? null;
      if (typo) { district = canonicalCase(typo.name, typo.mentions[0]!.upper); districtMention = typo.mentions[0]!; }
    }
    if (!provinceMention) {
      const typo = misspeltOf(provinces, row.province, (n) => registry!.findProvince(n) !== null);
      if (typo) { province = canonicalCase(typo.name, typo.mentions[0]!.upper); provinceMention = typo.mentions[0]!; }
    }
  } else {
    // Not in the registry (or no registry): the district most named, in its own spelling.
    const d = districts.find((x) => x.score > 0); // not the date line's place alone
    if (d) {
      const reg = registry?.findDistricts(d.name) ?? [];
      district = reg.length ? reg[0]!.district : canonicalCase(d.name, d.mentions[0]!.upper);
      districtMention = d.mentions[0]!;
    }
    // A province: named with the district ('huyện Hiệp Hòa, tỉnh Bắc Giang'), or consistent with it in the registry.
    const adjacent = provinces.find((p) => p.mentions.some((pm) => districtMention && pm.segment === districtMention.segment && pm.index > districtMention.index && pm.index - districtMention.end < 6 && nameKey(pm.segment.text.slice(districtMention.index, pm.index)).includes(nameKey(districtMention.name))));
    const consistent = registry && district ? provinces.find((p) => registry.findDistricts(district!, { province: p.name }).length > 0) : undefined;
    const pick = consistent ?? adjacent;
    if (pick) {
      province = registry?.findProvince(pick.name)?.province ?? canonicalCase(pick.name, pick.mentions[0]!.upper);
      provinceMention = pick.mentions[0]!;
    } else if (registry && district) {
      // A district name found once in the whole country tells its province.
      const ds = registry.findDistricts(district);
      if (ds.length === 1) province = ds[0]!.province;
    }
  }

  const commune = row ? row.commune : written ? canonicalCase(written, own!.mention.upper) : null;
  if (own && commune) prov['unit.commune'] = provenance(own.mention.segment.block, mentionQuote(own.mention));
  if (own && communeKind) prov['unit.communeKind'] = provenance(own.mention.segment.block, mentionQuote(own.mention));
  if (district) {
    prov['unit.district'] = districtMention
      ? provenance(districtMention.segment.block, mentionQuote(districtMention))
      : registryProvenance(registry, row);
  }
  if (province) {
    prov['unit.province'] = provinceMention
      ? provenance(provinceMention.segment.block, mentionQuote(provinceMention))
      : registryProvenance(registry, row, district);
  }
  return { commune, communeKind, district, province, row, written: written ? canonicalCase(written, own!.mention.upper) : null, provenance: prov };
}

/** The name the text gives (in its header, title or body, not only as the date line's place) that is
 *  a misspelling of the registered `canonical` name: near it (isNearName) but not the same, and not
 *  itself a registered unit. Null when the text also writes the registered name, or none is near. */
function misspeltOf(candidates: Ranked[], canonical: string, registered: (name: string) => boolean): Ranked | null {
  const named = candidates.filter((c) => c.score > 0);
  if (named.some((c) => nameKey(c.name) === nameKey(canonical))) return null;
  for (const c of named) {
    // A name in capitals may run on into the next words ('HUYỆN YEN DŨNG BAN …'): its prefixes.
    const upper = c.mentions.every((m) => m.upper);
    for (const n of upper ? prefixes(c.name) : [c.name]) {
      if (isNearName(n, canonical) && !registered(n)) return n === c.name ? c : { ...c, name: n };
    }
  }
  return null;
}

function canonicalCase(name: string, upper: boolean): string {
  return upper ? titleCaseName(name) : name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function registryProvenance(registry: Registry | null, row: UnitRow | null, district?: string | null): Provenance {
  const d = !row && registry && district ? registry.findDistricts(district)[0] : undefined;
  const quote = row
    ? `${row.communeKind} ${row.commune}${row.district ? `, ${row.districtKind} ${row.district}` : ''}, ${row.provinceKind} ${row.province} (mã ${row.communeCode})`
    : d ? `${d.districtKind} ${d.district}, ${d.provinceKind} ${d.province} (mã ${d.districtCode})` : '';
  return { section: `registry ${registry?.asOf ?? ''}`.trim(), quote };
}

/** The unit extractor: needs the registry in its context to give canonical names. */
export function extractUnit(doc: DocumentModel, ctx: UnitContext = {}): ExtractorResult {
  const u = resolveUnit(doc, ctx);
  const unit: DeepPartial<ExtractedFields['unit']> = {};
  if (u.commune) unit.commune = u.commune;
  if (u.communeKind) unit.communeKind = u.communeKind;
  if (u.district) unit.district = u.district;
  if (u.province) unit.province = u.province;
  return { fields: { unit }, provenance: u.provenance };
}

// Extraction: every extractor over the document model, their results merged into the contract's
// fields, then every in-report check. One list of extractors and one list of checks, here.
//
// Merge rule: fields start as emptyFields(); extractors run in the order of EXTRACTORS and a value is
// taken from the first extractor that finds it (a later extractor never overwrites a non-null value
// or a non-empty list). The order is the priority: document-level extractors first, then content.
// A value's provenance comes from the extractor whose value was taken.
import { emptyFields, type ExtractedFields, type Flag, type FlagCode, type Provenance } from '../src/contract.ts';
import type { DocumentModel } from '../src/document/model.ts';
import { normalizeText } from '../src/document/text.ts';
import type { ExtractorResult } from './types.ts';
import { fold, paragraphs } from './lib.ts';
import { findTitle } from './document.ts';
import type { DocCheck, ExtractContext } from './checks/common.ts';
import { reportDate } from '../src/registry/index.ts';

import { extractDocument } from './document.ts';
import { extractUnit } from './unit.ts';
import { extractPeriod } from './period.ts';
import { extractReferences } from './references.ts';
import { extractProfile } from './profile.ts';
import { extractCriteria } from './criteria.ts';
import { extractSurveys } from './surveys.ts';
import { extractSatisfaction } from './satisfaction.ts';
import { extractStars } from './stars.ts';
import { extractPropaganda } from './propaganda.ts';
import { extractCommittees } from './committees.ts';
import { extractTraining } from './training.ts';
import { extractInspections } from './inspections.ts';
import { extractBudget } from './budget.ts';

import { checkCommuneNameMismatch } from './checks/commune-name-mismatch.ts';
import { checkUnknownUnit } from './checks/unknown-unit.ts';
import { checkUnitSucceeded } from './checks/unit-succeeded.ts';
import { checkSumMismatch } from './checks/sum-mismatch.ts';
import { checkCriteriaInconsistent } from './checks/criteria-inconsistent.ts';
import { checkStarsMismatch } from './checks/stars-mismatch.ts';
import { checkPeriodMismatch } from './checks/period-mismatch.ts';
import { checkMissingNumber } from './checks/missing-number.ts';
import { checkMissingDate } from './checks/missing-date.ts';

export type { ExtractContext } from './checks/common.ts';

/** An extractor that may read the context (the registry); plain `Extractor`s fit this type too. */
export type ContextExtractor = (doc: DocumentModel, ctx: ExtractContext) => ExtractorResult;

/** Every extractor, in priority order (see the merge rule above). */
export const EXTRACTORS: readonly { name: string; run: ContextExtractor }[] = [
  { name: 'document', run: extractDocument },
  { name: 'period', run: extractPeriod }, // before 'unit': the registry is the one of the report's date
  { name: 'unit', run: (doc, ctx) => extractUnit(doc, { registry: ctx.registry }) },
  { name: 'references', run: extractReferences },
  { name: 'profile', run: extractProfile },
  { name: 'criteria', run: extractCriteria },
  { name: 'surveys', run: extractSurveys },
  { name: 'satisfaction', run: extractSatisfaction },
  { name: 'stars', run: extractStars },
  { name: 'propaganda', run: extractPropaganda },
  { name: 'committees', run: extractCommittees },
  { name: 'training', run: extractTraining },
  { name: 'inspections', run: extractInspections },
  { name: 'budget', run: extractBudget },
];

/** Every in-report check, one per flag code. */
export const CHECKS: readonly { code: FlagCode; run: DocCheck }[] = [
  { code: 'COMMUNE_NAME_MISMATCH', run: checkCommuneNameMismatch },
  { code: 'UNKNOWN_UNIT', run: checkUnknownUnit },
  { code: 'UNIT_SUCCEEDED', run: checkUnitSucceeded },
  { code: 'SUM_MISMATCH', run: checkSumMismatch },
  { code: 'CRITERIA_INCONSISTENT', run: checkCriteriaInconsistent },
  { code: 'STARS_MISMATCH', run: checkStarsMismatch },
  { code: 'PERIOD_MISMATCH', run: checkPeriodMismatch },
  { code: 'MISSING_NUMBER', run: checkMissingNumber },
  { code: 'MISSING_DATE', run: checkMissingDate },
];

export interface ExtractResult {
  fields: ExtractedFields;
  provenance: Record<string, Provenance>;
  flags: Flag[];
  kind: 'report' | 'not_a_report';
  /** Why the document is not a report (Vietnamese), when kind is 'not_a_report'. */
  reason?: string;
  /** The registry code of the commune (GSO), when it matched the registry within its district. */
  unitCode: string | null;
  /** Extractors or checks that threw: their part stays empty; the rest of the extraction stands. */
  errors: { step: string; message: string }[];
}

/** The confidence of a value read by a dedicated pattern or table column that said nothing else. */
export const DEFAULT_CONFIDENCE = 0.9;
/** Values under this confidence are listed for review first. */
export const REVIEW_BELOW = 0.75;

/** The genre's name, however it is worded: 'chính quyền thân thiện', 'chính quyền cơ sở thân thiện',
 *  'chính quyền địa phương thân thiện, vì nhân dân phục vụ', 'CQTT'. */
const CQTT = /chinh quyen (?:(?:co so|dia phuong|cap xa|cap co so|xa|phuong|thi tran|dien tu)\s+)?(?:[\p{L}]+\s+){0,2}?than thien|\bcqtt\b/gu;
/** What else a report of the genre contains: criteria groups with ratios, a star registration, the steering committee. */
const GENRE_SIGNS: RegExp[] = [
  /nhom (?:tieu chi|chi tieu)[^.;]{0,120}?\d{1,2}\s*(?:\/|tren)\s*\d{1,2}|nhom (?:tieu chi|chi tieu)[^.;]{0,120}?(?:dat|gom|co|tong so)\s*\d{1,2}\s*(?:chi tieu|tieu chi)/u,
  /dang ky[^.;]{0,60}?(?:\d|mot|hai|ba|bon|nam)\s*sao/u,
  /ban chi dao[^.;]{0,60}?than thien/u,
  /(?:hai long|khao sat)[^.;]{0,80}?\d/u,
];

/** Whether the document is a report on 'chính quyền thân thiện'; if not, why (in Vietnamese). */
export function classify(doc: DocumentModel): { kind: 'report' | 'not_a_report'; reason?: string } {
  const title = findTitle(doc);
  if (title.word && title.word !== 'BÁO CÁO') {
    return { kind: 'not_a_report', reason: `Văn bản là ${title.word.toLowerCase()} ('${title.word}'), không phải báo cáo` };
  }
  const body = paragraphs(doc, ['body']);
  const bodyMentions = body.reduce((n, p) => n + (fold(p.text).match(CQTT)?.length ?? 0), 0);
  const headingMentions = body.filter((p) => p.heading && fold(p.heading.title).match(CQTT)).length;
  const allText = body.map((p) => fold(p.text)).join('\n');
  const signs = GENRE_SIGNS.filter((re) => re.test(allText)).length;
  // Recognised by content: the genre named in the body and what a report of the genre holds.
  const aboutInBody = (bodyMentions >= 3 && headingMentions >= 1) || (bodyMentions >= 1 && signs >= 2);
  if (!title.word) {
    if (aboutInBody) return { kind: 'report' };
    return { kind: 'not_a_report', reason: "Không tìm thấy tiêu đề 'BÁO CÁO' về xây dựng chính quyền thân thiện" };
  }
  if (title.title && fold(title.title).match(CQTT)) return { kind: 'report' };
  if (aboutInBody) return { kind: 'report' };
  const about = title.title ? `'${title.title.length > 120 ? `${title.title.slice(0, 119)}…` : title.title}'` : 'không rõ nội dung';
  return { kind: 'not_a_report', reason: `Báo cáo không phải về xây dựng chính quyền thân thiện: ${about}` };
}

type Json = Record<string, unknown>;

/** Words OCR read with low confidence, as they appear in the text (for matching quotes). */
function uncertainWords(doc: DocumentModel): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') for (const u of b.uncertain ?? []) out.push(b.text.slice(u.start, u.end));
    else for (const row of b.cells ?? []) for (const c of row) for (const u of c.uncertain ?? []) out.push(c.text.slice(u.start, u.end));
  }
  return out.map((w) => w.trim()).filter((w) => /\d/.test(w));
}

/** Lowers the confidence of values whose quote holds a number OCR was unsure of, or that a flag's
 *  evidence quotes (a sum that does not add up, criteria that contradict themselves): staff review them first. */
function lowerConfidence(doc: DocumentModel, provenance: Record<string, Provenance>, flags: Flag[]): void {
  const unsure = uncertainWords(doc);
  for (const prov of Object.values(provenance)) {
    const reasons: string[] = prov.why ? [prov.why] : [];
    let c = prov.confidence ?? DEFAULT_CONFIDENCE;
    const word = unsure.find((w) => prov.quote.includes(w));
    if (word) {
      c = Math.min(c, 0.5);
      reasons.push(`OCR uncertain: '${word}'`);
    }
    const flag = flags.find((f) => f.evidence.some((e) => e && (e.includes(prov.quote) || prov.quote.includes(e))));
    if (flag) {
      c = Math.min(c, 0.6);
      reasons.push(`evidence of ${flag.code}`);
    }
    prov.confidence = c;
    if (reasons.length) prov.why = [...new Set(reasons)].join('; ');
  }
}

/** Fills empty leaves of `target` from `patch`; records the paths taken. Keys the contract does not
 *  have are ignored; a list is taken whole, and only when the target's list is empty. */
function mergeInto(target: Json, patch: Json, path: string, taken: string[]): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || !(k in target)) continue;
    const p = path ? `${path}.${k}` : k;
    const cur = target[k];
    if (Array.isArray(v)) {
      if (Array.isArray(cur) && cur.length === 0 && v.length > 0) {
        target[k] = v;
        taken.push(p);
      }
    } else if (typeof v === 'object') {
      if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) mergeInto(cur as Json, v as Json, p, taken);
    } else if (cur === null) {
      target[k] = v;
      taken.push(p);
    }
  }
}

/** A provenance key belongs to a taken path when one is a prefix of the other ('references[2]' under 'references'). */
function covers(taken: string[], key: string): boolean {
  return taken.some((p) => key === p || key.startsWith(`${p}.`) || key.startsWith(`${p}[`) || p.startsWith(`${key}.`));
}

/** NFC, trimmed, single-spaced strings everywhere (the contract's rule for every string). */
function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value) as T;
  if (Array.isArray(value)) return value.map(normalizeStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)])) as T;
  }
  return value;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The context with the registry as it stood on the report's date (its date of issue, else the end
 *  of its period), once those are read; the registry given otherwise. */
function datedContext(ctx: ExtractContext, fields: ExtractedFields): ExtractContext {
  const date = reportDate({ date: fields.document.date, period: fields.period });
  return date && ctx.registry ? { ...ctx, registry: ctx.registry.at(date) } : ctx;
}

/** Extracts one document: fields, provenance and flags, or 'not_a_report' with a reason and no values. */
export function extract(doc: DocumentModel, ctx: ExtractContext): ExtractResult {
  const errors: ExtractResult['errors'] = [];
  const cls = classify(doc);
  if (cls.kind === 'not_a_report') {
    return { fields: emptyFields(), provenance: {}, flags: [], kind: 'not_a_report', reason: cls.reason!, unitCode: null, errors };
  }
  const fields = emptyFields();
  const provenance: Record<string, Provenance> = {};
  for (const ex of EXTRACTORS) {
    let result: ExtractorResult;
    try {
      result = ex.run(doc, datedContext(ctx, fields));
    } catch (err) {
      errors.push({ step: `extractor:${ex.name}`, message: message(err) });
      continue;
    }
    const taken: string[] = [];
    mergeInto(fields as unknown as Json, normalizeStrings(result.fields) as Json, '', taken);
    for (const [k, prov] of Object.entries(result.provenance)) {
      if (!prov || provenance[k] || !covers(taken, k)) continue;
      provenance[k] = {
        section: prov.section,
        quote: normalizeText(prov.quote),
        confidence: prov.confidence ?? DEFAULT_CONFIDENCE,
        ...(prov.why ? { why: prov.why } : {}),
      };
    }
  }
  const dated = datedContext(ctx, fields);
  const flags: Flag[] = [];
  for (const check of CHECKS) {
    try {
      flags.push(...check.run({ doc, fields, provenance, ctx: dated }));
    } catch (err) {
      errors.push({ step: `check:${check.code}`, message: message(err) });
    }
  }
  lowerConfidence(doc, provenance, flags);
  const { commune, communeKind, district, province } = fields.unit;
  // The code of the unit in force at the report's date (a code names other units in other lists).
  const row = commune && (district || province) && dated.registry
    ? dated.registry.findCommune(commune, { district, province, kind: communeKind })
    : null;
  const unitCode = row && dated.registry.inForce(row) ? row.communeCode : null;
  return { fields, provenance, flags, kind: 'report', unitCode, errors };
}

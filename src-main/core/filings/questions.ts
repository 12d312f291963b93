import type { LeakHit } from '../scan/types';
import type { FilingDetails } from './filing-input';
import { classify, clearable, prepareDraft, type Finding } from './resolution';
import { findTokens } from './tokens';

/** Where in a filing a question is: the body, or one of the caption's fields. */
export type FilingField = 'body' | 'title' | 'parties' | 'counsel' | 'court' | 'caseNumber' | 'labels';

export interface Question extends Finding {
  field: FilingField;
  /** Set when the text sits in a "not a plaintiff" token that cannot cover it. */
  cannotClear?: true;
}

export interface CheckedFiling {
  /** The details with the body's unambiguous mentions turned into tokens. */
  details: FilingDetails;
  converted: number;
  /** Everything a person must decide before the filing can be exported. Empty: ready. */
  questions: Question[];
}

type Scan = (text: string) => LeakHit[];

/**
 * Reads a filing as the export will print it and lists what still names someone: hits in the
 * body that are not unambiguous, any hit in the caption's fields (which hold no plaintiff
 * tokens), and "not a plaintiff" marks over a full name, contact detail or ID number.
 */
export function checkFiling(details: FilingDetails, caseId: string, scan: Scan, legalNameOf: (pseudonym: string) => string | undefined): CheckedFiling {
  const prepared = prepareDraft(details.body, scan(details.body).map((hit) => classify(hit, caseId)), legalNameOf);
  const questions: Question[] = prepared.questions.map((finding) => ({ ...finding, field: 'body' }));
  const fields: [FilingField, string | undefined][] = [
    ['title', details.title],
    ['parties', details.parties],
    ['counsel', details.counsel],
    ['court', details.court],
    ['caseNumber', details.caseNumber],
    ['labels', [...(details.labels.public ?? []), ...(details.labels.sealed ?? [])].join('\n')],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const hit of scan(text)) questions.push({ ...classify(hit, caseId), field });
  }
  for (const [field, text] of [['body', prepared.text] as [FilingField, string], ...fields]) {
    for (const { token, start, end, line } of findTokens(text ?? '')) {
      if (token.kind !== 'not-a-plaintiff') continue;
      for (const hit of scan(token.wording)) {
        if (!clearable(hit)) questions.push({ ...classify(hit, caseId), start, end, line, field, cannotClear: true });
      }
    }
  }
  return { details: { ...details, body: prepared.text }, converted: prepared.converted, questions };
}

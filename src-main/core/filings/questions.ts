import type { HitTarget, LeakHit } from '../scan/types';
import { signatureLines, type FilingField } from '../shared/filing-formats';
import { fold } from '../text/normalize';
import type { FilingDetails } from './filing-input';
import { neighbourQuestions } from './neighbours';
import { classify, clearable, prepareDraft, replaceSpans, type Finding, type PreparedDraft } from './resolution';
import { findTokens, formatToken, lineCounter, type WordedToken } from './tokens';

/** Where in a filing a question is: the body, or one of the caption's fields. */
export type { FilingField };

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

/** What a case prints of itself: its public caption. */
export interface CaseCaption {
  title: string;
  court?: string | undefined;
  number?: string | undefined;
}

/**
 * Reads a filing as the export will print it and lists what still names someone: hits in the
 * body that are not unambiguous, any hit in the caption's fields (which hold no plaintiff
 * tokens) or in the case's own caption, and "not a plaintiff" marks over a full name, contact
 * detail or ID number.
 */
export function checkFiling(
  details: FilingDetails,
  caseId: string,
  scan: Scan,
  legalNameOf: (pseudonym: string) => string | undefined,
  roster: readonly HitTarget[] = [],
  caseCaption: CaseCaption = { title: '' },
): CheckedFiling {
  const prepared = answerInitialsOnce(prepareDraft(details.body, scan(details.body).map((hit) => classify(hit, caseId)), legalNameOf));
  const questions: Question[] = [...prepared.questions, ...neighbourQuestions(prepared.text, roster)]
    .sort((a, b) => a.start - b.start)
    .map((finding) => ({ ...finding, field: 'body' }));
  const fields: [FilingField, string | undefined][] = [
    ['title', details.title],
    ['parties', details.parties],
    ['counsel', details.counsel],
    ['court', details.court],
    ['caseNumber', details.caseNumber],
    ['caption', details.captionLines.join('\n')],
    ['signature', details.signature ? signatureLines(details.signature).join('\n') : undefined],
    ['labels', [...(details.labels.public ?? []), ...(details.labels.sealed ?? [])].join('\n')],
    // The case's own title, court and number: the caption prints them where the draft gives
    // none, and every export's manifest prints them. Read here so that the export never finds
    // in its read-back what this check did not ask about.
    ['case', [caseCaption.title, caseCaption.court, caseCaption.number].filter(Boolean).join('\n')],
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

/**
 * Initials are answered once per filing (issue 11, leak 5): once the draft says what "M.R."
 * means at one place ({{Jane Doe 1|M.R.}}, {{redacted|M.R.}} or {{not a plaintiff|M.R.}}),
 * the same initials elsewhere, however spaced or dotted, take the same answer instead of
 * asking again. The first answer in the draft wins.
 */
function answerInitialsOnce(prepared: PreparedDraft): PreparedDraft {
  if (!prepared.questions.some((q) => q.kind === 'initials')) return prepared;
  const answers = new Map<string, WordedToken>();
  for (const { token } of findTokens(prepared.text)) {
    if (token.kind === 'paragraph-ref' || token.wording === undefined) continue;
    const key = initialsKey(token.wording);
    if (key !== '' && !answers.has(key)) answers.set(key, token);
  }
  if (answers.size === 0) return prepared;
  const edits: { start: number; end: number; replacement: string }[] = [];
  const kept: Finding[] = [];
  for (const question of prepared.questions) {
    const answer = question.kind === 'initials' ? answers.get(initialsKey(question.text)) : undefined;
    if (answer) edits.push({ start: question.start, end: question.end, replacement: formatToken({ ...answer, wording: question.wording ?? question.text.replace(/\s+/g, ' ') }) });
    else kept.push(question);
  }
  if (edits.length === 0) return prepared;
  const text = replaceSpans(prepared.text, edits);
  const shiftAt = (offset: number) => edits.reduce((shift, e) => (e.end <= offset ? shift + e.replacement.length - (e.end - e.start) : shift), 0);
  const lineOf = lineCounter(text);
  const questions = kept.map((q) => {
    const shift = shiftAt(q.start);
    return { ...q, start: q.start + shift, end: q.end + shift, line: lineOf(q.start + shift) };
  });
  return { text, converted: prepared.converted + edits.length, questions };
}

/** Initials as letters only ("M. R." and "M.R" are "mr"); '' for wording that is not initials. */
function initialsKey(wording: string): string {
  const letters = fold(wording).replace(/[^a-z]/g, '');
  return /^\p{Lu}([.\s]*\p{Lu}){1,3}\.?$/u.test(wording.trim()) && letters.length >= 2 && letters.length <= 4 ? letters : '';
}

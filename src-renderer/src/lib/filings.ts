import { KIND_WORDS } from '../../../src-preload/contract';
import type { FilingFields, FilingFormat, FindingDto, FilingDto, KeyField, QuestionDto } from '../../../src-preload/contract';

/** The plaintiffs the declaration of identities lists: a set, or pseudonyms. */
export type Identities = NonNullable<FilingFields['identities']>;

/** What the editor holds: the contract's filing fields, every optional text as a string. */
export interface FilingDraft {
  title: string;
  documentType: string;
  format: FilingFormat;
  court: string;
  caseNumber: string;
  parties: string;
  counsel: string;
  body: string;
  /** Undefined: the court's default labels for that document (lodged: the declaration of identities). */
  labels: { public?: string[] | undefined; sealed?: string[] | undefined; lodged?: string[] | undefined };
  orderDate: string;
  keyFields: KeyField[];
  identities: Identities;
}

export function draftOf(filing: FilingDto): FilingDraft {
  const d = filing.details;
  return {
    title: d.title,
    documentType: d.documentType ?? '',
    format: d.format,
    court: d.court ?? '',
    caseNumber: d.caseNumber ?? '',
    parties: d.parties ?? '',
    counsel: d.counsel ?? '',
    body: d.body,
    labels: { public: d.labels.public, sealed: d.labels.sealed, lodged: d.labels.lodged },
    orderDate: d.orderDate ?? '',
    keyFields: [...d.keyFields],
    identities: Array.isArray(d.identities) ? [...d.identities] : d.identities,
  };
}

/** The draft as the contract takes it (blank optional fields are "not given" in main). */
export function fieldsOf(draft: FilingDraft): FilingFields {
  const labels: NonNullable<FilingFields['labels']> = {};
  if (draft.labels.public) labels.public = draft.labels.public;
  if (draft.labels.sealed) labels.sealed = draft.labels.sealed;
  if (draft.labels.lodged) labels.lodged = draft.labels.lodged;
  return {
    title: draft.title,
    documentType: draft.documentType,
    format: draft.format,
    court: draft.court,
    caseNumber: draft.caseNumber,
    parties: draft.parties,
    counsel: draft.counsel,
    body: draft.body,
    labels,
    orderDate: draft.orderDate,
    keyFields: draft.keyFields,
    identities: draft.identities,
  };
}

export const FORMATS: Record<FilingFormat, { label: string; description: string }> = {
  california: { label: 'California pleading paper', description: '28 numbered lines, CRC 2.108 and 2.111; the title in every page’s footer.' },
  federal: { label: 'Federal', description: 'Plain paper, double-spaced, caption table.' },
};

export { KIND_WORDS };

export const FIELD_LABELS: Record<QuestionDto['field'], string> = {
  body: 'Body',
  title: 'Title',
  parties: 'Parties',
  counsel: 'Counsel',
  court: 'Court',
  caseNumber: 'Case number',
  caption: 'Judge, department and dates',
  signature: 'Signature block',
  labels: 'First-page labels',
  case: 'The case’s title, court or number',
};

/** Whom a finding may point at, by pseudonym; people of other cases are said to be so. */
export function describeTargets(finding: Pick<FindingDto, 'targets'>, caseId: string): string {
  const names = finding.targets.map((t) => (t.caseId === caseId ? t.pseudonym : `${t.pseudonym} (another case)`));
  if (names.length === 0) return 'someone in the vault';
  if (names.length === 1) return names[0]!;
  if (names.length <= 4) return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(', ')} or ${names.length - 3} others`;
}

/**
 * What a finding is, in words: "surname of Jane Doe 3", "initials of Jane Doe 1 or John Doe 2";
 * a mixed-script word belongs to nobody: "word mixing scripts (Latin and Cyrillic)".
 */
export function describeFinding(finding: Pick<FindingDto, 'kind' | 'targets'> & { scripts?: string[] | undefined }, caseId: string): string {
  if (finding.kind === 'mixed-script') {
    return finding.scripts && finding.scripts.length > 0 ? `word mixing scripts (${finding.scripts.join(' and ')})` : 'word mixing scripts';
  }
  return `${KIND_WORDS[finding.kind]} of ${describeTargets(finding, caseId)}`;
}

/** What DoeVault does with a finding, in a few words. */
export function describeAction(finding: Pick<FindingDto, 'action'>): { text: string; tone: 'auto' | 'ask' } {
  const { action } = finding;
  switch (action.kind) {
    case 'plaintiff':
      return { text: `Becomes ${action.pseudonym} automatically`, tone: 'auto' };
    case 'redact':
      return { text: 'Redacted automatically in the public version', tone: 'auto' };
    case 'ask':
      return { text: 'Needs your decision', tone: 'ask' };
  }
}

/** Why a question needs a person. */
export function whyAsked(question: Pick<QuestionDto, 'action' | 'cannotClear' | 'field' | 'kind'>): string {
  if (question.cannotClear) {
    return `This is marked “not a plaintiff”, but it is the ${KIND_WORDS[question.kind]} of someone in the vault. Choose the plaintiff, or redact it.`;
  }
  if (question.field !== 'body' && question.action.kind !== 'ask') {
    return `The ${FIELD_LABELS[question.field].toLowerCase()} is printed as written in both versions, so it may not name anyone in the vault.`;
  }
  switch (question.action.kind === 'ask' ? question.action.why : undefined) {
    case 'several':
      return 'Several people in the vault have this name. Say whom it means, or that it means nobody in the vault.';
    case 'common-word':
      return 'This is a name of someone in the vault, and also an ordinary word. Say which it is here.';
    case 'other-case':
      return 'This names someone of another case only. Redact it, or say it means someone else.';
    case 'date':
      return 'This date is the date of birth of someone in the vault. Redact it, or say it is just a date.';
    case 'initials':
      return 'These are the initials of someone in the vault, and initials identify people who know the case. Say whom they mean, redact them, or say they mean nobody in the vault (an abbreviation, or someone else).';
    case 'mixed-script':
      return 'This word mixes letters of different scripts (a look-alike letter, such as a Cyrillic “а” in a Latin word). It would print disguised: retype it in one script in the draft, or redact it.';
    case 'repeated':
      return 'The same plaintiff is named twice in one list (perhaps a name and an alias of one person). Edit the draft: drop the repeat, or correct the name.';
    case 'beside-other':
      return 'A name stands right beside a different plaintiff’s pseudonym, so one of them is wrong. Edit the draft: correct the name or the pseudonym.';
    default:
      return 'This names someone in the vault.';
  }
}

/** Plaintiff tokens, for showing them in the editor ({{Jane Doe 3}}, {{redacted|…}}). */
export const TOKEN_PATTERN = /\{\{[^{}\n]*\}\}/g;

/**
 * Findings of the previous text moved to the new one: the edit is the span between the common
 * prefix and suffix; findings before it stay, after it shift, over it go (until the next scan).
 */
export function shiftFindings<F extends { start: number; end: number }>(findings: readonly F[], before: string, after: string): F[] {
  if (before === after) return [...findings];
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const out: F[] = [];
  for (const f of findings) {
    if (f.end <= prefix) out.push(f);
    else if (f.start >= editEnd) out.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return out;
}

/** The line around a span, shortened, with the span marked: for the questions list. */
export function excerpt(text: string, start: number, end: number, room = 60): { before: string; hit: string; after: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const from = Math.max(lineStart, start - room);
  const to = Math.min(lineEnd, end + room);
  return {
    before: (from > lineStart ? '…' : '') + text.slice(from, start),
    hit: text.slice(start, end),
    after: text.slice(end, to) + (to < lineEnd ? '…' : ''),
  };
}

/** The wording inside a {{not a plaintiff|…}} token, or null when the span is not one. */
export function notAPlaintiffWording(token: string): string | null {
  const match = /^\{\{\s*not a plaintiff\s*\|([^{}\n]*)\}\}$/i.exec(token);
  return match ? match[1]!.trim() : null;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

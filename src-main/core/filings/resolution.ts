import { VaultError } from '../errors';
import type { LeakScanner } from '../scan';
import type { HitTarget, LeakHit } from '../scan/types';
import { fold } from '../text/normalize';
import { formatToken, lineCounter, pseudonymKey, tokenSpans, type Token, type TokenSpan } from './tokens';

type PlaintiffTokenSpan = TokenSpan & { pseudonym: NonNullable<TokenSpan['pseudonym']> };

/**
 * A hit of a draft. One over a whole token whose head is not a pseudonym of the case carries
 * that token's wording, if it has one: what its author meant the sealed version to print, kept
 * by the answer ("{{Marta Kowalczyk|Marta}}" given to Jane Doe 1 is {{Jane Doe 1|Marta}}).
 */
export type DraftHit = LeakHit & { wording?: string };

/**
 * How a filing's check and the editor scan a draft's text: its tokens are handled (a plaintiff's
 * wording and a redaction print under seal; a "not a plaintiff" wording is checked on its own,
 * questions.ts), and mixed-script words inside names dropped. Only here: braces in any other
 * text shield nothing.
 *
 * A plaintiff token's head prints publicly, so it is handled only when it is a pseudonym of
 * the case (`pseudonyms`). Any other head is read like the text around it: "{{Marta Kowalczyk}}"
 * is her name, not a token. What it names becomes one finding over the whole token, so that
 * its answer replaces the token instead of nesting one inside it.
 */
export function draftScan(scanner: Pick<LeakScanner, 'findings'>, pseudonyms: Iterable<string>): (text: string) => DraftHit[] {
  const known = new Set([...pseudonyms].map(pseudonymKey));
  return (text) => {
    const tokens = tokenSpans(text);
    const handled: { start: number; end: number }[] = [];
    const unknown: PlaintiffTokenSpan[] = [];
    for (const token of tokens) {
      const head = token.pseudonym;
      if (head === undefined || known.has(pseudonymKey(head.text))) {
        handled.push(token);
        continue;
      }
      unknown.push({ ...token, pseudonym: head });
      handled.push({ start: token.start, end: head.start }, { start: head.end, end: token.end });
    }
    const hits = decidable(scanner.findings({ text, handled }));
    if (unknown.length === 0) return hits;
    const out: DraftHit[] = [];
    let next = 0;
    for (const token of unknown) {
      while (next < hits.length && hits[next]!.end <= token.start) out.push(hits[next++]!);
      const inside: LeakHit[] = [];
      while (next < hits.length && hits[next]!.start < token.end) inside.push(hits[next++]!);
      if (inside.length > 0) out.push(asWholeToken(token, inside));
    }
    while (next < hits.length) out.push(hits[next++]!);
    return out;
  };
}

/**
 * The hits inside a token's head as one hit over the whole token. Its text is the head as
 * written, so an answer keeps every word of it: "{{Officer Marta Kowalczyk}}" given to Jane
 * Doe 1 becomes {{Jane Doe 1|Officer Marta Kowalczyk}}. Whom it may name is everyone any of
 * the hits may name.
 */
function asWholeToken(token: PlaintiffTokenSpan, hits: readonly LeakHit[]): DraftHit {
  const lead = hits.find((hit) => NAME_KINDS.has(hit.kind)) ?? hits.find((hit) => hit.kind !== 'mixed-script') ?? hits[0]!;
  const targets = new Map<string, HitTarget>();
  for (const hit of hits) for (const target of hit.targets) targets.set(target.plaintiffId, target);
  return {
    ...lead,
    start: token.start,
    end: token.end,
    text: token.pseudonym.text,
    targets: [...targets.values()],
    reasons: [...new Set(hits.flatMap((hit) => hit.reasons))],
    ...(token.wording === undefined ? {} : { wording: token.wording }),
  };
}

/**
 * What a draft's hits become (issue: "Nothing ambiguous passes silently"). A hit that can name
 * only one plaintiff of this case becomes that plaintiff's token; a phone number, email, address
 * or ID number becomes a redaction; everything else waits for a person to decide.
 */
export type Action =
  | { kind: 'plaintiff'; pseudonym: string }
  | { kind: 'redact' }
  | { kind: 'ask'; why: AskReason };

export type AskReason =
  | 'several' // the text may name several people of the vault (a shared surname)
  | 'common-word' // the text is also an ordinary word ("Will", "Young")
  | 'other-case' // the text names someone of another case only
  | 'date' // a date that is someone's date of birth, or just a date
  | 'initials' // a plaintiff's initials, or an abbreviation or someone else's initials
  | 'mixed-script' // a word mixing scripts: retype it in one script, or redact it
  | 'repeated' // the same plaintiff twice in one list (neighbours.ts)
  | 'beside-other'; // a name right beside a different plaintiff's pseudonym (neighbours.ts)

export interface Finding extends DraftHit {
  action: Action;
}

/** The user's answer to a finding. */
export type Choice = { kind: 'plaintiff'; pseudonym: string } | { kind: 'redact' } | { kind: 'not-a-plaintiff' };

const NAME_KINDS = new Set<LeakHit['kind']>(['full-name', 'surname', 'given-name', 'alias']);

/**
 * The hits a person decides on, one per place: a mixed-script word inside a name's hit
 * ("Mаrta Kowalczyk") goes with that hit: once the name becomes a token or is redacted the
 * disguise is gone from the public text, and two findings over one span could not both be
 * answered.
 */
export function decidable(hits: readonly LeakHit[]): LeakHit[] {
  const names = hits.filter((hit) => hit.kind !== 'mixed-script');
  if (names.length === hits.length) return [...hits];
  return hits.filter((hit) => hit.kind !== 'mixed-script' || !names.some((name) => hit.start < name.end && hit.end > name.start));
}

export function classify(hit: DraftHit, caseId: string): Finding {
  return { ...hit, action: actionFor(hit, caseId) };
}

function actionFor(hit: LeakHit, caseId: string): Action {
  if (hit.kind === 'date-of-birth') return { kind: 'ask', why: 'date' };
  // Never automatic, even with one plaintiff of that name: two capitals are as often an
  // abbreviation or someone else's initials, and a wrong pseudonym would print a falsehood.
  if (hit.kind === 'initials') return { kind: 'ask', why: 'initials' };
  // A disguised word has no right reading: a person must retype or redact it.
  if (hit.kind === 'mixed-script') return { kind: 'ask', why: 'mixed-script' };
  // A handle, school, employer or characteristic of ordinary words only ("Police Department")
  // may be there for another reason: asked, not redacted.
  if (!NAME_KINDS.has(hit.kind)) return hit.reasons.includes('common-word') ? { kind: 'ask', why: 'common-word' } : { kind: 'redact' };
  const inCase = hit.targets.filter((target) => target.caseId === caseId);
  if (hit.reasons.includes('common-word')) return { kind: 'ask', why: 'common-word' };
  if (hit.targets.length > 1 || hit.reasons.includes('shared')) return { kind: 'ask', why: 'several' };
  if (inCase.length === 0) return { kind: 'ask', why: 'other-case' };
  return { kind: 'plaintiff', pseudonym: inCase[0]!.pseudonym };
}

/**
 * Only what may honestly name someone else can be marked "not a plaintiff": a given name or
 * surname alone, initials, an alias, handle, school, employer or characteristic of ordinary
 * words only, a date. A mixed-script word cannot: it is printed as written, disguise and all.
 * A full name (even one two people of the vault share, or a relative's), a contact detail, a
 * plate or an ID number must be given to a plaintiff or redacted,
 * and the export's verifier refuses it in a public file whatever the draft says.
 */
export function clearable(hit: Pick<LeakHit, 'confidence' | 'kind' | 'reasons'>): boolean {
  switch (hit.kind) {
    case 'date-of-birth':
    case 'initials':
      return true;
    case 'surname':
    case 'given-name':
      return hit.confidence === 'low';
    case 'alias':
    case 'handle':
    case 'affiliation':
    case 'characteristic':
      return hit.reasons.includes('common-word');
    default:
      return false;
  }
}

/** The token that replaces a hit's text for a decision. */
export function tokenFor(hit: Pick<DraftHit, 'text' | 'kind' | 'targets' | 'wording'>, choice: Choice, legalNameOf: (pseudonym: string) => string | undefined): Token {
  // A token's own wording is what its author meant the sealed version to print; what was
  // matched (its head) printed publicly, so only "not a plaintiff", which prints publicly, keeps that.
  const wording = hit.wording ?? asWritten(hit.text);
  switch (choice.kind) {
    case 'redact':
      return { kind: 'redacted', wording };
    case 'not-a-plaintiff':
      return { kind: 'not-a-plaintiff', wording: asWritten(hit.text) };
    case 'plaintiff': {
      const legalName = legalNameOf(choice.pseudonym);
      if (legalName === undefined) {
        throw new VaultError('VALIDATION', `${choice.pseudonym} is not a plaintiff of this case. Pick one from the roster.`, { field: 'pseudonym' });
      }
      // A contact detail given to a plaintiff still prints as a redaction: the pseudonym in place
      // of a phone number would read as nonsense.
      // Initials given to a plaintiff print the pseudonym ("Officer M.R." as "Jane Doe 3": the
      // title goes too, see mention.ts), the sealed version the initials as drafted.
      if ((hit as LeakHit).kind === 'initials') return { kind: 'plaintiff', pseudonym: choice.pseudonym, wording };
      if (!NAME_KINDS.has((hit as LeakHit).kind)) return { kind: 'redacted', wording };
      // A name broken at a line end ("Wiś-\nniewski") is the same name; so is one broken at its
      // own hyphen ("Garcia-\nLopez").
      const legal = fold(legalName);
      const same = (hit.wording === undefined ? [wording, asWritten(hit.text.replace(/-\s*\n\s*/g, '-'))] : [wording]).some((form) => fold(form) === legal);
      return same ? { kind: 'plaintiff', pseudonym: choice.pseudonym } : { kind: 'plaintiff', pseudonym: choice.pseudonym, wording };
    }
  }
}

/** The text of a hit as one line: end-of-line hyphenation joined, line breaks as spaces. */
function asWritten(text: string): string {
  return text.replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ').trim();
}

/** Replaces the spans of `edits` (non-overlapping, any order) in `text`. */
export function replaceSpans(text: string, edits: readonly { start: number; end: number; replacement: string }[]): string {
  let out = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(from, edit.start) + edit.replacement;
    from = edit.end;
  }
  return out + text.slice(from);
}

export interface PreparedDraft {
  /** The draft with every unambiguous mention turned into a token. */
  text: string;
  /** How many mentions became tokens. */
  converted: number;
  /** What still needs a person, with offsets into `text`. */
  questions: Finding[];
}

/**
 * Turns the unambiguous hits of a draft into tokens and returns the rest as questions, with
 * their offsets moved to the new text.
 */
export function prepareDraft(text: string, findings: readonly Finding[], legalNameOf: (pseudonym: string) => string | undefined): PreparedDraft {
  const edits: { start: number; end: number; replacement: string }[] = [];
  const questions: Finding[] = [];
  let shift = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.action.kind === 'ask') {
      questions.push({ ...finding, start: finding.start + shift, end: finding.end + shift });
      continue;
    }
    const choice: Choice = finding.action.kind === 'redact' ? { kind: 'redact' } : finding.action;
    const replacement = formatToken(tokenFor(finding, choice, legalNameOf));
    edits.push({ start: finding.start, end: finding.end, replacement });
    shift += replacement.length - (finding.end - finding.start);
  }
  const prepared = replaceSpans(text, edits);
  // A name broken across lines becomes a one-line token: the lines after it move up.
  const lineOf = lineCounter(prepared);
  return { text: prepared, converted: edits.length, questions: questions.map((q) => ({ ...q, line: lineOf(q.start) })) };
}

export function describeTargets(targets: readonly HitTarget[]): string {
  return targets.map((target) => target.pseudonym).join(', ');
}

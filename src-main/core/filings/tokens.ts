import { VaultError } from '../errors';
import { LABEL_NAME, PARAGRAPH_REF_HEAD } from './paragraph-numbers';

/**
 * Plaintiff tokens: the one markup a filing's body has beyond Markdown. Every name, contact
 * detail or number that points at a person of the vault is written as a token, so that the
 * public and sealed versions come from the same text:
 *
 *   {{Jane Doe 3}}                  public: Jane Doe 3     sealed: her legal name
 *   {{Jane Doe 3|Maria}}            public: Jane Doe 3     sealed: Maria (the wording as drafted)
 *   {{redacted|(555) 010-0199}}     public: [REDACTED-1]   sealed: (555) 010-0199, marked (redactions.ts)
 *   {{not a plaintiff|Washington}}  both: Washington (the user says it names nobody in the vault)
 *   {{para:damages}}                both: the number of the paragraph labelled {#damages}
 *
 * In the sealed version the first mention of each plaintiff is the legal name with the
 * pseudonym, whatever the wording: "Maria Elena Ramírez (Jane Doe 3)".
 */
export type Token =
  | { kind: 'plaintiff'; pseudonym: string; wording?: string }
  | { kind: 'redacted'; wording: string }
  | { kind: 'not-a-plaintiff'; wording: string }
  /** Names nobody, so it has no wording to scan or print (paragraph-numbers.ts). */
  | { kind: 'paragraph-ref'; label: string; wording?: undefined };

/** The tokens that stand for text as drafted (every kind but a paragraph reference). */
export type WordedToken = Exclude<Token, { kind: 'paragraph-ref' }>;

export interface PlacedToken {
  token: Token;
  /** Offsets of the whole token, braces included. */
  start: number;
  end: number;
  line: number;
}

export const REDACTED_HEAD = 'redacted';
export const NOT_A_PLAINTIFF_HEAD = 'not a plaintiff';

const TOKEN = /\{\{([^{}\n]*)\}\}/g;

/** Normalised form of a pseudonym for lookups: "jane  doe 3" finds "Jane Doe 3". */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every token of `text`, in order. Throws VALIDATION for a token that is opened and never closed. */
export function findTokens(text: string): PlacedToken[] {
  const tokens: PlacedToken[] = [];
  const lines = lineCounter(text);
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ token: parseToken(match[1]!, lines(start)), start, end: start + match[0].length, line: lines(start) });
  }
  const stray = strayBraces(text, tokens);
  if (stray !== undefined) {
    throw new VaultError(
      'VALIDATION',
      `Line ${lines(stray)}: "{{" without a matching "}}" on the same line. Close the token, e.g. {{Jane Doe 3}}.`,
      { field: 'body' },
    );
  }
  return tokens;
}

export function formatToken(token: Token): string {
  switch (token.kind) {
    case 'plaintiff':
      return token.wording === undefined ? `{{${token.pseudonym}}}` : `{{${token.pseudonym}|${clean(token.wording)}}}`;
    case 'redacted':
      return `{{${REDACTED_HEAD}|${clean(token.wording)}}}`;
    case 'not-a-plaintiff':
      return `{{${NOT_A_PLAINTIFF_HEAD}|${clean(token.wording)}}}`;
    case 'paragraph-ref':
      return `{{${PARAGRAPH_REF_HEAD}${token.label}}}`;
  }
}

export interface TokenSpan {
  /** Offsets of the whole token, braces included. */
  start: number;
  end: number;
  /** A plaintiff token's head, the pseudonym as written (trimmed): what its public version prints. */
  pseudonym?: { start: number; end: number; text: string };
  /** A plaintiff token's wording, after its "|" (what its sealed version prints), as parseToken reads it. */
  wording?: string;
}

/** Where the tokens of `text` are, without judging them (never throws, unlike `findTokens`). */
export function tokenSpans(text: string): TokenSpan[] {
  return [...text.matchAll(TOKEN)].map((match) => {
    const start = match.index;
    const span: TokenSpan = { start, end: start + match[0].length };
    const inner = match[1]!;
    const bar = inner.indexOf('|');
    const raw = bar < 0 ? inner : inner.slice(0, bar);
    const head = raw.trim();
    if (head === '' || headKind(head.replace(/\s+/g, ' ')) !== 'plaintiff') return span;
    const from = start + 2 + (raw.length - raw.trimStart().length);
    const wording = bar < 0 ? '' : tokenWording(inner.slice(bar + 1));
    return { ...span, pseudonym: { start: from, end: from + head.length, text: head }, ...(wording === '' ? {} : { wording }) };
  });
}

function tokenWording(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** What a token is, by its head (before any "|"), trimmed and with single spaces. */
function headKind(head: string): Token['kind'] {
  const lower = head.toLowerCase();
  if (lower.startsWith(PARAGRAPH_REF_HEAD)) return 'paragraph-ref';
  if (lower === REDACTED_HEAD) return 'redacted';
  if (lower === NOT_A_PLAINTIFF_HEAD) return 'not-a-plaintiff';
  return 'plaintiff';
}

function parseToken(inner: string, line: number): Token {
  const bar = inner.indexOf('|');
  const head = (bar < 0 ? inner : inner.slice(0, bar)).trim().replace(/\s+/g, ' ');
  const wording = bar < 0 ? undefined : tokenWording(inner.slice(bar + 1));
  if (head === '') {
    throw new VaultError('VALIDATION', `Line ${line}: an empty token {{ }}. Write a pseudonym inside, e.g. {{Jane Doe 3}}.`, { field: 'body' });
  }
  if (wording === '') {
    throw new VaultError('VALIDATION', `Line ${line}: a token with nothing after "|". Remove the "|" or write the wording after it.`, { field: 'body' });
  }
  const kind = headKind(head);
  const lower = head.toLowerCase();
  if (kind === 'paragraph-ref') {
    const label = head.slice(PARAGRAPH_REF_HEAD.length).trim();
    if (wording !== undefined || !LABEL_NAME.test(label)) {
      throw new VaultError(
        'VALIDATION',
        `Line ${line}: {{${inner.trim()}}} is not a paragraph reference. Write {{${PARAGRAPH_REF_HEAD}label}} with the label of a numbered paragraph, e.g. {{${PARAGRAPH_REF_HEAD}damages}}.`,
        { field: 'body' },
      );
    }
    return { kind: 'paragraph-ref', label };
  }
  if (kind === 'redacted' || kind === 'not-a-plaintiff') {
    if (wording === undefined) {
      throw new VaultError('VALIDATION', `Line ${line}: {{${head}}} needs the text it applies to, e.g. {{${lower}|…}}.`, { field: 'body' });
    }
    return { kind, wording };
  }
  return wording === undefined ? { kind: 'plaintiff', pseudonym: head } : { kind: 'plaintiff', pseudonym: head, wording };
}

/** The first "{{" or "}}" that is not part of a token, if any. */
function strayBraces(text: string, tokens: readonly PlacedToken[]): number | undefined {
  let from = 0;
  for (const { start, end } of [...tokens, { start: text.length, end: text.length }]) {
    const gap = text.slice(from, start);
    const open = gap.indexOf('{{');
    const close = gap.indexOf('}}');
    const first = [open, close].filter((i) => i >= 0);
    if (first.length > 0) return from + Math.min(...first);
    from = end;
  }
  return undefined;
}

function clean(wording: string): string {
  return wording.replace(/[{}|]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** 1-based line of an offset; for many lookups in increasing order it stays linear. */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

import type { HitTarget } from '../scan/types';
import type { Finding } from './resolution';
import { findTokens, lineCounter } from './tokens';

/**
 * Mentions that are each right but wrong together (issue 12, item 6): the same plaintiff twice
 * in one list ("including Jane Doe 1 and Jane Doe 1", often a real name and an alias of one
 * person turned into tokens), and a name beside a different plaintiff's pseudonym ("Maria
 * Young (Jane Doe 1)" where Maria Young is Jane Doe 8). Either prints a falsehood whichever
 * way it is read, so neither is fixed silently: each is a question, answered by editing the
 * draft (drop the repeat, or correct the name or the pseudonym).
 */
interface Mention {
  start: number;
  end: number;
  target: HitTarget;
  /** Written as a token (a real name the draft or the user turned into one), not plain text. */
  token: boolean;
  possessive: boolean;
}

/** Between two items of one list: a comma or semicolon, "and", "or", "&"; never a blank line. */
const LIST_GAP = /^[ \t\n]*(?:[,;][ \t\n]*)?(?:(?:and|or|&)[ \t\n]+)?$/i;
/** Beside each other: spaces and at most one bracket ("Maria Young (Jane Doe 1)"). */
const BESIDE_GAP = /^[ \t]*[()[\]]?[ \t]*$/;
const POSSESSIVE = /^['’]s?(?![\p{L}\p{N}])/u;

export function neighbourQuestions(text: string, roster: readonly HitTarget[]): Finding[] {
  const mentions = mentionsIn(text, roster);
  const questions: Finding[] = [];
  const lineOf = lineCounter(text);
  const ask = (start: number, end: number, targets: HitTarget[], why: 'repeated' | 'beside-other') =>
    questions.push({ start, end, text: text.slice(start, end), kind: 'full-name', confidence: 'high', reasons: [], targets, line: lineOf(start), action: { kind: 'ask', why } });

  let list = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    const here = mentions[i]!;
    const before = mentions[i - 1];
    const gap = before ? text.slice(before.end, here.start) : '';
    // "Jane Doe 1 and Jane Doe 1's mother" is two people; a possessive ends the list.
    const inList = before !== undefined && !before.possessive && !here.possessive && LIST_GAP.test(gap) && !/\n[ \t]*\n/.test(gap);
    if (!inList) list = new Set();
    if (inList && list.has(here.target.pseudonym)) {
      ask(here.start, here.end, [here.target], 'repeated');
    } else if (before && before.target.pseudonym !== here.target.pseudonym && (before.token || here.token) && BESIDE_GAP.test(gap)) {
      ask(before.start, here.end, [before.target, here.target], 'beside-other');
    }
    list.add(here.target.pseudonym);
  }
  return questions;
}

/** Plaintiff tokens and pseudonyms typed as plain text, in order. */
function mentionsIn(text: string, roster: readonly HitTarget[]): Mention[] {
  const byKey = new Map(roster.map((target) => [key(target.pseudonym), target]));
  const tokens = findTokens(text);
  const possessiveAt = (end: number) => POSSESSIVE.test(text.slice(end, end + 3));
  const mentions: Mention[] = [];
  for (const { token, start, end } of tokens) {
    const target = token.kind === 'plaintiff' ? byKey.get(key(token.pseudonym)) : undefined;
    if (target) mentions.push({ start, end, target, token: true, possessive: possessiveAt(end) || /['’]s?$/.test(token.wording ?? '') });
  }
  const inToken = (offset: number) => tokens.some((t) => offset >= t.start && offset < t.end);
  for (const target of roster) {
    const plain = new RegExp(`(?<![\\p{L}\\p{N}])${escape(target.pseudonym).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(plain)) {
      if (!inToken(match.index)) mentions.push({ start: match.index, end: match.index + match[0].length, target, token: false, possessive: possessiveAt(match.index + match[0].length) });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function key(pseudonym: string): string {
  return pseudonym.trim().replace(/\s+/g, ' ').toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

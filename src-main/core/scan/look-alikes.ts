/**
 * Words that mix scripts (issue 11, leak 1): "Mаrta" with a Cyrillic "а", "Ηelen" with a Greek
 * capital Eta. The text map folds look-alike letters to their confusable skeletons, so most such
 * words are found as names; a word that mixes Latin, Greek, Cyrillic, Armenian or Cherokee
 * letters is suspicious in itself (no real word does), so it is reported on its own, whatever
 * it spells: nothing ambiguous passes silently. Only letters count: digits, marks and
 * "Common" characters (fullwidth punctuation, mathematical letters are Common) mix with any
 * script; fullwidth Latin is Latin.
 */

export interface MixedScriptWord {
  /** UTF-16 offsets into the text: text.slice(start, end) is the word. */
  start: number;
  end: number;
  text: string;
  /** The scripts mixed in it, in the order of first use: ["Latin", "Cyrillic"]. */
  scripts: string[];
}

const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** A word: letters, marks and digits. */
const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;
/** Words of ASCII alone mix nothing. */
const CANDIDATE = /[^\p{ASCII}]/u;

export function findMixedScriptWords(text: string): MixedScriptWord[] {
  if (!CANDIDATE.test(text)) return [];
  const found: MixedScriptWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!CANDIDATE.test(word)) continue;
    const scripts: string[] = [];
    for (const c of word) {
      if (c.charCodeAt(0) < 0x41) continue;
      for (const [name, pattern] of SCRIPTS) {
        if (pattern.test(c)) {
          if (!scripts.includes(name)) scripts.push(name);
          break;
        }
      }
    }
    if (scripts.length > 1) found.push({ start: match.index, end: match.index + word.length, text: word, scripts });
  }
  return found;
}

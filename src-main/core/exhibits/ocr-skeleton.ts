/**
 * OCR's confusions, folded on both sides (issue 14, item 2): the page's text and the names
 * looked for are both mapped to a skeleton where the shapes OCR mistakes for each other are
 * one letter: l, 1, I, i, |, ! are "l"; O and 0 are "o"; "rn" is "m"; "vv" is "w"; 5 is "s".
 * A name read as "Kowa1czyk" or "rnarta" then meets its own skeleton.
 *
 * Only names are folded (legal name, aliases, relatives, handles): phone and ID numbers are
 * digits, whose skeleton would turn them into words.
 */
import type { ScanIdentity } from '../scan/types';
import type { MappedText } from './page-text';

const SINGLE: Readonly<Record<string, string>> = { '1': 'l', i: 'l', '|': 'l', '!': 'l', 'ı': 'l', '0': 'o', '5': 's' };
const PAIRS: Readonly<Record<string, string>> = { rn: 'm', vv: 'w' };

/** The skeleton of a text, each character mapped back to the word of the first character it came from. */
export function skeletonOf(mapped: MappedText): MappedText {
  const lower = mapped.text.toLowerCase();
  // toLowerCase keeps the length for the letters OCR reads (Latin); anything else is left as is.
  const source = lower.length === mapped.text.length ? lower : mapped.text;
  let text = '';
  const owner: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const pair = PAIRS[source.slice(i, i + 2)];
    if (pair) {
      text += pair;
      owner.push(mapped.owner[i]! >= 0 ? mapped.owner[i]! : mapped.owner[i + 1]!);
      i++;
      continue;
    }
    const ch = source[i]!;
    text += SINGLE[ch] ?? ch;
    owner.push(mapped.owner[i]!);
  }
  return { text, owner: Int32Array.from(owner) };
}

export function skeletonText(text: string): string {
  return skeletonOf({ text, owner: new Int32Array(text.length) }).text;
}

/** The identities with their names as skeletons, and nothing else (see the file comment). */
export function skeletonIdentities(identities: readonly ScanIdentity[]): ScanIdentity[] {
  return identities.map((identity) => ({
    plaintiffId: identity.plaintiffId,
    caseId: identity.caseId,
    pseudonym: skeletonText(identity.pseudonym),
    legalName: skeletonText(identity.legalName),
    aliases: identity.aliases.map(skeletonText),
    idNumbers: [],
    family: identity.family?.map((member) => ({ ...member, name: skeletonText(member.name) })),
    handles: identity.handles?.map(skeletonText),
  }));
}

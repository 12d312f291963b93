import { HONORIFICS } from '../shared/honorifics';
import { fold } from '../text/normalize';
import type { PlacedToken } from './tokens';

/**
 * The words around a plaintiff token that change with the audience (issue 12, item 6). A token
 * stands for a name, but the draft wraps the name in English: a title before it ("Ms. Young"),
 * a possessive after it ("Young's"), quotes around an alias ("as "Jimmy,""). Printed as they
 * were drafted around a pseudonym they read as mistakes ("Ms. Jane Doe 8", "Jane Doe 3" for
 * "Young's"), so the renders take them in with the token and decide per audience.
 */
export interface Mention {
  /** Offsets of the token and the words taken in with it. */
  start: number;
  end: number;
  /** The title as drafted, with the space after it: "Ms. ". */
  honorific?: string;
  /** The possessive as drafted: "'s", "’s", or a bare apostrophe after a name ending in s. */
  possessive?: string;
  /** The token's wording without its possessive ("Young" for "Young's"). */
  wording?: string;
  /** Quotes around the token; `close` holds the punctuation inside them: `,"`. */
  quoted?: { open: string; close: string };
}

const TITLE_GAP = '[ \\t\\u00A0]+';
const HONORIFIC = honorificPattern(HONORIFICS);
const POSSESSIVE_IN_WORDING = /^(.*?\S)(['’]s|(?<=s)['’])$/su;
const POSSESSIVE_AFTER = /^(['’]s|['’])(?![\p{L}\p{N}])/u;
const QUOTES: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’' };

/**
 * Where a plaintiff token's mention begins and ends in `body`. `aliases` says which wordings
 * are aliases: only an alias in quotes is a nickname to keep out of print; a quoted legal name
 * is a quotation.
 */
export function mentionOf(body: string, placed: PlacedToken, aliases: readonly string[]): Mention {
  const { token } = placed;
  const mention: Mention = { start: placed.start, end: placed.end };
  if (token.kind !== 'plaintiff') return mention;
  let wording = token.wording;
  const inside = wording === undefined ? null : POSSESSIVE_IN_WORDING.exec(wording);
  if (inside) {
    wording = inside[1]!;
    mention.possessive = inside[2]!;
  } else {
    const after = POSSESSIVE_AFTER.exec(body.slice(placed.end, placed.end + 3));
    // A bare apostrophe is a possessive only after a name ending in s ("Reyes'"); after
    // anything else it closes a quotation.
    if (after && (after[1]!.length === 2 || (wording !== undefined && /s$/i.test(wording)))) {
      mention.possessive = after[1]!;
      mention.end += after[1]!.length;
    }
  }
  if (wording !== undefined) mention.wording = wording;

  const before = body.slice(Math.max(0, placed.start - 40), placed.start);
  const title = HONORIFIC.exec(before);
  if (title) {
    mention.honorific = title[0];
    mention.start -= title[0].length;
    return mention;
  }
  const open = body[placed.start - 1];
  if (open !== undefined && open in QUOTES && wording !== undefined && mention.possessive === undefined && isAlias(wording, aliases)) {
    const close = new RegExp(`^[,.;:!?]*${escape(QUOTES[open]!)}`).exec(body.slice(mention.end, mention.end + 6));
    if (close) {
      mention.quoted = { open, close: close[0] };
      mention.start -= 1;
      mention.end += close[0].length;
    }
  }
  return mention;
}

/** A name with a possessive: the drafted apostrophe, and "'s" unless the name ends in s and the draft wrote a bare apostrophe. */
export function withPossessive(name: string, possessive: string | undefined): string {
  if (possessive === undefined) return name;
  const apostrophe = possessive[0]!;
  return possessive.length === 1 && /s$/i.test(name) ? `${name}${apostrophe}` : `${name}${apostrophe}s`;
}

function isAlias(wording: string, aliases: readonly string[]): boolean {
  const folded = fold(wording);
  return aliases.some((alias) => fold(alias) === folded);
}

function honorificPattern(titles: readonly string[]): RegExp {
  const forms = titles.flatMap((title) => {
    const bare = title.endsWith('.') ? title.slice(0, -1) : title;
    const period = title.endsWith('.') ? '\\.?' : '';
    return [bare, bare.toUpperCase()].map((form) => escape(form).replace(/ /g, TITLE_GAP) + period);
  });
  // exec scans from the left, so a title of two words ("Police Officer") is taken whole.
  return new RegExp(`(?<![\\p{L}\\p{N}.])(?:${forms.join('|')})${TITLE_GAP}$`, 'u');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

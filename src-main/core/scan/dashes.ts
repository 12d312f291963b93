/**
 * What the scanner reads as a dash inside a name or a pseudonym ("García-López", "Jean‑Luc",
 * "Jane Doe–1"): every character Unicode files as dash punctuation (hyphen, non-breaking
 * hyphen, figure, en and em dash, horizontal bar, fullwidth and small hyphen-minus, wave dash,
 * the Armenian and Hebrew hyphens...) and the minus sign, which word processors put in its
 * place. One definition: name variants, initials and pseudonym shields once kept three hand
 * lists, and a surname written with a dash one list lacked lost its initials.
 *
 * Joining a word broken at a line end is another matter (text-map.ts): only hyphens do that.
 */

/** The dashes, for a character class: `[${DASH_CLASS}]`. */
export const DASH_CLASS = '\\p{Pd}\\u2212';

/** One dash (no `g` flag: safe for `test` and `split`). */
export const DASH = new RegExp(`[${DASH_CLASS}]`, 'u');

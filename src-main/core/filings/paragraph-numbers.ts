import { VaultError } from '../errors';
import type { PlacedToken } from './tokens';

/**
 * Numbered paragraphs and references to them. A draft labels a numbered paragraph with
 * `{#damages}` (one brace, so it can never be read as a plaintiff token) and cites it with
 * `{{para:damages}}`, which prints the paragraph's number: the citation follows the paragraph
 * when paragraphs are added or moved above it.
 */

/** The label of a numbered paragraph: a letter, then letters, digits, "-" or "_". */
export const LABEL_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const PARAGRAPH_LABEL = /\{#([A-Za-z][A-Za-z0-9_-]*)\}/g;

/** The head of a reference token, `{{para:damages}}`. */
export const PARAGRAPH_REF_HEAD = 'para:';

/** A line of its own that starts the next numbered list at 1 again. */
export const RESTART_NUMBERING = /^<!--\s*restart numbering\s*-->\s*$/i;

/** Throws VALIDATION, naming the line, for the first reference to a label no paragraph has. */
export function checkParagraphRefs(tokens: readonly PlacedToken[], labels: ReadonlyMap<string, number>): void {
  for (const { token, line } of tokens) {
    if (token.kind === 'paragraph-ref' && !labels.has(token.label)) {
      const known = [...labels.keys()];
      throw new VaultError(
        'VALIDATION',
        `Line ${line}: {{${PARAGRAPH_REF_HEAD}${token.label}}} refers to no paragraph: no numbered paragraph is labelled {#${token.label}}. ` +
          (known.length > 0 ? `The labels in this draft: ${known.map((label) => `{#${label}}`).join(', ')}.` : 'Label the paragraph first, e.g. "12. {#damages} Plaintiffs suffered …".'),
        { field: 'body' },
      );
    }
  }
}

import type { Block, Run } from './document';
import type { RedactionEntry } from './redactions';

/** The headings of the reference list's table. */
export const REFERENCE_LIST_COLUMNS = ['Reference', 'Redacted information', 'Where in the public version (page:line)'] as const;

/**
 * The body of the sealed reference list (FRCP 5.2(g); California: an index of what the public
 * version redacts): the court's opening sentence, then one row per reference with the text it
 * stands for and every place it prints in the public version. `locations` gives those places as
 * read back from the typeset public PDF ("2:14"), so they are where a reader finds them.
 */
export function referenceListBlocks(intro: string, entries: readonly RedactionEntry[], locations: (ref: string) => string[]): Block[] {
  const cell = (text: string): Run[] => [{ text }];
  return [
    { type: 'paragraph', runs: [{ text: intro }] },
    {
      type: 'table',
      header: REFERENCE_LIST_COLUMNS.map(cell),
      // A reference not found on a page (a title printed only in the metadata) says so rather than guess.
      rows: entries.map(({ ref, text }) => [cell(ref), cell(text), cell(locations(ref).join(', ') || 'not on a page')]),
    },
  ];
}

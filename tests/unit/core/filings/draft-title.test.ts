import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftTitle } from '../../../../src-main/core/filings/filing-facts';

describe('the title of a draft is its own, never its file name', () => {
  it('takes the front matter’s title, then the first heading', () => {
    expect(draftTitle('---\ntitle: Motion to Proceed Under Pseudonyms\n---\n# Complaint\n')).toBe('Motion to Proceed Under Pseudonyms');
    expect(draftTitle('---\ncourt: cacd\n---\nIntro.\n\n## Complaint for Damages ##\n')).toBe('Complaint for Damages');
    expect(draftTitle('Plain text with no heading.')).toBeUndefined();
  });

  it('falls back to the heading when the front matter does not parse (the check names the fault later)', () => {
    expect(draftTitle('---\njduge: Hon. A. Judge\n---\n# Complaint for Damages\n')).toBe('Complaint for Damages');
  });

  it('is a heading or front matter of the text for any text: nothing from outside it', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const title = draftTitle(text);
        if (title !== undefined) expect(text).toContain(title);
      }),
    );
  });
});

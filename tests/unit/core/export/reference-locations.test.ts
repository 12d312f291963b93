import { describe, expect, it } from 'vitest';
import { referenceLocations } from '../../../../src-main/core/export/reference-locations';

/** Where each reference prints in the public PDF, read back as pdfText gives it (issue 13, item 2). */
describe('referenceLocations', () => {
  // Two pages of pleading paper: per text line, the numbered line it sits on (0 above line 1, -1 the footer).
  const page1 = ['Ann Example', 'Contact [REDACTED-1] and [REDACTED-12].', 'See [REDACTED-1] again, [REDACTED-1].', '1', 'COMPLAINT [REDACTED-2]'];
  const page2 = ['Serial [REDACTED-2].', '2', 'COMPLAINT [REDACTED-2]'];
  const text = [...page1, ...page2].join('\n');
  const pdf = { text, pageStarts: [page1.join('\n').length + 1], pleadingLines: [[0, 18, 20, -1, -1], [3, -1, -1]] };

  it('gives page:line on the numbered line, every place once, a longer number never read as a shorter one', () => {
    const places = referenceLocations(pdf, ['[REDACTED-1]', '[REDACTED-2]', '[REDACTED-12]', '[REDACTED-3]']);
    expect(places.get('[REDACTED-1]')).toEqual(['1:18', '1:20']);
    expect(places.get('[REDACTED-12]')).toEqual(['1:18']);
    // The footer repeats the title on every page: not a place to cite.
    expect(places.get('[REDACTED-2]')).toEqual(['2:3']);
    expect(places.get('[REDACTED-3]')).toEqual([]);
  });

  it('says "top margin" above line 1, and gives the line of text on a page without numbered lines', () => {
    const top = { text: '[REDACTED-1] Esq.\nBody', pageStarts: [], pleadingLines: [[0, 2]] };
    expect(referenceLocations(top, ['[REDACTED-1]']).get('[REDACTED-1]')).toEqual(['1 (top margin)']);
    const plain = { text: 'Caption\nBody [REDACTED-1]\nMore\nnext page\nand [REDACTED-1]', pageStarts: ['Caption\nBody [REDACTED-1]\nMore'.length + 1], pleadingLines: [[], []] };
    expect(referenceLocations(plain, ['[REDACTED-1]']).get('[REDACTED-1]')).toEqual(['1:2', '2:2']);
  });

  it('finds a court’s form without brackets as a whole word only', () => {
    const pdf2 = { text: 'ITEM 1 and ITEM 12; ITEM 1.', pageStarts: [], pleadingLines: [[5]] };
    expect(referenceLocations(pdf2, ['ITEM 1']).get('ITEM 1')).toEqual(['1:5']);
    expect(referenceLocations({ ...pdf2, text: 'ITEM 12 only' }, ['ITEM 1']).get('ITEM 1')).toEqual([]);
  });
});

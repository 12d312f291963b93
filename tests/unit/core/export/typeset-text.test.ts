import { describe, expect, it } from 'vitest';
import {
  breakLines,
  courtTitleLines,
  isCentredHeading,
  lineText,
  printable,
  printedText,
  styledText,
  type Measure,
  type Styled,
} from '../../../../src-main/core/export/typeset-text';

/** Every character one point wide, so widths are lengths. */
const measure: Measure = (text) => [...printedText(text)].length;
const lines = (spans: Styled[], width: number, firstIndent = 0) => breakLines(spans, { width, firstIndent, size: 12, measure }).map(lineText);

describe('breakLines', () => {
  it('breaks at spaces only, dropping the space where a line wraps', () => {
    expect(lines(styledText('Zephyrine Quillfeather signed the declaration'), 22)).toEqual([
      'Zephyrine Quillfeather',
      'signed the declaration',
    ]);
  });

  it('never breaks inside a word that fits on a line, hyphen or not', () => {
    const out = lines(styledText('Bartholomew Oakhaven-Drysdale and Łucja Wiśniewska-Zoë'), 20);
    expect(out).toEqual(['Bartholomew', 'Oakhaven-Drysdale', 'and Łucja', 'Wiśniewska-Zoë']);
  });

  it('keeps no-break spaces together and prints them as spaces', () => {
    const out = lines(styledText('see Jane\u00a0Doe\u00a03 here'), 12);
    expect(out).toEqual(['see', 'Jane\u00a0Doe\u00a03', 'here']);
    expect(printedText(out[1]!)).toBe('Jane Doe 3');
  });

  it('keeps a spaced dash with the word before it', () => {
    expect(lines(styledText('WITHOUT COURT ORDER — CONTAINS MATERIAL'), 18)).toEqual(['WITHOUT COURT', 'ORDER — CONTAINS', 'MATERIAL']);
  });

  it('indents the first line and keeps leading spaces of a hard line', () => {
    expect(lines(styledText('one two three four'), 10, 4)).toEqual(['one', 'two three', 'four']);
    expect(lines(styledText('      Plaintiffs,\n  v.'), 30)).toEqual(['      Plaintiffs,', '  v.']);
  });

  it('cuts a word wider than the whole column between characters, without a hyphen', () => {
    expect(lines(styledText('id abcdefghijklmnop'), 6)).toEqual(['id', 'abcdef', 'ghijkl', 'mnop']);
    // A letter and its combining accent (two code points, two points wide here) stay together.
    const decomposed: Styled[] = [{ text: 'ZoëZoë'.normalize('NFD'), face: 'regular' }];
    expect(lines(decomposed, 3)).toEqual(['Zo', 'ëZ', 'oë'].map((text) => text.normalize('NFD')));
  });

  it('joins runs of different faces inside one word, and keeps faces apart in the pieces', () => {
    const [line] = breakLines(
      [
        { text: 'Doe', face: 'bold' },
        { text: ', Jane', face: 'regular' },
      ],
      { width: 100, size: 12, measure },
    );
    expect(line!.pieces.map((piece) => [piece.text, piece.face])).toEqual([
      ['Doe', 'bold'],
      [', Jane', 'regular'],
    ]);
  });

  it('gives one empty line for empty text', () => {
    expect(lines(styledText(''), 10)).toEqual(['']);
  });
});

describe('printable', () => {
  it('removes soft hyphens and zero-width characters, makes tabs and controls spaces, composes accents', () => {
    expect(printable('Zeph\u00adyrine\u200b Quill\tfeather\u0007!')).toBe('Zephyrine Quill feather !');
    expect(printable('Zoe\u0308')).toBe('Zoë');
    expect(printable('a\r\nb\rc')).toBe('a\nb\nc');
    expect(printable('bad \ud800 surrogate')).toBe('bad \ufffd surrogate');
  });
});

describe('courtTitleLines', () => {
  it('breaks a long title after the comma nearest its middle, and keeps a short one', () => {
    const long = 'SUPERIOR COURT OF THE STATE OF CALIFORNIA, COUNTY OF LOS ANGELES';
    expect(courtTitleLines(long, (line) => line.length <= 50)).toEqual(['SUPERIOR COURT OF THE STATE OF CALIFORNIA,', 'COUNTY OF LOS ANGELES']);
    expect(courtTitleLines(long, () => true)).toEqual([long]);
    expect(courtTitleLines('UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT', () => true)).toEqual(['UNITED STATES DISTRICT COURT', 'CENTRAL DISTRICT']);
  });
});

describe('pleading headings', () => {
  it('centre the top two levels and any heading of a claim, at any level', () => {
    const heading = (level: 1 | 2 | 3, text: string) => isCentredHeading({ type: 'heading', level, runs: [{ text }] });
    expect(heading(1, 'GENERAL ALLEGATIONS')).toBe(true);
    expect(heading(2, 'Negligence')).toBe(true);
    for (const text of ['THIRD CAUSE OF ACTION', 'First Claim for Relief', 'COUNT IV', 'Count 2 (42 U.S.C. § 1983)']) expect(heading(3, text), text).toBe(true);
    for (const text of ['Damages', 'The count of ballots', 'Counterclaims']) expect(heading(3, text), text).toBe(false);
  });
});


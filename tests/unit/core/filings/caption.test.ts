import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRanges, numberRanges, rosterCaption } from '../../../../src-main/core/filings/caption';
import { lettersFor, pseudonymFor, type Gender, type PseudonymScheme } from '../../../../src-main/core/cases/pseudonyms';

const seq = (first: number, last: number, stem: string) => Array.from({ length: last - first + 1 }, (_, i) => `${stem} ${first + i}`);

/** The numbers a printed range list names: "1 through 5, 7, 9 through 70". */
function numbersNamed(printed: string, read: (word: string) => number = Number): number[] {
  return printed.split(', ').flatMap((part) => {
    const [first, last] = part.split(' through ');
    const from = read(first!);
    const to = last === undefined ? from : read(last);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

function numberOfLetters(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

describe('roster caption', () => {
  it('names Jane and John Does numbered across one sequence', () => {
    expect(rosterCaption([...seq(1, 70, 'Jane Doe'), ...seq(71, 140, 'John Doe')])).toBe('JANE DOES 1 through 70 and JOHN DOES 71 through 140');
  });

  it('orders the schemes by their lowest number, whatever the roster order', () => {
    expect(rosterCaption([...seq(71, 140, 'John Doe'), ...seq(1, 70, 'Jane Doe')])).toBe('JANE DOES 1 through 70 and JOHN DOES 71 through 140');
  });

  it('prints a gap as a second range, never bridging it', () => {
    expect(rosterCaption([...seq(1, 5, 'Jane Doe'), ...seq(7, 70, 'Jane Doe'), ...seq(71, 140, 'John Doe')])).toBe(
      'JANE DOES 1 through 5, 7 through 70 and JOHN DOES 71 through 140',
    );
  });

  it('names separate Jane and John sequences', () => {
    expect(rosterCaption([...seq(1, 70, 'Jane Doe'), ...seq(1, 70, 'John Doe')])).toBe('JANE DOES 1 through 70 and JOHN DOES 1 through 70');
  });

  it('is singular for one plaintiff of a scheme', () => {
    expect(rosterCaption(['Jane Doe 1'])).toBe('JANE DOE 1');
    expect(rosterCaption(['Jane Doe 4', ...seq(1, 3, 'John Doe')])).toBe('JOHN DOES 1 through 3 and JANE DOE 4');
  });

  it('prints two neighbours as a pair, not a range', () => {
    expect(rosterCaption(['Doe 1', 'Doe 2'])).toBe('DOES 1, 2');
  });

  it('lists three or more schemes with a serial comma', () => {
    expect(rosterCaption([...seq(1, 3, 'Jane Doe'), ...seq(4, 6, 'John Doe'), ...seq(7, 9, 'Doe')])).toBe(
      'JANE DOES 1 through 3, JOHN DOES 4 through 6, and DOES 7 through 9',
    );
  });

  it('names the roster of every pseudonym scheme a case can have', () => {
    const genders: Gender[] = ['female', 'female', 'male', 'unspecified', 'female'];
    const roster = (scheme: PseudonymScheme) => genders.map((gender, i) => pseudonymFor(scheme, { seq: i + 1, gender }));
    expect(rosterCaption(roster({ kind: 'gendered' }))).toBe('JANE DOES 1, 2, 5, JOHN DOE 3, and DOE 4');
    expect(rosterCaption(roster({ kind: 'neutral' }))).toBe('DOES 1 through 5');
    expect(rosterCaption(roster({ kind: 'letters' }))).toBe('PLAINTIFFS A through E');
    expect(rosterCaption(roster({ kind: 'prefix', prefix: 'Officer Roe' }))).toBe('OFFICER ROES 1 through 5');
    // Initials name people, not a series: each is listed.
    const initials = [
      pseudonymFor({ kind: 'initials' }, { seq: 1, gender: 'female', initials: 'M.R.', earlierWithSameInitials: 0 }),
      pseudonymFor({ kind: 'initials' }, { seq: 2, gender: 'male', initials: 'J.D.', earlierWithSameInitials: 0 }),
      pseudonymFor({ kind: 'initials' }, { seq: 3, gender: 'male', initials: 'M.R.', earlierWithSameInitials: 1 }),
    ];
    expect(rosterCaption(initials)).toBe('M.R., J.D., and M.R. 2');
  });

  it('ignores a pseudonym listed twice and spacing', () => {
    expect(rosterCaption(['Jane Doe 1', ' Jane  Doe 1 ', 'Jane Doe 2', 'Jane Doe 3'])).toBe('JANE DOES 1 through 3');
  });

  it('gives nothing for an empty roster, for the caller to refuse or fill', () => {
    expect(rosterCaption([])).toBe('');
  });

  it('covers exactly the numbers of the roster: no number left out, none added', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 120 }), (numbers) => {
        const printed = rosterCaption(numbers.map((n) => `Jane Doe ${n}`));
        const plural = numbers.length > 1;
        expect(printed.startsWith(plural ? 'JANE DOES ' : 'JANE DOE ')).toBe(true);
        const named = numbersNamed(printed.slice(plural ? 'JANE DOES '.length : 'JANE DOE '.length));
        expect(named).toEqual([...numbers].sort((a, b) => a - b));
      }),
    );
  });

  it('covers each scheme of a mixed roster exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 80 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 80 }),
        (jane, john) => {
          const printed = rosterCaption([...jane.map((n) => `Jane Doe ${n}`), ...john.map((n) => `John Doe ${n}`)]);
          const part = (stem: string) => new RegExp(`${stem}S? ([0-9, ]+(?: through [0-9]+(?:, [0-9]+(?: through [0-9]+)?)*)?)(?: and |, and |$)`).exec(printed)?.[1];
          expect(numbersNamed(part('JANE DOE')!)).toEqual([...jane].sort((a, b) => a - b));
          expect(numbersNamed(part('JOHN DOE')!)).toEqual([...john].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('covers a letters roster exactly', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 800 }), { minLength: 2, maxLength: 60 }), (numbers) => {
        const printed = rosterCaption(numbers.map((n) => `Plaintiff ${lettersFor(n)}`));
        expect(numbersNamed(printed.slice('PLAINTIFFS '.length), numberOfLetters)).toEqual([...numbers].sort((a, b) => a - b));
      }),
    );
  });
});

describe('number ranges', () => {
  it('are the maximal runs of consecutive numbers, ascending', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 500 }), { maxLength: 200 }), (numbers) => {
        const ranges = numberRanges(numbers);
        const covered = ranges.flatMap(({ first, last }) => Array.from({ length: last - first + 1 }, (_, i) => first + i));
        expect(covered).toEqual([...new Set(numbers)].sort((a, b) => a - b));
        // Maximal: a range never ends right before the next begins.
        ranges.slice(1).forEach((range, i) => expect(range.first).toBeGreaterThan(ranges[i]!.last + 1));
      }),
    );
  });

  it('print as a pleading writes them', () => {
    expect(formatRanges(numberRanges([1, 2, 3, 4, 5, 7, 9, 10, 12, 13, 14]))).toBe('1 through 5, 7, 9, 10, 12 through 14');
  });
});

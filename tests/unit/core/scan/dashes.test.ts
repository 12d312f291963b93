import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityVariants, LeakScanner, type ScanIdentity } from '../../../../src-main/core/scan';
import { identityInitials } from '../../../../src-main/core/scan/initials';
import { gapFits } from '../../../../src-main/core/scan/shield-gaps';

/**
 * A name is the same name whatever dash joins its parts: the scanner looks for "Garcia‒Lopez"
 * (figure dash) as it does for "Garcia-Lopez", in its variants, its surname pieces alone and
 * its initials; and a pseudonym's shield reads any dash between its words. The dashes below are
 * the ones word processors, phones and Unicode-aware editors produce, listed from the Unicode
 * charts, not from the code under test.
 */
const DASHES = [
  '-', // hyphen-minus
  '\u2010', // hyphen
  '\u2011', // non-breaking hyphen
  '\u2012', // figure dash
  '\u2013', // en dash
  '\u2014', // em dash
  '\u2015', // horizontal bar
  '\u2212', // minus sign (Word's autocorrect)
  '\uFF0D', // fullwidth hyphen-minus
  '\uFE63', // small hyphen-minus
  '\uFE58', // small em dash
  '\u2E3A', // two-em dash
  '\u058A', // Armenian hyphen
  '\u05BE', // Hebrew maqaf
];

const person = (legalName: string): ScanIdentity => ({ plaintiffId: 'p1', caseId: 'c1', pseudonym: 'Jane Doe 1', legalName, aliases: [], idNumbers: [] });

const word = fc.integer({ min: 0, max: 1_000_000 }).map((seed) => {
  faker.seed(seed);
  return faker.person.lastName().replace(/[^A-Za-z]/g, '') || 'Quill';
});

describe('a name joined by any dash', () => {
  it('has the variants, surname pieces and initials of the same name with a hyphen', () => {
    fc.assert(
      fc.property(word, word, word, fc.constantFrom(...DASHES), (given, first, second, dash) => {
        const hyphen = person(`${given} ${first}-${second}`);
        const other = person(`${given} ${first}${dash}${second}`);
        const keys = (identity: ScanIdentity) => [...new Set(identityVariants(identity).map((v) => `${v.kind} ${v.channel} ${v.key}`))].sort();
        expect(keys(other)).toEqual(keys(hyphen));
        expect(identityInitials(other)).toEqual(identityInitials(hyphen));
      }),
      { numRuns: 200 },
    );
  });

  it.each(DASHES.map((dash) => [`U+${dash.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, dash]))(
    'stored with %s, is found by its second surname alone and by its initials',
    (_code, dash) => {
      const scanner = LeakScanner.build([person(`Marta Kowalczyk${dash}Nowak`)]);
      const hits = scanner.scan('We asked Nowak about it. Officer MKN was on duty.');
      expect(hits.map((hit) => [hit.text, hit.kind])).toEqual([
        ['Nowak', 'surname'],
        ['MKN', 'initials'],
      ]);
    },
  );

  it('between the words of a pseudonym, is a gap its shield reads through', () => {
    for (const dash of DASHES) expect(gapFits(`Doe${dash}1`, 3, 3 + dash.length, ''), JSON.stringify(dash)).toBe(true);
  });
});

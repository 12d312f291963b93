import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, clearable } from '../../../../src-main/core/filings/resolution';
import { identityVariants, LeakScanner, type LeakHit, type ScanIdentity } from '../../../../src-main/core/scan';

/**
 * Issue 11, the doxxing surface: a plaintiff's relatives, past addresses, schools and employers,
 * plates, handles and identifying characteristics are found in a draft, under their own kinds.
 */

const base = (extra: Partial<ScanIdentity> = {}): ScanIdentity => ({
  plaintiffId: 'p1',
  caseId: 'c1',
  pseudonym: 'Jane Doe 1',
  legalName: 'Marta Kowalczyk',
  aliases: [],
  idNumbers: [],
  ...extra,
});

function found(scanner: LeakScanner, text: string, needle: string): LeakHit | undefined {
  const start = text.indexOf(needle);
  return scanner.scan(text).find((hit) => hit.start === start && hit.end === start + needle.length && hit.targets.some((t) => t.plaintiffId === 'p1'));
}

describe('relatives', () => {
  const scanner = LeakScanner.build([base({ family: [{ name: 'Zofia Nowakowska', relation: 'daughter' }] })]);

  it.each(['Zofia Nowakowska', 'Nowakowska, Zofia', 'Z. Nowakowska', 'ZOFIA NOWAKOWSKA', 'ZofiaNowakowska', '@zofianowakowska'])('finds %s as the relative', (form) => {
    const text = `Her child ${form} attends school nearby.`;
    const hit = found(scanner, text, form.replace(/^@/, ''));
    expect(hit?.kind, JSON.stringify(scanner.scan(text))).toBe('relative');
    expect(hit?.confidence).toBe('high');
    expect(classify(hit!, 'c1').action).toEqual({ kind: 'redact' });
  });

  it("does not report a relative's given name or surname alone", () => {
    expect(scanner.scan('Zofia came home. The Nowakowska file.')).toEqual([]);
  });

  it('gives nothing for a one-word relative name (it would be a given name alone)', () => {
    expect(identityVariants(base({ family: [{ name: 'Zofia', relation: 'daughter' }] })).filter((v) => v.kind === 'relative')).toEqual([]);
  });

  it('finds random relatives (faker, fixed seed) placed in random text', () => {
    faker.seed(110_011);
    const relatives = Array.from({ length: 40 }, () => `${faker.person.firstName()} ${faker.person.lastName()}`).filter((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n));
    fc.assert(
      fc.property(fc.constantFrom(...relatives), fc.lorem({ maxCount: 8 }), fc.lorem({ maxCount: 8 }), (relative, before, after) => {
        const s = LeakScanner.build([base({ family: [{ name: relative, relation: 'spouse' }] })]);
        const text = `${before} ${relative}, ${after}`;
        const hit = found(s, text, relative);
        expect(hit?.kind).toBe('relative');
      }),
      { seed: 11, numRuns: 60 },
    );
  });
});

describe('vehicles', () => {
  const scanner = LeakScanner.build([base({ vehicles: [{ plate: '7ABC123', state: 'CA' }, { plate: 'DOX ME' }] })]);

  it.each(['7ABC123', '7 ABC 123', '7abc-123', '7-abc-123', '7ABC 123'])('finds the plate written %s', (form) => {
    const hit = found(scanner, `A grey sedan, plate ${form}, was parked outside.`, form);
    expect(hit?.kind).toBe('vehicle');
    expect(hit?.confidence).toBe('high');
  });

  it('does not find the plate inside a longer code', () => {
    expect(scanner.scan('Order X7ABC1234 shipped.')).toEqual([]);
  });

  it('finds a letters-only plate spaced or joined', () => {
    expect(found(scanner, 'Plate DOXME seen.', 'DOXME')?.kind).toBe('vehicle');
    expect(found(scanner, 'Plate dox-me seen.', 'dox-me')?.kind).toBe('vehicle');
  });

  it('finds any plate however it is spaced, hyphenated or cased', () => {
    const plate = fc.stringMatching(/^[0-9][A-Z]{3}[0-9]{3}$/);
    const separator = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(plate, fc.array(separator, { minLength: 6, maxLength: 6 }), fc.boolean(), fc.lorem({ maxCount: 6 }), (p, seps, lower, before) => {
        const s = LeakScanner.build([base({ vehicles: [{ plate: p }] })]);
        let written = p[0]!;
        for (let i = 1; i < p.length; i++) written += seps[i - 1]! + p[i]!;
        if (lower) written = written.toLowerCase();
        const text = `${before} plate ${written} seen`;
        expect(found(s, text, written)?.kind, text).toBe('vehicle');
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe('handles', () => {
  const scanner = LeakScanner.build([base({ handles: ['@marta_k99', 'Tiger'] })]);

  it.each(['@marta_k99', 'marta_k99', 'MARTA_K99', 'twitter.com/marta_k99', 'https://instagram.com/Marta_K99/', 'martak99'])('finds %s', (form) => {
    const text = `Posted by ${form} yesterday.`;
    const hits = scanner.scan(text);
    const hit = hits.find((h) => h.kind === 'handle');
    expect(hit, JSON.stringify(hits)).toBeDefined();
    expect(hit!.text.toLowerCase().replace(/_/g, '')).toContain('martak99');
    expect(hit!.confidence).toBe('high');
  });

  it('asks about a handle that is an ordinary word, and lets it be cleared', () => {
    const hit = scanner.scan('The tiger escaped.').find((h) => h.kind === 'handle');
    expect(hit?.confidence).toBe('low');
    expect(hit?.reasons).toContain('common-word');
    expect(classify(hit!, 'c1').action).toEqual({ kind: 'ask', why: 'common-word' });
    expect(clearable(hit!)).toBe(true);
  });

  it('finds random handles (with or without @, any case, in a URL) in random text', () => {
    const handle = fc.stringMatching(/^[a-z][a-z0-9_]{4,14}[a-z0-9]$/).filter((h) => /[0-9]/.test(h));
    const form = fc.constantFrom((h: string) => `@${h}`, (h: string) => h.toUpperCase(), (h: string) => `https://x.com/${h}`, (h: string) => `tiktok.com/@${h}?lang=en`);
    fc.assert(
      fc.property(handle, form, fc.lorem({ maxCount: 6 }), (h, write, before) => {
        const s = LeakScanner.build([base({ handles: [h] })]);
        const text = `${before} ${write(h)} said`;
        expect(s.scan(text).some((hit) => hit.kind === 'handle'), text).toBe(true);
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe('affiliations and characteristics', () => {
  const scanner = LeakScanner.build([
    base({
      affiliations: [
        { name: 'Hollingsworth Academy', kind: 'school' },
        { name: 'Police Department', kind: 'employer' },
      ],
      characteristics: ['Sagittarius tattoo', 'red hair'],
    }),
  ]);

  it('finds a distinctive school, folded like names', () => {
    const hit = found(scanner, 'She drops her son at HOLLINGSWORTH  academy daily.', 'HOLLINGSWORTH  academy');
    expect(hit?.kind).toBe('affiliation');
    expect(hit?.confidence).toBe('high');
  });

  it('asks about an employer of ordinary words only', () => {
    const hit = found(scanner, 'The police department responded.', 'police department');
    expect(hit?.kind).toBe('affiliation');
    expect(hit?.confidence).toBe('low');
    expect(classify(hit!, 'c1').action).toEqual({ kind: 'ask', why: 'common-word' });
  });

  it('finds a characteristic as a phrase, accents and case folded', () => {
    expect(found(scanner, 'He has a sagittarius Tattoo on his arm.', 'sagittarius Tattoo')?.kind).toBe('characteristic');
    expect(found(scanner, 'Officer with red hair.', 'red hair')?.confidence).toBe('low');
    // A word of the phrase alone is nothing.
    expect(scanner.scan('A tattoo parlour; the hair salon.')).toEqual([]);
  });
});

describe('past addresses', () => {
  it('finds a past address with its street abbreviated', () => {
    const scanner = LeakScanner.build([base({ address: '1 Main Street', pastAddresses: ['4417 Juniper Boulevard, Fresno CA'] })]);
    expect(found(scanner, 'She lived at 4417 Juniper Blvd. until 2019.', '4417 Juniper Blvd')?.kind).toBe('address');
  });
});

describe('the code space', () => {
  it('keeps every kind of a vault of many identities apart', () => {
    const identities = Array.from({ length: 3 }, (_, i) =>
      base({ plaintiffId: `p${i}`, pseudonym: `Jane Doe ${i + 1}`, legalName: `Anna Example${i}`, vehicles: [{ plate: `8XYZ00${i}` }], family: [{ name: `Piotr Relative${i}`, relation: 'son' }] }),
    );
    const scanner = LeakScanner.build(identities);
    const hits = scanner.scan('Piotr Relative2 drove 8XYZ002; Anna Example1 was there.');
    expect(hits.map((h) => [h.kind, h.targets.map((t) => t.plaintiffId)])).toEqual([
      ['relative', ['p2']],
      ['vehicle', ['p2']],
      ['full-name', ['p1']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../src-main/core/errors';
import {
  DEFAULT_SCHEME,
  formatScheme,
  lettersFor,
  parseScheme,
  pseudonymFor,
  type PseudonymScheme,
} from '../../../../src-main/core/cases/pseudonyms';

describe('lettersFor (bijective base 26)', () => {
  it.each([
    [1, 'A'],
    [2, 'B'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [18278, 'ZZZ'],
    [18279, 'AAAA'],
  ])('%i -> %s', (n, letters) => {
    expect(lettersFor(n)).toBe(letters);
  });

  it('gives every number up to 20,000 its own label', () => {
    const labels = new Set<string>();
    for (let n = 1; n <= 20_000; n++) labels.add(lettersFor(n));
    expect(labels.size).toBe(20_000);
  });
});

describe('pseudonymFor', () => {
  it('gendered: John Doe N / Jane Doe N / Doe N from one shared sequence', () => {
    const scheme: PseudonymScheme = { kind: 'gendered' };
    expect(pseudonymFor(scheme, { seq: 1, gender: 'male' })).toBe('John Doe 1');
    expect(pseudonymFor(scheme, { seq: 2, gender: 'female' })).toBe('Jane Doe 2');
    expect(pseudonymFor(scheme, { seq: 3, gender: 'unspecified' })).toBe('Doe 3');
    expect(DEFAULT_SCHEME).toEqual(scheme);
  });

  it('neutral: Doe N whatever the gender', () => {
    for (const gender of ['male', 'female', 'unspecified'] as const) {
      expect(pseudonymFor({ kind: 'neutral' }, { seq: 14, gender })).toBe('Doe 14');
    }
  });

  it('letters: Plaintiff A .. Z, AA ..', () => {
    expect(pseudonymFor({ kind: 'letters' }, { seq: 1, gender: 'female' })).toBe('Plaintiff A');
    expect(pseudonymFor({ kind: 'letters' }, { seq: 27, gender: 'male' })).toBe('Plaintiff AA');
  });

  it('initials: J.D., then J.D. 2, J.D. 3 for collisions', () => {
    const scheme: PseudonymScheme = { kind: 'initials' };
    expect(pseudonymFor(scheme, { seq: 5, gender: 'male', initials: 'J.D.', earlierWithSameInitials: 0 })).toBe('J.D.');
    expect(pseudonymFor(scheme, { seq: 6, gender: 'male', initials: 'J.D.' })).toBe('J.D.');
    expect(pseudonymFor(scheme, { seq: 7, gender: 'female', initials: 'J.D.', earlierWithSameInitials: 1 })).toBe('J.D. 2');
    expect(pseudonymFor(scheme, { seq: 8, gender: 'female', initials: 'J.D.', earlierWithSameInitials: 2 })).toBe('J.D. 3');
  });

  it('custom prefix: Officer Doe N', () => {
    expect(pseudonymFor({ kind: 'prefix', prefix: 'Officer Doe' }, { seq: 140, gender: 'female' })).toBe('Officer Doe 140');
  });
});

describe('parseScheme', () => {
  it.each(['gendered', 'neutral', 'letters', 'initials'] as const)('parses %s', (kind) => {
    expect(parseScheme(kind)).toEqual({ kind });
    expect(parseScheme(`  ${kind} `)).toEqual({ kind });
    expect(formatScheme(parseScheme(kind))).toBe(kind);
  });

  it('parses a custom prefix, collapsing spaces', () => {
    expect(parseScheme('prefix:Officer Doe')).toEqual({ kind: 'prefix', prefix: 'Officer Doe' });
    expect(parseScheme('prefix:  Officer   Doe ')).toEqual({ kind: 'prefix', prefix: 'Officer Doe' });
    expect(parseScheme("prefix:Agente O'Neil-Ñúñez")).toEqual({ kind: 'prefix', prefix: "Agente O'Neil-Ñúñez" });
    expect(formatScheme(parseScheme('prefix:Officer Doe'))).toBe('prefix:Officer Doe');
    expect(parseScheme(formatScheme({ kind: 'prefix', prefix: 'Witness' }))).toEqual({ kind: 'prefix', prefix: 'Witness' });
  });

  it.each([
    'roman',
    '',
    'Gendered',
    'prefix:',
    'prefix:   ',
    'prefix:Officer 7',
    'prefix:7 Doe',
    `prefix:${'A'.repeat(41)}`,
    'prefix:Doe\u202e',
    'prefix:Doe\u0007',
    'prefix:-Doe',
  ])('refuses %j as VALIDATION on field "scheme"', (text) => {
    let caught: unknown;
    try {
      parseScheme(text);
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, 'VALIDATION')).toBe(true);
    expect((caught as { field?: string }).field).toBe('scheme');
  });

  it('accepts a 40-letter prefix', () => {
    expect(parseScheme(`prefix:${'A'.repeat(40)}`)).toEqual({ kind: 'prefix', prefix: 'A'.repeat(40) });
  });
});

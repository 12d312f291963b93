import { Faker, en } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { PASSPHRASE_CONTEXT_WORDS, PASSPHRASE_L33T_MAX_SUBSTITUTIONS, SCORED_PASSPHRASE_CHARS } from '../../../../src-main/core/shared/passphrase-rule';
import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH, passphraseBytes, passphraseVerdict } from '../../../../src-main/core/vault/passphrase-policy';

function refusal(passphrase: string): { code?: string; field?: string; message?: string } | undefined {
  try {
    checkNewPassphrase(passphrase);
    return undefined;
  } catch (error) {
    return error as { code?: string; field?: string; message?: string };
  }
}

const STRONG = 'violet kettle under nine moons';

describe('passphrase policy', () => {
  it('needs at least 12 characters', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
    expect(refusal('violet kett')).toMatchObject({ code: 'VALIDATION', field: 'passphrase', message: expect.stringContaining('at least 12 characters (it has 11)') });
    expect(refusal('')).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
  });

  it('refuses a passphrase of blanks', () => {
    expect(refusal(' '.repeat(20))).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(refusal('🔑🚲🌵🎻🍋🧭🪁🦉🧲🪴🛶')).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('(it has 11)') }); // 22 UTF-16 units
    expect(refusal('🔑🚲🌵🎻🍋🧭🪁🦉🧲🪴🛶🎲')).toBeUndefined();
  });

  it('refuses more than 1024 characters', () => {
    const long = `${STRONG} `.repeat(40);
    expect(refusal(long.slice(0, 1024))).toBeUndefined();
    expect(refusal(long.slice(0, 1025))).toMatchObject({ code: 'VALIDATION', field: 'passphrase', message: expect.stringContaining('at most 1024') });
  });

  it('refuses the weak passphrases of issue 11 with the meter’s reason', () => {
    const repeated = refusal('aaaaaaaaaaaa');
    expect(repeated).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
    expect(repeated?.message).toContain('too easy to guess');
    expect(repeated?.message).toContain('Repeated characters like "aaa" are easy to guess.');
    const common = refusal('password1234');
    expect(common).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
    expect(common?.message).toContain('This is similar to a commonly used password.');
    expect(refusal('P@ssw0rd!2024')).toMatchObject({ code: 'VALIDATION' });
    expect(refusal('qwertyuiop123')).toMatchObject({ code: 'VALIDATION' }); // a keyboard row
  });

  it('accepts a few unrelated words and the fixtures’ passphrases', () => {
    for (const passphrase of [STRONG, 'correct horse battery staple', 'quiet harbour lantern ninety', 'one-time package passphrase']) {
      expect(refusal(passphrase), passphrase).toBeUndefined();
    }
  });

  it('refuses any character repeated, at any length up to the limit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'abcxyz0123456789!@# é'), fc.integer({ min: 12, max: 1024 }), (char, n) => {
        expect(refusal(char.repeat(n))).toMatchObject({ code: 'VALIDATION' });
      }),
      // Each check starts the meter's worker thread (about half a second).
      { numRuns: 10 },
    );
  });

  it('accepts four random unrelated words, and a long random passphrase without scoring all of it', () => {
    const faker = new Faker({ locale: [en] });
    faker.seed(11);
    for (let i = 0; i < 10; i++) {
      const words = [faker.word.noun(), faker.word.adjective(), faker.word.verb(), faker.word.noun()].join(' ');
      if ([...words].length >= MIN_PASSPHRASE_LENGTH) expect(refusal(words), words).toBeUndefined();
    }
    // A weak prefix is still weak, however long (only the first 64 characters are scored).
    expect(refusal(`${'a'.repeat(64)}${faker.string.alphanumeric(900)}`)).toMatchObject({ code: 'VALIDATION' });
    expect(refusal(faker.string.alphanumeric(1024))).toBeUndefined();
  });

  it('gives, from its worker thread, the verdict of a meter built as the renderer builds it', () => {
    // The renderer shows this meter's verdict before submit (src-renderer/src/lib/strength.ts):
    // the vault must not refuse what it called strong, nor accept what it called weak.
    const meter = new ZxcvbnFactory({
      dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
      graphs: zxcvbnCommon.adjacencyGraphs,
      translations: zxcvbnEn.translations,
      l33tMaxSubstitutions: PASSPHRASE_L33T_MAX_SUBSTITUTIONS,
      maxLength: SCORED_PASSPHRASE_CHARS,
    });
    const faker = new Faker({ locale: [en] });
    faker.seed(1208);
    const passphrases = [
      'doevault plaintiff court', // the context words
      'P@ssw0rd!2024',
      `${faker.word.adjective()} ${faker.word.noun()} ${faker.number.int(99)}`,
      `${faker.person.firstName()}${faker.date.past().getFullYear()}!`,
      'žluťoučký kůň 🐎 úpěl',
      faker.string.alphanumeric(80),
    ];
    for (const passphrase of passphrases) {
      const expected = meter.check([...passphrase].slice(0, SCORED_PASSPHRASE_CHARS).join(''), [...PASSPHRASE_CONTEXT_WORDS]);
      expect(passphraseVerdict(passphrase), passphrase).toEqual({ score: expected.score, warning: expected.feedback.warning || null, suggestions: expected.feedback.suggestions });
    }
  });

  it('derives from NFC bytes, so composed and decomposed input match', () => {
    const composed = 'crème brûlée forever'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(passphraseBytes(decomposed)).toEqual(passphraseBytes(composed));
    expect(passphraseBytes('abc ')).not.toEqual(passphraseBytes('abc'));
  });
});

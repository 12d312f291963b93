import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, MIN_PASSPHRASE_LENGTH, passphraseBytes } from '../../../../src-main/core/vault/passphrase-policy';

function refusal(passphrase: string): { code?: string; field?: string } | undefined {
  try {
    checkNewPassphrase(passphrase);
    return undefined;
  } catch (error) {
    return error as { code?: string; field?: string };
  }
}

describe('passphrase policy', () => {
  it('needs at least 12 characters', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
    expect(refusal('a'.repeat(11))).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
    expect(refusal('a'.repeat(12))).toBeUndefined();
    expect(refusal('')).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
  });

  it('refuses a passphrase of blanks', () => {
    expect(refusal(' '.repeat(20))).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(refusal('🔑'.repeat(11))).toMatchObject({ code: 'VALIDATION' }); // 22 UTF-16 units
    expect(refusal('🔑'.repeat(12))).toBeUndefined();
  });

  it('refuses more than 1024 characters', () => {
    expect(refusal('a'.repeat(1024))).toBeUndefined();
    expect(refusal('a'.repeat(1025))).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
  });

  it('derives from NFC bytes, so composed and decomposed input match', () => {
    const composed = 'crème brûlée forever'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(passphraseBytes(decomposed)).toEqual(passphraseBytes(composed));
    expect(passphraseBytes('abc ')).not.toEqual(passphraseBytes('abc'));
  });
});

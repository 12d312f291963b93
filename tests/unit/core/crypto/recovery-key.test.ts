import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, newRecoveryKey, parseRecoveryKey } from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';

function parseError(text: string): { code: string; message: string } {
  try {
    parseRecoveryKey(text);
  } catch (error) {
    expect(isVaultError(error)).toBe(true);
    return error as { code: string; message: string };
  }
  throw new Error(`parseRecoveryKey accepted ${text}`);
}

/** Replaces the character at `at` with another alphabet character that decodes differently. */
function typo(text: string, at: number): string {
  const replacement = text[at] === '7' ? '8' : '7';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

describe('recovery key', () => {
  beforeAll(initCrypto);

  it('is 14 groups of 4 Crockford base32 characters', () => {
    const { bytes, text } = newRecoveryKey();
    expect(bytes.length).toBe(32);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
    expect(text.split('-')).toHaveLength(14);
  });

  it('is random', () => {
    expect(newRecoveryKey().text).not.toBe(newRecoveryKey().text);
  });

  it('parses back to the same 32 bytes', () => {
    for (let i = 0; i < 20; i++) {
      const { bytes, text } = newRecoveryKey();
      expect(parseRecoveryKey(text)).toEqual(bytes);
    }
  });

  it('accepts the key as people retype it: lower case, spaces or no separators, O for 0, I/L for 1', () => {
    const { bytes, text } = newRecoveryKey();
    expect(parseRecoveryKey(text.toLowerCase())).toEqual(bytes);
    expect(parseRecoveryKey(text.replace(/-/g, ' '))).toEqual(bytes);
    expect(parseRecoveryKey(`  ${text.replace(/-/g, '')}\n`)).toEqual(bytes);
    expect(parseRecoveryKey(text.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual(bytes);
  });

  it('reports a one-character typo as WRONG_PASSPHRASE with a message about a typo', () => {
    const { text } = newRecoveryKey();
    for (const at of [0, 17, 40, text.length - 1]) {
      const error = parseError(typo(text, at));
      expect(error.code).toBe('WRONG_PASSPHRASE');
      expect(error.message).toMatch(/typo/i);
    }
  });

  it('reports text of the wrong shape as not a recovery key', () => {
    const { text } = newRecoveryKey();
    for (const bad of ['', 'correct horse battery staple', text.slice(0, -4), `${text}-AAAA`, text.replace(/.$/, 'U')]) {
      const error = parseError(bad);
      expect(error.code).toBe('WRONG_PASSPHRASE');
      expect(error.message).toMatch(/14 groups of 4/);
    }
  });
});

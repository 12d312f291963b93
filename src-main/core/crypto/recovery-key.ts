import { VaultError } from '../errors';
import { decodeBase32, encodeBase32 } from './base32';
import { concat, constantTimeEqual, randomBytes } from './bytes';
import { digest } from './hash';

const KEY_BYTES = 32;
const CHECK_BYTES = 3;

/**
 * A recovery key is 32 random bytes plus a 3-byte checksum, written as 56 Crockford base32
 * characters in groups of four. The checksum catches a mistyped key before the slow key
 * derivation runs, and tells a typo apart from the wrong key.
 */
export function newRecoveryKey(): { bytes: Uint8Array; text: string } {
  const bytes = randomBytes(KEY_BYTES);
  const text = encodeBase32(concat(bytes, digest(bytes).subarray(0, CHECK_BYTES)));
  return { bytes, text: text.match(/.{1,4}/g)!.join('-') };
}

export function parseRecoveryKey(text: string): Uint8Array {
  const compact = text.replace(/[\s-]/g, '');
  const decoded = decodeBase32(compact, KEY_BYTES + CHECK_BYTES);
  if (!decoded) {
    throw new VaultError(
      'WRONG_PASSPHRASE',
      'That is not a DoeVault recovery key: it should be 14 groups of 4 letters and digits. Check it and try again.',
    );
  }
  const bytes = decoded.slice(0, KEY_BYTES);
  if (!constantTimeEqual(decoded.subarray(KEY_BYTES), digest(bytes).subarray(0, CHECK_BYTES))) {
    throw new VaultError(
      'WRONG_PASSPHRASE',
      'The recovery key has a typo (its checksum does not match). Check each group and try again.',
    );
  }
  return bytes;
}

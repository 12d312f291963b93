import { VaultError } from '../errors';

export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_PASSPHRASE_LENGTH = 1024;

/** A new passphrase: 12 characters at least (Unicode characters, not bytes). */
export function checkNewPassphrase(passphrase: string): void {
  const length = [...passphrase].length;
  if (passphrase.trim().length === 0 || length < MIN_PASSPHRASE_LENGTH) {
    throw new VaultError(
      'VALIDATION',
      `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`,
      { field: 'passphrase' },
    );
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    throw new VaultError('VALIDATION', `The passphrase must be at most ${MAX_PASSPHRASE_LENGTH} characters.`, {
      field: 'passphrase',
    });
  }
}

/** The bytes a passphrase is derived from: NFC, so the same words typed on any OS match. */
export function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

import { beforeAll, describe, expect, it } from 'vitest';
import {
  digest,
  framed,
  initCrypto,
  randomKey,
  TEST_ONLY_INSECURE_KDF,
  utf8,
} from '../../../../src-main/core/crypto';
import { isVaultError, type ErrorCode } from '../../../../src-main/core/errors';
import type { KeyslotRow } from '../../../../src-main/core/store';
import { createKeyslot, openKeyslot } from '../../../../src-main/core/vault/keyslots';

const VAULT_ID = 'vaultid000000001';
const SECRET = utf8('correct horse battery staple');

function errorCode(run: () => unknown): ErrorCode | 'none' | 'other' {
  try {
    run();
    return 'none';
  } catch (error) {
    return isVaultError(error) ? error.code : 'other';
  }
}

/** The slot checksum as keyslots.ts computes it, for simulating a forger who recomputes it. */
function recomputeChecksum(slot: KeyslotRow): KeyslotRow {
  const checksum = digest(framed('keyslot', slot.kind, slot.alg, slot.opslimit, slot.memlimit, slot.salt, slot.wrapped_key));
  return { ...slot, checksum };
}

describe('keyslots', () => {
  let master: Uint8Array;
  let slot: KeyslotRow;
  beforeAll(async () => {
    await initCrypto();
    master = randomKey();
    slot = createKeyslot(VAULT_ID, 'passphrase', SECRET, master, TEST_ONLY_INSECURE_KDF, '2024-01-01T00:00:00.000Z');
  });

  it('stores the KDF parameters and a random salt, and never the master key in clear', () => {
    expect(slot).toMatchObject({ kind: 'passphrase', alg: 'argon2id13', opslimit: 1, memlimit: 8 * 1024 * 1024 });
    expect(slot.salt).toHaveLength(16);
    expect(Buffer.from(slot.wrapped_key).includes(Buffer.from(master))).toBe(false);
    const other = createKeyslot(VAULT_ID, 'passphrase', SECRET, master, TEST_ONLY_INSECURE_KDF, '2024-01-01T00:00:00.000Z');
    expect(other.salt).not.toEqual(slot.salt);
    expect(other.wrapped_key).not.toEqual(slot.wrapped_key);
  });

  it('opens with the right secret', () => {
    expect(openKeyslot(VAULT_ID, slot, SECRET)).toEqual(master);
  });

  it('reports a wrong secret as WRONG_PASSPHRASE, naming passphrase or recovery key', () => {
    expect(errorCode(() => openKeyslot(VAULT_ID, slot, utf8('correct horse battery stapler')))).toBe('WRONG_PASSPHRASE');
    expect(() => openKeyslot(VAULT_ID, slot, utf8('nope'))).toThrow(/Wrong passphrase/);
    const recovery = createKeyslot(VAULT_ID, 'recovery', randomKey(), master, TEST_ONLY_INSECURE_KDF, 'now');
    expect(() => openKeyslot(VAULT_ID, recovery, randomKey())).toThrow(/Wrong recovery key/);
  });

  it('does not open in another vault', () => {
    expect(errorCode(() => openKeyslot('vaultid000000002', slot, SECRET))).toBe('WRONG_PASSPHRASE');
  });

  it.each(['salt', 'wrapped_key', 'checksum'] as const)('reports a changed byte of %s as DAMAGED, not WRONG_PASSPHRASE', (field) => {
    const bytes = slot[field].slice();
    bytes[bytes.length >> 1]! ^= 0x01;
    expect(errorCode(() => openKeyslot(VAULT_ID, { ...slot, [field]: bytes }, SECRET))).toBe('DAMAGED');
  });

  it('reports changed KDF parameters as DAMAGED', () => {
    expect(errorCode(() => openKeyslot(VAULT_ID, { ...slot, opslimit: 2 }, SECRET))).toBe('DAMAGED');
    expect(errorCode(() => openKeyslot(VAULT_ID, { ...slot, kind: 'recovery' }, SECRET))).toBe('DAMAGED');
  });

  it('does not open a downgraded slot even when the forger recomputes the checksum', () => {
    const strong = createKeyslot(VAULT_ID, 'passphrase', SECRET, master, { ...TEST_ONLY_INSECURE_KDF, opslimit: 2 }, 'now');
    const downgraded = recomputeChecksum({ ...strong, opslimit: 1 });
    expect(errorCode(() => openKeyslot(VAULT_ID, downgraded, SECRET))).toBe('WRONG_PASSPHRASE');
  });

  it('refuses absurd KDF parameters as DAMAGED before running the KDF', () => {
    const absurd = recomputeChecksum({ ...slot, memlimit: 64 * 1024 * 1024 * 1024 });
    const started = Date.now();
    expect(errorCode(() => openKeyslot(VAULT_ID, absurd, SECRET))).toBe('DAMAGED');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

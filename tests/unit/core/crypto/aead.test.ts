import { beforeAll, describe, expect, it } from 'vitest';
import {
  initCrypto,
  open,
  openJson,
  randomKey,
  RECORD_FORMAT,
  seal,
  sealJson,
  utf8,
  fromUtf8,
  type FieldRef,
} from '../../../../src-main/core/crypto';
import { isVaultError, VaultError } from '../../../../src-main/core/errors';

const REF: FieldRef = { vaultId: 'v0000000000000001', table: 'plaintiffs', rowId: 'row1', field: 'identity' };

function expectDamaged(run: () => unknown): VaultError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isVaultError(caught, 'DAMAGED'), `expected DAMAGED, got ${String(caught)}`).toBe(true);
  return caught as VaultError;
}

describe('aead', () => {
  let key: Uint8Array;
  beforeAll(async () => {
    await initCrypto();
    key = randomKey();
  });

  it('round-trips bytes, empty plaintexts and JSON', () => {
    const message = utf8('Lorem ipsum dolor sit amet, ünïcödé ✓');
    expect(fromUtf8(open(key, REF, seal(key, REF, message)))).toBe('Lorem ipsum dolor sit amet, ünïcödé ✓');
    expect(open(key, REF, seal(key, REF, new Uint8Array(0)))).toEqual(new Uint8Array(0));
    const value = { a: 1, b: ['x', 'y'], c: { d: null, e: true } };
    expect(openJson(key, REF, sealJson(key, REF, value))).toEqual(value);
  });

  it('writes [format][24-byte nonce][ciphertext+16-byte tag] with a fresh nonce each time', () => {
    const message = utf8('same text');
    const a = seal(key, REF, message);
    const b = seal(key, REF, message);
    expect(a[0]).toBe(RECORD_FORMAT);
    expect(a.length).toBe(1 + 24 + message.length + 16);
    expect(Buffer.from(a.subarray(1, 25)).equals(Buffer.from(b.subarray(1, 25)))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    // The plaintext is not visible in the blob.
    expect(Buffer.from(a).includes(Buffer.from('same text'))).toBe(false);
  });

  it('detects one flipped bit anywhere in a blob as DAMAGED', () => {
    const blob = seal(key, REF, utf8('{"legalName":"Test"}'));
    for (let bit = 0; bit < blob.length * 8; bit++) {
      const tampered = blob.slice();
      tampered[bit >> 3]! ^= 1 << (bit & 7);
      expectDamaged(() => open(key, REF, tampered));
    }
  });

  it('refuses truncated, extended and empty blobs', () => {
    const blob = seal(key, REF, utf8('hello'));
    expectDamaged(() => open(key, REF, blob.subarray(0, blob.length - 1)));
    expectDamaged(() => open(key, REF, blob.subarray(0, 1 + 24 + 15)));
    expectDamaged(() => open(key, REF, new Uint8Array([...blob, 0])));
    expectDamaged(() => open(key, REF, new Uint8Array(0)));
  });

  it.each([
    ['another row', { rowId: 'row2' }],
    ['another field', { field: 'public' }],
    ['another table', { table: 'cases' }],
    ['another vault', { vaultId: 'v0000000000000002' }],
  ] as const)('refuses a blob opened as %s', (_, change) => {
    const blob = seal(key, REF, utf8('payload'));
    expectDamaged(() => open(key, { ...REF, ...change }, blob));
  });

  it('refuses a blob opened with another key', () => {
    const blob = sealJson(key, REF, { x: 1 });
    expectDamaged(() => openJson(randomKey(), REF, blob));
  });

  it('keeps the fields of the reference apart (no ambiguity between concatenations)', () => {
    const blob = seal(key, { ...REF, table: 'ab', rowId: 'c' }, utf8('x'));
    expectDamaged(() => open(key, { ...REF, table: 'a', rowId: 'bc' }, blob));
  });

  it('names table, field and row, but no content, in the error', () => {
    const blob = sealJson(key, REF, { legalName: 'Canary Person' });
    blob[blob.length - 1]! ^= 1;
    const error = expectDamaged(() => openJson(key, REF, blob));
    expect(error.message).toContain('plaintiffs.identity');
    expect(error.message).toContain('row1');
    expect(error.message).not.toContain('Canary');
  });

  it('reports an authentic blob that is not JSON as DAMAGED', () => {
    const blob = seal(key, REF, utf8('not json {'));
    expectDamaged(() => openJson(key, REF, blob));
  });
});

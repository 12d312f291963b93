import { beforeAll, describe, expect, it } from 'vitest';
import {
  initCrypto,
  randomBytes,
  randomKey,
  STREAM_CHUNK_OVERHEAD,
  STREAM_HEADER_BYTES,
  streamDecryptor,
  streamEncryptor,
  utf8,
} from '../../../../src-main/core/crypto';

const AD = utf8('header bytes');

function encrypt(key: Uint8Array, chunks: Uint8Array[], ad = AD) {
  const stream = streamEncryptor(key);
  const cipher = chunks.map((chunk, i) => stream.push(chunk, ad, i === chunks.length - 1));
  stream.dispose();
  return { header: stream.header, cipher };
}

function decryptAll(key: Uint8Array, header: Uint8Array, cipher: Uint8Array[], ad = AD) {
  const stream = streamDecryptor(key, header);
  try {
    return cipher.map((chunk) => stream.pull(chunk, ad));
  } finally {
    stream.dispose();
  }
}

describe('secretstream', () => {
  beforeAll(initCrypto);

  it('round-trips chunks, marks only the last one final, and grows each by the stated overhead', () => {
    const key = randomKey();
    const chunks = [randomBytes(1000), new Uint8Array(0), randomBytes(65_536)];
    const { header, cipher } = encrypt(key, chunks);
    expect(header.length).toBe(STREAM_HEADER_BYTES);
    cipher.forEach((c, i) => expect(c.length).toBe(chunks[i]!.length + STREAM_CHUNK_OVERHEAD));
    const plain = decryptAll(key, header, cipher);
    expect(plain.map((p) => p?.message)).toEqual(chunks);
    expect(plain.map((p) => p?.final)).toEqual([false, false, true]);
  });

  it('refuses an altered chunk, other additional data, another key, reordered or dropped chunks', () => {
    const key = randomKey();
    const { header, cipher } = encrypt(key, [utf8('one'), utf8('two'), utf8('three')]);
    const altered = cipher.map((c) => c.slice());
    altered[1]![4]! ^= 0x01;
    expect(decryptAll(key, header, altered)[1]).toBeUndefined();
    expect(decryptAll(key, header, cipher, utf8('other header'))[0]).toBeUndefined();
    expect(decryptAll(randomKey(), header, cipher)[0]).toBeUndefined();
    expect(decryptAll(key, header, [cipher[1]!, cipher[0]!])[0]).toBeUndefined();
    expect(decryptAll(key, header, [cipher[0]!, cipher[2]!])[1]).toBeUndefined();
  });

  it('refuses chunks shorter than the overhead without throwing', () => {
    const key = randomKey();
    const { header } = encrypt(key, [utf8('x')]);
    expect(decryptAll(key, header, [new Uint8Array(STREAM_CHUNK_OVERHEAD - 1)])[0]).toBeUndefined();
  });

  it('cannot be used after dispose()', () => {
    const stream = streamEncryptor(randomKey());
    stream.dispose();
    expect(() => stream.push(utf8('x'), AD, true)).toThrow(/after dispose/);
  });
});

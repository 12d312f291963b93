import { sodium } from './sodium';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A length-prefixed encoding, so that ("ab","c") and ("a","bc") never hash or MAC alike: each
 * part as a 4-byte big-endian length and its bytes (strings and numbers as UTF-8). It is the
 * additional data of every sealed field, so its bytes must never change. Written into one
 * buffer: it runs for every field sealed or opened, and small allocations were half its cost.
 */
export function framed(...parts: (Uint8Array | string | number)[]): Uint8Array {
  let capacity = 0;
  for (const part of parts) capacity += 4 + (typeof part === 'string' ? part.length * 3 : typeof part === 'number' ? 32 : part.length);
  const out = Buffer.alloc(capacity);
  let at = 0;
  for (const part of parts) {
    let length: number;
    if (typeof part === 'object') {
      out.set(part, at + 4);
      length = part.length;
    } else {
      length = out.write(String(part), at + 4, 'utf8');
    }
    out.writeUInt32BE(length, at);
    at += 4 + length;
  }
  return new Uint8Array(out.buffer, out.byteOffset, at);
}

/** Overwrites secrets in place. JS strings cannot be wiped; keep secrets in Uint8Array. */
export function wipe(...buffers: (Uint8Array | undefined | null)[]): void {
  for (const buffer of buffers) if (buffer) sodium().memzero(buffer);
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && sodium().memcmp(a, b);
}

/**
 * The operating system's CSPRNG through Web Crypto (Node and Electron alike). libsodium.js
 * reaches the same source under Node only 4 bytes per call. For keys and salts.
 */
export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

const POOL_BYTES = 4096;
let pool: Uint8Array = new Uint8Array(0);
let poolAt = 0;

/**
 * Random bytes for values stored in the clear (nonces, row ids), from the same CSPRNG, drawn
 * 4 KiB at a time: one call per nonce made random numbers a third of the cost of sealing a
 * field. Every byte is handed out once. Never for keys: a key would sit in the pool until
 * handed out.
 */
export function publicRandomBytes(length: number): Uint8Array {
  if (length > POOL_BYTES) return randomBytes(length);
  if (poolAt + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const out = pool.slice(poolAt, poolAt + length);
  poolAt += length;
  return out;
}

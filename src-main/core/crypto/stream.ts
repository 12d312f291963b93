import { sodium, type Sodium } from './sodium';

/**
 * libsodium's secretstream (XChaCha20-Poly1305): a long message as a sequence of authenticated
 * chunks. Chunks cannot be dropped, reordered or repeated without the next one failing, and the
 * last chunk carries TAG_FINAL, so a stream cut short at a chunk boundary is told apart from a
 * complete one. Each chunk also authenticates the additional data given with it.
 */
export const STREAM_KEY_BYTES = 32;
export const STREAM_HEADER_BYTES = 24;
/** Bytes a chunk grows by when encrypted (tag byte and MAC). */
export const STREAM_CHUNK_OVERHEAD = 17;

type StateAddress = ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_pull']>;
const STATE_BYTES = 52; // crypto_secretstream_xchacha20poly1305_statebytes()

export interface StreamEncryptor {
  /** The stream header, to be stored before the first chunk. */
  readonly header: Uint8Array;
  push(chunk: Uint8Array, additionalData: Uint8Array, final: boolean): Uint8Array;
  /** Zeroes and frees the stream state (it holds a key derived from the stream key). */
  dispose(): void;
}

export interface StreamDecryptor {
  /** The chunk's plaintext and whether it was the final one, or undefined if it fails to authenticate. */
  pull(cipherChunk: Uint8Array, additionalData: Uint8Array): { message: Uint8Array; final: boolean } | undefined;
  dispose(): void;
}

export function streamEncryptor(key: Uint8Array): StreamEncryptor {
  const s = sodium();
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  let disposed = false;
  return {
    header,
    push(chunk, additionalData, final) {
      if (disposed) throw new Error('stream encryptor used after dispose()');
      const tag = final
        ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      return s.crypto_secretstream_xchacha20poly1305_push(state, chunk, additionalData, tag);
    },
    dispose() {
      if (!disposed) releaseState(state);
      disposed = true;
    },
  };
}

/** Starts decrypting the stream that began with `header` (STREAM_HEADER_BYTES long). */
export function streamDecryptor(key: Uint8Array, header: Uint8Array): StreamDecryptor {
  const s = sodium();
  const state = s.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  let disposed = false;
  return {
    pull(cipherChunk, additionalData) {
      if (disposed) throw new Error('stream decryptor used after dispose()');
      if (cipherChunk.length < STREAM_CHUNK_OVERHEAD) return undefined;
      let result;
      try {
        result = s.crypto_secretstream_xchacha20poly1305_pull(state, cipherChunk, additionalData);
      } catch {
        return undefined;
      }
      if (!result) return undefined;
      const { message, tag } = result;
      if (tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL) return { message, final: true };
      if (tag === s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) return { message, final: false };
      // PUSH and REKEY are never written by DoeVault.
      s.memzero(message);
      return undefined;
    },
    dispose() {
      if (!disposed) releaseState(state);
      disposed = true;
    },
  };
}

/**
 * libsodium.js allocates the stream state inside its WebAssembly heap and never frees it. Zero
 * it and give it back. The wrapper's own copies of keys and chunks in that heap are freed
 * by libsodium.js without being zeroed; that is beyond reach from here.
 */
function releaseState(state: StateAddress): void {
  const module = (sodium() as unknown as { libsodium?: { HEAPU8?: Uint8Array; _free?: (address: number) => void } }).libsodium;
  if (typeof state !== 'number' || !module?.HEAPU8 || typeof module._free !== 'function') return;
  module.HEAPU8.fill(0, state, state + STATE_BYTES);
  module._free(state);
}

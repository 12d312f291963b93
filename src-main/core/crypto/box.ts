import { sodium } from './sodium';

/**
 * X25519 key pairs and sealed boxes (crypto_box_seal): anyone holding a recipient's public key
 * can seal a message that only the matching secret key opens. A sealed box is anonymous: it
 * says nothing about who sealed it.
 */
export const BOX_PUBLIC_KEY_BYTES = 32;
export const BOX_SECRET_KEY_BYTES = 32;
/** Bytes a sealed box adds to its message (ephemeral public key and MAC). */
export const SEALED_BOX_OVERHEAD = 48;

export interface BoxKeypair {
  publicKey: Uint8Array;
  /** Wipe it (`wipe`) once written or used. */
  secretKey: Uint8Array;
}

export function newBoxKeypair(): BoxKeypair {
  const { publicKey, privateKey } = sodium().crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

/** The public key that belongs to a secret key. */
export function boxPublicKeyOf(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== BOX_SECRET_KEY_BYTES) throw new Error('a box secret key is 32 bytes');
  return sodium().crypto_scalarmult_base(secretKey);
}

export function sealToRecipient(message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  if (recipientPublicKey.length !== BOX_PUBLIC_KEY_BYTES) throw new Error('a box public key is 32 bytes');
  return sodium().crypto_box_seal(message, recipientPublicKey);
}

/** The message, or undefined if the box was not sealed to this key or was altered. */
export function openSealedBox(sealed: Uint8Array, secretKey: Uint8Array): Uint8Array | undefined {
  if (sealed.length < SEALED_BOX_OVERHEAD) return undefined;
  const publicKey = boxPublicKeyOf(secretKey);
  try {
    return sodium().crypto_box_seal_open(sealed, publicKey, secretKey);
  } catch {
    return undefined;
  }
}

// The cryptographic toolbox of the core. Nothing outside this folder touches libsodium.
export { initCrypto } from './sodium';
export { utf8, fromUtf8, framed, concat, wipe, constantTimeEqual, randomBytes } from './bytes';
export { randomId } from './ids';
export { seal, open, sealJson, openJson, sealPadded, sealPaddedJson, isUnpadded, paddedLength, RECORD_FORMAT, PADDED_RECORD_FORMAT, type FieldRef } from './aead';
export {
  deriveKek,
  newSalt,
  isPlausibleKdf,
  KDF_PRESETS,
  DEFAULT_KDF,
  TEST_ONLY_INSECURE_KDF,
  SALT_BYTES,
  type KdfParams,
  type KdfPreset,
} from './kdf';
export { randomKey, deriveSubkey, deriveCaseSubkey, KEY_BYTES, type SubkeyPurpose, type CaseSubkeyPurpose } from './keys';
export { digest, mac, blindIndex, streamingMac, streamingDigest, type StreamingMac } from './hash';
export { newRecoveryKey, parseRecoveryKey } from './recovery-key';
export { encodeBase32, decodeBase32 } from './base32';
export { wrapKey, unwrapKey, wrappedKeyLength } from './key-wrap';
export {
  streamEncryptor,
  streamDecryptor,
  STREAM_KEY_BYTES,
  STREAM_HEADER_BYTES,
  STREAM_CHUNK_OVERHEAD,
  type StreamEncryptor,
  type StreamDecryptor,
} from './stream';
export {
  newBoxKeypair,
  boxPublicKeyOf,
  sealToRecipient,
  openSealedBox,
  BOX_PUBLIC_KEY_BYTES,
  BOX_SECRET_KEY_BYTES,
  SEALED_BOX_OVERHEAD,
  type BoxKeypair,
} from './box';

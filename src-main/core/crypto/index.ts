// The cryptographic toolbox of the core. Nothing outside this folder touches libsodium.
export { initCrypto } from './sodium';
export { utf8, fromUtf8, framed, concat, wipe, constantTimeEqual, randomBytes } from './bytes';
export { randomId } from './ids';
export { seal, open, sealJson, openJson, RECORD_FORMAT, type FieldRef } from './aead';
export {
  deriveKek,
  newSalt,
  isPlausibleKdf,
  KDF_PRESETS,
  DEFAULT_KDF,
  TEST_ONLY_INSECURE_KDF,
  type KdfParams,
  type KdfPreset,
} from './kdf';
export { randomKey, deriveSubkey, KEY_BYTES, type SubkeyPurpose } from './keys';
export { digest, mac, blindIndex } from './hash';
export { newRecoveryKey, parseRecoveryKey } from './recovery-key';

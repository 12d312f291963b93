import { encodeBase32 } from './base32';
import { publicRandomBytes } from './bytes';

/** A random, meaningless row id (80 bits): ids are stored in plaintext, so they must say nothing. */
export function randomId(): string {
  return encodeBase32(publicRandomBytes(10)).toLowerCase();
}

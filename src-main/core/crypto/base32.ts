/**
 * Crockford base32: no I, L, O or U, so ids and recovery keys survive being read aloud,
 * printed and typed back in.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes leniently (case, I/L as 1, O as 0); returns undefined for any other character. */
export function decodeBase32(text: string, byteLength: number): Uint8Array | undefined {
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const raw of text.toUpperCase()) {
    const char = raw === 'I' || raw === 'L' ? '1' : raw === 'O' ? '0' : raw;
    const value = ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (at >= byteLength) return undefined;
      out[at++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return at === byteLength ? out : undefined;
}

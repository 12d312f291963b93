/**
 * Main answers a roster search with a bitset over the case's sequence numbers, in base64: bit
 * `seq & 7` of byte `seq >> 3` is set for each plaintiff that matches. No name crosses, and it
 * is a few kB even for 100,000 plaintiffs.
 */
export function decodeMask(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether the plaintiff with this sequence number is in the bitset (past its end: no). */
export function hasSeq(mask: Uint8Array, seq: number): boolean {
  return ((mask[seq >> 3] ?? 0) & (1 << (seq & 7))) !== 0;
}

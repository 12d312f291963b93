import type { RosterEntryDto } from '../../../../../src-preload/contract';

/** Plaintiffs with sequence numbers 1..n (ids p1.., pseudonyms Doe 1..); those in `withdrawn` are withdrawn. */
export function roster(n: number, withdrawn: number[] = []): RosterEntryDto[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    seq: i + 1,
    pseudonym: `Doe ${i + 1}`,
    status: withdrawn.includes(i + 1) ? ('withdrawn' as const) : ('active' as const),
  }));
}

/** A bitset with these sequence numbers set, as main builds it. */
export function maskOf(...seqs: number[]): Uint8Array {
  const mask = new Uint8Array((Math.max(0, ...seqs) >> 3) + 1);
  for (const seq of seqs) mask[seq >> 3]! |= 1 << (seq & 7);
  return mask;
}

/** The same bitset in main's wire form. */
export function wireMask(...seqs: number[]): string {
  return Buffer.from(maskOf(...seqs)).toString('base64');
}

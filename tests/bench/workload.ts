// The data both sides work on: the same synthetic plaintiffs (fixed seed), in the same order,
// and the same names to look up.
import type { PlaintiffInput } from '../../src-main/core/plaintiffs/plaintiff-input';
import { syntheticPlaintiffs } from '../fixtures/synthetic';

export const BENCH_SEED = 10_000;

export const BENCH_CASE = {
  title: 'Does 1–10,000 v. Benchmark Holdings',
  court: 'United States District Court for the District of Nowhere',
  number: '1:26-cv-00001',
  scheme: 'gendered',
} as const;

export interface Workload {
  plaintiffs: PlaintiffInput[];
  /** Legal names of plaintiffs in the set, spread over it, one per lookup. */
  lookupNames: string[];
}

export function makeWorkload(plaintiffs: number, lookups: number): Workload {
  const people = syntheticPlaintiffs(plaintiffs, BENCH_SEED);
  // A stride coprime with the size visits the set evenly, in a scattered order.
  const stride = 7919 % plaintiffs === 0 ? 1 : 7919;
  const lookupNames = Array.from({ length: lookups }, (_, i) => people[(i * stride) % plaintiffs]!.legalName);
  return { plaintiffs: people, lookupNames };
}

/** The pseudonym DoeVault's gendered scheme gives the plaintiff with sequence number `seq`. */
export function genderedPseudonym(person: PlaintiffInput, seq: number): string {
  return person.gender === 'female' ? `Jane Doe ${seq}` : person.gender === 'male' ? `John Doe ${seq}` : `Doe ${seq}`;
}

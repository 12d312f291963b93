/**
 * Int32Arrays lent for the length of one build of the scanner, and given back zeroed.
 *
 * A build of 10,000 identities needs ~12 MB of scratch (the patterns as they come, their
 * sort's keys, the entries of each key) that is dropped once the automata are laid out.
 * Memory new to the process costs a page fault per 4 KiB page the first time it is written
 * (~10 µs a page on the virtual machines CI runs on: a tenth of the build), and the allocator
 * hands large arrays back to the system when they are freed, so each build paid again. Lent
 * arrays stay mapped between builds. Each is zeroed as it is given back: it is then as new
 * (callers may count on zeros) and holds nothing of an identity while it waits.
 */

/** What stays lent-out-able between builds, at most (the rest is left to the collector). */
const MAX_KEPT_BYTES = 48 * 1024 * 1024;
/** Smaller arrays come from the allocator's own free lists, without a fault: not lent. */
const MIN_LENT = 4096;

const kept: Int32Array[] = [];
let keptBytes = 0;

/** A zeroed array of at least `size` elements (the smallest kept one that fits, else a new one). */
export function borrowInt32(size: number): Int32Array {
  if (size < MIN_LENT) return new Int32Array(size);
  let best = -1;
  for (let i = 0; i < kept.length; i++) {
    const length = kept[i]!.length;
    if (length >= size && (best < 0 || length < kept[best]!.length)) best = i;
  }
  if (best < 0) return new Int32Array(size);
  const array = kept[best]!;
  kept[best] = kept[kept.length - 1]!;
  kept.pop();
  keptBytes -= array.byteLength;
  return array;
}

/**
 * Gives back an array of `borrowInt32` that nothing reads any more; `used`: how many of its
 * first elements may have been written (the rest are still zero).
 */
export function giveBackInt32(array: Int32Array, used: number): void {
  array.fill(0, 0, Math.min(used, array.length));
  if (array.length < MIN_LENT || keptBytes + array.byteLength > MAX_KEPT_BYTES) return;
  kept.push(array);
  keptBytes += array.byteLength;
}

/** The arrays waiting to be lent again, for a check that nothing is left in them. */
export function heldArrays(): readonly Int32Array[] {
  return [...kept];
}

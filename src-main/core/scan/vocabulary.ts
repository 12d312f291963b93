/**
 * The words the variants are made of, each with a small integer id, looked up straight from
 * code units (no string is made per word of the scanned text, nor per word of a variant key).
 */

/** FNV-1a, exported so that a caller can hash a word and its prefixes in one pass (words.ts). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export class Vocabulary {
  private mask: number;
  /** Slot s: slots[2s] = word id + 1 (0: empty), slots[2s + 1] = its hash (one cache line for both). */
  private slots: Int32Array;
  private pool: Uint16Array;
  private poolStart: Int32Array;
  private count = 0;
  /** Ids of the one-letter words below U+0080 (initials, most of them), or -1: no probe for them. */
  private readonly single = new Int32Array(128).fill(-1);

  /** Sized for about `words` words (more grow). */
  constructor(words = 512) {
    let capacity = 1024;
    while (capacity < words * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 2);
    this.pool = new Uint16Array(Math.max(8192, words * 8));
    this.poolStart = new Int32Array(Math.max(1025, words + 2));
  }

  get size(): number {
    return this.count;
  }

  /** The id of the word text[start, end), added if new. */
  intern(text: string, start = 0, end = text.length): number {
    const c = text.charCodeAt(start);
    const one = end - start === 1 && c < 0x80;
    if (one && this.single[c]! >= 0) return this.single[c]!;
    const hash = hashRange(text, start, end);
    const signed = hash | 0;
    const length = end - start;
    const { slots, pool, poolStart, mask } = this;
    let s = hash & mask;
    for (;;) {
      const entry = slots[s << 1]!;
      if (entry === 0) break;
      if (slots[(s << 1) + 1] === signed) {
        const id = entry - 1;
        const from = poolStart[id]!;
        if (poolStart[id + 1]! - from === length) {
          let i = 0;
          while (i < length && pool[from + i] === text.charCodeAt(start + i)) i++;
          if (i === length) return id;
        }
      }
      s = (s + 1) & mask;
    }
    // New word.
    const id = this.count++;
    const at = this.poolStart[id]!;
    if (at + length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, at + length));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let i = 0; i < length; i++) this.pool[at + i] = text.charCodeAt(start + i);
    if (id + 2 > this.poolStart.length) {
      const bigger = new Int32Array(this.poolStart.length * 2);
      bigger.set(this.poolStart);
      this.poolStart = bigger;
    }
    this.poolStart[id + 1] = at + length;
    this.slots[s << 1] = id + 1;
    this.slots[(s << 1) + 1] = signed;
    if (one) this.single[c] = id;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return id;
  }

  /** The text of word `id`. */
  word(id: number): string {
    let out = '';
    for (let i = this.poolStart[id]!; i < this.poolStart[id + 1]!; i++) out += String.fromCharCode(this.pool[i]!);
    return out;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    const old = this.slots;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at]!;
      if (entry === 0) continue;
      let t = (old[at + 1]! >>> 0) & mask;
      while (slots[t << 1] !== 0) t = (t + 1) & mask;
      slots[t << 1] = entry;
      slots[(t << 1) + 1] = old[at + 1]!;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The id of the word codes[start, end) whose hash is `hash`, or -1. */
  lookup(codes: Uint16Array, start: number, end: number, hash: number): number {
    const { slots, pool, poolStart, mask } = this;
    const length = end - start;
    const signed = hash | 0;
    let s = hash & mask;
    for (;;) {
      const entry = slots[s << 1]!;
      if (entry === 0) return -1;
      if (slots[(s << 1) + 1] !== signed) {
        s = (s + 1) & mask;
        continue;
      }
      const id = entry - 1;
      const from = poolStart[id]!;
      if (poolStart[id + 1]! - from === length) {
        let i = 0;
        while (i < length && pool[from + i] === codes[start + i]) i++;
        if (i === length) return id;
      }
      s = (s + 1) & mask;
    }
  }
}

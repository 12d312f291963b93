/**
 * The words the variants are made of, each with a small integer id, looked up straight from
 * the normalised text's code units (no string is made per word of the scanned text).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over code units [start, end). */
export function hashCodes(codes: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i]!, FNV_PRIME);
  return h >>> 0;
}

function hashString(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private words: string[] = [];
  private count = 0;
  private mask = 0;
  private slots = new Int32Array(0); // word id + 1, 0 = empty
  private slotHash = new Int32Array(0);
  private pool = new Uint16Array(0);
  private poolStart = new Int32Array(0);

  /** The id of `word`, added if new. Only before `freeze()`. */
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.count++;
    }
    return id;
  }

  get size(): number {
    return this.count;
  }

  /** Builds the lookup table for `lookup`. */
  freeze(): void {
    const count = this.words.length;
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    this.slotHash = new Int32Array(capacity);
    let total = 0;
    for (const word of this.words) total += word.length;
    this.pool = new Uint16Array(total);
    this.poolStart = new Int32Array(count + 1);
    let at = 0;
    for (let id = 0; id < count; id++) {
      const word = this.words[id]!;
      this.poolStart[id] = at;
      for (let i = 0; i < word.length; i++) this.pool[at++] = word.charCodeAt(i);
      const hash = hashString(word);
      let s = hash & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = id + 1;
      this.slotHash[s] = hash | 0;
    }
    this.poolStart[count] = at;
    this.ids.clear();
    this.words = [];
  }

  /** The id of the word codes[start, end) whose hash is `hash`, or -1. */
  lookup(codes: Uint16Array, start: number, end: number, hash: number): number {
    const { slots, slotHash, pool, poolStart, mask } = this;
    const length = end - start;
    const signed = hash | 0;
    let s = hash & mask;
    for (;;) {
      const entry = slots[s]!;
      if (entry === 0) return -1;
      if (slotHash[s] !== signed) {
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

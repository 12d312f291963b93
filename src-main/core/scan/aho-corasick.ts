/**
 * Aho-Corasick over an integer alphabet, in typed arrays: every pattern is found in one pass,
 * whatever their number. The scanner runs it twice over the same text: over word ids (names,
 * emails, addresses, pseudonyms: each word of the normalised text is one symbol, so every
 * match is whole-word by construction) and over characters (phone numbers and ID numbers,
 * which may be written with any spacing).
 *
 * Transitions: the root's are one dense row (most steps start there); the others live in one
 * open-addressing hash table keyed by (state, symbol). Failure links and dictionary suffix
 * links make the per-symbol cost amortised O(1) plus one step per reported match.
 */

export const ROOT = 0;

/** Patterns as one flat symbol array: pattern p is symbols[offsets[p] .. offsets[p + 1]). */
export interface FlatPatterns {
  symbols: Int32Array;
  offsets: Int32Array;
}

class EdgeTable {
  private mask: number;
  private from: Int32Array;
  private sym: Int32Array;
  private to: Int32Array;
  private count = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.from = new Int32Array(capacity).fill(-1);
    this.sym = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }

  private slot(from: number, sym: number): number {
    return ((Math.imul(from, 0x9e3779b1) ^ Math.imul(sym + 0x7f4a7c15, 0x85ebca77)) >>> 0) & this.mask;
  }

  get(from: number, sym: number): number {
    const mask = this.mask;
    const keys = this.from;
    let s = this.slot(from, sym);
    for (;;) {
      const k = keys[s]!;
      if (k === -1) return -1;
      if (k === from && this.sym[s] === sym) return this.to[s]!;
      s = (s + 1) & mask;
    }
  }

  set(from: number, sym: number, to: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    let s = this.slot(from, sym);
    while (this.from[s] !== -1) s = (s + 1) & this.mask;
    this.from[s] = from;
    this.sym[s] = sym;
    this.to[s] = to;
    this.count++;
  }

  private grow(): void {
    const { from, sym, to } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.from = new Int32Array(capacity).fill(-1);
    this.sym = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.count = 0;
    for (let s = 0; s < from.length; s++) if (from[s] !== -1) this.set(from[s]!, sym[s]!, to[s]!);
  }
}

export class AhoCorasick {
  private constructor(
    private readonly rootRow: Int32Array,
    private readonly edges: EdgeTable,
    private readonly fail: Int32Array,
    /** Pattern ending at a state, or -1. */
    private readonly out: Int32Array,
    /** Nearest state on the failure chain (excluding itself) with an output, or -1. */
    private readonly dict: Int32Array,
    /** Length in symbols of the path to a state. */
    private readonly depths: Int32Array,
    readonly alphabetSize: number,
    readonly stateCount: number,
  ) {}

  /**
   * Builds the automaton. Symbols must be in [0, alphabetSize). Two equal patterns: the first
   * one's index is reported (callers deduplicate).
   */
  static build(patterns: FlatPatterns, alphabetSize: number): AhoCorasick {
    const { symbols, offsets } = patterns;
    const patternCount = offsets.length - 1;
    const maxStates = symbols.length + 1;
    const parent = new Int32Array(maxStates);
    const symOf = new Int32Array(maxStates);
    const firstChild = new Int32Array(maxStates).fill(-1);
    const nextSibling = new Int32Array(maxStates).fill(-1);
    const out = new Int32Array(maxStates).fill(-1);
    const depths = new Int32Array(maxStates);
    const rootRow = new Int32Array(alphabetSize); // 0 = ROOT: a missing root edge stays at the root
    const edges = new EdgeTable(Math.max(16, symbols.length - patternCount));
    let states = 1;

    for (let p = 0; p < patternCount; p++) {
      const start = offsets[p]!;
      const end = offsets[p + 1]!;
      if (end === start) continue;
      let node = ROOT;
      for (let i = start; i < end; i++) {
        const a = symbols[i]!;
        let child = node === ROOT ? rootRow[a]! : edges.get(node, a);
        if (child <= 0) {
          child = states++;
          parent[child] = node;
          symOf[child] = a;
          depths[child] = depths[node]! + 1;
          nextSibling[child] = firstChild[node]!;
          firstChild[node] = child;
          if (node === ROOT) rootRow[a] = child;
          else edges.set(node, a, child);
        }
        node = child;
      }
      if (out[node] === -1) out[node] = p;
    }

    const fail = new Int32Array(states);
    const dict = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (let c = firstChild[ROOT]!; c !== -1; c = nextSibling[c]!) {
      fail[c] = ROOT;
      queue[tail++] = c;
    }
    while (head < tail) {
      const u = queue[head++]!;
      for (let v = firstChild[u]!; v !== -1; v = nextSibling[v]!) {
        const a = symOf[v]!;
        let f = fail[u]!;
        let target = -1;
        for (;;) {
          target = f === ROOT ? rootRow[a]! : edges.get(f, a);
          if (target > 0 || f === ROOT) break;
          f = fail[f]!;
        }
        const fv = target > 0 ? target : ROOT;
        fail[v] = fv;
        dict[v] = out[fv]! >= 0 ? fv : dict[fv]!;
        queue[tail++] = v;
      }
    }
    return new AhoCorasick(rootRow, edges, fail, out.subarray(0, states), dict, depths.subarray(0, states), alphabetSize, states);
  }

  /** The state after reading `sym` in `state`. */
  next(state: number, sym: number): number {
    for (;;) {
      if (state === ROOT) return this.rootRow[sym]!;
      const t = this.edges.get(state, sym);
      if (t >= 0) return t;
      state = this.fail[state]!;
    }
  }

  /** The pattern that ends exactly at `state`, or -1. */
  output(state: number): number {
    return this.out[state]!;
  }

  /** The next state on the failure chain with an output, or -1: follow it for every match. */
  nextOutput(state: number): number {
    return this.dict[state]!;
  }

  /** Length in symbols of the pattern(s) ending at `state`. */
  depth(state: number): number {
    return this.depths[state]!;
  }

  /** The first state with an output at or below `state` on its failure chain, or -1. */
  firstOutput(state: number): number {
    return this.out[state]! >= 0 ? state : this.dict[state]!;
  }
}

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

export class EdgeTable {
  private mask: number;
  /**
   * Slot s is table[4s .. 4s + 3): from + 1 (0: empty), symbol, target. One array, so that a
   * probe reads one cache line, not one in each of three arrays (the build inserts ~700,000
   * edges for 10,000 identities, and misses dominated it).
   */
  private table: Int32Array;
  private count = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * 4);
  }

  private slot(from: number, sym: number): number {
    let h = Math.imul(from ^ Math.imul(sym, 0x9e3779b1), 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    return h & this.mask;
  }

  /**
   * The slot that holds (from, sym), or the empty slot where it would go. The one probe loop of
   * the table: kept small and on plain numbers so that the scan's get inlines it.
   */
  private probe(from: number, sym: number): number {
    const mask = this.mask;
    const table = this.table;
    const key = from + 1;
    let s = this.slot(from, sym);
    for (;;) {
      const at = s << 2;
      const k = table[at]!;
      if (k === 0 || (k === key && table[at + 1] === sym)) return s;
      s = (s + 1) & mask;
    }
  }

  get(from: number, sym: number): number {
    const at = this.probe(from, sym) << 2;
    return this.table[at] === 0 ? -1 : this.table[at + 2]!;
  }

  /**
   * The target of (from, sym) if present; otherwise adds it with target `to` and returns -1.
   * One probe sequence where get-then-set would take two (the trie's insert).
   */
  getOrSet(from: number, sym: number, to: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const at = this.probe(from, sym) << 2;
    if (this.table[at] !== 0) return this.table[at + 2]!;
    this.fill(at, from, sym, to);
    return -1;
  }

  set(from: number, sym: number, to: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const at = this.probe(from, sym) << 2;
    if (this.table[at] !== 0) this.table[at + 2] = to;
    else this.fill(at, from, sym, to);
  }

  private fill(at: number, from: number, sym: number, to: number): void {
    this.table[at] = from + 1;
    this.table[at + 1] = sym;
    this.table[at + 2] = to;
    this.count++;
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * 4);
    this.count = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at] !== 0) this.set(old[at]! - 1, old[at + 1]!, old[at + 2]!);
  }
}

/**
 * Builds the trie one symbol at a time (patterns need not be materialised first), then the
 * failure links: `finish()` returns the automaton.
 *
 * With `byCharacters` (a trie of characters: few children per state), a child is found by
 * walking its parent's list of children, and the edge table is filled once, in `finish()`:
 * most steps of an insert then read the state just created beside it (a new path) or a hot
 * state near the root, where a hash probe was a cache miss each. A trie of words (a state may
 * have thousands of children) keeps the table from the start.
 */
export class TrieBuilder {
  private symOf: Int32Array;
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private out: Int32Array;
  private depths: Int32Array;
  private rootRow: Int32Array;
  private readonly edges: EdgeTable | undefined;
  private states = 1;

  constructor(alphabetHint = 1024, stateHint = 1024, byCharacters = false) {
    const size = Math.max(16, stateHint);
    this.symOf = new Int32Array(size);
    this.firstChild = new Int32Array(size).fill(-1);
    this.nextSibling = new Int32Array(size).fill(-1);
    this.out = new Int32Array(size).fill(-1);
    this.depths = new Int32Array(size);
    this.rootRow = new Int32Array(Math.max(1, alphabetHint));
    this.edges = byCharacters ? undefined : new EdgeTable(size);
  }

  /** The child of `node` by `sym`, created if missing. */
  child(node: number, sym: number): number {
    const child = this.states;
    if (node === ROOT) {
      if (sym >= this.rootRow.length) this.rootRow = resized(this.rootRow, Math.max(sym + 1, this.rootRow.length * 2), 0);
      const existing = this.rootRow[sym]!;
      if (existing > 0) return existing;
      this.rootRow[sym] = child;
    } else if (this.edges) {
      const existing = this.edges.getOrSet(node, sym, child);
      if (existing > 0) return existing;
    } else {
      const { symOf, nextSibling } = this;
      for (let c = this.firstChild[node]!; c !== -1; c = nextSibling[c]!) if (symOf[c] === sym) return c;
    }
    if (child === this.symOf.length) this.grow();
    this.states++;
    this.symOf[child] = sym;
    this.depths[child] = this.depths[node]! + 1;
    this.nextSibling[child] = this.firstChild[node]!;
    this.firstChild[node] = child;
    return child;
  }

  /** The value reported when a pattern ends at `node` (-1: none). */
  output(node: number): number {
    return this.out[node]!;
  }

  setOutput(node: number, value: number): void {
    this.out[node] = value;
  }

  private grow(): void {
    const size = this.symOf.length * 2;
    this.symOf = resized(this.symOf, size, 0);
    this.firstChild = resized(this.firstChild, size, -1);
    this.nextSibling = resized(this.nextSibling, size, -1);
    this.out = resized(this.out, size, -1);
    this.depths = resized(this.depths, size, 0);
  }

  /** Computes failure and dictionary links. Symbols read later must be < alphabetSize. */
  finish(alphabetSize: number): AhoCorasick {
    const { firstChild, nextSibling, symOf, out, states } = this;
    const edges = this.edges ?? new EdgeTable(states);
    // The edges of a state's children are tabled when it leaves the queue: every failure link
    // looks up a shallower state, whose edges are in by then.
    const tabling = this.edges === undefined;
    const rootRow = this.rootRow.length >= alphabetSize ? this.rootRow : resized(this.rootRow, alphabetSize, 0);
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
        if (tabling) edges.set(u, a, v);
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
    // Views, not copies: the builder is dropped, and the arrays are sized from the caller's hint.
    return new AhoCorasick(rootRow, edges, fail, out.subarray(0, states), dict, this.depths.subarray(0, states), alphabetSize, states);
  }
}

function resized(array: Int32Array, size: number, fill: number): Int32Array {
  const bigger = new Int32Array(size);
  if (fill !== 0) bigger.fill(fill, array.length);
  bigger.set(array);
  return bigger;
}

export class AhoCorasick {
  constructor(
    private readonly rootRow: Int32Array,
    private readonly edges: EdgeTable,
    private readonly fail: Int32Array,
    /** Value (pattern) ending at a state, or -1. */
    private readonly out: Int32Array,
    /** Nearest state on the failure chain (excluding itself) with an output, or -1. */
    private readonly dict: Int32Array,
    /** Length in symbols of the path to a state. */
    private readonly depths: Int32Array,
    readonly alphabetSize: number,
    readonly stateCount: number,
  ) {}

  /**
   * Builds the automaton from whole patterns; pattern p is reported as p. Symbols must be in
   * [0, alphabetSize). Of two equal patterns the first one's index is reported.
   */
  static build(patterns: FlatPatterns, alphabetSize: number): AhoCorasick {
    const { symbols, offsets } = patterns;
    const builder = new TrieBuilder(alphabetSize, symbols.length + 1);
    for (let p = 0; p < offsets.length - 1; p++) {
      const start = offsets[p]!;
      const end = offsets[p + 1]!;
      if (end === start) continue;
      let node = ROOT;
      for (let i = start; i < end; i++) node = builder.child(node, symbols[i]!);
      if (builder.output(node) === -1) builder.setOutput(node, p);
    }
    return builder.finish(alphabetSize);
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

  /** The value of the pattern that ends exactly at `state`, or -1. */
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

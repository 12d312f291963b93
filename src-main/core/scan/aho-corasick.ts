/**
 * Aho-Corasick over an integer alphabet, in typed arrays: every pattern is found in one pass,
 * whatever their number. The scanner runs it over word ids (names, emails, addresses,
 * pseudonyms: each word of the normalised text is one symbol, so every match is whole-word by
 * construction) and over characters (phone and ID numbers written with any spacing, names run
 * together inside tokens).
 *
 * Built in two steps. A `PatternList` collects the patterns as they come (equal ones too: no
 * trie yet, no lookup). `finish()` then lays the trie out by sorting them, a state's patterns
 * by their next symbol (equal patterns meet in one state): a state's children are made
 * together, so they are consecutive states, sorted by symbol (`first` and `count` say which);
 * where one pattern alone goes on, the rest of it becomes a chain of consecutive states. The
 * failure links follow, breadth-first. Building the trie as the patterns came, by a hash table
 * of edges or by lists of siblings, cost a cache miss per step for the ~1.4 million steps of
 * 10,000 identities, and so did the failure links over it; here most reads are in order.
 *
 * Transitions: the root's are one dense row (most steps start there); another state's
 * children are searched in their sorted run. Failure links and dictionary suffix links make
 * the per-symbol cost amortised O(1) plus one step per reported match.
 */

import { borrowInt32, giveBackInt32 } from './scratch';

export const ROOT = 0;

/** Patterns as one flat symbol array: pattern p is symbols[offsets[p] .. offsets[p + 1]). */
export interface FlatPatterns {
  symbols: Int32Array;
  offsets: Int32Array;
}

/** Children runs up to this long are searched linearly, longer ones by halving. */
const LINEAR = 8;
/** Runs of patterns up to this long are sorted by insertion, longer ones by counting or natively. */
const INSERTION = 16;

/**
 * Patterns (sequences of non-negative integer symbols) as they come, equal ones included:
 * appending one writes memory in order, where finding it in a hash table of 150,000 keys cost
 * a cache miss. Equal patterns meet in `finish()`, which sorts them anyway, and are handed
 * together, in the order they came, to the caller's `value`.
 */
export class PatternList {
  /** Pattern p at pool[starts[p]]: its length, p, then its symbols (one cache line to read them). */
  private pool: Int32Array;
  private used = 0;
  private starts: Int32Array;
  private count = 0;
  /** The pattern being added. */
  private scratch = new Int32Array(64);

  /** Sized for about `patterns` patterns of `symbols` symbols in all (more grow). */
  constructor(patterns = 1024, symbols = patterns * 4) {
    const size = Math.max(16, patterns);
    this.starts = borrowInt32(size);
    this.pool = borrowInt32(Math.max(64, symbols + size * 2));
  }

  /** Number of patterns added (equal ones counted each time). */
  get size(): number {
    return this.count;
  }

  /** Adds the UTF-16 code units of `text`; returns the pattern's index. */
  addString(text: string): number {
    const n = text.length;
    const scratch = n > this.scratch.length ? this.grownScratch(n) : this.scratch;
    for (let i = 0; i < n; i++) scratch[i] = text.charCodeAt(i);
    return this.add(scratch, n);
  }

  /** Adds `symbols`; returns the pattern's index. */
  addSymbols(symbols: readonly number[]): number {
    const n = symbols.length;
    const scratch = n > this.scratch.length ? this.grownScratch(n) : this.scratch;
    for (let i = 0; i < n; i++) scratch[i] = symbols[i]!;
    return this.add(scratch, n);
  }

  /** Adds symbols[0 .. n); returns the pattern's index. */
  add(symbols: Int32Array, n: number): number {
    const p = this.count++;
    if (p === this.starts.length) this.starts = regrown(this.starts, p, p * 2);
    const at = this.used;
    let pool = this.pool;
    if (at + n + 2 > pool.length) this.pool = pool = regrown(pool, at, Math.max(pool.length * 2, at + n + 2));
    pool[at] = n;
    pool[at + 1] = p;
    for (let i = 0; i < n; i++) pool[at + 2 + i] = symbols[i]!;
    this.used = at + n + 2;
    this.starts[p] = at;
    return p;
  }

  /**
   * The pool laid out again by each pattern's first symbol (stably: copies stay in the order
   * they came), without the empty patterns: the trie is then made from memory read in order,
   * where reading each pattern's next symbol from where it came was a cache miss per pattern
   * and level. `this.used` becomes the new pool's.
   */
  private byFirstSymbol(alphabetSize: number): Int32Array {
    const { starts, pool, count } = this;
    const offsets = borrowInt32(alphabetSize + 1);
    for (let p = 0; p < count; p++) {
      const at = starts[p]!;
      const n = pool[at]!;
      if (n > 0) offsets[pool[at + 2]! + 1]! += n + 2;
    }
    for (let a = 0; a < alphabetSize; a++) offsets[a + 1]! += offsets[a]!;
    const used = offsets[alphabetSize]!;
    const sorted = borrowInt32(Math.max(used, 64));
    for (let p = 0; p < count; p++) {
      const from = starts[p]!;
      const n = pool[from]!;
      if (n === 0) continue;
      const to = offsets[pool[from + 2]!]!;
      offsets[pool[from + 2]!] = to + n + 2;
      for (let i = 0; i < n + 2; i++) sorted[to + i] = pool[from + i]!;
    }
    giveBackInt32(offsets, alphabetSize + 1);
    giveBackInt32(pool, this.used);
    giveBackInt32(starts, count);
    this.used = used;
    return sorted;
  }

  private grownScratch(n: number): Int32Array {
    this.scratch = new Int32Array(n * 2);
    return this.scratch;
  }

  /**
   * The automaton. For each distinct pattern, `value` is given the indices of its copies in
   * the order they were added (copies[0 .. count)) and returns what the automaton reports
   * where the pattern ends (a negative value: nothing). Patterns without symbols are not
   * looked for. Symbols read later must be < alphabetSize. Once only: the list's memory is
   * reused.
   */
  finish(alphabetSize: number, value: (copies: Int32Array, count: number) => number): AhoCorasick {
    const pool = this.byFirstSymbol(alphabetSize);
    // The patterns by where each is in the pool, a state's consecutive: order[lo[s] .. hi[s]).
    const order = borrowInt32(this.count);
    let m = 0;
    for (let at = 0; at < this.used; at += pool[at]! + 2) order[m++] = at;
    // The states: at most one per symbol, plus the root; names share prefixes, so the arrays
    // start at a little over half that and grow if need be (the scanner's build allocates
    // ~15 MB of them, and V8 collects garbage by the megabytes of such memory allocated).
    const most = this.used - 2 * m + 1;
    let capacity = Math.min(most, (most >> 1) + (most >> 3) + 1024);
    let sym: Int32Array = new Int32Array(capacity);
    let first: Int32Array = new Int32Array(capacity);
    let count: Int32Array = new Int32Array(capacity);
    // Each state's output is set to -1 as the state is made: memory past the last state is
    // never touched (a fresh page costs a fault).
    let out: Int32Array = new Int32Array(capacity);
    out[ROOT] = -1;
    let depths: Int32Array = new Int32Array(capacity);
    // The patterns a state is a prefix of: order[lo[s] .. hi[s]). Their arrays become the
    // failure and dictionary links once the trie is laid out.
    let lo: Int32Array = new Int32Array(capacity);
    let hi: Int32Array = new Int32Array(capacity);
    /** Room for `n` more states. */
    const room = (n: number): void => {
      if (states + n <= capacity) return;
      capacity = Math.min(most, Math.max(states + n, capacity + (capacity >> 1)));
      sym = resized(sym, capacity);
      first = resized(first, capacity);
      count = resized(count, capacity);
      out = resized(out, capacity);
      depths = resized(depths, capacity);
      lo = resized(lo, capacity);
      hi = resized(hi, capacity);
    };
    hi[ROOT] = m;
    const sorter = new RunSorter(m);
    let copies = new Int32Array(16);
    let states = 1;
    // States in the order they are made, each state's children made together. A state that
    // one pattern alone goes through gets the rest of that pattern at once, as a chain of
    // states: one read of the pattern, where a level at a time read it once per level.
    for (let s = 0; s < states; s++) {
      const start = lo[s]!;
      const end = hi[s]!;
      const n = end - start;
      if (n < 2 && s !== ROOT) continue;
      const depth = depths[s]!;
      // Sorted stably: the copies of a pattern ending here come first, in the order they came.
      const keys = sorter.sort(pool, order, start, end, depth);
      let k = 0;
      while (k < n && keys[k] === -1) k++;
      if (k > 0) {
        if (k > copies.length) copies = new Int32Array(k * 2);
        for (let c = 0; c < k; c++) copies[c] = pool[order[start + c]! + 1]!;
        out[s] = value(copies, k);
      }
      room(n - k);
      const firstChild = states;
      while (k < n) {
        const a = keys[k]!;
        let j = k + 1;
        while (j < n && keys[j] === a) j++;
        const child = states++;
        out[child] = -1;
        sym[child] = a;
        depths[child] = depth + 1;
        lo[child] = start + k;
        hi[child] = start + j;
        k = j;
      }
      first[s] = firstChild;
      count[s] = states - firstChild;
      for (let c = firstChild; c < first[s]! + count[s]!; c++) {
        if (hi[c]! - lo[c]! !== 1) continue;
        // One pattern: its remaining symbols, each a state with one child.
        const at = order[lo[c]!]!;
        const length = pool[at]!;
        room(length - depths[c]!);
        let previous = c;
        for (let d = depths[c]!; d < length; d++) {
          const next = states++;
          out[next] = -1;
          sym[next] = pool[at + 2 + d]!;
          depths[next] = d + 1;
          first[previous] = next;
          count[previous] = 1;
          previous = next;
        }
        copies[0] = pool[at + 1]!;
        out[previous] = value(copies, 1);
      }
    }

    const rootRow = new Int32Array(Math.max(1, alphabetSize));
    for (let c = first[ROOT]!; c < first[ROOT]! + count[ROOT]!; c++) rootRow[sym[c]!] = c;
    const automaton = new AhoCorasick(
      rootRow,
      first.subarray(0, states),
      count.subarray(0, states),
      sym.subarray(0, states),
      lo.fill(0, 0, states).subarray(0, states),
      out.subarray(0, states),
      hi.fill(-1, 0, states).subarray(0, states),
      depths.subarray(0, states),
      alphabetSize,
      states,
    );
    // The patterns are all laid out: their pool is the queue's room (one array fewer; so a
    // list is finished once).
    automaton.link(pool.length >= states ? pool : new Int32Array(states));
    giveBackInt32(pool, Math.max(this.used, states));
    giveBackInt32(order, m);
    sorter.giveBack();
    return automaton;
  }
}

/**
 * Sorts a run of patterns (by their pool offsets) by their symbol at one depth, -1 where a
 * pattern ends there: by insertion when short, by counting when the symbols are dense, else
 * natively on (symbol, position) packed into one number. Stable, all three: copies of a
 * pattern stay in the order they were added.
 */
class RunSorter {
  private keys: Int32Array;
  private spare: Int32Array;
  private counts = new Int32Array(1024);
  private packed = new Float64Array(64);

  private used = 0;

  constructor(size: number) {
    this.keys = borrowInt32(Math.max(16, size));
    this.spare = borrowInt32(Math.max(16, size));
  }

  /** The keys and spare arrays back to scratch.ts. */
  giveBack(): void {
    giveBackInt32(this.keys, this.used);
    giveBackInt32(this.spare, this.used);
  }

  /** Sorts order[start .. end) and returns the keys, sorted, from index 0. */
  sort(pool: Int32Array, order: Int32Array, start: number, end: number, depth: number): Int32Array {
    const n = end - start;
    if (n > this.used) this.used = n;
    const keys = this.keys;
    let min = 0x7fffffff;
    let max = -1;
    let sorted = true;
    for (let k = 0; k < n; k++) {
      const at = order[start + k]!;
      const key = depth < pool[at]! ? pool[at + 2 + depth]! : -1;
      keys[k] = key;
      if (key < min) min = key;
      if (key > max) max = key;
      if (k > 0 && key < keys[k - 1]!) sorted = false;
    }
    if (sorted) return keys;
    if (n <= INSERTION) {
      for (let k = 1; k < n; k++) {
        const key = keys[k]!;
        const at = order[start + k]!;
        let j = k - 1;
        while (j >= 0 && keys[j]! > key) {
          keys[j + 1] = keys[j]!;
          order[start + j + 1] = order[start + j]!;
          j--;
        }
        keys[j + 1] = key;
        order[start + j + 1] = at;
      }
      return keys;
    }
    const span = max - min + 1;
    if (span <= 4 * n + 256) {
      if (span > this.counts.length) this.counts = new Int32Array(span * 2);
      const { counts, spare } = this;
      counts.fill(0, 0, span + 1);
      for (let k = 0; k < n; k++) counts[keys[k]! - min + 1]!++;
      for (let c = 1; c <= span; c++) counts[c]! += counts[c - 1]!;
      for (let k = 0; k < n; k++) spare[counts[keys[k]! - min]!++] = order[start + k]!;
      order.set(spare.subarray(0, n), start);
      for (let c = 0, k = 0; c < span; c++) while (k < counts[c]!) keys[k++] = c + min;
      return keys;
    }
    if (n > this.packed.length) this.packed = new Float64Array(n * 2);
    const packed = this.packed;
    // (key + 1) * n + position: key + 1 < 2^31 and n < 2^22 keep it exact.
    for (let k = 0; k < n; k++) packed[k] = (keys[k]! + 1) * n + k;
    const view = packed.subarray(0, n);
    view.sort();
    const spare = this.spare;
    for (let k = 0; k < n; k++) spare[k] = order[start + k]!;
    for (let k = 0; k < n; k++) {
      const v = view[k]!;
      const position = v % n;
      order[start + k] = spare[position]!;
      keys[k] = (v - position) / n - 1;
    }
    return keys;
  }
}

/** A lent array grown: a bigger one lent, the old one given back (its first `used` elements copied). */
function regrown(array: Int32Array, used: number, size: number): Int32Array {
  const bigger = borrowInt32(size);
  bigger.set(array.subarray(0, used));
  giveBackInt32(array, used);
  return bigger;
}

function resized(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(array.subarray(0, Math.min(array.length, size)));
  return bigger;
}

export class AhoCorasick {
  constructor(
    private readonly rootRow: Int32Array,
    /** The children of state s are the count[s] states from first[s] on, sorted by symbol. */
    private readonly first: Int32Array,
    private readonly count: Int32Array,
    /** The symbol that leads to each state. */
    private readonly sym: Int32Array,
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
    const list = new PatternList(offsets.length, symbols.length);
    for (let p = 0; p < offsets.length - 1; p++) list.add(symbols.subarray(offsets[p]!), offsets[p + 1]! - offsets[p]!);
    return list.finish(alphabetSize, (copies) => copies[0]!);
  }

  /** Failure and dictionary links, breadth-first (a state's link is to a shallower state). */
  link(queue: Int32Array = new Int32Array(this.stateCount)): void {
    const { first, count, sym, fail, out, dict } = this;
    let head = 0;
    let tail = 0;
    for (let c = first[ROOT]!; c < first[ROOT]! + count[ROOT]!; c++) queue[tail++] = c;
    while (head < tail) {
      const u = queue[head++]!;
      const end = first[u]! + count[u]!;
      for (let v = first[u]!; v < end; v++) {
        queue[tail++] = v;
        const a = sym[v]!;
        let f = fail[u]!;
        let target = 0;
        for (;;) {
          target = this.step(f, a);
          if (target > 0 || f === ROOT) break;
          f = fail[f]!;
        }
        fail[v] = target;
        dict[v] = out[target]! >= 0 ? target : dict[target]!;
      }
    }
  }

  /**
   * The child of `state` by `a`, or ROOT (0: the root is nobody's child) when there is none: a
   * step of the trie alone, without failure links (also for a caller that walks several paths
   * at once, see joined.ts).
   */
  step(state: number, a: number): number {
    if (state === ROOT) return a < this.rootRow.length ? this.rootRow[a]! : 0;
    const sym = this.sym;
    let lo = this.first[state]!;
    let hi = lo + this.count[state]!;
    if (hi - lo <= LINEAR) {
      for (; lo < hi; lo++) {
        const c = sym[lo]!;
        if (c === a) return lo;
        if (c > a) return 0;
      }
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = sym[mid]!;
      if (c === a) return mid;
      if (c < a) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /** The state after reading `sym` in `state`. */
  next(state: number, sym: number): number {
    for (;;) {
      if (state === ROOT) return this.rootRow[sym]!;
      const t = this.step(state, sym);
      if (t > 0) return t;
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

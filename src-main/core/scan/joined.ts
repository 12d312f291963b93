/**
 * Run-together names (issue 11, leak 4): "martakowalczyk", "KowalczykMarta",
 * "MartaAnnaKowalczyk" inside handles, e-mail local parts, URL paths and file names.
 *
 * A joined key is a row of pieces, each a name part's folded letters ("marta", "kowalczyk",
 * "garcialopez"). A vault's pieces are few (its distinct name parts) and each key is a row of
 * two or a few of them, so the channel is two small automata:
 * - `pieces`: Aho-Corasick over the pieces' characters, run over a token: every piece that
 *   ends at each character (by its id in the scanner's vocabulary);
 * - `rows`: a trie over those ids; a row that is a key has a value (its entry list).
 * One automaton over every key's characters held a chain of states for each key's tail, which
 * no other key shares: 300,000 states for 10,000 identities, where these two hold ~80,000.
 *
 * A token is read once. At each piece found there, a row may begin with it, and the rows whose
 * pieces so far end just before it may go on with it: a walk of every path at once (pieces
 * overlap: "anna" and "ann"), so every occurrence of every key is found, however its pieces
 * overlap other pieces. A key written as rows of different pieces ("ann"+"alee" and
 * "anna"+"lee") is found once per row: the scanner merges equal spans.
 */
import { PatternList, ROOT, type AhoCorasick } from './aho-corasick';
import { Vocabulary } from './vocabulary';

/**
 * Collects the rows of the joined keys while the scanner builds. A piece is a word of the
 * scanner's vocabulary (a name part's folded letters are one of its words, or become one):
 * the variants hand it over by id, already interned, and its letters go to the pieces'
 * automaton the first time it is seen.
 */
export class JoinedKeysBuilder {
  private readonly pieceList: PatternList;
  /** Per vocabulary id: its length in characters once it is a piece, else 0. */
  private lengths: Int32Array;
  /** Word id of each piece, in the order the pieces came (the pieces' automaton reports the index). */
  private readonly pieceIds: number[] = [];
  private readonly rows: PatternList;
  private shortest = Number.MAX_SAFE_INTEGER;

  /** Sized for about `pieces` distinct pieces and `rows` rows (more grow). */
  constructor(
    private readonly vocabulary: Vocabulary,
    pieces: number,
    rows: number,
  ) {
    this.lengths = new Int32Array(Math.max(1024, vocabulary.size * 2));
    this.pieceList = new PatternList(pieces, pieces * 8);
    this.rows = new PatternList(rows, rows * 2);
  }

  /** A key: the row of pieces ids[0 .. count) (vocabulary ids); returns its index (for `finish`'s value). */
  add(ids: Int32Array, count: number): number {
    let length = 0;
    for (let k = 0; k < count; k++) {
      const id = ids[k]!;
      if (id >= this.lengths.length) this.lengths = grown(this.lengths, id + 1);
      let size = this.lengths[id]!;
      if (size === 0) {
        const word = this.vocabulary.word(id);
        this.pieceList.addString(word);
        this.pieceIds.push(id);
        this.lengths[id] = size = word.length;
      }
      length += size;
    }
    if (length < this.shortest) this.shortest = length;
    return this.rows.add(ids, count);
  }

  /**
   * The matcher. For each distinct row, `value` is given the indices of its copies (see
   * PatternList.finish) and returns what the matcher reports for it.
   */
  finish(value: (copies: Int32Array, count: number) => number): JoinedKeys {
    // Each piece is added once: its pattern index says which word it is.
    const pieces = this.pieceList.finish(0x10000, (copies) => this.pieceIds[copies[0]!]!);
    let keys = 0;
    const rows = this.rows.finish(Math.max(1, this.vocabulary.size), (copies, count) => {
      keys++;
      return value(copies, count);
    });
    return new JoinedKeys(pieces, rows, keys, this.shortest);
  }
}

export class JoinedKeys {
  /** The rows walked so far in the token (state and start of each), by where they end (`ends`). */
  private states: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(256);
  /** ends[r]: the first walked row that ends at the token's r-th character (later ones follow it). */
  private ends: Int32Array = new Int32Array(256);

  constructor(
    private readonly pieces: AhoCorasick,
    private readonly rows: AhoCorasick,
    /** Number of distinct rows (keys). */
    readonly size: number,
    /** Length in characters of the shortest key (a shorter token holds none). */
    readonly shortest: number,
  ) {}

  /**
   * Every key inside codes[first, end) (one token): `found(from, to, value)` for each, `to`
   * exclusive, in the order their last characters come.
   */
  scan(codes: Uint16Array, first: number, end: number, found: (from: number, to: number, value: number) => void): void {
    const { pieces, rows } = this;
    if (end - first + 1 > this.ends.length) this.ends = new Int32Array((end - first + 1) * 2);
    const ends = this.ends;
    let walked = 0;
    let state = ROOT;
    for (let k = first; k < end; k++) {
      ends[k - first] = walked;
      state = pieces.next(state, codes[k]!);
      for (let s = pieces.firstOutput(state); s > 0; s = pieces.nextOutput(s)) {
        const piece = pieces.output(s);
        const from = k + 1 - pieces.depth(s);
        const begun = rows.step(ROOT, piece);
        if (begun !== ROOT) walked = this.walk(walked, begun, from, k, found);
        if (from === first) continue;
        // The rows that end just before this piece, going on with it.
        for (let i = ends[from - 1 - first]!, until = ends[from - first]!; i < until; i++) {
          const next = rows.step(this.states[i]!, piece);
          if (next !== ROOT) walked = this.walk(walked, next, this.starts[i]!, k, found);
        }
      }
    }
  }

  /** A row walked to `state`, from `start` to `k`: kept for the pieces after it, and reported if a key. */
  private walk(walked: number, state: number, start: number, k: number, found: (from: number, to: number, value: number) => void): number {
    if (walked === this.states.length) {
      this.states = grown(this.states);
      this.starts = grown(this.starts);
    }
    this.states[walked] = state;
    this.starts[walked] = start;
    const value = this.rows.output(state);
    if (value >= 0) found(start, k + 1, value);
    return walked + 1;
  }
}

function grown(array: Int32Array, size = array.length * 2): Int32Array {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

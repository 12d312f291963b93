/**
 * Who a variant text belongs to: for each list (one per distinct text), the entries
 * (identity index * 16 + kind code), in typed arrays: a vault of 10,000 has ~100,000 texts.
 */
export class EntryLists {
  private head: Int32Array;
  private next: Int32Array;
  private code: Int32Array;
  private lists = 0;
  private entries = 0;

  /** Sized for about `lists` lists and `entries` entries (more grow). */
  constructor(lists = 1024, entries = 4096) {
    this.head = new Int32Array(Math.max(16, lists)).fill(-1);
    this.next = new Int32Array(Math.max(16, entries));
    this.code = new Int32Array(Math.max(16, entries));
  }

  /** Lists held before the arrays grow. */
  get capacity(): number {
    return this.head.length;
  }

  /** A new, empty list; returns its id. */
  create(): number {
    if (this.lists === this.head.length) {
      const bigger = new Int32Array(this.head.length * 2).fill(-1);
      bigger.set(this.head);
      this.head = bigger;
    }
    return this.lists++;
  }

  get size(): number {
    return this.lists;
  }

  /**
   * Adds an entry unless the list holds it. Entries arrive identity by identity, so a
   * duplicate is among the entries of the identity added last: only those are compared.
   */
  add(list: number, code: number): void {
    const identity = code >> 4;
    for (let e = this.head[list]!; e !== -1 && this.code[e]! >> 4 === identity; e = this.next[e]!) {
      if (this.code[e] === code) return;
    }
    if (this.entries === this.next.length) {
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
      const codes = new Int32Array(this.code.length * 2);
      codes.set(this.code);
      this.code = codes;
    }
    const e = this.entries++;
    this.code[e] = code;
    this.next[e] = this.head[list]!;
    this.head[list] = e;
  }

  /** The entries of a list, oldest first. */
  get(list: number): number[] {
    const out: number[] = [];
    for (let e = this.head[list]!; e !== -1; e = this.next[e]!) out.push(this.code[e]!);
    return out.reverse();
  }

  /** True if some entry of the list has kind code `kind`. */
  hasKind(list: number, kind: number): boolean {
    for (let e = this.head[list]!; e !== -1; e = this.next[e]!) if ((this.code[e]! & 15) === kind) return true;
    return false;
  }
}

/**
 * Pages read by parallel lanes finish out of order; the public file is written in page order,
 * and its redaction references are numbered in that order. A lane holding page n waits for its
 * turn (every page before n done), so at most one page a lane is held in memory.
 */
export class InOrder {
  private next = 1;
  private readonly waiting = new Map<number, () => void>();

  /** Resolves once every page before `n` is done. */
  turn(n: number): Promise<void> {
    if (n === this.next) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(n, resolve));
  }

  /** Page `n` is done: the next page's turn. */
  done(n: number): void {
    this.next = n + 1;
    const wake = this.waiting.get(this.next);
    if (wake) {
      this.waiting.delete(this.next);
      wake();
    }
  }
}

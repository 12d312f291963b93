/**
 * The footnotes waiting for the foot of the page being typeset, on the pleading grid: a rule in
 * one slot, then the notes single-spaced, one slot a line, ending on the last numbered line.
 * The body above them is shortened by as many slots. A note whose reference prints on a page
 * starts at the foot of that page; what does not fit there continues at the foot of the next.
 */

/** Lines of notes as the writer will draw them; `first` marks the first line of a note. */
export class PageNotes<T extends { first: boolean }> {
  /** Lines of notes whose reference has printed, in order, not yet drawn. */
  private queue: T[] = [];
  /** How many lines of the queue go at the foot of this page. */
  private onPage = 0;
  /** The foot of this page begins with the rest of a note from the page before. */
  private continues = false;

  constructor(private readonly slots: number) {}

  /** Slots the foot of this page takes (its rule included), taken from the body. */
  get reserved(): number {
    return this.onPage === 0 ? 0 : this.onPage + 1;
  }

  /** Lines going at the foot of this page. */
  get placed(): number {
    return this.onPage;
  }

  /** Lines still to draw on this page or later ones. */
  get pending(): number {
    return this.queue.length;
  }

  /** Least room new notes of these lengths need on this page: the rule, and two lines of each (or all of a shorter one). */
  need(lineCounts: readonly number[]): number {
    return (this.onPage === 0 ? 1 : 0) + lineCounts.reduce((sum, lines) => sum + Math.min(lines, 2), 0);
  }

  /** Queues a note's lines; `bodyEnd` is the first slot below the body line that prints its reference. */
  add(lines: readonly T[], bodyEnd: number): void {
    this.queue.push(...lines);
    this.fill(bodyEnd);
  }

  /** Puts as many queued lines on this page as fit below `bodyEnd` (never fewer than already placed). */
  fill(bodyEnd: number): void {
    const room = this.slots - bodyEnd - 1;
    this.onPage = Math.max(this.onPage, Math.min(this.queue.length, room));
  }

  /** The lines for the foot of this page, and whether they begin with a note continued from before; the rest moves to the next page. */
  take(): { lines: T[]; continued: boolean } {
    const lines = this.queue.splice(0, this.onPage);
    const continued = this.continues;
    this.continues = this.queue.length > 0 && !this.queue[0]!.first;
    // On the next page the rest takes at most half the page, so the body goes on beside it.
    this.onPage = Math.min(this.queue.length, Math.floor(this.slots / 2) - 1);
    return { lines, continued };
  }
}

/** 1-based line (within its page, when the text has pages) and page of an offset. */
export class LineIndex {
  private readonly lineStarts: Int32Array;

  constructor(
    text: string,
    private readonly pageStarts?: readonly number[],
  ) {
    const starts = [0];
    if (/[\r\u2028\u2029]/.test(text)) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) starts.push(i + 1);
        else if (c === 0x0d) {
          if (text.charCodeAt(i + 1) === 0x0a) i++;
          starts.push(i + 1);
        } else if (c === 0x2028 || c === 0x2029) starts.push(i + 1);
      }
    } else {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    this.lineStarts = Int32Array.from(starts);
  }

  /** Index of the line holding `offset` (0-based). */
  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  locate(offset: number): { line: number; page?: number } {
    const pageStarts = this.pageStarts;
    if (!pageStarts) return { line: this.lineOf(offset) + 1 };
    let page = 0; // number of page starts at or before offset
    let lo = 0;
    let hi = pageStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pageStarts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    page = lo;
    const pageStart = page === 0 ? 0 : pageStarts[page - 1]!;
    return { line: this.lineOf(offset) - this.lineOf(pageStart) + 1, page: page + 1 };
  }
}

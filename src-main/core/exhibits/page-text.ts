/**
 * A page's words as texts the leak scanner reads, each character knowing the word it came
 * from, so that a hit's [start, end) maps back to the words (and their boxes) it covers.
 *
 * - `spaced`: the words of a line joined by spaces, a line a line (how the page reads);
 * - `pairs`: every two neighbouring words of a line run together, a pair a line: a word OCR
 *   broke in two ("Kowal czyk") reads whole there, and two words that are one name run
 *   together ("MartaKowalczyk") meet the scanner's joined forms.
 */
import type { PageWord } from './types';

export interface MappedText {
  text: string;
  /** Per UTF-16 unit of `text`: index of its word in the page's word list, -1 for a separator. */
  owner: Int32Array;
}

class Builder {
  private parts: string[] = [];
  private owners: number[] = [];

  add(text: string, owner: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.owners.push(owner);
  }

  build(): MappedText {
    return { text: this.parts.join(''), owner: Int32Array.from(this.owners) };
  }
}

/** Words grouped by line, in reading order (top to bottom, then left to right). */
export function linesOf(words: readonly PageWord[]): number[][] {
  const byLine = new Map<number, number[]>();
  words.forEach((word, i) => {
    const line = byLine.get(word.line) ?? [];
    line.push(i);
    byLine.set(word.line, line);
  });
  const lines = [...byLine.values()].map((indexes) => indexes.sort((a, b) => words[a]!.x0 - words[b]!.x0));
  const top = (line: number[]) => Math.min(...line.map((i) => words[i]!.y0));
  return lines.sort((a, b) => top(a) - top(b));
}

export function spacedText(words: readonly PageWord[], lines: readonly number[][]): MappedText {
  const out = new Builder();
  lines.forEach((line, l) => {
    if (l > 0) out.add('\n', -1);
    line.forEach((index, k) => {
      if (k > 0) out.add(' ', -1);
      out.add(words[index]!.text, index);
    });
  });
  return out.build();
}

export function pairsText(words: readonly PageWord[], lines: readonly number[][]): MappedText {
  const out = new Builder();
  let first = true;
  for (const line of lines) {
    for (let k = 0; k + 1 < line.length; k++) {
      if (!first) out.add('\n', -1);
      first = false;
      out.add(words[line[k]!]!.text, line[k]!);
      out.add(words[line[k + 1]!]!.text, line[k + 1]!);
    }
  }
  return out.build();
}

/** The words a span of a mapped text covers. */
export function wordsOf(mapped: MappedText, start: number, end: number): number[] {
  const found = new Set<number>();
  for (let i = start; i < end; i++) {
    const owner = mapped.owner[i]!;
    if (owner >= 0) found.add(owner);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The words of a normalised text (runs between single spaces), each looked up in the
 * variants' vocabulary: the symbol stream of the words channel.
 */
import type { TextMap } from './text-map';
import { SPACE } from './text-map';
import { hashCodes, type Vocabulary } from './vocabulary';

export interface WordStream {
  count: number;
  /** Normalised start and end (exclusive) of each word. */
  starts: Int32Array;
  ends: Int32Array;
  /** Vocabulary id of each word, or -1 for a word no variant uses. */
  ids: Int32Array;
}

export function wordStream(map: TextMap, vocabulary: Vocabulary): WordStream {
  const { codes, length } = map;
  const max = map.words;
  const starts = new Int32Array(max);
  const ends = new Int32Array(max);
  const ids = new Int32Array(max);
  let count = 0;
  let i = 0;
  while (i < length) {
    const start = i;
    while (i < length && codes[i] !== SPACE) i++;
    starts[count] = start;
    ends[count] = i;
    ids[count] = vocabulary.lookup(codes, start, i, hashCodes(codes, start, i));
    count++;
    i++; // the space
  }
  return { count, starts, ends, ids };
}

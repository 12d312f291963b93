/**
 * The words of a normalised text (runs between single spaces), each looked up in the
 * variants' vocabulary: the symbol stream of the words channel.
 *
 * Plurals (issue 11): "the Quillfeathers' house", "both QUILLFEATHERS" name the Quillfeather
 * family. Apostrophes separate words, so the possessive "-'s" already leaves the bare surname as
 * a word of its own; a plural does not. Each word ending in an English plural ending therefore
 * also carries the id of its stem: "-s" removed, and "-es" removed where English adds "-es"
 * (after s, x, z, ch, sh: "Rosses", "Sanchezes", "Lynches"). The matcher lets a stem end a
 * name (leak-scanner.ts); nothing else is stripped, so "Youngstown" or "Youngster" never
 * reads as "Young". A stem is found in the same hashing pass as the word (FNV-1a is
 * incremental), at the cost of one vocabulary probe per word that ends in "s".
 */
import type { TextMap } from './text-map';
import { SPACE } from './text-map';
import { FNV_OFFSET, FNV_PRIME, type Vocabulary } from './vocabulary';
import { borrowInt32, giveBackInt32 } from './scratch';

/**
 * Shortest stem read as a plural's. Two-letter surnames (Ha, Ye, Lo, Wa, Le) would make
 * "has", "yes", "Los Angeles", "was" and "les" mentions of a plaintiff in every draft.
 */
export const MIN_PLURAL_STEM = 3;

const S = 0x73;
const E = 0x65;

export interface WordStream {
  count: number;
  /** Normalised start and end (exclusive) of each word. */
  starts: Int32Array;
  ends: Int32Array;
  /** Vocabulary id of each word, or -1 for a word no variant uses. */
  ids: Int32Array;
  /**
   * Plural stems found in the vocabulary, as pairs (word index, stem id) in word order; a word
   * may have two ("Rosses": "rosse" and "ross"). A list, not an array per word: a draft has a
   * few, against hundreds of thousands of words.
   */
  stems: number[];
}

export function wordStream(map: TextMap, vocabulary: Vocabulary): WordStream {
  const { codes, length } = map;
  const max = map.words;
  const starts = borrowInt32(max);
  const ends = borrowInt32(max);
  const ids = borrowInt32(max);
  const stems: number[] = [];
  let count = 0;
  let i = 0;
  while (i < length) {
    const start = i;
    // The hashes of the word and of its prefixes one and two code units shorter.
    let hash = FNV_OFFSET;
    let less1 = hash;
    let less2 = hash;
    while (i < length) {
      const c = codes[i]!;
      if (c === SPACE) break;
      less2 = less1;
      less1 = hash;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      i++;
    }
    starts[count] = start;
    ends[count] = i;
    ids[count] = vocabulary.lookup(codes, start, i, hash >>> 0);
    if (codes[i - 1] === S && i - 1 - start >= MIN_PLURAL_STEM) {
      const stem = vocabulary.lookup(codes, start, i - 1, less1 >>> 0);
      if (stem >= 0) stems.push(count, stem);
      if (codes[i - 2] === E && i - 2 - start >= MIN_PLURAL_STEM && endsInSibilant(codes, i - 2)) {
        const shorter = vocabulary.lookup(codes, start, i - 2, less2 >>> 0);
        if (shorter >= 0) stems.push(count, shorter);
      }
    }
    count++;
    i++; // the space
  }
  return { count, starts, ends, ids, stems };
}

/** The stream's arrays back to scratch.ts (zeroed): read the stream no more. */
export function releaseWordStream(stream: WordStream): void {
  giveBackInt32(stream.starts, stream.count);
  giveBackInt32(stream.ends, stream.count);
  giveBackInt32(stream.ids, stream.count);
}

/** Whether the letters before `end` are s, x, z, ch or sh: the stems English pluralises with "-es". */
function endsInSibilant(codes: Uint16Array, end: number): boolean {
  const last = codes[end - 1]!;
  if (last === S || last === 0x78 || last === 0x7a) return true;
  return last === 0x68 && (codes[end - 2] === 0x63 || codes[end - 2] === S);
}

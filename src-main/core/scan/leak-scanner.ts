/**
 * The leak scanner (DESIGN.md §5): built once from the identities of a case (or of the whole
 * vault), it finds every place a text names one of them.
 *
 * One scan: the text is normalised once (text-map.ts) with a map back to the original; the
 * words channel runs one Aho-Corasick pass over its words (names, aliases, emails, addresses,
 * pseudonyms) and reads dates (dates.ts); the digits channel runs one pass near digits (phone
 * and ID numbers, digits.ts). Each end-of-line hyphenation is read a second time as a word
 * break ("Garcia-\nLopez" is "garcia lopez" as well as "garcialopez").
 *
 * Then: text inside a pseudonym ("Jane Doe 3") or a DoeVault token ("{{ … }}") is no hit;
 * equal spans merge; of overlapping spans the leftmost-longest wins, so a full name swallows
 * the surname and given-name hits inside it. A variant text that belongs to several identities
 * is one hit with all of them as targets ('shared').
 */
import { AhoCorasick, ROOT } from './aho-corasick';
import { isCommonWord } from './common-words';
import { findDates } from './dates';
import { findDigits, ID_NUMBER, PHONE, type DigitsPatterns } from './digits';
import { LineIndex } from './line-index';
import { buildTextMap, normalizeKey, originalEnd, type TextMap } from './text-map';
import type { Confidence, HitTarget, LeakHit, LowReason, ScanIdentity, ScanSource, VariantKind } from './types';
import { identityVariants } from './variants';
import { Vocabulary } from './vocabulary';
import { wordStream, type WordStream } from './words';

/** Kinds by precedence: when one text is several kinds, the hit takes the first. */
const KINDS: readonly VariantKind[] = [
  'full-name',
  'alias',
  'email',
  'phone',
  'id-number',
  'date-of-birth',
  'address',
  'surname',
  'given-name',
];
const KIND_CODE = new Map(KINDS.map((kind, i) => [kind, i]));
const SHIELD = 15;
const PARTIAL_KINDS = new Set<VariantKind>(['surname', 'given-name']);
const NAME_KINDS = new Set<VariantKind>(['full-name', 'alias', 'surname', 'given-name']);

/** An entry: identity index * 16 + kind code. */
const encode = (identity: number, kind: number) => identity * 16 + kind;

interface Candidate {
  start: number;
  end: number;
  entries: readonly number[];
  common: boolean;
}

function addEntry(lists: number[][], index: number, code: number): void {
  const list = lists[index]!;
  if (!list.includes(code)) list.push(code);
}

export class LeakScanner {
  private constructor(
    private readonly targets: readonly HitTarget[],
    private readonly vocabulary: Vocabulary,
    private readonly words: AhoCorasick,
    private readonly wordEntries: readonly (readonly number[])[],
    private readonly wordCommon: Uint8Array,
    private readonly wordShield: Uint8Array,
    private readonly maxWords: number,
    private readonly digits: DigitsPatterns,
    private readonly digitEntries: readonly (readonly number[])[],
    private readonly dates: ReadonlyMap<string, readonly number[]>,
  ) {}

  /** Number of distinct texts the scanner looks for (words and digits channels). */
  get patternCount(): number {
    return this.wordEntries.length + this.digitEntries.length;
  }

  static build(identities: readonly ScanIdentity[]): LeakScanner {
    const wordIndex = new Map<string, number>();
    const wordKeys: string[] = [];
    const wordEntries: number[][] = [];
    const digitIndex = new Map<string, number>();
    const digitKeys: string[] = [];
    const digitEntries: number[][] = [];
    const digitFlags: number[] = [];
    const dates = new Map<string, number[]>();

    const wordPattern = (key: string): number => {
      let index = wordIndex.get(key);
      if (index === undefined) {
        index = wordKeys.length;
        wordIndex.set(key, index);
        wordKeys.push(key);
        wordEntries.push([]);
      }
      return index;
    };

    identities.forEach((identity, i) => {
      const shield = normalizeKey(identity.pseudonym);
      if (shield !== '') addEntry(wordEntries, wordPattern(shield), encode(i, SHIELD));
      for (const variant of identityVariants(identity)) {
        const kind = KIND_CODE.get(variant.kind)!;
        if (variant.channel === 'words') addEntry(wordEntries, wordPattern(variant.key), encode(i, kind));
        else if (variant.channel === 'digits') {
          let index = digitIndex.get(variant.key);
          if (index === undefined) {
            index = digitKeys.length;
            digitIndex.set(variant.key, index);
            digitKeys.push(variant.key);
            digitEntries.push([]);
            digitFlags.push(0);
          }
          digitFlags[index]! |= variant.kind === 'phone' ? PHONE : ID_NUMBER;
          addEntry(digitEntries, index, encode(i, kind));
        } else {
          for (const key of [variant.key, variant.key.slice(2)]) {
            let list = dates.get(key);
            if (!list) dates.set(key, (list = []));
            const code = encode(i, kind);
            if (!list.includes(code)) list.push(code);
          }
        }
      }
    });

    // Words channel: keys -> word ids -> one automaton.
    const vocabulary = new Vocabulary();
    const offsets = new Int32Array(wordKeys.length + 1);
    const symbols: number[] = [];
    const wordCommon = new Uint8Array(wordKeys.length);
    const wordShield = new Uint8Array(wordKeys.length);
    let maxWords = 4; // "7th of March 1984"
    wordKeys.forEach((key, p) => {
      const parts = key.split(' ');
      for (const part of parts) symbols.push(vocabulary.idOf(part));
      offsets[p + 1] = symbols.length;
      if (parts.length > maxWords) maxWords = parts.length;
      if (parts.length === 1 && isCommonWord(key)) wordCommon[p] = 1;
      if (wordEntries[p]!.some((code) => (code & 15) === SHIELD)) wordShield[p] = 1;
    });
    const words = AhoCorasick.build({ symbols: Int32Array.from(symbols), offsets }, Math.max(1, vocabulary.size));
    vocabulary.freeze();

    // Digits channel: keys are characters.
    const digitOffsets = new Int32Array(digitKeys.length + 1);
    const digitSymbols: number[] = [];
    let maxLength = 0;
    digitKeys.forEach((key, p) => {
      for (let i = 0; i < key.length; i++) digitSymbols.push(key.charCodeAt(i));
      digitOffsets[p + 1] = digitSymbols.length;
      if (key.length > maxLength) maxLength = key.length;
    });
    const digits: DigitsPatterns = {
      automaton: AhoCorasick.build({ symbols: Int32Array.from(digitSymbols), offsets: digitOffsets }, 0x10000),
      flags: Uint8Array.from(digitFlags),
      maxLength,
    };

    const targets = identities.map((identity) => ({
      plaintiffId: identity.plaintiffId,
      caseId: identity.caseId,
      pseudonym: identity.pseudonym,
    }));
    return new LeakScanner(targets, vocabulary, words, wordEntries, wordCommon, wordShield, maxWords, digits, digitEntries, dates);
  }

  /** Every place `source` names an identity, in text order. */
  scan(source: ScanSource | string): LeakHit[] {
    const text = typeof source === 'string' ? source : source.text;
    const pageStarts = typeof source === 'string' ? undefined : source.pageStarts;
    const candidates: Candidate[] = [];
    const blocked: [number, number][] = [];

    const map = buildTextMap(text);
    const stream = this.scanWords(map, candidates, blocked);
    findDigits(map, this.digits, (start, end, pattern) => {
      candidates.push({ start, end, entries: this.digitEntries[pattern]!, common: false });
    });
    // End-of-line hyphenations, read once more as word breaks.
    map.joins.forEach((join, j) => {
      const hyphen = map.joinOffsets[j]!;
      const word = wordAt(stream, join);
      const first = Math.max(0, word - this.maxWords);
      const last = Math.min(stream.count - 1, word + this.maxWords);
      const from = map.starts[stream.starts[first]!]!;
      const to = originalEnd(map, stream.ends[last]! - 1);
      const window = buildTextMap(text, { from, to, joinHyphens: false });
      this.scanWords(window, candidates, blocked, hyphen);
    });
    // DoeVault tokens: from "{{" to the next "}}".
    for (let at = text.indexOf('{{'); at >= 0; ) {
      const close = text.indexOf('}}', at + 2);
      if (close < 0) break; // an unclosed token is scanned like any text
      blocked.push([at, close + 2]);
      at = text.indexOf('{{', close + 2);
    }
    return this.select(text, candidates, blocked, pageStarts);
  }

  private scanWords(map: TextMap, candidates: Candidate[], blocked: [number, number][], mustCover?: number): WordStream {
    const stream = wordStream(map, this.vocabulary);
    const { count, ids, starts, ends } = stream;
    const automaton = this.words;
    const covers = (start: number, end: number) => mustCover === undefined || (start <= mustCover && mustCover < end);
    let state = ROOT;
    for (let w = 0; w < count; w++) {
      const id = ids[w]!;
      if (id < 0) {
        state = ROOT;
        continue;
      }
      state = automaton.next(state, id);
      for (let s = automaton.firstOutput(state); s > 0; s = automaton.nextOutput(s)) {
        const pattern = automaton.output(s);
        const first = w + 1 - automaton.depth(s);
        const start = map.starts[starts[first]!]!;
        const end = originalEnd(map, ends[w]! - 1);
        if (!covers(start, end)) continue;
        if (this.wordShield[pattern]) blocked.push([start, end]);
        else candidates.push({ start, end, entries: this.wordEntries[pattern]!, common: this.wordCommon[pattern] === 1 });
      }
    }
    if (this.dates.size > 0) {
      findDates(map, stream, (first, last, keys) => {
        const entries = keys.flatMap((key) => this.dates.get(key) ?? []);
        if (entries.length === 0) return;
        const start = map.starts[starts[first]!]!;
        const end = originalEnd(map, ends[last]! - 1);
        if (covers(start, end)) candidates.push({ start, end, entries, common: false });
      });
    }
    return stream;
  }

  private select(text: string, candidates: Candidate[], blocked: [number, number][], pageStarts?: readonly number[]): LeakHit[] {
    if (candidates.length === 0) return [];
    // Blocked ranges, sorted and merged.
    blocked.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const range of blocked) {
      const lastRange = merged[merged.length - 1];
      if (lastRange && range[0] <= lastRange[1]) lastRange[1] = Math.max(lastRange[1], range[1]);
      else merged.push([range[0], range[1]]);
    }
    const isBlocked = (start: number, end: number) => {
      let lo = 0;
      let hi = merged.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (merged[mid]![0] < end) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found >= 0 && merged[found]![1] > start;
    };

    // Equal spans merge.
    const bySpan = new Map<string, Candidate>();
    for (const candidate of candidates) {
      if (isBlocked(candidate.start, candidate.end)) continue;
      const key = `${candidate.start}:${candidate.end}`;
      const same = bySpan.get(key);
      if (!same) bySpan.set(key, candidate);
      else
        bySpan.set(key, {
          start: same.start,
          end: same.end,
          entries: [...new Set([...same.entries, ...candidate.entries])],
          common: same.common || candidate.common,
        });
    }
    // Leftmost-longest.
    const sorted = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: Candidate[] = [];
    let reach = -1;
    for (const candidate of sorted) {
      if (candidate.start < reach) continue;
      chosen.push(candidate);
      reach = candidate.end;
    }
    const lines = new LineIndex(text, pageStarts);
    return chosen.map((candidate) => this.hit(text, candidate, lines));
  }

  private hit(text: string, candidate: Candidate, lines: LineIndex): LeakHit {
    let kindCode = SHIELD;
    const identities = new Set<number>();
    for (const code of candidate.entries) {
      const kind = code & 15;
      if (kind === SHIELD) continue;
      identities.add(code >> 4);
      if (kind < kindCode) kindCode = kind;
    }
    const kind = KINDS[kindCode]!;
    const targets = [...identities].sort((a, b) => a - b).map((i) => ({ ...this.targets[i]! }));
    const reasons: LowReason[] = [];
    if (PARTIAL_KINDS.has(kind)) reasons.push('partial-name');
    if (targets.length > 1) reasons.push('shared');
    if (candidate.common && NAME_KINDS.has(kind)) reasons.push('common-word');
    const confidence: Confidence = reasons.length === 0 ? 'high' : 'low';
    const place = lines.locate(candidate.start);
    return {
      start: candidate.start,
      end: candidate.end,
      text: text.slice(candidate.start, candidate.end),
      kind,
      confidence,
      reasons,
      targets,
      line: place.line,
      ...(place.page === undefined ? {} : { page: place.page }),
    };
  }
}

/** Index of the word that holds normalised position `k` (or the first word after it). */
function wordAt(stream: WordStream, k: number): number {
  let lo = 0;
  let hi = stream.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.starts[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

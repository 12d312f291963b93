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
 * Then: text inside a pseudonym ("Jane Doe 3", written with its own punctuation only:
 * shield-gaps.ts) or in a span the caller has handled (a draft's tokens, ScanSource.handled)
 * is no hit; braces alone shield nothing;
 * equal spans merge; of overlapping spans the leftmost-longest wins, so a full name swallows
 * the surname and given-name hits inside it. A variant text that belongs to several identities
 * is one hit with all of them as targets ('shared').
 *
 * Run-together names (issue 11, leak 2): the `joined` variants ("martakowalczyk",
 * "kowalczykmarta", rows of name pieces) are looked for over the characters of each
 * normalised token at least as long as the shortest of them (joined.ts), so they are found inside handles, e-mail
 * local parts, URL paths and file names ("@martakowalczyk", "MartaKowalczyk2024.pdf",
 * "x.example/u/martakowalczyk"). The boundary rule (see joinedBoundary): a joined name of at
 * least MIN_EMBEDDED letters matches anywhere inside a token; a shorter one ("AnnLee",
 * "LiWang") only as the whole token or where the original text shows a word boundary inside
 * the token at both of its ends: a lower-case letter followed by a capital ("myAnnLee"), or a
 * letter next to a digit ("annlee2024"). So "LiWang" is not found in "bolivianwanghee"-like
 * strings, nor "TomAto" in "tomatoes", while a full name of 8 letters or more is distinctive
 * enough that inside any token it is most likely the name. A whole token that is an ordinary
 * word ("tomato" for Tom Ato) is a low-confidence 'common-word' hit.
 */
import { PatternList, ROOT, type AhoCorasick } from './aho-corasick';
import { isCommonWord } from './common-words';
import { findDates } from './dates';
import { EntryLists } from './entries';
import { findDigits, ID_NUMBER, PHONE, type DigitsPatterns } from './digits';
import { JoinedKeysBuilder, type JoinedKeys } from './joined';
import { borrowInt32, giveBackInt32 } from './scratch';
import { LineIndex } from './line-index';
import { findInitials, identityInitials } from './initials';
import { findMixedScriptWords } from './look-alikes';
import { gapFits, pseudonymGaps } from './shield-gaps';
import { buildTextMap, normalizeKey, originalEnd, releaseTextMap, SPACE, type TextMap } from './text-map';
import type { Confidence, HitTarget, LeakHit, LowReason, MixedScriptHit, ScanIdentity, ScanSource, VariantKind } from './types';
import { forEachVariant, type VariantSink } from './variants';
import { Vocabulary } from './vocabulary';
import { releaseWordStream, wordStream, type WordStream } from './words';

/** Kinds by precedence: when one text is several kinds, the hit takes the first. */
const KINDS: readonly VariantKind[] = [
  'full-name',
  'alias',
  'email',
  'phone',
  'id-number',
  'date-of-birth',
  'address',
  // The doxxing surface (profile-variants.ts): after what a plaintiff is, before a name part alone.
  'relative',
  'handle',
  'vehicle',
  'affiliation',
  'characteristic',
  'surname',
  'given-name',
  'initials',
];
const KIND_CODE = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<VariantKind, number>;
const SHIELD = 15;
/** Placeholder names no person is meant by (normalized keys). */
const GENERIC_DOE_PHRASES = ['jane does', 'john does'] as const;
// A kind code is the low 4 bits of an entry (encode): every kind must stay below SHIELD.
if (KINDS.length > SHIELD) throw new Error(`The scanner has ${KINDS.length} kinds; entries hold at most ${SHIELD}`);
/** Flags of a vocabulary word. */
const COMMON = 1;
const INITIAL = 2;
/** What a word key added to the build says (see wordAutomaton in build). */
const KEY_NAME = 1; // of a name's kind (NAME_KINDS)
const KEY_GENERIC = 2; // a phrase of ordinary words (the variant's `generic`)
const KEY_PLURAL = 4; // of a kind a plural may end (PLURAL_KINDS)
const KEY_SHIELD = 8; // a pseudonym's words
const KEY_INITIAL = 16; // a name's key with a one-letter word
const KEY_COMMON = 32; // one word, an ordinary one
const KEY_PHRASE = 64; // several words
/** Low confidence as part of a name: a surname, a given name or initials alone. */
const PARTIAL_KINDS = new Set<VariantKind>(['surname', 'given-name', 'initials']);
const NAME_KINDS = new Set<VariantKind>(['full-name', 'alias', 'surname', 'given-name', 'relative']);
/**
 * Kinds a plural may end (words.ts): a family is named by its surname ("the Quillfeathers"), so by
 * a surname, the last word of a full name and an alias; a given name's plural ("both Marias") is
 * not one person's.
 */
const PLURAL_KINDS = new Set<VariantKind>(['full-name', 'alias', 'surname', 'relative']);
const PLURAL_CODES = new Set([...PLURAL_KINDS].map((kind) => KIND_CODE[kind]));
/** Per kind: its code, and (above bit 8) the KEY_* bits its word keys carry. */
const KIND_INFO = new Map<VariantKind, number>(
  KINDS.map((kind, code) => [kind, code | ((NAME_KINDS.has(kind) ? KEY_NAME : 0) | (PLURAL_KINDS.has(kind) ? KEY_PLURAL : 0)) << 8]),
);
/** Kinds whose hit is a question when its text is ordinary words only (the variant's `generic`). */
const PHRASE_KINDS = new Set<VariantKind>(['handle', 'affiliation', 'characteristic']);
/** Shortest joined name matched anywhere inside a token (see the file comment). */
export const MIN_EMBEDDED = 8;

/** An entry: identity index * 16 + kind code. */
const encode = (identity: number, kind: number) => identity * 16 + kind;

interface Described {
  kind: VariantKind;
  targets: readonly HitTarget[];
  reasons: readonly LowReason[];
  confidence: Confidence;
  common: boolean;
}

interface Candidate {
  start: number;
  end: number;
  /**
   * Entry list(s) of what matched here (several when equal spans merged). A list read through a
   * plural is stored as -(list + 1): only its entries of PLURAL_KINDS count (see entryCodes).
   */
  lists: number | number[];
  common: boolean;
}

export class LeakScanner {
  private readonly described = new Map<number, Described>();
  /** Per shield list: the punctuation its pseudonyms have between their words, or null: any (shield-gaps.ts). */
  private readonly shieldForms = new Map<number, (readonly string[])[] | null>();

  private constructor(
    private readonly targets: readonly HitTarget[],
    private readonly entries: EntryLists,
    private readonly vocabulary: Vocabulary,
    private readonly words: AhoCorasick,
    /** The automata report entry lists; per list: common-word and shield flags. */
    private readonly wordPatterns: number,
    private readonly wordCommon: Uint8Array,
    private readonly wordShield: Uint8Array,
    private readonly wordInitial: Uint8Array,
    /** Per entry list: a plural may end it (an entry of PLURAL_KINDS). */
    private readonly wordPlural: Uint8Array,
    private readonly maxWords: number,
    private readonly digits: DigitsPatterns,
    private readonly digitPatterns: number,
    /** Date key -> entry list. */
    private readonly dates: ReadonlyMap<string, number>,
    private readonly joined: JoinedKeys,
    /** Initials' folded letters ("mr") -> entry list (initials.ts). */
    private readonly initials: ReadonlyMap<string, number>,
  ) {}

  /** Number of distinct texts the scanner looks for (words and digits channels). */
  get patternCount(): number {
    return this.wordPatterns + this.digitPatterns + this.joined.size + this.initials.size;
  }

  static build(identities: readonly ScanIdentity[]): LeakScanner {
    const entries = new EntryLists(identities.length * 28, identities.length * 36);
    // Words channel: each key's words become vocabulary ids.
    const vocabulary = new Vocabulary(identities.length * 5);
    // Keys and symbols per identity (the bench's identities with the doxxing surface: ~22 word
    // keys of ~2.3 words, ~3 digit keys of 8, ~5 joined keys of 2 pieces): sized so that nothing grows.
    const wordKeys = new PatternList(identities.length * 24, identities.length * 56);
    // Per vocabulary id: COMMON | INITIAL (bytes off the heap: a growing array of numbers was
    // copied by every minor collection of the build).
    let wordFlags: Uint8Array = new Uint8Array(identities.length * 5 + 64);
    let flagged = 0;
    const intern = (text: string, start: number, end: number): number => {
      const id = vocabulary.intern(text, start, end);
      if (id === flagged) {
        if (id === wordFlags.length) wordFlags = grown(wordFlags, id + 1);
        const c = text.charCodeAt(start);
        const word = start === 0 && end === text.length ? text : text.slice(start, end);
        wordFlags[flagged++] = (isCommonWord(word) ? COMMON : 0) | (end - start === 1 && !(c >= 0x30 && c <= 0x39) ? INITIAL : 0);
      }
      return id;
    };
    // Per word key added: its entry and what it says of the key (KEY_* bits); the keys are
    // collected first and their entry lists made when the trie is laid out (equal keys meet there).
    const wordCodes = new Codes(identities.length * 24);
    let maxWords = 4; // "7th of March 1984"
    const addWords = (ids: Int32Array, count: number, code: number, bits: number): void => {
      let initial = 0;
      for (let k = 0; k < count; k++) initial |= wordFlags[ids[k]!]! & INITIAL;
      // A name's one-letter words must read as initials (see initialsWritten).
      if (initial && bits & KEY_NAME) bits |= KEY_INITIAL;
      if (count === 1 && wordFlags[ids[0]!]! & COMMON) bits |= KEY_COMMON;
      if (count > 1) bits |= KEY_PHRASE;
      if (count > maxWords) maxWords = count;
      wordKeys.add(ids, count);
      wordCodes.push(code, bits);
    };
    // Digits channel: each key's characters.
    const digitKeys = new PatternList(identities.length * 4, identities.length * 32);
    const digitCodes = new Codes(identities.length * 4);
    let maxLength = 0;
    const dates = new Map<string, number>();
    // Joined channel: each key's pieces (joined.ts).
    const joinedKeys = new JoinedKeysBuilder(vocabulary, identities.length, identities.length * 6);
    const joinedCodes = new Codes(identities.length * 6);

    let shieldIds = new Int32Array(8);
    const shieldWords = (i: number, shield: string): void => {
      let n = 0;
      for (let start = 0; ; ) {
        const space = shield.indexOf(' ', start);
        if (n === shieldIds.length) shieldIds = Int32Array.from({ length: n * 2 }, (_, k) => shieldIds[k] ?? 0);
        shieldIds[n++] = intern(shield, start, space < 0 ? shield.length : space);
        if (space < 0) break;
        start = space + 1;
      }
      addWords(shieldIds, n, encode(i, SHIELD), KEY_SHIELD);
    };
    const pluralStems = new Set<string>();
    for (let i = 0; i < identities.length; i++) {
      const shield = normalizeKey(identities[i]!.pseudonym);
      if (shield === '') continue;
      shieldWords(i, shield);
      // A caption names the roster by the plural of the pseudonyms' stem ("JANE DOES 1 through
      // 70", caption.ts): the "Jane" there is the pseudonym's, not a plaintiff named Jane.
      const last = shield.lastIndexOf(' ');
      if (last < 0) continue;
      const stem = `${shield.slice(0, last)}s`;
      if (!pluralStems.has(stem)) {
        pluralStems.add(stem);
        shieldWords(i, stem);
      }
    }
    // "Jane Does", "John Does" are the placeholder names of every pseudonymous caption ("JANE
    // DOES 1 through 40 v. CITY …"), whatever scheme this case's pseudonyms follow: their
    // "Jane" is no plaintiff's given name.
    if (identities.length > 0) {
      for (const phrase of GENERIC_DOE_PHRASES) {
        if (!pluralStems.has(phrase)) shieldWords(0, phrase);
      }
    }
    const variant: VariantSink = (i, kind, channel, key, _text, ids, count, generic) => {
      const info = KIND_INFO.get(kind)!;
      const code = encode(i, info & 15);
      if (channel === 'words') {
        if (count > 0) addWords(ids, count, code, (info >> 8) | (generic ? KEY_GENERIC : 0));
      } else if (channel === 'joined') {
        joinedKeys.add(ids, count);
        joinedCodes.push(code, 0);
      } else if (channel === 'digits') {
        digitKeys.addString(key);
        digitCodes.push(code, kind === 'phone' ? PHONE : ID_NUMBER);
        if (key.length > maxLength) maxLength = key.length;
      } else {
        // A date of birth: by its ISO key and with a two-digit year.
        for (let k = 0; k < 2; k++) {
          const date = k === 0 ? key : key.slice(2);
          let list = dates.get(date);
          if (list === undefined) dates.set(date, (list = entries.create()));
          entries.add(list, code);
        }
      }
    };
    forEachVariant(identities, variant, intern);
    // Initials: matched by their own reader (initials.ts), which needs the letters only.
    const initials = new Map<string, number>();
    for (let i = 0; i < identities.length; i++) {
      for (const letters of identityInitials(identities[i]!)) {
        let list = initials.get(letters);
        if (list === undefined) initials.set(letters, (list = entries.create()));
        entries.add(list, encode(i, KIND_CODE.initials));
      }
    }


    // The tries, and the entry list of each distinct key with the keys' entries in the order
    // they came (EntryLists.add drops a repeat within one identity).
    // Per entry list (all channels share the numbering), sized like the entry lists.
    let wordCommon: Uint8Array = new Uint8Array(entries.capacity);
    let wordShield: Uint8Array = new Uint8Array(entries.capacity);
    let wordInitial: Uint8Array = new Uint8Array(entries.capacity); // the key has a one-letter word (an initial)
    let wordPlural: Uint8Array = new Uint8Array(entries.capacity);
    let wordLists = 0;
    const wordAutomaton = wordKeys.finish(Math.max(1, vocabulary.size), (copies, n) => {
      const list = entries.create();
      wordLists++;
      if (list >= wordCommon.length) {
        wordCommon = grown(wordCommon, list + 1);
        wordShield = grown(wordShield, list + 1);
        wordInitial = grown(wordInitial, list + 1);
        wordPlural = grown(wordPlural, list + 1);
      }
      const { codes, bits } = wordCodes;
      // One word: an ordinary word, or a phrase of them, as the key that came first says. A
      // phrase of ordinary words is a question only while nothing else (a full name of such
      // words, a distinctive phrase) has the same key.
      const head = bits[copies[0]!]!;
      let common = head & KEY_PHRASE || head & (KEY_COMMON | KEY_GENERIC) ? 1 : 0;
      for (let c = 0; c < n; c++) {
        const e = copies[c]!;
        const b = bits[e]!;
        entries.add(list, codes[e]!);
        if (b & KEY_PHRASE && !(b & KEY_GENERIC)) common = 0;
        if (b & KEY_INITIAL) wordInitial[list] = 1;
        if (b & KEY_PLURAL) wordPlural[list] = 1;
        if (b & KEY_SHIELD) wordShield[list] = 1;
      }
      wordCommon[list] = common;
      return list;
    });
    let digitFlags: Uint8Array = new Uint8Array(entries.capacity); // per entry list: PHONE | ID_NUMBER
    let digitLists = 0;
    const digitAutomaton = digitKeys.finish(0x10000, (copies, n) => {
      const list = entries.create();
      digitLists++;
      if (list >= digitFlags.length) digitFlags = grown(digitFlags, list + 1);
      for (let c = 0; c < n; c++) {
        entries.add(list, digitCodes.codes[copies[c]!]!);
        digitFlags[list]! |= digitCodes.bits[copies[c]!]!;
      }
      return list;
    });
    const joined = joinedKeys.finish((copies, n) => {
      const list = entries.create();
      for (let c = 0; c < n; c++) entries.add(list, joinedCodes.codes[copies[c]!]!);
      return list;
    });
    wordCodes.done();
    digitCodes.done();
    joinedCodes.done();

    // Shared by the hits that name them, so frozen.
    const targets = identities.map((identity) =>
      Object.freeze({ plaintiffId: identity.plaintiffId, caseId: identity.caseId, pseudonym: identity.pseudonym }),
    );
    return new LeakScanner(
      targets,
      entries,
      vocabulary,
      wordAutomaton,
      wordLists,
      wordCommon,
      wordShield,
      wordInitial,
      wordPlural,
      maxWords,
      { automaton: digitAutomaton, flags: digitFlags, maxLength },
      digitLists,
      dates,
      joined,
      initials,
    );
  }

  /** Every place `source` names an identity, in text order. */
  scan(source: ScanSource | string): LeakHit[] {
    const text = typeof source === 'string' ? source : source.text;
    const pageStarts = typeof source === 'string' ? undefined : source.pageStarts;
    const candidates: Candidate[] = [];
    const blocked: [number, number][] = typeof source === 'string' ? [] : (source.handled ?? []).map(({ start, end }) => [start, end]);

    // The map's and the streams' arrays are lent (scratch.ts): given back when the scan ends.
    const map = buildTextMap(text);
    let stream: WordStream | undefined;
    try {
      stream = this.scanWords(map, candidates, blocked);
      this.scanOn(text, map, stream, candidates, blocked);
    } finally {
      if (stream) releaseWordStream(stream);
      releaseTextMap(map);
    }
    return this.select(text, candidates, blocked, pageStarts);
  }

  /** The channels after the words channel, over the text's map and word stream. */
  private scanOn(text: string, map: TextMap, stream: WordStream, candidates: Candidate[], blocked: [number, number][]): void {
    if (this.joined.size > 0) this.scanJoined(map, stream, candidates);
    if (this.initials.size > 0) {
      for (const match of findInitials(map, stream, (letters) => this.initials.has(letters))) {
        candidates.push({ start: match.start, end: match.end, lists: this.initials.get(match.letters)!, common: false });
      }
    }
    findDigits(map, this.digits, (start, end, pattern) => {
      candidates.push({ start, end, lists: pattern, common: false });
    });
    // End-of-line hyphenations, read once more as word breaks. Kept from that reading: what
    // spans the hyphen ("Garcia-\nLopez" as "garcia lopez"), and, when the line after the
    // hyphen starts with a capital ("Smith-\nJones"), the halves alone: "Ann-\nual" is the
    // word "annual" broken at the line end, not Ann.
    map.joins.forEach((join, j) => {
      const hyphen = map.joinOffsets[j]!;
      const word = wordAt(stream, join);
      const wordStart = map.starts[stream.starts[word]!]!;
      const wordEnd = originalEnd(map, stream.ends[word]! - 1);
      const capital = /^\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(map.starts[join]!)!));
      const first = Math.max(0, word - this.maxWords);
      const last = Math.min(stream.count - 1, word + this.maxWords);
      const from = map.starts[stream.starts[first]!]!;
      const to = originalEnd(map, stream.ends[last]! - 1);
      const window = buildTextMap(text, { from, to, joinHyphens: false });
      try {
        releaseWordStream(
          this.scanWords(window, candidates, blocked, (start, end) => (start <= hyphen && hyphen < end) || (capital && start < wordEnd && end > wordStart)),
        );
      } finally {
        releaseTextMap(window);
      }
    });
  }

  /** Joined names inside the tokens of the text (see the file comment for the boundary rule). */
  private scanJoined(map: TextMap, stream: WordStream, candidates: Candidate[]): void {
    const { codes } = map;
    const joined = this.joined;
    let first = 0;
    let end = 0;
    const found = (from: number, to: number, list: number): void => {
      const whole = from === first && to === end;
      if (!whole && to - from < MIN_EMBEDDED && !(joinedBoundary(map, first, end, from) && joinedBoundary(map, first, end, to))) return;
      candidates.push({
        start: map.starts[from]!,
        end: originalEnd(map, to - 1),
        lists: list,
        // Whether the key is an ordinary word ("tomato" for Tom Ato), asked only of a whole
        // token (the key is then the token's text): rare, so not worked out for every key at build.
        // No ordinary word is longer than 32 letters (and a spread of a long token would throw).
        common: whole && end - first <= 32 && isCommonWord(String.fromCharCode(...codes.subarray(first, end))),
      });
    };
    for (let w = 0; w < stream.count; w++) {
      first = stream.starts[w]!;
      end = stream.ends[w]!;
      if (end - first >= joined.shortest) joined.scan(codes, first, end, found);
    }
  }

  /**
   * What a public output must not hold: every hit of `scan` and every word that mixes scripts
   * (issue 11, leak 1), in text order. `scan` and `verify` report both; the export's check and
   * its read-back refuse both. A mixed-script word inside a hit is reported with it (a name
   * spelt with a look-alike letter is a name and a disguise).
   */
  findings(source: ScanSource | string): LeakHit[] {
    const hits = this.scan(source);
    // Not in what the caller has handled, like names.
    const handled = typeof source === 'string' ? [] : (source.handled ?? []);
    const mixed = this.mixedScript(source).filter((word) => !handled.some(({ start, end }) => word.start < end && word.end > start));
    if (mixed.length === 0) return hits;
    const all: LeakHit[] = [...hits, ...mixed.map(mixedScriptFinding)];
    return all.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Words of the text that mix scripts ("Mаrta" with a Cyrillic "а"): findings of their own kind. */
  mixedScript(source: ScanSource | string): MixedScriptHit[] {
    const text = typeof source === 'string' ? source : source.text;
    const words = findMixedScriptWords(text);
    if (words.length === 0) return [];
    const lines = new LineIndex(text, typeof source === 'string' ? undefined : source.pageStarts);
    return words.map((word) => {
      const place = lines.locate(word.start);
      return {
        start: word.start,
        end: word.end,
        text: word.text,
        kind: 'mixed-script' as const,
        confidence: 'low' as const,
        scripts: word.scripts,
        line: place.line,
        ...(place.page === undefined ? {} : { page: place.page }),
      };
    });
  }

  private scanWords(
    map: TextMap,
    candidates: Candidate[],
    blocked: [number, number][],
    keep: (start: number, end: number) => boolean = () => true,
  ): WordStream {
    const stream = wordStream(map, this.vocabulary);
    const { count, ids, starts, ends, stems } = stream;
    const automaton = this.words;
    let state = ROOT;
    let stem = 0; // the next pair of `stems`
    let stemWord = stems.length > 0 ? stems[0]! : -1;
    for (let w = 0; w < count; w++) {
      const id = ids[w]!;
      // A plural ends a name here: read its stem from the same state, and go on with the word itself.
      while (stemWord === w) {
        this.plural(map, stream, state, stems[stem + 1]!, w, candidates, keep);
        stem += 2;
        stemWord = stem < stems.length ? stems[stem]! : -1;
      }
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
        if (!keep(start, end)) continue;
        if (this.wordShield[pattern]) {
          if (this.shieldWritten(map, stream, first, w, pattern)) blocked.push([start, end]);
        } else if (this.wordInitial[pattern] && !initialsWritten(map, stream, first, w)) continue;
        else candidates.push({ start, end, lists: pattern, common: this.wordCommon[pattern] === 1 });
      }
    }
    if (this.dates.size > 0) {
      findDates(map, stream, (first, last, keys) => {
        const lists = keys.flatMap((key) => this.dates.get(key) ?? []);
        if (lists.length === 0) return;
        const start = map.starts[starts[first]!]!;
        const end = originalEnd(map, ends[last]! - 1);
        if (keep(start, end)) candidates.push({ start, end, lists: lists.length === 1 ? lists[0]! : lists, common: false });
      });
    }
    return stream;
  }

  /** Whether words first..last, the words of shield `list`, are written as a pseudonym is (shield-gaps.ts). */
  private shieldWritten(map: TextMap, stream: WordStream, first: number, last: number, list: number): boolean {
    const { source } = map;
    const between = (w: number) => [originalEnd(map, stream.ends[w]! - 1), map.starts[stream.starts[w + 1]!]!] as const;
    let plain = true;
    for (let w = first; w < last && plain; w++) plain = gapFits(source, ...between(w), '');
    if (plain) return true;
    let forms = this.shieldForms.get(list);
    if (forms === undefined) {
      const key = String.fromCharCode(...map.codes.subarray(stream.starts[first]!, stream.ends[last]!));
      this.shieldForms.set(list, (forms = this.shieldGaps(list, key)));
    }
    if (forms === null) return true;
    return forms.some((gaps) => gaps.every((own, k) => gapFits(source, ...between(first + k), own)));
  }

  /** The gaps of each pseudonym (or plural stem) that shield `list`, whose key is `key`, stands for; null: any gap. */
  private shieldGaps(list: number, key: string): (readonly string[])[] | null {
    const forms: (readonly string[])[] = [];
    for (const code of this.entries.get(list)) {
      if ((code & 15) !== SHIELD) continue;
      const pseudonym = this.targets[code >> 4]!.pseudonym;
      const own = normalizeKey(pseudonym);
      const last = own.lastIndexOf(' ');
      const stem = last < 0 ? undefined : `${own.slice(0, last)}s`;
      // Neither: the placeholder names ("Jane Does", build), spaces only.
      if (key !== own && key !== stem) continue;
      const gaps = pseudonymGaps(pseudonym, own.split(' ').length);
      if (gaps === undefined) return null;
      forms.push(key === own ? gaps : gaps.slice(0, -1));
    }
    return forms;
  }

  /** The names that word `w`, a plural of the vocabulary word `stem`, ends after `state`. */
  private plural(
    map: TextMap,
    stream: WordStream,
    state: number,
    stem: number,
    w: number,
    candidates: Candidate[],
    keep: (start: number, end: number) => boolean,
  ): void {
    const automaton = this.words;
    const after = automaton.next(state, stem);
    for (let s = automaton.firstOutput(after); s > 0; s = automaton.nextOutput(s)) {
      const pattern = automaton.output(s);
      if (!this.wordPlural[pattern]) continue;
      const first = w + 1 - automaton.depth(s);
      const start = map.starts[stream.starts[first]!]!;
      const end = originalEnd(map, stream.ends[w]! - 1);
      if (!keep(start, end)) continue;
      if (this.wordInitial[pattern] && !initialsWritten(map, stream, first, w)) continue;
      candidates.push({ start, end, lists: -(pattern + 1), common: this.wordCommon[pattern] === 1 });
    }
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
          lists: [...new Set([same.lists, candidate.lists].flat())],
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

  /** Kind, targets and reasons of a set of entries (cached: a common word recurs thousands of times). */
  private describe(candidate: Candidate): Described {
    const single = typeof candidate.lists === 'number' ? candidate.lists : undefined;
    let described = single === undefined ? undefined : this.described.get(single);
    if (described && described.common === candidate.common) return described;
    let kindCode = SHIELD;
    const identities = new Set<number>();
    const codes = single !== undefined ? this.entryCodes(single) : (candidate.lists as number[]).flatMap((list) => this.entryCodes(list));
    for (const code of codes) {
      const kind = code & 15;
      if (kind === SHIELD) continue;
      identities.add(code >> 4);
      if (kind < kindCode) kindCode = kind;
    }
    const kind = KINDS[kindCode]!;
    const targets = [...identities].sort((a, b) => a - b).map((i) => this.targets[i]!);
    const reasons: LowReason[] = [];
    if (PARTIAL_KINDS.has(kind)) reasons.push('partial-name');
    if (targets.length > 1) reasons.push('shared');
    if (candidate.common && (NAME_KINDS.has(kind) || PHRASE_KINDS.has(kind))) reasons.push('common-word');
    described = { kind, targets, reasons, confidence: reasons.length === 0 ? 'high' : 'low', common: candidate.common };
    if (single !== undefined) this.described.set(single, described);
    return described;
  }

  /** The entries of a candidate's list; of a list read through a plural, those a plural may end. */
  private entryCodes(list: number): readonly number[] {
    if (list >= 0) return this.entries.get(list);
    return this.entries.get(-list - 1).filter((code) => PLURAL_CODES.has(code & 15));
  }

  private hit(text: string, candidate: Candidate, lines: LineIndex): LeakHit {
    const { kind, targets, reasons, confidence } = this.describe(candidate);
    const place = lines.locate(candidate.start);
    return {
      start: candidate.start,
      end: candidate.end,
      text: text.slice(candidate.start, candidate.end),
      kind,
      confidence,
      reasons: [...reasons],
      targets: [...targets],
      line: place.line,
      ...(place.page === undefined ? {} : { page: place.page }),
    };
  }
}

/** A mixed-script word as a finding: no identity of its own, so no targets. */
export function mixedScriptFinding(hit: MixedScriptHit): LeakHit {
  return { ...hit, reasons: [], targets: [], scripts: [...hit.scripts] };
}

/**
 * Whether the one-letter words of a match read as initials in the original: each is a capital
 * or followed by a period ("M. Ramírez", "M Ramírez", "Ramírez, M."); and "A" or "I" without a
 * period needs a capital on another word too ("A Young", not "A young officer", nor "a young").
 */
function initialsWritten(map: TextMap, stream: WordStream, first: number, last: number): boolean {
  const { source } = map;
  let otherCapital = false;
  let bareAorI = false;
  for (let w = first; w <= last; w++) {
    const at = map.starts[stream.starts[w]!]!;
    const ch = source[at]!;
    const upper = ch !== ch.toLowerCase();
    const letter = map.codes[stream.starts[w]!]!;
    if (stream.ends[w]! - stream.starts[w]! !== 1 || (letter >= 0x30 && letter <= 0x39)) {
      if (upper) otherCapital = true;
      continue;
    }
    const period = source[originalEnd(map, stream.starts[w]!)] === '.';
    if (!upper && !period) return false;
    if (!period && (letter === 0x61 || letter === 0x69)) bareAorI = true;
  }
  return !bareAorI || otherCapital;
}

/**
 * Whether normalised position `k` of a token (start `tokenStart`, end `tokenEnd`) is a word
 * boundary inside it in the original text: the token's edge, a lower-case letter followed by
 * a capital ("my|Ann|Lee"), or a letter next to a digit ("annlee|2024").
 */
function joinedBoundary(map: TextMap, tokenStart: number, tokenEnd: number, k: number): boolean {
  if (k === tokenStart || k === tokenEnd) return true;
  const before = map.codes[k - 1]!;
  const after = map.codes[k]!;
  if (before === SPACE || after === SPACE) return true;
  const digitBefore = before >= 0x30 && before <= 0x39;
  const digitAfter = after >= 0x30 && after <= 0x39;
  if (digitBefore !== digitAfter) return true;
  const { source } = map;
  const a = source[map.starts[k - 1]!]!;
  const b = source[map.starts[k]!]!;
  return a === a.toLowerCase() && a !== a.toUpperCase() && b === b.toUpperCase() && b !== b.toLowerCase();
}

/** Per key added to a channel: its entry (identity * 16 + kind) and a byte about it. */
class Codes {
  codes: Int32Array;
  bits: Uint8Array;
  private count = 0;

  constructor(size: number) {
    this.codes = borrowInt32(Math.max(16, size));
    this.bits = new Uint8Array(this.codes.length);
  }

  push(code: number, bits: number): void {
    if (this.count === this.codes.length) {
      const codes = borrowInt32(this.count * 2);
      codes.set(this.codes);
      giveBackInt32(this.codes, this.count);
      this.codes = codes;
      this.bits = grown(this.bits, codes.length);
    }
    this.codes[this.count] = code;
    this.bits[this.count++] = bits;
  }

  /** Read no more: the codes' array back to scratch.ts. */
  done(): void {
    giveBackInt32(this.codes, this.count);
  }
}

function grown(array: Uint8Array, size: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
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

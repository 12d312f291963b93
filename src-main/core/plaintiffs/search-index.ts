import { fold } from '../text/normalize';

/** One plaintiff as the index sees it: what may be searched for. */
export interface SearchEntry {
  id: string;
  seq: number;
  /** Pseudonym, legal name, aliases (unfolded). */
  parts: string[];
}

/** A lazily decrypting source of a case's entries, in roster order. */
export type SearchSource = () => Iterable<SearchEntry>;

/** Matches as the app's roster takes them: bit `seq` of `mask` is set for each match. */
export interface SearchMask {
  count: number;
  /** Bit k (byte k >> 3, bit k & 7) set: the plaintiff with sequence number k matches. */
  mask: Uint8Array;
}

/** Entries indexed per background slice: a few milliseconds of decryption, so requests wait little. */
export const WARM_SLICE = 500;

interface Built {
  ids: string[];
  seqs: Int32Array;
  /** Where each entry's text starts in `text`; one more element: the end. */
  starts: Int32Array;
  /** Every entry's folded text, ` part | part | part `, entries separated by "\n". */
  text: string;
  maxSeq: number;
}

interface Building {
  iterator: Iterator<SearchEntry>;
  ids: string[];
  seqs: number[];
  texts: string[];
  scheduled: boolean;
}

/**
 * Folded text of each plaintiff of a case (pseudonym, legal name, aliases), built once per
 * unlock so that search-as-you-type does not decrypt the roster at every keystroke. It holds
 * real names as JS strings: it is dropped on lock and on every change to the case.
 *
 * All the entries' texts are one string with a typed array of where each starts: a search is
 * a native `indexOf` scan over it (a few milliseconds for 100,000 plaintiffs), each hit mapped
 * to its entry by binary search, then the scan skips to the next entry.
 *
 * `warm` builds it in the background of the calling thread, WARM_SLICE entries per turn of the
 * event loop, so the first keystroke does not wait for 100,000 decryptions while the thread
 * still answers other requests between slices. A search before it is ready finishes the build
 * at once.
 */
export class SearchIndex {
  private readonly built = new Map<string, Built>();
  private readonly building = new Map<string, Building>();

  /** Ids of the entries containing `query` (folded), in source order; all of them for an empty query. */
  search(caseId: string, query: string, source: SearchSource): string[] {
    const index = this.ready(caseId, source);
    const found: string[] = [];
    this.scan(index, fold(query), (i) => found.push(index.ids[i]!));
    return found;
  }

  /** The matches as a bitset over sequence numbers: compact to send, quick to apply to a roster. */
  mask(caseId: string, query: string, source: SearchSource): SearchMask {
    const index = this.ready(caseId, source);
    const mask = new Uint8Array((index.maxSeq >> 3) + 1);
    let count = 0;
    this.scan(index, fold(query), (i) => {
      const seq = index.seqs[i]!;
      mask[seq >> 3]! |= 1 << (seq & 7);
      count += 1;
    });
    return { count, mask };
  }

  /** Starts (or continues) building in the background; true when the index is ready. */
  warm(caseId: string, source: SearchSource): boolean {
    if (this.built.has(caseId)) return true;
    const building = this.startBuilding(caseId, source);
    this.schedule(caseId, building);
    return false;
  }

  isReady(caseId: string): boolean {
    return this.built.has(caseId);
  }

  /** Drops the index (and any build under way) of one case, or of all. */
  forget(caseId?: string): void {
    if (caseId === undefined) {
      this.built.clear();
      this.building.clear();
    } else {
      this.built.delete(caseId);
      this.building.delete(caseId);
    }
  }

  private ready(caseId: string, source: SearchSource): Built {
    const done = this.built.get(caseId);
    if (done) return done;
    const building = this.startBuilding(caseId, source);
    try {
      while (!this.step(caseId, building, Infinity));
    } catch (error) {
      // A source that failed is done for: never publish what it gave so far.
      this.building.delete(caseId);
      throw error;
    }
    return this.built.get(caseId)!;
  }

  private startBuilding(caseId: string, source: SearchSource): Building {
    let building = this.building.get(caseId);
    if (!building) {
      building = { iterator: source()[Symbol.iterator](), ids: [], seqs: [], texts: [], scheduled: false };
      this.building.set(caseId, building);
    }
    return building;
  }

  private schedule(caseId: string, building: Building): void {
    if (building.scheduled) return;
    building.scheduled = true;
    setImmediate(() => {
      building.scheduled = false;
      // Forgotten (lock, a change to the case) or finished by a search meanwhile: stop.
      if (this.building.get(caseId) !== building) return;
      try {
        if (!this.step(caseId, building, WARM_SLICE)) this.schedule(caseId, building);
      } catch {
        // Locked or changed under it: a search builds again, and reports the error itself.
        this.building.delete(caseId);
      }
    });
  }

  /** Indexes up to `limit` more entries; true (and the index published) when the source is exhausted. */
  private step(caseId: string, building: Building, limit: number): boolean {
    for (let n = 0; n < limit; n++) {
      const next = building.iterator.next();
      if (next.done) {
        this.publish(caseId, building);
        return true;
      }
      const { id, seq, parts } = next.value;
      building.ids.push(id);
      building.seqs.push(seq);
      building.texts.push(` ${parts.map(fold).join(' | ')} `);
    }
    return false;
  }

  private publish(caseId: string, building: Building): void {
    const starts = new Int32Array(building.texts.length + 1);
    let at = 0;
    building.texts.forEach((text, i) => {
      starts[i] = at;
      at += text.length + 1;
    });
    starts[building.texts.length] = at;
    let maxSeq = 0;
    for (const seq of building.seqs) if (seq > maxSeq) maxSeq = seq;
    this.built.set(caseId, { ids: building.ids, seqs: Int32Array.from(building.seqs), starts, text: building.texts.join('\n') + '\n', maxSeq });
    this.building.delete(caseId);
  }

  private scan(index: Built, needle: string, hit: (entry: number) => void): void {
    const count = index.ids.length;
    if (needle.length === 0) {
      for (let i = 0; i < count; i++) hit(i);
      return;
    }
    const { text, starts } = index;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at === -1) return;
      // The entry holding `at`: the last start <= at.
      let low = 0;
      let high = count - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= at) low = middle;
        else high = middle - 1;
      }
      hit(low);
      from = starts[low + 1]!;
    }
  }
}

import type { LeakHit, ScanSource, VariantKind } from '../scan/types';
import { fold } from '../text/normalize';
import { clearable } from '../filings/resolution';
import { KIND_WORDS } from '../shared/finding-kinds';

export { KIND_WORDS };

/** A hit in a written file: where it is and whom it points at. */
export interface FileHit {
  file: string;
  page?: number | undefined;
  /** On pleading paper the numbered line (1–28) the text sits on; elsewhere the text line. */
  line: number;
  /** Pleading paper: the hit is above line 1 (top margin) or below the last line (footer). */
  margin?: 'top' | 'footer' | undefined;
  kind: VariantKind;
  confidence: LeakHit['confidence'];
  /** The pseudonyms the text may point at (never the text itself: reports are shown and logged). */
  pseudonyms: string[];
}

export interface Verification {
  result: 'passed' | 'failed';
  /** Files read back and scanned. */
  scanned: string[];
  /** How many identities of the vault each file was checked against. */
  identities: number;
  hits: FileHit[];
  /** Hits on text the user marked "not a plaintiff" (a given name or surname alone, a date). */
  cleared: number;
  /** The sealed version shows every cited plaintiff's legal name, the declaration every listed one's. */
  sealedComplete: boolean;
}

/**
 * Wording the user marked "not a plaintiff", folded. A hit in a public file passes only when it
 * could honestly name someone else (clearable) and lies within such wording.
 */
export class Clearances {
  private readonly wordings: string[];

  constructor(wordings: Iterable<string>) {
    this.wordings = [...wordings].map((w) => ` ${fold(w)} `);
  }

  covers(hit: LeakHit): boolean {
    if (!clearable(hit)) return false;
    const folded = ` ${fold(hit.text)} `;
    return this.wordings.some((wording) => wording.includes(folded));
  }
}

/**
 * `pleadingLines` (from pdfText) turns the text line of a hit on pleading paper into the
 * numbered line a reader of the page sees: "page 4, line 45" was the 45th line of text on a
 * page numbered 1–28.
 */
export function toFileHit(file: string, hit: LeakHit, pleadingLines?: readonly (readonly number[])[]): FileHit {
  const numbered = hit.page !== undefined ? pleadingLines?.[hit.page - 1]?.[hit.line - 1] : undefined;
  return {
    file,
    ...(hit.page !== undefined ? { page: hit.page } : {}),
    line: numbered !== undefined && numbered > 0 ? numbered : hit.line,
    ...(numbered === 0 ? { margin: 'top' as const } : numbered === -1 ? { margin: 'footer' as const } : {}),
    kind: hit.kind,
    confidence: hit.confidence,
    pseudonyms: hit.targets.map((target) => target.pseudonym),
  };
}

/**
 * The names `source` does not show. A name counts as shown when its words come in order, each
 * within a few words of the last: a table cell that wraps is read back interleaved with the
 * cells beside it ("Nguyễn Thị | Vice | Minh Khai").
 */
export function missingNames(source: ScanSource, names: readonly string[], gap = 8): string[] {
  const words = fold(source.text.replace(/-\n/g, '')).split(' ');
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => positions.set(word, [...(positions.get(word) ?? []), i]));
  const shown = (name: string): boolean => {
    const parts = fold(name).split(' ');
    return (positions.get(parts[0]!) ?? []).some((start) => {
      let at = start;
      for (const part of parts.slice(1)) {
        const next = (positions.get(part) ?? []).find((i) => i > at && i <= at + gap);
        if (next === undefined) return false;
        at = next;
      }
      return true;
    });
  };
  return names.filter((name) => !shown(name));
}


/** "public.pdf page 3, line 12: the surname of Jane Doe 3" — no identity in it. */
export function describeFileHit(hit: FileHit): string {
  const where = hit.margin === 'top' ? 'above line 1' : hit.margin === 'footer' ? 'in the footer' : `line ${hit.line}`;
  const place = `${hit.file}${hit.page !== undefined ? ` page ${hit.page},` : ''} ${where}`;
  if (hit.kind === 'mixed-script') return `${place}: a word mixing scripts (a look-alike letter); retype it in one script`;
  const whom = hit.pseudonyms.length === 1 ? hit.pseudonyms[0]! : `one of ${hit.pseudonyms.join(', ')}`;
  return `${place}: the ${KIND_WORDS[hit.kind]} of ${whom}`;
}

/**
 * Text as both writers print it, and the line breaker the PDF writer lays out with.
 *
 * Lines break only at spaces (and hard line breaks): never inside a word, never with a hyphen,
 * so a name is never cut into pieces a reader (or the export's leak scan) would not join again.
 * The one exception is a single word wider than its whole column (a long e-mail address in a
 * narrow table cell), which is cut between characters as a last resort, without a hyphen.
 */
import type { Block, Run } from '../filings/document';
import { faceOf, type FontFace } from './fonts';

/** Non-breaking spaces: laid out as part of a word, printed as a plain space. */
const NO_BREAK_SPACES = /[\u00a0\u2007\u202f]/g;

/**
 * The text a writer prints: NFC (precomposed letters, so accents are not positioned as separate
 * glyphs), Windows/Mac line ends as "\n", tabs and other control characters as a space, and
 * invisible format characters (soft hyphen, zero-width space/joiner, bidi marks, BOM) removed;
 * lone surrogates and the non-characters U+FFFE/U+FFFF, which XML and PDF strings cannot carry,
 * become U+FFFD.
 */
export function printable(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}]/gu, (char) => (char === '\n' ? char : ' '))
    .replace(/\p{Cf}/gu, '');
}

/**
 * A footnote mark: set smaller and raised, as Word and typeset pleadings print it. The rise
 * keeps it inside its own line of text (below half the body size), so readers of the file
 * put the mark on the line it belongs to.
 */
export const SUPERSCRIPT = { scale: 0.65, rise: 0.38 } as const;

/**
 * A span of text in one face; `sup` for a footnote mark (a reference or a note's label), `shade`
 * for text the public version withheld, drawn on a light grey band in the sealed version.
 */
export interface Styled {
  text: string;
  face: FontFace;
  sup?: boolean | undefined;
  shade?: boolean | undefined;
}

/** A piece of a laid-out line: text in one face and its width in points. */
export interface Piece {
  text: string;
  face: FontFace;
  sup?: boolean | undefined;
  shade?: boolean | undefined;
  width: number;
}

export interface TextLine {
  pieces: Piece[];
  width: number;
}

/** Width in points of `text` in `face` at `size` points. */
export type Measure = (text: string, face: FontFace, size: number) => number;

export function styledRuns(runs: readonly Run[], force: { bold?: boolean; italic?: boolean } = {}): Styled[] {
  return runs.map((run) => ({
    text: printable(run.text),
    face: faceOf(run.bold || force.bold, run.italic || force.italic),
    ...(run.noteRef ? { sup: true } : {}),
    ...(run.withheld?.mark === 'highlight' ? { shade: true } : {}),
  }));
}

export function styledText(text: string, face: FontFace = 'regular'): Styled[] {
  return [{ text: printable(text), face }];
}

/** The plain text of a line, as printed (no-break spaces as spaces). */
export function lineText(line: TextLine): string {
  return line.pieces.map((piece) => piece.text).join('');
}

export function printedText(text: string): string {
  return text.replace(NO_BREAK_SPACES, ' ');
}

type Token = { kind: 'word' | 'space'; parts: Styled[] } | { kind: 'break' };

function tokenize(spans: readonly Styled[]): Token[] {
  const tokens: Token[] = [];
  for (const span of spans) {
    for (const chunk of span.text.split(/(\n| +)/)) {
      if (chunk === '') continue;
      if (chunk === '\n') {
        tokens.push({ kind: 'break' });
        continue;
      }
      const kind = chunk[0] === ' ' ? 'space' : 'word';
      const last = tokens[tokens.length - 1];
      const part: Styled = { text: chunk, face: span.face, ...(span.sup ? { sup: true } : {}), ...(span.shade ? { shade: true } : {}) };
      if (last && last.kind === kind) last.parts.push(part);
      else tokens.push({ kind, parts: [part] });
    }
  }
  // A dash set off by spaces stays with the word before it: no line starts with "— ".
  for (let i = tokens.length - 1; i >= 2; i--) {
    const [before, space, dash] = [tokens[i - 2]!, tokens[i - 1]!, tokens[i]!];
    if (before.kind === 'word' && space.kind === 'space' && dash.kind === 'word' && /^[\u2013\u2014]/.test(dash.parts[0]!.text)) {
      before.parts.push(...space.parts, ...dash.parts);
      tokens.splice(i - 1, 2);
      i--;
    }
  }
  return tokens;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export interface BreakOptions {
  /** Column width in points. */
  width: number;
  /** Extra indent of the first line (a paragraph's first-line indent). */
  firstIndent?: number;
  size: number;
  measure: Measure;
}

/**
 * Breaks styled text into lines no wider than `width` (the first line `width - firstIndent`).
 * Spaces at the start of the text or after a hard break are kept (caption lines indent with
 * them); spaces where a line wraps are dropped. Empty text gives one empty line.
 */
export function breakLines(spans: readonly Styled[], options: BreakOptions): TextLine[] {
  const { size } = options;
  const measure = (text: string, face: FontFace, sup: boolean | undefined): number => options.measure(text, face, sup ? size * SUPERSCRIPT.scale : size);
  const widthOf = (parts: readonly Styled[]): number =>
    parts.reduce((sum, part) => sum + measure(part.text, part.face, part.sup), 0);

  const lines: TextLine[] = [];
  let current: Styled[] = [];
  let currentWidth = 0;
  let available = options.width - (options.firstIndent ?? 0);
  let pendingSpace: Styled[] | null = null;
  let atHardStart = true;

  const append = (parts: readonly Styled[], width: number): void => {
    for (const part of parts) {
      const last = current[current.length - 1];
      const same = last && last.face === part.face && Boolean(last.sup) === Boolean(part.sup) && Boolean(last.shade) === Boolean(part.shade);
      if (same) current[current.length - 1] = { ...last, text: last.text + part.text };
      else current.push({ ...part });
    }
    currentWidth += width;
  };
  const finishLine = (): void => {
    const pieces = current.map((part) => ({ ...part, width: measure(part.text, part.face, part.sup) }));
    lines.push({ pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) });
    current = [];
    currentWidth = 0;
    pendingSpace = null;
    available = options.width;
  };
  /** A word wider than a whole line: cut between graphemes, as many lines as it takes. */
  const cutWord = (parts: readonly Styled[]): void => {
    for (const part of parts) {
      for (const { segment } of graphemes.segment(part.text)) {
        const width = measure(segment, part.face, part.sup);
        if (current.length > 0 && currentWidth + width > available + 0.01) finishLine();
        append([{ ...part, text: segment }], width);
      }
    }
  };

  for (const token of tokenize(spans)) {
    if (token.kind === 'break') {
      finishLine();
      atHardStart = true;
      continue;
    }
    if (token.kind === 'space') {
      if (atHardStart) append(token.parts, widthOf(token.parts));
      else if (current.length > 0) pendingSpace = token.parts;
      continue;
    }
    atHardStart = false;
    const wordWidth = widthOf(token.parts);
    const space: Styled[] = pendingSpace ?? [];
    const spaceWidth = pendingSpace ? widthOf(pendingSpace) : 0;
    if (currentWidth + spaceWidth + wordWidth <= available + 0.01) {
      append(space, spaceWidth);
      append(token.parts, wordWidth);
      pendingSpace = null;
      continue;
    }
    if (current.length > 0) finishLine();
    if (wordWidth <= available + 0.01) append(token.parts, wordWidth);
    else cutWord(token.parts);
  }
  if (current.length > 0 || lines.length === 0 || atHardStart) finishLine();
  return lines;
}

/** Text for XML content and attributes (XMP, OOXML parts). */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The court's title as lines: its own line breaks, and a title too long for one line broken
 * after the comma nearest its middle ("SUPERIOR COURT OF THE STATE OF CALIFORNIA," / "COUNTY OF
 * LOS ANGELES") rather than wherever the words run out. `fits` says whether a line fits.
 */
export function courtTitleLines(court: string, fits: (line: string) => boolean): string[] {
  return printable(court)
    .split('\n')
    .flatMap((line) => {
      if (fits(line)) return [line];
      const commas = [...line.matchAll(/, /g)].map((match) => match.index + 1);
      if (commas.length === 0) return [line];
      const middle = line.length / 2;
      const at = commas.reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best));
      return [line.slice(0, at), line.slice(at + 1)];
    });
}

/** "FIRST CAUSE OF ACTION", "Second Claim for Relief", "COUNT III": a heading of a claim. */
const CLAIM_HEADING = /\b(causes? of action|claims? for relief|count\s+[0-9ivxlc]+)\b/i;

/**
 * Pleading headings: the top two levels and any heading that names a claim are centred, as
 * causes of action are in a complaint; a third-level heading is a run-in subhead, at the left.
 */
export function isCentredHeading(block: Extract<Block, { type: 'heading' }>): boolean {
  return block.level <= 2 || CLAIM_HEADING.test(block.runs.map((run) => run.text).join(''));
}

/** The printed number of a numbered paragraph ("12."). */
export function paragraphMarker(start: number | undefined, index: number): string {
  return `${(start ?? 1) + index}.`;
}

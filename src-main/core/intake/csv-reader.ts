import { createReadStream } from 'node:fs';
import { VaultError } from '../errors';
import { ChunkDecoder, detectEncoding, type TextEncodingName } from './encoding';
import type { SourceRow } from './source-row';
import type { CsvDelimiter } from './types';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** A longer field is an unclosed quote swallowing the file, not data. */
const MAX_FIELD = 1_000_000;
const CHUNK = 1 << 20;

/**
 * RFC 4180 CSV, streamed: `,` `;` or tab (detected from the header line), quoted fields with
 * embedded delimiters, quotes ("") and line breaks, CRLF / LF / CR line ends. Holds one chunk
 * and the rows it completes, never the file.
 */
export class CsvParser {
  delimiter: CsvDelimiter | undefined;
  private delimiterCode = 0;
  private pending = '';
  private field = '';
  private cells: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private atFieldStart = true;
  private skipLF = false;
  private record = 1;
  private rows: SourceRow[] = [];

  constructor(delimiter?: CsvDelimiter) {
    if (delimiter) this.setDelimiter(delimiter);
  }

  /** Parses more text; returns the rows it completed. */
  push(text: string): SourceRow[] {
    if (this.delimiter === undefined) {
      this.pending += text;
      if (!hasLineEnd(this.pending)) return [];
      this.setDelimiter(detectDelimiter(this.pending));
      text = this.pending;
      this.pending = '';
    }
    this.scan(text);
    return this.take();
  }

  /** The end of the file: completes the last row; an unclosed quote is refused. */
  end(): SourceRow[] {
    if (this.delimiter === undefined) {
      this.setDelimiter(detectDelimiter(this.pending));
      this.scan(this.pending);
      this.pending = '';
    }
    if (this.inQuotes && !this.quoteSeen) {
      throw new VaultError('VALIDATION', `Row ${this.record}: a quoted field is never closed (a closing " is missing); nothing was imported. Fix the quotes in that row and try again.`);
    }
    this.inQuotes = false;
    this.quoteSeen = false;
    if (this.field !== '' || this.cells.length > 0) this.endRecord();
    return this.take();
  }

  private setDelimiter(delimiter: CsvDelimiter): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  private take(): SourceRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  private scan(text: string): void {
    const n = text.length;
    const delimiter = this.delimiterCode;
    let i = 0;
    let start = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) {
          i++;
          start = i;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            this.append('"');
            i++;
            start = i;
            continue;
          }
          this.inQuotes = false; // that quote closed the field; `c` is read below
          start = i;
        } else {
          const q = text.indexOf('"', i);
          if (q < 0) {
            this.append(text.slice(i));
            i = n;
            start = n;
            continue;
          }
          this.append(text.slice(i, q));
          this.quoteSeen = true;
          i = q + 1;
          start = i;
          continue;
        }
      }
      if (c === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        i++;
        start = i;
        continue;
      }
      if (c === delimiter) {
        this.append(text.slice(start, i));
        this.endField();
        i++;
        start = i;
        continue;
      }
      if (c === LF || c === CR) {
        this.append(text.slice(start, i));
        this.endRecord();
        if (c === CR) this.skipLF = true;
        i++;
        start = i;
        continue;
      }
      this.atFieldStart = false;
      i++;
    }
    if (!this.inQuotes && start < n) this.append(text.slice(start, n));
  }

  private append(part: string): void {
    if (part.length === 0) return;
    this.field += part;
    if (this.field.length > MAX_FIELD) {
      throw new VaultError(
        'VALIDATION',
        `Row ${this.record}: a field is longer than ${MAX_FIELD.toLocaleString('en-US')} characters, most likely a quote that is never closed; nothing was imported. Check the quotes in that row.`,
      );
    }
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.atFieldStart = true;
  }

  private endRecord(): void {
    this.endField();
    this.rows.push({ row: this.record, cells: this.cells });
    this.record++;
    this.cells = [];
  }
}

function hasLineEnd(text: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return true;
  }
  return false;
}

/** The delimiter used most in the header line (outside quotes); a comma when there is none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch as CsvDelimiter]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export interface CsvInfo {
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
}

/**
 * Streams the rows of a CSV file (header included, as row 1). `info` is filled in once the
 * header has been read.
 */
export async function* readCsvRows(path: string, info: Partial<CsvInfo> = {}): AsyncGenerator<SourceRow> {
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  let decoder: ChunkDecoder | undefined;
  const parser = new CsvParser();
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      let chunk: Uint8Array = raw;
      if (!decoder) {
        const { encoding, bom } = detectEncoding(chunk);
        decoder = new ChunkDecoder(encoding);
        info.encoding = encoding;
        chunk = chunk.subarray(bom);
      }
      const rows = parser.push(decoder.decode(chunk));
      if (parser.delimiter) info.delimiter = parser.delimiter;
      yield* rows;
    }
    const rows = [...parser.push(decoder?.end() ?? ''), ...parser.end()];
    info.encoding ??= 'utf-8';
    info.delimiter = parser.delimiter ?? ',';
    yield* rows;
  } finally {
    stream.destroy();
  }
}

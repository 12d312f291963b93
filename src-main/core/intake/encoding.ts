import { VaultError } from '../errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding of a text file from its first bytes: a UTF-16 byte-order mark, else UTF-8 (BOM or not). */
export function detectEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * Decodes a file chunk by chunk; refuses binary data and anything that is not the encoding
 * found (a Windows-1252 or Latin-1 CSV, UTF-16 without its byte-order mark) with how to re-save it.
 */
export class ChunkDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;

  constructor(readonly encoding: TextEncodingName) {
    // ignoreBOM: false drops a leading byte-order mark.
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  decode(chunk: Uint8Array, final = false): string {
    if (this.encoding === 'utf-8' && chunk.includes(0)) throw binaryFile();
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: !final });
    } catch {
      throw otherEncoding();
    }
    if (this.encoding !== 'utf-8' && text.includes('\u0000')) throw binaryFile();
    return text;
  }

  end(): string {
    return this.decode(new Uint8Array(0), true);
  }
}

export function binaryFile(): VaultError {
  return new VaultError(
    'VALIDATION',
    'The file holds binary data, not CSV text; nothing was read. Give a .csv saved as "CSV UTF-8", or an Excel workbook with the extension .xlsx.',
  );
}

export function otherEncoding(): VaultError {
  return new VaultError(
    'VALIDATION',
    'The file is not UTF-8 or UTF-16 text (it may be Windows-1252 or Latin-1); nothing was read. In Excel: File > Save As > "CSV UTF-8 (Comma delimited)"; in LibreOffice: Save As CSV with character set "Unicode (UTF-8)"; in a text editor: save with encoding UTF-8. Then import it again.',
  );
}

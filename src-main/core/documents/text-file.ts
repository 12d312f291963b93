/** Plain-text documents (.txt, .md): UTF-8 (or UTF-16 with a byte-order mark), never binary. */
import { VaultError } from '../errors';

/** Decodes a text file's bytes; binary data or broken UTF-8 is refused with a clear message. */
export function decodeTextFile(bytes: Uint8Array, label: string): string {
  // A UTF-16 byte-order mark (Windows Notepad's "Unicode"): decode as such.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes); // drops the BOM
    } catch {
      throw notText(label);
    }
  }
  if (bytes.includes(0)) throw notText(label);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a UTF-8 BOM
  } catch {
    throw new VaultError(
      'VALIDATION',
      `The ${label} file is not valid UTF-8 text. Save it again as UTF-8 (in most editors: Save As, encoding "UTF-8") and try again.`,
    );
  }
}

function notText(label: string): VaultError {
  return new VaultError(
    'VALIDATION',
    `The ${label} file holds binary data, not text, so it cannot be checked for names. If it is a Word or PDF document, give it its real extension (.docx or .pdf).`,
  );
}

/** What is not a .docx, and how DoeVault says so. */
import { VaultError } from '../errors';

/** A zip file starts with a local file header (or, empty, with the end of central directory). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** An OLE compound file: an old .doc, or a password-protected .docx. */
function looksLikeOle(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && ole.every((byte, i) => bytes[i] === byte);
}

export function notADocx(bytes: Uint8Array, cause?: unknown): VaultError {
  const why = looksLikeOle(bytes)
    ? 'it is an older .doc file or a password-protected document'
    : 'it is not a .docx package (perhaps another kind of file with a .docx name)';
  return new VaultError(
    'VALIDATION',
    `The file is not a Word document (.docx): ${why}. Open it in Word, remove any password, re-save it from Word as .docx (File > Save As > Word Document) and try again.`,
    { cause },
  );
}

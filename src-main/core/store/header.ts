import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { VaultError } from '../errors';
import { SCHEMA_VERSION } from './migrations';

/** PRAGMA application_id of every DoeVault file: "DoeV". */
export const APPLICATION_ID = 0x446f6556;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Checks a file's SQLite header with plain reads before SQLite opens it, so a file that is not
 * a vault, is truncated, or was written by a newer DoeVault is refused without being touched
 * (SQLite itself may write to a file it opens).
 */
export function inspectVaultFile(path: string): { schemaVersion: number } {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new VaultError('NOT_FOUND', `No vault at ${path}. Check the path, or create a vault with \`doe-vault init\`.`);
    }
    throw new VaultError('INTERNAL', `Cannot read ${path} (${code ?? 'unknown error'}). Check its permissions.`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw new VaultError('NOT_A_VAULT', `${path} is a folder, not a vault file. Give the path of the vault file.`);
    }
    if (!stat.isFile()) {
      throw new VaultError('NOT_A_VAULT', `${path} is not a regular file (a pipe, socket or device), so it cannot be a vault. Give the path of the vault file.`);
    }
    const size = stat.size;
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new VaultError('NOT_A_VAULT', `${path} is not a DoeVault vault. Check the path.`);
    }
    if (header.readUInt32BE(68) !== APPLICATION_ID) {
      throw new VaultError('NOT_A_VAULT', `${path} is a database, but not a DoeVault vault. Check the path.`);
    }
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const changeCounter = header.readUInt32BE(24);
    const pageCount = header.readUInt32BE(28);
    const validFor = header.readUInt32BE(92);
    // A checkpoint interrupted by a crash leaves page 1 (with the new page count) in the main
    // file and later pages only in the write-ahead log, from which SQLite recovers them: count
    // the pages the log can supply before calling the file truncated.
    const walPages = Math.floor(Math.max(0, walBytes(path) - 32) / (24 + pageSize));
    if (changeCounter === validFor && size + walPages * pageSize < pageSize * pageCount) {
      throw new VaultError(
        'DAMAGED',
        `${path} is truncated (${size} of ${pageSize * pageCount} bytes). Restore the vault from a backup.`,
      );
    }
    const schemaVersion = header.readUInt32BE(60);
    assertSupportedVersion(schemaVersion, path);
    return { schemaVersion };
  } finally {
    closeSync(fd);
  }
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

export function assertSupportedVersion(schemaVersion: number, path: string): void {
  if (schemaVersion > SCHEMA_VERSION) {
    throw new VaultError(
      'UNSUPPORTED_VERSION',
      `${path} was written by a newer version of DoeVault (vault format ${schemaVersion}, this version reads up to ${SCHEMA_VERSION}). ` +
        'Update DoeVault to open it; nothing in the vault was changed.',
    );
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VaultError } from '../errors';

/**
 * Files that appear whole or not at all, and never over an existing file: written to a
 * temporary file beside their destination, flushed to disk, then hard-linked into place (the
 * link fails if the destination exists, even if it appeared meanwhile).
 */

export function alreadyExists(path: string): VaultError {
  return new VaultError('CONFLICT', `${path} already exists. Choose another path; DoeVault never overwrites a file.`);
}

export async function refuseExisting(path: string): Promise<void> {
  if (await exists(path)) throw alreadyExists(path);
}

/** True for anything at `path`, a dangling symbolic link included. */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A name for a temporary file or folder beside `path`, hidden and unique. */
export function siblingTemp(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${purpose}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/**
 * Writes `chunks` to a new file at `destination` (mode `mode`), all or nothing. Returns its
 * size and SHA-256. The destination's folder is created (0700) if missing.
 */
export async function writeNewFile(
  destination: string,
  chunks: Iterable<Uint8Array>,
  mode: number,
): Promise<{ size: number; sha256: string }> {
  await refuseExisting(destination);
  await mkdir(dirname(destination), { recursive: true, mode: 0o700 });
  const temporary = siblingTemp(destination, 'writing');
  const hash = createHash('sha256');
  let size = 0;
  try {
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    try {
      for (const chunk of chunks) {
        await handle.write(chunk);
        hash.update(chunk);
        size += chunk.length;
      }
      await handle.chmod(mode); // the umask may have narrowed or the platform ignored it
      await handle.sync();
    } finally {
      await handle.close();
    }
    await placeNewFile(temporary, destination);
  } finally {
    await rm(temporary, { force: true });
  }
  await syncFolder(dirname(destination));
  return { size, sha256: hash.digest('hex') };
}

/**
 * Moves a complete file into place without overwriting anything. A hard link is atomic and
 * refuses an existing destination; file systems without hard links (FAT and exFAT drives) fall
 * back to a rename after a check, which can race with another writer but never leaves a
 * partial file.
 */
export async function placeNewFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(to);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (await exists(to)) throw alreadyExists(to);
    await rename(from, to);
    return;
  }
  await rm(from, { force: true });
}

/**
 * Records files just written (their audit entry, written by `record`). When the record cannot
 * be written (a full disk, a locked database), the files are removed and the error rethrown:
 * an export the audit log does not show must not exist.
 */
export async function recordOrTakeBack(paths: readonly string[], record: () => void): Promise<void> {
  try {
    record();
  } catch (error) {
    await Promise.all(paths.map((path) => rm(path, { force: true })));
    throw error;
  }
}

/** Makes a folder's new entries durable (POSIX; a no-op where folders cannot be opened). */
export async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

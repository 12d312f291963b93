import { constants } from 'node:fs';
import { access, link, mkdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { VaultError } from '../errors';

/** How a writer names its files in the messages of placing them (an export, a redacted exhibit …). */
export interface PlacementWords {
  /** What the folder is for: "the export". */
  folderFor: string;
  /** The CONFLICT message when the folder already holds some of the files. */
  alreadyHolds: (destination: string, present: readonly string[]) => string;
  /** The end of the message when a file appears while writing: "while exporting; nothing was exported". */
  appeared: string;
}

/**
 * The destination exists (or is created, 0700), is a writable folder, and holds none of
 * `names`: DoeVault never writes over a file. Checked before anything is staged.
 */
export async function prepareDestination(destination: string, names: readonly string[], words: PlacementWords): Promise<void> {
  const existing = await stat(destination).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new VaultError('VALIDATION', `${destination} is a file, not a folder. Choose a folder for ${words.folderFor}.`);
  }
  try {
    await mkdir(destination, { recursive: true, mode: 0o700 });
    await access(destination, constants.W_OK);
  } catch (error) {
    throw new VaultError('VALIDATION', `Cannot write to ${destination} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you can write to.`, { cause: error });
  }
  const present: string[] = [];
  for (const name of names) if (await stat(join(destination, name)).catch(() => undefined)) present.push(name);
  if (present.length > 0) throw new VaultError('CONFLICT', words.alreadyHolds(destination, present));
}

/**
 * Links each staged file from `temp` into `destination` (same file system: atomic, and never
 * over an existing file); on a clash, takes back what it linked, so the folder is as it was.
 */
export async function linkIntoPlace(temp: string, destination: string, names: readonly string[], words: PlacementWords): Promise<void> {
  const moved: string[] = [];
  try {
    for (const name of names) {
      await link(join(temp, name), join(destination, name));
      moved.push(name);
    }
  } catch (error) {
    await Promise.all(moved.map((name) => unlink(join(destination, name)).catch(() => undefined)));
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new VaultError('CONFLICT', `A file appeared in ${destination} ${words.appeared}. Choose an empty folder.`, { cause: error });
    }
    throw error;
  }
}

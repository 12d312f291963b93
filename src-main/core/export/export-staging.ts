import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { syncFolder } from '../files/new-file';

/**
 * Crash-safe staging of an export (issue 11). The files of an export are written to a private
 * folder `.doevault-partial-<id>` inside the destination (the same file system, so they are
 * linked into place atomically), and before that folder exists a journal naming it is made
 * durable in `<vault>.staging/` (0700, beside the vault file). Once the export is recorded in the
 * audit log the journal is removed. A process killed in between leaves a journal behind, and
 * the next start of the CLI or the app (VaultService.open) removes what it names: the staging
 * folder, and any final file it had already linked into place whose content is still the one
 * the export wrote (never a file of the same name that someone else put there afterwards).
 */

const PARTIAL_PREFIX = '.doevault-partial-';
const JOURNAL_PREFIX = 'export-';
const JOURNAL_SUFFIX = '.json';

interface JournalRecord {
  destination: string;
  /** The staging folder inside the destination. */
  staging: string;
  /** Final names linked (or about to be linked) into the destination, with their SHA-256. */
  placing: Record<string, string>;
}

/** The folder of journals of a vault file (next to it, so that it travels with the vault). */
export function stagingFolderOf(vaultPath: string): string {
  return `${vaultPath}.staging`;
}

export class ExportJournal {
  private readonly id = randomBytes(12).toString('hex');
  private record: JournalRecord | undefined;

  constructor(private readonly folder: string) {}

  private get path(): string {
    return join(this.folder, `${JOURNAL_PREFIX}${this.id}${JOURNAL_SUFFIX}`);
  }

  /** Records the export, then creates (0700) and returns its staging folder in `destination`. */
  async begin(destination: string): Promise<string> {
    const staging = join(destination, `${PARTIAL_PREFIX}${this.id}`);
    this.record = { destination, staging, placing: {} };
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await this.save();
    await mkdir(staging, { mode: 0o700 });
    return staging;
  }

  /** Records the final files (name and content hash) before they are linked into place. */
  async placing(files: ReadonlyMap<string, string>): Promise<void> {
    if (!this.record) return;
    this.record.placing = Object.fromEntries(files);
    await this.save();
  }

  /** The export is over (recorded, or taken back): nothing remains to clean. */
  async finish(): Promise<void> {
    if (!this.record) return;
    this.record = undefined;
    await rm(this.path, { force: true });
    // Not left beside the vault when no other export is under way (ENOTEMPTY otherwise).
    await rmdir(this.folder).catch(() => undefined);
  }

  private async save(): Promise<void> {
    const temporary = `${this.path}.tmp`;
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC;
    const handle = await open(temporary, flags, 0o600).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // Another export's finish removed the (then empty) folder in between.
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      return open(temporary, flags, 0o600);
    });
    try {
      await handle.writeFile(JSON.stringify(this.record));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.path);
    await syncFolder(this.folder);
  }
}

/**
 * Removes what exports interrupted by a crash left behind (see above); returns how many
 * interrupted exports there were. Never throws for one journal it cannot read: it is removed, so
 * that a damaged journal cannot stop the vault from opening.
 */
export async function cleanExportLeftovers(vaultPath: string): Promise<number> {
  const folder = stagingFolderOf(vaultPath);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return 0;
  }
  let cleaned = 0;
  for (const entry of entries) {
    const path = join(folder, entry);
    if (entry.startsWith(JOURNAL_PREFIX) && entry.endsWith(JOURNAL_SUFFIX)) {
      const record = await readJournal(path);
      if (record) await undo(record);
      cleaned++;
      await unlink(path).catch(() => undefined);
    } else if (entry.startsWith(JOURNAL_PREFIX) && entry.endsWith(`${JOURNAL_SUFFIX}.tmp`)) {
      // A journal killed while it was written: its staging folder was never created.
      await unlink(path).catch(() => undefined);
    }
  }
  await rmdir(folder).catch(() => undefined);
  return cleaned;
}

async function readJournal(path: string): Promise<JournalRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as Partial<JournalRecord>;
    if (typeof record.destination !== 'string' || typeof record.staging !== 'string') return undefined;
    return { destination: record.destination, staging: record.staging, placing: record.placing ?? {} };
  } catch {
    return undefined;
  }
}

async function undo(record: JournalRecord): Promise<void> {
  // Only a folder of ours: the name is checked, so an edited journal cannot remove anything else.
  if (basename(record.staging).startsWith(PARTIAL_PREFIX) && join(record.destination, basename(record.staging)) === record.staging) {
    await rm(record.staging, { recursive: true, force: true });
  }
  for (const [name, sha256] of Object.entries(record.placing)) {
    if (name !== basename(name)) continue;
    const path = join(record.destination, name);
    const content = await readFile(path).catch(() => undefined);
    if (content && createHash('sha256').update(content).digest('hex') === sha256) await unlink(path).catch(() => undefined);
  }
}

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { VaultService } from '../../../src-main/core/service';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import type { Harness } from '../harness';

/**
 * A vault file made outside the app, as the doe-vault command line would make it (with the
 * default Argon2id parameters), for the UI to open with "Open an existing vault…". Adding
 * plaintiffs in one transaction here is what makes a 100,000-plaintiff roster feasible in a
 * test: through the UI or window.doeVault one by one it would take far too long.
 */
export async function seedVault(
  harness: Harness,
  options: { file: string; passphrase: string; caseTitle: string; scheme: string; plaintiffs: number; seed?: number },
): Promise<{ path: string; recoveryKey: string; caseId: string; legalNames: string[] }> {
  const path = join(harness.dir, options.file);
  const { vault, recoveryKey } = await VaultService.create(path, options.passphrase);
  try {
    const { id } = vault.cases.create({ title: options.caseTitle, scheme: options.scheme });
    const people = syntheticPlaintiffs(options.plaintiffs, options.seed ?? 140);
    for (let start = 0; start < people.length; start += 10_000) vault.plaintiffs.addMany(id, people.slice(start, start + 10_000));
    return { path, recoveryKey, caseId: id, legalNames: people.map((p) => p.legalName) };
  } finally {
    vault.close();
  }
}

/** Flips one bit of the passphrase keyslot's wrapped key: the slot's checksum no longer matches. */
export function damagePassphraseSlot(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    const row = db.prepare(`SELECT wrapped_key AS value FROM keyslots WHERE kind = 'passphrase'`).get() as { value: Buffer };
    const copy = Buffer.from(row.value);
    copy[4]! ^= 0x10;
    db.prepare(`UPDATE keyslots SET wrapped_key = ? WHERE kind = 'passphrase'`).run(copy);
  } finally {
    db.close();
  }
}

/** Rewrites the time of one audit entry, as someone editing the file would (triggers dropped). */
export function tamperAuditEntry(path: string, seq: number): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    db.prepare('UPDATE audit_log SET at = ? WHERE seq = ?').run('2020-01-01T00:00:00.000Z', seq);
  } finally {
    db.close();
  }
}

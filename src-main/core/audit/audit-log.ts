import { constantTimeEqual, digest, framed, mac, openJson, sealJson, sealPaddedJson } from '../crypto';
import { VaultError } from '../errors';
import type { AuditRow, VaultStore } from '../store';
import type { FieldRef } from '../crypto';

/** Every kind of event the audit log records. Details never hold a real name. */
export type AuditAction =
  | 'vault.created'
  | 'vault.unlocked'
  | 'unlock.failed'
  | 'passphrase.changed'
  | 'recovery.used'
  | 'backup.created'
  | 'vault.restored'
  | 'case.created'
  | 'case.updated'
  | 'case.deleted'
  | 'plaintiffs.added'
  | 'plaintiff.updated'
  | 'plaintiff.withdrawn'
  | 'plaintiff.revealed'
  | 'roster.revealed'
  | 'plaintiffs.imported'
  | 'plaintiff.merged'
  | 'roster.exported'
  | 'filing.created'
  | 'filing.deleted'
  | 'filing.previewed'
  | 'filing.exported'
  | 'filing.export-blocked'
  | 'filing.sealing-set-written'
  | 'filing.sealing-set-blocked'
  | 'exhibit.redacted'
  | 'exhibit.redaction-blocked'
  | 'exhibit.finding-revealed'
  | 'package.opened'
  | 'vault.upgraded'
  | 'integrity.sealed'
  | 'counsel.set'
  | 'counsel.cleared';

export type AuditDetails = Record<string, string | number | boolean | string[]>;

export interface AuditEvent {
  action: AuditAction;
  details?: AuditDetails;
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: AuditAction;
  details: AuditDetails;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadEntry: number; problem: string };

/** The keys the log needs (the vault's Keyring has them). */
export interface AuditKeys {
  readonly auditEncryption: Uint8Array;
  readonly auditMac: Uint8Array;
  ref(table: string, rowId: string, field: string): FieldRef;
}

const GENESIS: Uint8Array = new Uint8Array(32);

/**
 * An append-only, encrypted, hash-chained and MACed log. Each entry is encrypted under the
 * audit key, MACed together with its sequence number, time and the hash of the entry before
 * it; the head (count and last hash) is sealed in the vault header, so removing entries from
 * the end is caught too.
 */
export class AuditLog {
  constructor(
    private readonly store: VaultStore,
    private readonly keys: AuditKeys,
  ) {}

  /** Call inside the transaction of the action it records, so both commit or neither does. */
  append(event: AuditEvent, at: string = new Date().toISOString()): void {
    const last = this.store.lastAuditRow();
    // Number on from the sealed head, not from the last row: entries removed from the end
    // stay visible as a gap instead of being papered over by the next entry. A head that does
    // not open (or is missing while entries exist) is evidence of tampering and is kept as is.
    const head = this.head();
    const headTrusted = head !== 'damaged' && (head !== undefined || last === undefined);
    const seq = Math.max(last?.seq ?? 0, headTrusted ? (head?.seq ?? 0) : 0) + 1;
    const prev_hash = last ? entryHash(last) : GENESIS;
    // The time is inside the ciphertext and the entry is padded to a size bucket: the file
    // shows neither when something happened nor, by its size, what (issue 11). The plaintext
    // column stays '' (entries written before that keep theirs: the chain is append-only).
    const entry = sealPaddedJson(this.keys.auditEncryption, this.keys.ref('audit_log', String(seq), 'entry'), {
      action: event.action,
      details: event.details ?? {},
      at,
    });
    const row: AuditRow = { seq, at: '', entry, prev_hash, mac: this.mac(seq, '', entry, prev_hash) };
    this.store.appendAudit(row);
    if (!headTrusted) return;
    this.store.setAuditHead(
      sealJson(this.keys.auditEncryption, this.keys.ref('meta', 'audit', 'audit_head'), {
        seq,
        hash: Buffer.from(entryHash(row)).toString('hex'),
      }),
    );
  }

  /** Entries oldest first. Throws DAMAGED if one does not decrypt; run verify() for the full story. */
  list(): AuditEntry[] {
    return this.store.auditRows().map((row) => {
      const { action, details, at } = this.decrypt(row);
      return { seq: row.seq, at: at ?? row.at, action, details };
    });
  }

  verify(): AuditVerification {
    const rows = this.store.auditRows();
    const bad = (seq: number, problem: string): AuditVerification => ({
      ok: false,
      entries: rows.length,
      firstBadEntry: seq,
      problem,
    });
    let previous = GENESIS;
    let expected = 1;
    // Every vault's log begins with its creation: an empty log, or one that begins elsewhere,
    // had its first entries removed (with the head record, or the gap would show).
    if (rows.length === 0) return bad(1, 'the log is empty: its entries were removed');
    for (const row of rows) {
      if (row.seq !== expected) {
        return bad(expected, `entry #${expected} is missing: it was removed`);
      }
      if (!constantTimeEqual(this.mac(row.seq, row.at, row.entry, row.prev_hash), row.mac)) {
        return bad(row.seq, `entry #${row.seq} was edited or moved: its MAC does not match`);
      }
      if (!constantTimeEqual(row.prev_hash, previous)) {
        return bad(row.seq, `entry #${row.seq} does not follow entry #${row.seq - 1}: entries were reordered, removed or replaced`);
      }
      let action: AuditAction;
      try {
        action = this.decrypt(row).action;
      } catch {
        return bad(row.seq, `entry #${row.seq} was edited: it does not decrypt`);
      }
      if (row.seq === 1 && action !== 'vault.created') {
        return bad(1, 'the log does not begin with the creation of the vault: earlier entries were removed');
      }
      previous = entryHash(row);
      expected += 1;
    }
    const head = this.head();
    if (head === 'damaged') return bad(rows.length + 1, 'the record of the last entry was altered');
    const recorded = head?.seq ?? 0;
    if (recorded !== rows.length) {
      return recorded > rows.length
        ? bad(rows.length + 1, `entries #${rows.length + 1} to #${recorded} were removed from the end`)
        : bad(recorded + 1, `entries after #${recorded} were added outside DoeVault`);
    }
    if (head && head.hash !== Buffer.from(previous).toString('hex')) {
      return bad(rows.length, `entry #${rows.length} was replaced`);
    }
    return { ok: true, entries: rows.length };
  }

  /**
   * The cheap check run at every unlock: the sealed head against the last row (its MAC and
   * hash) and the number of rows. Catches entries removed from the end or the middle, added,
   * or replaced, without walking the chain; `verify()` finds the first bad entry.
   */
  checkHead(): string | undefined {
    const advice = 'run `doe-vault audit verify` for details';
    const head = this.head();
    const last = this.store.lastAuditRow();
    if (head === 'damaged') return `the audit log's head record was altered (${advice})`;
    if (!last) return "the audit log's entries were removed";
    if (!head) return `the audit log's head record was removed (${advice})`;
    if (last.seq < head.seq) return `the audit log's last entries are missing (#${last.seq + 1} to #${head.seq}; ${advice})`;
    if (last.seq > head.seq) return `entries were added to the end of the audit log outside DoeVault (${advice})`;
    if (!constantTimeEqual(this.mac(last.seq, last.at, last.entry, last.prev_hash), last.mac) || head.hash !== Buffer.from(entryHash(last)).toString('hex')) {
      return `the audit log's last entry was replaced or edited (${advice})`;
    }
    if (this.store.auditCount() !== head.seq) return `entries are missing from the audit log (${advice})`;
    return undefined;
  }

  private head(): { seq: number; hash: string } | undefined | 'damaged' {
    const sealed = this.store.meta().audit_head;
    if (!sealed) return undefined;
    try {
      return openJson(this.keys.auditEncryption, this.keys.ref('meta', 'audit', 'audit_head'), sealed) as {
        seq: number;
        hash: string;
      };
    } catch {
      return 'damaged';
    }
  }

  /** `at` is inside entries written since issue 11; older ones have it in the plaintext column. */
  private decrypt(row: AuditRow): { action: AuditAction; details: AuditDetails; at?: string } {
    try {
      return openJson(this.keys.auditEncryption, this.keys.ref('audit_log', String(row.seq), 'entry'), row.entry) as {
        action: AuditAction;
        details: AuditDetails;
        at?: string;
      };
    } catch {
      throw new VaultError(
        'DAMAGED',
        `Audit entry #${row.seq} was altered. Run \`doe-vault audit verify\` for details and restore a backup.`,
      );
    }
  }

  private mac(seq: number, at: string, entry: Uint8Array, prevHash: Uint8Array): Uint8Array {
    return mac(this.keys.auditMac, framed('audit-entry', seq, at, entry, prevHash));
  }
}

function entryHash(row: AuditRow): Uint8Array {
  return digest(framed('audit-link', row.seq, row.at, row.entry, row.prev_hash, row.mac));
}

import { AuditLog } from '../audit/audit-log';
import { digest, framed, openJson, sealJson, streamingDigest, wipe } from '../crypto';
import { VaultError } from '../errors';
import type { CaseRow, KeyslotRow, Sealer, StoreChanges, VaultStore } from '../store';
import type { Keyring } from './keyring';

/**
 * Integrity heads (docs/INTEGRITY.md). Someone with the file and no keys can delete, move or
 * edit rows that are each individually sound (every ciphertext still opens); the heads are
 * what notice. A case's head seals who is in the case; the vault head seals which keyslots and
 * cases exist; the audit log's own head seals its end.
 */

/** A case's head: sealed under a subkey of the case key, so it cannot be moved to another case. */
interface CaseHead {
  count: number;
  nextSeq: number;
  rows: string;
}

/** The vault head: a digest per keyslot (by kind) and per case (by id), sealed under a master-key subkey. */
interface VaultHead {
  keyslots: Record<string, string>;
  cases: Record<string, string>;
  /** Since migration 0005; a head sealed before it had none (and the vault no settings). */
  settings?: Record<string, string>;
}

export interface IntegrityReport {
  /** What is wrong, one sentence fragment each; empty when the vault is intact. */
  problems: string[];
  /** No heads at all and no sign they ever existed: a vault from before migration 0004. */
  unsealed: boolean;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function computeCaseHead(store: VaultStore, row: CaseRow): CaseHead {
  const rows = store.plaintiffHeadRows(row.id);
  const hash = streamingDigest();
  const none = new Uint8Array(0);
  for (const [id, seq, publicPart, identity, pseudonymIndex, nameIndex, nameDobIndex, initialsIndex] of rows) {
    hash.update(framed('plaintiff', id, seq, publicPart, identity, pseudonymIndex, nameIndex, nameDobIndex ?? none, initialsIndex ?? none));
  }
  return { count: rows.length, nextSeq: row.next_seq, rows: hex(hash.final()) };
}

function computeVaultHead(store: VaultStore): VaultHead {
  const keyslots: Record<string, string> = {};
  for (const slot of store.keyslots()) keyslots[slot.kind] = hex(slotDigest(slot));
  const cases: Record<string, string> = {};
  for (const row of store.cases()) cases[row.id] = hex(digest(framed('case', row.id, row.wrapped_key, row.details)));
  const settings: Record<string, string> = {};
  for (const row of store.settings()) settings[row.key] = hex(digest(framed('setting', row.key, row.value)));
  return { keyslots, cases, settings };
}

function slotDigest(slot: KeyslotRow): Uint8Array {
  return digest(framed('keyslot', slot.kind, slot.alg, slot.opslimit, slot.memlimit, slot.salt, slot.wrapped_key, slot.checksum));
}

function sealCaseHead(store: VaultStore, keys: Keyring, row: CaseRow): void {
  const key = keys.caseHeadKey(row.id, row.wrapped_key);
  try {
    store.setCaseHead(row.id, sealJson(key, keys.ref('cases', row.id, 'head'), computeCaseHead(store, row)));
  } finally {
    wipe(key);
  }
}

function sealVaultHead(store: VaultStore, keys: Keyring): void {
  store.setVaultHead(sealJson(keys.vaultHead, keys.ref('meta', 'vault', 'vault_head'), computeVaultHead(store)));
}

/** Seals every head: a new vault, or the first unlock of a vault from before the heads. */
export function sealAll(store: VaultStore, keys: Keyring): void {
  for (const row of store.cases()) sealCaseHead(store, keys, row);
  sealVaultHead(store, keys);
}

/**
 * The sealer of an unlocked vault: reseals the heads a transaction touched, in it. While the
 * vault is damaged it refuses instead: resealing would make the damage look like DoeVault's
 * own change.
 */
export function sealerFor(keys: Keyring, damage: () => readonly string[]): Sealer {
  return (store: VaultStore, changes: StoreChanges) => {
    const problems = damage();
    if (problems.length > 0) throw damagedError(problems);
    for (const id of changes.cases) {
      const row = store.caseById(id);
      if (row) sealCaseHead(store, keys, row);
    }
    if (changes.vault) sealVaultHead(store, keys);
  };
}

/**
 * Checks the vault head, every case head and the audit log's head against the file. Hashing
 * only: no identity is decrypted (each case's details are opened for its title).
 */
export function checkIntegrity(store: VaultStore, keys: Keyring): IntegrityReport {
  const problems: string[] = [];
  const auditProblem = new AuditLog(store, keys).checkHead();
  const meta = store.meta();
  const cases = store.cases();
  if (!meta.vault_head) {
    if (cases.some((row) => row.head)) {
      problems.push('the record of its keyslots and cases was removed');
    } else if (auditProblem === undefined && !everSealed(store, keys)) {
      return { problems: [], unsealed: true };
    } else {
      problems.push('its integrity records were removed');
    }
  } else {
    problems.push(...checkVaultHead(store, keys, meta.vault_head));
    for (const row of cases) {
      const problem = checkCaseHead(store, keys, row);
      if (problem) problems.push(`case ${caseName(keys, row)}: ${problem}`);
    }
  }
  if (auditProblem) problems.push(auditProblem);
  return { problems, unsealed: false };
}

function checkVaultHead(store: VaultStore, keys: Keyring, sealed: Uint8Array): string[] {
  let head: VaultHead;
  try {
    head = openJson(keys.vaultHead, keys.ref('meta', 'vault', 'vault_head'), sealed) as VaultHead;
  } catch {
    return ['the record of its keyslots and cases was altered'];
  }
  const actual = computeVaultHead(store);
  const problems: string[] = [];
  for (const kind of new Set([...Object.keys(head.keyslots), ...Object.keys(actual.keyslots)])) {
    const was = head.keyslots[kind];
    const is = actual.keyslots[kind];
    if (was === is) continue;
    problems.push(
      is === undefined
        ? `the ${kind} keyslot was removed`
        : was === undefined
          ? `a ${kind} keyslot was added outside DoeVault`
          : `the ${kind} keyslot was replaced outside DoeVault`,
    );
  }
  for (const id of new Set([...Object.keys(head.cases), ...Object.keys(actual.cases)])) {
    const was = head.cases[id];
    const is = actual.cases[id];
    if (was === is) continue;
    problems.push(
      is === undefined
        ? `case ${id} was removed outside DoeVault`
        : was === undefined
          ? `case ${id} was added outside DoeVault`
          : `case ${id}: its key or details were changed outside DoeVault`,
    );
  }
  const settings = head.settings ?? {};
  for (const key of new Set([...Object.keys(settings), ...Object.keys(actual.settings ?? {})])) {
    const was = settings[key];
    const is = actual.settings?.[key];
    if (was === is) continue;
    problems.push(
      is === undefined
        ? `the ${key} setting was removed outside DoeVault`
        : was === undefined
          ? `a ${key} setting was added outside DoeVault`
          : `the ${key} setting was changed or put back from an older copy outside DoeVault`,
    );
  }
  return problems;
}

function checkCaseHead(store: VaultStore, keys: Keyring, row: CaseRow): string | undefined {
  if (!row.head) return 'its integrity record was removed';
  let key: Uint8Array;
  try {
    key = keys.caseHeadKey(row.id, row.wrapped_key);
  } catch {
    return 'its key does not open: the case record was altered';
  }
  let head: CaseHead;
  try {
    head = openJson(key, keys.ref('cases', row.id, 'head'), row.head) as CaseHead;
  } catch {
    return 'its integrity record was altered or belongs to another case';
  } finally {
    wipe(key);
  }
  const actual = computeCaseHead(store, row);
  if (actual.count < head.count) {
    const missing = head.count - actual.count;
    return `${missing === 1 ? 'a plaintiff row is' : `${missing} plaintiff rows are`} missing (deleted or moved to another case outside DoeVault)`;
  }
  if (actual.count > head.count) return 'plaintiff rows were added or moved into it outside DoeVault';
  if (actual.nextSeq < head.nextSeq) {
    return 'its pseudonym counter was rewound outside DoeVault (an old pseudonym would go to a new person)';
  }
  if (actual.nextSeq !== head.nextSeq) return 'its pseudonym counter was changed outside DoeVault';
  if (actual.rows !== head.rows) return 'a plaintiff row was changed or swapped outside DoeVault';
  return undefined;
}

function caseName(keys: Keyring, row: CaseRow): string {
  try {
    const details = openJson(keys.caseKey(row.id, row.wrapped_key), keys.ref('cases', row.id, 'details'), row.details) as { title?: unknown };
    if (typeof details.title === 'string') return `"${details.title}" (${row.id})`;
  } catch {
    // A case whose details do not open is named by its id; the vault head says what changed.
  }
  return row.id;
}

/**
 * Whether this vault ever had heads. Nulling every head must not be a way to have them resealed
 * over tampered rows, so "no heads" means a vault from before migration 0004 only when its
 * (intact) audit log never recorded a sealing. Runs only when every head is missing.
 */
function everSealed(store: VaultStore, keys: Keyring): boolean {
  try {
    return new AuditLog(store, keys)
      .list()
      .some((entry) => entry.action === 'integrity.sealed' || (entry.action === 'vault.created' && entry.details.integrity !== undefined));
  } catch {
    return true;
  }
}

/**
 * Whether every problem is the passphrase keyslot itself: what recovering with the recovery key
 * repairs, since it writes a new passphrase slot in place of the damaged one.
 */
export function onlyPassphraseSlot(problems: readonly string[]): boolean {
  return problems.length > 0 && problems.every((problem) => problem.startsWith(PASSPHRASE_SLOT));
}

const PASSPHRASE_SLOT = 'the passphrase keyslot ';

export function damagedError(problems: readonly string[]): VaultError {
  return new VaultError(
    'DAMAGED',
    `This vault is damaged: ${problems.join('; ')}. Restore a backup made before the damage (\`doe-vault restore\`). ` +
      'Until then reveal, the sealed roster, scan, export and import are refused; backup, the public roster and `audit verify` still work.',
  );
}

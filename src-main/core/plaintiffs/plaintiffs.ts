import { blindIndex, openJson, randomId, sealPaddedJson } from '../crypto';
import { VaultError } from '../errors';
import type { PlaintiffRow } from '../store';
import { fold, initialsOf } from '../text/normalize';
import type { Keyring } from '../vault/keyring';
import type { CaseContext } from '../cases/context';
import type { PlaintiffIdentity } from './plaintiff-input';
import { genderedStem, pseudonymFor } from '../cases/pseudonyms';

export type PlaintiffStatus = 'active' | 'withdrawn';

/** What may be shown without revealing anyone. */
export interface PlaintiffPublic {
  pseudonym: string;
  status: PlaintiffStatus;
  withdrawnAt?: string | undefined;
}

export interface RosterEntry extends PlaintiffPublic {
  id: string;
  seq: number;
}

export interface SealedRosterEntry extends RosterEntry, PlaintiffIdentity {}

/**
 * How many plaintiffs of the case are "{stem} N" already. Plaintiffs are never deleted (only
 * withdrawn; the case head catches a deleted row), so a stem's numbers run 1..n without a gap
 * and n is found by probing the pseudonym index: doubling, then halving, O(log n) lookups
 * instead of decrypting the roster.
 */
function countWithStem(ctx: CaseContext, stem: string): number {
  const taken = (n: number): boolean => ctx.store.plaintiffByPseudonymIndex(ctx.caseId, pseudonymIndex(ctx.keys, ctx.caseId, `${stem} ${n}`)) !== undefined;
  if (!taken(1)) return 0;
  let low = 1;
  let high = 2;
  while (taken(high)) {
    low = high;
    high *= 2;
  }
  // Invariant: "{stem} low" is taken, "{stem} high" is not.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (taken(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * Encrypts and inserts plaintiffs in the given order, allocating each a pseudonym from the
 * case's sequence. Call inside a transaction: a failure on row 9,000 leaves nothing behind.
 */
export function insertPlaintiffs(ctx: CaseContext, identities: PlaintiffIdentity[], _now: string): RosterEntry[] {
  const { store, keys, caseId } = ctx;
  const firstSeq = store.reserveSeq(caseId, identities.length);
  const initialsSeen = new Map<string, number>();
  const stemsSeen = new Map<string, number>();
  return identities.map((identity, i) => {
    const seq = firstSeq + i;
    const id = randomId();
    let initials: string | undefined;
    let initialsIndex: Uint8Array | null = null;
    let earlierWithSameInitials: number | undefined;
    if (ctx.scheme.kind === 'initials') {
      initials = initialsOf(identity.legalName);
      initialsIndex = blindIndex(keys.blindIndex, `initials:${caseId}`, fold(initials));
      const key = fold(initials);
      earlierWithSameInitials = initialsSeen.get(key) ?? store.countByInitialsIndex(caseId, initialsIndex);
      initialsSeen.set(key, earlierWithSameInitials + 1);
    }
    let earlierWithSameStem: number | undefined;
    if (ctx.scheme.kind === 'gendered-separate') {
      const stem = genderedStem(identity.gender);
      earlierWithSameStem = stemsSeen.get(stem) ?? countWithStem(ctx, stem);
      stemsSeen.set(stem, earlierWithSameStem + 1);
    }
    const pseudonym = pseudonymFor(ctx.scheme, { seq, gender: identity.gender, initials, earlierWithSameInitials, earlierWithSameStem });
    const publicPart: PlaintiffPublic = { pseudonym, status: 'active' };
    const row: PlaintiffRow = {
      id,
      case_id: caseId,
      seq,
      // No time in plaintext (issue 11): when a person was added or edited would draw a
      // timeline; records are padded to size buckets so their length says little of a name.
      created_at: '',
      updated_at: '',
      public: sealPaddedJson(ctx.caseKey, keys.ref('plaintiffs', id, 'public'), publicPart),
      identity: sealPaddedJson(ctx.caseKey, keys.ref('plaintiffs', id, 'identity'), identity),
      pseudonym_index: pseudonymIndex(keys, caseId, pseudonym),
      name_index: nameIndex(keys, identity.legalName),
      name_dob_index: identity.dob ? nameDobIndex(keys, identity.legalName, identity.dob) : null,
      initials_index: initialsIndex,
    };
    try {
      store.insertPlaintiff(row);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new VaultError('CONFLICT', `The pseudonym ${pseudonym} is already taken in this case; nothing was added.`);
      }
      throw error;
    }
    return { id, seq, ...publicPart };
  });
}

export function readPublic(ctx: CaseContext, row: PlaintiffRow): RosterEntry {
  const part = openJson(ctx.caseKey, ctx.keys.ref('plaintiffs', row.id, 'public'), row.public) as PlaintiffPublic;
  return { id: row.id, seq: row.seq, ...part };
}

export function readIdentity(ctx: CaseContext, row: PlaintiffRow): PlaintiffIdentity {
  return openJson(ctx.caseKey, ctx.keys.ref('plaintiffs', row.id, 'identity'), row.identity) as PlaintiffIdentity;
}

export function findByPseudonym(ctx: CaseContext, pseudonym: string): PlaintiffRow {
  const row = ctx.store.plaintiffByPseudonymIndex(ctx.caseId, pseudonymIndex(ctx.keys, ctx.caseId, pseudonym));
  // The index is a lookup aid; the decrypted label is the authority.
  if (!row || fold(readPublic(ctx, row).pseudonym) !== fold(pseudonym)) {
    throw new VaultError('NOT_FOUND', `No plaintiff "${pseudonym}" in this case. See the roster for the pseudonyms in use.`);
  }
  return row;
}

/** Marks a plaintiff withdrawn. The pseudonym and its number stay reserved for good. */
export function withdraw(ctx: CaseContext, row: PlaintiffRow, now: string): RosterEntry {
  const current = readPublic(ctx, row);
  if (current.status === 'withdrawn') {
    throw new VaultError('CONFLICT', `${current.pseudonym} is already withdrawn.`);
  }
  const updated: PlaintiffPublic = { pseudonym: current.pseudonym, status: 'withdrawn', withdrawnAt: now };
  ctx.store.updatePlaintiffPublic(row.id, sealPaddedJson(ctx.caseKey, ctx.keys.ref('plaintiffs', row.id, 'public'), updated), '');
  return { id: row.id, seq: row.seq, ...updated };
}

/** Replaces a plaintiff's identity. The pseudonym stays as allocated, whatever changed. */
export function updateIdentity(ctx: CaseContext, row: PlaintiffRow, identity: PlaintiffIdentity, _now: string): RosterEntry {
  const { keys } = ctx;
  ctx.store.updatePlaintiffIdentity(row.id, {
    identity: sealPaddedJson(ctx.caseKey, keys.ref('plaintiffs', row.id, 'identity'), identity),
    name_index: nameIndex(keys, identity.legalName),
    name_dob_index: identity.dob ? nameDobIndex(keys, identity.legalName, identity.dob) : null,
    updated_at: '',
  });
  return readPublic(ctx, row);
}

export function nameIndex(keys: Keyring, legalName: string): Uint8Array {
  return blindIndex(keys.blindIndex, 'name', fold(legalName));
}

export function nameDobIndex(keys: Keyring, legalName: string, dob: string): Uint8Array {
  return blindIndex(keys.blindIndex, 'name+dob', `${fold(legalName)}|${dob}`);
}

function pseudonymIndex(keys: Keyring, caseId: string, pseudonym: string): Uint8Array {
  return blindIndex(keys.blindIndex, `pseudonym:${caseId}`, fold(pseudonym));
}

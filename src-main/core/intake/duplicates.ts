import { toHex } from './hex';
import type { CaseContext } from '../cases/context';
import { nameDobIndex, nameIndex, readPublic } from '../plaintiffs/plaintiffs';
import { PROFILE_LIMITS, type PlaintiffIdentity } from '../plaintiffs/plaintiff-input';
import { throwIfCancelled, type OperationControl } from '../operation';
import type { IntakeContext } from './context';
import type { IntakeDuplicate } from './types';

export interface ValidRow {
  row: number;
  identity: PlaintiffIdentity;
}

/**
 * Rows naming someone met before: an earlier row of the file, or any plaintiff of the vault
 * (every case). Same legal name by the blind index (folded: case, accents and punctuation
 * aside); when both sides have a date of birth it must match too (two people may share a name).
 * Nothing is decrypted to search; the pseudonym of a match is.
 */
export function findDuplicates(ctx: IntakeContext, rows: readonly ValidRow[], control?: OperationControl): IntakeDuplicate[] {
  const { keys, store } = ctx.case;
  const seen = new Map<string, { row: number; dob: string | undefined }[]>();
  const contexts = new Map<string, CaseContext>([[ctx.case.caseId, ctx.case]]);
  const duplicates: IntakeDuplicate[] = [];
  rows.forEach(({ row, identity }, i) => {
    if (i % 500 === 0) {
      throwIfCancelled(control);
      control?.onProgress?.(i, rows.length, 'Looking for duplicates');
    }
    const index = nameIndex(keys, identity.legalName);
    const key = toHex(index);
    const earlier = seen.get(key);
    const dob = identity.dob;
    const match = earlier?.find((other) => other.dob === undefined || dob === undefined || other.dob === dob);
    if (match) duplicates.push({ row, against: 'file', otherRow: match.row, sameDateOfBirth: dob !== undefined && match.dob === dob });
    if (earlier) earlier.push({ row, dob });
    else seen.set(key, [{ row, dob }]);
    const candidates = store.plaintiffsByNameIndex(index);
    if (candidates.length === 0) return;
    const withDob = dob === undefined ? undefined : toHex(nameDobIndex(keys, identity.legalName, dob));
    for (const existing of candidates) {
      const existingDob = existing.name_dob_index ? toHex(existing.name_dob_index) : undefined;
      if (withDob !== undefined && existingDob !== undefined && withDob !== existingDob) continue;
      let caseCtx = contexts.get(existing.case_id);
      if (!caseCtx) contexts.set(existing.case_id, (caseCtx = ctx.caseContext(existing.case_id)));
      duplicates.push({
        row,
        against: 'vault',
        caseId: existing.case_id,
        plaintiffId: existing.id,
        pseudonym: readPublic(caseCtx, existing).pseudonym,
        sameDateOfBirth: withDob !== undefined && withDob === existingDob,
      });
    }
  });
  control?.onProgress?.(rows.length, rows.length, 'Looking for duplicates');
  return duplicates;
}

/**
 * `into` completed with `from`: empty fields filled, aliases and ID numbers added (the legal
 * name of `from` becomes an alias when it is spelled differently). Nothing in `into` is replaced.
 */
export function mergeIdentity(into: PlaintiffIdentity, from: PlaintiffIdentity): PlaintiffIdentity {
  const union = (a: readonly string[], b: readonly string[]) => {
    const out = [...a];
    for (const value of b) if (!out.some((v) => v.toLowerCase() === value.toLowerCase())) out.push(value);
    return out;
  };
  const aliases = union(into.aliases, from.legalName !== into.legalName ? [from.legalName, ...from.aliases] : from.aliases);
  return {
    legalName: into.legalName,
    aliases: aliases.slice(0, 20),
    gender: into.gender !== 'unspecified' ? into.gender : from.gender,
    dob: into.dob ?? from.dob,
    email: into.email ?? from.email,
    phone: into.phone ?? from.phone,
    address: into.address ?? from.address,
    idNumbers: union(into.idNumbers, from.idNumbers).slice(0, 20),
    notes: into.notes ?? from.notes,
    // The doxxing surface: both records' entries, the record's first, within the limits.
    family: unionOf(into.family, from.family, PROFILE_LIMITS.family),
    pastAddresses: unionOf(into.pastAddresses, from.pastAddresses, PROFILE_LIMITS.pastAddresses),
    affiliations: unionOf(into.affiliations, from.affiliations, PROFILE_LIMITS.affiliations),
    vehicles: unionOf(into.vehicles, from.vehicles, PROFILE_LIMITS.vehicles),
    handles: unionOf(into.handles, from.handles, PROFILE_LIMITS.handles),
    characteristics: unionOf(into.characteristics, from.characteristics, PROFILE_LIMITS.characteristics),
  };
}

/** Entries of both lists, equal ones (case aside) once; absent when both are. */
function unionOf<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, max: number): T[] | undefined {
  if (!a && !b) return undefined;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const value of [...(a ?? []), ...(b ?? [])]) {
    const key = JSON.stringify(value).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out.slice(0, max);
}

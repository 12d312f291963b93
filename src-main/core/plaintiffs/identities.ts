import { openCase, type CaseContext } from '../cases/context';
import { LeakScanner } from '../scan';
import type { UnlockedVault } from '../vault/unlocked-vault';
import type { PlaintiffIdentity } from './plaintiff-input';
import { readIdentity, readPublic, type PlaintiffStatus } from './plaintiffs';

/** A plaintiff of a case, decrypted: what the scanner, the renders and duplicate checks read. */
export interface CasePlaintiff {
  id: string;
  caseId: string;
  seq: number;
  pseudonym: string;
  status: PlaintiffStatus;
  withdrawnAt?: string | undefined;
  identity: PlaintiffIdentity;
}

/**
 * The case's plaintiffs, decrypted once per change of the case (the vault's derived cache):
 * an export that checks, renders and verifies decrypts each identity once.
 */
export function caseIdentities(vault: UnlockedVault, ctx: CaseContext): readonly CasePlaintiff[] {
  // Everything that decrypts a case's identities comes through here: none while the vault is damaged.
  vault.assertIntact();
  return vault.derive('identities', ctx.caseId, () =>
    ctx.store.plaintiffsOfCase(ctx.caseId).map((row) => {
      const { id, seq, ...part } = readPublic(ctx, row);
      return { id, caseId: ctx.caseId, seq, ...part, identity: readIdentity(ctx, row) };
    }),
  );
}

export interface BuiltScanner {
  scanner: LeakScanner;
  /** How many identities it looks for. */
  identities: number;
}

/** The leak scanner over every identity of one case or of the whole vault, built once per change of them. */
export function scannerOf(vault: UnlockedVault, scope: { caseId: string } | 'all'): BuiltScanner {
  vault.assertIntact();
  const caseId = scope === 'all' ? undefined : scope.caseId;
  return vault.derive('scanner', caseId, () => {
    const caseIds = caseId === undefined ? vault.store.cases().map((row) => row.id) : [caseId];
    const identities = caseIds.flatMap((id) =>
      caseIdentities(vault, openCase(vault, id)).map((p) => ({ plaintiffId: p.id, caseId: p.caseId, pseudonym: p.pseudonym, ...p.identity })),
    );
    return { scanner: LeakScanner.build(identities), identities: identities.length };
  });
}

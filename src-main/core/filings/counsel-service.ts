import { z } from 'zod';
import { caseCounsel, requireCase, sealCaseCounsel } from '../cases/cases';
import type { Counsel } from '../shared/counsel';
import { parseInput } from '../validation';
import { deleteSetting, readSetting, SETTING_KEYS, writeSetting } from '../vault/settings';
import type { UnlockedVault } from '../vault/unlocked-vault';
import type { VaultSession } from '../vault/session';
import { counselListSchema } from './counsel';

/** Which counsel a call reads or writes: the vault's firm counsel, or one case's. */
const scopeSchema = z.strictObject({ caseId: z.string({ error: 'caseId must be a case id' }).min(1, 'caseId must be a case id').max(64).optional() });
const setSchema = scopeSchema.extend({ counsel: counselListSchema });

export type CounselScope = z.input<typeof scopeSchema>;

export interface CounselView {
  scope: 'vault' | 'case';
  /** The counsel stored at this scope; empty when none is. */
  counsel: Counsel[];
  /** The vault's firm counsel: what a case without its own prints. */
  firm: Counsel[];
}

/**
 * Counsel stored once (issue 12): the firm's, sealed as a vault setting, and a case's own, in
 * its sealed details. An export prints the draft's front matter's, else the case's, else the firm's.
 */
export class CounselService {
  constructor(private readonly session: VaultSession) {}

  get(scope: CounselScope = {}): CounselView {
    const { caseId } = parseInput(scopeSchema, scope);
    const vault = this.session.unlocked();
    const firm = firmCounsel(vault);
    if (caseId === undefined) return { scope: 'vault', counsel: firm, firm };
    return { scope: 'case', counsel: caseCounsel(vault.keys, requireCase(vault.store, caseId)), firm };
  }

  /** Replaces the counsel of the scope with the list given (1 to 10 attorneys). */
  set(input: unknown): CounselView {
    const { caseId, counsel } = parseInput(setSchema, input);
    this.write(caseId, counsel);
    return this.get(caseId === undefined ? {} : { caseId });
  }

  /** Removes the counsel of the scope: a case then prints the firm's, a filing of the vault none. */
  clear(scope: CounselScope = {}): { cleared: boolean } {
    const { caseId } = parseInput(scopeSchema, scope);
    const had = this.get(caseId === undefined ? {} : { caseId }).counsel.length > 0;
    if (had) this.write(caseId, []);
    return { cleared: had };
  }

  private write(caseId: string | undefined, counsel: Counsel[]): void {
    const vault = this.session.unlocked();
    const { store, keys } = vault;
    const now = vault.now();
    const row = caseId === undefined ? undefined : requireCase(store, caseId);
    vault.transaction((audit) => {
      if (row) store.updateCaseDetails(row.id, sealCaseCounsel(keys, row, counsel));
      else if (counsel.length > 0) writeSetting(store, keys, SETTING_KEYS.firmCounsel, counsel, now);
      else deleteSetting(store, SETTING_KEYS.firmCounsel);
      const scope: Record<string, string> = row ? { scope: 'case', caseId: row.id } : { scope: 'vault' };
      audit.append(counsel.length > 0 ? { action: 'counsel.set', details: { ...scope, attorneys: counsel.length } } : { action: 'counsel.cleared', details: scope }, now);
    });
    if (row) vault.forget(row.id);
  }
}

/** The vault's firm counsel; empty when none is stored. */
export function firmCounsel(vault: UnlockedVault): Counsel[] {
  return readSetting<Counsel[]>(vault.store, vault.keys, SETTING_KEYS.firmCounsel) ?? [];
}

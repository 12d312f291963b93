import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog, type AuditEvent } from '../../../src-main/core/audit/audit-log';
import { VaultError } from '../../../src-main/core/errors';
import type { VaultService } from '../../../src-main/core/service';
import { tempVault } from '../../fixtures/temp-vault';

// Invented people.
const MARIA = { legalName: 'Maria Elena Ramírez', gender: 'female' } as const;
const LUKASZ = { legalName: 'Łukasz Wiśniewski', gender: 'male' } as const;

/**
 * Files with real identities (a sealed roster, a sealed filing) or the whole vault (a backup)
 * leave the vault only on the record: when the audit entry cannot be written, the file is
 * taken back and the error reaches the caller.
 */
describe('an export whose audit entry cannot be written is taken back', () => {
  let vault: VaultService;
  let dir: string;
  let cleanup: () => void;
  let caseId: string;

  beforeEach(async () => {
    ({ vault, dir, cleanup } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. Courier', court: 'Superior Court', number: 'MCV-1' }).id;
    vault.plaintiffs.addMany(caseId, [MARIA, LUKASZ]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
  });

  /** The next audit entry with this action fails as a full disk would. */
  function failToRecord(action: string): void {
    const append = AuditLog.prototype.append;
    vi.spyOn(AuditLog.prototype, 'append').mockImplementation(function (this: AuditLog, event: AuditEvent, at?: string) {
      if (event.action === action) throw new VaultError('INTERNAL', 'database or disk is full');
      return append.call(this, event, at);
    });
  }

  const actions = () => vault.audit.list().map((entry) => entry.action);

  it('a sealed roster', async () => {
    failToRecord('roster.exported');
    const destination = join(dir, 'out', 'sealed.csv');
    await expect(vault.plaintiffs.exportRoster(caseId, { sealed: true, format: 'csv' }, destination)).rejects.toThrow(/disk is full/);
    expect(existsSync(destination)).toBe(false);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    vi.restoreAllMocks();
    expect(actions()).not.toContain('roster.exported');
    await vault.plaintiffs.exportRoster(caseId, { sealed: true, format: 'csv' }, destination);
    expect(actions()).toContain('roster.exported');
  });

  it('a filing export: every file of it', async () => {
    failToRecord('filing.exported');
    const destination = join(dir, 'filing');
    const filing = { title: 'Complaint', body: 'Plaintiffs {{Jane Doe 1}} and {{John Doe 2}} sue.' };
    await expect(vault.filings.export(caseId, filing, { destination, docx: true })).rejects.toThrow(/disk is full/);
    expect(readdirSync(destination)).toEqual([]);
    vi.restoreAllMocks();
    expect(actions()).not.toContain('filing.exported');
    expect(await vault.filings.export(caseId, filing, { destination, docx: true })).toMatchObject({ status: 'exported' });
    expect(readdirSync(destination).length).toBeGreaterThan(4);
  });

  it('a backup', async () => {
    failToRecord('backup.created');
    const destination = join(dir, 'backup.doevault');
    await expect(vault.vault.backup(destination)).rejects.toThrow(/disk is full/);
    expect(readdirSync(dir).filter((name) => name.startsWith('backup') || name.startsWith('.backup'))).toEqual([]);
    vi.restoreAllMocks();
    expect(actions()).not.toContain('backup.created');
  });
});

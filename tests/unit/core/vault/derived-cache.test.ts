import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultService } from '../../../../src-main/core/service';
import { VaultStore } from '../../../../src-main/core/store';
import { PASSPHRASE, tempVault } from '../../../fixtures/temp-vault';

// The UnlockedVault's derived cache: one operation reads (and decrypts) a case's plaintiffs once,
// a change to the case is seen at once, and a lock drops every decrypted value.
describe('decrypted identities: once per operation, fresh after a change, gone after a lock', () => {
  let vault: VaultService;
  let cleanup: () => void;
  let dir: string;
  let caseId: string;
  let otherCase: string;

  beforeEach(async () => {
    ({ vault, cleanup, dir } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. Cache' }).id;
    otherCase = vault.cases.create({ title: 'Roe v. Elsewhere' }).id;
    vault.plaintiffs.addMany(caseId, [{ legalName: 'Maria Elena Ramírez', gender: 'female' }, { legalName: 'Tomás Okafor', gender: 'male' }]);
    vault.plaintiffs.add(otherCase, { legalName: 'Wilhelmina Stroud' });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
  });

  const readsOf = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map(([id]) => id);

  it('an export checks, renders and verifies with one read of each case', async () => {
    const reads = vi.spyOn(VaultStore.prototype, 'plaintiffsOfCase');
    const report = await vault.filings.export(caseId, { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} and {{John Doe 2}} sue.' }, { destination: join(dir, 'out') });
    expect(report.status).toBe('exported');
    expect(readsOf(reads).sort()).toEqual([caseId, otherCase].sort());
  });

  it('a check after a change sees the change; one after no change reads nothing again', () => {
    const reads = vi.spyOn(VaultStore.prototype, 'plaintiffsOfCase');
    expect(vault.filings.check(caseId, { title: 'C', body: 'Wilhelmina Stroud and Ada Quill.' }).questions).toHaveLength(1);
    const first = reads.mock.calls.length;
    vault.filings.check(caseId, { title: 'C', body: 'Again.' });
    expect(reads.mock.calls.length).toBe(first);
    vault.plaintiffs.add(otherCase, { legalName: 'Ada Quill' });
    expect(vault.filings.check(caseId, { title: 'C', body: 'Wilhelmina Stroud and Ada Quill.' }).questions).toHaveLength(2);
  });

  it('a lock drops what was decrypted: after unlocking, the case is read again', () => {
    vault.filings.check(caseId, { title: 'C', body: 'x' });
    const reads = vi.spyOn(VaultStore.prototype, 'plaintiffsOfCase');
    vault.vault.lock();
    expect(() => vault.filings.check(caseId, { title: 'C', body: 'x' })).toThrow(/locked/i);
    expect(reads).not.toHaveBeenCalled();
    vault.vault.unlock(PASSPHRASE);
    vault.filings.check(caseId, { title: 'C', body: 'x' });
    expect(readsOf(reads)).toContain(caseId);
  });
});

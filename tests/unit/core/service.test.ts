import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { isVaultError } from '../../../src-main/core/errors';
import { VaultService } from '../../../src-main/core/service';
import type { Keyring } from '../../../src-main/core/vault/keyring';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { codeOf } from '../../fixtures/checks';
import { PASSPHRASE, tempDir, tempVault } from '../../fixtures/temp-vault';

const NEW_PASSPHRASE = 'a different passphrase entirely';


function keyringOf(vault: VaultService): Keyring | undefined {
  const { session } = vault as unknown as { session: { isUnlocked: boolean; unlocked(): { keys: Keyring } } };
  return session.isUnlocked ? session.unlocked().keys : undefined;
}

describe('VaultService', () => {
  let vault: VaultService;
  let path: string;
  let dir: string;
  let recoveryKey: string;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ vault, path, dir, recoveryKey, cleanup } = await tempVault());
  });
  afterEach(() => cleanup());

  async function reopen(): Promise<void> {
    vault.close();
    vault = await VaultService.open(path);
  }

  describe('create, unlock and lock', () => {
    it('creates an unlocked vault and shows a recovery key of 14 groups of 4', () => {
      expect(vault.isUnlocked).toBe(true);
      expect(vault.path).toBe(path);
      expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
      expect(vault.cases.list()).toEqual([]);
      expect(vault.audit.list().map((e) => e.action)).toEqual(['vault.created']);
    });

    it('never creates over an existing file, and refuses a short passphrase before writing anything', async () => {
      expect(await codeOf(() => VaultService.create(path, PASSPHRASE, { kdf: TEST_ONLY_INSECURE_KDF }))).toBe('CONFLICT');
      const other = join(dir, 'other.doevault');
      expect(await codeOf(() => VaultService.create(other, 'too short', { kdf: TEST_ONLY_INSECURE_KDF }))).toBe('VALIDATION');
      // Long enough but weak (issue 11): refused with zxcvbn's reason.
      await expect(VaultService.create(other, 'password1234', { kdf: TEST_ONLY_INSECURE_KDF })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/too easy to guess.*similar to a commonly used password/),
      });
      expect(existsSync(other)).toBe(false);
    });

    it('opens locked; a wrong passphrase is refused; the right one unlocks', async () => {
      await reopen();
      expect(vault.isUnlocked).toBe(false);
      expect(await codeOf(() => vault.cases.list())).toBe('LOCKED');
      expect(await codeOf(() => vault.vault.unlock('not the passphrase'))).toBe('WRONG_PASSPHRASE');
      expect(vault.isUnlocked).toBe(false);
      vault.vault.unlock(PASSPHRASE);
      expect(vault.isUnlocked).toBe(true);
      expect(vault.cases.list()).toEqual([]);
    });

    it('accepts the passphrase typed in another Unicode normalisation form', async () => {
      const { dir: other, cleanup: done } = tempDir();
      try {
        const file = join(other, 'v.doevault');
        const created = await VaultService.create(file, 'crème brûlée à la carte'.normalize('NFC'), { kdf: TEST_ONLY_INSECURE_KDF });
        created.vault.close();
        const opened = await VaultService.open(file);
        opened.vault.unlock('crème brûlée à la carte'.normalize('NFD'));
        expect(opened.isUnlocked).toBe(true);
        opened.close();
      } finally {
        done();
      }
    });

    it('is LOCKED for every operation after lock(), and its keys are zeroed', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe' });
      const [plaintiff] = vault.plaintiffs.addMany(id, syntheticPlaintiffs(1));
      const keys = keyringOf(vault)!;
      const master = keys.masterKey;
      const subkeys = [keys.auditEncryption, keys.auditMac, keys.blindIndex];
      vault.vault.lock();
      expect(vault.isUnlocked).toBe(false);
      expect(master.every((b) => b === 0)).toBe(true);
      for (const key of subkeys) expect(key.every((b) => b === 0)).toBe(true);
      const operations: (() => unknown)[] = [
        () => vault.cases.list(),
        () => vault.cases.create({ title: 'x' }),
        () => vault.cases.delete(id),
        () => vault.plaintiffs.roster(id),
        () => vault.plaintiffs.sealedRoster(id),
        () => vault.plaintiffs.reveal(id, plaintiff!.id),
        () => vault.plaintiffs.add(id, { legalName: 'Jane Roe' }),
        () => vault.plaintiffs.withdraw(id, { pseudonym: plaintiff!.pseudonym }),
        () => vault.plaintiffs.findDuplicates({ legalName: 'Jane Roe' }),
        () => vault.audit.list(),
        () => vault.audit.verify(),
        () => vault.vault.backup(join(dir, 'b.doevault')),
      ];
      for (const operation of operations) expect(await codeOf(operation)).toBe('LOCKED');
      expect(existsSync(join(dir, 'b.doevault'))).toBe(false);
      vault.vault.unlock(PASSPHRASE);
      expect(vault.plaintiffs.roster(id)).toHaveLength(1);
    });

    it('records failed unlock attempts in the audit log at the next unlock', async () => {
      await reopen();
      await codeOf(() => vault.vault.unlock('wrong passphrase 1'));
      await codeOf(() => vault.vault.unlock('wrong passphrase 2'));
      vault.vault.unlock(PASSPHRASE);
      const actions = vault.audit.list().map((e) => e.action);
      expect(actions.slice(-3)).toEqual(['unlock.failed', 'unlock.failed', 'vault.unlocked']);
      expect(vault.audit.list().at(-2)!.details).toHaveProperty('attemptedAt');
      expect(vault.audit.verify()).toMatchObject({ ok: true });
    });
  });

  describe('passphrase and recovery key', () => {
    it('changes the passphrase: the old one stops working, the new one and the recovery key work, data stays', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe' });
      vault.plaintiffs.addMany(id, syntheticPlaintiffs(3));
      vault.vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
      expect(vault.isUnlocked).toBe(true);
      await reopen();
      expect(await codeOf(() => vault.vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      vault.vault.unlock(NEW_PASSPHRASE);
      expect(vault.plaintiffs.sealedRoster(id).map((p) => p.legalName)).toEqual(syntheticPlaintiffs(3).map((p) => p.legalName));
      vault.vault.lock();
      vault.vault.recover(recoveryKey, 'recovered passphrase one');
      expect(vault.plaintiffs.roster(id)).toHaveLength(3);
      expect(vault.audit.list().map((e) => e.action)).toContain('passphrase.changed');
    });

    it('refuses a wrong current passphrase or a weak new one and changes nothing', async () => {
      expect(await codeOf(() => vault.vault.changePassphrase('not the passphrase', NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      expect(await codeOf(() => vault.vault.changePassphrase(PASSPHRASE, 'short'))).toBe('VALIDATION');
      expect(() => vault.vault.changePassphrase(PASSPHRASE, 'aaaaaaaaaaaa')).toThrow(/too easy to guess.*Repeated characters/);
      await reopen();
      expect(await codeOf(() => vault.vault.unlock(NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      vault.vault.unlock(PASSPHRASE);
    });

    it('changes the passphrase while locked, after checking the current one', async () => {
      await reopen();
      vault.vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE);
      vault.vault.lock();
      vault.vault.unlock(NEW_PASSPHRASE);
      expect(vault.isUnlocked).toBe(true);
    });

    it('recovers with the recovery key, sets a new passphrase, and the recovery key still works afterwards', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe' });
      vault.plaintiffs.addMany(id, syntheticPlaintiffs(2));
      await reopen();
      vault.vault.recover(recoveryKey.toLowerCase().replace(/-/g, ' '), NEW_PASSPHRASE);
      expect(vault.isUnlocked).toBe(true);
      expect(vault.plaintiffs.roster(id)).toHaveLength(2);
      const actions = vault.audit.list().map((e) => e.action);
      expect(actions.slice(-2)).toEqual(['recovery.used', 'passphrase.changed']);
      await reopen();
      expect(await codeOf(() => vault.vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      vault.vault.unlock(NEW_PASSPHRASE);
      await reopen();
      vault.vault.recover(recoveryKey, 'third passphrase here');
      await reopen();
      vault.vault.unlock('third passphrase here');
      expect(vault.plaintiffs.roster(id)).toHaveLength(2);
      expect(vault.audit.verify()).toMatchObject({ ok: true });
    });

    it('tells a mistyped recovery key from a wrong one, and keeps the passphrase', async () => {
      await reopen();
      const typo = recoveryKey.slice(0, 5) + (recoveryKey[5] === 'A' ? 'B' : 'A') + recoveryKey.slice(6);
      let caught: unknown;
      try {
        vault.vault.recover(typo, NEW_PASSPHRASE);
      } catch (error) {
        caught = error;
      }
      expect(isVaultError(caught, 'WRONG_PASSPHRASE')).toBe(true);
      expect((caught as Error).message).toMatch(/typo/);
      const other = await tempVault();
      try {
        expect(await codeOf(() => vault.vault.recover(other.recoveryKey, NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      } finally {
        other.cleanup();
      }
      vault.vault.unlock(PASSPHRASE);
      expect(vault.audit.list().map((e) => e.action).slice(-2)).toEqual(['unlock.failed', 'vault.unlocked']);
    });
  });

  describe('backup and restore', () => {
    it('backs up a vault that restores with the same data, recorded in both audit logs', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe', court: 'District Court', number: '24-cv-0001', scheme: 'letters' });
      vault.plaintiffs.addMany(id, syntheticPlaintiffs(5));
      const backup = join(dir, 'backup.doevault');
      const report = await vault.vault.backup(backup);
      expect(report).toMatchObject({ path: backup, cases: 1 });
      expect(vault.audit.list().at(-1)).toMatchObject({ action: 'backup.created' });

      const restored = join(dir, 'restored.doevault');
      expect(await codeOf(() => VaultService.restore(backup, restored, 'not the passphrase'))).toBe('WRONG_PASSPHRASE');
      expect(existsSync(restored)).toBe(false);
      await VaultService.restore(backup, restored, PASSPHRASE);
      expect(await codeOf(() => VaultService.restore(backup, restored, PASSPHRASE))).toBe('CONFLICT');
      const copy = await VaultService.open(restored);
      try {
        copy.vault.unlock(PASSPHRASE);
        expect(copy.cases.list()).toEqual(vault.cases.list());
        expect(copy.plaintiffs.sealedRoster(id).map((p) => [p.pseudonym, p.legalName])).toEqual(
          vault.plaintiffs.sealedRoster(id).map((p) => [p.pseudonym, p.legalName]),
        );
        expect(copy.audit.list().map((e) => e.action)).toContain('vault.restored');
        expect(copy.audit.verify()).toMatchObject({ ok: true });
      } finally {
        copy.close();
      }
      expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    });

    it('never overwrites a file with a backup', async () => {
      expect(await codeOf(() => vault.vault.backup(path))).toBe('CONFLICT');
    });
  });

  describe('cases', () => {
    it('creates and lists cases with their details and plaintiff counts', () => {
      const a = vault.cases.create({ title: '  Doe v. Roe ', court: 'District Court', number: '24-cv-1', scheme: 'prefix:Officer Doe' });
      const b = vault.cases.create({ title: 'Roe v. Doe', court: '', number: '' });
      expect(a).toMatchObject({ title: 'Doe v. Roe', court: 'District Court', number: '24-cv-1', scheme: { kind: 'prefix', prefix: 'Officer Doe' }, plaintiffs: 0 });
      expect(b.scheme).toEqual({ kind: 'gendered' });
      expect(b.court).toBeUndefined();
      vault.plaintiffs.addMany(a.id, syntheticPlaintiffs(3));
      const listed = vault.cases.list();
      expect(listed.map((c) => [c.id, c.title, c.plaintiffs])).toEqual([
        [a.id, 'Doe v. Roe', 3],
        [b.id, 'Roe v. Doe', 0],
      ]);
    });

    it('validates case input, naming the field', async () => {
      for (const [input, field] of [
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(301) }, 'title'],
        [{ title: 'Doe v. Roe\u202e' }, 'title'],
        [{ title: 'Doe v. Roe', scheme: 'roman' }, 'scheme'],
      ] as const) {
        let caught: unknown;
        try {
          vault.cases.create(input);
        } catch (error) {
          caught = error;
        }
        expect(isVaultError(caught, 'VALIDATION')).toBe(true);
        expect((caught as { field?: string }).field).toBe(field);
      }
      expect(vault.cases.list()).toEqual([]);
    });

    it('deletes a case with its plaintiffs and shreds its key from the file', async () => {
      const keep = vault.cases.create({ title: 'Keep v. Roe' });
      const gone = vault.cases.create({ title: 'Gone v. Roe' });
      vault.plaintiffs.addMany(keep.id, syntheticPlaintiffs(2, 1));
      vault.plaintiffs.addMany(gone.id, syntheticPlaintiffs(4, 2));
      const db = new Database(path, { readonly: true });
      const row = db.prepare('SELECT wrapped_key, details FROM cases WHERE id = ?').get(gone.id) as { wrapped_key: Buffer; details: Buffer };
      const identities = (db.prepare('SELECT identity FROM plaintiffs WHERE case_id = ?').all(gone.id) as { identity: Buffer }[]).map((r) => r.identity);
      db.close();

      expect(vault.cases.delete(gone.id)).toEqual({ plaintiffs: 4 });
      expect(vault.cases.list().map((c) => c.id)).toEqual([keep.id]);
      expect(await codeOf(() => vault.plaintiffs.roster(gone.id))).toBe('NOT_FOUND');
      expect(await codeOf(() => vault.cases.delete(gone.id))).toBe('NOT_FOUND');
      expect(vault.plaintiffs.roster(keep.id)).toHaveLength(2);
      expect(vault.audit.list().at(-1)).toMatchObject({ action: 'case.deleted', details: { caseId: gone.id, plaintiffs: 4 } });

      const backup = join(dir, 'after-delete.doevault');
      await vault.vault.backup(backup);
      for (const file of [path, `${path}-wal`, backup]) {
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        expect(bytes.includes(row.wrapped_key), `wrapped key in ${file}`).toBe(false);
        expect(bytes.includes(row.details), `details in ${file}`).toBe(false);
        for (const identity of identities) expect(bytes.includes(identity), `identity in ${file}`).toBe(false);
      }
    });
  });

  describe('plaintiffs', () => {
    it('allocates pseudonyms per case by the case scheme', () => {
      const people = [
        { legalName: 'John Doe', gender: 'male' },
        { legalName: 'Jane Dill', gender: 'female' },
        { legalName: 'Jo Dunn', gender: 'unspecified' },
      ] as const;
      const expected: Record<string, string[]> = {
        gendered: ['John Doe 1', 'Jane Doe 2', 'Doe 3'],
        neutral: ['Doe 1', 'Doe 2', 'Doe 3'],
        letters: ['Plaintiff A', 'Plaintiff B', 'Plaintiff C'],
        initials: ['J.D.', 'J.D. 2', 'J.D. 3'],
        'prefix:Officer Doe': ['Officer Doe 1', 'Officer Doe 2', 'Officer Doe 3'],
      };
      for (const [scheme, pseudonyms] of Object.entries(expected)) {
        const { id } = vault.cases.create({ title: `Case ${scheme}`, scheme });
        expect(vault.plaintiffs.addMany(id, people).map((p) => p.pseudonym)).toEqual(pseudonyms);
        expect(vault.plaintiffs.roster(id).map((p) => p.pseudonym)).toEqual(pseudonyms);
      }
    });

    it('numbers each case on its own', () => {
      const a = vault.cases.create({ title: 'A', scheme: 'neutral' });
      const b = vault.cases.create({ title: 'B', scheme: 'neutral' });
      vault.plaintiffs.addMany(a.id, syntheticPlaintiffs(3));
      expect(vault.plaintiffs.add(b.id, { legalName: 'Jane Roe' }).pseudonym).toBe('Doe 1');
      expect(vault.plaintiffs.add(a.id, { legalName: 'Jane Roe' }).pseudonym).toBe('Doe 4');
    });

    it('disambiguates colliding initials across separate additions', () => {
      const { id } = vault.cases.create({ title: 'Initials', scheme: 'initials' });
      expect(vault.plaintiffs.add(id, { legalName: 'Jane Doe' }).pseudonym).toBe('J.D.');
      expect(vault.plaintiffs.add(id, { legalName: 'María de la Cruz' }).pseudonym).toBe('M.C.');
      expect(vault.plaintiffs.add(id, { legalName: 'John Dunn' }).pseudonym).toBe('J.D. 2');
      expect(vault.plaintiffs.addMany(id, [{ legalName: 'Jim Dale' }, { legalName: 'Mia Cole' }]).map((p) => p.pseudonym)).toEqual([
        'J.D. 3',
        'M.C. 2',
      ]);
    });

    it('keeps a withdrawn plaintiff\'s number; the next plaintiff gets the next number, never a reused one', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe', scheme: 'neutral' });
      vault.plaintiffs.addMany(id, syntheticPlaintiffs(3));
      const withdrawn = vault.plaintiffs.withdraw(id, { pseudonym: 'doe 3' }); // the label is found case-insensitively
      expect(withdrawn).toMatchObject({ pseudonym: 'Doe 3', seq: 3, status: 'withdrawn' });
      expect(withdrawn.withdrawnAt).toBeTruthy();
      expect(vault.plaintiffs.add(id, { legalName: 'Jane Roe' })).toMatchObject({ pseudonym: 'Doe 4', seq: 4, status: 'active' });
      await reopen();
      vault.vault.unlock(PASSPHRASE);
      expect(vault.plaintiffs.roster(id).map((p) => [p.seq, p.pseudonym, p.status])).toEqual([
        [1, 'Doe 1', 'active'],
        [2, 'Doe 2', 'active'],
        [3, 'Doe 3', 'withdrawn'],
        [4, 'Doe 4', 'active'],
      ]);
      expect(await codeOf(() => vault.plaintiffs.withdraw(id, { pseudonym: 'Doe 3' }))).toBe('CONFLICT');
      expect(await codeOf(() => vault.plaintiffs.withdraw(id, { pseudonym: 'Doe 9' }))).toBe('NOT_FOUND');
      expect(vault.audit.list().some((e) => e.action === 'plaintiff.withdrawn' && e.details.pseudonym === 'Doe 3')).toBe(true);
    });

    it('never reuses a number after a failed bulk addition either', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe', scheme: 'neutral' });
      vault.plaintiffs.addMany(id, syntheticPlaintiffs(2));
      expect(await codeOf(() => vault.plaintiffs.addMany(id, [{ legalName: 'Jane Roe' }, { legalName: '' }]))).toBe('VALIDATION');
      expect(vault.plaintiffs.add(id, { legalName: 'Jane Roe' }).pseudonym).toBe('Doe 3');
    });

    it('shows a roster without any identity field', () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe' });
      const input = syntheticPlaintiffs(4);
      vault.plaintiffs.addMany(id, input);
      vault.plaintiffs.withdraw(id, { pseudonym: vault.plaintiffs.roster(id)[1]!.pseudonym });
      for (const entry of vault.plaintiffs.roster(id)) {
        expect(Object.keys(entry).sort()).toEqual(
          entry.status === 'withdrawn' ? ['id', 'pseudonym', 'seq', 'status', 'withdrawnAt'] : ['id', 'pseudonym', 'seq', 'status'],
        );
      }
      const text = JSON.stringify(vault.plaintiffs.roster(id));
      for (const person of input) {
        expect(text).not.toContain(person.legalName);
        expect(text).not.toContain(person.email!);
      }
    });

    it('reveals identities only through sealedRoster and revealPlaintiff, each audited without names', async () => {
      const { id } = vault.cases.create({ title: 'Doe v. Roe' });
      const input = syntheticPlaintiffs(3);
      vault.plaintiffs.addMany(id, input);
      const sealed = vault.plaintiffs.sealedRoster(id);
      expect(sealed.map((p) => p.legalName)).toEqual(input.map((p) => p.legalName));
      expect(sealed[0]).toMatchObject({ email: input[0]!.email, dob: input[0]!.dob, status: 'active' });
      expect(vault.audit.list().at(-1)).toMatchObject({ action: 'roster.revealed', details: { caseId: id, count: 3 } });

      const target = vault.plaintiffs.roster(id)[2]!;
      const revealed = vault.plaintiffs.reveal(id, target.id);
      expect(revealed).toMatchObject({ id: target.id, pseudonym: target.pseudonym, legalName: input[2]!.legalName });
      expect(vault.audit.list().at(-1)).toMatchObject({ action: 'plaintiff.revealed', details: { caseId: id, pseudonym: target.pseudonym } });
      expect(await codeOf(() => vault.plaintiffs.reveal(id, 'no-such-id'))).toBe('NOT_FOUND');

      const audit = JSON.stringify(vault.audit.list());
      for (const person of input) {
        expect(audit).not.toContain(person.legalName);
        expect(audit).not.toContain(person.email!);
      }
    });

    it('finds the same person across cases by folded name, and flags an equal date of birth', () => {
      const a = vault.cases.create({ title: 'A' });
      const b = vault.cases.create({ title: 'B', scheme: 'letters' });
      vault.plaintiffs.addMany(a.id, [...syntheticPlaintiffs(3), { legalName: 'María Ramírez-Núñez', dob: '1984-03-07' }]);
      vault.plaintiffs.addMany(b.id, [{ legalName: 'MARIA RAMIREZ NUNEZ', dob: '1990-01-01' }]);
      const matches = vault.plaintiffs.findDuplicates({ legalName: 'maria  ramirez nuñez', dob: '1984-03-07' });
      expect(matches).toHaveLength(2);
      const inA = matches.find((m) => m.caseId === a.id)!;
      const inB = matches.find((m) => m.caseId === b.id)!;
      expect(inA).toMatchObject({ pseudonym: 'Doe 4', sameDateOfBirth: true });
      expect(inB).toMatchObject({ pseudonym: 'Plaintiff A', sameDateOfBirth: false });
      expect(vault.plaintiffs.reveal(a.id, inA.plaintiffId).legalName).toBe('María Ramírez-Núñez');
      expect(vault.plaintiffs.findDuplicates({ legalName: 'Maria Ramirez' })).toEqual([]);
      expect(vault.plaintiffs.findDuplicates({ legalName: 'MARIA RAMIREZ NUNEZ' }).every((m) => !m.sameDateOfBirth)).toBe(true);
    });

    it('adds 1,000 plaintiffs in one call, in order', () => {
      const { id } = vault.cases.create({ title: 'Bulk', scheme: 'neutral' });
      const added = vault.plaintiffs.addMany(id, syntheticPlaintiffs(1000, 7));
      expect(added.map((p) => p.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(vault.cases.list()[0]!.plaintiffs).toBe(1000);
      expect(vault.audit.list().at(-1)).toMatchObject({ action: 'plaintiffs.added', details: { caseId: id, count: 1000 } });
    });

    it('refuses an unknown case', async () => {
      expect(await codeOf(() => vault.plaintiffs.add('nope', { legalName: 'Jane Roe' }))).toBe('NOT_FOUND');
      expect(await codeOf(() => vault.plaintiffs.roster('nope'))).toBe('NOT_FOUND');
    });
  });
});

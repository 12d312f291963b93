import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src-main/core/errors';
import { VaultService } from '../../../src-main/core/service';
import { PASSPHRASE } from '../../fixtures/temp-vault';
import { codeOf, copyVault, flipBit, sampleVault, withDb, type Sample } from './helpers/raw';

/**
 * Tampering happens with the vault closed, directly in the file; then the vault is opened and
 * used as normal. Every stored ciphertext must fail as DAMAGED and never come back as data.
 */
describe('stored ciphertexts', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleVault();
  });
  afterAll(() => sample.cleanup());

  /** Runs `use` on an unlocked vault and returns its outcome: its result, or the error code. */
  async function outcome(path: string, use: (vault: VaultService) => unknown): Promise<ErrorCode | 'none'> {
    const vault = await VaultService.open(path);
    try {
      const unlocked = await codeOf(() => vault.vault.unlock(PASSPHRASE));
      if (unlocked !== 'none') return unlocked;
      return await codeOf(() => use(vault));
    } finally {
      vault.close();
    }
  }

  function plaintiffIds(path: string, caseId: string): string[] {
    return withDb(path, (db) => (db.prepare('SELECT id FROM plaintiffs WHERE case_id = ? ORDER BY seq').all(caseId) as { id: string }[]).map((r) => r.id), {
      readonly: true,
    });
  }

  interface Target {
    table: string;
    column: string;
    where: (s: Sample) => [string, unknown[]];
    /** Operations that must read the blob, each expected to fail as DAMAGED. */
    uses: ((vault: VaultService, s: Sample, path: string) => unknown)[];
  }

  const targets: Record<string, Target> = {
    'cases.details': {
      table: 'cases',
      column: 'details',
      where: (s) => ['id = ?', [s.caseA]],
      uses: [(v) => v.cases.list(), (v, s) => v.plaintiffs.roster(s.caseA), (v, s) => v.plaintiffs.add(s.caseA, { legalName: 'Jane Roe' })],
    },
    'cases.wrapped_key': {
      table: 'cases',
      column: 'wrapped_key',
      where: (s) => ['id = ?', [s.caseB]],
      uses: [(v) => v.cases.list(), (v, s) => v.plaintiffs.roster(s.caseB), (v, s) => v.plaintiffs.sealedRoster(s.caseB)],
    },
    'plaintiffs.public': {
      table: 'plaintiffs',
      column: 'public',
      where: (s) => ['case_id = ? AND seq = 2', [s.caseA]],
      uses: [(v, s) => v.plaintiffs.roster(s.caseA), (v, s) => v.plaintiffs.sealedRoster(s.caseA), (v, s, p) => v.plaintiffs.reveal(s.caseA, plaintiffIds(p, s.caseA)[1]!)],
    },
    'plaintiffs.identity': {
      table: 'plaintiffs',
      column: 'identity',
      where: (s) => ['case_id = ? AND seq = 3', [s.caseA]],
      uses: [(v, s) => v.plaintiffs.sealedRoster(s.caseA), (v, s, p) => v.plaintiffs.reveal(s.caseA, plaintiffIds(p, s.caseA)[2]!)],
    },
    'audit_log.entry': {
      table: 'audit_log',
      column: 'entry',
      where: () => ['seq = 2', []],
      uses: [(v) => v.audit.list()],
    },
    'meta.key_check': {
      table: 'meta',
      column: 'key_check',
      where: () => ['singleton = 1', []],
      uses: [() => undefined], // unlock itself must fail
    },
  };

  function flip(path: string, target: Target, bit: (length: number) => number): void {
    withDb(path, (db) => {
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
      const [where, params] = target.where(sample);
      const row = db.prepare(`SELECT ${target.column} AS value FROM ${target.table} WHERE ${where}`).get(...params) as { value: Buffer };
      const changed = db
        .prepare(`UPDATE ${target.table} SET ${target.column} = ? WHERE ${where}`)
        .run(flipBit(row.value, bit(row.value.length)), ...params).changes;
      if (changed !== 1) throw new Error('tampering changed no row');
    });
  }

  const positions: [string, (length: number) => number][] = [
    ['the format byte', () => 0],
    ['the nonce', () => 8 * 7 + 5],
    ['the ciphertext', (length) => 8 * (25 + ((length - 41) >> 1))],
    ['the tag', (length) => length * 8 - 1],
  ];

  for (const [name, target] of Object.entries(targets)) {
    describe(name, () => {
      it('is readable when intact', async () => {
        const path = copyVault(sample);
        for (const use of target.uses) expect(await outcome(path, (v) => use(v, sample, path))).toBe('none');
      });

      it.each(positions)('with one flipped bit in %s is DAMAGED', async (_, bit) => {
        const path = copyVault(sample);
        flip(path, target, bit);
        for (const use of target.uses) expect(await outcome(path, (v) => use(v, sample, path))).toBe('DAMAGED');
      });
    });
  }

  it('a flipped bit in an audit entry also fails verification, naming the entry', async () => {
    const path = copyVault(sample);
    flip(path, targets['audit_log.entry']!, (length) => length * 4);
    const vault = await VaultService.open(path);
    try {
      vault.vault.unlock(PASSPHRASE);
      expect(vault.audit.verify()).toMatchObject({ ok: false, firstBadEntry: 2 });
    } finally {
      vault.close();
    }
  });

  it('a flipped bit in the key check is DAMAGED at unlock, not WRONG_PASSPHRASE', async () => {
    const path = copyVault(sample);
    flip(path, targets['meta.key_check']!, () => 77);
    const vault = await VaultService.open(path);
    try {
      expect(await codeOf(() => vault.vault.unlock(PASSPHRASE))).toBe('DAMAGED');
      expect(await codeOf(() => vault.vault.recover(sample.recoveryKey, 'a brand new passphrase'))).toBe('DAMAGED');
      expect(vault.isUnlocked).toBe(false);
    } finally {
      vault.close();
    }
  });

  describe('moved to another place', () => {
    async function expectDamaged(path: string, use: (vault: VaultService, ids: { a: string[]; b: string[] }) => unknown): Promise<void> {
      const ids = { a: plaintiffIds(path, sample.caseA), b: plaintiffIds(path, sample.caseB) };
      expect(await outcome(path, (v) => use(v, ids))).toBe('DAMAGED');
    }

    it('identity copied from another plaintiff of the same case', async () => {
      const path = copyVault(sample);
      const [first, second] = plaintiffIds(path, sample.caseA);
      withDb(path, (db) =>
        db.prepare('UPDATE plaintiffs SET identity = (SELECT identity FROM plaintiffs WHERE id = ?) WHERE id = ?').run(first, second),
      );
      await expectDamaged(path, (v, ids) => v.plaintiffs.reveal(sample.caseA, ids.a[1]!));
      await expectDamaged(path, (v) => v.plaintiffs.sealedRoster(sample.caseA));
      // The case head notices the copy: the vault opens damaged, so no one in it is revealed,
      // not even the plaintiff whose identity was copied; the public roster still reads.
      expect(await outcome(path, (v) => v.plaintiffs.reveal(sample.caseA, first!))).toBe('DAMAGED');
      expect(await outcome(path, (v) => v.plaintiffs.roster(sample.caseA))).toBe('none');
    });

    it('identity copied from a plaintiff of another case', async () => {
      const path = copyVault(sample);
      const [fromB] = plaintiffIds(path, sample.caseB);
      const [toA] = plaintiffIds(path, sample.caseA);
      withDb(path, (db) =>
        db.prepare('UPDATE plaintiffs SET identity = (SELECT identity FROM plaintiffs WHERE id = ?) WHERE id = ?').run(fromB, toA),
      );
      await expectDamaged(path, (v, ids) => v.plaintiffs.reveal(sample.caseA, ids.a[0]!));
    });

    it('public part copied from another plaintiff (a pseudonym swap)', async () => {
      const path = copyVault(sample);
      const [first, second] = plaintiffIds(path, sample.caseA);
      withDb(path, (db) =>
        db.prepare('UPDATE plaintiffs SET public = (SELECT public FROM plaintiffs WHERE id = ?) WHERE id = ?').run(first, second),
      );
      await expectDamaged(path, (v) => v.plaintiffs.roster(sample.caseA));
    });

    it('public part copied into the identity field of the same row', async () => {
      const path = copyVault(sample);
      const [first] = plaintiffIds(path, sample.caseA);
      withDb(path, (db) => db.prepare('UPDATE plaintiffs SET identity = public WHERE id = ?').run(first));
      await expectDamaged(path, (v, ids) => v.plaintiffs.reveal(sample.caseA, ids.a[0]!));
    });

    it('a plaintiff row moved to another case', async () => {
      const path = copyVault(sample);
      const [moved] = plaintiffIds(path, sample.caseA);
      withDb(path, (db) => db.prepare('UPDATE plaintiffs SET case_id = ?, seq = 99 WHERE id = ?').run(sample.caseB, moved));
      await expectDamaged(path, (v) => v.plaintiffs.roster(sample.caseB));
      await expectDamaged(path, (v) => v.plaintiffs.reveal(sample.caseB, moved!));
      await expectDamaged(path, (v) => v.plaintiffs.sealedRoster(sample.caseB));
    });

    it('two plaintiffs swapping their row ids', async () => {
      const path = copyVault(sample);
      const [first, second] = plaintiffIds(path, sample.caseA);
      withDb(path, (db) => {
        db.prepare("UPDATE plaintiffs SET id = 'swap' WHERE id = ?").run(first);
        db.prepare('UPDATE plaintiffs SET id = ? WHERE id = ?').run(first, second);
        db.prepare("UPDATE plaintiffs SET id = ? WHERE id = 'swap'").run(second);
      });
      await expectDamaged(path, (v) => v.plaintiffs.roster(sample.caseA));
    });

    it('case details copied from another case', async () => {
      const path = copyVault(sample);
      withDb(path, (db) =>
        db.prepare('UPDATE cases SET details = (SELECT details FROM cases WHERE id = ?) WHERE id = ?').run(sample.caseA, sample.caseB),
      );
      await expectDamaged(path, (v) => v.cases.list());
      await expectDamaged(path, (v) => v.plaintiffs.roster(sample.caseB));
    });

    it('a case key copied from another case', async () => {
      const path = copyVault(sample);
      withDb(path, (db) =>
        db.prepare('UPDATE cases SET wrapped_key = (SELECT wrapped_key FROM cases WHERE id = ?) WHERE id = ?').run(sample.caseA, sample.caseB),
      );
      await expectDamaged(path, (v) => v.plaintiffs.roster(sample.caseB));
    });

    it('a key check copied from another vault', async () => {
      const other = await sampleVault();
      try {
        const path = copyVault(sample);
        const keyCheck = withDb(other.path, (db) => (db.prepare('SELECT key_check FROM meta').get() as { key_check: Buffer }).key_check);
        withDb(path, (db) => db.prepare('UPDATE meta SET key_check = ?').run(keyCheck));
        expect(await outcome(path, () => undefined)).toBe('DAMAGED');
      } finally {
        other.cleanup();
      }
    });

    it('a whole case (row and plaintiffs) copied in from another vault', async () => {
      const other = await sampleVault();
      try {
        const path = copyVault(sample);
        withDb(path, (db) => {
          db.prepare('ATTACH DATABASE ? AS other').run(other.path);
          db.prepare('INSERT INTO main.cases SELECT * FROM other.cases WHERE id = ?').run(other.caseA);
          db.prepare('INSERT INTO main.plaintiffs SELECT * FROM other.plaintiffs WHERE case_id = ?').run(other.caseA);
          db.exec('DETACH DATABASE other');
        });
        await expectDamaged(path, (v) => v.cases.list());
        await expectDamaged(path, (v) => v.plaintiffs.roster(other.caseA));
        // The vault head notices the added case: the vault's own cases keep their public
        // roster, but nothing is revealed until a backup is restored.
        expect(await outcome(path, (v) => v.plaintiffs.roster(sample.caseA))).toBe('none');
        expect(await outcome(path, (v) => v.plaintiffs.sealedRoster(sample.caseA))).toBe('DAMAGED');
      } finally {
        other.cleanup();
      }
    });
  });
});

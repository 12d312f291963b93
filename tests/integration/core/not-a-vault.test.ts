import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src-main/core/errors';
import { VaultService } from '../../../src-main/core/service';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { PASSPHRASE, tempVault } from '../../fixtures/temp-vault';
import { codeOf, copyVault, openUnlocked, sampleVault, sha256, withDb, type Sample } from './helpers/raw';

/**
 * Files that are not (usable) vaults are refused with a clear error, and are left exactly as
 * they were: same bytes, no journal or WAL files created beside them.
 */
describe('a file that is not a usable vault', () => {
  let sample: Sample;
  beforeAll(async () => {
    sample = await sampleVault();
  });
  afterAll(() => sample.cleanup());

  function siblings(path: string): string[] {
    return readdirSync(join(path, '..')).filter((name) => name.startsWith(basename(path)) && name !== basename(path));
  }

  async function expectRefusedUntouched(path: string, code: ErrorCode, message: RegExp): Promise<void> {
    const before = sha256(path);
    let caught: unknown;
    try {
      const vault = await VaultService.open(path);
      vault.close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code });
    expect((caught as Error).message).toMatch(message);
    expect(sha256(path)).toBe(before);
    expect(siblings(path)).toEqual([]);
    // Restoring from it is refused the same way, and leaves nothing behind either.
    const restored = join(sample.dir, `restored-from-${basename(path)}`);
    expect(await codeOf(() => VaultService.restore(path, restored, PASSPHRASE))).toBe(code);
    expect(existsSync(restored)).toBe(false);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(sample.dir).filter((name) => name.includes('restor'))).toEqual([]);
  }

  it('random bytes: NOT_A_VAULT', async () => {
    const path = join(sample.dir, 'random.bin');
    writeFileSync(path, randomBytes(64 * 1024));
    await expectRefusedUntouched(path, 'NOT_A_VAULT', /not a DoeVault vault/);
  });

  it('a plain SQLite database without our application id: NOT_A_VAULT', async () => {
    const path = join(sample.dir, 'plain.sqlite');
    withDb(path, (db) => db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');"), { fileMustExist: false });
    await expectRefusedUntouched(path, 'NOT_A_VAULT', /database, but not a DoeVault vault/);
  });

  it('a SQLite database with a vault-like schema but no application id: NOT_A_VAULT', async () => {
    const path = join(sample.dir, 'lookalike.sqlite');
    copyFileSync(copyVault(sample), path);
    withDb(path, (db) => db.pragma('application_id = 0'));
    await expectRefusedUntouched(path, 'NOT_A_VAULT', /not a DoeVault vault/);
  });

  it('a FIFO, a device: NOT_A_VAULT at once, never waited on (issue 11)', async () => {
    const fifo = join(sample.dir, 'fifo.doevault');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero']) {
      await expect(VaultService.open(path), path).rejects.toMatchObject({ code: 'NOT_A_VAULT', message: expect.stringMatching(/not a regular file/) });
    }
  });

  it('an empty file: NOT_A_VAULT', async () => {
    const path = join(sample.dir, 'empty.doevault');
    writeFileSync(path, '');
    await expectRefusedUntouched(path, 'NOT_A_VAULT', /not a DoeVault vault/);
  });

  it.each([
    ['to half its size', (size: number) => Math.floor(size / 2)],
    ['by one page', (size: number) => size - 4096],
    ['to one page', () => 4096],
  ])('a vault truncated %s: DAMAGED', async (_, newSize) => {
    const path = copyVault(sample);
    truncateSync(path, newSize(readFileSync(path).length));
    await expectRefusedUntouched(path, 'DAMAGED', /truncated.*Restore the vault from a backup/);
  });

  it('a vault truncated to less than its header: NOT_A_VAULT', async () => {
    const path = copyVault(sample);
    truncateSync(path, 50);
    await expectRefusedUntouched(path, 'NOT_A_VAULT', /not a DoeVault vault/);
  });

  it('a vault from a newer schema (user_version 99): UNSUPPORTED_VERSION', async () => {
    const path = copyVault(sample);
    withDb(path, (db) => {
      db.pragma('user_version = 99');
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    expect(existsSync(`${path}-wal`)).toBe(false);
    await expectRefusedUntouched(path, 'UNSUPPORTED_VERSION', /newer version of DoeVault.*format 99/);
  });

  it('a vault with a damaged page inside: DAMAGED, never opened for use', async () => {
    const path = copyVault(sample);
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite the b-tree header of every page after the first: structure, not just content.
    for (let page = 1; page * pageSize < bytes.length; page++) bytes.fill(0xff, page * pageSize, page * pageSize + 12);
    writeFileSync(path, bytes);
    expect(await codeOf(async () => (await VaultService.open(path)).close())).toBe('DAMAGED');
    expect(siblings(path)).toEqual([]);
  });
});

describe('a vault left by a crash in the middle of a checkpoint', () => {
  it('opens with all its data (it is not truncated: the missing pages are in its write-ahead log)', async () => {
    const { vault, path, dir, cleanup } = await tempVault();
    try {
      const caseId = vault.cases.create({ title: 'Doe v. Example Corp' }).id;
      vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(20, 5));
      // A reader holding an old snapshot keeps the next writes in the WAL (no checkpoint can pass it).
      const reader = new Database(path, { readonly: true });
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM plaintiffs').get();
      vault.plaintiffs.addMany(caseId, syntheticPlaintiffs(300, 6));
      // The crash: a copy of the files as they are on disk now.
      const crashed = join(dir, 'crashed.doevault');
      copyFileSync(path, crashed);
      copyFileSync(`${path}-wal`, `${crashed}-wal`);
      reader.prepare('COMMIT').run();
      reader.close();

      // The interrupted checkpoint had copied page 1 (the header, with the new page count) only.
      const wal = readFileSync(`${crashed}-wal`);
      const pageSize = wal.readUInt32BE(8);
      let page1: Buffer | undefined;
      for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
        if (wal.readUInt32BE(at) === 1) page1 = wal.subarray(at + 24, at + 24 + pageSize);
      }
      expect(page1).toBeDefined();
      const main = readFileSync(crashed);
      page1!.copy(main, 0);
      writeFileSync(crashed, main);
      expect(page1!.readUInt32BE(28) * pageSize).toBeGreaterThan(main.length);

      const recovered = await openUnlocked(crashed);
      try {
        expect(recovered.cases.list()[0]!.plaintiffs).toBe(320);
        expect(recovered.audit.verify()).toMatchObject({ ok: true });
      } finally {
        recovered.close();
      }
      withDb(crashed, (db) => expect(db.pragma('integrity_check', { simple: true })).toBe('ok'), { readonly: true });
    } finally {
      cleanup();
    }
  });
});

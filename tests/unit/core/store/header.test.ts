import Database from 'better-sqlite3';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectVaultFile, SCHEMA_VERSION } from '../../../../src-main/core/store';
import { codeOf } from '../../../fixtures/checks';
import { bareVault } from '../helpers';


describe('inspectVaultFile', () => {
  let path: string;
  let dir: string;
  let cleanup: () => void;

  beforeEach(async () => {
    const vault = await bareVault();
    ({ path, dir, cleanup } = vault);
    vault.store.close(); // checkpointed: everything is in the main file
  });
  afterEach(() => cleanup());

  it('accepts a vault and reports its schema version', async () => {
    expect(inspectVaultFile(path)).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it('reports a missing file as NOT_FOUND', async () => {
    expect(await codeOf(() => inspectVaultFile(join(dir, 'nope.doevault')))).toBe('NOT_FOUND');
  });

  it('reports short, foreign and empty files as NOT_A_VAULT', async () => {
    const other = join(dir, 'other');
    for (const content of [Buffer.alloc(0), Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]) {
      writeFileSync(other, content);
      expect(await codeOf(() => inspectVaultFile(other))).toBe('NOT_A_VAULT');
    }
    const plain = join(dir, 'plain.sqlite');
    const db = new Database(plain);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(await codeOf(() => inspectVaultFile(plain))).toBe('NOT_A_VAULT');
    expect(() => inspectVaultFile(plain)).toThrow(/not a DoeVault vault/);
  });

  it('reports a truncated vault as DAMAGED', async () => {
    const size = readFileSync(path).length;
    truncateSync(path, size - 4096);
    expect(await codeOf(() => inspectVaultFile(path))).toBe('DAMAGED');
    expect(() => inspectVaultFile(path)).toThrow(/truncated/);
  });

  it('reports a vault of a newer schema as UNSUPPORTED_VERSION', async () => {
    const bytes = readFileSync(path);
    bytes.writeUInt32BE(SCHEMA_VERSION + 1, 60);
    writeFileSync(path, bytes);
    expect(await codeOf(() => inspectVaultFile(path))).toBe('UNSUPPORTED_VERSION');
    expect(() => inspectVaultFile(path)).toThrow(/newer version of DoeVault/);
  });

  it('does not judge the size of a vault whose write-ahead log holds pages beyond it', async () => {
    // A checkpoint interrupted by a crash: page 1 (with the new page count) is already in the
    // main file, later pages are still only in the WAL. SQLite recovers this; it is not damage.
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    bytes.writeUInt32BE(bytes.readUInt32BE(28) + 10, 28);
    writeFileSync(path, bytes);
    writeFileSync(`${path}-wal`, Buffer.alloc(32 + 10 * (24 + pageSize), 1));
    expect(await codeOf(() => inspectVaultFile(path))).toBe('none');
    // A log too small to supply the missing pages does not excuse a truncated file.
    writeFileSync(`${path}-wal`, Buffer.alloc(32 + 9 * (24 + pageSize), 1));
    expect(await codeOf(() => inspectVaultFile(path))).toBe('DAMAGED');
  });
});

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src-main/core/errors';
import { WorkerVaultHost } from '../../../src-main/core/host/worker-vault-host';
import { PASSPHRASE, tempDir } from '../../fixtures/temp-vault';

// The desktop app runs the vault in a worker thread built to out/main/vault-worker.js, so that
// Argon2id and bulk work never freeze the window. `npm test` builds before running this.
const WORKER = resolve(import.meta.dirname, '../../../out/main/vault-worker.js');

describe('the vault in a worker thread', () => {
  const { dir, cleanup } = tempDir('doevault-worker-');
  let host: WorkerVaultHost;

  beforeAll(() => {
    if (!existsSync(WORKER) || statSync(WORKER).mtimeMs < statSync(resolve(import.meta.dirname, '../../../src-main/core/host/vault-worker.ts')).mtimeMs) {
      throw new Error('out/main/vault-worker.js is missing or stale: run `npm run build` first');
    }
    // The real default KDF (MODERATE, about a second per derivation): that is what must not block.
    host = new WorkerVaultHost(WORKER);
  });
  afterAll(async () => {
    await host.terminate();
    cleanup();
  });

  it('keeps the calling thread responsive while Argon2id runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    await host.create(join(dir, 'vault.doevault'), PASSPHRASE);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(elapsed).toBeGreaterThan(300); // two MODERATE derivations really ran
    // A blocked event loop would tick a handful of times at most; a free one about every 10 ms.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it('forwards calls and results', async () => {
    const created = await host.call('createCase', { title: 'Does v. Worker', scheme: 'letters' });
    await host.call('addPlaintiff', created.id, { legalName: 'Ada Lovelace-Byron' });
    expect(await host.call('roster', created.id)).toEqual([expect.objectContaining({ pseudonym: 'Plaintiff A', status: 'active' })]);
    expect(await host.status()).toEqual({ path: join(dir, 'vault.doevault'), open: true, unlocked: true });
  });

  it('brings VaultErrors back as VaultErrors, with code and field', async () => {
    const error = await host.call('addPlaintiff', 'nocase', { legalName: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'legalName' });
    await host.call('lock');
    await expect(host.call('listCases')).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(host.call('unlock', 'wrong passphrase, surely')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });
});

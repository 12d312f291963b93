import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { VaultError } from '../../../src-main/core/errors';
import { WorkerVaultHost } from '../../../src-main/core/host/worker-vault-host';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
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
    const created = await host.call('cases.create', { title: 'Does v. Worker', scheme: 'letters' });
    await host.call('plaintiffs.add', created.id, { legalName: 'Ada Lovelace-Byron' });
    expect(await host.call('plaintiffs.roster', created.id)).toEqual([expect.objectContaining({ pseudonym: 'Plaintiff A', status: 'active' })]);
    expect(await host.status()).toEqual({ path: join(dir, 'vault.doevault'), open: true, unlocked: true });
  });

  it('brings VaultErrors back as VaultErrors, with code and field', async () => {
    const error = await host.call('plaintiffs.add', 'nocase', { legalName: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'legalName' });
    await host.call('vault.lock');
    await expect(host.call('cases.list')).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(host.call('vault.unlock', 'wrong passphrase, surely')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });
});

describe('long calls in the worker: progress out, cancel in', () => {
  const { dir, cleanup } = tempDir('doevault-worker-run-');
  let host: WorkerVaultHost;
  let caseId: string;

  beforeAll(async () => {
    host = new WorkerVaultHost(WORKER, { kdf: TEST_ONLY_INSECURE_KDF });
    await host.create(join(dir, 'vault.doevault'), PASSPHRASE);
    caseId = (await host.call('cases.create', { title: 'Does v. Progress', scheme: 'gendered' })).id;
    await host.call('plaintiffs.add', caseId, { legalName: 'Maria Elena Ramírez', gender: 'female' });
  });
  afterAll(async () => {
    await host.terminate();
    cleanup();
  });

  it("delivers the export's progress as messages, determinate and in order, before the result", async () => {
    const seen: [number, number | null, string][] = [];
    let settled = false;
    const report = await host
      .run('filings.export', [caseId, { title: 'Complaint', body: 'The plaintiff {{Jane Doe 1}} sues.' }, { destination: join(dir, 'export') }], {
        onProgress: (done, total, step) => {
          expect(settled).toBe(false);
          seen.push([done, total, step]);
        },
      })
      .finally(() => (settled = true));
    expect(report.status).toBe('exported');
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, total]) => total === seen[0]![1])).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('a cancel reaches the worker while it is busy: a call waiting behind a long one stops with CANCELLED', async () => {
    // 20,000 plaintiffs in one synchronous transaction keep the worker's thread busy for a while.
    const busy = host.call('plaintiffs.addMany', caseId, syntheticPlaintiffs(20_000, 3));
    const file = join(dir, 'never.csv');
    writeFileSync(file, 'Name\nNever Imported\n');
    const controller = new AbortController();
    const waiting = host.run('intake.import', [caseId, file, { mapping: ['legalName'], onDuplicate: 'fail' }], { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await busy).toHaveLength(20_000);
    expect(await host.call('plaintiffs.search', caseId, 'Never Imported')).toEqual([]);
  });

  it('cancels an import in the middle of its one transaction, from this thread, while the worker is busy writing', async () => {
    const file = join(dir, 'intake.csv');
    writeFileSync(file, ['Name,Date of Birth', ...Array.from({ length: 20_000 }, (_, i) => `Person Number${i},1980-01-${String((i % 28) + 1).padStart(2, '0')}`)].join('\n'));
    const { mapping } = await host.call('intake.inspect', caseId, file, {});
    const before = (await host.call('plaintiffs.roster', caseId)).length;
    const controller = new AbortController();
    const seen: [number, number | null, string][] = [];
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    // The worker holds after its first written batch until the abort reaches it: without the
    // hold, a loaded machine could deliver the progress message after the commit.
    host.holdAtStep = 'Writing';
    const importing = host.run('intake.import', [caseId, file, { mapping, onDuplicate: 'skip' }], {
      signal: controller.signal,
      onProgress: (done, total, step) => {
        seen.push([done, total, step]);
        if (step === 'Writing' && done > 0) controller.abort();
      },
    });
    await expect(importing).rejects.toMatchObject({ code: 'CANCELLED' }).finally(() => (host.holdAtStep = undefined));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    const writing = seen.filter(([, , step]) => step === 'Writing');
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every(([done, total]) => total !== null && done < total)).toBe(true); // stopped before the end
    expect(await host.call('plaintiffs.roster', caseId)).toHaveLength(before);
    expect((await host.call('audit.verify')).ok).toBe(true);
  });

  it('an abort after the call finished changes nothing', async () => {
    const file = join(dir, 'made.csv');
    writeFileSync(file, 'Name\nMade Person\n');
    const controller = new AbortController();
    const imported = await host.run('intake.import', [caseId, file, { mapping: ['legalName'], onDuplicate: 'fail' }], { signal: controller.signal });
    controller.abort();
    expect(imported.added).toBe(1);
    expect(await host.call('plaintiffs.search', caseId, 'Made Person')).toHaveLength(1);
  });
});

describe('a vault worker that runs out of memory', () => {
  const { dir, cleanup } = tempDir('doevault-worker-oom-');
  afterAll(cleanup);

  it('stops with a clear error instead of hanging, and the vault opens intact afterwards', { timeout: 120_000 }, async () => {
    const path = join(dir, 'vault.doevault');
    // A heap far below the app's (VAULT_WORKER_LIMITS), so that an import within the intake limits exceeds it.
    const small = new WorkerVaultHost(WORKER, { kdf: TEST_ONLY_INSECURE_KDF }, { maxOldGenerationSizeMb: 48 });
    let caseId: string;
    try {
      await small.create(path, PASSPHRASE);
      caseId = (await small.call('cases.create', { title: 'Does v. Memory', scheme: 'neutral' })).id;
      const csv = join(dir, 'big.csv');
      const note = 'n'.repeat(400);
      const lines = ['Name,Date of Birth,Notes'];
      for (let i = 0; i < 90_000; i++) lines.push(`First${i} Last${i},1980-01-01,${note}${i}`);
      writeFileSync(csv, `${lines.join('\n')}\n`);
      const { mapping } = await small.call('intake.inspect', caseId, csv);
      const error = await small.call('intake.import', caseId, csv, { mapping, onDuplicate: 'import' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VaultError);
      expect(error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/ran out of memory \(its limit is 48 MB\).*vault file is unchanged/) });
      // Later calls fail at once with the same error rather than waiting on a dead thread.
      await expect(small.call('cases.list')).rejects.toMatchObject({ code: 'INTERNAL' });
    } finally {
      await small.terminate();
    }
    const host = new WorkerVaultHost(WORKER);
    try {
      await host.open(path);
      await host.call('vault.unlock', PASSPHRASE);
      expect(await host.call('audit.verify')).toMatchObject({ ok: true });
      expect((await host.call('cases.list')).map((c) => c.plaintiffs)).toEqual([0]);
    } finally {
      await host.terminate();
    }
  });
});

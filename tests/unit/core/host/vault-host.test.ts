import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../../src-main/core/crypto';
import { InProcessVaultHost, withControl } from '../../../../src-main/core/host/vault-host';
import { PASSPHRASE, tempDir } from '../../../fixtures/temp-vault';

// The host protocol in the calling thread (what the worker runs, and what the IPC tests use):
// `run` gives a long method an OperationControl built from the caller's options.
describe('InProcessVaultHost.run: progress and cancel', () => {
  let host: InProcessVaultHost;
  let dir: string;
  let cleanup: () => void;
  let caseId: string;

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir('doevault-host-'));
    host = new InProcessVaultHost({ kdf: TEST_ONLY_INSECURE_KDF });
    await host.create(join(dir, 'vault.doevault'), PASSPHRASE);
    caseId = (await host.call('cases.create', { title: 'Does v. Host', scheme: 'gendered' })).id;
    await host.call('plaintiffs.add', caseId, { legalName: 'Maria Elena Ramírez', gender: 'female' });
  });
  afterEach(async () => {
    await host.close();
    cleanup();
  });

  it('without options, runs like call', async () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'Name\nOne Person\n');
    const options = { mapping: ['legalName' as const] };
    expect(await host.run('intake.preview', [caseId, file, options])).toEqual(await host.call('intake.preview', caseId, file, options));
  });

  it('a call cancelled before it starts does nothing and fails with CANCELLED', async () => {
    const controller = new AbortController();
    controller.abort();
    const file = join(dir, 'never.csv');
    writeFileSync(file, 'Name\nNever Imported\n');
    const before = await host.call('plaintiffs.roster', caseId);
    await expect(host.run('intake.import', [caseId, file, { mapping: ['legalName'], onDuplicate: 'fail' }], { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(await host.call('plaintiffs.roster', caseId)).toEqual(before);
  });

  it("the export's steps arrive as (done, total, step), counting up to a known total", async () => {
    const seen: [number, number | null, string][] = [];
    const report = await host.run(
      'filings.export',
      [caseId, { title: 'Complaint', body: 'The plaintiff {{Jane Doe 1}} sues.' }, { destination: join(dir, 'export') }],
      { onProgress: (done, total, step) => seen.push([done, total, step]) },
    );
    expect(report.status).toBe('exported');
    expect(seen.length).toBeGreaterThan(2);
    const total = seen[0]![1];
    expect(total).toBeGreaterThanOrEqual(seen.length);
    expect(seen.map(([done]) => done)).toEqual(seen.map((_, i) => i + 1));
    for (const [, t, step] of seen) {
      expect(t).toBe(total);
      expect(step).toMatch(/\S/);
    }
  });

  it('gives a long method its control by name, in its options, and refuses a call without options', () => {
    const calls: unknown[] = [];
    const control = { onProgress: (...args: unknown[]) => calls.push(args) };
    const [a, b, options] = withControl(['c', 'f', { destination: '/x', docx: true }], control);
    expect([a, b]).toEqual(['c', 'f']);
    expect(options).toMatchObject({ destination: '/x', docx: true, control });
    expect(() => withControl(['c'], control)).toThrow(/options/);
  });
});

describe('InProcessVaultHost.run: an import cancelled while it writes', () => {
  it('stops with CANCELLED and leaves the vault as it was', async () => {
    const { dir, cleanup } = tempDir('doevault-host-import-');
    const host = new InProcessVaultHost({ kdf: TEST_ONLY_INSECURE_KDF });
    try {
      await host.create(join(dir, 'vault.doevault'), PASSPHRASE);
      const caseId = (await host.call('cases.create', { title: 'Does v. Cancel', scheme: 'neutral' })).id;
      const file = join(dir, 'intake.csv');
      writeFileSync(file, ['Name,Email', ...Array.from({ length: 5_000 }, (_, i) => `Person Number${i},p${i}@example.org`)].join('\n'));
      const { mapping } = await host.call('intake.inspect', caseId, file, {});
      const controller = new AbortController();
      const steps = new Set<string>();
      const importing = host.run('intake.import', [caseId, file, { mapping, onDuplicate: 'fail' }], {
        signal: controller.signal,
        onProgress: (done, total, step) => {
          steps.add(step);
          expect(total === null || done <= total).toBe(true);
          if (step === 'Writing' && done >= 2_000) controller.abort();
        },
      });
      await expect(importing).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(steps.has('Writing')).toBe(true);
      expect(await host.call('plaintiffs.roster', caseId)).toEqual([]);
      // And without the cancel, the same import goes through.
      expect(await host.run('intake.import', [caseId, file, { mapping, onDuplicate: 'fail' }])).toMatchObject({ added: 5_000 });
    } finally {
      await host.close();
      cleanup();
    }
  });
});

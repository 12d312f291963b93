import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { ERROR_CODES } from '../../../src-main/core/errors';
import { InProcessVaultHost } from '../../../src-main/core/host/vault-host';
import { DesktopSession, type SystemPorts } from '../../../src-main/ipc/desktop-session';
import { createDispatcher, type Dispatch } from '../../../src-main/ipc/dispatcher';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { CONTRACT, type Channel } from '../../../src-preload/contract';
import { PASSPHRASE, tempDir } from '../../fixtures/temp-vault';

/**
 * Every channel, fed arbitrary input by a misbehaving renderer: the dispatcher always answers
 * with an envelope, never an unexpected (INTERNAL) error, and a refused call changes nothing.
 */
describe('every channel under arbitrary input', () => {
  const APP = 'app://doevault/index.html';
  const { dir, cleanup } = tempDir('doevault-fuzz-');
  const vaultPath = join(dir, 'vault.doevault');
  const host = new InProcessVaultHost({ kdf: TEST_ONLY_INSECURE_KDF });
  const logError = vi.fn();
  let dispatch: Dispatch;
  let caseId: string;
  let plaintiffId: string;
  let clipboard = '';

  const ports: SystemPorts = {
    chooseVaultToOpen: async () => null,
    chooseNewVaultPath: async () => null,
    chooseBackupDestination: async () => null,
    chooseBackupToRestore: async () => null,
    chooseRestoreDestination: async () => null,
    chooseDraftToImport: async () => null,
    chooseExportFolder: async () => null,
    chooseRecipientKey: async () => null,
    chooseSealedPackage: async () => null,
    choosePackageDestination: async () => null,
    chooseSecretKey: async () => null,
    chooseIntakeFile: async () => null,
    chooseExhibitFile: async () => null,
    chooseExhibitFolder: async () => null,
    chooseRosterDestination: async () => null,
    showInFolder: async () => undefined,
    writeClipboard: async (text) => {
      clipboard = text;
    },
    readClipboard: async () => clipboard,
    emit: () => undefined,
  };

  beforeAll(async () => {
    const session = new DesktopSession(host, ports, join(dir, 'settings.json'), vaultPath);
    dispatch = createDispatcher(createHandlers(session, { defaultVaultPath: vaultPath, onSettingsChange: () => undefined }), {
      isTrustedSender: (url) => url === APP,
      logError,
    });
    await host.create(vaultPath, PASSPHRASE);
    caseId = (await host.call('cases.create', { title: 'Does v. Fuzz' })).id;
    plaintiffId = (await host.call('plaintiffs.add', caseId, { legalName: 'Maria Ramirez', gender: 'female' })).id;
  });
  afterAll(async () => {
    await host.close();
    cleanup();
  });

  /** The state a refused call must leave as it was. */
  async function snapshot(): Promise<string> {
    const status = await host.status();
    if (!status.unlocked) await host.call('vault.unlock', PASSPHRASE);
    const cases = await host.call('cases.list');
    const rosters = await Promise.all(cases.map((c) => host.call('plaintiffs.roster', c.id)));
    const revealed = await host.call('plaintiffs.sealedRoster', caseId).catch(() => []);
    return JSON.stringify({ cases, rosters, revealed: revealed.map((r) => ({ ...r, withdrawnAt: undefined })) });
  }

  function inputFor(channel: Channel): fc.Arbitrary<unknown> {
    const shape = (CONTRACT[channel].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const value = fc.oneof(
      fc.anything(),
      fc.string({ maxLength: 300 }),
      fc.constantFrom(caseId, plaintiffId, PASSPHRASE, 'gendered', 'prefix:Officer Doe', '', 'x'.repeat(20_000)),
      fc.record({ legalName: fc.string(), dob: fc.string(), email: fc.string(), aliases: fc.array(fc.string()) }, { requiredKeys: [] }),
    );
    const keys = fc.constantFrom(...Object.keys(shape), '__proto__', 'constructor', 'prototype', 'extra');
    return fc.oneof(fc.anything(), fc.dictionary(keys, value, { maxKeys: 6 }), fc.record(Object.fromEntries(Object.keys(shape).map((k) => [k, value]))));
  }

  it.each(Object.keys(CONTRACT) as Channel[])('%s', async (channel) => {
    await fc.assert(
      fc.asyncProperty(inputFor(channel), async (input) => {
        const before = await snapshot();
        const reply = await dispatch(APP, channel, input);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) {
          expect(ERROR_CODES).toContain(reply.error.code);
          expect(reply.error.code).not.toBe('INTERNAL');
          expect(await snapshot()).toBe(before);
        }
        expect(logError).not.toHaveBeenCalled();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 40, seed: 20261122 },
    );
  });

  it('leaves a sound vault and an intact audit log behind', async () => {
    await snapshot();
    expect(await host.call('audit.verify')).toMatchObject({ ok: true });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { InProcessVaultHost } from '../../../src-main/core/host/vault-host';
import { DesktopSession, type SystemPorts } from '../../../src-main/ipc/desktop-session';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { apiMethodNames, buildApi } from '../../../src-preload/api';
import { CONTRACT, EVENTS } from '../../../src-preload/contract';

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
  writeClipboard: async () => undefined,
  readClipboard: async () => '',
  emit: () => undefined,
};

describe('one contract, three users', () => {
  const channels = Object.keys(CONTRACT).sort();

  it('names every channel domain:verb', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('main has exactly one handler per contract channel', () => {
    const session = new DesktopSession(new InProcessVaultHost(), ports, '/nonexistent/settings.json', '/nonexistent/vault.doevault');
    const handlers = createHandlers(session, { defaultVaultPath: '/nonexistent/vault.doevault', onSettingsChange: () => undefined });
    expect(Object.keys(handlers).sort()).toEqual(channels);
  });

  it('the preload exposes exactly one method per channel, plus onEvent, and nothing that takes a channel name', () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = buildApi(invoke, () => () => undefined) as unknown as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api).flatMap(([namespace, value]) =>
      typeof value === 'function' ? [namespace] : Object.keys(value).map((method) => `${namespace}.${method}`),
    );
    expect(exposed.sort()).toEqual(apiMethodNames().sort());
    expect(apiMethodNames().filter((name) => name !== 'onEvent').map((name) => name.replace('.', ':')).sort()).toEqual(channels);
    expect(Object.isFrozen(api)).toBe(true);
    for (const namespace of Object.values(api)) if (typeof namespace === 'object') expect(Object.isFrozen(namespace)).toBe(true);
  });

  it('each preload method invokes its own channel, with {} for no input', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = buildApi(invoke, () => () => undefined);
    await api.vault.unlock({ passphrase: 'p' });
    await (api.cases.list as (input?: unknown) => Promise<unknown>)();
    expect(invoke.mock.calls).toEqual([
      ['vault:unlock', { passphrase: 'p' }],
      ['cases:list', {}],
    ]);
  });

  it('onEvent delivers only the kind asked for and refuses kinds the contract does not list', () => {
    let deliver: (kind: string, payload: unknown) => void = () => undefined;
    const api = buildApi(async () => null, (listener) => {
      deliver = listener;
      return () => undefined;
    });
    const locked = vi.fn();
    api.onEvent('locked', locked);
    deliver('progress', { operation: 'x', done: 1, total: 2 });
    deliver('locked', { reason: 'idle' });
    expect(locked.mock.calls).toEqual([[{ reason: 'idle' }]]);
    expect(() => api.onEvent('anything' as never, () => undefined)).toThrow(/Unknown event kind/);
    expect(Object.keys(EVENTS).sort()).toEqual(['locked', 'progress']);
  });
});

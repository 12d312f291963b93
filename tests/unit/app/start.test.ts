import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_NAME, defaultVaultPath } from '../../../src-main/core/vault/default-path';
import { CONTRACT, EVENT_CHANNEL } from '../../../src-preload/contract';
import { PASSPHRASE, tempDir } from '../../fixtures/temp-vault';
import type { FakeElectron } from './fakes';

// The start-up wiring with a fake `electron` (DESIGN.md §8) and the vault in-process instead of
// in a worker thread (the worker needs the built out/main/vault-worker.js; it is tested in
// tests/unit/core). Everything else is real: the session, the handlers, the dispatcher.

vi.mock('electron', async () => (await import('./fakes')).createFakeElectron());
const fakeElectron = (await import('electron')) as unknown as FakeElectron;
const { startApp } = await import('../../../src-main/app/start');

interface HostRecord {
  script: string;
  options: { nativeBinding?: string };
  terminate: ReturnType<typeof vi.fn>;
}
const hosts = (): HostRecord[] => ((globalThis as { __hosts?: HostRecord[] }).__hosts ??= []);

vi.mock('../../../src-main/core/host/worker-vault-host', async () => {
  const { InProcessVaultHost } = await import('../../../src-main/core/host/vault-host');
  const { TEST_ONLY_INSECURE_KDF } = await import('../../../src-main/core/crypto');
  class FakeWorkerVaultHost extends InProcessVaultHost {
    terminate = vi.fn(async () => this.close());
    constructor(
      readonly script: string,
      readonly hostOptions: { nativeBinding?: string },
    ) {
      super({ kdf: TEST_ONLY_INSECURE_KDF });
      ((globalThis as { __hosts?: unknown[] }).__hosts ??= []).push({ script, options: hostOptions, terminate: this.terminate });
      // An unexpected (non-VaultError) failure whose message names someone.
      const call = this.call.bind(this) as (method: string, ...args: unknown[]) => Promise<unknown>;
      this.call = (async (method: string, ...args: unknown[]) => {
        if (method === 'audit.list') throw new Error('unexpected failure while reading Jane Roe');
        return call(method, ...args);
      }) as typeof this.call;
    }
  }
  return { WorkerVaultHost: FakeWorkerVaultHost };
});

const MAIN_DIR = '/opt/doevault/out/main';
const APP = { senderFrame: { url: 'app://doevault/index.html' } };

let dir: string;
let cleanup: () => void;
let project: string;

function writeNativeBuild(electron = '45.4.1') {
  mkdirSync(join(project, '.electron-native'), { recursive: true });
  writeFileSync(join(project, '.electron-native', 'better_sqlite3.node'), 'bin');
  writeFileSync(
    join(project, '.electron-native', 'build-info.json'),
    JSON.stringify({ electron, betterSqlite3: '12.9.0', platform: process.platform, arch: process.arch }),
  );
}

async function boot(options: { isPackaged?: boolean; singleInstance?: boolean } = {}): Promise<FakeElectron> {
  fakeElectron.reset({ appPath: project, ...options });
  startApp(MAIN_DIR);
  return fakeElectron;
}

async function ready(fake: FakeElectron) {
  fake.markReady();
  await vi.waitFor(() => expect(fake.BrowserWindow.instances.length + fake.app.exit.mock.calls.length).toBe(1));
}

function invoke(fake: FakeElectron, channel: string, input: unknown = {}, sender: unknown = APP) {
  return fake.ipcMain.handlers.get(channel)!(sender, input) as Promise<{ ok: boolean; value?: never; error?: { code: string } }>;
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir('doevault-start-'));
  project = join(dir, 'project');
  mkdirSync(project);
  vi.stubEnv('XDG_CONFIG_HOME', join(dir, 'config'));
  vi.stubEnv('APPDATA', join(dir, 'config'));
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  Object.defineProperty(process.versions, 'electron', { value: '45.4.1', configurable: true });
  hosts().length = 0;
  writeNativeBuild();
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  Reflect.deleteProperty(process.versions, 'electron');
  cleanup();
});

describe('before ready', () => {
  it('puts userData in the folder of the CLI default vault, registers app://, enables the sandbox, takes the lock', async () => {
    const fake = await boot();
    expect(fake.app.setName).toHaveBeenCalledWith(APP_NAME);
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', join(dir, 'config', 'DoeVault'));
    expect(join(dir, 'config', 'DoeVault', 'vault.doevault')).toBe(defaultVaultPath());
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    // userData must be set before the lock (the lock lives in userData) and before ready.
    expect(fake.app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(fake.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('package.json productName is the same name, so Electron’s own default userData agrees too', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { productName: string };
    expect(pkg.productName).toBe(APP_NAME);
  });

  it('a second instance quits at once and opens nothing', async () => {
    const fake = await boot({ singleInstance: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('on ready', () => {
  it('locks the session down, serves app://, starts the vault worker with the Electron build of better-sqlite3, and opens the window', async () => {
    const fake = await boot();
    await ready(fake);
    const session = fake.session.defaultSession;
    expect(session.cancels('https://example.org/')).toBe(true);
    expect(session.cancels('app://doevault/index.html')).toBe(false);
    const callback = vi.fn();
    session.permissionRequest!({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();

    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.script).toBe(join(MAIN_DIR, 'vault-worker.js'));
    expect(hosts()[0]!.options).toEqual({ nativeBinding: join(project, '.electron-native', 'better_sqlite3.node') });

    const [window] = fake.BrowserWindow.instances;
    expect(window!.loadURL).toHaveBeenCalledWith('app://doevault/index.html');
    expect((window!.options as { webPreferences: { preload: string } }).webPreferences.preload).toBe(join(MAIN_DIR, '..', 'preload', 'index.cjs'));
    expect(window!.setContentProtection).toHaveBeenCalledWith(true);
  });

  it('registers exactly the contract’s channels, trusting only the app origin', async () => {
    const fake = await boot();
    await ready(fake);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(CONTRACT).sort());
    expect(await invoke(fake, 'vault:status')).toMatchObject({ ok: true, value: { state: 'none' } });
    for (const url of ['https://evil.example/', 'http://localhost:5173/', 'file:///index.html', undefined]) {
      expect(await invoke(fake, 'vault:status', {}, { senderFrame: url ? { url } : undefined })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('creates the vault at the CLI’s default path, then auto-locks it after idle and on suspend, telling the window', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fake = await boot();
    await ready(fake);
    const window = fake.BrowserWindow.instances[0]!;

    const created = await invoke(fake, 'vault:create', { passphrase: PASSPHRASE, location: 'default' });
    expect(created).toMatchObject({ ok: true, value: { status: { state: 'unlocked', path: defaultVaultPath() } } });
    expect(existsSync(defaultVaultPath())).toBe(true);

    // Default: 5 minutes. 4 minutes idle: nothing.
    fake.powerMonitor.idle = 240;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await invoke(fake, 'vault:status')).toMatchObject({ value: { state: 'unlocked' } });
    // The setting changes to 1 minute: re-read at once.
    expect(await invoke(fake, 'settings:set', { autoLockMinutes: 1 })).toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(async () => expect(await invoke(fake, 'vault:status')).toMatchObject({ value: { state: 'locked' } }));
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, { kind: 'locked', payload: { reason: 'idle' } });

    fake.powerMonitor.idle = 0;
    expect(await invoke(fake, 'vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ value: { state: 'unlocked' } });
    fake.powerMonitor.emit('suspend');
    await vi.waitFor(async () => expect(await invoke(fake, 'vault:status')).toMatchObject({ value: { state: 'locked' } }));
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, { kind: 'locked', payload: { reason: 'suspend' } });
  });

  it('logs an unexpected handler error without identity data, and answers INTERNAL', async () => {
    const fake = await boot();
    await ready(fake);
    await invoke(fake, 'vault:create', { passphrase: PASSPHRASE, location: 'default' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await invoke(fake, 'audit:list')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
      expect(logged).toContain('audit:list');
      expect(logged).not.toContain('Jane Roe');
    } finally {
      errors.mockRestore();
    }
  });

  it('opens the window even if the remembered vault is damaged', async () => {
    mkdirSync(join(dir, 'config', 'DoeVault'), { recursive: true });
    writeFileSync(defaultVaultPath(), 'this is not a vault');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fake = await boot();
      await ready(fake);
      expect(fake.BrowserWindow.instances).toHaveLength(1);
      expect(fake.app.exit).not.toHaveBeenCalled();
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('the last vault could not be opened'));
    } finally {
      errors.mockRestore();
    }
  });

  it('without the Electron build of better-sqlite3: an error box saying how to fix it, and exit 1', async () => {
    writeNativeBuild('44.0.0');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fake = await boot();
      await ready(fake);
      expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('DoeVault cannot start', expect.stringContaining('npm start'));
      expect(fake.app.exit).toHaveBeenCalledWith(1);
      expect(fake.BrowserWindow.instances).toHaveLength(0);
      expect(hosts()).toHaveLength(0);
    } finally {
      errors.mockRestore();
    }
  });
});

describe('the dev server', () => {
  it('is used only by `npm run dev` (unpackaged), and then trusted', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const fake = await boot();
    await ready(fake);
    expect(fake.BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(await invoke(fake, 'vault:status', {}, { senderFrame: { url: 'http://localhost:5173/' } })).toMatchObject({ ok: true });
  });

  it('is ignored by a packaged app, which loads app:// from its resources', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const resources = join(dir, 'resources');
    mkdirSync(join(resources, 'native'), { recursive: true });
    writeFileSync(join(resources, 'native', 'better_sqlite3.node'), 'bin');
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
    try {
      const fake = await boot({ isPackaged: true });
      await ready(fake);
      expect(fake.BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('app://doevault/index.html');
      expect(hosts()[0]!.options.nativeBinding).toBe(join(resources, 'native', 'better_sqlite3.node'));
      expect(await invoke(fake, 'vault:status', {}, { senderFrame: { url: 'http://localhost:5173/' } })).toMatchObject({ ok: false });
      expect((fake.BrowserWindow.instances[0]!.options as { webPreferences: { devTools: boolean } }).webPreferences.devTools).toBe(false);
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
    }
  });
});

describe('quitting', () => {
  it('waits to close the vault and stop the worker, then quits', async () => {
    const fake = await boot();
    await ready(fake);
    await invoke(fake, 'vault:create', { passphrase: PASSPHRASE, location: 'default' });
    const event = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(hosts()[0]!.terminate).toHaveBeenCalled();
    // The quit that follows goes through.
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});

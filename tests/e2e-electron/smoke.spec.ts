import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { DoeVaultApi } from '../../src-preload/api';
import { ELECTRON, ROOT, SKIP_REASON } from './electron-binary';

// The built app (out/) in the real Electron, driven through Playwright's _electron: the same
// smoke flow as the browser E2E suite, but with the real main process, preload, app:// protocol
// and lockdown. Where the Electron binary is absent (ELECTRON_SKIP_BINARY_DOWNLOAD=1), every test
// here is reported as skipped with SKIP_REASON.

const PASSPHRASE = 'correct horse battery staple 42';
const SHOTS = join(ROOT, 'test-results', 'e2e-electron');

type PageGlobals = {
  doeVault: DoeVaultApi;
  require?: unknown;
  process?: unknown;
  ipcRenderer?: unknown;
  location: { href: string };
  open(url: string): unknown;
};

test.describe.configure({ mode: 'serial' });

test.describe('DoeVault under Electron', () => {
  test.skip(!ELECTRON.installed, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let home: string;

  test.beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'doevault-electron-'));
    mkdirSync(SHOTS, { recursive: true });
    // A private profile: the app's userData and default vault follow these on every OS.
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_RUN_AS_NODE;
    Object.assign(env, { XDG_CONFIG_HOME: join(home, 'config'), APPDATA: join(home, 'AppData', 'Roaming'), HOME: home, USERPROFILE: home });
    app = await electron.launch({
      executablePath: ELECTRON.installed ? ELECTRON.executable : undefined,
      // Chromium refuses to run as root with its sandbox (CI containers): only then, --no-sandbox.
      args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env,
      cwd: ROOT,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('the window shows the app from app://', async () => {
    expect(page.url()).toBe('app://doevault/index.html');
    await expect(page.locator('#root')).not.toBeEmpty();
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
      .toEqual([true]);
    // The renderer's own view: a secure (app://) context with no Node (the next test checks the globals).
    expect(await page.evaluate(() => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext)).toBe(true);
    await page.screenshot({ path: join(SHOTS, '01-window.png') });
  });

  test('window.doeVault exists, and nothing of Node or Electron does', async () => {
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return {
        api: typeof g.doeVault,
        namespaces: Object.keys(g.doeVault).sort(),
        require: typeof g.require,
        process: typeof g.process,
        ipcRenderer: typeof g.ipcRenderer,
      };
    });
    expect(globals).toEqual({
      api: 'object',
      namespaces: ['audit', 'cases', 'onEvent', 'plaintiffs', 'settings', 'vault'],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  test('create a vault → lock → wrong passphrase → unlock', async () => {
    // Each call runs in the page through the real preload (page.evaluate, not eval: the CSP forbids eval).
    const status = () => page.evaluate(() => (globalThis as unknown as PageGlobals).doeVault.vault.status({}));
    const unlock = (passphrase: string) =>
      page.evaluate((p) => (globalThis as unknown as PageGlobals).doeVault.vault.unlock({ passphrase: p }), passphrase);

    expect(await status()).toMatchObject({ ok: true, value: { state: 'none' } });

    const created = await page.evaluate(
      (passphrase) => (globalThis as unknown as PageGlobals).doeVault.vault.create({ passphrase, location: 'default' }),
      PASSPHRASE,
    );
    expect(created).toMatchObject({ ok: true, value: { status: { state: 'unlocked', exists: true } } });
    const value = (created as { value: { recoveryKey: string; status: { path: string } } }).value;
    expect(value.recoveryKey.length).toBeGreaterThan(20);
    expect(value.status.path.startsWith(home)).toBe(true); // the private profile's default vault
    await page.screenshot({ path: join(SHOTS, '02-created.png') });

    const locked = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const api = (globalThis as unknown as PageGlobals).doeVault;
          const off = api.onEvent('locked', (payload) => {
            off();
            resolve(payload);
          });
          void api.vault.lock({});
        }),
    );
    expect(locked).toEqual({ reason: 'user' });
    expect(await status()).toMatchObject({ value: { state: 'locked' } });
    await page.screenshot({ path: join(SHOTS, '03-locked.png') });

    expect(await unlock('not the passphrase at all')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await unlock(PASSPHRASE)).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    await page.screenshot({ path: join(SHOTS, '04-unlocked.png') });
  });

  test('navigation, new windows and remote requests are refused', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.org/'))).toBeNull();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://doevault/index.html');
    expect(app.windows()).toHaveLength(1);
    const fetched = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, navigationEvent } from './fakes';

vi.mock('electron', async () => ({ BrowserWindow: (await import('./fakes')).FakeBrowserWindow, Menu: {} }));

const { createMainWindow, focusWindow } = await import('../../../src-main/app/main-window');

const options = { preloadPath: '/app/out/preload/index.cjs', url: 'app://doevault/index.html', allowDevTools: false };

beforeEach(() => {
  FakeBrowserWindow.instances.length = 0;
});

describe('the main window', () => {
  it('is created isolated, sandboxed, without Node, with web security and the preload', () => {
    createMainWindow(options);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const prefs = (FakeBrowserWindow.instances[0]!.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('turns content protection on and loads the app:// entry', () => {
    const window = createMainWindow(options) as unknown as FakeBrowserWindow;
    expect(window.setContentProtection).toHaveBeenCalledWith(true);
    expect(window.loadURL).toHaveBeenCalledWith('app://doevault/index.html');
    expect(window.loadURL).toHaveBeenCalledTimes(1);
  });

  it('is shown only when ready (no blank flash)', () => {
    const window = createMainWindow(options) as unknown as FakeBrowserWindow;
    expect((window.options as { show: boolean }).show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('denies navigation and new windows on its own contents, even without the app-wide hook', () => {
    const window = createMainWindow(options) as unknown as FakeBrowserWindow;
    const event = navigationEvent('https://example.org/');
    window.webContents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.webContents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('allows DevTools only when asked (unpackaged)', () => {
    const prefs = (window: FakeBrowserWindow) => (window.options as { webPreferences: { devTools: boolean } }).webPreferences;
    expect(prefs(createMainWindow({ ...options, allowDevTools: true }) as unknown as FakeBrowserWindow).devTools).toBe(true);
    expect(prefs(createMainWindow(options) as unknown as FakeBrowserWindow).devTools).toBe(false);
  });

  it('is brought forward, restored if minimised, on a second launch', () => {
    const window = createMainWindow(options) as unknown as FakeBrowserWindow;
    window.minimized = true;
    focusWindow(window as never);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    focusWindow(undefined); // no window yet: nothing to do, no throw
  });
});

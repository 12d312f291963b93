import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Test doubles for the Electron objects src-main/app touches (vi.mock('electron'), DESIGN.md §8). */

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.openHandler = handler;
  });
  send = vi.fn();
  isDestroyed = () => this.destroyed;
}

export function navigationEvent(url = 'https://example.org/') {
  return { url, preventDefault: vi.fn() };
}

export class FakeSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
  permissionCheck: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  devicePermission: ((details: unknown) => boolean) | undefined;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | undefined;
  setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequest']) => {
    this.permissionRequest = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheck']) => {
    this.permissionCheck = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: FakeSession['devicePermission']) => {
    this.devicePermission = handler;
  });
  setSpellCheckerEnabled = vi.fn();
  webRequest = {
    onBeforeRequest: vi.fn((listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    }),
  };

  /** What the session decides for a request: true when cancelled. */
  cancels(url: string): boolean {
    let response: { cancel?: boolean } | undefined;
    this.beforeRequest!({ url }, (r) => {
      response = r;
    });
    return response?.cancel === true;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  setContentProtection = vi.fn();
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  minimized = false;
  destroyed = false;
  isMinimized = () => this.minimized;
  isDestroyed = () => this.destroyed;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

type FakeAppMethod =
  | 'setName'
  | 'setPath'
  | 'getPath'
  | 'getAppPath'
  | 'enableSandbox'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady';

export interface FakeElectronOptions {
  isPackaged?: boolean;
  singleInstance?: boolean;
  appPath?: string;
}

/**
 * A whole fake `electron` module for start-up tests. The module is created once per test file
 * (vi.mock), so `reset` puts fresh doubles on the same objects before each start.
 */
export function createFakeElectron() {
  const fake = {
    markReady: () => undefined as void,
    app: new EventEmitter() as EventEmitter & Record<FakeAppMethod, ReturnType<typeof vi.fn>> & { isPackaged: boolean },
    session: { defaultSession: new FakeSession() },
    protocol: {} as Record<'registerSchemesAsPrivileged' | 'handle', ReturnType<typeof vi.fn>>,
    Menu: {} as Record<'buildFromTemplate' | 'setApplicationMenu', ReturnType<typeof vi.fn>>,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(), handle: vi.fn() },
    powerMonitor: Object.assign(new EventEmitter(), { idle: 0, getSystemIdleTime: (): number => fake.powerMonitor.idle }),
    dialog: {} as Record<'showOpenDialog' | 'showSaveDialog' | 'showErrorBox', ReturnType<typeof vi.fn>>,
    clipboard: { text: '', readText: vi.fn(async () => fake.clipboard.text), writeText: vi.fn(async (t: string) => void (fake.clipboard.text = t)) },
    reset(options: FakeElectronOptions = {}) {
      let markReady!: () => void;
      const ready = new Promise<void>((resolve) => {
        markReady = resolve;
      });
      fake.markReady = () => markReady();
      const paths: Record<string, string> = { documents: '/home/user/Documents' };
      fake.app.removeAllListeners();
      Object.assign(fake.app, {
        isPackaged: options.isPackaged ?? false,
        setName: vi.fn(),
        setPath: vi.fn((name: string, path: string) => {
          paths[name] = path;
        }),
        getPath: vi.fn((name: string) => paths[name] ?? `/fake/${name}`),
        getAppPath: vi.fn(() => options.appPath ?? '/fake/app'),
        enableSandbox: vi.fn(),
        requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
        quit: vi.fn(),
        exit: vi.fn(),
        whenReady: vi.fn(() => ready),
      });
      fake.session.defaultSession = new FakeSession();
      Object.assign(fake.protocol, { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() });
      Object.assign(fake.Menu, { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() });
      FakeBrowserWindow.instances.length = 0;
      fake.ipcMain.handlers.clear();
      fake.ipcMain.handle = vi.fn((channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        if (fake.ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        fake.ipcMain.handlers.set(channel, handler);
      });
      fake.powerMonitor.removeAllListeners();
      fake.powerMonitor.idle = 0;
      Object.assign(fake.dialog, { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() });
      fake.clipboard.text = '';
    },
  };
  fake.reset();
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

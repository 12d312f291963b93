import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';

let mainWindow: BrowserWindow | undefined;

/** The one window: isolated, sandboxed, no Node, no navigation, no new windows, no permissions. */
export function createMainWindow(): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  mainWindow = new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'DoeVault',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.setContentProtection(true);
  mainWindow.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  mainWindow.webContents.on('will-navigate', (event) => event.preventDefault());
  void mainWindow.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return mainWindow;
}

createMainWindow.focusExisting = (): void => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};

import { app } from 'electron';
import { createMainWindow } from './app/main-window';

// Electron entry. The desktop app proper (IPC bridge, auto-lock, screens) is built on this
// locked-down shell; see docs/ARCHITECTURE.md.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => createMainWindow.focusExisting());
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => createMainWindow());
}

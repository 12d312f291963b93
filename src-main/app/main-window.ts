import { BrowserWindow } from 'electron';
import { lockDownWebContents } from './lockdown';
import { describeError } from './log';

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preloadPath: string;
  /** app://doevault/index.html (the dev server's URL only in `npm run dev`). */
  url: string;
  allowDevTools: boolean;
}

/**
 * Creates the one window: isolated, sandboxed, no Node, web security on, nothing extra (the
 * settings are written out here, literally, so that Electronegativity can check them); keeps
 * its content out of screenshots and screen sharing; and loads the app.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'DoeVault',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK -- reviewed: exposes only buildApi(contract); tests/e2e/security.spec.ts checks the allow-list
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would ask for a new window (denied anyway): not even the event.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.allowDevTools,
    },
  });
  window.setContentProtection(true);
  // Also applied by app.on('web-contents-created'); repeated here so the window never depends on
  // that hook having been installed first.
  lockDownWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => console.error(`DoeVault: the window could not load: ${describeError(error)}`));
  return window;
}

/** A second launch brings the existing window forward (single instance). */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

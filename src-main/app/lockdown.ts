import { Menu, type App, type MenuItemConstructorOptions, type Session, type WebContents } from 'electron';
import { isAppUrl } from './origin';

/**
 * DESIGN.md §7: every navigation, new window and permission request denied; every request that
 * is not app:// blocked; no menu item that opens a URL.
 */

export interface LockdownOptions {
  /** electron-vite's dev server origin, only in `npm run dev`. */
  devOrigin?: string;
  /** DevTools only when unpackaged. */
  allowDevTools: boolean;
}

/** The one rule for every request the session sees: the app's own origin, nothing else. */
export function isAllowedRequest(url: string, options: LockdownOptions): boolean {
  if (isAppUrl(url)) return true;
  // Not network requests: data: URLs and the page's own blobs never leave the machine (the CSP decides whether the page may use them).
  if (url.startsWith('data:') || url.startsWith('blob:app://doevault/')) return true;
  if (options.allowDevTools && url.startsWith('devtools://')) return true;
  if (options.devOrigin) {
    const dev = new URL(options.devOrigin);
    try {
      const target = new URL(url);
      const sameHost = target.host === dev.host;
      if (sameHost && (target.protocol === 'http:' || target.protocol === 'ws:')) return true; // Vite and its HMR socket
    } catch {
      return false;
    }
  }
  return false;
}

/** Permissions, devices and requests for a session (the default one: the window uses no other). */
export function lockDownSession(session: Session, options: LockdownOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, options) }));
  // Chromium's spellchecker downloads dictionaries: off (the window also sets spellcheck: false).
  session.setSpellCheckerEnabled(false);
}

/** Any web contents: no navigation, no redirects, no new windows, no <webview>. */
export function lockDownWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies lockDownWebContents to every web contents the app ever creates. Before ready. */
export function installWebContentsLockdown(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
}

/**
 * A minimal menu made only of Electron roles: editing shortcuts (copy and paste need them on
 * macOS), zoom, window and quit. No Help menu, no link, no click handler that could open a URL.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform, allowDevTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(allowDevTools ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : [{ label: 'File', submenu: [{ role: 'quit' }] } as MenuItemConstructorOptions]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installApplicationMenu(platform: NodeJS.Platform, allowDevTools: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(platform, allowDevTools)));
}

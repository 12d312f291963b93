import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, navigationEvent } from './fakes';

const electron = vi.hoisted(() => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}));
vi.mock('electron', () => electron);

const { applicationMenuTemplate, installApplicationMenu, installWebContentsLockdown, isAllowedRequest, lockDownSession, lockDownWebContents } =
  await import('../../../src-main/app/lockdown');

beforeEach(() => vi.clearAllMocks());

describe('requests', () => {
  const production = { allowDevTools: false };

  it('allows the app origin and blocks everything else', () => {
    const session = new FakeSession();
    lockDownSession(session as never, production);
    expect(session.cancels('app://doevault/index.html')).toBe(false);
    expect(session.cancels('app://doevault/assets/index-abc.js')).toBe(false);
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://doevault.evil.example/x',
      'app://other/index.html',
      'ftp://example.org/x',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
    ]) {
      expect(session.cancels(url), url).toBe(true);
    }
  });

  it('allows the dev server (and its HMR socket) only when given, and DevTools only when allowed', () => {
    const dev = { devOrigin: 'http://localhost:5173', allowDevTools: true };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('http://example.org/', dev)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/', production)).toBe(false);
  });

  it('lets inline data: images and the page’s own blobs through (they are not network requests)', () => {
    expect(isAllowedRequest('data:image/png;base64,AAAA', production)).toBe(true);
    expect(isAllowedRequest('blob:app://doevault/1234', production)).toBe(true);
    expect(isAllowedRequest('blob:https://example.org/1234', production)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request, every permission check and every device', () => {
    const session = new FakeSession();
    lockDownSession(session as never, { allowDevTools: false });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.permissionCheck!({}, permission, 'app://doevault', {}), permission).toBe(false);
    }
    expect(session.devicePermission!({ deviceType: 'usb', origin: 'app://doevault' })).toBe(false);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });
});

describe('navigation and windows', () => {
  it('denies navigation, frame navigation, redirects, <webview> and new windows', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const e = navigationEvent('https://example.org/phish');
      contents.emit(event, e);
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    const attach = navigationEvent();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.org/' });
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://doevault/index.html' })).toEqual({ action: 'deny' });
  });

  it('applies the same to every web contents the app creates', () => {
    const app = new EventEmitter();
    installWebContentsLockdown(app as never);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const e = navigationEvent();
    contents.emit('will-navigate', e);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('the application menu', () => {
  type Item = { role?: string; label?: string; click?: unknown; submenu?: Item[]; type?: string };
  const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
  const ALLOWED_ROLES = new Set([
    'appMenu', 'editMenu', 'windowMenu', 'quit', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'reload', 'toggleDevTools',
  ]);

  it.each(['darwin', 'linux', 'win32'] as const)('on %s has only built-in roles: no link, no click handler, no Help menu', (platform) => {
    const items = flatten(applicationMenuTemplate(platform, false) as Item[]);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(item.click, JSON.stringify(item)).toBeUndefined();
      if (item.role) expect(ALLOWED_ROLES.has(item.role), item.role).toBe(true);
      expect(item.role).not.toBe('help');
      expect(item.label ?? '').not.toMatch(/help|learn|docs|website|http/i);
    }
    expect(items.some((item) => item.role === 'editMenu')).toBe(true); // copy and paste shortcuts
    expect(items.some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
  });

  it('offers DevTools and reload only when they are allowed (unpackaged)', () => {
    const items = flatten(applicationMenuTemplate('linux', true) as Item[]);
    expect(items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('is installed as the application menu', () => {
    installApplicationMenu('linux', false);
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledWith(applicationMenuTemplate('linux', false));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(electron.Menu.buildFromTemplate.mock.results[0]!.value);
  });
});

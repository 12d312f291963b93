/**
 * The app's one origin. The renderer is served from app://doevault/ (protocol.ts); the only other
 * origin ever allowed is electron-vite's dev server, and only in `npm run dev` (unpackaged, with
 * ELECTRON_RENDERER_URL pointing at localhost).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'doevault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app's own origin. The trailing slash keeps out app://doevault.evil/. */
export function isAppUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server's origin (e.g. "http://localhost:5173"), or undefined: only when unpackaged,
 * and only an http URL on the loopback interface, so an environment variable can never point
 * the window at a remote page.
 */
export function devServerOrigin(rendererUrl: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !rendererUrl) return undefined;
  try {
    const url = new URL(rendererUrl);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The IPC sender check: the app's origin, plus the dev server's in `npm run dev`. */
export function trustedSender(devOrigin: string | undefined): (url: string | undefined) => boolean {
  return (url) => isAppUrl(url) || (devOrigin !== undefined && typeof url === 'string' && url.startsWith(`${devOrigin}/`));
}

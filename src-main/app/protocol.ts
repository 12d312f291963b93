import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * The renderer is served from app://doevault/…, never file:// (DESIGN.md §7): a standard,
 * secure scheme whose files come only from out/renderer, each response with the strict CSP.
 */

export { CONTENT_SECURITY_POLICY };

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, allowServiceWorkers: false } },
  ]);
}

/** Serves `root` (out/renderer) on the app scheme of the default session. After ready. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}

/**
 * The file under `root` that `url` names, or null: another scheme or host, a path that does not
 * decode, a NUL byte, or anything that resolves outside `root` (../, %2e%2e%2f, ..%5c …).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  return file.startsWith(base + sep) ? file : null;
}

/** The protocol handler: GET/HEAD of a file under `root`, with the security headers, else an error. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405, 'Method Not Allowed');
  const file = resolveAppPath(root, request.url);
  if (file === null) return failure(404, 'Not Found');
  try {
    // A symbolic link inside out/renderer must not lead outside it either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep) || !(await stat(realFile)).isFile()) return failure(404, 'Not Found');
    const body = request.method === 'HEAD' ? null : await readFile(realFile);
    return new Response(body, { status: 200, headers: securityHeaders(MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream') });
  } catch {
    return failure(404, 'Not Found');
  }
}

function failure(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

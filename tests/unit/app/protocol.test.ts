import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { CONTENT_SECURITY_POLICY, handleAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest } = await import(
  '../../../src-main/app/protocol'
);

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'doevault-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>DoeVault</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET outside the renderer');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil sibling');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => vi.clearAllMocks());

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered as privileged: standard, secure, fetch, and never bypassing the CSP', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]!;
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false }),
      }),
    ]);
  });

  it('handles the scheme with a handler that serves the renderer folder', async () => {
    handleAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://doevault/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>DoeVault</title>');
  });
});

describe('serving files', () => {
  it('serves index.html for / and by name, with the CSP header and the right type', async () => {
    for (const url of ['app://doevault/', 'app://doevault/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('serves scripts as JavaScript (module scripts need it) and styles as CSS', async () => {
    const js = await get('app://doevault/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://doevault/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers HEAD without a body and refuses other methods, still with the CSP', async () => {
    const head = await get('app://doevault/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://doevault/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('answers 404 with the CSP header for a missing file or a folder', async () => {
    for (const url of ['app://doevault/nope.js', 'app://doevault/assets', 'app://doevault/assets/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    }
  });
});

describe('path traversal and other hosts are refused', () => {
  const attempts = [
    'app://doevault/..%2fsecret.txt',
    'app://doevault/%2e%2e%2fsecret.txt',
    'app://doevault/%2E%2E%2Fsecret.txt',
    'app://doevault/assets/..%2f..%2fsecret.txt',
    'app://doevault/..%2frenderer-evil%2fx.js',
    'app://doevault/%2e%2e/secret.txt',
    'app://doevault/../secret.txt',
    'app://doevault/assets/link.txt', // a symbolic link leading outside
    'app://doevault/index.html%00.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://doevault/index.html',
  ];

  it.each(attempts)('%s is not served', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('evil sibling');
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('resolveAppPath never returns a path outside the root', () => {
    for (const url of attempts) {
      const resolved = resolveAppPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(join(root, '/'))).toBe(true);
    }
    expect(resolveAppPath(root, 'app://doevault/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://doevault/%E0%A4%A')).toBeNull(); // malformed escape
    expect(resolveAppPath(root, 'app://doevault/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });
});

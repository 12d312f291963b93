import { describe, expect, it, vi } from 'vitest';
import { describeError, logIpcError } from '../../../src-main/app/log';
import { APP_ENTRY_URL, devServerOrigin, isAppUrl, trustedSender } from '../../../src-main/app/origin';

describe('the app origin', () => {
  it('is app://doevault, and lookalikes are not it', () => {
    expect(APP_ENTRY_URL).toBe('app://doevault/index.html');
    expect(isAppUrl('app://doevault/index.html')).toBe(true);
    expect(isAppUrl('app://doevault/')).toBe(true);
    for (const url of ['app://doevault', 'app://doevault.evil/x', 'app://doevaultx/', 'https://doevault/', 'file:///app://doevault/', '', undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('the dev server is honoured only unpackaged, only over http on loopback', () => {
    expect(devServerOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5174', false)).toBe('http://127.0.0.1:5174');
    expect(devServerOrigin('http://localhost:5173/', true)).toBeUndefined(); // packaged app: never
    expect(devServerOrigin('https://evil.example/', false)).toBeUndefined();
    expect(devServerOrigin('http://192.168.1.5:5173/', false)).toBeUndefined();
    expect(devServerOrigin('file:///tmp/index.html', false)).toBeUndefined();
    expect(devServerOrigin('not a url', false)).toBeUndefined();
    expect(devServerOrigin(undefined, false)).toBeUndefined();
  });

  it('IPC trusts the app origin, and the dev server only in dev', () => {
    const production = trustedSender(undefined);
    expect(production('app://doevault/index.html')).toBe(true);
    expect(production('http://localhost:5173/')).toBe(false);
    expect(production('https://evil.example/')).toBe(false);
    expect(production(undefined)).toBe(false);
    const dev = trustedSender('http://localhost:5173');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5173.evil.example/')).toBe(false);
    expect(dev('app://doevault/index.html')).toBe(true);
  });
});

describe('error logging', () => {
  it('keeps the kind, the code and the stack, never the message (it may quote a name)', () => {
    const error = Object.assign(new Error('UNIQUE constraint failed for Jane Roe, 12 Elm St'), { code: 'SQLITE_CONSTRAINT' });
    const text = describeError(error);
    expect(text).toMatch(/^Error \(SQLITE_CONSTRAINT\)/);
    expect(text).toContain('    at ');
    expect(text).not.toContain('Jane Roe');
    expect(text).not.toContain('Elm St');
    expect(describeError('Jane Roe')).toBe('a thrown string');
    expect(describeError(null)).toBe('a thrown null');
  });

  it('logIpcError names the channel and nothing from the message', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      logIpcError('plaintiffs:add', new TypeError('cannot read legalName of Jane Roe'));
      const line = String(errors.mock.calls[0]![0]);
      expect(line).toContain('plaintiffs:add');
      expect(line).toContain('TypeError');
      expect(line).not.toContain('Jane Roe');
    } finally {
      errors.mockRestore();
    }
  });
});

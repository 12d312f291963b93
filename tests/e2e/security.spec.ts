import { apiMethodNames } from '../../src-preload/api';
import { expect, openApp, test, type AppWindow } from './harness';

// Security checks against the built renderer in real Chromium (DESIGN.md §7, §8). The fixture
// also fails any test that made a request outside the app origin.

// tsconfig.node.json has no DOM library, so the in-page code below types what it touches itself.
interface PageDocument {
  createElement(tag: string): PageElement;
  head: { append(node: PageElement): void };
  body: { append(node: PageElement): void };
  addEventListener(type: string, listener: (event: { effectiveDirective: string; blockedURI: string; disposition: string }) => void): void;
}
interface PageElement {
  textContent: string | null;
  src: string;
  alt: string;
  srcdoc: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  naturalWidth: number;
  setAttribute(name: string, value: string): void;
  remove(): void;
}
type PageGlobals = AppWindow & { document: PageDocument };

test('window.doeVault is exactly the contract allow-list, and no Node or Electron object is in the page', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  const methods = apiMethodNames(); // e.g. "vault.unlock", …, "onEvent"
  const expectedNamespaces = [...new Set(methods.filter((name) => name.includes('.')).map((name) => name.split('.')[0]!))];

  const exposed = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const api = w.doeVault as unknown as Record<string, unknown>;
    const keys = Object.keys(api);
    const descriptor = Object.getOwnPropertyDescriptor(w, 'doeVault');
    return {
      keys,
      methods: keys.flatMap((key) =>
        typeof api[key] === 'function' ? [key] : Object.keys(api[key] as object).map((method) => `${key}.${method}`),
      ),
      allFunctions: keys.every((key) =>
        typeof api[key] === 'function' ? true : Object.values(api[key] as object).every((value) => typeof value === 'function'),
      ),
      frozen: Object.isFrozen(api) && keys.every((key) => typeof api[key] === 'function' || Object.isFrozen(api[key])),
      replaceable: descriptor?.writable !== false || descriptor?.configurable !== false,
      globals: Object.fromEntries(
        ['require', 'process', 'ipcRenderer', 'electron', 'module', 'Buffer', 'global', '__dirname', 'nodeRequire'].map((name) => [
          name,
          typeof (w as Record<string, unknown>)[name],
        ]),
      ),
      bindingsLeft: ['__doeVaultInvoke', '__doeVaultEvents'].filter((name) => name in w),
    };
  });

  expect([...exposed.keys].sort()).toEqual([...expectedNamespaces, 'onEvent'].sort());
  expect([...exposed.methods].sort()).toEqual([...methods].sort());
  expect(exposed.allFunctions).toBe(true);
  expect(exposed.frozen).toBe(true);
  expect(exposed.replaceable).toBe(false);
  for (const [name, type] of Object.entries(exposed.globals)) expect(type, `window.${name}`).toBe('undefined');
  // The harness's transport is not visible to the app's code either.
  expect(exposed.bindingsLeft).toEqual([]);

  // onEvent accepts only the contract's event kinds: no generic channel listener.
  const unknownKind = await page.evaluate(() => {
    try {
      (globalThis as unknown as AppWindow).doeVault.onEvent('vault:unlock' as never, () => {});
      return 'accepted';
    } catch (error) {
      return String(error);
    }
  });
  expect(unknownKind).toContain('Unknown event kind');
});

test('the CSP blocks an injected inline script, an inline handler and eval', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  const result = await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals & { inlineRan?: boolean; handlerRan?: boolean; evalRan?: boolean };
    const violations: { directive: string; blocked: string; disposition: string }[] = [];
    w.document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, disposition: event.disposition }),
    );
    const script = w.document.createElement('script');
    script.textContent = 'globalThis.inlineRan = true;';
    w.document.head.append(script);

    const button = w.document.createElement('button');
    button.setAttribute('onclick', 'globalThis.handlerRan = true');
    w.document.body.append(button);
    (button as unknown as { click(): void }).click();
    button.remove();

    // A string compiled as code (eval, new Function, string timers). Called directly here it would
    // run anyway (page.evaluate has DevTools privileges); a string timer compiles in the page's own task.
    (w as unknown as { setTimeout(code: string, ms: number): void }).setTimeout('globalThis.evalRan = true', 0);
    // Violation events are queued as tasks: let them arrive.
    for (let i = 0; i < 50 && violations.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return { inlineRan: w.inlineRan ?? false, handlerRan: w.handlerRan ?? false, evalRan: w.evalRan ?? false, violations };
  });

  expect(result.inlineRan).toBe(false);
  expect(result.handlerRan).toBe(false);
  expect(result.evalRan).toBe(false);
  expect(result.violations).toEqual(
    expect.arrayContaining([
      { directive: 'script-src-elem', blocked: 'inline', disposition: 'enforce' },
      { directive: 'script-src-attr', blocked: 'inline', disposition: 'enforce' },
      { directive: 'script-src', blocked: 'eval', disposition: 'enforce' },
    ]),
  );
});

test('the CSP blocks a remote image before it reaches the network', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  const result = await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals;
    const violations: { directive: string; blocked: string }[] = [];
    w.document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
    const image = w.document.createElement('img');
    image.alt = '';
    const outcome = await new Promise<string>((resolve) => {
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('error');
      image.src = 'https://example.org/x.png';
      w.document.body.append(image);
      setTimeout(() => resolve('timeout'), 5000);
    });
    for (let i = 0; i < 50 && violations.length < 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const naturalWidth = image.naturalWidth;
    image.remove();
    return { outcome, naturalWidth, violations };
  });

  expect(result.outcome).toBe('error');
  expect(result.naturalWidth).toBe(0);
  expect(result.violations).toContainEqual({ directive: 'img-src', blocked: 'https://example.org/x.png' });
  // Refused by the CSP in the page: the request never got as far as the harness's router.
  expect(harness.blockedRequests()).toEqual([]);
});

test('a frame that is not the app (about:blank, srcdoc) is refused by the dispatcher: FORBIDDEN', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals;
    const blank = w.document.createElement('iframe');
    w.document.body.append(blank);
    const srcdoc = w.document.createElement('iframe');
    srcdoc.srcdoc = '<p>not the app</p>';
    await new Promise<void>((resolve) => {
      srcdoc.onload = () => resolve();
      w.document.body.append(srcdoc);
    });
  });
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  expect(frames.map((frame) => frame.url()).sort()).toEqual(['about:blank', 'about:srcdoc']);

  for (const frame of frames) {
    // No window.doeVault in subframes (a preload runs only in the main frame) …
    expect(await frame.evaluate(() => 'doeVault' in globalThis)).toBe(false);
    // … and the raw transport, called from there, is refused by the real dispatcher's sender check.
    const reply = await frame.evaluate(() => {
      const invoke = (globalThis as unknown as Record<string, (channel: string, input: unknown) => Promise<unknown>>).__doeVaultInvoke;
      return invoke ? invoke('vault:status', {}) : 'no transport';
    });
    expect(reply, frame.url()).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This request did not come from the DoeVault window and was refused.' },
    });
  }
  // The app's own frame still gets through.
  const own = await page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.vault.status({}));
  expect(own.ok).toBe(true);
});

test('unknown channels and bad input from the page come back as VALIDATION envelopes, never exceptions', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  const replies = await page.evaluate(async () => {
    const api = (globalThis as unknown as AppWindow).doeVault;
    return Promise.all([
      api.vault.unlock({ passphrase: 42 } as never),
      api.vault.unlock({ passphrase: 'x'.repeat(10 * 1024 * 1024) }),
      // (A JSON "__proto__" key is not tried here: Playwright's argument transport turns it into a
      // prototype on the way, unlike Electron's structured clone; tests/unit/ipc fuzzes it directly.)
      api.cases.create({ title: 't', scheme: 'neutral', constructor: { prototype: { polluted: true } } } as never),
      api.plaintiffs.roster({ caseId: '../../etc/passwd' }),
    ]);
  });
  expect(replies.map((reply) => (reply.ok ? 'ok' : reply.error.code))).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
});

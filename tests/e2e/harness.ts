/**
 * The E2E harness of DESIGN.md §8: the BUILT renderer (out/renderer) in real Chromium, talking
 * to the REAL main-process code on a temporary vault.
 *
 * Only the transport differs from the app. In the app, the preload calls
 * `buildApi(ipcRenderer.invoke, ipcRenderer.on)` and main runs `registerIpc(createDispatcher(
 * createHandlers(session)))` with `event.senderFrame.url` as the sender. Here:
 *
 *   page  window.doeVault = buildApi(invoke, subscribe)        (the real src-preload/api.ts, bundled)
 *           invoke    -> binding __doeVaultInvoke(channel, input)
 *           subscribe <- binding __doeVaultEvents() (long poll: resolves with the next events)
 *   test  dispatch(source.frame.url(), channel, input)           (the real createDispatcher)
 *           -> createHandlers(DesktopSession(WorkerVaultHost('out/main/vault-worker.js'), ports))
 *
 * The ports (dialogs, clipboard, events) are the test's own, since a test cannot click through
 * a native dialog. The page is served from APP_ORIGIN by `route`; every other request is
 * aborted and recorded, and the fixture fails a test that made any.
 */
import { test as base, type Frame, type Page, type Route } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/content-security-policy';
import { WorkerVaultHost } from '../../src-main/core/host/worker-vault-host';
import { DesktopSession, type SystemPorts } from '../../src-main/ipc/desktop-session';
import { createDispatcher, type Dispatch } from '../../src-main/ipc/dispatcher';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { DoeVaultApi } from '../../src-preload/api';
import { EVENTS, type EventKind } from '../../src-preload/contract';

export { expect } from '@playwright/test';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** An https origin, so the page is a secure context like app:// in the app. */
export const APP_ORIGIN = 'https://doevault.localhost';
export const APP_URL = `${APP_ORIGIN}/`;
export const RENDERER_DIR = join(ROOT, 'out/renderer');
export const WORKER_SCRIPT = join(ROOT, 'out/main/vault-worker.js');
export const SCREENS_DIR = join(ROOT, 'test-results/screens');
/**
 * How long a step may take that runs Argon2id at its real size (256 MiB) or reads a large file:
 * seconds on a quiet laptop, far longer on a loaded 2-core CI machine. An upper bound to wait
 * for, never a timing assertion.
 */
export const SLOW = 120_000;

export type DialogName =
  | 'chooseVaultToOpen'
  | 'chooseNewVaultPath'
  | 'chooseBackupDestination'
  | 'chooseBackupToRestore'
  | 'chooseRestoreDestination'
  | 'chooseDraftToImport'
  | 'chooseExportFolder'
  | 'chooseRecipientKey'
  | 'chooseSealedPackage'
  | 'choosePackageDestination'
  | 'chooseSecretKey'
  | 'chooseIntakeFile'
  | 'chooseExhibitFile'
  | 'chooseExhibitFolder'
  | 'chooseRosterDestination';

export interface Harness {
  page: Page;
  /** A fresh temp folder for this test (vaults, backups, settings). */
  dir: string;
  /** The default vault path given to the session (inside dir; does not exist at start). */
  vaultPath: string;
  /** Answers for the next call of each dialog; an unanswered dialog returns null (the user cancelled). */
  answerDialogs(answers: Partial<Record<DialogName, string | null>>): void;
  /**
   * The next long operation that reports progress in this step holds there until it is
   * cancelled (WorkerVaultHost.holdAtStep): a test cancels "while it writes" on any machine.
   */
  holdAtStep(step: string | undefined): void;
  /** Which dialogs were shown, in order (answered or not). */
  dialogsShown: DialogName[];
  /** The files main asked the file manager to show ("Show in folder"), in order. */
  shownInFolder: string[];
  /** What the test clipboard port holds. */
  clipboard(): string;
  /** Events sent to the page, in order. */
  events: { kind: string; payload: unknown }[];
  /** Sends an event to the page as main would (e.g. an idle lock); the payload is checked against the contract. */
  emit(kind: 'locked' | 'progress', payload: unknown): void;
  /** What the app's auto-lock does: session.lock(reason). */
  lock(reason: 'idle' | 'suspend' | 'screen-lock'): Promise<void>;
  /** A full-page PNG at test-results/screens/<name>.png. */
  screenshot(name: string): Promise<void>;
  /** Every request that was not for the app origin (all of them were aborted). */
  blockedRequests(): string[];
}

/**
 * The page's globals, for code passed to page.evaluate: tsconfig.node.json has no DOM library
 * (and must not get one, or src-main could use `window` unnoticed), so write
 * `(globalThis as unknown as AppWindow).doeVault.vault.status({})` there.
 */
export type AppWindow = { doeVault: DoeVaultApi } & Record<string, unknown>;

/** The Argon2id parameters vaults are created with in the harness: the app's default (MODERATE). */
export const HARNESS_KDF = 'default (libsodium MODERATE)';

/** True only for the harness's own origin: the app checks app://doevault the same way. */
export function isHarnessOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Fails early, with the fix, when the build the harness serves is missing. */
export function assertBuilt(): void {
  const missing = [join(RENDERER_DIR, 'index.html'), WORKER_SCRIPT].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`The E2E harness needs the build (${missing.join(', ')} missing): run \`npx electron-vite build\` first (npm test does).`);
  }
}

const INVOKE_BINDING = '__doeVaultInvoke';
const EVENTS_BINDING = '__doeVaultEvents';

/**
 * The in-page half of the transport: the real buildApi of src-preload/api.ts, bundled for the
 * browser, installed as a frozen, non-writable window.doeVault in the top frame only (as a
 * preload runs only in the main frame). The bindings are captured and removed from the page's
 * globals there, so the page sees window.doeVault and nothing else of ours. (Playwright's own
 * binding plumbing, `__playwright__binding__controller__`, stays: it is how bindings work.)
 */
async function bundleApi(): Promise<string> {
  const entry = `
    import { buildApi } from './src-preload/api';
    if (window === window.top && location.origin === ${JSON.stringify(APP_ORIGIN)}) {
      const invokeBinding = globalThis[${JSON.stringify(INVOKE_BINDING)}];
      const eventsBinding = globalThis[${JSON.stringify(EVENTS_BINDING)}];
      delete globalThis[${JSON.stringify(INVOKE_BINDING)}];
      delete globalThis[${JSON.stringify(EVENTS_BINDING)}];
      const listeners = new Set();
      const subscribe = (listener) => {
        listeners.add(listener);
        return () => { listeners.delete(listener); };
      };
      (async () => {
        for (;;) {
          let batch;
          try {
            batch = await eventsBinding();
          } catch {
            return; // the page is going away
          }
          for (const { kind, payload } of batch) {
            for (const listener of [...listeners]) {
              try {
                listener(kind, payload);
              } catch (error) {
                setTimeout(() => { throw error; });
              }
            }
          }
        }
      })();
      Object.defineProperty(window, 'doeVault', {
        value: buildApi((channel, input) => invokeBinding(channel, input), subscribe),
        enumerable: true,
        writable: false,
        configurable: false,
      });
    }
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'harness-preload.js', loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file of out/renderer for an app-origin URL, or null (never a file outside it). */
function rendererFile(url: string): string | null {
  const { pathname } = new URL(url);
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = normalize(join(RENDERER_DIR, relative));
  if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file)) return null;
  return file;
}

/** Not network: data:, blob: and about: URLs never leave the page (the CSP governs them). */
function isLocalScheme(url: string): boolean {
  return /^(data|blob|about):/i.test(url);
}

interface Fixtures {
  harness: Harness;
}

interface WorkerFixtures {
  apiBundle: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  apiBundle: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      assertBuilt();
      await use(await bundleApi());
    },
    { scope: 'worker' },
  ],

  harness: async ({ page, apiBundle }, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'doevault-e2e-'));
    const vaultPath = join(dir, 'vault.doevault');
    const blocked: string[] = [];
    const cspBlocked: string[] = [];
    const events: { kind: string; payload: unknown }[] = [];
    const dialogAnswers = new Map<DialogName, string | null>();
    const dialogsShown: DialogName[] = [];
    const shownInFolder: string[] = [];
    const mainErrors: string[] = [];
    let clipboardText = '';

    // Events: queued until the page's long poll collects them.
    let queued: { kind: string; payload: unknown }[] = [];
    let waiter: ((batch: { kind: string; payload: unknown }[]) => void) | undefined;
    const deliver = () => {
      if (waiter && queued.length > 0) {
        const resolveWaiter = waiter;
        waiter = undefined;
        const batch = queued;
        queued = [];
        resolveWaiter(batch);
      }
    };

    const answer = (name: DialogName) => async (): Promise<string | null> => {
      dialogsShown.push(name);
      const value = dialogAnswers.get(name) ?? null;
      dialogAnswers.delete(name);
      return value;
    };
    const ports: SystemPorts = {
      chooseVaultToOpen: answer('chooseVaultToOpen'),
      chooseNewVaultPath: answer('chooseNewVaultPath'),
      chooseBackupDestination: answer('chooseBackupDestination'),
      chooseBackupToRestore: answer('chooseBackupToRestore'),
      chooseRestoreDestination: answer('chooseRestoreDestination'),
      chooseDraftToImport: answer('chooseDraftToImport'),
      chooseExportFolder: answer('chooseExportFolder'),
      chooseRecipientKey: answer('chooseRecipientKey'),
      chooseSealedPackage: answer('chooseSealedPackage'),
      choosePackageDestination: answer('choosePackageDestination'),
      chooseSecretKey: answer('chooseSecretKey'),
      chooseIntakeFile: answer('chooseIntakeFile'),
      chooseExhibitFile: answer('chooseExhibitFile'),
      chooseExhibitFolder: answer('chooseExhibitFolder'),
      chooseRosterDestination: answer('chooseRosterDestination'),
      showInFolder: async (path) => {
        shownInFolder.push(path);
      },
      writeClipboard: async (text) => {
        clipboardText = text;
      },
      readClipboard: async () => clipboardText,
      emit: (kind, payload) => {
        const event = { kind, payload: EVENTS[kind].parse(payload) };
        events.push(event);
        queued.push(event);
        deliver();
      },
    };

    // The real main-process stack, with the app's default KDF (libsodium MODERATE: Argon2id,
    // 256 MiB). HostOptions.kdf, the test-only override, is deliberately NOT passed: measured
    // here, creating a vault takes ~2.5 s and an unlock ~0.8 s on an idle 2-core machine.
    const host = new WorkerVaultHost(WORKER_SCRIPT);
    const session = new DesktopSession(host, ports, join(dir, 'settings.json'), vaultPath);
    await session.start();
    const dispatch: Dispatch = createDispatcher(createHandlers(session, { defaultVaultPath: vaultPath, onSettingsChange: () => {} }), {
      isTrustedSender: isHarnessOrigin,
      logError: (channel, error) => {
        const text = `${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        mainErrors.push(text);
        console.error(`[main] INTERNAL error in ${text}`);
      },
    });

    await page.exposeBinding(INVOKE_BINDING, (source: { frame: Frame }, channel: unknown, input: unknown) =>
      dispatch(source.frame.url(), String(channel), input),
    );
    await page.exposeBinding(EVENTS_BINDING, (source: { frame: Frame }) => {
      if (source.frame !== page.mainFrame() || !isHarnessOrigin(source.frame.url())) return [];
      return new Promise<{ kind: string; payload: unknown }[]>((resolveBatch) => {
        waiter?.([]); // a previous document's poll (after a reload): let it go empty-handed
        waiter = resolveBatch;
        deliver();
      });
    });
    await page.addInitScript({ content: apiBundle });

    // Serving: the app origin from out/renderer; everything else aborted and recorded.
    const counted = new WeakSet<object>();
    const record = (request: { url(): string }) => {
      if (counted.has(request) || isLocalScheme(request.url())) return;
      counted.add(request);
      blocked.push(request.url());
    };
    const serve = async (route: Route) => {
      const request = route.request();
      const url = request.url();
      if (isHarnessOrigin(url) && ['GET', 'HEAD'].includes(request.method())) {
        const file = rendererFile(url);
        if (file) {
          await route.fulfill({
            status: 200,
            body: readFileSync(file),
            // The app's own header, as the app:// protocol sends it (the build also has the meta tag).
            headers: {
              'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
              'cache-control': 'no-store',
              'content-security-policy': CONTENT_SECURITY_POLICY,
            },
          });
          return;
        }
        await route.fulfill({ status: 404, body: 'not found', headers: { 'content-type': 'text/plain' } });
        return;
      }
      record(request);
      await route.abort('blockedbyclient');
    };
    // (A route call fails only once the page is closing: nothing to do then.)
    await page.context().route('**/*', (route) => serve(route).catch(() => undefined));
    // Belt and braces: any non-app request that ended without passing the route. One the page's
    // CSP refused ("csp") never left the page: it is not counted (the CSP tests assert those).
    page.on('requestfinished', (request) => {
      if (!isHarnessOrigin(request.url())) record(request);
    });
    page.on('requestfailed', (request) => {
      if (isHarnessOrigin(request.url())) return;
      if (/csp/i.test(request.failure()?.errorText ?? '')) cspBlocked.push(request.url());
      else record(request);
    });
    page.on('websocket', (socket) => blocked.push(socket.url()));
    page.on('pageerror', (error) => console.error(`[page] ${error.stack ?? error.message}`));

    const harness: Harness = {
      page,
      dir,
      vaultPath,
      answerDialogs(answers) {
        for (const [name, value] of Object.entries(answers) as [DialogName, string | null][]) dialogAnswers.set(name, value);
      },
      holdAtStep(step) {
        host.holdAtStep = step;
      },
      dialogsShown,
      shownInFolder,
      clipboard: () => clipboardText,
      events,
      emit(kind, payload) {
        if (!Object.hasOwn(EVENTS, kind)) throw new Error(`Unknown event kind "${kind}"`);
        ports.emit(kind as EventKind, payload as never);
      },
      lock: (reason) => session.lock(reason),
      async screenshot(name) {
        if (!/^[\w.-]+$/.test(name)) throw new Error(`Screenshot names are plain file names: "${name}"`);
        mkdirSync(SCREENS_DIR, { recursive: true });
        const path = join(SCREENS_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true, animations: 'disabled' });
        await testInfo.attach(name, { path, contentType: 'image/png' });
      },
      blockedRequests: () => [...blocked],
    };

    try {
      await use(harness);
    } finally {
      waiter?.([]);
      waiter = undefined;
      await session.clearClipboard();
      await host.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
    if (cspBlocked.length > 0) await testInfo.attach('requests refused by the CSP', { body: cspBlocked.join('\n'), contentType: 'text/plain' });
    if (mainErrors.length > 0) await testInfo.attach('main-process errors', { body: mainErrors.join('\n\n'), contentType: 'text/plain' });
    base.expect(blocked, 'requests that were not for the app origin (all aborted)').toEqual([]);
  },
});

/** Loads the app in the harness page and waits for it to be ready. */
export async function openApp(harness: Harness): Promise<void> {
  await harness.page.goto(APP_URL);
  await harness.page.waitForFunction(() => 'doeVault' in globalThis);
}

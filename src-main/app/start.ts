import { app, dialog, session as electronSession, type BrowserWindow } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WorkerVaultHost } from '../core/host/worker-vault-host';
import { APP_NAME, defaultVaultPath } from '../core/helpers';
import { DesktopSession } from '../ipc/desktop-session';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { registerIpc } from '../ipc/register';
import { AutoLock } from './auto-lock';
import { installApplicationMenu, installWebContentsLockdown, lockDownSession } from './lockdown';
import { describeError, logIpcError } from './log';
import { createMainWindow, focusWindow } from './main-window';
import { locateNativeBinding } from './native-binding';
import { APP_ENTRY_URL, devServerOrigin, trustedSender } from './origin';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createElectronPorts } from './system-ports';
import type { SystemPorts } from '../ipc/desktop-session';

/** Everything that must be shut down on quit. */
export interface Running {
  host: WorkerVaultHost;
  session: DesktopSession;
  autoLock: AutoLock;
  ports: SystemPorts;
}

/** A start-up problem the user can act on; its message is shown as is. */
class StartupError extends Error {}

const SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * The app's life: set up before ready what must be, then on ready the locked-down session, the
 * app:// protocol, the vault in its worker thread, the IPC handlers, auto-lock and the window;
 * on quit, lock and close the vault and stop the worker.
 *
 * @param mainDir out/main (where index.js and vault-worker.js are built)
 */
export function startApp(mainDir: string): void {
  // userData is the folder of the CLI's default vault, on every OS: the app and `doe-vault` open
  // the same vault.doevault, and the settings file and the single-instance lock live beside it.
  const vaultPath = defaultVaultPath();
  app.setName(APP_NAME);
  app.setPath('userData', dirname(vaultPath));

  const rendererUrl = process.env.ELECTRON_RENDERER_URL;
  const devOrigin = devServerOrigin(rendererUrl, app.isPackaged);
  const allowDevTools = !app.isPackaged;

  registerAppScheme();
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  installWebContentsLockdown(app);

  let window: BrowserWindow | undefined;
  let running: Running | undefined;

  app.on('second-instance', () => focusWindow(window));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!running) return;
    event.preventDefault();
    const stopping = running;
    running = undefined;
    void shutDown(stopping).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      lockDownSession(electronSession.defaultSession, { devOrigin, allowDevTools });
      handleAppProtocol(join(mainDir, '..', 'renderer'));
      installApplicationMenu(process.platform, allowDevTools);

      const native = locateNativeBinding({
        isPackaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        appPath: app.getAppPath(),
        electronVersion: process.versions.electron ?? '',
        platform: process.platform,
        arch: process.arch,
        exists: existsSync,
        readText: (path) => readFileSync(path, 'utf8'),
      });
      if ('problem' in native) throw new StartupError(native.problem);

      // The vault (Argon2id, SQLite, encryption) runs in a worker thread: the window's event
      // loop never waits for it.
      const host = new WorkerVaultHost(join(mainDir, 'vault-worker.js'), { nativeBinding: native.path });
      const ports = createElectronPorts({ getWindow: () => window, defaultVaultPath: vaultPath });
      const session = new DesktopSession(host, ports, join(app.getPath('userData'), 'settings.json'), vaultPath);
      const autoLock = new AutoLock(session);
      running = { host, session, autoLock, ports };

      try {
        await session.start();
      } catch (error) {
        // A remembered vault that does not open (damaged, moved) must not stop the app: the
        // window opens and offers to open or restore one.
        console.error(`DoeVault: the last vault could not be opened: ${describeError(error)}`);
      }

      registerIpc(
        createDispatcher(createHandlers(session, { defaultVaultPath: vaultPath, onSettingsChange: () => autoLock.settingsChanged() }), {
          isTrustedSender: trustedSender(devOrigin),
          logError: logIpcError,
        }),
      );
      autoLock.start();

      window = createMainWindow({
        preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
        url: devOrigin && rendererUrl ? rendererUrl : APP_ENTRY_URL,
        allowDevTools,
      });
      window.on('closed', () => {
        window = undefined;
      });
    })
    .catch((error: unknown) => {
      const message =
        error instanceof StartupError ? error.message : 'An unexpected error stopped DoeVault while starting. The details are in the log.';
      console.error(`DoeVault cannot start: ${error instanceof StartupError ? error.message : describeError(error)}`);
      dialog.showErrorBox('DoeVault cannot start', message);
      app.exit(1);
    });
}

/** Locks and closes the vault (its keys are zeroed), clears a copied name, stops the worker. */
export async function shutDown({ host, session, autoLock }: Running, timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<void> {
  autoLock.stop();
  const work = (async () => {
    try {
      await session.dispose();
    } catch (error) {
      console.error(`DoeVault: closing the vault failed: ${describeError(error)}`);
    }
    await host.terminate().catch((error: unknown) => console.error(`DoeVault: stopping the vault worker failed: ${describeError(error)}`));
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([work, timeout]);
  clearTimeout(timer);
}

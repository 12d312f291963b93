import { app, clipboard, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { dirname, extname, join } from 'node:path';
import type { SystemPorts } from '../ipc/desktop-session';
import { sendEvent } from '../ipc/register';

/**
 * The SystemPorts of the app: native dialogs (modal to the window), the clipboard, window events.
 *
 * The clipboard is Electron's own (asynchronous since Electron 45).
 */

export const VAULT_EXTENSION = '.doevault';
const VAULT_FILTERS = [{ name: 'DoeVault vault', extensions: ['doevault'] }];

export interface ElectronPortsOptions {
  /** The window dialogs attach to and events go to; undefined before it exists or after it closed. */
  getWindow(): BrowserWindow | undefined;
  /** The default vault (defaultVaultPath()): dialogs start in its folder. */
  defaultVaultPath: string;
  /** Where new files are proposed by default: the user's Documents folder. */
  documentsDir?: string;
  now?: () => Date;
}

export function createElectronPorts(options: ElectronPortsOptions): SystemPorts {
  const vaultDir = dirname(options.defaultVaultPath);
  const documents = () => options.documentsDir ?? app.getPath('documents');
  const today = () => (options.now?.() ?? new Date()).toISOString().slice(0, 10);

  const open = async (settings: OpenDialogOptions): Promise<string | null> => {
    const window = options.getWindow();
    const result = window ? await dialog.showOpenDialog(window, settings) : await dialog.showOpenDialog(settings);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const save = async (settings: SaveDialogOptions): Promise<string | null> => {
    const window = options.getWindow();
    const result = window ? await dialog.showSaveDialog(window, settings) : await dialog.showSaveDialog(settings);
    return result.canceled || !result.filePath ? null : withVaultExtension(result.filePath);
  };


  return {
    chooseVaultToOpen: () =>
      open({ title: 'Open a DoeVault vault', buttonLabel: 'Open vault', defaultPath: vaultDir, filters: VAULT_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    chooseNewVaultPath: () =>
      save({
        title: 'Create a new vault',
        buttonLabel: 'Create vault',
        defaultPath: join(documents(), `DoeVault${VAULT_EXTENSION}`),
        filters: VAULT_FILTERS,
        properties: ['createDirectory', 'dontAddToRecent'],
      }),
    chooseBackupDestination: () =>
      save({
        title: 'Save a backup of the vault',
        buttonLabel: 'Save backup',
        defaultPath: join(documents(), `DoeVault-backup-${today()}${VAULT_EXTENSION}`),
        filters: VAULT_FILTERS,
        properties: ['createDirectory', 'dontAddToRecent'],
      }),
    chooseBackupToRestore: () =>
      open({ title: 'Choose the backup to restore', buttonLabel: 'Restore this backup', defaultPath: documents(), filters: VAULT_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    chooseRestoreDestination: () =>
      save({
        title: 'Save the restored vault as',
        buttonLabel: 'Restore here',
        defaultPath: join(vaultDir, `restored-${today()}${VAULT_EXTENSION}`),
        filters: VAULT_FILTERS,
        properties: ['createDirectory', 'dontAddToRecent'],
      }),
    writeClipboard: (text) => clipboard.writeText(text),
    readClipboard: () => clipboard.readText(),
    emit: (kind, payload) => {
      const window = options.getWindow();
      if (window && !window.isDestroyed()) sendEvent(window.webContents, kind, payload);
    },
  };
}

/** Linux save dialogs do not add the filter's extension: every vault file ends in .doevault. */
export function withVaultExtension(path: string): string {
  return extname(path).toLowerCase() === VAULT_EXTENSION ? path : `${path}${VAULT_EXTENSION}`;
}

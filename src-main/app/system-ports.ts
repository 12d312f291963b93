import { app, clipboard, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { dirname, extname, join } from 'node:path';
import type { SystemPorts } from '../ipc/desktop-session';
import { sendEvent } from '../ipc/register';

/**
 * The SystemPorts of the app: native dialogs (modal to the window), the clipboard, the file
 * manager, window events.
 *
 * The clipboard is Electron's own (asynchronous since Electron 45).
 */

export const VAULT_EXTENSION = '.doevault';
const VAULT_FILTERS = [{ name: 'DoeVault vault', extensions: ['doevault'] }];
const DRAFT_FILTERS = [{ name: 'Drafts (.docx, .md, .txt)', extensions: ['docx', 'md', 'markdown', 'txt'] }];
const PACKAGE_FILTERS = [{ name: 'DoeVault sealed package', extensions: ['doesealed'] }];
const PUBLIC_KEY_FILTERS = [{ name: 'Recipient public key', extensions: ['pub'] }];
const SECRET_KEY_FILTERS = [{ name: 'Recipient secret key', extensions: ['key'] }];
const EXHIBIT_FILTERS = [{ name: 'Exhibits (.pdf, images, .tiff, .docx)', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'docx'] }];
const INTAKE_FILTERS = [{ name: 'Spreadsheets (.csv, .xlsx)', extensions: ['csv', 'xlsx'] }];
const ROSTER_FILTERS: Record<'csv' | 'xlsx' | 'json', { name: string; extensions: string[] }[]> = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

/** What the save dialog of a SEALED roster says: the file will hold real identities. */
export const SEALED_ROSTER_WARNING =
  'This file will hold the REAL NAMES and identities of the plaintiffs, unencrypted. Save it only to an encrypted drive or a folder the court or your firm allows, never to a shared or synced folder. The export is recorded in the audit log.';

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
  /** A folder: an existing one, or one made in the dialog ("New Folder"). */
  const folder = (settings: Pick<OpenDialogOptions, 'title' | 'buttonLabel' | 'defaultPath' | 'message'>) =>
    open({ ...settings, properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'] });
  const saveAny = async (settings: SaveDialogOptions): Promise<string | null> => {
    const window = options.getWindow();
    const result = window ? await dialog.showSaveDialog(window, settings) : await dialog.showSaveDialog(settings);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const save = async (settings: SaveDialogOptions): Promise<string | null> => {
    const path = await saveAny(settings);
    return path === null ? null : withVaultExtension(path);
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
    chooseDraftToImport: () =>
      open({ title: 'Import a draft', buttonLabel: 'Import draft', defaultPath: documents(), filters: DRAFT_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    chooseExportFolder: () =>
      folder({
        title: 'Export the filing into a folder',
        buttonLabel: 'Export here',
        message: 'Choose an empty folder, or make a new one: DoeVault never overwrites an export.',
        defaultPath: documents(),
      }),
    chooseRecipientKey: () =>
      open({
        title: "Choose the recipient's public key",
        buttonLabel: 'Use this key',
        defaultPath: documents(),
        filters: PUBLIC_KEY_FILTERS,
        properties: ['openFile', 'dontAddToRecent'],
      }),
    chooseSealedPackage: () =>
      open({ title: 'Open a sealed package', buttonLabel: 'Open package', defaultPath: documents(), filters: PACKAGE_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    choosePackageDestination: () =>
      folder({ title: "Save the package's files into a folder", buttonLabel: 'Save here', message: 'Choose an empty folder, or make a new one.', defaultPath: documents() }),
    chooseSecretKey: () =>
      open({ title: 'Choose your secret key', buttonLabel: 'Use this key', defaultPath: documents(), filters: SECRET_KEY_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    chooseIntakeFile: () =>
      open({ title: 'Import plaintiffs from a spreadsheet', buttonLabel: 'Choose file', defaultPath: documents(), filters: INTAKE_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    chooseExhibitFile: () =>
      open({ title: 'Add an exhibit to redact', buttonLabel: 'Add exhibit', defaultPath: documents(), filters: EXHIBIT_FILTERS, properties: ['openFile', 'dontAddToRecent'] }),
    chooseExhibitFolder: () =>
      folder({
        title: 'Write the redacted exhibit into a folder',
        buttonLabel: 'Redact here',
        message: 'Choose an empty folder, or make a new one: DoeVault never overwrites a file.',
        defaultPath: documents(),
      }),
    chooseRosterDestination: async ({ sealed, format, caseTitle }) => {
      const name = `${fileNamePart(caseTitle ?? 'case')} roster ${sealed ? 'SEALED' : 'public'} ${today()}.${format}`;
      const path = await saveAny({
        title: sealed ? 'Save the SEALED roster (real names)' : 'Save the public roster (pseudonyms only)',
        buttonLabel: sealed ? 'Save sealed roster' : 'Save roster',
        ...(sealed ? { message: SEALED_ROSTER_WARNING } : {}),
        defaultPath: join(documents(), name),
        filters: ROSTER_FILTERS[format],
        properties: ['createDirectory', 'dontAddToRecent', 'showOverwriteConfirmation'],
      });
      return path === null ? null : withExtension(path, `.${format}`);
    },
    // showItemInFolder only shows the file in the file manager; it never opens or runs it.
    showInFolder: async (path) => shell.showItemInFolder(path),
    writeClipboard: (text) => clipboard.writeText(text),
    readClipboard: () => clipboard.readText(),
    emit: (kind, payload) => {
      const window = options.getWindow();
      if (window && !window.isDestroyed()) sendEvent(window.webContents, kind, payload);
    },
  };
}

/** Linux save dialogs do not add the filter's extension. */
export function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === extension ? path : `${path}${extension}`;
}

/** A case title as part of a file name: no path separators or characters file systems refuse. */
export function fileNamePart(title: string): string {
  return title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'case';
}

/** Linux save dialogs do not add the filter's extension: every vault file ends in .doevault. */
export function withVaultExtension(path: string): string {
  return extname(path).toLowerCase() === VAULT_EXTENSION ? path : `${path}${VAULT_EXTENSION}`;
}

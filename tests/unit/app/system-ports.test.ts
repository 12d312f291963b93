import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { InProcessVaultHost } from '../../../src-main/core/host/vault-host';
import { CLIPBOARD_CLEAR_SECONDS, DesktopSession } from '../../../src-main/ipc/desktop-session';
import { EVENT_CHANNEL } from '../../../src-preload/contract';
import { FakeBrowserWindow } from './fakes';

const electron = vi.hoisted(() => {
  const state = { clipboard: '' };
  return {
    state,
    app: { getPath: vi.fn(() => '/home/user/Documents') },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    shell: { showItemInFolder: vi.fn() },
    clipboard: {
      readText: vi.fn(async () => state.clipboard),
      writeText: vi.fn(async (text: string) => {
        state.clipboard = text;
      }),
    },
    ipcMain: { handle: vi.fn() },
  };
});
vi.mock('electron', () => electron);

const { createElectronPorts, withVaultExtension } = await import('../../../src-main/app/system-ports');

const VAULT = '/home/user/.config/DoeVault/vault.doevault';
let window: FakeBrowserWindow | undefined;

function ports() {
  return createElectronPorts({ getWindow: () => window as never, defaultVaultPath: VAULT, now: () => new Date('2031-02-03T10:00:00Z') });
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.state.clipboard = '';
  window = new FakeBrowserWindow({});
});

describe('intake dialogs', () => {
  it('choose a .csv or .xlsx to import', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/intake/officers.xlsx'] });
    expect(await ports().chooseIntakeFile()).toBe('/intake/officers.xlsx');
    expect(electron.dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({
      filters: [{ name: 'Spreadsheets (.csv, .xlsx)', extensions: ['csv', 'xlsx'] }],
      properties: expect.arrayContaining(['openFile']),
    });
  });

  it('save a public roster under a proposed name, adding the extension Linux leaves out', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/out/roster' });
    expect(await ports().chooseRosterDestination({ sealed: false, format: 'csv', caseTitle: 'Does 1/140 v. City: "North"' })).toBe('/out/roster.csv');
    const settings = electron.dialog.showSaveDialog.mock.calls[0]![1];
    expect(settings).toMatchObject({
      title: 'Save the public roster (pseudonyms only)',
      defaultPath: join('/home/user/Documents', 'Does 1 140 v. City North roster public 2031-02-03.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(settings.message).toBeUndefined();
  });

  it('warn in the dialog itself that a sealed roster holds real names', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/secure/sealed.xlsx' });
    expect(await ports().chooseRosterDestination({ sealed: true, format: 'xlsx' })).toBe('/secure/sealed.xlsx');
    expect(electron.dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({
      title: 'Save the SEALED roster (real names)',
      message: expect.stringMatching(/REAL NAMES/),
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
    });
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await ports().chooseRosterDestination({ sealed: true, format: 'csv' })).toBeNull();
  });
});

describe('file dialogs', () => {
  it('map a cancelled open dialog, or one with no file, to null', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignored.doevault'] });
    expect(await ports().chooseVaultToOpen()).toBeNull();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] });
    expect(await ports().chooseBackupToRestore()).toBeNull();
  });

  it('map a cancelled save dialog, or an empty path, to null', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '/x.doevault' });
    expect(await ports().chooseNewVaultPath()).toBeNull();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await ports().chooseBackupDestination()).toBeNull();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await ports().chooseRestoreDestination()).toBeNull();
  });

  it('return the chosen file, attached to the window, filtered to .doevault files', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/cases/smith.doevault'] });
    expect(await ports().chooseVaultToOpen()).toBe('/cases/smith.doevault');
    const [parent, settings] = electron.dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(settings).toMatchObject({
      title: 'Open a DoeVault vault',
      defaultPath: '/home/user/.config/DoeVault',
      filters: [{ name: 'DoeVault vault', extensions: ['doevault'] }],
      properties: expect.arrayContaining(['openFile']),
    });
  });

  it('propose sensible names and add .doevault when a save dialog did not', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/backups/friday' });
    expect(await ports().chooseBackupDestination()).toBe('/backups/friday.doevault');
    expect(electron.dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({
      title: 'Save a backup of the vault',
      defaultPath: join('/home/user/Documents', 'DoeVault-backup-2031-02-03.doevault'),
      filters: [{ name: 'DoeVault vault', extensions: ['doevault'] }],
    });
    await ports().chooseNewVaultPath();
    expect(electron.dialog.showSaveDialog.mock.calls[1]![1]).toMatchObject({ title: 'Create a new vault', defaultPath: join('/home/user/Documents', 'DoeVault.doevault') });
    await ports().chooseRestoreDestination();
    expect(electron.dialog.showSaveDialog.mock.calls[2]![1]).toMatchObject({ defaultPath: join('/home/user/.config/DoeVault', 'restored-2031-02-03.doevault') });
    expect(withVaultExtension('/a/b.doevault')).toBe('/a/b.doevault');
    expect(withVaultExtension('/a/b.DOEVAULT')).toBe('/a/b.DOEVAULT');
    expect(withVaultExtension('/a/backup 2031.02.03')).toBe('/a/backup 2031.02.03.doevault');
  });

  it('still work before the window exists (not modal then)', async () => {
    window = undefined;
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/v.doevault'] });
    expect(await ports().chooseVaultToOpen()).toBe('/v.doevault');
    expect(electron.dialog.showOpenDialog.mock.calls[0]).toHaveLength(1);
  });
});

describe('filing and sealed-package dialogs', () => {
  it('ask for a draft among .docx, .md and .txt files', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/drafts/complaint.docx'] });
    expect(await ports().chooseDraftToImport()).toBe('/drafts/complaint.docx');
    const [parent, settings] = electron.dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(settings).toMatchObject({
      title: 'Import a draft',
      defaultPath: '/home/user/Documents',
      filters: [{ extensions: ['docx', 'md', 'markdown', 'txt'] }],
      properties: expect.arrayContaining(['openFile']),
    });
  });

  it('ask for folders (export, package destination) that may be made in the dialog', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/exports/2031-02-03'] });
    expect(await ports().chooseExportFolder()).toBe('/exports/2031-02-03');
    expect(await ports().choosePackageDestination()).toBe('/exports/2031-02-03');
    for (const [, settings] of electron.dialog.showOpenDialog.mock.calls) {
      expect(settings.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
      expect(settings.properties).not.toContain('openFile');
      expect(settings.filters).toBeUndefined();
    }
    expect(electron.dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({ title: 'Export the filing into a folder', buttonLabel: 'Export here' });
  });

  it('filter packages and key files by their extensions, and map a cancel to null', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/in/x'] });
    await ports().chooseSealedPackage();
    await ports().chooseRecipientKey();
    await ports().chooseSecretKey();
    const filters = electron.dialog.showOpenDialog.mock.calls.map(([, settings]) => settings.filters[0].extensions);
    expect(filters).toEqual([['doesealed'], ['pub'], ['key']]);
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    for (const choose of ['chooseDraftToImport', 'chooseExportFolder', 'chooseRecipientKey', 'chooseSealedPackage', 'choosePackageDestination', 'chooseSecretKey'] as const) {
      expect(await ports()[choose](), choose).toBeNull();
    }
  });

  it('show a written file in the file manager, without opening it', async () => {
    await ports().showInFolder('/exports/2031-02-03/public.pdf');
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith('/exports/2031-02-03/public.pdf');
  });
});

describe('events', () => {
  it('go to the window on the event channel, and nowhere once it is gone', () => {
    const p = ports();
    p.emit('locked', { reason: 'idle' });
    expect(window!.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, { kind: 'locked', payload: { reason: 'idle' } });
    window!.destroyed = true;
    p.emit('locked', { reason: 'user' });
    expect(window!.webContents.send).toHaveBeenCalledTimes(1);
    window = undefined;
    expect(() => p.emit('locked', { reason: 'user' })).not.toThrow();
  });
});

describe('the clipboard (Electron 45: asynchronous)', () => {
  it("reads and writes Electron's clipboard", async () => {
    const p = ports();
    await p.writeClipboard('Jane Roe');
    expect(electron.state.clipboard).toBe('Jane Roe');
    expect(await p.readClipboard()).toBe('Jane Roe');
  });

  it('with a real DesktopSession: a copied name is cleared after the delay, and on lock, but not what the user copied since', async () => {
    vi.useFakeTimers();
    const host = new InProcessVaultHost({ kdf: TEST_ONLY_INSECURE_KDF });
    const p = ports();
    const session = new DesktopSession(host, p, '/nonexistent/settings.json', VAULT);
    try {
      await session.copyToClipboard('Jane Roe');
      expect(electron.state.clipboard).toBe('Jane Roe');
      await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_SECONDS * 1000 - 1);
      expect(electron.state.clipboard).toBe('Jane Roe');
      await vi.advanceTimersByTimeAsync(1);
      expect(electron.state.clipboard).toBe('');

      await session.copyToClipboard('John Doe');
      await session.lock('user');
      expect(electron.state.clipboard).toBe('');

      await session.copyToClipboard('John Doe');
      electron.state.clipboard = 'something the user copied since';
      await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_SECONDS * 1000);
      expect(electron.state.clipboard).toBe('something the user copied since');
    } finally {
      vi.useRealTimers();
    }
  });
});

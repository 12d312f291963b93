import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunOptions, VaultHost } from '../core/host/vault-host';
import type { EventKind, EventPayload, Settings, VaultStatus } from '../../src-preload/contract';

/**
 * What the handlers need from the operating system: file dialogs, the clipboard, the file
 * manager and events to the window. Electron provides them in the app (src-main/app); the E2E
 * harness provides its own, since a test cannot click through a native dialog. Every path comes
 * from one of these dialogs, in main: the renderer never sends one.
 */
export interface SystemPorts {
  chooseVaultToOpen(): Promise<string | null>;
  chooseNewVaultPath(): Promise<string | null>;
  chooseBackupDestination(): Promise<string | null>;
  chooseBackupToRestore(): Promise<string | null>;
  chooseRestoreDestination(): Promise<string | null>;
  /** A draft to import: .txt, .md or .docx. */
  chooseDraftToImport(): Promise<string | null>;
  /** The folder a filing is exported into. */
  chooseExportFolder(): Promise<string | null>;
  /** A recipient's public key file (.pub), for sealing a package to it. */
  chooseRecipientKey(): Promise<string | null>;
  /** A sealed package (.doesealed) to open. */
  chooseSealedPackage(): Promise<string | null>;
  /** The folder an opened package's files go to. */
  choosePackageDestination(): Promise<string | null>;
  /** The recipient's secret key file (.key) that opens a package sealed to its public key. */
  chooseSecretKey(): Promise<string | null>;
  /** An intake spreadsheet to import plaintiffs from: .csv or .xlsx. */
  chooseIntakeFile(): Promise<string | null>;
  /** An exhibit to redact: .pdf, .png, .jpg, .jpeg, .tif, .tiff or .docx. */
  chooseExhibitFile(): Promise<string | null>;
  /** The folder a redacted exhibit (public PDF, sealed log, manifest) is written into. */
  chooseExhibitFolder(): Promise<string | null>;
  /**
   * Where a roster export goes (a new file). For the sealed kind the dialog says, in its own
   * words, that the file will hold real identities.
   */
  chooseRosterDestination(kind: RosterFileKind): Promise<string | null>;
  /** Shows a file DoeVault wrote in the file manager, selected. */
  showInFolder(path: string): Promise<void>;
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  emit<K extends EventKind>(kind: K, payload: EventPayload<K>): void;
}

export interface RosterFileKind {
  sealed: boolean;
  format: 'csv' | 'xlsx' | 'json';
  /** The case's title, for the proposed file name. */
  caseTitle?: string | undefined;
}

/** The intake file chosen in main's dialog, kept here: the renderer never names a path. */
export interface IntakeFile {
  caseId: string;
  path: string;
  fileName: string;
}

/**
 * An exhibit chosen in main's dialog, kept here with its last scan: the renderer names it by
 * the id main gave it, and sees the findings' words only when it asks to (exhibits:revealFinding).
 */
export interface ExhibitFile {
  caseId: string;
  path: string;
  fileName: string;
  /** The last scan: the file's SHA-256, and per finding id the words read there and their page. */
  read?: { sha256: string; findings: Map<string, { text: string; page: number }> };
}

/** A recipient public key read from a .pub file chosen in main, kept here until the export uses it. */
export interface RecipientKey {
  publicKey: Uint8Array;
  fileName: string;
  fingerprint: string;
}

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 5 };
export const CLIPBOARD_CLEAR_SECONDS = 20;

interface StoredSettings extends Settings {
  lastVaultPath?: string;
}

/**
 * The desktop app's state around the vault: which file is in use, the settings, the clipboard
 * timer. The vault itself lives in the host (a worker thread in the app).
 */
export class DesktopSession {
  private selectedPath: string;
  private settings: StoredSettings;
  private clipboardTimer: ReturnType<typeof setTimeout> | undefined;
  private copied: string | undefined;
  /**
   * A file of the last export and of the last opened package: "Show in folder" shows these,
   * so the renderer never names a path for main to open.
   */
  lastExport: string | undefined;
  lastPackage: string | undefined;
  /** Operations running now, each with its cancel switch (operations:cancel, lock). */
  private readonly running = new Set<AbortController>();
  /** The spreadsheet chosen for an import; forgotten on lock. */
  intakeFile: IntakeFile | undefined;
  /** The exhibits under review, by the id the renderer knows them by, with their findings' words; forgotten on lock. */
  readonly exhibitFiles = new Map<string, ExhibitFile>();
  /** A file of the last redacted exhibit, for its "Show in folder". */
  lastExhibit: string | undefined;
  /** The recipient key chosen for the next sealed package; forgotten on lock. */
  recipientKey: RecipientKey | undefined;

  constructor(
    readonly host: VaultHost,
    readonly ports: SystemPorts,
    private readonly settingsFile: string,
    defaultVaultPath: string,
  ) {
    this.settings = readSettings(settingsFile);
    this.selectedPath = this.settings.lastVaultPath ?? defaultVaultPath;
  }

  /** Opens the remembered vault, locked, if it exists. */
  async start(): Promise<void> {
    if (existsSync(this.selectedPath)) await this.host.open(this.selectedPath);
  }

  get path(): string {
    return this.selectedPath;
  }

  async status(): Promise<VaultStatus> {
    const host = await this.host.status();
    const path = host.path ?? this.selectedPath;
    const status: VaultStatus = { state: !host.open ? 'none' : host.unlocked ? 'unlocked' : 'locked', path, exists: existsSync(path) };
    if (host.cleanedExports > 0) status.cleanedExports = host.cleanedExports;
    if (host.unlocked) {
      const { message } = await this.host.call('vault.integrity');
      if (message !== null) status.damage = message;
    }
    return status;
  }

  /** Switches to another vault file (already opened in the host) and remembers it. */
  use(path: string): void {
    this.selectedPath = path;
    this.saveSettings({ ...this.settings, lastVaultPath: path });
  }

  getSettings(): Settings {
    return { autoLockMinutes: this.settings.autoLockMinutes };
  }

  saveSettings(next: StoredSettings): Settings {
    this.settings = next;
    mkdirSync(dirname(this.settingsFile), { recursive: true, mode: 0o700 });
    const temporary = `${this.settingsFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(temporary, this.settingsFile);
    return this.getSettings();
  }

  async lock(reason: EventPayload<'locked'>['reason']): Promise<void> {
    // A long operation stops first (undoing its work): locking must not wait for an import.
    this.cancelRunning();
    const host = await this.host.status();
    if (host.unlocked) await this.host.call('vault.lock');
    this.recipientKey = undefined;
    this.intakeFile = undefined;
    this.exhibitFiles.clear();
    await this.clearClipboard();
    this.ports.emit('locked', { reason });
  }

  /**
   * Runs a long operation (Argon2id, a large roster, an export, an import) in the vault worker
   * and tells the window when it starts and ends, so it can show progress instead of seeming
   * frozen. `work` gets RunOptions to pass to `host.run`: then the window also hears the
   * operation's own counts (a determinate bar) and operations:cancel can stop it.
   */
  async track<T>(operation: string, work: (options: RunOptions) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.add(controller);
    this.ports.emit('progress', { operation, done: 0, total: null });
    try {
      return await work({
        signal: controller.signal,
        onProgress: (done, total, step) => {
          if (!controller.signal.aborted) this.ports.emit('progress', { operation, done, total, step });
        },
      });
    } finally {
      this.running.delete(controller);
      this.ports.emit('progress', { operation, done: 1, total: 1 });
    }
  }

  /** Cancels every operation running now; false when none was. */
  cancelRunning(): boolean {
    const any = this.running.size > 0;
    for (const controller of this.running) controller.abort();
    return any;
  }

  /** Puts a real name on the clipboard and takes it off again after a while, if still there. */
  async copyToClipboard(text: string): Promise<number> {
    await this.clearClipboard();
    await this.ports.writeClipboard(text);
    this.copied = text;
    this.clipboardTimer = setTimeout(() => void this.clearClipboard().catch(() => undefined), CLIPBOARD_CLEAR_SECONDS * 1000);
    this.clipboardTimer.unref?.();
    return CLIPBOARD_CLEAR_SECONDS;
  }

  /** Empties the clipboard if it still holds the name DoeVault put there; anything copied since stays. */
  async clearClipboard(): Promise<void> {
    if (this.clipboardTimer) clearTimeout(this.clipboardTimer);
    this.clipboardTimer = undefined;
    const copied = this.copied;
    this.copied = undefined;
    if (copied !== undefined && (await this.ports.readClipboard()) === copied) await this.ports.writeClipboard('');
  }

  async dispose(): Promise<void> {
    await this.clearClipboard();
    await this.host.close();
  }
}

function readSettings(file: string): StoredSettings {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredSettings>;
    const minutes = parsed.autoLockMinutes;
    return {
      autoLockMinutes: Number.isInteger(minutes) && minutes! >= 1 && minutes! <= 240 ? minutes! : DEFAULT_SETTINGS.autoLockMinutes,
      ...(typeof parsed.lastVaultPath === 'string' ? { lastVaultPath: parsed.lastVaultPath } : {}),
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

import { powerMonitor } from 'electron';
import type { EventPayload, Settings, VaultStatus } from '../../src-preload/contract';
import { describeError } from './log';

/**
 * Auto-lock (DESIGN.md §7): after `settings.autoLockMinutes` of system idle time, on system
 * suspend and on screen lock. The decision is a pure function; AutoLock is the thin wrapper
 * that polls Electron's powerMonitor and listens to its events.
 */

export type LockReason = EventPayload<'locked'>['reason'];

/** How often the idle time is read. The lock happens at most this late. */
export const IDLE_POLL_MS = 10_000;

/** Lock now for inactivity? Only an unlocked vault, only once idle for the whole period. */
export function idleLockDue(idleSeconds: number, autoLockMinutes: number, state: VaultStatus['state']): boolean {
  return state === 'unlocked' && idleSeconds >= autoLockMinutes * 60;
}

/** What AutoLock needs of the DesktopSession. */
export interface LockableSession {
  lock(reason: LockReason): Promise<void>;
  status(): Promise<VaultStatus>;
  getSettings(): Settings;
}

/** What AutoLock needs of the operating system: powerMonitor in the app. */
export interface SystemActivity {
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  idleSeconds(): number;
  /** Subscribes to 'suspend' and 'lock-screen'; returns the unsubscribe function. */
  onSuspendOrScreenLock(listener: (reason: 'suspend' | 'screen-lock') => void): () => void;
}

/** Electron's powerMonitor as SystemActivity. 'lock-screen' exists on macOS and Windows only. */
export function powerMonitorActivity(): SystemActivity {
  return {
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    onSuspendOrScreenLock(listener) {
      const onSuspend = () => listener('suspend');
      const onLockScreen = () => listener('screen-lock');
      powerMonitor.on('suspend', onSuspend);
      powerMonitor.on('lock-screen', onLockScreen);
      return () => {
        powerMonitor.removeListener('suspend', onSuspend);
        powerMonitor.removeListener('lock-screen', onLockScreen);
      };
    },
  };
}

export class AutoLock {
  private autoLockMinutes: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private checking = false;

  constructor(
    private readonly session: LockableSession,
    private readonly activity: SystemActivity = powerMonitorActivity(),
    private readonly logError: (message: string) => void = (message) => console.error(message),
    private readonly pollMs: number = IDLE_POLL_MS,
  ) {
    this.autoLockMinutes = session.getSettings().autoLockMinutes;
  }

  start(): void {
    if (this.timer) return;
    this.unsubscribe = this.activity.onSuspendOrScreenLock((reason) => void this.lock(reason));
    this.timer = setInterval(() => void this.check(), this.pollMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The settings changed (createHandlers' onSettingsChange): read the period again. */
  settingsChanged(): void {
    this.autoLockMinutes = this.session.getSettings().autoLockMinutes;
  }

  /** One poll: locks for inactivity if due. Resolves true when it locked. */
  async check(): Promise<boolean> {
    if (this.checking) return false;
    this.checking = true;
    try {
      const idle = this.activity.idleSeconds();
      // The vault's state costs a round trip to the worker: ask only once the period has passed.
      if (idle < this.autoLockMinutes * 60) return false;
      const { state } = await this.session.status();
      if (!idleLockDue(idle, this.autoLockMinutes, state)) return false;
      await this.session.lock('idle');
      return true;
    } catch (error) {
      this.logError(`DoeVault: auto-lock failed: ${describeError(error)}`);
      return false;
    } finally {
      this.checking = false;
    }
  }

  /**
   * Suspend and screen lock: lock at once if the vault is unlocked (locking also clears a copied
   * name from the clipboard). If the vault's state cannot be read, lock anyway.
   */
  async lock(reason: LockReason): Promise<void> {
    try {
      const state = await this.session.status().then(
        (status) => status.state,
        () => 'unknown' as const,
      );
      if (state === 'unlocked' || state === 'unknown') await this.session.lock(reason);
    } catch (error) {
      this.logError(`DoeVault: locking on ${reason} failed: ${describeError(error)}`);
    }
  }
}

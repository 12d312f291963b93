import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../../src-main/core/crypto';
import { InProcessVaultHost } from '../../../src-main/core/host/vault-host';
import { DesktopSession, type SystemPorts } from '../../../src-main/ipc/desktop-session';
import type { Settings, VaultStatus } from '../../../src-preload/contract';
import { PASSPHRASE, tempDir } from '../../fixtures/temp-vault';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  return { powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: () => 0 }) };
});
const electron = (await import('electron')) as unknown as { powerMonitor: EventEmitter & { getSystemIdleTime: () => number } };

const { AutoLock, IDLE_POLL_MS, idleLockDue, powerMonitorActivity } = await import('../../../src-main/app/auto-lock');

describe('idleLockDue (the pure decision)', () => {
  it.each([
    [299, 5, 'unlocked', false],
    [300, 5, 'unlocked', true],
    [301, 5, 'unlocked', true],
    [3600, 5, 'locked', false],
    [3600, 5, 'none', false],
    [59, 1, 'unlocked', false],
    [60, 1, 'unlocked', true],
    [14_399, 240, 'unlocked', false],
    [14_400, 240, 'unlocked', true],
  ] as const)('idle %ss, %s min, %s → %s', (idle, minutes, state, expected) => {
    expect(idleLockDue(idle, minutes, state)).toBe(expected);
  });
});

/** A session double: its state, its settings, and the locks asked of it. */
function fakeSession(state: VaultStatus['state'] = 'unlocked', minutes = 5) {
  const session = {
    state,
    settings: { autoLockMinutes: minutes } as Settings,
    locks: [] as string[],
    status: vi.fn(async (): Promise<VaultStatus> => ({ state: session.state, path: '/v.doevault', exists: true })),
    getSettings: vi.fn(() => session.settings),
    lock: vi.fn(async (reason: string) => {
      session.locks.push(reason);
      session.state = 'locked';
    }),
  };
  return session;
}

function fakeActivity() {
  const listeners: ((reason: 'suspend' | 'screen-lock') => void)[] = [];
  const activity = {
    idle: 0,
    unsubscribed: 0,
    idleSeconds: () => activity.idle,
    onSuspendOrScreenLock: (listener: (reason: 'suspend' | 'screen-lock') => void) => {
      listeners.push(listener);
      return () => {
        activity.unsubscribed++;
        listeners.splice(listeners.indexOf(listener), 1);
      };
    },
    fire: (reason: 'suspend' | 'screen-lock') => listeners.forEach((listener) => listener(reason)),
    listeners,
  };
  return activity;
}

describe('AutoLock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks with reason "idle" once the system has been idle for the setting (default 5 minutes)', async () => {
    const session = fakeSession('unlocked', 5);
    const activity = fakeActivity();
    const autoLock = new AutoLock(session, activity);
    autoLock.start();
    activity.idle = 299;
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(session.lock).not.toHaveBeenCalled();
    activity.idle = 300;
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(session.locks).toEqual(['idle']);
    // Still idle, now locked: no second lock, no second event.
    activity.idle = 900;
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS * 3);
    expect(session.locks).toEqual(['idle']);
    autoLock.stop();
  });

  it('does not ask the vault its state while the idle time is below the period', async () => {
    const session = fakeSession();
    const activity = fakeActivity();
    activity.idle = 10;
    const autoLock = new AutoLock(session, activity);
    autoLock.start();
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS * 5);
    expect(session.status).not.toHaveBeenCalled();
    autoLock.stop();
  });

  it('reads the period again when the settings change', async () => {
    const session = fakeSession('unlocked', 5);
    const activity = fakeActivity();
    const autoLock = new AutoLock(session, activity);
    autoLock.start();
    activity.idle = 120;
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(session.lock).not.toHaveBeenCalled();
    session.settings = { autoLockMinutes: 1 };
    autoLock.settingsChanged();
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(session.locks).toEqual(['idle']);
    autoLock.stop();
  });

  it('locks on suspend and on screen lock, with that reason', async () => {
    const session = fakeSession('unlocked');
    const activity = fakeActivity();
    const autoLock = new AutoLock(session, activity);
    autoLock.start();
    activity.fire('suspend');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.locks).toEqual(['suspend']);
    session.state = 'unlocked';
    activity.fire('screen-lock');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.locks).toEqual(['suspend', 'screen-lock']);
    autoLock.stop();
  });

  it('does not lock on suspend when no vault is unlocked, but does if the state cannot be read', async () => {
    const session = fakeSession('none');
    const activity = fakeActivity();
    const autoLock = new AutoLock(session, activity);
    autoLock.start();
    activity.fire('suspend');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.lock).not.toHaveBeenCalled();
    session.status.mockRejectedValueOnce(new Error('worker gone'));
    activity.fire('suspend');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.locks).toEqual(['suspend']);
    autoLock.stop();
  });

  it('stops polling and unsubscribes when stopped', async () => {
    const session = fakeSession('unlocked', 1);
    const activity = fakeActivity();
    const autoLock = new AutoLock(session, activity);
    autoLock.start();
    autoLock.stop();
    expect(activity.unsubscribed).toBe(1);
    activity.idle = 10_000;
    activity.fire('suspend');
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS * 3);
    expect(session.lock).not.toHaveBeenCalled();
  });

  it('logs a failed lock without throwing', async () => {
    const session = fakeSession('unlocked', 1);
    session.lock.mockRejectedValueOnce(new Error('Jane Roe secret detail'));
    const logs: string[] = [];
    const autoLock = new AutoLock(session, fakeActivity(), (message) => logs.push(message));
    await autoLock.lock('suspend');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('suspend');
    expect(logs[0]).not.toContain('Jane Roe');
  });
});

describe('powerMonitorActivity (the Electron wrapper)', () => {
  it('reads the system idle time and maps suspend and lock-screen to lock reasons', () => {
    const monitor = electron.powerMonitor;
    monitor.getSystemIdleTime = () => 42;
    const activity = powerMonitorActivity();
    expect(activity.idleSeconds()).toBe(42);
    const reasons: string[] = [];
    const off = activity.onSuspendOrScreenLock((reason) => reasons.push(reason));
    monitor.emit('suspend');
    monitor.emit('lock-screen');
    expect(reasons).toEqual(['suspend', 'screen-lock']);
    off();
    monitor.emit('suspend');
    expect(reasons).toHaveLength(2);
    expect(monitor.listenerCount('suspend') + monitor.listenerCount('lock-screen')).toBe(0);
  });
});

describe('AutoLock over a real DesktopSession and vault', () => {
  it('locks the vault and the session emits the locked event with the reason', async () => {
    const { dir, cleanup } = tempDir('doevault-autolock-');
    const host = new InProcessVaultHost({ kdf: TEST_ONLY_INSECURE_KDF });
    const events: { kind: string; payload: unknown }[] = [];
    const ports = {
      emit: (kind: string, payload: unknown) => events.push({ kind, payload }),
      writeClipboard: async () => undefined,
      readClipboard: async () => '',
    } as unknown as SystemPorts;
    const session = new DesktopSession(host, ports, join(dir, 'settings.json'), join(dir, 'vault.doevault'));
    try {
      await host.create(join(dir, 'vault.doevault'), PASSPHRASE);
      expect((await session.status()).state).toBe('unlocked');
      const activity = fakeActivity();
      const autoLock = new AutoLock(session, activity);
      activity.idle = 5 * 60;
      expect(await autoLock.check()).toBe(true);
      expect((await session.status()).state).toBe('locked');
      expect(events).toEqual([{ kind: 'locked', payload: { reason: 'idle' } }]);
      expect(await autoLock.check()).toBe(false);
      expect(events).toHaveLength(1);
    } finally {
      await session.dispose();
      cleanup();
    }
  });
});

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportJournal, stagingFolderOf } from '../../../src-main/core/export/export-staging';
import { CLIPBOARD_CLEAR_SECONDS, DesktopSession } from '../../../src-main/ipc/desktop-session';
import type { Channel, ChannelInput } from '../../../src-preload/contract';
import { PASSPHRASE } from '../../fixtures/temp-vault';
import { desktop, type Desktop } from './handlers/desktop';

describe('the desktop handlers over a real vault', () => {
  let d: Desktop;
  let dir: string;
  let host: Desktop['host'];
  let session: DesktopSession;
  let answers: Desktop['answers'];
  let events: Desktop['events'];
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => d.call(channel, input);
  const value = <C extends Channel>(channel: C, input: ChannelInput<C>) => d.value(channel, input);

  beforeEach(async () => {
    d = await desktop();
    ({ dir, host, session, answers, events } = d);
    await session.start();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await d.dispose();
  });

  async function createWithCase(): Promise<{ caseId: string; plaintiffId: string }> {
    await value('vault:create', { passphrase: PASSPHRASE, location: 'default' });
    const { id: caseId } = await value('cases:create', { title: 'Does v. Handlers', scheme: 'gendered' });
    const { id: plaintiffId } = await value('plaintiffs:add', { caseId, plaintiff: { legalName: 'Maria Ramirez', gender: 'female' } });
    return { caseId, plaintiffId };
  }

  it('starts with no vault, creates one at the default path, and remembers it', async () => {
    expect(await value('vault:status', {})).toEqual({ state: 'none', path: join(dir, 'vault.doevault'), exists: false });
    const created = (await value('vault:create', { passphrase: PASSPHRASE, location: 'default' })) as { recoveryKey: string; status: unknown };
    expect(created.recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(created.status).toEqual({ state: 'unlocked', path: join(dir, 'vault.doevault'), exists: true });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ lastVaultPath: join(dir, 'vault.doevault') });
  });

  it('announces long operations to the window as progress events, start and end', async () => {
    await createWithCase();
    await value('vault:lock', {});
    events.length = 0;
    await value('vault:unlock', { passphrase: PASSPHRASE });
    expect(events).toEqual([
      { kind: 'progress', payload: { operation: 'Unlocking', done: 0, total: null } },
      { kind: 'progress', payload: { operation: 'Unlocking', done: 1, total: 1 } },
    ]);
    events.length = 0;
    expect(await call('vault:unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false });
    expect(events.map((e) => (e.payload as { done: number }).done)).toEqual([0, 1]);
  });

  it('tells the window when opening the vault removed what an export killed mid-way had staged', async () => {
    await createWithCase();
    const vaultPath = join(dir, 'vault.doevault');
    expect(await value('vault:status', {})).not.toHaveProperty('cleanedExports');
    await host.close();
    // An export that died after staging its files: the journal beside the vault names them.
    const destination = join(dir, 'export');
    mkdirSync(destination);
    const staging = await new ExportJournal(stagingFolderOf(vaultPath)).begin(destination);
    writeFileSync(join(staging, 'sealed.pdf'), 'Maria Ramirez');
    await session.start();
    await value('vault:unlock', { passphrase: PASSPHRASE });
    expect(await value('vault:status', {})).toMatchObject({ state: 'unlocked', cleanedExports: 1 });
    expect(existsSync(staging)).toBe(false);
  });

  it('refuses to create over an existing vault, and a cancelled dialog changes nothing', async () => {
    await createWithCase();
    expect(await call('vault:create', { passphrase: PASSPHRASE, location: 'default' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await value('vault:create', { passphrase: PASSPHRASE, location: 'choose' })).toBeNull();
    expect(await value('vault:open', {})).toBeNull();
  });

  it('answers LOCKED while locked, and the lock is announced to the window', async () => {
    const { caseId } = await createWithCase();
    expect(await value('vault:lock', {})).toMatchObject({ state: 'locked' });
    expect(events).toContainEqual({ kind: 'locked', payload: { reason: 'user' } });
    for (const [channel, input] of [
      ['cases:list', {}],
      ['plaintiffs:roster', { caseId }],
      ['audit:list', {}],
      ['vault:backup', {}],
    ] as const) {
      expect(await call(channel, input as never), channel).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    expect(await call('vault:unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await value('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });

  it('copies a real name, audits it, and clears the clipboard after 20 s or on lock if it still holds the name', async () => {
    const { caseId, plaintiffId } = await createWithCase();
    vi.useFakeTimers();
    expect(await value('plaintiffs:copyName', { caseId, plaintiffId })).toEqual({ clearsAfterSeconds: CLIPBOARD_CLEAR_SECONDS });
    expect(d.clipboard).toBe('Maria Ramirez');
    await vi.advanceTimersByTimeAsync(19_000);
    expect(d.clipboard).toBe('Maria Ramirez');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(d.clipboard).toBe('');

    await value('plaintiffs:copyName', { caseId, plaintiffId });
    d.clipboard = 'something the user copied since';
    await vi.advanceTimersByTimeAsync(20_000);
    expect(d.clipboard).toBe('something the user copied since');

    await value('plaintiffs:copyName', { caseId, plaintiffId });
    await value('vault:lock', {});
    expect(d.clipboard).toBe('');
    vi.useRealTimers();
    await value('vault:unlock', { passphrase: PASSPHRASE });
    const actions = ((await value('audit:list', {})) as { action: string }[]).map((e) => e.action);
    expect(actions.filter((a) => a === 'plaintiff.revealed')).toHaveLength(3);
  });

  it('backs up where the user chooses, and restores into a new file that then opens, locked', async () => {
    const { caseId } = await createWithCase();
    answers.chooseBackupDestination = join(dir, 'backups', 'b.doevault');
    expect(await value('vault:backup', {})).toMatchObject({ path: join(dir, 'backups', 'b.doevault'), cases: 1 });
    answers.chooseBackupToRestore = join(dir, 'backups', 'b.doevault');
    answers.chooseRestoreDestination = join(dir, 'restored.doevault');
    expect(await value('vault:restore', { passphrase: PASSPHRASE })).toEqual({ state: 'locked', path: join(dir, 'restored.doevault'), exists: true });
    await value('vault:unlock', { passphrase: PASSPHRASE });
    expect(await value('plaintiffs:roster', { caseId })).toHaveLength(1);
  });

  it('refuses to restore a file that is not a backup, and the vault in use is untouched', async () => {
    const { caseId } = await createWithCase();
    writeFileSync(join(dir, 'notes.txt'), 'not a vault at all');
    answers.chooseBackupToRestore = join(dir, 'notes.txt');
    answers.chooseRestoreDestination = join(dir, 'restored.doevault');
    expect(await call('vault:restore', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'NOT_A_VAULT' } });
    expect(existsSync(join(dir, 'restored.doevault'))).toBe(false);
    expect(await value('vault:status', {})).toMatchObject({ state: 'unlocked', path: join(dir, 'vault.doevault') });
    expect(await value('plaintiffs:roster', { caseId })).toHaveLength(1);
  });

  it('cases:update retitles the case in place; a scheme is refused at the boundary and changes nothing', async () => {
    const { caseId } = await createWithCase();
    const updated = await value('cases:update', { caseId, title: 'Jane Doe 1 v. Handlers', court: 'Superior Court' });
    expect(updated).toMatchObject({ id: caseId, title: 'Jane Doe 1 v. Handlers', court: 'Superior Court', scheme: 'gendered', plaintiffs: 1 });
    expect(await value('cases:list', {})).toEqual([updated]);
    expect(await call('cases:update', { caseId, title: 'Roe v. Handlers', scheme: 'letters' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('cases:update', { caseId, title: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'title' } });
    expect(await value('cases:list', {})).toEqual([updated]);
  });

  it('never sends real names in the roster or the search results', async () => {
    const { caseId, plaintiffId } = await createWithCase();
    expect(JSON.stringify(await value('plaintiffs:roster', { caseId }))).not.toContain('Ramirez');
    expect(await value('plaintiffs:search', { caseId, query: 'ramírez' })).toEqual([plaintiffId]);
    // The roster's search: a bitset over sequence numbers (seq 1 matches: bit 1 of byte 0).
    expect(await value('plaintiffs:prepareSearch', { caseId })).toEqual({ ready: true });
    expect(await value('plaintiffs:filter', { caseId, query: 'RAMIREZ' })).toEqual({ count: 1, mask: Buffer.from([0b10]).toString('base64') });
    expect(await value('plaintiffs:filter', { caseId, query: 'nobody' })).toEqual({ count: 0, mask: Buffer.from([0]).toString('base64') });
  });

  it('keeps settings across sessions and refuses out-of-range values', async () => {
    expect(await value('settings:get', {})).toEqual({ autoLockMinutes: 5 });
    expect(await value('settings:set', { autoLockMinutes: 15 })).toEqual({ autoLockMinutes: 15 });
    expect(await call('settings:set', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const again = new DesktopSession(host, session.ports, join(dir, 'settings.json'), join(dir, 'vault.doevault'));
    expect(again.getSettings()).toEqual({ autoLockMinutes: 15 });
  });
});

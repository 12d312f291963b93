import { join } from 'node:path';
import { expect, openApp, test, type AppWindow } from './harness';

// The harness itself: the page's window.doeVault reaches the real handlers on a real vault,
// dialogs, clipboard and events go through the test's ports. The UI flow specs rely on this.

const PASSPHRASE = 'harness passphrase for tests';

test('calls go through the real dispatcher to a real vault; events, dialogs and clipboard are the test ports', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  // Collect the events the page receives through onEvent.
  await page.evaluate(() => {
    const w = globalThis as unknown as AppWindow;
    const received: unknown[] = [];
    w.received = received;
    w.doeVault.onEvent('locked', (payload) => received.push(['locked', payload]));
    w.doeVault.onEvent('progress', (payload) => received.push(['progress', payload]));
  });
  const received = () => page.evaluate(() => (globalThis as unknown as AppWindow).received);
  const receivedOf = async (kind: string) => ((await received()) as [string, unknown][]).filter(([k]) => k === kind);

  const started = Date.now();
  const created = await page.evaluate(
    (passphrase) => (globalThis as unknown as AppWindow).doeVault.vault.create({ passphrase, location: 'default' }),
    PASSPHRASE,
  );
  const createMs = Date.now() - started;
  expect(created.ok).toBe(true);
  if (!created.ok || !created.value) throw new Error('vault not created');
  expect(created.value.status).toEqual({ state: 'unlocked', path: harness.vaultPath, exists: true });
  expect(created.value.recoveryKey.length).toBeGreaterThan(20);

  // An idle lock from main reaches the page as the app's auto-lock would.
  await harness.lock('idle');
  await expect.poll(() => receivedOf('locked')).toEqual([['locked', { reason: 'idle' }]]);
  expect(harness.events.filter((e) => e.kind === 'locked')).toEqual([{ kind: 'locked', payload: { reason: 'idle' } }]);
  // Key derivation is announced as a long operation, start and end.
  expect(await receivedOf('progress')).toEqual([
    ['progress', { operation: 'Creating the vault', done: 0, total: null }],
    ['progress', { operation: 'Creating the vault', done: 1, total: 1 }],
  ]);
  const locked = await page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.cases.list({}));
  expect(locked.ok ? 'ok' : locked.error.code).toBe('LOCKED');

  const wrong = await page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.vault.unlock({ passphrase: 'not the passphrase' }));
  expect(wrong.ok ? 'ok' : wrong.error.code).toBe('WRONG_PASSPHRASE');
  const unlockStarted = Date.now();
  const unlocked = await page.evaluate(
    (passphrase) => (globalThis as unknown as AppWindow).doeVault.vault.unlock({ passphrase }),
    PASSPHRASE,
  );
  const unlockMs = Date.now() - unlockStarted;
  expect(unlocked).toEqual({ ok: true, value: { state: 'unlocked', path: harness.vaultPath, exists: true } });

  // Clipboard: copyName puts the real name on the test clipboard port.
  const copied = await page.evaluate(async () => {
    const api = (globalThis as unknown as AppWindow).doeVault;
    const kase = await api.cases.create({ title: 'Does v. City', scheme: 'neutral' });
    if (!kase.ok) return kase;
    const added = await api.plaintiffs.add({ caseId: kase.value.id, plaintiff: { legalName: 'Maria Example' } });
    if (!added.ok) return added;
    return api.plaintiffs.copyName({ caseId: kase.value.id, plaintiffId: added.value.id });
  });
  expect(copied).toEqual({ ok: true, value: { clearsAfterSeconds: 20 } });
  expect(harness.clipboard()).toBe('Maria Example');

  // Dialogs: unanswered means cancelled; an answer is used once.
  const backup = () => page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.vault.backup({}));
  expect(await backup()).toEqual({ ok: true, value: null });
  harness.answerDialogs({ chooseBackupDestination: join(harness.dir, 'backup.doevault') });
  const made = await backup();
  expect(made.ok && made.value?.path).toBe(join(harness.dir, 'backup.doevault'));
  expect(await backup()).toEqual({ ok: true, value: null });

  // Locking clears the copied name; progress events reach the page too.
  await harness.lock('screen-lock');
  expect(harness.clipboard()).toBe('');
  harness.emit('progress', { operation: 'test', done: 1, total: 2 });
  await expect.poll(() => receivedOf('locked')).toEqual([
    ['locked', { reason: 'idle' }],
    ['locked', { reason: 'screen-lock' }],
  ]);
  await expect.poll(async () => (await receivedOf('progress')).at(-1)).toEqual(['progress', { operation: 'test', done: 1, total: 2 }]);
  expect(() => harness.emit('progress', { operation: 'bad' })).toThrow();

  console.log(`default KDF through the harness: create ${createMs} ms, unlock ${unlockMs} ms`);
});

test('a reload gets a fresh window.doeVault that still reaches the same session', async ({ harness }) => {
  const { page } = harness;
  await openApp(harness);
  await page.reload();
  await page.waitForFunction(() => 'doeVault' in globalThis);
  await page.evaluate(() => {
    const w = globalThis as unknown as AppWindow;
    w.received = [];
    w.doeVault.onEvent('locked', (payload) => (w.received as unknown[]).push(payload));
  });
  await harness.lock('suspend');
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as AppWindow).received)).toEqual([{ reason: 'suspend' }]);
  const status = await page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.vault.status({}));
  expect(status).toEqual({ ok: true, value: { state: 'none', path: harness.vaultPath, exists: false } });
});

import { expectAccessible } from './axe';
import { expect, openApp, test, type AppWindow } from './harness';

test('the built app loads and vault.status round-trips through the real dispatcher', async ({ harness }) => {
  await openApp(harness);
  const status = await harness.page.evaluate(() => (globalThis as unknown as AppWindow).doeVault.vault.status({}));
  expect(status).toEqual({ ok: true, value: { state: 'none', path: harness.vaultPath, exists: false } });
  await expect(harness.page.locator('#root')).not.toBeEmpty();
  await harness.screenshot('smoke-start');
  await expectAccessible(harness.page, 'smoke-start');
});

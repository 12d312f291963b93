import { defineConfig } from '@playwright/test';

/**
 * tests/e2e-electron: the built app in the real Electron through Playwright's _electron
 * (`npm run test:e2e-electron`, after `npm run build`). Where the Electron binary is not installed
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1) the global setup says so and every test is reported skipped,
 * with the reason. No browser is needed: Playwright drives Electron itself.
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-electron/playwright',
  globalSetup: './tests/e2e-electron/global-setup.ts',
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-electron/results.json' }]],
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});

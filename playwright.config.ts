import { defineConfig } from '@playwright/test';

/**
 * E2E: the built renderer in real Chromium through the harness of tests/e2e/harness.ts
 * (DESIGN.md §8). Playwright cannot download its own browser here: Debian's chromium is used
 * (`.ci/run` installs it); PLAYWRIGHT_CHROMIUM overrides the path.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  // One at a time in CI: each test runs Argon2id at 256 MiB and Chromium renders in software,
  // and CI has two cores; in parallel, the 100,000-plaintiff roster starves the others.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // An upper bound, not a target: every vault operation runs the real Argon2id (256 MiB), and
  // a loaded 2-core machine takes long over several of them (harness.ts SLOW for one step).
  timeout: 600_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

import { existsSync } from 'node:fs';
import { assertBuilt } from './harness';

/** Runs once before the E2E suite: the build and the browser must be there. */
export default function globalSetup(): void {
  assertBuilt();
  const chromium = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`No Chromium at ${chromium}: install Debian's \`chromium\` package (.ci/run does) or set PLAYWRIGHT_CHROMIUM.`);
  }
}

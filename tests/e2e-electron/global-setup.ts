import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureElectronNative } from '../../src-main/app/tooling/electron-native';
import { ELECTRON, ROOT, SKIP_REASON } from './electron-binary';

/**
 * Before the Electron smoke tests: where Electron exists, the app must be built (out/) and
 * better-sqlite3 built for Electron (.electron-native/, as `npm start` does). Where it does not,
 * say so once; the spec reports itself skipped with the same reason.
 */
export default async function globalSetup(): Promise<void> {
  if (!ELECTRON.installed) {
    console.log(`e2e-electron: SKIPPED: ${SKIP_REASON} (${ELECTRON.reason}).`);
    return;
  }
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('e2e-electron: out/ is not built. Run `npm run build` first (npm test does).');
  }
  if ((await ensureElectronNative(ROOT)) !== 0) {
    throw new Error('e2e-electron: better-sqlite3 could not be built for Electron (see above).');
  }
}

import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'DoeVault';
export const VAULT_FILE_NAME = 'vault.doevault';

/**
 * Where the desktop app keeps its vault: Electron's userData folder for the app name, worked
 * out here without Electron so that the CLI finds the same file.
 */
export function defaultVaultPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, APP_NAME, VAULT_FILE_NAME);
}

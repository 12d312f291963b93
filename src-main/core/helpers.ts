/**
 * Pure helpers of core for the main process's IPC layer and shell: checks and formats that need
 * no key and no vault file. Importing this loads neither the crypto library nor SQLite (the app's
 * main process never does: the vault lives in its worker). tests/unit/build checks the bundle.
 */
export { VaultError, isVaultError, type ErrorCode } from './errors';
export { exampleNames, formatScheme, parseScheme } from './cases/pseudonyms';
export { defaultLabels, defaultLodgedLabels } from './filings/courts';
export { clearable } from './filings/resolution';
export { isoDate, optional, parseInput } from './validation';
export { APP_NAME, defaultVaultPath } from './vault/default-path';
export { checkNewPassphrase } from './vault/passphrase-policy';

/**
 * Pure constants and types that the IPC contract, the main process and the renderer all use.
 * No logic (but the pure passphrase rule both sides apply, and the printed lines of a signature block) and no imports from the rest of core: this folder is the only part of core that may
 * end up in the preload and renderer bundles (tests/unit/build checks the built bundles).
 */
export * from './error-codes';
export * from './filing-formats';
export * from './intake-fields';
export * from './finding-kinds';
export * from './passphrase-rule';
export * from './honorifics';
export * from './counsel';

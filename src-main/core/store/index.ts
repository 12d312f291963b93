export { VaultStore, linkInto, refuseExisting, removeFileSet, translateStoreError, type StoreOptions, type Sealer } from './store';
export { inspectVaultFile, APPLICATION_ID } from './header';
export { SCHEMA_VERSION } from './migrations';
export type * from './rows';

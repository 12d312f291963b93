import { join } from 'node:path';
import { initCrypto, randomId, randomKey } from '../../../src-main/core/crypto';
import { VaultStore } from '../../../src-main/core/store';
import { Keyring } from '../../../src-main/core/vault/keyring';
import { tempDir } from '../../fixtures/temp-vault';

/** A vault file with its header record and no keyslots, plus its keys: for testing the layers under VaultService. */
export async function bareVault(): Promise<{
  store: VaultStore;
  keys: Keyring;
  path: string;
  dir: string;
  cleanup: () => void;
}> {
  await initCrypto();
  const { dir, cleanup } = tempDir('doevault-unit-');
  const path = join(dir, 'vault.doevault');
  const vaultId = randomId();
  const keys = new Keyring(vaultId, randomKey());
  const store = VaultStore.create(path, (fresh) =>
    fresh.insertMeta({ vault_id: vaultId, created_at: '2024-01-01T00:00:00.000Z', key_check: keys.keyCheck(), audit_head: null }),
  );
  return {
    store,
    keys,
    path,
    dir,
    cleanup: () => {
      store.close();
      cleanup();
    },
  };
}

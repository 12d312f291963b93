import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { VaultError } from '../../core/helpers';

export function vaultHandlers(session: DesktopSession, defaultVaultPath: string): DomainHandlers<'vault'> {
  const { host, ports } = session;
  return {
    'vault:status': () => session.status(),

    'vault:create': async ({ passphrase, location }) => {
      const path = location === 'default' ? defaultVaultPath : await ports.chooseNewVaultPath();
      if (path === null) return null;
      const { recoveryKey } = await session.track('Creating the vault', () => host.create(path, passphrase));
      session.use(path);
      return { recoveryKey, status: await session.status() };
    },

    'vault:open': async () => {
      const path = await ports.chooseVaultToOpen();
      if (path === null) return null;
      await host.open(path);
      session.use(path);
      return session.status();
    },

    'vault:unlock': async ({ passphrase }) => {
      await session.track('Unlocking', () => host.call('vault.unlock', passphrase));
      return session.status();
    },

    'vault:lock': async () => {
      await session.lock('user');
      return session.status();
    },

    'vault:changePassphrase': async ({ current, next }) => {
      await session.track('Changing the passphrase', () => host.call('vault.changePassphrase', current, next));
      return { changed: true as const };
    },

    'vault:recover': async ({ recoveryKey, newPassphrase }) => {
      await session.track('Setting the new passphrase', () => host.call('vault.recover', recoveryKey, newPassphrase));
      return session.status();
    },

    'vault:backup': async () => {
      if ((await session.status()).state !== 'unlocked') {
        throw new VaultError('LOCKED', 'The vault is locked. Unlock it with the passphrase first.');
      }
      const path = await ports.chooseBackupDestination();
      if (path === null) return null;
      return session.track('Writing and checking the backup', () => host.call('vault.backup', path));
    },

    // The restored vault goes to a new file and the app switches to it, locked; the vault in
    // use is not touched, whatever the backup turns out to be.
    'vault:restore': async ({ passphrase }) => {
      const from = await ports.chooseBackupToRestore();
      if (from === null) return null;
      const to = await ports.chooseRestoreDestination();
      if (to === null) return null;
      await session.track('Restoring the backup', () => host.restore(from, to, passphrase));
      await host.open(to);
      session.use(to);
      return session.status();
    },
  };
}

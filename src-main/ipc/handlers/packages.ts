import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

/**
 * Sealed packages (.doesealed). Every file is chosen in main's dialogs; the key files and the
 * package are read and decrypted in the vault's worker (main loads no cryptography).
 */
export function packageHandlers(session: DesktopSession): DomainHandlers<'packages'> {
  const { host, ports } = session;
  return {
    'packages:chooseRecipientKey': async () => {
      const path = await ports.chooseRecipientKey();
      if (path === null) return null;
      const { publicKey, fingerprint } = await host.call('packages.readRecipientKey', path);
      session.recipientKey = { publicKey, fingerprint, fileName: basename(path) };
      return { fileName: basename(path), fingerprint };
    },

    'packages:clearRecipientKey': () => {
      session.recipientKey = undefined;
      return { cleared: true as const };
    },

    'packages:open': async ({ secret }) => {
      const source = await ports.chooseSealedPackage();
      if (source === null) return null;
      let opening: { passphrase: string } | { secretKeyFile: string };
      if (secret.kind === 'secret-key') {
        const keyFile = await ports.chooseSecretKey();
        if (keyFile === null) return null;
        opening = { secretKeyFile: keyFile };
      } else {
        opening = { passphrase: secret.passphrase };
      }
      const destination = await ports.choosePackageDestination();
      if (destination === null) return null;
      const written = await session.track('Opening the sealed package', () => host.call('packages.openPackage', source, opening, destination));
      const files = await Promise.all(written.map(describeFile));
      session.lastPackage = written[0];
      return { folder: written[0] ? dirname(written[0]) : destination, files };
    },

    'packages:showInFolder': async () => {
      if (session.lastPackage === undefined) return { shown: false };
      await ports.showInFolder(session.lastPackage);
      return { shown: true };
    },
  };
}

async function describeFile(path: string): Promise<{ name: string; sha256: string; bytes: number }> {
  const bytes = await readFile(path);
  try {
    return { name: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  } finally {
    bytes.fill(0);
  }
}

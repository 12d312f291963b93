import { resolve } from 'node:path';
import { stringOption } from '../args';
import { UsageError } from '../exit-codes';
import { readPassphrase, readSecretFile } from '../secrets';
import { openVault, say, withUnlockedVault, type Command } from './command';
import { KDF_PRESETS, type KdfPreset, VaultService } from '../../core';

const init: Command = {
  path: ['init'],
  usage: 'init [--kdf interactive|moderate|sensitive]',
  summary: 'create a vault; print the recovery key once; refuse if the file exists',
  options: { kdf: { type: 'string', help: '--kdf interactive|moderate|sensitive   Argon2id strength (default moderate)' } },
  async run(ctx) {
    const preset = stringOption(ctx.options, 'kdf') ?? 'moderate';
    if (!(preset in KDF_PRESETS)) throw new UsageError(`--kdf must be interactive, moderate or sensitive, not "${preset}"`);
    VaultService.assertCanCreate(ctx.vaultPath);
    const passphrase = await readPassphrase(ctx.io, stringOption(ctx.options, 'passphrase-file'), {
      prompt: 'New passphrase (12 characters or more): ',
      confirm: true,
    });
    const { vault, recoveryKey } = await VaultService.create(ctx.vaultPath, passphrase, {
      kdf: KDF_PRESETS[preset as KdfPreset],
    });
    vault.close();
    if (ctx.json) {
      say(ctx, '', { recoveryKey, vault: resolve(ctx.vaultPath) });
      return;
    }
    ctx.io.stdout.write(
      [
        `Created vault ${resolve(ctx.vaultPath)}`,
        '',
        'Recovery key (shown this once; it is not stored anywhere):',
        '',
        `    ${recoveryKey}`,
        '',
        'It opens the vault if the passphrase is lost. Print it or write it down and keep it',
        'offline, apart from this computer. Anyone who holds it can open the vault.',
        '',
      ].join('\n'),
    );
  },
};

const passwd: Command = {
  path: ['passwd'],
  usage: 'passwd --new-passphrase-file FILE',
  summary: 'change the passphrase (the current one from --passphrase-file, stdin or a prompt)',
  options: { 'new-passphrase-file': { type: 'string', help: '--new-passphrase-file FILE' } },
  required: ['new-passphrase-file'],
  async run(ctx) {
    const next = readSecretFile(ctx.io, stringOption(ctx.options, 'new-passphrase-file')!, 'new passphrase');
    const vault = await openVault(ctx);
    try {
      const current = await readPassphrase(ctx.io, stringOption(ctx.options, 'passphrase-file'), {
        prompt: `Current passphrase for ${ctx.vaultPath}: `,
      });
      vault.vault.changePassphrase(current, next);
    } finally {
      vault.close();
    }
    say(ctx, 'Passphrase changed. The recovery key is unchanged.', { changed: true });
  },
};

const recover: Command = {
  path: ['recover'],
  usage: 'recover --recovery-key-file FILE --new-passphrase-file FILE',
  summary: 'open the vault with the recovery key and set a new passphrase',
  options: {
    'recovery-key-file': { type: 'string', help: '--recovery-key-file FILE' },
    'new-passphrase-file': { type: 'string', help: '--new-passphrase-file FILE' },
  },
  required: ['recovery-key-file', 'new-passphrase-file'],
  async run(ctx) {
    const recoveryKey = readSecretFile(ctx.io, stringOption(ctx.options, 'recovery-key-file')!, 'recovery key');
    const next = readSecretFile(ctx.io, stringOption(ctx.options, 'new-passphrase-file')!, 'new passphrase');
    const vault = await openVault(ctx);
    try {
      vault.vault.recover(recoveryKey, next);
    } finally {
      vault.close();
    }
    say(ctx, 'New passphrase set with the recovery key. The recovery key still works; keep it safe.', { recovered: true });
  },
};

const backup: Command = {
  path: ['backup'],
  usage: 'backup --out FILE',
  summary: 'write a verified backup to FILE (never over an existing file)',
  options: { out: { type: 'string', help: '--out FILE' } },
  required: ['out'],
  async run(ctx) {
    const report = await withUnlockedVault(ctx, (vault) => vault.vault.backup(resolve(stringOption(ctx.options, 'out')!)));
    say(ctx, `Backup written and verified: ${report.path} (${report.bytes} bytes, ${report.cases} cases)`, report);
  },
};

const restore: Command = {
  path: ['restore'],
  usage: 'restore --from FILE',
  summary: "restore a backup into --vault PATH (never over an existing file); asks for the backup's passphrase",
  options: { from: { type: 'string', help: '--from FILE' } },
  required: ['from'],
  async run(ctx) {
    const from = resolve(stringOption(ctx.options, 'from')!);
    VaultService.assertCanCreate(ctx.vaultPath);
    const passphrase = await readPassphrase(ctx.io, stringOption(ctx.options, 'passphrase-file'), {
      prompt: `Passphrase of the backup ${from}: `,
    });
    await VaultService.restore(from, ctx.vaultPath, passphrase);
    say(ctx, `Restored ${from} to ${resolve(ctx.vaultPath)}.`, { restored: resolve(ctx.vaultPath), from });
  },
};

export const vaultCommands: Command[] = [init, passwd, recover, backup, restore];

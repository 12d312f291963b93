import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringOption } from '../args';
import { UsageError } from '../exit-codes';
import { printJson, printTable } from '../output';
import { readPassphrase, readSecretFile } from '../secrets';
import { say, type Command, type CommandContext } from './command';
import { describeSealedPackage, extractSealedPackage, type PackageSecret, readSecretKey, wipe, writeKeypair } from '../../core';

// Sealed packages need no vault: these commands never open one.

const keypair: Command = {
  path: ['keypair'],
  usage: 'keypair --out PREFIX',
  summary: 'recipient keys for sealed packages: PREFIX.pub to give to senders, PREFIX.key to keep private (no vault needed)',
  options: { out: { type: 'string', help: '--out PREFIX   writes PREFIX.pub and PREFIX.key (never over existing files)' } },
  required: ['out'],
  async run(ctx) {
    const { publicKeyPath, secretKeyPath } = await writeKeypair(stringOption(ctx.options, 'out')!);
    say(
      ctx,
      [
        `Public key: ${publicKeyPath}`,
        '    give it to whoever will send you sealed packages; it cannot open them.',
        `Secret key: ${secretKeyPath}`,
        '    keep it private (readable only by you); it opens every package sealed to the public key.',
      ].join('\n'),
      { publicKey: publicKeyPath, secretKey: secretKeyPath },
    );
  },
};

const open: Command = {
  path: ['package', 'open'],
  usage: 'package open FILE.doesealed --out DIR [--passphrase-file FILE | --secret-key FILE] [--json]',
  summary: 'decrypt a sealed package into DIR, all files or none, never over existing files (no vault needed)',
  options: {
    out: { type: 'string', help: '--out DIR              the folder to write the files into (created if missing)' },
    'secret-key': { type: 'string', help: '--secret-key FILE      the recipient secret key (.key) for a package sealed to a key' },
  },
  required: ['out'],
  positionals: ['FILE'],
  async run(ctx) {
    const file = resolve(ctx.args[0]!);
    const outDir = resolve(stringOption(ctx.options, 'out')!);
    const secret = await packageSecret(ctx, file);
    let written: string[];
    try {
      written = await extractSealedPackage(file, secret, outDir);
    } finally {
      if ('secretKey' in secret) wipe(secret.secretKey);
    }
    const files = written.map((path) => ({ path, bytes: statSync(path).size }));
    if (ctx.json) {
      printJson(ctx.io, { package: file, out: outDir, files });
      return;
    }
    ctx.io.stdout.write(`Opened ${file}: ${files.length} file${files.length === 1 ? '' : 's'} written (readable only by you).\n`);
    printTable(
      ctx.io,
      ['FILE', 'BYTES'],
      files.map((f) => [f.path, String(f.bytes)]),
      '',
    );
  },
};

/**
 * The secret the package needs, read from the header first: a package sealed to a key never
 * prompts for a passphrase, and the wrong kind of secret is refused before it is used.
 */
async function packageSecret(ctx: CommandContext, file: string): Promise<PackageSecret> {
  const passphraseFile = stringOption(ctx.options, 'passphrase-file');
  const secretKeyFile = stringOption(ctx.options, 'secret-key');
  if (passphraseFile !== undefined && secretKeyFile !== undefined) {
    throw new UsageError('give --passphrase-file or --secret-key, not both');
  }
  const { protection } = await describeSealedPackage(file);
  if (secretKeyFile !== undefined) {
    const secretKey = await readSecretKey(secretKeyFile);
    warnIfShared(ctx, secretKeyFile); // only once it is known to be a secret key: a .pub may be public
    return { secretKey };
  }
  if (passphraseFile !== undefined) return { passphrase: readSecretFile(ctx.io, passphraseFile, 'passphrase') };
  if (protection === 'recipient') {
    throw new UsageError(`${file} is sealed to a recipient key: give --secret-key FILE (the .key file made with the .pub the sender used)`);
  }
  return { passphrase: await readPassphrase(ctx.io, undefined, { prompt: `Passphrase of the package ${file}: ` }) };
}

function warnIfShared(ctx: CommandContext, path: string): void {
  try {
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      ctx.io.warn(`warning: ${path} can be read by other users of this computer; restrict it with \`chmod 600 ${path}\``);
    }
  } catch {
    // It was just read; a file gone since then fails later with its own message.
  }
}

export const packageCommands: Command[] = [keypair, open];

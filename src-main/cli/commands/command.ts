import { stringOption, type CommandShape, type ParsedOptions } from '../args';
import type { CliIo } from '../io';
import { readPassphrase } from '../secrets';
import { defaultVaultPath, VaultService } from '../../core';

export interface CommandContext {
  io: CliIo;
  options: ParsedOptions;
  /** The command's positional arguments (see CommandShape.positionals), in order. */
  args: string[];
  json: boolean;
  vaultPath: string;
  /** A warning printed (io.warn) only if the command then succeeds; a failure says it in its own words. */
  warnOnSuccess(message: string): void;
}

export interface Command extends CommandShape {
  /** The usage line shown in --help. */
  usage: string;
  summary: string;
  run(ctx: CommandContext): Promise<void>;
}

export function resolveVaultPath(io: CliIo, options: ParsedOptions): string {
  return stringOption(options, 'vault') ?? (io.env.DOE_VAULT || undefined) ?? defaultVaultPath(io.env);
}

/** Opens the vault, locked; says so on stderr when it removed what a crashed export left. */
export async function openVault(ctx: CommandContext): Promise<VaultService> {
  const vault = await VaultService.open(ctx.vaultPath);
  if (vault.cleanedExports > 0) {
    ctx.io.warn(
      `Removed the staged files of ${vault.cleanedExports} export${vault.cleanedExports === 1 ? '' : 's'} interrupted by a crash (they held real names). Run the export again if you still need it.`,
    );
  }
  return vault;
}

/** Opens and unlocks the vault for one command, and always locks and closes it afterwards. */
export async function withUnlockedVault<T>(ctx: CommandContext, work: (vault: VaultService) => Promise<T> | T): Promise<T> {
  const vault = await openVault(ctx);
  try {
    const passphrase = await readPassphrase(ctx.io, stringOption(ctx.options, 'passphrase-file'), {
      prompt: `Passphrase for ${ctx.vaultPath}: `,
    });
    vault.vault.unlock(passphrase);
    const result = await work(vault);
    // What a damaged vault still allows (backup, the public roster, audit verify) succeeds with
    // the damage said on stderr; what it refuses fails with the same words (exit 4).
    const { message } = vault.vault.integrity();
    if (message !== null) ctx.warnOnSuccess(message);
    return result;
  } finally {
    vault.close();
  }
}

export function say(ctx: CommandContext, human: string, json: unknown): void {
  if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else ctx.io.stdout.write(`${human}\n`);
}

import { GLOBAL_OPTIONS, parseInvocation } from './args';
import { auditCommands } from './commands/audit';
import { caseCommands } from './commands/cases';
import { counselCommands } from './commands/counsel';
import { filingCommands } from './commands/filings';
import { exhibitCommands } from './commands/exhibits';
import { intakeCommands } from './commands/intake';
import { resolveVaultPath, type Command } from './commands/command';
import { packageCommands } from './commands/package';
import { plaintiffCommands } from './commands/plaintiffs';
import { sealingSetCommands } from './commands/sealing-set';
import { vaultCommands } from './commands/vault';
import { EXIT, exitCodeFor, UsageError } from './exit-codes';
import type { CliIo } from './io';
import { isVaultError } from '../core';

export const COMMANDS: readonly Command[] = [...vaultCommands, ...caseCommands, ...counselCommands, ...plaintiffCommands, ...intakeCommands, ...filingCommands, ...sealingSetCommands, ...exhibitCommands, ...auditCommands, ...packageCommands];

/** Runs one `doe-vault` invocation and returns its exit code. Never throws, never prints a stack. */
export async function runCli(argv: string[], terminal: CliIo): Promise<number> {
  const json = argv.includes('--json');
  // With --json every stderr line is JSON, warnings included.
  const io: CliIo = json
    ? { ...terminal, warn: (message) => terminal.stderr.write(`${JSON.stringify({ warning: message })}\n`) }
    : terminal;
  try {
    const { command, options, words } = parseInvocation(argv, COMMANDS);
    if (!command) {
      if ((words.length === 0 && options.help === true) || words[0] === 'help') {
        io.stdout.write(generalHelp());
        return EXIT.ok;
      }
      // Like every other error: one line on stderr (JSON with --json), not the whole help.
      if (words.length === 0) throw new UsageError('no command given');
      throw new UsageError(`unknown command "${words.join(' ')}"`);
    }
    if (options.help === true) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const warnings: string[] = [];
    await command.run({
      io,
      options,
      args: words.slice(command.path.length),
      json,
      vaultPath: resolveVaultPath(io, options),
      warnOnSuccess: (message) => warnings.push(message),
    });
    for (const message of warnings) io.warn(`Warning: ${message}`);
    return EXIT.ok;
  } catch (error) {
    return report(io, json, error);
  }
}

function report(io: CliIo, json: boolean, error: unknown): number {
  const [code, message, exit] =
    error instanceof UsageError
      ? (['USAGE', `${error.message}. Run \`doe-vault --help\` for usage.`, EXIT.usage] as const)
      : isVaultError(error)
        ? ([error.code, error.message, exitCodeFor(error.code)] as const)
        : (['INTERNAL', describeUnexpected(error), EXIT.failure] as const);
  const line = message.replace(/\s*\n\s*/g, ' ');
  io.stderr.write(json ? `${JSON.stringify({ error: { code, message: line } })}\n` : `doe-vault: ${line}\n`);
  return exit;
}

function generalHelp(): string {
  return [
    'doe-vault: the DoeVault vault of pseudonymous plaintiffs, from the command line.',
    '',
    'Usage: doe-vault [--vault PATH] [--passphrase-file FILE] [--json] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.split('\n')[0]}\n      ${c.summary}`),
    '',
    'Global options:',
    ...Object.values(GLOBAL_OPTIONS).map((o) => `  ${o.help}`),
    '',
    'The passphrase is read from --passphrase-file, else one line of standard input when it is',
    'not a terminal, else a prompt that does not echo; never from arguments or the environment.',
    '',
    'Exit codes: 0 ok, 1 usage, 2 wrong passphrase, recovery key or package secret,',
    '            3 identities found (scan, verify, an export or sealing set that stopped),',
    '            4 vault or sealed package damaged or tampered (including a failed audit verify),',
    '            5 any other failure.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = Object.values(command.options).map((o) => `  ${o.help}`);
  return [`Usage: doe-vault ${command.usage}`, '', command.summary, '', ...(options.length ? ['Options:', ...options, ''] : [])].join('\n');
}

/** File-system failures in words a person can act on; anything else as an internal error. */
function describeUnexpected(error: unknown): string {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  const where = typeof path === 'string' ? path : 'the file';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied for ${where}; check its permissions`;
    case 'EISDIR':
      return `${where} is a folder; give the path of a file`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `part of the path ${where} is a file where a folder is needed; check the path`;
    case 'ENOENT':
      return `${where} does not exist; check the path`;
    case 'ENOSPC':
      return 'the disk is full; free some space and try again';
    case 'EROFS':
      return `${where} is on a read-only disk`;
    default:
      return `internal error: ${(error as Error)?.message ?? String(error)}. Nothing further was written.`;
  }
}

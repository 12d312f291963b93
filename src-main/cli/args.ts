import { parseArgs } from 'node:util';
import { UsageError } from './exit-codes';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** One line for --help, e.g. "--court TEXT". */
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export const GLOBAL_OPTIONS: OptionSpecs = {
  vault: { type: 'string', help: '--vault PATH      the vault file (default: $DOE_VAULT, then the desktop app\'s vault)' },
  'passphrase-file': { type: 'string', help: '--passphrase-file FILE   read the passphrase from FILE (else stdin, else a prompt)' },
  json: { type: 'boolean', help: '--json            machine-readable output on stdout' },
  help: { type: 'boolean', help: '--help            show help' },
};

export interface CommandShape {
  path: readonly string[];
  options: OptionSpecs;
  required?: readonly string[];
  /** Names of the arguments that follow the command's words (all required), e.g. ["FILE"]. */
  positionals?: readonly string[];
}

export interface Invocation<C extends CommandShape> {
  command: C | undefined;
  options: ParsedOptions;
  words: string[];
}

/**
 * Parses argv against every command's options at once (an option has the same type in every
 * command that takes it), then checks the options given belong to the command found.
 */
export function parseInvocation<C extends CommandShape>(argv: string[], commands: readonly C[]): Invocation<C> {
  const all: OptionSpecs = { ...GLOBAL_OPTIONS };
  for (const command of commands) Object.assign(all, command.options);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(all).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (argv.some((arg) => /^--passphrase(=|$)/.test(arg))) {
      throw new UsageError('a passphrase is never taken from the command line; use --passphrase-file FILE or standard input');
    }
    throw new UsageError(cleanParseMessage((error as Error).message));
  }
  const words = parsed.positionals;
  const options = parsed.values as ParsedOptions;
  const command = commands
    .filter((candidate) => candidate.path.every((word, i) => words[i] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!command) return { command: undefined, options, words };
  const expected = command.positionals ?? [];
  if (words.length > command.path.length + expected.length) {
    throw new UsageError(`unexpected argument "${words[command.path.length + expected.length]}" for \`${command.path.join(' ')}\``);
  }
  for (const name of Object.keys(options)) {
    if (!(name in GLOBAL_OPTIONS) && !(name in command.options)) {
      throw new UsageError(`\`${command.path.join(' ')}\` does not take --${name}`);
    }
  }
  if (!options.help) {
    const missing = expected[words.length - command.path.length];
    if (missing !== undefined) throw new UsageError(`\`${command.path.join(' ')}\` needs ${missing}`);
    for (const name of command.required ?? []) {
      if (options[name] === undefined) throw new UsageError(`\`${command.path.join(' ')}\` needs --${name}`);
    }
  }
  return { command, options, words };
}

function cleanParseMessage(message: string): string {
  return message
    .replace(/\. To specify an option argument starting with a dash use --\S+=-XYZ\.?/, '; write it as --option=VALUE')
    .replace(/^Unknown option '(.*?)'.*$/s, 'unknown option $1');
}

export function stringOption(options: ParsedOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(options: ParsedOptions, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value : [];
}

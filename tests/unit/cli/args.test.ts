import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../../src-main/cli/args';
import { UsageError } from '../../../src-main/cli/exit-codes';
import { COMMANDS } from '../../../src-main/cli/run';

const parse = (...argv: string[]) => parseInvocation(argv, COMMANDS);

describe('parseInvocation', () => {
  it('finds two-word commands and their options, with global options anywhere', () => {
    const { command, options } = parse('--vault', 'v.doevault', 'plaintiff', 'add', '--case', 'c1', '--name', 'A B', '--json');
    expect(command?.path).toEqual(['plaintiff', 'add']);
    expect(options).toMatchObject({ vault: 'v.doevault', case: 'c1', name: 'A B', json: true });
  });

  it('collects repeatable options in order', () => {
    const { options } = parse('plaintiff', 'add', '--case', 'c', '--name', 'n', '--alias', 'x', '--alias', 'y');
    expect(options.alias).toEqual(['x', 'y']);
  });

  it('accepts --option=value, including values that start with a dash', () => {
    expect(parse('plaintiff', 'add', '--case=c', '--name', 'n', '--notes=-not an option').options.notes).toBe('-not an option');
  });

  it.each([
    [['case', 'list', '--title', 'x'], '`case list` does not take --title'],
    [['case', 'add'], '`case add` needs --title'],
    [['case', 'add', '--title', 't', 'extra'], 'unexpected argument "extra"'],
    [['init', '--passphrase', 'secret'], 'never taken from the command line'],
    [['case', 'list', '--bogus'], 'unknown option --bogus'],
    [['roster', '--case'], "--case"],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });

  it('returns no command for an unknown word, so the caller can say so', () => {
    expect(parse('frobnicate').command).toBeUndefined();
  });

  it('lets --help through without required options', () => {
    expect(parse('case', 'add', '--help').command?.path).toEqual(['case', 'add']);
  });

  it('gives every option one type across commands (parsing depends on it)', () => {
    const types = new Map<string, string>();
    for (const command of COMMANDS) {
      for (const [name, spec] of Object.entries(command.options)) {
        const key = `${spec.type}/${spec.multiple ?? false}`;
        expect(types.get(name) ?? key, `--${name}`).toBe(key);
        types.set(name, key);
      }
    }
  });
});

describe('positional arguments', () => {
  const commands = [{ path: ['package', 'open'], options: { out: { type: 'string' as const, help: '--out DIR' } }, positionals: ['FILE'] }];

  it('takes the named arguments after the command words', () => {
    const { command, words } = parseInvocation(['package', 'open', 'a.doesealed', '--out', 'x'], commands);
    expect(command?.path).toEqual(['package', 'open']);
    expect(words).toEqual(['package', 'open', 'a.doesealed']);
  });

  it('names a missing argument, and refuses an extra one', () => {
    expect(() => parseInvocation(['package', 'open'], commands)).toThrow('`package open` needs FILE');
    expect(() => parseInvocation(['package', 'open', 'a', 'b'], commands)).toThrow('unexpected argument "b"');
  });
});

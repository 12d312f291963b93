import { readFile, stat } from 'node:fs/promises';
import { stringOption } from '../args';
import { printJson } from '../output';
import { say, withUnlockedVault, type Command, type CommandContext } from './command';
import { parseCounselYaml, VaultError, type Counsel, type CounselView } from '../../core';

/** A counsel file is a few lines; anything larger is not one. */
const MAX_COUNSEL_FILE = 64 * 1024;

const SCOPE_OPTION: Command['options'] = {
  case: { type: 'string', help: '--case ID     the counsel of this case (overrides the firm counsel); without it, the firm counsel of the vault' },
};

/** Reads and checks a YAML list of counsel before the vault is unlocked. */
export async function readCounselFile(file: string): Promise<Counsel[]> {
  const info = await stat(file);
  if (!info.isFile()) throw new VaultError('VALIDATION', `${file} is not a regular file. Give the path of a YAML list of counsel.`, { field: 'counsel' });
  if (info.size > MAX_COUNSEL_FILE) {
    throw new VaultError('VALIDATION', `${file} is larger than 64 KiB; a counsel file holds a list of up to 10 attorneys.`, { field: 'counsel' });
  }
  return parseCounselYaml(await readFile(file, 'utf8'), file);
}

const scopeOf = (ctx: CommandContext) => {
  const caseId = stringOption(ctx.options, 'case');
  return caseId === undefined ? {} : { caseId };
};

const set: Command = {
  path: ['counsel', 'set'],
  usage: 'counsel set --file COUNSEL.yaml [--case ID]',
  summary: 'store the counsel printed from line 1 of every filing (firm-wide, or for one case); replaces what was stored',
  options: {
    file: { type: 'string', help: '--file FILE   a YAML list of attorneys: name, barNumber, firm, address, phone, email, attorneysFor' },
    ...SCOPE_OPTION,
  },
  required: ['file'],
  async run(ctx) {
    const counsel = await readCounselFile(stringOption(ctx.options, 'file')!);
    const view = await withUnlockedVault(ctx, (vault) => vault.counsel.set({ ...scopeOf(ctx), counsel }));
    say(ctx, `Stored ${view.counsel.length} attorney${view.counsel.length === 1 ? '' : 's'} as ${scopeWords(ctx)}.`, view);
  },
};

const show: Command = {
  path: ['counsel', 'show'],
  usage: 'counsel show [--case ID]',
  summary: 'print the stored counsel (a case without its own prints the firm counsel)',
  options: SCOPE_OPTION,
  async run(ctx) {
    const view = await withUnlockedVault(ctx, (vault) => vault.counsel.get(scopeOf(ctx)));
    if (ctx.json) {
      printJson(ctx.io, view);
      return;
    }
    ctx.io.stdout.write(describe(ctx, view));
  },
};

const clear: Command = {
  path: ['counsel', 'clear'],
  usage: 'counsel clear [--case ID]',
  summary: 'remove the stored counsel (a case then uses the firm counsel)',
  options: SCOPE_OPTION,
  async run(ctx) {
    const { cleared } = await withUnlockedVault(ctx, (vault) => vault.counsel.clear(scopeOf(ctx)));
    say(ctx, cleared ? `Removed the ${scopeWords(ctx)}.` : `No ${scopeWords(ctx)} was stored; nothing changed.`, { cleared });
  },
};

function scopeWords(ctx: CommandContext): string {
  const caseId = stringOption(ctx.options, 'case');
  return caseId === undefined ? 'firm counsel' : `counsel of case ${caseId}`;
}

function describe(ctx: CommandContext, view: CounselView): string {
  if (view.counsel.length > 0) return `${view.scope === 'vault' ? 'Firm counsel' : `Counsel of case ${stringOption(ctx.options, 'case')}`}:\n\n${view.counsel.map(attorney).join('\n')}`;
  if (view.scope === 'case' && view.firm.length > 0) {
    return `This case has no counsel of its own; its filings print the firm counsel:\n\n${view.firm.map(attorney).join('\n')}`;
  }
  return 'No counsel stored. Store it with `doe-vault counsel set --file COUNSEL.yaml`, or give "counsel:" in a draft\'s front matter.\n';
}

function attorney(c: Counsel): string {
  const lines = [c.barNumber ? `${c.name} (State Bar No. ${c.barNumber})` : c.name, c.firm, ...(c.address?.split('\n') ?? []), c.phone && `Telephone: ${c.phone}`, c.email, c.attorneysFor && `Attorneys for ${c.attorneysFor}`];
  return `${lines.filter((l): l is string => typeof l === 'string' && l !== '').map((l) => `  ${l}`).join('\n')}\n`;
}

export const counselCommands: Command[] = [set, show, clear];

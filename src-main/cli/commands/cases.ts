import { stringOption } from '../args';
import { UsageError } from '../exit-codes';
import { cell, printJson, printTable } from '../output';
import { say, withUnlockedVault, type Command } from './command';
import { formatScheme, parseScheme } from '../../core';

const add: Command = {
  path: ['case', 'add'],
  usage: 'case add --title TEXT [--court TEXT] [--number TEXT] [--scheme gendered|gendered-separate|neutral|letters|initials|prefix:TEXT]',
  summary: 'create a case; print its id',
  options: {
    title: { type: 'string', help: '--title TEXT' },
    court: { type: 'string', help: '--court TEXT' },
    number: { type: 'string', help: '--number TEXT' },
    scheme: { type: 'string', help: '--scheme gendered|gendered-separate|neutral|letters|initials|prefix:TEXT' },
  },
  required: ['title'],
  async run(ctx) {
    const scheme = stringOption(ctx.options, 'scheme');
    if (scheme !== undefined) parseScheme(scheme); // refuse a bad scheme before asking for the passphrase
    const created = await withUnlockedVault(ctx, (vault) =>
      vault.cases.create({
        title: stringOption(ctx.options, 'title'),
        court: stringOption(ctx.options, 'court'),
        number: stringOption(ctx.options, 'number'),
        scheme,
      }),
    );
    say(ctx, created.id, { id: created.id });
  },
};

const list: Command = {
  path: ['case', 'list'],
  usage: 'case list',
  summary: 'list the cases with their plaintiff counts',
  options: {},
  async run(ctx) {
    const cases = await withUnlockedVault(ctx, (vault) => vault.cases.list());
    if (ctx.json) {
      printJson(
        ctx.io,
        cases.map((c) => ({ ...c, scheme: formatScheme(c.scheme) })),
      );
      return;
    }
    printTable(
      ctx.io,
      ['ID', 'PLAINTIFFS', 'SCHEME', 'NUMBER', 'COURT', 'TITLE'],
      cases.map((c) => [c.id, String(c.plaintiffs), formatScheme(c.scheme), cell(c.number), cell(c.court), cell(c.title)]),
      'No cases yet. Create one with `doe-vault case add --title TEXT`.',
    );
  },
};

const update: Command = {
  path: ['case', 'update'],
  usage: 'case update --case ID [--title TEXT] [--court TEXT] [--number TEXT]',
  summary: "correct a case's title, court or number (\"\" clears a court or number); its pseudonym scheme cannot change",
  options: {
    case: { type: 'string', help: '--case ID' },
    title: { type: 'string', help: '--title TEXT' },
    court: { type: 'string', help: '--court TEXT     "" clears it' },
    number: { type: 'string', help: '--number TEXT    "" clears it' },
  },
  required: ['case'],
  async run(ctx) {
    const changes = Object.fromEntries(
      (['title', 'court', 'number'] as const).flatMap((name) => {
        const value = stringOption(ctx.options, name);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    if (Object.keys(changes).length === 0) throw new UsageError('`case update` needs --title, --court or --number: what to change');
    const caseId = stringOption(ctx.options, 'case')!;
    const updated = await withUnlockedVault(ctx, (vault) => vault.cases.update({ caseId, ...changes }));
    const where = [updated.court, updated.number === undefined ? undefined : `No. ${updated.number}`].filter(Boolean).join(', ');
    say(ctx, `Case ${updated.id}: ${updated.title}${where ? ` (${where})` : ''}`, { ...updated, scheme: formatScheme(updated.scheme) });
  },
};

const remove: Command = {
  path: ['case', 'delete'],
  usage: 'case delete --case ID --confirm',
  summary: "crypto-shred a case: its key and every plaintiff record are destroyed for good",
  options: {
    case: { type: 'string', help: '--case ID' },
    confirm: { type: 'boolean', help: '--confirm         required: deletion cannot be undone' },
  },
  required: ['case'],
  async run(ctx) {
    if (ctx.options.confirm !== true) {
      throw new UsageError(
        'deleting a case destroys its key and every record in it, and cannot be undone; add --confirm to proceed',
      );
    }
    const caseId = stringOption(ctx.options, 'case')!;
    const { plaintiffs } = await withUnlockedVault(ctx, (vault) => vault.cases.delete(caseId));
    say(
      ctx,
      `Deleted case ${caseId} and its ${plaintiffs} plaintiff records. Its key is destroyed; backups made before now still hold it.`,
      { deleted: caseId, plaintiffs },
    );
  },
};

export const caseCommands: Command[] = [add, list, update, remove];

import { listOption, stringOption } from '../args';
import { cell, printJson, printTable } from '../output';
import { say, withUnlockedVault, type Command } from './command';

const add: Command = {
  path: ['plaintiff', 'add'],
  usage:
    'plaintiff add --case ID --name TEXT [--gender female|male|unspecified] [--alias TEXT]... [--email TEXT]\n' +
    '              [--phone TEXT] [--dob YYYY-MM-DD] [--address TEXT] [--id-number TEXT]... [--notes TEXT]',
  summary: 'add a plaintiff; print the pseudonym allocated',
  options: {
    case: { type: 'string', help: '--case ID' },
    name: { type: 'string', help: '--name TEXT       legal name' },
    gender: { type: 'string', help: '--gender female|male|unspecified   used by the gendered scheme' },
    alias: { type: 'string', multiple: true, help: '--alias TEXT      repeatable' },
    email: { type: 'string', help: '--email TEXT' },
    phone: { type: 'string', help: '--phone TEXT' },
    dob: { type: 'string', help: '--dob YYYY-MM-DD' },
    address: { type: 'string', help: '--address TEXT' },
    'id-number': { type: 'string', multiple: true, help: '--id-number TEXT  badge, serial or ID number; repeatable' },
    notes: { type: 'string', help: '--notes TEXT' },
  },
  required: ['case', 'name'],
  async run(ctx) {
    const o = ctx.options;
    const added = await withUnlockedVault(ctx, (vault) =>
      vault.addPlaintiff(stringOption(o, 'case')!, {
        legalName: stringOption(o, 'name'),
        gender: stringOption(o, 'gender'),
        aliases: listOption(o, 'alias'),
        email: stringOption(o, 'email'),
        phone: stringOption(o, 'phone'),
        dob: stringOption(o, 'dob'),
        address: stringOption(o, 'address'),
        idNumbers: listOption(o, 'id-number'),
        notes: stringOption(o, 'notes'),
      }),
    );
    say(ctx, added.pseudonym, { pseudonym: added.pseudonym, id: added.id, seq: added.seq });
  },
};

const withdraw: Command = {
  path: ['plaintiff', 'withdraw'],
  usage: 'plaintiff withdraw --case ID --pseudonym TEXT',
  summary: 'mark a plaintiff withdrawn; the pseudonym stays reserved',
  options: {
    case: { type: 'string', help: '--case ID' },
    pseudonym: { type: 'string', help: '--pseudonym TEXT  e.g. "Jane Doe 3"' },
  },
  required: ['case', 'pseudonym'],
  async run(ctx) {
    const entry = await withUnlockedVault(ctx, (vault) =>
      vault.withdrawPlaintiff(stringOption(ctx.options, 'case')!, stringOption(ctx.options, 'pseudonym')!),
    );
    say(ctx, `${entry.pseudonym} is withdrawn; the pseudonym stays reserved.`, {
      pseudonym: entry.pseudonym,
      status: entry.status,
    });
  },
};

const roster: Command = {
  path: ['roster'],
  usage: 'roster --case ID [--sealed]',
  summary: 'the public roster (pseudonyms, status); --sealed adds the identities and is audited',
  options: {
    case: { type: 'string', help: '--case ID' },
    sealed: { type: 'boolean', help: '--sealed          include real identities (recorded in the audit log)' },
  },
  required: ['case'],
  async run(ctx) {
    const caseId = stringOption(ctx.options, 'case')!;
    const empty = 'No plaintiffs in this case yet. Add one with `doe-vault plaintiff add`.';
    if (ctx.options.sealed === true) {
      const entries = await withUnlockedVault(ctx, (vault) => vault.sealedRoster(caseId));
      if (ctx.json) {
        printJson(ctx.io, entries);
        return;
      }
      printTable(
        ctx.io,
        ['PSEUDONYM', 'STATUS', 'LEGAL NAME', 'DOB', 'EMAIL', 'PHONE', 'ID NUMBERS', 'ALIASES', 'ADDRESS'],
        entries.map((e) => [
          e.pseudonym,
          e.status,
          cell(e.legalName),
          cell(e.dob),
          cell(e.email),
          cell(e.phone),
          cell(e.idNumbers.join(', ')),
          cell(e.aliases.join(', ')),
          cell(e.address),
        ]),
        empty,
      );
      return;
    }
    const entries = await withUnlockedVault(ctx, (vault) => vault.roster(caseId));
    if (ctx.json) {
      printJson(ctx.io, entries);
      return;
    }
    printTable(ctx.io, ['PSEUDONYM', 'STATUS'], entries.map((e) => [e.pseudonym, e.status]), empty);
  },
};

export const plaintiffCommands: Command[] = [add, withdraw, roster];

import { listOption, stringOption } from '../args';
import { cell, printJson, printTable } from '../output';
import { UsageError } from '../exit-codes';
import { say, withUnlockedVault, type Command, type CommandContext } from './command';
import { csvLine } from '../../core';

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
      vault.plaintiffs.add(stringOption(o, 'case')!, {
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
      vault.plaintiffs.withdraw(stringOption(ctx.options, 'case')!, { pseudonym: stringOption(ctx.options, 'pseudonym')! }),
    );
    say(ctx, `${entry.pseudonym} is withdrawn; the pseudonym stays reserved.`, {
      pseudonym: entry.pseudonym,
      status: entry.status,
    });
  },
};

const ROSTER_FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;

const roster: Command = {
  path: ['roster'],
  usage: 'roster --case ID [--sealed] [--format table|csv|json|xlsx] [--out FILE]',
  summary: 'the public roster (pseudonyms, status); --sealed adds the identities and is audited',
  options: {
    case: { type: 'string', help: '--case ID' },
    sealed: { type: 'boolean', help: '--sealed          include real identities (recorded in the audit log)' },
    format: { type: 'string', help: '--format table|csv|json|xlsx   default table (json with --json); csv cells are neutralised against formulas' },
    out: { type: 'string', help: '--out FILE        write a new file (never over one) instead of printing; xlsx needs it' },
  },
  required: ['case'],
  async run(ctx) {
    const caseId = stringOption(ctx.options, 'case')!;
    const sealed = ctx.options.sealed === true;
    const format = stringOption(ctx.options, 'format') ?? (ctx.json ? 'json' : 'table');
    if (!(ROSTER_FORMATS as readonly string[]).includes(format)) throw new UsageError('--format takes table, csv, json or xlsx');
    const out = stringOption(ctx.options, 'out');
    if (out !== undefined) {
      if (format === 'table') throw new UsageError('--out writes csv, json or xlsx; give --format too');
      const written = await withUnlockedVault(ctx, (vault) => vault.plaintiffs.exportRoster(caseId, { sealed, format: format as 'csv' | 'json' | 'xlsx' }, out));
      say(ctx, `Wrote ${written.rows} plaintiffs to ${written.path}${sealed ? ' (with identities: keep it under seal)' : ''}. SHA-256 ${written.sha256}`, written);
      return;
    }
    if (format === 'xlsx') throw new UsageError('--format xlsx needs --out FILE');
    const empty = 'No plaintiffs in this case yet. Add one with `doe-vault plaintiff add`.';
    if (sealed) {
      const entries = await withUnlockedVault(ctx, (vault) => vault.plaintiffs.sealedRoster(caseId));
      if (format === 'json') {
        printJson(ctx.io, entries);
        return;
      }
      const headers = ['PSEUDONYM', 'STATUS', 'LEGAL NAME', 'DOB', 'EMAIL', 'PHONE', 'ID NUMBERS', 'ALIASES', 'ADDRESS'];
      const rows = entries.map((e) => [
        e.pseudonym,
        e.status,
        cell(e.legalName),
        cell(e.dob),
        cell(e.email),
        cell(e.phone),
        cell(e.idNumbers.join(', ')),
        cell(e.aliases.join(', ')),
        cell(e.address),
      ]);
      if (format === 'csv') printCsv(ctx, headers, rows);
      else printTable(ctx.io, headers, rows, empty);
      return;
    }
    const entries = await withUnlockedVault(ctx, (vault) => vault.plaintiffs.roster(caseId));
    if (format === 'json') {
      printJson(ctx.io, entries);
      return;
    }
    const rows = entries.map((e) => [e.pseudonym, e.status]);
    if (format === 'csv') printCsv(ctx, ['PSEUDONYM', 'STATUS'], rows);
    else printTable(ctx.io, ['PSEUDONYM', 'STATUS'], rows, empty);
  },
};

function printCsv(ctx: CommandContext, headers: string[], rows: string[][]): void {
  ctx.io.stdout.write([headers, ...rows].map(csvLine).join(''));
}

export const plaintiffCommands: Command[] = [add, withdraw, roster];

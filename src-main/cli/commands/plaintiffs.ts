import { listOption, stringOption } from '../args';
import { cell, printJson, printTable } from '../output';
import { UsageError } from '../exit-codes';
import { say, withUnlockedVault, type Command, type CommandContext } from './command';
import { csvLine, profileColumns } from '../../core';

/** The identity options `plaintiff add` and `plaintiff update` share. */
const IDENTITY_OPTIONS: Command['options'] = {
  name: { type: 'string', help: '--name TEXT       legal name' },
  gender: { type: 'string', help: '--gender female|male|unspecified   used by the gendered scheme' },
  alias: { type: 'string', multiple: true, help: '--alias TEXT      repeatable' },
  email: { type: 'string', help: '--email TEXT' },
  phone: { type: 'string', help: '--phone TEXT' },
  dob: { type: 'string', help: '--dob YYYY-MM-DD' },
  address: { type: 'string', help: '--address TEXT' },
  'id-number': { type: 'string', multiple: true, help: '--id-number TEXT  badge, serial or ID number; repeatable' },
  notes: { type: 'string', help: '--notes TEXT' },
  family: { type: 'string', multiple: true, help: '--family "NAME:RELATION"   a family member, e.g. "Ewa Nowak:daughter"; repeatable' },
  'past-address': { type: 'string', multiple: true, help: '--past-address TEXT   repeatable' },
  school: { type: 'string', multiple: true, help: "--school NAME     the plaintiff's or a child's school; repeatable" },
  employer: { type: 'string', multiple: true, help: '--employer NAME   repeatable' },
  affiliation: { type: 'string', multiple: true, help: '--affiliation NAME   another organisation (club, church…); repeatable' },
  vehicle: { type: 'string', multiple: true, help: '--vehicle PLATE[:STATE[:DESCRIPTION]]   e.g. "7ABC123:CA:grey sedan"; repeatable' },
  handle: { type: 'string', multiple: true, help: '--handle @NAME    social media handle or username; repeatable' },
  characteristic: { type: 'string', multiple: true, help: '--characteristic TEXT   e.g. a tattoo or a unit name, scanned as a phrase; repeatable' },
};

const IDENTITY_USAGE =
  '[--gender female|male|unspecified] [--alias TEXT]... [--email TEXT]\n' +
  '              [--phone TEXT] [--dob YYYY-MM-DD] [--address TEXT] [--id-number TEXT]... [--notes TEXT]\n' +
  '              [--family NAME:RELATION]... [--past-address TEXT]... [--school NAME]... [--employer NAME]...\n' +
  '              [--affiliation NAME]... [--vehicle PLATE[:STATE[:DESCRIPTION]]]... [--handle @NAME]...\n' +
  '              [--characteristic TEXT]...';

/** "Ewa Nowak:daughter" -> { name, relation }; the relation is after the last colon. */
function familyMember(value: string): { name: string; relation: string } {
  const at = value.lastIndexOf(':');
  return at < 0 ? { name: value, relation: '' } : { name: value.slice(0, at), relation: value.slice(at + 1) };
}

/** "7ABC123:CA:grey 2019 sedan" -> { plate, state, description } (the description may hold colons). */
function vehicle(value: string): { plate: string; state?: string; description?: string } {
  const [plate, state, ...description] = value.split(':');
  return { plate: plate!, ...(state !== undefined ? { state } : {}), ...(description.length > 0 ? { description: description.join(':') } : {}) };
}

/**
 * The identity fields given on the command line, as the core's plaintiff input. With `onlyGiven`
 * (update) a field not on the command line is left out, so the stored one stays.
 */
function identityInput(o: CommandContext['options'], onlyGiven: boolean): Record<string, unknown> {
  const given = (name: string) => o[name] !== undefined;
  const list = (name: string) => (onlyGiven && !given(name) ? undefined : listOption(o, name));
  const affiliationFlags = ['school', 'employer', 'affiliation'] as const;
  const affiliations =
    onlyGiven && !affiliationFlags.some(given)
      ? undefined
      : affiliationFlags.flatMap((flag) => listOption(o, flag).map((name) => ({ name, kind: flag === 'affiliation' ? 'other' : flag })));
  return {
    legalName: stringOption(o, 'name'),
    gender: stringOption(o, 'gender'),
    aliases: list('alias'),
    email: stringOption(o, 'email'),
    phone: stringOption(o, 'phone'),
    dob: stringOption(o, 'dob'),
    address: stringOption(o, 'address'),
    idNumbers: list('id-number'),
    notes: stringOption(o, 'notes'),
    family: list('family')?.map(familyMember),
    pastAddresses: list('past-address'),
    affiliations,
    vehicles: list('vehicle')?.map(vehicle),
    handles: list('handle'),
    characteristics: list('characteristic'),
  };
}

const add: Command = {
  path: ['plaintiff', 'add'],
  usage: `plaintiff add --case ID --name TEXT ${IDENTITY_USAGE}`,
  summary: 'add a plaintiff; print the pseudonym allocated',
  options: {
    case: { type: 'string', help: '--case ID' },
    ...IDENTITY_OPTIONS,
  },
  required: ['case', 'name'],
  async run(ctx) {
    const o = ctx.options;
    const added = await withUnlockedVault(ctx, (vault) => vault.plaintiffs.add(stringOption(o, 'case')!, identityInput(o, false)));
    say(ctx, added.pseudonym, { pseudonym: added.pseudonym, id: added.id, seq: added.seq });
  },
};

const update: Command = {
  path: ['plaintiff', 'update'],
  usage: `plaintiff update --case ID --pseudonym TEXT [--name TEXT] ${IDENTITY_USAGE}`,
  summary: 'change some fields of a plaintiff; a repeatable option given replaces that whole list ("" clears a field)',
  options: {
    case: { type: 'string', help: '--case ID' },
    pseudonym: { type: 'string', help: '--pseudonym TEXT  e.g. "Jane Doe 3"' },
    ...IDENTITY_OPTIONS,
  },
  required: ['case', 'pseudonym'],
  async run(ctx) {
    const o = ctx.options;
    const changes = identityInput(o, true);
    if (Object.values(changes).every((value) => value === undefined)) throw new UsageError('give at least one field to change, e.g. --handle @name');
    const entry = await withUnlockedVault(ctx, (vault) =>
      vault.plaintiffs.amend(stringOption(o, 'case')!, { pseudonym: stringOption(o, 'pseudonym')! }, changes),
    );
    say(ctx, `${entry.pseudonym} is updated; the pseudonym stays.`, { pseudonym: entry.pseudonym, id: entry.id, seq: entry.seq });
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
      // The doxxing surface in numbered columns, as many as the fullest row needs (none if none has any).
      const profile = profileColumns(entries);
      const headers = ['PSEUDONYM', 'STATUS', 'LEGAL NAME', 'DOB', 'EMAIL', 'PHONE', 'ID NUMBERS', 'ALIASES', 'ADDRESS', ...profile.map((c) => c.header.toUpperCase())];
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
        ...profile.map((c) => cell(c.cell(e))),
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

export const plaintiffCommands: Command[] = [add, update, withdraw, roster];

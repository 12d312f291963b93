import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import {
  addCase,
  addPlaintiff,
  expectFailure,
  failJson,
  initVault,
  ok,
  okJson,
  runCli,
  sandbox,
  type AuditEntryJson,
  type CliVault,
  type Sandbox,
} from './helpers';

interface RosterJson {
  id: string;
  seq: number;
  pseudonym: string;
  status: 'active' | 'withdrawn';
  withdrawnAt?: string;
}

interface SealedJson extends RosterJson {
  legalName: string;
  aliases: string[];
  gender: string;
  dob?: string;
  email?: string;
  phone?: string;
  address?: string;
  idNumbers: string[];
  notes?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Synthetic people (seeded faker) with every field filled in. */
const [first, second, third] = syntheticPlaintiffs(3, 2026).map((p, i) => ({
  ...p,
  aliases: [`Alias${i}a Quill`, `Alias${i}b Fern`],
  idNumbers: [`B-90${i}001`, `SN-90${i}002`],
  notes: `Synthetic note ${i}: met at the library.`,
}));

function allOptions(p: typeof first & object, gender: string): string[] {
  return [
    '--name', p.legalName,
    '--gender', gender,
    ...p.aliases!.flatMap((alias) => ['--alias', alias]),
    '--email', p.email!,
    '--phone', p.phone!,
    '--dob', p.dob!,
    '--address', p.address!,
    ...p.idNumbers!.flatMap((idNumber) => ['--id-number', idNumber]),
    '--notes', p.notes!,
  ];
}

/** Every identifying value of a synthetic person, to check it never reaches public output. */
function identifyingValues(p: typeof first & object): string[] {
  return [p.legalName, ...p.aliases!, p.email!, p.phone!, p.dob!, p.address!, ...p.idNumbers!, p.notes!];
}

describe('doe-vault plaintiff and roster', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
    caseId = await addCase(vault, '--title', 'Doe v. Synthetic Corp.');
  });
  afterAll(() => box.cleanup());

  const roster = (...extra: string[]) => okJson<RosterJson[]>([...vault.auth, 'roster', '--case', caseId, ...extra]);
  const sealed = () => okJson<SealedJson[]>([...vault.auth, 'roster', '--case', caseId, '--sealed']);
  const audit = () => okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);

  describe('plaintiff add', () => {
    it('prints the pseudonym; every option is stored, --alias and --id-number repeated', async () => {
      const stdout = await ok([...vault.auth, 'plaintiff', 'add', '--case', caseId, ...allOptions(first!, 'female')]);
      expect(stdout).toBe('Jane Doe 1\n');
      expect(await sealed()).toEqual([
        {
          id: expect.any(String),
          seq: 1,
          pseudonym: 'Jane Doe 1',
          status: 'active',
          legalName: first!.legalName,
          aliases: first!.aliases,
          gender: 'female',
          dob: first!.dob,
          email: first!.email,
          phone: first!.phone,
          address: first!.address,
          idNumbers: first!.idNumbers,
          notes: first!.notes,
        },
      ]);
    });

    it('gendered: John Doe, Jane Doe and Doe share one sequence; --json prints {"pseudonym"}', async () => {
      const json = await okJson<{ pseudonym: string; id: string; seq: number }>([
        ...vault.auth, 'plaintiff', 'add', '--case', caseId, ...allOptions(second!, 'male'),
      ]);
      expect(json).toEqual({ pseudonym: 'John Doe 2', id: expect.stringMatching(/^[0-9a-z]{16}$/), seq: 2 });
      expect(await addPlaintiff(vault, caseId, ...allOptions(third!, 'unspecified'))).toBe('Doe 3');
      expect(await addPlaintiff(vault, caseId, '--name', 'Zoë Ramírez')).toBe('Doe 4');
      expect(await addPlaintiff(vault, caseId, '--name', 'Ingrid Solberg', '--gender', 'female')).toBe('Jane Doe 5');
    });

    it('refuses bad input with exit 5 VALIDATION naming the field; nothing is written', async () => {
      const bad: [string, string[], RegExp][] = [
        ['empty name', ['--name', ''], /^Legal name is required/],
        ['10,000-character name', ['--name', 'Ramírez'.repeat(1429).slice(0, 10_000)], /^Legal name is longer than 200 characters/],
        ['control character', ['--name', 'Zoë\u0007Ramírez'], /^Legal name contains control or formatting characters/],
        ['line break', ['--name', 'Zoë\nRamírez'], /^Legal name contains control or formatting characters/],
        ['impossible date', ['--name', 'Zoë Ramírez', '--dob', '2023-02-30'], /^Date of birth is not a real calendar date/],
        ['bad email', ['--name', 'Zoë Ramírez', '--email', 'zoe.ramirez@'], /^Email is not a valid address/],
        ['bad gender', ['--name', 'Zoë Ramírez', '--gender', 'other'], /^Gender must be female, male or unspecified/],
      ];
      for (const [i, [what, options, expected]] of bad.entries()) {
        // Half with --json (code VALIDATION), half plain ("doe-vault: …"); one line either way.
        const json = i % 2 === 0;
        const result = await runCli([...vault.auth, 'plaintiff', 'add', '--case', caseId, ...options, ...(json ? ['--json'] : [])]);
        const message = json ? expectFailure(result, 5, 'VALIDATION') : expectFailure(result, 5);
        expect(message, what).toMatch(expected);
        expect(result.stdout, what).toBe('');
        // The refused value is not echoed back (it may be someone's name).
        expect(result.stderr, what).not.toContain('Ramírez');
      }
      // Nothing written, not even a sequence number: the next plaintiff added is number 6 (below).
      expect((await roster()).map((p) => p.pseudonym)).toEqual(['Jane Doe 1', 'John Doe 2', 'Doe 3', 'Doe 4', 'Jane Doe 5']);
    });

    it('needs --case and --name (exit 1); an unknown case is NOT_FOUND (exit 5)', async () => {
      expect(await failJson([...vault.auth, 'plaintiff', 'add', '--case', caseId], 1, 'USAGE')).toMatch(/--name/);
      expect(await failJson([...vault.auth, 'plaintiff', 'add', '--name', 'Zoë Ramírez'], 1, 'USAGE')).toMatch(/--case/);
      await failJson([...vault.auth, 'plaintiff', 'add', '--case', 'nosuchcase000000', '--name', 'Zoë Ramírez'], 5, 'NOT_FOUND');
    });
  });

  describe('plaintiff withdraw', () => {
    it('marks the plaintiff withdrawn; the next plaintiff gets the next number, never a reused one', async () => {
      const stdout = await ok([...vault.auth, 'plaintiff', 'withdraw', '--case', caseId, '--pseudonym', 'John Doe 2']);
      expect(stdout).toBe('John Doe 2 is withdrawn; the pseudonym stays reserved.\n');
      expect((await roster()).find((p) => p.seq === 2)).toEqual({
        id: expect.any(String),
        seq: 2,
        pseudonym: 'John Doe 2',
        status: 'withdrawn',
        withdrawnAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(await addPlaintiff(vault, caseId, '--name', 'Tomasz Wiśniewski', '--gender', 'male')).toBe('John Doe 6');
    });

    it('--json prints {"pseudonym", "status"}', async () => {
      const out = await okJson([...vault.auth, 'plaintiff', 'withdraw', '--case', caseId, '--pseudonym', 'Doe 3']);
      expect(out).toEqual({ pseudonym: 'Doe 3', status: 'withdrawn' });
      expect(await addPlaintiff(vault, caseId, '--name', 'Ayla Demir')).toBe('Doe 7');
    });

    it('an unknown pseudonym is exit 5 NOT_FOUND; withdrawing twice is exit 5 CONFLICT; --pseudonym is required', async () => {
      const message = await failJson([...vault.auth, 'plaintiff', 'withdraw', '--case', caseId, '--pseudonym', 'John Doe 99'], 5, 'NOT_FOUND');
      expect(message).toMatch(/No plaintiff "John Doe 99"/);
      await failJson([...vault.auth, 'plaintiff', 'withdraw', '--case', caseId, '--pseudonym', 'John Doe 2'], 5, 'CONFLICT');
      await failJson([...vault.auth, 'plaintiff', 'withdraw', '--case', caseId], 1, 'USAGE');
    });
  });

  describe('roster', () => {
    const everyone = () => [first!, second!, third!].flatMap(identifyingValues).concat('Zoë Ramírez', 'Ingrid Solberg');

    it('public: pseudonyms and status only, no identity in the output', async () => {
      const table = await ok([...vault.auth, 'roster', '--case', caseId]);
      expect(table.split('\n')).toEqual([
        'PSEUDONYM   STATUS',
        'Jane Doe 1  active',
        'John Doe 2  withdrawn',
        'Doe 3       withdrawn',
        'Doe 4       active',
        'Jane Doe 5  active',
        'John Doe 6  active',
        'Doe 7       active',
        '',
      ]);
      const json = await roster();
      expect(json.map((p) => [p.seq, p.pseudonym, p.status])).toEqual([
        [1, 'Jane Doe 1', 'active'],
        [2, 'John Doe 2', 'withdrawn'],
        [3, 'Doe 3', 'withdrawn'],
        [4, 'Doe 4', 'active'],
        [5, 'Jane Doe 5', 'active'],
        [6, 'John Doe 6', 'active'],
        [7, 'Doe 7', 'active'],
      ]);
      for (const entry of json) {
        expect(['id', 'seq', 'pseudonym', 'status', 'withdrawnAt']).toEqual(expect.arrayContaining(Object.keys(entry)));
      }
      const stdout = table + JSON.stringify(json);
      for (const value of everyone()) expect(stdout).not.toContain(value);
    });

    it('--sealed adds the identities, in the table and with legalName in --json, and audits every reveal', async () => {
      const table = (await ok([...vault.auth, 'roster', '--case', caseId, '--sealed'])).split('\n');
      expect(table[0]).toMatch(/^PSEUDONYM\s+STATUS\s+LEGAL NAME\s+DOB\s+EMAIL\s+PHONE\s+ID NUMBERS\s+ALIASES\s+ADDRESS$/);
      expect(table[1]).toMatch(new RegExp(`^Jane Doe 1\\s+active\\s+${[first!.legalName, first!.dob!, first!.email!].map(escape).join('\\s+')}`));
      expect(table[1]).toContain(first!.idNumbers!.join(', '));
      expect(table[1]).toContain(first!.aliases!.join(', '));
      expect(table[4]).toMatch(/^Doe 4\s+active\s+Zoë Ramírez$/);

      const json = await sealed();
      expect(json.map((p) => [p.pseudonym, p.status, p.legalName])).toEqual([
        ['Jane Doe 1', 'active', first!.legalName],
        ['John Doe 2', 'withdrawn', second!.legalName],
        ['Doe 3', 'withdrawn', third!.legalName],
        ['Doe 4', 'active', 'Zoë Ramírez'],
        ['Jane Doe 5', 'active', 'Ingrid Solberg'],
        ['John Doe 6', 'active', 'Tomasz Wiśniewski'],
        ['Doe 7', 'active', 'Ayla Demir'],
      ]);
      const log = await audit();
      // One reveal in the first test of this file and two here; the public roster is not one.
      const reveals = log.filter((e) => e.action === 'roster.revealed');
      expect(reveals.map((e) => e.details)).toEqual([
        { caseId, count: 1 },
        { caseId, count: 7 },
        { caseId, count: 7 },
      ]);
      expect(log.filter((e) => e.action === 'plaintiff.withdrawn').map((e) => e.details)).toEqual([
        { caseId, pseudonym: 'John Doe 2' },
        { caseId, pseudonym: 'Doe 3' },
      ]);
      expect(log.filter((e) => e.action === 'plaintiffs.added')).toHaveLength(7);
      // The audit log itself names nobody.
      for (const value of everyone()) expect(JSON.stringify(log)).not.toContain(value);
    });

    it('a case without plaintiffs: a message, or [] with --json; --case is required (exit 1)', async () => {
      const empty = await addCase(vault, '--title', 'Empty case');
      expect(await ok([...vault.auth, 'roster', '--case', empty])).toBe(
        'No plaintiffs in this case yet. Add one with `doe-vault plaintiff add`.\n',
      );
      expect(await okJson([...vault.auth, 'roster', '--case', empty, '--sealed'])).toEqual([]);
      await failJson([...vault.auth, 'roster', '--sealed'], 1, 'USAGE');
      await failJson([...vault.auth, 'roster', '--case', 'nosuchcase000000'], 5, 'NOT_FOUND');
    });
  });

  describe('the initials scheme', () => {
    it('"J.D." then "J.D. 2" for the next J.D.; others keep their own', async () => {
      const initials = await addCase(vault, '--title', 'Initials case', '--scheme', 'initials');
      expect(await addPlaintiff(vault, initials, '--name', 'Jane Dalloway')).toBe('J.D.');
      expect(await addPlaintiff(vault, initials, '--name', 'Jonas Dürrenmatt', '--gender', 'male')).toBe('J.D. 2');
      expect(await addPlaintiff(vault, initials, '--name', 'Ana María de la Cruz')).toBe('A.C.');
      expect(await addPlaintiff(vault, initials, '--name', 'josé dávila')).toBe('J.D. 3');
    });
  });

  describe('the doxxing surface (issue 11)', () => {
    let doxx: string;
    const sealedOf = async () => (await okJson<(SealedJson & Record<string, unknown>)[]>([...vault.auth, 'roster', '--case', doxx, '--sealed']))[0]!;

    it('plaintiff add: repeatable --family, --past-address, --school, --employer, --affiliation, --vehicle, --handle, --characteristic', async () => {
      doxx = await addCase(vault, '--title', 'Doxxing surface');
      const pseudonym = await addPlaintiff(
        vault, doxx, '--name', 'Zephyrine Quillfeather', '--gender', 'female',
        '--family', 'Ottilie Quillfeather:daughter', '--family', 'Ambrose Quillfeather',
        '--past-address', '12 Oak Lane, Fresno', '--past-address', '9 Elm Court, Visalia',
        '--school', 'Hollingsworth Academy', '--employer', 'Brightwater Freight', '--affiliation', 'Lakeside Rowing Club',
        '--vehicle', '7QXZ918:CA:grey sedan: 2019', '--vehicle', '8 XYZ 001',
        '--handle', '@quill_rider77', '--handle', 'zquill',
        '--characteristic', 'Phoenix tattoo on the left forearm',
      );
      expect(pseudonym).toBe('Jane Doe 1');
      expect(await sealedOf()).toMatchObject({
        family: [{ name: 'Ottilie Quillfeather', relation: 'daughter' }, { name: 'Ambrose Quillfeather', relation: '' }],
        pastAddresses: ['12 Oak Lane, Fresno', '9 Elm Court, Visalia'],
        affiliations: [
          { name: 'Hollingsworth Academy', kind: 'school' },
          { name: 'Brightwater Freight', kind: 'employer' },
          { name: 'Lakeside Rowing Club', kind: 'other' },
        ],
        vehicles: [{ plate: '7QXZ918', state: 'CA', description: 'grey sedan: 2019' }, { plate: '8 XYZ 001' }],
        handles: ['@quill_rider77', 'zquill'],
        characteristics: ['Phoenix tattoo on the left forearm'],
      });
      const table = await ok([...vault.auth, 'roster', '--case', doxx, '--sealed']);
      expect(table).toMatch(/FAMILY 1 +FAMILY 1 RELATION/);
      expect(table).toMatch(/Ottilie Quillfeather +daughter/);
      // The public roster shows none of it.
      const publicRoster = await ok([...vault.auth, 'roster', '--case', doxx]);
      for (const value of ['Ottilie', 'Hollingsworth', '7QXZ918', 'quill_rider', 'Phoenix']) expect(publicRoster).not.toContain(value);
    });

    it('plaintiff update: a list given replaces that list, "" clears it, other fields stay; audited as an update', async () => {
      const stdout = await ok([...vault.auth, 'plaintiff', 'update', '--case', doxx, '--pseudonym', 'jane doe 1', '--vehicle', '4LMN555:NV', '--handle', '']);
      expect(stdout).toBe('Jane Doe 1 is updated; the pseudonym stays.\n');
      const after = await sealedOf();
      expect(after.vehicles).toEqual([{ plate: '4LMN555', state: 'NV' }]);
      expect(after.handles).toBeUndefined();
      expect(after.legalName).toBe('Zephyrine Quillfeather');
      expect(after.family).toHaveLength(2);
      const log = await audit();
      expect(log.filter((e) => e.action === 'plaintiff.updated').at(-1)!.details).toEqual({ caseId: doxx, pseudonym: 'Jane Doe 1', fields: ['handles', 'vehicles'] });
      expect(JSON.stringify(log)).not.toContain('4LMN555');
    });

    it('refuses bad values with a message naming the field (exit 5), and an update with nothing to change (exit 1)', async () => {
      const plate = await failJson([...vault.auth, 'plaintiff', 'add', '--case', doxx, '--name', 'Ann Other', '--vehicle', '7AB/C12'], 5, 'VALIDATION');
      expect(plate).toMatch(/Plate may contain only letters, digits, spaces and hyphens/);
      const handle = await failJson([...vault.auth, 'plaintiff', 'update', '--case', doxx, '--pseudonym', 'Jane Doe 1', '--handle', 'https://x.com/zq'], 5, 'VALIDATION');
      expect(handle).toMatch(/username alone/);
      const family = await failJson([...vault.auth, 'plaintiff', 'add', '--case', doxx, '--name', 'Ann Other', '--family', ':son'], 5, 'VALIDATION');
      expect(family).toMatch(/Family member name is required/);
      await failJson([...vault.auth, 'plaintiff', 'update', '--case', doxx, '--pseudonym', 'Jane Doe 1'], 1, 'USAGE');
      await failJson([...vault.auth, 'plaintiff', 'update', '--case', doxx, '--pseudonym', 'Jane Doe 9', '--handle', '@x_y'], 5, 'NOT_FOUND');
      expect((await sealedOf()).vehicles).toEqual([{ plate: '4LMN555', state: 'NV' }]);
    });

    it('--help lists the new options', async () => {
      const help = await ok(['plaintiff', 'add', '--help']);
      for (const flag of ['--family', '--past-address', '--school', '--employer', '--affiliation', '--vehicle', '--handle', '--characteristic']) expect(help).toContain(flag);
      expect(await ok(['plaintiff', 'update', '--help'])).toContain('--pseudonym');
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  withDatabase,
  type AuditEntryJson,
  type CliVault,
  type Sandbox,
} from './helpers';

interface CaseJson {
  id: string;
  createdAt: string;
  plaintiffs: number;
  title: string;
  court?: string;
  number?: string;
  scheme: string;
}

const CASE_ID = /^[0-9a-z]{16}$/;

describe('doe-vault case', () => {
  let box: Sandbox;
  let vault: CliVault;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('vault.doevault'));
  });
  afterAll(() => box.cleanup());

  const list = () => okJson<CaseJson[]>([...vault.auth, 'case', 'list']);

  it('case list on a new vault says there are none; --json prints []', async () => {
    expect(await ok([...vault.auth, 'case', 'list'])).toBe('No cases yet. Create one with `doe-vault case add --title TEXT`.\n');
    expect(await list()).toEqual([]);
  });

  it('case add prints the new id; --json prints {"id"}; title, court and number are kept', async () => {
    const stdout = await ok([
      ...vault.auth, 'case', 'add', '--title', 'Doe v. Synthetic Widgets, Inc.', '--court', 'S.D. Nowhere', '--number', '1:26-cv-00123',
    ]);
    expect(stdout).toMatch(/^[0-9a-z]{16}\n$/);
    ids.full = stdout.trim();
    const json = await okJson<{ id: string }>([...vault.auth, 'case', 'add', '--title', 'Roe v. Placeholder County']);
    expect(Object.keys(json)).toEqual(['id']);
    expect(json.id).toMatch(CASE_ID);
    ids.minimal = json.id;

    const cases = await list();
    expect(cases).toEqual([
      {
        id: ids.full,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        plaintiffs: 0,
        title: 'Doe v. Synthetic Widgets, Inc.',
        court: 'S.D. Nowhere',
        number: '1:26-cv-00123',
        scheme: 'gendered',
      },
      expect.objectContaining({ id: ids.minimal, title: 'Roe v. Placeholder County', plaintiffs: 0, scheme: 'gendered' }),
    ]);
    expect(cases[1]!.court).toBeUndefined();
    expect(cases[1]!.number).toBeUndefined();
  });

  it('case add --scheme: gendered, gendered-separate, neutral, letters, initials and prefix:TEXT name the plaintiffs', async () => {
    // The first pseudonym of each; gendered and initials are followed further in plaintiffs.test.ts.
    const schemes = {
      gendered: undefined,
      'gendered-separate': 'John Doe 1',
      neutral: 'Doe 1',
      letters: 'Plaintiff A',
      initials: undefined,
      'prefix:Officer Doe': 'Officer Doe 1',
    };
    for (const [scheme, first] of Object.entries(schemes)) {
      const id = await addCase(vault, '--title', `Scheme ${scheme}`, '--scheme', scheme);
      ids[scheme] = id;
      if (first) expect(await addPlaintiff(vault, id, '--name', 'Rafael Ortega', '--gender', 'male'), scheme).toBe(first);
    }
    const cases = await list();
    for (const [scheme, first] of Object.entries(schemes)) {
      expect(cases.find((c) => c.id === ids[scheme])).toMatchObject({ scheme, plaintiffs: first ? 1 : 0 });
    }
  });

  // A bad --scheme is VALIDATION (exit 5), like a bad --gender or --dob, and is refused before
  // the passphrase is asked for; a bad --kdf, checked by the CLI itself, is exit 1.
  it('a bad --scheme: exit 5 VALIDATION naming the scheme; no case is created', async () => {
    for (const scheme of ['bogus', 'prefix:Officer 9']) {
      const message = await failJson([...vault.auth, 'case', 'add', '--title', 'Bad scheme', '--scheme', scheme], 5, 'VALIDATION');
      expect(message, scheme).toMatch(/scheme|prefix/i);
    }
    const plain = await runCli([...vault.auth, 'case', 'add', '--title', 'Bad scheme', '--scheme', 'alphabetical']);
    expect(expectFailure(plain, 5)).toMatch(/^Unknown pseudonym scheme\. Use gendered, gendered-separate, neutral, letters, initials or prefix:TEXT/);
    // No case was created: the next test counts them.
    // Refused before any passphrase is read: with none available it is still VALIDATION.
    const noPassphrase = await runCli(['--vault', vault.path, 'case', 'add', '--title', 'Bad scheme', '--scheme', 'bogus']);
    expect(expectFailure(noPassphrase, 5)).toMatch(/^Unknown pseudonym scheme/);
  });

  it('case add needs --title (exit 1); a blank title is VALIDATION (exit 5)', async () => {
    const message = await failJson([...vault.auth, 'case', 'add', '--court', 'S.D. Nowhere'], 1, 'USAGE');
    expect(message).toMatch(/--title/);
    expect(await failJson([...vault.auth, 'case', 'add', '--title', '   '], 5, 'VALIDATION')).toMatch(/Title/);
  });

  it('case list shows the plaintiff counts, in the table and in --json', async () => {
    await addPlaintiff(vault, ids.full!, '--name', 'Zoë Ramírez', '--gender', 'female');
    await addPlaintiff(vault, ids.full!, '--name', 'Mateo Lindqvist', '--gender', 'male');
    const counts = Object.fromEntries((await list()).map((c) => [c.id, c.plaintiffs]));
    expect(counts[ids.full!]).toBe(2);
    expect(counts[ids.minimal!]).toBe(0);
    expect(counts[ids.neutral!]).toBe(1);

    const table = (await ok([...vault.auth, 'case', 'list'])).split('\n');
    expect(table[0]).toMatch(/^ID\s+PLAINTIFFS\s+SCHEME\s+NUMBER\s+COURT\s+TITLE$/);
    expect(table.find((row) => row.startsWith(ids.full!))).toMatch(
      /^\S+\s+2\s+gendered\s+1:26-cv-00123\s+S\.D\. Nowhere\s+Doe v\. Synthetic Widgets, Inc\.$/,
    );
    expect(table.find((row) => row.startsWith(ids['prefix:Officer Doe']!))).toMatch(/\s1\s+prefix:Officer Doe\s/);
    expect(table).toHaveLength(1 + 8 + 1); // header, 8 cases, final newline
  });

  it('case delete without --confirm is a usage error (exit 1); the case stays', async () => {
    const message = await failJson([...vault.auth, 'case', 'delete', '--case', ids.full!], 1, 'USAGE');
    expect(message).toMatch(/--confirm/);
    await failJson([...vault.auth, 'case', 'delete', '--confirm'], 1, 'USAGE');
    // The case stays: the next test deletes it with its 2 plaintiffs.
  });

  it('case delete --confirm crypto-shreds the case: gone from the list, its roster NOT_FOUND, audited', async () => {
    const stdout = await ok([...vault.auth, 'case', 'delete', '--case', ids.full!, '--confirm']);
    expect(stdout).toMatch(new RegExp(`^Deleted case ${ids.full} and its 2 plaintiff records\\.`));
    expect((await list()).map((c) => c.id)).not.toContain(ids.full);
    const message = await failJson([...vault.auth, 'roster', '--case', ids.full!], 5, 'NOT_FOUND');
    expect(message).toContain(ids.full);
    await failJson([...vault.auth, 'case', 'delete', '--case', ids.full!, '--confirm'], 5, 'NOT_FOUND');
    // The key and the records are gone from the file.
    const left = withDatabase(vault.path, (db) => ({
      cases: db.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(ids.full) as { n: number },
      plaintiffs: db.prepare('SELECT count(*) AS n FROM plaintiffs WHERE case_id = ?').get(ids.full) as { n: number },
    }));
    expect(left).toEqual({ cases: { n: 0 }, plaintiffs: { n: 0 } });
    const entries = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'case.deleted', details: { caseId: ids.full, plaintiffs: 2 } }));
  });

  it('case delete --json prints {"deleted", "plaintiffs"}', async () => {
    const out = await okJson([...vault.auth, 'case', 'delete', '--case', ids.neutral!, '--confirm']);
    expect(out).toEqual({ deleted: ids.neutral, plaintiffs: 1 });
  });
});

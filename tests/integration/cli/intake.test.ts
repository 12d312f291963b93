import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeCsv } from '../../fixtures/intake-files';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { addCase, expectFailure, initVault, ok, okJson, runCli, sandbox, type AuditEntryJson, type CliVault, type Sandbox } from './helpers';

interface SummaryJson {
  added: number;
  skipped: number;
  merged: number;
  rejected: number;
  problems: { row: number; field: string; message: string }[];
  duplicates: { row: number; against: string; otherRow?: number; pseudonym?: string }[];
  pseudonyms?: { first: string; last: string };
  dryRun?: boolean;
}

describe('doe-vault plaintiff import and roster --format', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  const plaintiffs = syntheticPlaintiffs(25, 55);

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Courier', '--scheme', 'prefix:Officer Doe');
    writeFileSync(box.path('intake.csv'), intakeCsv(plaintiffs));
  }, 60_000);
  afterAll(() => box.cleanup());

  it('--dry-run counts and writes nothing', async () => {
    const summary = await okJson<SummaryJson>([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv'), '--dry-run']);
    expect(summary).toMatchObject({ added: 25, skipped: 0, rejected: 0, problems: [], dryRun: true });
    expect(await okJson<unknown[]>([...vault.auth, 'roster', '--case', caseId])).toEqual([]);
  });

  it('imports a CSV and prints added, skipped and rejected', async () => {
    const out = await ok([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv')]);
    expect(out).toBe('Added 25 (Officer Doe 1 to Officer Doe 25), skipped 0, merged 0, rejected 0.\n');
    const audit = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    expect(audit.find((e) => e.action === 'plaintiffs.imported')?.details).toEqual({ caseId, rows: 25, added: 25, skipped: 0, merged: 0 });
  });

  it('--on-duplicate fail (the default) exits 5 listing the duplicates; skip skips them', async () => {
    const again = await runCli([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv')]);
    expect(expectFailure(again, 5)).toMatch(/25 rows name someone already in the file or the vault; nothing was imported/);
    expect(again.stdout).toMatch(/^duplicate: row 2 matches Officer Doe 1, same date of birth$/m);
    const json = await runCli([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv'), '--json']);
    expectFailure(json, 5, 'CONFLICT');
    expect((JSON.parse(json.stdout) as SummaryJson).duplicates).toHaveLength(25);
    const skipped = await okJson<SummaryJson>([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv'), '--on-duplicate', 'skip']);
    expect(skipped).toMatchObject({ added: 0, skipped: 25, rejected: 0 });
  });

  it('a file with any invalid row is rejected whole: exit 5, every problem with row and field', async () => {
    writeFileSync(box.path('bad.csv'), 'Name;DOB;Email\nAda Quill;1980-01-01;ada@example.org\n;1981-01-01;\nBo Lark;31/12/1990;bo@\n');
    const plain = await runCli([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('bad.csv')]);
    expect(expectFailure(plain, 5)).toMatch(/^2 of 3 rows have problems; nothing was imported/);
    expect(plain.stdout.split('\n').filter(Boolean)).toEqual([
      'Row 3, legalName (column "Name"): Legal name is required.',
      'Row 4, dob (column "DOB"): Date of birth must be written YYYY-MM-DD, e.g. 1984-03-07.',
      'Row 4, email (column "Email"): Email is not a valid address (name@example.org).',
    ]);
    expect(plain.stdout + plain.stderr).not.toMatch(/Bo Lark|Ada Quill/);
    const json = await runCli([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('bad.csv'), '--json']);
    expectFailure(json, 5, 'VALIDATION');
    const summary = JSON.parse(json.stdout) as SummaryJson;
    expect(summary).toMatchObject({ added: 0, skipped: 0, rejected: 2 });
    expect(summary.problems.map((p) => [p.row, p.field])).toEqual([[3, 'legalName'], [4, 'dob'], [4, 'email']]);
  });

  it('--map HEADER=field overrides the detected mapping', async () => {
    const other = await addCase(vault, '--title', 'Other', '--scheme', 'neutral');
    writeFileSync(box.path('map.csv'), 'Who,Born,Colour\nCy Moss,1970-05-05,blue\n');
    const usage = await runCli([...vault.auth, 'plaintiff', 'import', '--case', other, box.path('map.csv')]);
    expect(expectFailure(usage, 5)).toMatch(/No column is mapped to the legal name/);
    const summary = await okJson<SummaryJson>([...vault.auth, 'plaintiff', 'import', '--case', other, box.path('map.csv'), '--map', 'Who=legalName', '--map', 'Born=dob', '--map', 'Colour=ignore']);
    expect(summary).toMatchObject({ added: 1, pseudonyms: { first: 'Doe 1', last: 'Doe 1' } });
  });

  it('usage errors: a bad --on-duplicate, no FILE', async () => {
    expectFailure(await runCli([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv'), '--on-duplicate', 'maybe']), 1);
    expectFailure(await runCli([...vault.auth, 'plaintiff', 'import', '--case', caseId]), 1);
  });

  it('roster --format csv|json|table, --out FILE (never over a file), --sealed audited', async () => {
    const table = await ok([...vault.auth, 'roster', '--case', caseId]);
    expect(table.split('\n')[0]).toMatch(/^PSEUDONYM\s+STATUS$/);
    const csv = await ok([...vault.auth, 'roster', '--case', caseId, '--format', 'csv']);
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['PSEUDONYM,STATUS', 'Officer Doe 1,active']);
    const json = await okJson<{ pseudonym: string }[]>([...vault.auth, 'roster', '--case', caseId, '--format', 'json']);
    expect(json).toHaveLength(25);
    const out = box.path('sealed.csv');
    const written = await okJson<{ path: string; rows: number; sha256: string }>([...vault.auth, 'roster', '--case', caseId, '--sealed', '--format', 'csv', '--out', out]);
    expect(written).toMatchObject({ path: out, rows: 25 });
    expect(readFileSync(out, 'utf8')).toContain(String(plaintiffs[0]!.legalName));
    expectFailure(await runCli([...vault.auth, 'roster', '--case', caseId, '--format', 'csv', '--out', out]), 5);
    const audit = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    expect(audit.filter((e) => e.action === 'roster.exported').map((e) => e.details)).toEqual([{ caseId, sealed: true, format: 'csv', rows: 25, file: out }]);
    expectFailure(await runCli([...vault.auth, 'roster', '--case', caseId, '--format', 'xlsx']), 1);
    expectFailure(await runCli([...vault.auth, 'roster', '--case', caseId, '--format', 'pdf']), 1);
  });
});

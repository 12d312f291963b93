import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, type AuditEntryJson, type CliVault, expectFailure, failJson, initVault, ok, okJson, pdftotext, runCli, sandbox, type Sandbox } from './helpers';

/**
 * The case's own title, court and number are printed by every export (the caption where the
 * draft gives no parties, and the manifest). The check before the export reads them as the
 * read-back after it does, so an export either asks first or names nobody: it never writes,
 * finds a name and deletes (found by `npm run redteam`).
 */
describe('export: the case caption is checked before anything is written', () => {
  let box: Sandbox;
  let vault: CliVault;
  let draft: string;

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    draft = box.path('draft.md');
    writeFileSync(draft, '# Complaint for Damages\n\nThe department published the photographs.\n');
  });
  afterAll(() => box.cleanup());

  it('exports a case titled "Jane Does 1 through 40" whose plaintiff is a Jane with a neutral pseudonym', async () => {
    const caseId = await addCase(vault, '--title', 'Jane Does 1 through 40 v. City of Springfield', '--scheme', 'neutral');
    expect(await addPlaintiff(vault, caseId, '--name', 'Jane Quillfeather')).toBe('Doe 1');
    const out = box.path('jane-does');
    const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expect(report.status).toBe('exported');
    expect(pdftotext(`${out}/public.pdf`)).toMatch(/JANE DOES 1 through 40/i);
  });

  it('asks about a plaintiff named in the case title, and writes nothing', async () => {
    const caseId = await addCase(vault, '--title', 'Quillfeather v. City of Springfield');
    await addPlaintiff(vault, caseId, '--name', 'Ottilie Quillfeather');
    const out = box.path('named-title');
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(result, 3);
    expect(result.stdout).toMatch(/^case line 1\s+surname/m);
    expect(result.stdout).toContain("The case's own title, court or number");
    expect(result.stdout).not.toContain('Say in the draft what each one is');
    expect(existsSync(out)).toBe(false);

    const json = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--json']);
    expect(json.code).toBe(3);
    const { status, questions } = JSON.parse(json.stdout) as { status: string; questions: { field: string; text: string }[] };
    expect(status).toBe('needs-resolution');
    expect(questions).toEqual([expect.objectContaining({ field: 'case', text: 'Quillfeather' })]);
  });

  it('says how to retitle the case; `case update --title` does, and the export then succeeds with the new caption', async () => {
    const caseId = await addCase(vault, '--title', 'Quillfeather v. City of Springfield', '--court', 'Superior Court', '--number', 'SC-7');
    expect(await addPlaintiff(vault, caseId, '--name', 'Ottilie Quillfeather', '--gender', 'female')).toBe('Jane Doe 1');
    const out = box.path('retitled');
    const stopped = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(stopped, 3);
    expect(stopped.stdout).toContain(`doe-vault case update --case ${caseId} --title`);

    const line = await ok([...vault.auth, 'case', 'update', '--case', caseId, '--title', 'Jane Doe 1 v. City of Springfield', '--number', '']);
    expect(line).toBe(`Case ${caseId}: Jane Doe 1 v. City of Springfield (Superior Court)\n`);
    const cases = await okJson<{ id: string; title: string; court?: string; number?: string; scheme: string; plaintiffs: number }[]>([...vault.auth, 'case', 'list']);
    expect(cases.find((c) => c.id === caseId)).toEqual(expect.objectContaining({ title: 'Jane Doe 1 v. City of Springfield', court: 'Superior Court', scheme: 'gendered', plaintiffs: 1 }));
    expect(cases.find((c) => c.id === caseId)?.number).toBeUndefined();

    const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expect(report.status).toBe('exported');
    const manifest = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8')) as { case: unknown };
    expect(manifest.case).toEqual({ title: 'Jane Doe 1 v. City of Springfield', court: 'Superior Court' });
    expect(pdftotext(`${out}/public.pdf`)).toMatch(/JANE DOE 1 v\. City of Springfield/i);
    expect(pdftotext(`${out}/public.pdf`)).not.toMatch(/Quillfeather/i);

    const audit = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    const updated = audit.filter((entry) => entry.action === 'case.updated');
    expect(updated.map((entry) => entry.details)).toEqual([{ caseId, fields: ['title', 'number'] }]);
    expect(JSON.stringify(audit)).not.toContain('Quillfeather');
  });

  it('case update: --json prints the summary; no change given or --scheme is a usage error; an unknown case is NOT_FOUND', async () => {
    const caseId = await addCase(vault, '--title', 'Roe v. Placeholder County', '--scheme', 'letters');
    const summary = await okJson<Record<string, unknown>>([...vault.auth, 'case', 'update', '--case', caseId, '--court', 'District Court']);
    expect(summary).toEqual({ id: caseId, title: 'Roe v. Placeholder County', court: 'District Court', scheme: 'letters', plaintiffs: 0, createdAt: expect.any(String) });

    expect(await failJson([...vault.auth, 'case', 'update', '--case', caseId], 1, 'USAGE')).toMatch(/--title, --court or --number/);
    expect(await failJson([...vault.auth, 'case', 'update', '--case', caseId, '--scheme', 'neutral'], 1, 'USAGE')).toMatch(/does not take --scheme/);
    expect(await failJson([...vault.auth, 'case', 'update', '--case', caseId, '--title', '  '], 5, 'VALIDATION')).toMatch(/Title is required/);
    expect(await failJson([...vault.auth, 'case', 'update', '--case', 'aaaaaaaaaaaaaaaa', '--title', 'Roe v. Doe'], 5, 'NOT_FOUND')).toMatch(/case list/);
    const cases = await okJson<{ id: string; title: string; scheme: string }[]>([...vault.auth, 'case', 'list']);
    expect(cases.find((c) => c.id === caseId)).toMatchObject({ title: 'Roe v. Placeholder County', scheme: 'letters' });
  });
});

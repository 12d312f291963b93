import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, type CliVault, expectFailure, initVault, okJson, pdftotext, runCli, sandbox, type Sandbox } from './helpers';

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
});

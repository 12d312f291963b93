import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, type CliVault, expectFailure, initVault, ok, pdftotext, runCli, sandbox, type Sandbox } from './helpers';

// Invented people.
const ODALYS = ['--name', 'Odalys Vandermeer', '--gender', 'female', '--alias', 'Dalys Quarrington'];
const THADDEUS = ['--name', 'Thaddeus Pemberton-Wick', '--gender', 'male'];

const pdfLines = (path: string) => pdftotext(path).replace(/\s+/g, ' ');

/** Issue 12, item 6: what the export prints around a pseudonym, read back from the PDFs. */
describe('doe-vault export: substitution that reads as written', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Metropolis', '--court', 'Superior Court of California, County of Metropolis', '--number', 'MCV-2');
    for (const person of [ODALYS, THADDEUS]) await addPlaintiff(vault, caseId, ...person);
  });
  afterAll(() => box.cleanup());

  it('drops the title, keeps the possessive, prints a quoted alias as "(an alias)"; the sealed version keeps the draft', async () => {
    const draft = box.path('complaint.md');
    writeFileSync(
      draft,
      [
        '# Complaint for Damages',
        '',
        'Plaintiff Odalys Vandermeer, known to colleagues as "Dalys Quarrington," worked nights.',
        '',
        "Ms. Vandermeer's supervisor was Sgt. Thaddeus Pemberton-Wick. {{John Doe 2|Pemberton-Wick's}} car was parked outside.",
        '',
      ].join('\n'),
    );
    const out = box.path('out');
    await ok([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    const publicText = pdfLines(`${out}/public.pdf`);
    expect(publicText).toContain('Plaintiff Jane Doe 1, known to colleagues as (an alias), worked nights.');
    expect(publicText).toContain("Jane Doe 1's supervisor was John Doe 2. John Doe 2's car was parked outside.");
    expect(publicText).not.toMatch(/Ms\. Jane|Sgt\. John/);
    const sealedText = pdfLines(`${out}/sealed.pdf`);
    expect(sealedText).toContain('known to colleagues as "Dalys Quarrington,"');
    expect(sealedText).toContain("Ms. Vandermeer's supervisor was Sgt. Thaddeus Pemberton-Wick (John Doe 2). Pemberton-Wick's car");
  });

  it('the same plaintiff twice in one list is a question; nothing is written', async () => {
    const draft = box.path('repeat.md');
    writeFileSync(draft, '# Complaint for Damages\n\nOfficers followed several people, including Jane Doe 1 and Dalys Quarrington.\n');
    const out = box.path('out-repeat');
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(result, 3, undefined);
    expect(result.stdout).toMatch(/line 3 .*Jane Doe 1 +the same plaintiff twice in one list: edit the draft/);
    expect(existsSync(out)).toBe(false);
  });
});

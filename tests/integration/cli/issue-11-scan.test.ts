import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../src-main/core/text/normalize';
import { docxDraftWithNotes, docxWithNameIn, HIDING_PLACES, PART_OF } from '../../fixtures/docx-parts';
import { type CliVault, courierCase, expectFailure, ok, pdftotext, runCli, type Sandbox, writePdf } from './helpers';

/**
 * Issue 11 through the CLI: initials (leak 5) and mixed-script words (leak 1's flag) end in
 * `scan` exit 3, an export that asks and writes nothing, and `verify` exit 3; a .docx is
 * scanned part by part (leak 7) and a .docx draft's notes reach both versions.
 */

const FONT = join(import.meta.dirname, '../../../resources/fonts/Tinos_400Regular.ttf');

/** A one-page PDF with these lines (Tinos, so Greek and Cyrillic print). */
function pdfWith(path: string, lines: string[]): Promise<void> {
  return writePdf(path, (doc) => {
    doc.registerFont('Tinos', FONT);
    doc.font('Tinos').fontSize(12);
    for (const line of lines) doc.text(line);
  });
}

describe('issue 11: initials, mixed scripts and DOCX parts through scan, export and verify', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;

  beforeAll(async () => {
    ({ box, vault, caseId } = await courierCase([
      ['--name', 'Maria Elena Ramírez', '--gender', 'female'],
      ['--name', 'Łukasz Wiśniewski', '--gender', 'male'],
    ]));
  });
  afterAll(() => box.cleanup());

  it('scan: initials in context and a mixed-script word are reported (exit 3); bare capitals and one-script names are not', async () => {
    const draft = box.path('initials.md');
    writeFileSync(draft, '# Complaint\n\nOfficer M.R. arrived first.\nThe clerk J\u043ehnson filed it.\n');
    const result = await runCli([...vault.auth, 'scan', '--case', caseId, draft]);
    expectFailure(result, 3, undefined);
    expect(result.stdout).toMatch(/line 3 +initials +low \(partial-name\) +Jane Doe 1 +M\.R/);
    expect(result.stdout).toMatch(/line 4 +mixed-script word +low +\(Latin and Cyrillic letters\) +J\u043ehnson/);

    const clean = box.path('clean.md');
    writeFileSync(clean, '# Complaint\n\nMR went home at 9 A.M.; the U.S. Attorney met Σωκράτης and Иван.\n');
    expect(await ok([...vault.auth, 'scan', '--case', caseId, clean])).toMatch(/No identity of the vault found/);
  });

  it('export: initials stop the export with a question and nothing is written; answered in the draft, it exports and prints the pseudonym', async () => {
    const draft = box.path('asks.md');
    writeFileSync(draft, '# Complaint for Damages\n\nOfficer M.R. arrived first.\n');
    const out = box.path('out-asks');
    const asked = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(asked, 3, undefined);
    expect(asked.stdout).toMatch(/line 3 +initials +Jane Doe 1 +a plaintiff’s initials, or an abbreviation +M\.R/);
    expect(existsSync(out)).toBe(false);

    // Answered once: the same initials later in the draft take that answer.
    writeFileSync(draft, '# Complaint for Damages\n\nOfficer {{Jane Doe 1|M.R}}. arrived first. Later Officer M. R. left.\n');
    await ok([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    const text = fold(pdftotext(`${out}/public.pdf`));
    // The title goes with the initials (issue 12): "Officer Jane Doe 1" narrows who she is.
    expect(text).toContain('jane doe 1 arrived first');
    expect(text).toContain('later jane doe 1 left');
    expect(text).not.toContain('officer');
    expect(text).not.toMatch(/\bm r\b/);
  });

  it('export: a mixed-script word in the public text is refused with its place; nothing is written', async () => {
    const draft = box.path('mixed.md');
    writeFileSync(draft, '# Complaint for Damages\n\nThe plaintiff {{Jane Doe 1}} sued.\nThe clerk J\u043ehnson filed it.\n');
    const out = box.path('out-mixed');
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(result, 3, undefined);
    expect(result.stdout).toMatch(/line 4 +mixed-script word +\(Latin and Cyrillic letters\) +mixes Latin and Cyrillic letters: retype it in one script, or redact it/);
    expect(existsSync(out)).toBe(false);
  });

  it('verify: a PDF with initials in context, or with a mixed-script word, exits 3 naming the place and not the text', async () => {
    const initials = box.path('initials.pdf');
    await pdfWith(initials, ['Complaint for Damages', 'Officer M.R. arrived first.']);
    const found = await runCli([...vault.auth, 'verify', '--case', caseId, initials]);
    expectFailure(found, 3, undefined);
    expect(found.stdout).toMatch(/initials\.pdf page 1, line 2: the initials of Jane Doe 1/);

    const mixed = box.path('mixed.pdf');
    await pdfWith(mixed, ['Complaint for Damages', 'The clerk J\u043ehnson filed it.']);
    const disguised = await runCli([...vault.auth, 'verify', '--case', caseId, mixed]);
    expectFailure(disguised, 3, undefined);
    expect(disguised.stdout).toMatch(/mixed\.pdf page 1, line 2: a word mixing scripts/);
    expect(disguised.stdout).not.toContain('J\u043ehnson');

    const clean = box.path('clean.pdf');
    await pdfWith(clean, ['Complaint for Damages', 'Σωκράτης and Иван met MR at 9 A.M.']);
    expect(await ok([...vault.auth, 'verify', '--case', caseId, clean])).toMatch(/No identity of the vault found/);
  });

  // One CLI run per test: each part on its own, so a loaded machine stays within the timeout.
  it.each(HIDING_PLACES)('scan: a name only in the %s of a .docx exits 3 and names the part', async (place) => {
    const file = box.path(`hidden-${place.replace(/\W+/g, '-')}.docx`);
    writeFileSync(file, await docxWithNameIn(place, 'Maria Elena Ramírez'));
    const result = await runCli([...vault.auth, 'scan', '--case', caseId, file]);
    expect(result.code, `${place}: ${result.stdout}${result.stderr}`).toBe(3);
    expect(result.stdout).toContain(`${PART_OF[place]} line`);
    expect(result.stdout).toMatch(/full name +high +Jane Doe 1/);
  });

  it('export of a .docx draft keeps its footnote and endnote in both versions, pseudonymised in public', async () => {
    const draft = box.path('notes.docx');
    writeFileSync(draft, await docxDraftWithNotes('See the statement of Maria Elena Ramírez.', 'Transcript of Łukasz Wiśniewski, p. 4.'));
    const out = box.path('out-notes');
    await ok([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    const publicText = fold(pdftotext(`${out}/public.pdf`));
    expect(publicText).toContain('see the statement of jane doe 1');
    expect(publicText).toContain('transcript of john doe 2 p 4');
    expect(publicText).not.toMatch(/ramirez|wisniewski/);
    const sealedText = fold(pdftotext(`${out}/sealed.pdf`));
    expect(sealedText).toContain('see the statement of maria elena ramirez');
    expect(sealedText).toContain('wisniewski');
  });
});

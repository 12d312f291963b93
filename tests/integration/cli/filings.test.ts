import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../src-main/core/text/normalize';
import { addCase, addPlaintiff, type CliVault, courierCase, expectFailure, ok, okJson, pdftotext, runCli, type Sandbox, secretFile, writePdf } from './helpers';

// Invented people.
const MARIA = ['--name', 'Maria Elena Ramírez', '--gender', 'female', '--email', 'maria.ramirez@example.org', '--phone', '(555) 010-0199'];
const LUKASZ = ['--name', 'Łukasz Wiśniewski', '--gender', 'male'];
const ZOE = ['--name', 'Zoë Castellanos', '--gender', 'female'];
const ROBERTO = ['--name', 'Roberto Castellanos', '--gender', 'male'];

describe('doe-vault scan, export and verify', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;

  beforeAll(async () => {
    ({ box, vault, caseId } = await courierCase([MARIA, LUKASZ, ZOE, ROBERTO]));
  });
  afterAll(() => box.cleanup());

  it('scan: lists every mention with place, kind and pseudonym, exit 3; a clean file exits 0', async () => {
    const draft = box.path('draft.md');
    writeFileSync(draft, '# Complaint\n\nMaria Elena Ramírez sued.\nCall (555) 010-0199. Castellanos too.\n');
    const result = await runCli([...vault.auth, 'scan', '--case', caseId, draft]);
    expectFailure(result, 3, undefined);
    expect(result.stderr).toMatch(/3 mentions of identities in/);
    expect(result.stdout).toMatch(/line 3 +full name +high +Jane Doe 1 +Maria Elena Ramírez/);
    expect(result.stdout).toMatch(/line 4 +phone/);
    expect(result.stdout).toMatch(/line 4 +surname +low \(partial-name, shared\) +Jane Doe 3, John Doe 4 +Castellanos/);

    const clean = box.path('clean.txt');
    writeFileSync(clean, 'Plaintiff Jane Doe 1 sued the Courier.');
    expect(await ok([...vault.auth, 'scan', '--all', clean])).toMatch(/No identity of the vault found/);
  });

  it('scan --json: the hits as objects; a .docx is read too', async () => {
    const docx = box.path('draft.docx');
    writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Officer Łukasz Wiśniewski testified.')] }] })));
    const result = await runCli([...vault.auth, 'scan', '--case', caseId, docx, '--json']);
    expect(result.code).toBe(3);
    const parsed = JSON.parse(result.stdout) as { hits: { kind: string; targets: { pseudonym: string }[] }[] };
    expect(parsed.hits.map((h) => [h.kind, h.targets.map((t) => t.pseudonym)])).toEqual([['full-name', ['John Doe 2']]]);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'LEAK_FOUND' } });
  });

  it('scan refuses a PDF without a text layer, a file that is not a DOCX, and an unknown type, saying why', async () => {
    const scanned = box.path('scanned.pdf');
    await writePdf(scanned, (doc) => doc.rect(72, 72, 200, 100).fill('#333')); // a scanned page: shapes, no text
    expect(expectFailure(await runCli([...vault.auth, 'scan', '--all', scanned]), 5)).toMatch(/no text layer/);
    const fake = box.path('fake.docx');
    writeFileSync(fake, 'plain text pretending');
    expect(expectFailure(await runCli([...vault.auth, 'scan', '--all', fake]), 5)).toMatch(/not a Word document/);
    const odd = box.path('notes.rtf');
    writeFileSync(odd, '{\\rtf1 x}');
    expect(expectFailure(await runCli([...vault.auth, 'scan', '--all', odd]), 5)).toMatch(/\.rtf/);
    expectFailure(await runCli([...vault.auth, 'scan', odd]), 1);
  });

  it('export: a draft with real names and one ambiguity writes nothing and lists it, exit 3', async () => {
    const draft = box.path('ambiguous.md');
    writeFileSync(draft, '# Complaint for Damages\n\nMaria Elena Ramírez and Castellanos sued.\n');
    const out = box.path('out-ambiguous');
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(result, 3, undefined);
    expect(result.stderr).toMatch(/1 mention needs a decision; nothing was written/);
    expect(result.stdout).toMatch(/line 3 +surname +Jane Doe 3, John Doe 4 +may name several people +Castellanos/);
    expect(result.stdout).toContain('{{not a plaintiff|text}}');
    expect(existsSync(out)).toBe(false);
  });

  it('export: resolved in the draft, it writes the files; public.pdf names nobody; verify agrees; a second export is refused', async () => {
    const draft = box.path('resolved.md');
    writeFileSync(draft, '# Complaint for Damages\n\nMaria Elena Ramírez and {{John Doe 4|Castellanos}} sued. Call (555) 010-0199.\n');
    const out = box.path('out');
    const passphrase = secretFile(box.path('package.pass'), 'one-time package passphrase for co-counsel');
    const report = await okJson<{ status: string; files: { name: string; sha256: string }[]; verification: { result: string; identities: number } }>([
      ...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--format', 'federal', '--docx', '--package-passphrase-file', passphrase,
    ]);
    expect(report.status).toBe('exported');
    expect(report.verification).toMatchObject({ result: 'passed', identities: 4 });
    // The telephone number written in the draft became a redaction: the sealed reference list says where it was.
    expect(readdirSync(out).sort()).toEqual([
      'declaration-of-identities.docx',
      'declaration-of-identities.pdf',
      'manifest.json',
      'public.docx',
      'public.pdf',
      'reference-list.pdf',
      'sealed.docx',
      'sealed.doesealed',
      'sealed.pdf',
    ]);

    const publicText = fold(pdftotext(`${out}/public.pdf`));
    for (const word of ['ramirez', 'castellanos', '555 010 0199']) expect(publicText).not.toContain(word);
    expect(publicText).toContain('jane doe 1 and john doe 4 sued');
    expect(publicText).toContain('redacted version of document sought to be sealed');
    const sealedText = fold(pdftotext(`${out}/sealed.pdf`));
    expect(sealedText).toContain('maria elena ramirez jane doe 1');
    const manifest = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8')) as { case: { title: string }; files: unknown[] };
    expect(manifest.case.title).toBe('Does v. Courier');

    expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/public.pdf`])).toMatch(/No identity of the vault found .*checked against 4 identities/);
    expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/public.docx`])).toMatch(/No identity of the vault found/);
    // Beside its manifest, the sealed version is recognised; a copy alone is checked like any file.
    expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/sealed.pdf`])).toMatch(/the sealed version of an export of this case/);
    mkdirSync(box.path('sealed-alone'));
    copyFileSync(`${out}/sealed.pdf`, box.path('sealed-alone/sealed.pdf'));
    const sealedCheck = await runCli([...vault.auth, 'verify', '--case', caseId, box.path('sealed-alone/sealed.pdf')]);
    expectFailure(sealedCheck, 3, undefined);
    expect(sealedCheck.stdout).toMatch(/sealed\.pdf page 1, line \d+: the full name of Jane Doe 1/);
    expect(sealedCheck.stdout).not.toContain('Ramírez');

    const opened = box.path('opened');
    await ok(['package', 'open', `${out}/sealed.doesealed`, '--out', opened, '--passphrase-file', passphrase]);
    expect(readFileSync(`${opened}/sealed.pdf`)).toEqual(readFileSync(`${out}/sealed.pdf`));

    const again = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expect(expectFailure(again, 5, undefined)).toMatch(/already holds an export/);
  });

  it('export refuses a weak package passphrase (issue 11) with the meter’s reason, writing nothing', async () => {
    const draft = box.path('weak-package.md');
    writeFileSync(draft, '# Complaint for Damages\n\nJane Doe 1 sued.\n');
    const out = box.path('out-weak-package');
    const weak = secretFile(box.path('weak-package.pass'), 'password1234');
    const result = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--package-passphrase-file', weak]);
    expect(expectFailure(result, 5)).toMatch(/too easy to guess.*similar to a commonly used password/);
    expect(existsSync(out)).toBe(false);
  });

  it('export refuses an unknown pseudonym and an empty draft, writing nothing', async () => {
    const unknown = box.path('unknown.md');
    writeFileSync(unknown, '# Complaint\n\nBy {{Jane Doe 40}}.');
    expect(expectFailure(await runCli([...vault.auth, 'export', '--case', caseId, '--in', unknown, '--out', box.path('o1')]), 5)).toMatch(/\{\{Jane Doe 40\}\} names no plaintiff/);
    const empty = box.path('empty.md');
    writeFileSync(empty, '');
    expect(expectFailure(await runCli([...vault.auth, 'export', '--case', caseId, '--in', empty, '--out', box.path('o2'), '--title', 'Complaint']), 5)).toMatch(/no body/);
    expect(existsSync(box.path('o1')) || existsSync(box.path('o2'))).toBe(false);
  });

  it('export never titles a filing with the draft\'s file name (issue 11, leak 6): no heading and no --title is refused; a heading is the title', async () => {
    // A draft saved under a plaintiff's name, its body already pseudonymous.
    const draft = box.path('MariaElenaRamirez.md');
    writeFileSync(draft, 'The plaintiff {{Jane Doe 1}} sued.\n');
    const refused = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', box.path('untitled')]);
    expect(expectFailure(refused, 5)).toMatch(/no title.*--title/);
    expect(existsSync(box.path('untitled'))).toBe(false);

    writeFileSync(draft, '# Complaint for Damages\n\nThe plaintiff {{Jane Doe 1}} sued.\n');
    const out = box.path('titled');
    await ok([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    for (const file of ['public.pdf', 'sealed.pdf', 'declaration-of-identities.pdf']) {
      const text = fold(pdftotext(`${out}/${file}`));
      const info = fold(execFileSync('pdfinfo', ['-enc', 'UTF-8', `${out}/${file}`], { encoding: 'utf8' }));
      expect(text + info).not.toMatch(/mariaelenaramirez/);
      // The declaration of identities has a title of its own.
      expect(text).toContain(file.startsWith('declaration') ? 'declaration of counsel identifying plaintiffs proceeding under pseudonyms' : 'complaint for damages');
    }
  });

  it('verify reads only .pdf and .docx', async () => {
    const text = box.path('x.txt');
    writeFileSync(text, 'x');
    expect(expectFailure(await runCli([...vault.auth, 'verify', '--case', caseId, text]), 1)).toMatch(/verify reads \.pdf and \.docx/);
  });

  // Last: it adds a second case to the vault.
  it('a plaintiff of another case is listed with that case\'s ID: "Jane Doe 1" is in every case', async () => {
    const otherCase = await addCase(vault, '--title', 'Does v. Gazette');
    expect(await addPlaintiff(vault, otherCase, '--name', 'Henrietta Quillfeather', '--gender', 'female')).toBe('Jane Doe 1');
    const draft = box.path('two-cases.md');
    writeFileSync(draft, '# Complaint\n\nMaria Elena Ramírez met Henrietta Quillfeather.\n');

    const all = await runCli([...vault.auth, 'scan', '--all', draft]);
    expectFailure(all, 3, undefined);
    expect(all.stdout).toMatch(new RegExp(`line 3 +full name +high +Jane Doe 1 \\(case ${caseId}\\) +Maria Elena Ramírez`));
    expect(all.stdout).toMatch(new RegExp(`line 3 +full name +high +Jane Doe 1 \\(case ${otherCase}\\) +Henrietta Quillfeather`));

    // The case's own plaintiff by pseudonym alone; the other case's with its ID, as a question.
    const own = await runCli([...vault.auth, 'scan', '--case', caseId, draft]);
    expect(own.stdout).toMatch(/line 3 +full name +high +Jane Doe 1 +Maria Elena Ramírez/);
    expect(own.stdout).not.toContain('(case ');
    const out = box.path('out-two-cases');
    const exported = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expectFailure(exported, 3, undefined);
    expect(exported.stdout).toMatch(new RegExp(`line 3 +full name +Jane Doe 1 \\(case ${otherCase}\\) +names someone of another case +Henrietta Quillfeather`));
    expect(existsSync(out)).toBe(false);
    // --json says the same: whom each question may name, with the case.
    const json = await runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--json']);
    expectFailure(json, 3, undefined);
    const { questions } = JSON.parse(json.stdout) as { questions: { text: string; targets: { pseudonym: string; caseId: string }[] }[] };
    expect(questions).toEqual([expect.objectContaining({ text: 'Henrietta Quillfeather', targets: [{ pseudonym: 'Jane Doe 1', caseId: otherCase }] })]);
  });
});

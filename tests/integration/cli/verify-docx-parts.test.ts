import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, expectFailure, initVault, ok, okJson, runCli, sandbox, type CliVault, type Sandbox } from './helpers';

/**
 * The Word file on pleading paper (issue 12, item 5) has parts a reader sees besides the body:
 * the footnotes at the foot of each page and the header with the line numbers. `verify` reads
 * them (issue 11, item 7): a plaintiff's name pasted into either is found (exit 3), and cited
 * by the part it is in.
 */
describe('verify: the footnotes and header of an exported Word file', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let out: string;
  const faker = new Faker({ locale: [en] });
  faker.seed(1205);
  const people = Array.from({ length: 2 }, () => `${faker.person.firstName()} ${faker.person.lastName()}`);

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor City', '--court', 'Superior Court of California, County of Metropolis', '--number', 'MCV-15');
    for (const name of people) await addPlaintiff(vault, caseId, '--name', name);
    const draft = box.path('noted.md');
    writeFileSync(draft, `# Complaint for Damages\n\n{{Doe 1}} reported to the harbor office.[^1]\n\n[^1]: The harbor office keeps a public log.\n`);
    out = box.path('out');
    const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--docx']);
    expect(report.status).toBe('exported');
  }, 120_000);

  afterAll(() => box.cleanup());

  /** public.docx with `part` edited, under a new name in the export's folder (beside its manifest). */
  const pasted = async (part: RegExp, edit: (xml: string) => string, name: string): Promise<string> => {
    const zip = await JSZip.loadAsync(readFileSync(`${out}/public.docx`));
    const path = Object.keys(zip.files).find((file) => part.test(file));
    expect(path, `${part} in public.docx`).toBeDefined();
    const xml = await zip.file(path!)!.async('string');
    const changed = edit(xml);
    expect(changed).not.toBe(xml);
    zip.file(path!, changed);
    const file = `${out}/${name}`;
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    return file;
  };

  it('verifies the Word file as written: a real footnote and the pleading header, and no name', async () => {
    const zip = await JSZip.loadAsync(readFileSync(`${out}/public.docx`));
    expect(await zip.file('word/footnotes.xml')!.async('string')).toContain('The harbor office keeps a public log.');
    expect(await zip.file('word/document.xml')!.async('string')).toContain('<w:footnoteReference');
    expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/public.docx`])).toMatch(/No identity of the vault found/);
  }, 120_000);

  it('finds a name pasted into a footnote (exit 3), citing the footnotes part', async () => {
    const file = await pasted(/^word\/footnotes\.xml$/, (xml) => xml.replace('keeps a public log.', `keeps a public log kept by ${people[1]!}.`), 'note.docx');
    const leaked = await runCli([...vault.auth, 'verify', '--case', caseId, file]);
    expectFailure(leaked, 3, undefined);
    expect(leaked.stdout).toMatch(/note\.docx \(word\/footnotes\.xml\) line \d+: the full name of Doe 2/);
  }, 120_000);

  it('finds a name pasted into the pleading header beside the line numbers (exit 3), citing the header part', async () => {
    const file = await pasted(/^word\/header\d*\.xml$/, (xml) => xml.replace('<w:t>28</w:t>', `<w:t>28 ${people[0]!}</w:t>`), 'header.docx');
    const leaked = await runCli([...vault.auth, 'verify', '--case', caseId, file]);
    expectFailure(leaked, 3, undefined);
    expect(leaked.stdout).toMatch(/header\.docx \(word\/header\d*\.xml\) line \d+: the full name of Doe 1/);
  }, 120_000);
});

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../src-main/core/text/normalize';
import { addCase, addPlaintiff, type CliVault, expectFailure, initVault, ok, okJson, pdftotext, runCli, sandbox, type Sandbox } from './helpers';

/**
 * Issue 12, item 7: questions and verification agree. `verify` beside the export's manifest
 * honours the export's answers and knows its sealed versions, so every file the export wrote
 * verifies; the same file with a name pasted in does not. And it cites the place a reader of the
 * page sees: on pleading paper the numbered line (1–28), not the n-th line of extracted text (it
 * said "page 4, line 45").
 */
describe('verify: the export\'s answers, its sealed versions, pleading page and line', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  const faker = new Faker({ locale: [en] });
  faker.seed(1212);
  const people = Array.from({ length: 3 }, () => `${faker.person.firstName()} ${faker.person.lastName()}`);

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor City', '--court', 'Superior Court of California, County of Metropolis', '--number', 'MCV-12');
    for (const name of people) await addPlaintiff(vault, caseId, '--name', name);
  });
  afterAll(() => box.cleanup());

  /** A folder holding only a copy of `file`: no manifest beside it. */
  const alone = (file: string, folder: string): string => {
    mkdirSync(box.path(folder));
    const copy = box.path(`${folder}/${file.split('/').at(-1)!}`);
    copyFileSync(file, copy);
    return copy;
  };

  it('every file the export wrote verifies beside its manifest (answers honoured, sealed versions recognised); alone, they do not', async () => {
    // A plaintiff's surname used for somebody else, answered "not a plaintiff" in the draft.
    const surname = people[0]!.split(' ').at(-1)!;
    const draft = box.path('answered.md');
    writeFileSync(draft, `# Complaint for Damages\n\n{{Doe 2}} wrote to {{not a plaintiff|Judge ${surname}}} of the county bench.\n`);
    const out = box.path('answered');
    const report = await okJson<{ status: string; verification: { cleared: number } }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, '--docx']);
    expect(report.status).toBe('exported');
    expect(report.verification.cleared).toBeGreaterThan(0);
    const manifest = readFileSync(`${out}/manifest.json`, 'utf8');
    expect(fold(manifest)).not.toContain(fold(surname));

    for (const file of ['public.pdf', 'public.docx']) {
      expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/${file}`])).toMatch(/No identity of the vault found .*; [1-9]\d* marked "not a plaintiff" by the export/);
    }
    for (const file of ['sealed.pdf', 'sealed.docx', 'declaration-of-identities.pdf', 'declaration-of-identities.docx']) {
      expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/${file}`])).toMatch(/is the sealed version of an export of this case, unchanged .*Lodge it only under seal/);
    }
    // Without the manifest, the same files are checked as any file.
    expectFailure(await runCli([...vault.auth, 'verify', '--case', caseId, alone(`${out}/public.pdf`, 'alone-public')]), 3, undefined);
    expect(expectFailure(await runCli([...vault.auth, 'verify', '--case', caseId, alone(`${out}/sealed.pdf`, 'alone-sealed')]), 3, undefined)).toMatch(/names people/);

    // A manifest changed by hand (here: its title) is not believed: the sealed file is reported.
    writeFileSync(`${out}/manifest.json`, manifest.replace('"Does v. Harbor City"', '"Does v. Harbour City"'));
    const forged = await runCli([...vault.auth, 'verify', '--case', caseId, `${out}/sealed.pdf`]);
    expect(forged.code).toBe(3);
    expect(forged.stderr).toMatch(/not from an export of this case, or was changed since: its answers were not used\.\n.*names people/);
    writeFileSync(`${out}/manifest.json`, manifest);

    // The public Word file with a plaintiff's name pasted into its body, beside the true manifest.
    const zip = await JSZip.loadAsync(readFileSync(`${out}/public.docx`));
    const body = await zip.file('word/document.xml')!.async('string');
    const pasted = body.replace('of the county bench', `of the county bench, and ${people[2]!}`);
    expect(pasted).not.toBe(body);
    zip.file('word/document.xml', pasted);
    writeFileSync(`${out}/public.docx`, await zip.generateAsync({ type: 'nodebuffer' }));
    const leaked = await runCli([...vault.auth, 'verify', '--case', caseId, `${out}/public.docx`]);
    expectFailure(leaked, 3, undefined);
    expect(leaked.stdout).toMatch(/public\.docx \(word\/document\.xml\) line \d+: the full name of Doe 3/);
  }, 300_000); // fourteen runs of the CLI, each unlocking the vault and loading pdfjs

  it('sealed.pdf of a California export: every hit names a numbered line 1–28 whose printed row shows the name', async () => {
    // Three pages of filler, each plaintiff cited somewhere in the middle of it.
    const paragraphs = Array.from({ length: 30 }, (_, i) => {
      const cite = i % 10 === 5 ? ` {{${['Doe 1', 'Doe 2', 'Doe 3'][Math.floor(i / 10)]}}} was there.` : '';
      return `${faker.lorem.sentences(3)}${cite}`;
    });
    const draft = box.path('long.md');
    writeFileSync(draft, `# Complaint for Damages\n\n${paragraphs.join('\n\n')}\n`);
    const out = box.path('out');
    const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out]);
    expect(report.status).toBe('exported');

    const sealed = alone(`${out}/sealed.pdf`, 'long-sealed');
    const checked = await runCli([...vault.auth, 'verify', '--case', caseId, sealed, '--json']);
    expectFailure(checked, 3, undefined);
    const hits = (JSON.parse(checked.stdout) as { hits: { page?: number; line: number; margin?: string; kind: string; pseudonyms: string[] }[] }).hits;
    const fullNames = hits.filter((hit) => hit.kind === 'full-name' && hit.page !== undefined && hit.margin === undefined);
    expect(fullNames.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fullNames.map((hit) => hit.page)).size).toBeGreaterThan(1);

    const pages = pdftotext(sealed, { layout: true }).split('\f');
    for (const hit of fullNames) {
      expect(hit.line).toBeGreaterThanOrEqual(1);
      expect(hit.line).toBeLessThanOrEqual(28);
      const row = pages[hit.page! - 1]!.split('\n').find((text) => new RegExp(`^\\s*${hit.line}\\s`).test(text));
      expect(row, `page ${hit.page} has a row numbered ${hit.line}`).toBeDefined();
      const surnames = people.map((name) => fold(name.split(' ').at(-1)!));
      expect(surnames.some((surname) => fold(row!).includes(surname)), `page ${hit.page} line ${hit.line}: ${row}`).toBe(true);
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { Faker, en } from '@faker-js/faker';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greyShares, readPdfFile, wordBoxes } from '../../fixtures/withheld-marks';
import { addCase, addPlaintiff, expectFailure, initVault, ok, okJson, pdftotext, runCli, sandbox, secretFile, sha256, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 13, items 2–4, "done when": a complaint with three redacted items (an e-mail address used
 * twice, a telephone number, a weapon's serial number), exported through the command line and
 * read back with poppler, as the court would read it: the public version prints three distinct
 * references and none of the texts; the sealed reference list pairs each reference with its
 * text and the page:line where pdftotext finds it on the pleading paper; the sealed version
 * draws a grey band under exactly those words (pixels of the rendered page); `--labels`.
 */
const faker = new Faker({ locale: [en] });
faker.seed(1313);
const OFFICER = { name: `${faker.person.firstName('female')} ${faker.person.lastName()}`, email: faker.internet.email({ provider: 'example.test' }).toLowerCase() };
const PHONE = `(555) 01${faker.string.numeric(1)}-${faker.string.numeric(4)}`;
const SERIAL = `SN-${faker.string.numeric(4)}-${faker.string.alpha({ length: 2, casing: 'upper' })}`;
const FILLER = Array.from({ length: 9 }, () => faker.lorem.sentences(3));
const WITHHELD = [OFFICER.email, PHONE, SERIAL];

const frontMatter = (court: string, extra = '') => `---
court: ${court}
caseNumber: 26STCV00013
title: Complaint for Damages
parties:
  defendants:
    - HARBOR TRANSIT AUTHORITY
counsel:
  - name: Avery Quinlan
    barNumber: "123456"
    firm: Quinlan & Marsh LLP
    attorneysFor: Plaintiffs
${extra}---
`;

const REDACTING_BODY = `
# FIRST CAUSE OF ACTION

1. Plaintiff {{Jane Doe 1}} is a transit officer. Defendant published her e-mail address {{redacted|${OFFICER.email}}} and her telephone number {{redacted|${PHONE}}} on its public website.
2. Defendant also published the serial number of her service weapon, {{redacted|${SERIAL}}} beside her photograph.
${FILLER.map((text, i) => `${i + 3}. ${text}`).join('\n')}
${FILLER.length + 3}. Threats reached Plaintiff {{John Doe 2}} through the address {{redacted|${OFFICER.email}}} after it was published.
`;

const PLAIN_BODY = '\n1. Plaintiff {{Jane Doe 1}} is a transit officer.\n';

/** Each page of `file` as pdftotext -layout rows: [page][row]. */
const layoutPages = (file: string): string[][] =>
  pdftotext(file, { layout: true })
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => page.split('\n'));

/** Where pdftotext shows `ref` on the public version: page and the pleading line number its row starts with. */
const placesOf = (pages: string[][], ref: string): string[] =>
  pages.flatMap((rows, page) =>
    rows.flatMap((row) => {
      const number = /^\s*(\d{1,2})\s/.exec(row)?.[1];
      return row.includes(ref) && number !== undefined ? [`${page + 1}:${number}`] : [];
    }),
  );

describe('doe-vault export: numbered redactions, the sealed reference list, marks, labels', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let out: string;

  const exportDraft = async (name: string, draft: string, ...flags: string[]) => {
    const folder = box.path(name);
    writeFileSync(box.path(`${name}.md`), draft);
    const report = await okJson<{ status: string; files: { name: string; role: string }[] }>([
      ...vault.auth,
      'export',
      '--case',
      caseId,
      '--in',
      box.path(`${name}.md`),
      '--out',
      folder,
      ...flags,
    ]);
    expect(report.status).toBe('exported');
    return { folder, files: report.files };
  };

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor Transit Authority');
    // The withheld texts are the officer's own identifiers: the public scan knows them and would stop a leak.
    await addPlaintiff(vault, caseId, '--name', OFFICER.name, '--gender', 'female', '--email', OFFICER.email, '--phone', PHONE, '--id-number', SERIAL);
    await addPlaintiff(vault, caseId, '--name', `${faker.person.firstName('male')} ${faker.person.lastName()}`, '--gender', 'male');
    ({ folder: out } = await exportDraft('complaint', frontMatter('ca-sup-los-angeles') + REDACTING_BODY, '--docx'));
  }, 180_000);
  afterAll(() => box.cleanup());

  it('the public version prints three distinct references, the e-mail twice as one, and none of the withheld texts', () => {
    const text = pdftotext(`${out}/public.pdf`);
    expect([...new Set(text.match(/\[REDACTED-\d+\]/g))].sort()).toEqual(['[REDACTED-1]', '[REDACTED-2]', '[REDACTED-3]']);
    expect(text.match(/\[REDACTED-1\]/g)).toHaveLength(2);
    const squashed = text.replace(/\s+/g, ' ');
    for (const withheld of [...WITHHELD, OFFICER.name]) expect(squashed).not.toContain(withheld);
    expect(squashed).toContain('PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD');
  });

  it('verify finds no identity in the public version; it recognises the reference list as a sealed paper of the export', async () => {
    expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/public.pdf`])).toMatch(/^No identity of the vault found/);
    expect(await ok([...vault.auth, 'verify', '--case', caseId, `${out}/reference-list.pdf`])).toMatch(/is the sealed version of an export of this case, unchanged/);
  });

  it('the reference list pairs each reference with its text and every page:line where the public version prints it', () => {
    const publicPages = layoutPages(`${out}/public.pdf`);
    const rows = layoutPages(`${out}/reference-list.pdf`).flat();
    expect(rows.join('\n')).toContain('INDEX OF REDACTED');
    expect(rows.join('\n')).toContain('CONDITIONALLY UNDER SEAL');
    WITHHELD.forEach((withheld, i) => {
      const ref = `[REDACTED-${i + 1}]`;
      const row = rows.find((candidate) => candidate.includes(ref));
      expect(row, ref).toBeDefined();
      expect(row).toContain(withheld);
      const listed = row!.slice(row!.indexOf(withheld) + withheld.length).match(/\d+:\d+/g);
      expect(listed, ref).toEqual(placesOf(publicPages, ref));
    });
    // The e-mail is cited twice: once on page 1, once where the last paragraph prints.
    expect(placesOf(publicPages, '[REDACTED-1]')).toHaveLength(2);
    expect(new Set(placesOf(publicPages, '[REDACTED-1]').map((place) => place.split(':')[0])).size).toBe(2);
  });

  it('the sealed version draws a grey band under exactly the withheld words, and the public version under none', () => {
    const sealed = readPdfFile(`${out}/sealed.pdf`);
    const words = wordBoxes(sealed);
    const shares = greyShares(sealed, words);
    const banded = words.filter((_, i) => shares[i]! > 0.3).map((box) => box.word.replace(/[,.;:]$/, ''));
    const withheldWords = [OFFICER.email, ...PHONE.split(' '), SERIAL, OFFICER.email];
    expect(banded.sort()).toEqual(withheldWords.sort());
    const publicPdf = readPdfFile(`${out}/public.pdf`);
    expect(greyShares(publicPdf, wordBoxes(publicPdf)).filter((share) => share > 0)).toEqual([]);
  });

  it('the sealed Word file shades the runs of the three withheld texts, and nothing in the public one', async () => {
    const runs = async (file: string) => {
      const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
      return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].filter((run) => /<w:shd [^>]*w:fill="D9D9D9"/.test(run[1]!)).map((run) => /<w:t[^>]*>([^<]*)</.exec(run[1]!)?.[1]);
    };
    expect((await runs(`${out}/sealed.docx`)).sort()).toEqual([OFFICER.email, OFFICER.email, PHONE, SERIAL].sort());
    expect(await runs(`${out}/public.docx`)).toEqual([]);
  });

  it('the manifest lists the reference list as sealed, with its SHA-256', () => {
    const manifest = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8')) as { files: { name: string; role: string; sha256: string }[] };
    expect(manifest.files.map((file) => `${file.name} ${file.role}`)).toEqual([
      'public.pdf public',
      'sealed.pdf sealed',
      'declaration-of-identities.pdf lodged',
      'reference-list.pdf sealed',
      'public.docx public',
      'sealed.docx sealed',
      'declaration-of-identities.docx lodged',
    ]);
    expect(manifest.files.find((file) => file.name === 'reference-list.pdf')!.sha256).toBe(sha256(`${out}/reference-list.pdf`));
    expect(JSON.stringify(manifest)).not.toContain(OFFICER.email);
  });

  it('a federal court: the FRCP 5.2(g) reference list, under its own label, in the sealed package', async () => {
    const passphrase = secretFile(box.path('package-pass'), 'seven orange lanterns drift past the harbor');
    const { folder } = await exportDraft('federal', frontMatter('cacd') + REDACTING_BODY, '--package-passphrase-file', passphrase);
    const list = pdftotext(`${folder}/reference-list.pdf`, { layout: true, first: 1, last: 1 });
    expect(list).toContain('REFERENCE LIST OF REDACTED');
    expect(list).toMatch(/5\.2\(g\)\)/);
    expect(list).toContain('FILED UNDER SEAL PURSUANT TO FED. R. CIV. P. 5.2');
    expect(list).toContain('Under Federal Rule of Civil Procedure 5.2(g)');
    const opened = box.path('federal-opened');
    await ok(['package', 'open', `${folder}/sealed.doesealed`, '--out', opened, '--passphrase-file', passphrase]);
    expect(readFileSync(`${opened}/reference-list.pdf`)).toEqual(readFileSync(`${folder}/reference-list.pdf`));
  }, 120_000);

  it('--labels auto (the default): a public version that redacts nothing carries no label, the sealed one keeps its own; no reference list', async () => {
    for (const flags of [[], ['--labels', 'auto']]) {
      const { folder, files } = await exportDraft(`plain-${flags.length}`, frontMatter('ca-sup-los-angeles') + PLAIN_BODY, ...flags);
      const publicPage = pdftotext(`${folder}/public.pdf`, { first: 1, last: 1 });
      expect(publicPage).not.toMatch(/REDACTS|SEALED RECORD|UNDER SEAL/);
      expect(pdftotext(`${folder}/sealed.pdf`, { first: 1, last: 1 })).toContain('CONDITIONALLY UNDER SEAL');
      expect(files.map((file) => file.name)).not.toContain('reference-list.pdf');
    }
  }, 120_000);

  it('--labels none: no label on any paper, whatever the front matter says', async () => {
    const { folder } = await exportDraft('none', frontMatter('ca-sup-los-angeles', 'labels: auto\n') + REDACTING_BODY, '--labels', 'none');
    for (const file of ['public.pdf', 'sealed.pdf', 'reference-list.pdf']) {
      expect(pdftotext(`${folder}/${file}`, { first: 1, last: 1 }), file).not.toMatch(/REDACTS|SEALED RECORD|UNDER SEAL|MAY NOT BE EXAMINED/);
    }
  }, 120_000);

  it('--labels FILE: [public] on the public version, [sealed] on every sealed paper, [lodged] on the declaration of identities', async () => {
    writeFileSync(box.path('labels.txt'), '# our district’s standing order\n[public]\nREDACTED PUBLIC VERSION\n[sealed]\nLODGED UNDER SEAL BY PLAINTIFFS\n');
    const { folder } = await exportDraft('own', frontMatter('cacd') + REDACTING_BODY, '--labels', box.path('labels.txt'));
    const page1 = (file: string) => pdftotext(`${folder}/${file}`, { first: 1, last: 1 }).replace(/\s+/g, ' ');
    expect(page1('public.pdf')).toContain('REDACTED PUBLIC VERSION');
    expect(page1('public.pdf')).not.toContain('LODGED UNDER SEAL');
    for (const file of ['sealed.pdf', 'reference-list.pdf']) {
      expect(page1(file), file).toContain('LODGED UNDER SEAL BY PLAINTIFFS');
      expect(page1(file), file).not.toMatch(/UNREDACTED VERSION|FED\. R\. CIV\. P\. 5\.2 /);
    }
    // The declaration of identities is lodged, not the sealed twin of the public version: it keeps the court's lodged labels
    // unless the file has a [lodged] section.
    const declaration = page1('declaration-of-identities.pdf');
    expect(declaration).not.toContain('LODGED UNDER SEAL BY PLAINTIFFS');
    expect(declaration).toContain('UNDER SEAL');

    writeFileSync(box.path('lodged-labels.txt'), '[lodged]\nLODGED UNDER SEAL PURSUANT TO ORDER OF THE COURT\n');
    const lodged = await exportDraft('own-lodged', frontMatter('cacd') + REDACTING_BODY, '--labels', box.path('lodged-labels.txt'));
    const first = (file: string) => pdftotext(`${lodged.folder}/${file}`, { first: 1, last: 1 }).replace(/\s+/g, ' ');
    expect(first('declaration-of-identities.pdf')).toContain('LODGED UNDER SEAL PURSUANT TO ORDER OF THE COURT');
    // The versions keep the court's labels: the file says nothing of them.
    expect(first('public.pdf')).not.toContain('PURSUANT TO ORDER OF THE COURT');
    expect(first('sealed.pdf')).not.toContain('PURSUANT TO ORDER OF THE COURT');
  }, 180_000);

  it('--labels refuses a file that is not one (usage, exit 1) and a bad file (exit 5, its line); --no-labels is gone', async () => {
    const draft = box.path('plain-0.md');
    const run = (...flags: string[]) => runCli([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', box.path('never'), ...flags]);
    expect(expectFailure(await run('--labels', 'nothing-here.txt'), 1)).toMatch(/--labels takes auto, none or a labels file; "nothing-here.txt" is none of them/);
    writeFileSync(box.path('bad-labels.txt'), 'ONE\n[sealded]\nTWO\n');
    expect(expectFailure(await run('--labels', box.path('bad-labels.txt')), 5)).toMatch(/bad-labels\.txt, line 2: "\[sealded\]" is not a section/);
    expect(expectFailure(await run('--no-labels'), 1)).toMatch(/no-labels/);
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, expectFailure, failJson, initVault, ok, okJson, pdftotext, runCli, sandbox, sha256, type AuditEntryJson, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 13, items 5 and 6: `doe-vault sealing-set` writes the motion for leave to proceed under
 * pseudonyms and to seal the identities, the declaration of counsel, the proposed order and the
 * declaration of identities, for a California court and for C.D. Cal. Each public paper is read
 * back by an independent reader (poppler's pdftotext) and by `doe-vault verify`; the lodged one
 * must name every plaintiff; the manifest must say what each file is and hash it truly.
 */
const faker = new Faker({ locale: [en] });
faker.seed(1313);
const PEOPLE = Array.from({ length: 4 }, (_, i) => ({
  name: `${faker.person.firstName(i % 2 === 0 ? 'female' : 'male')} ${faker.person.lastName()}`,
  gender: i % 2 === 0 ? 'female' : 'male',
}));
const ATTORNEY = 'Avery Quinlan';

const complaint = (court: string) => `---
court: ${court}
caseNumber: 2:26-cv-04410
title: Complaint for Damages
judge: Hon. Winifred Example
juryDemand: true
dates:
  filed: 2026-12-05
  hearing: 2027-02-11
parties:
  defendants:
    - HARBOR CITY
    - DOES 1 through 50, inclusive
counsel:
  - name: ${ATTORNEY}
    barNumber: "123456"
    firm: Quinlan & Marsh LLP
    address: |
      100 Sample Street, Suite 400
      Harbor City, CA 90012
    phone: (555) 010-0100
    attorneysFor: Plaintiffs
---

# Complaint for Damages

1. {{Jane Doe 1}} is an officer of the Harbor City police.
`;

const PAPERS = ['motion', 'declaration-of-counsel', 'proposed-order'] as const;
/** A page's words in reading order, without pleading paper's line numbers. */
const words = (file: string) =>
  pdftotext(file)
    .split('\n')
    .filter((line) => !/^\s*\d+\s*$/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ');

interface SetFileJson {
  name: string;
  role?: string;
  labels?: string[];
  sha256: string;
}
interface SetReportJson {
  status: string;
  folder: string;
  files: SetFileJson[];
  manifest: { format: string; set: { court: string; plaintiffs: number }; files: SetFileJson[] };
}

let box: Sandbox;
let vault: CliVault;
let caseId: string;

beforeAll(async () => {
  box = sandbox();
  vault = await initVault(box.path('v.doevault'));
  caseId = await addCase(vault, '--title', 'Does v. Harbor City');
  for (const person of PEOPLE) await addPlaintiff(vault, caseId, '--name', person.name, '--gender', person.gender);
}, 120_000);
afterAll(() => box.cleanup());

describe.each([
  {
    court: 'ca-sup-los-angeles',
    motion: ['Cal. Rules of Court, rule 2.550(d)', 'rule 2.551', 'NBC Subsidiary', 'overriding interest', 'narrowly tailored', 'no less restrictive means'],
    order: ['rule 2.550(d)', 'Overriding interest.', 'Substantial probability of prejudice.', 'Narrowly tailored.', 'No less restrictive means.', 'Judge of the Superior Court'],
    perjury: 'I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct.',
    title: 'SUPERIOR COURT OF THE STATE OF CALIFORNIA',
    lodgedLabel: 'CONDITIONALLY LODGED UNDER SEAL',
  },
  {
    court: 'cacd',
    motion: ['Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000)', 'Federal Rules of Civil Procedure 5.2 and 10(a)', 'C.D. Cal. L.R. 79-5', 'severity of the threatened harm', 'vulnerability to such retaliation'],
    order: ['Advanced Textile', 'Severity of the threatened harm.', "Reasonableness of Plaintiffs' fears.", 'Vulnerability to retaliation.', 'Prejudice to Defendants.', 'Public interest.', 'United States District Judge'],
    perjury: 'I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.',
    title: 'UNITED STATES DISTRICT COURT',
    lodgedLabel: '[PROPOSED] FILED UNDER SEAL',
  },
])('sealing-set for $court', (expected) => {
  let out: string;
  let report: SetReportJson;
  const keys = () => box.path(`${expected.court}-court`);

  beforeAll(async () => {
    const draft = box.path(`${expected.court}-complaint.md`);
    writeFileSync(draft, complaint(expected.court));
    out = box.path(`${expected.court}-set`);
    // The package sealed to a recipient's key: no Argon2id to wait for.
    await ok(['keypair', '--out', keys()]);
    report = await okJson<SetReportJson>([...vault.auth, 'sealing-set', '--case', caseId, '--out', out, '--facts', draft, '--docx', '--package-recipient', `${keys()}.pub`]);
  }, 180_000);

  it('writes the four papers, the Word files of the public ones, the manifest and the package, and nothing else', () => {
    expect(report.status).toBe('written');
    expect(readdirSync(out).sort()).toEqual(
      [...PAPERS.flatMap((p) => [`${p}.pdf`, `${p}.docx`]), 'declaration-of-identities.pdf', 'manifest.json', 'sealing-set.doesealed'].sort(),
    );
  });

  it('public papers: no legal name or surname of any plaintiff, the court on the caption, the plaintiffs by pseudonym', () => {
    for (const paper of PAPERS) {
      const text = words(join(out, `${paper}.pdf`));
      for (const person of PEOPLE) {
        expect(text, `${paper}.pdf`).not.toContain(person.name);
        expect(text, `${paper}.pdf`).not.toContain(person.name.split(' ')[1]!);
      }
      expect(text, paper).toContain(expected.title);
      expect(text, paper).toContain('JANE DOES 1, 3 and JOHN DOES 2, 4');
      expect(text, paper).toContain('HARBOR CITY');
    }
  });

  it('the motion: notice, a memorandum with headings ready for argument, and the standards of the court’s system', () => {
    const text = words(join(out, 'motion.pdf'));
    for (const heading of ['PLEASE TAKE NOTICE', 'MEMORANDUM OF POINTS AND AUTHORITIES', 'I. INTRODUCTION', 'II. STATEMENT OF FACTS', 'III. ARGUMENT', 'IV. CONCLUSION']) {
      expect(text).toContain(heading);
    }
    for (const standard of expected.motion) expect(text).toContain(standard);
    expect(text).toContain('February 11, 2027');
    expect(text).toContain('[Describe the threats, harassment, doxxing or retaliation');
    expect(text).toContain(`/s/ ${ATTORNEY}`);
  });

  it('the declaration of counsel: the declarant, the plaintiffs’ count, and the perjury sentence of the court’s system', () => {
    const text = words(join(out, 'declaration-of-counsel.pdf'));
    expect(text).toContain(`I, ${ATTORNEY}, declare:`);
    expect(text).toContain(`It lists all ${PEOPLE.length} Plaintiffs.`);
    expect(text).toContain(expected.perjury);
  });

  it('the proposed order: the findings the court must make, for the judge to sign', () => {
    const text = words(join(out, 'proposed-order.pdf'));
    expect(text).toContain('[PROPOSED] ORDER');
    for (const finding of expected.order) expect(text).toContain(finding);
    expect(text).toContain('IT IS SO ORDERED.');
    expect(text).not.toContain('/s/');
  });

  it('`doe-vault verify` passes each public paper, PDF and Word, beside the set’s manifest', async () => {
    for (const file of PAPERS.flatMap((p) => [`${p}.pdf`, `${p}.docx`])) {
      expect(await ok([...vault.auth, 'verify', '--case', caseId, join(out, file)]), file).toMatch(/^No identity of the vault found/);
    }
  }, 120_000);

  it('the declaration of identities names every plaintiff beside the pseudonym, under the court’s lodged label; verify knows it for lodged', async () => {
    const file = join(out, 'declaration-of-identities.pdf');
    const rows = pdftotext(file, { layout: true }).split('\n');
    for (const [i, person] of PEOPLE.entries()) {
      const pseudonym = `${person.gender === 'female' ? 'Jane' : 'John'} Doe ${i + 1}`;
      expect(rows.some((row) => row.includes(pseudonym) && row.includes(person.name)), `${pseudonym} on the row of ${person.name}`).toBe(true);
    }
    expect(words(file)).toContain(expected.lodgedLabel);
    expect(await ok([...vault.auth, 'verify', '--case', caseId, file])).toMatch(/lodged under seal by a sealing set of this case, unchanged/);
  });

  it('the manifest lists every file with its role and a SHA-256 that matches it; the package holds the lodged part and the manifest', async () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as SetReportJson['manifest'];
    expect(manifest.format).toBe('doevault-sealing-set/1');
    expect(manifest.set).toMatchObject({ court: expected.court, plaintiffs: PEOPLE.length });
    expect(manifest.files.map((f) => [f.name, f.role])).toEqual([
      ...PAPERS.map((p) => [`${p}.pdf`, 'public']),
      ['declaration-of-identities.pdf', 'lodged'],
      ...PAPERS.map((p) => [`${p}.docx`, 'public']),
    ]);
    for (const file of manifest.files) expect(sha256(join(out, file.name)), file.name).toBe(file.sha256);
    expect(manifest.files.find((f) => f.role === 'lodged')!.labels).toContain(expected.lodgedLabel);
    for (const file of manifest.files.filter((f) => f.role === 'public')) expect(file.labels, file.name).toEqual([]);
    for (const person of PEOPLE) expect(JSON.stringify(manifest)).not.toContain(person.name.split(' ')[1]!);

    const opened = box.path(`${expected.court}-opened`);
    await ok(['package', 'open', join(out, 'sealing-set.doesealed'), '--out', opened, '--secret-key', `${keys()}.key`]);
    expect(readdirSync(opened).sort()).toEqual(['declaration-of-identities.pdf', 'manifest.json']);
    expect(sha256(join(opened, 'declaration-of-identities.pdf'))).toBe(sha256(join(out, 'declaration-of-identities.pdf')));
  });

  it('is audited with counts and hashes, never a name', async () => {
    const entries = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    const entry = entries.filter((e) => e.action === 'filing.sealing-set-written').find((e) => e.details.folder === out)!;
    expect(entry.details).toMatchObject({ caseId, files: report.files.length, plaintiffs: PEOPLE.length });
    expect(entry.details.sha256).toEqual(report.files.map((f) => f.sha256));
    for (const person of PEOPLE) expect(JSON.stringify(entries)).not.toContain(person.name.split(' ')[1]!);
  });
});

describe('sealing-set refuses, with the export’s exit codes, and leaves nothing', () => {
  it('an unknown court: exit 1 naming the nearest id, before the vault is opened', async () => {
    const message = expectFailure(await runCli([...vault.auth, 'sealing-set', '--case', caseId, '--out', box.path('never'), '--court', 'ca-sup-los-angelos']), 1);
    expect(message).toMatch(/Unknown court "ca-sup-los-angelos".*ca-sup-los-angeles/);
    expect(existsSync(box.path('never'))).toBe(false);
  });

  it('a folder that already holds a set: exit 5 (CONFLICT), its files untouched', async () => {
    const out = box.path('ca-sup-los-angeles-set');
    const before = sha256(join(out, 'motion.pdf'));
    await failJson([...vault.auth, 'sealing-set', '--case', caseId, '--out', out, '--court', 'ca-sup-los-angeles'], 5, 'CONFLICT');
    expect(sha256(join(out, 'motion.pdf'))).toBe(before);
  }, 60_000);

  it('counsel who is a plaintiff of the vault: exit 3 (LEAK_FOUND), where it was found, and not a file written', async () => {
    const counsel = box.path('leaky-counsel.yaml');
    writeFileSync(counsel, `- name: ${PEOPLE[1]!.name}\n  attorneysFor: Plaintiffs\n`);
    const out = box.path('leak');
    const result = await runCli([...vault.auth, 'sealing-set', '--case', caseId, '--out', out, '--court', 'cacd', '--counsel-file', counsel]);
    expect(expectFailure(result, 3)).toMatch(/named someone in the vault .*nothing of the set was written/);
    expect(result.stdout).toMatch(/^motion\.pdf page 1, line 1: the full name of John Doe 2$/m);
    expect(result.stdout).not.toContain(PEOPLE[1]!.name);
    expect(readdirSync(out)).toEqual([]);
    const entries = await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']);
    expect(entries.filter((e) => e.action === 'filing.sealing-set-blocked').map((e) => e.details)).toEqual([{ caseId, hits: expect.any(Number) }]);
  }, 60_000);
});

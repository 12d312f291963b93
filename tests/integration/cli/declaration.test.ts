import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeCsv } from '../../fixtures/intake-files';
import { syntheticPlaintiffs } from '../../fixtures/synthetic';
import { addCase, expectFailure, failJson, initVault, ok, okJson, pdftotext, runCli, sandbox, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 13, item 1, "done when": the declaration of identities of a 140-plaintiff case lists all
 * 140, a plaintiff the complaint cites nowhere included, on pleading paper with the table's header
 * row on every page it runs to; it carries the perjury sentence of the court chosen (California
 * or federal), and pdftotext -layout reads each pseudonym on the same line as its legal name.
 */
const COUNT = 140;
const PEOPLE = syntheticPlaintiffs(COUNT, 1313);
const TITLE = 'Declaration of Philippa Marchbanks-Thistlewood Identifying Plaintiffs Proceeding Under Pseudonyms';
const CALIFORNIA = 'I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct.';
const FEDERAL = 'I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.';

interface RosterEntry {
  pseudonym: string;
  legalName: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');
/** The page's words without the pleading line numbers that begin its rows: sentences read whole. */
const prose = (text: string) => squash(text.replace(/^\s*\d{1,2}(?=\s|$)/gm, ''));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pdfinfo = (file: string) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))![1]);
const pages = (file: string) => Array.from({ length: pageCount(file) }, (_, i) => pdftotext(file, { layout: true, first: i + 1, last: i + 1 }));

/** The row of the table that holds `entry`: its pseudonym, then (on the same line) its legal name. */
const rowOf = (text: string, entry: RosterEntry) => new RegExp(`(^|\\s)${escape(entry.pseudonym)}\\s{2,}${escape(entry.legalName)}(\\s|$)`, 'm').test(text);

describe('doe-vault export: the declaration of identities of a 140-plaintiff case', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let roster: RosterEntry[];
  let draft: string;
  const cited = [0, 1, 2];

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor City');
    writeFileSync(box.path('intake.csv'), intakeCsv(PEOPLE));
    await ok([...vault.auth, 'plaintiff', 'import', '--case', caseId, box.path('intake.csv')]);
    roster = await okJson<RosterEntry[]>([...vault.auth, 'roster', '--case', caseId, '--sealed']);
    expect(roster).toHaveLength(COUNT);
    draft = box.path('complaint.md');
    writeFileSync(
      draft,
      `---
court: ca-sup-los-angeles
caseNumber: 24STCV01234
title: Complaint for Damages
parties:
  defendants:
    - HARBOR CITY
counsel:
  - name: Philippa Marchbanks-Thistlewood
    barNumber: "123456"
    firm: Marchbanks & Thistlewood LLP
    attorneysFor: Plaintiffs
keyFields: [dob]
---

# FIRST CAUSE OF ACTION

${cited.map((i, n) => `${n + 1}. {{${roster[i]!.pseudonym}}} was assigned to the unit.`).join('\n')}
`,
    );
  }, 120_000);
  afterAll(() => box?.cleanup());

  const exportTo = async (name: string, ...flags: string[]) => {
    const out = box.path(name);
    await ok([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', out, ...flags]);
    return `${out}/declaration-of-identities.pdf`;
  };

  it('California: lists all 140 over several pages, each page of the table under its header row, with the CCP § 2015.5 sentence', async () => {
    const file = await exportTo('california');
    const text = pages(file);
    expect(text.length).toBeGreaterThanOrEqual(4);
    const all = text.join('\n');
    for (const entry of roster) expect(rowOf(all, entry), `${entry.pseudonym} on the line of its legal name`).toBe(true);
    // The last plaintiff is cited nowhere in the complaint, and is listed all the same.
    const last = roster.at(-1)!;
    expect(squash(pdftotext(`${box.path('california')}/sealed.pdf`))).not.toContain(last.legalName);
    // Every page that holds rows of the table opens them with the header row.
    const tablePages = text.filter((page) => roster.some((entry) => rowOf(page, entry)));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages) {
      const header = page.split('\n').findIndex((line) => /Pseudonym\s{2,}Legal name\s{2,}Date of birth/.test(line));
      const firstRow = page.split('\n').findIndex((line) => roster.some((entry) => rowOf(line, entry)));
      expect(header, page.slice(0, 400)).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
    }
    // Pleading paper: every page numbers its lines 1 to 28 and carries the declaration's title in its footer.
    for (const page of text) {
      expect(page).toMatch(/^\s*28(\s|$)/m);
      expect(squash(page)).toContain(TITLE);
    }
    expect(prose(all)).toContain(CALIFORNIA);
    expect(prose(all)).toContain('CONDITIONALLY LODGED UNDER SEAL');
    expect(prose(all)).toContain('I, Philippa Marchbanks-Thistlewood, declare as follows:');
    expect(prose(all)).not.toContain('United States of America');
    // Its own title in the metadata, never the complaint's.
    expect(pdfinfo(file)).toMatch(new RegExp(`^Title:\\s+${escape(TITLE)}$`, 'm'));
  });

  it('federal (--court cacd): the 28 U.S.C. § 1746 sentence, all 140 listed', async () => {
    const file = await exportTo('federal', '--court', 'cacd');
    const all = pages(file).join('\n');
    expect(prose(all)).toContain(FEDERAL);
    expect(prose(all)).not.toContain('laws of the State of California');
    expect(prose(all)).toContain('UNITED STATES DISTRICT COURT');
    for (const entry of roster) expect(rowOf(all, entry), entry.pseudonym).toBe(true);
    expect(pdfinfo(file)).toMatch(new RegExp(`^Title:\\s+${escape(TITLE)}$`, 'm'));
  });

  it('--identities cited lists only the plaintiffs the complaint cites', async () => {
    const file = await exportTo('cited', '--identities', 'cited');
    const all = pdftotext(file, { layout: true });
    roster.forEach((entry, i) => expect(rowOf(all, entry), entry.pseudonym).toBe(cited.includes(i)));
    expect(pageCount(file)).toBe(2);
  });

  it('--identities with pseudonyms lists those; one the case lacks is refused by name, and nothing is written', async () => {
    const file = await exportTo('listed', '--identities', `${roster[139]!.pseudonym}, ${roster[70]!.pseudonym}`);
    const all = pdftotext(file, { layout: true });
    expect(roster.filter((entry) => rowOf(all, entry)).map((entry) => entry.pseudonym)).toEqual([roster[70]!.pseudonym, roster[139]!.pseudonym]);

    const message = await failJson([...vault.auth, 'export', '--case', caseId, '--in', draft, '--out', box.path('unknown'), '--identities', 'Jane Doe 999'], 5, 'VALIDATION');
    expect(message).toMatch(/cannot list "Jane Doe 999": no plaintiff of this case/);
    expect(() => execFileSync('ls', [box.path('unknown')], { stdio: 'ignore' })).toThrow();
  });

  it.each([
    ['a misspelt set', 'cite', /"cite" is not a set DoeVault knows/],
    ['an empty name in a list', 'Jane Doe 1,,Jane Doe 2', /holds an empty name/],
    ['nothing', ' ', /nothing was given/],
  ])('refuses %s with a usage error before the vault is opened', async (_, value, message) => {
    const result = await runCli(['--vault', box.path('no-such.doevault'), 'export', '--case', 'x', '--in', draft, '--out', box.path('never'), '--identities', value]);
    expect(expectFailure(result, 1)).toMatch(message);
    expect(result.stderr).toMatch(/give all, active, cited, or the plaintiffs' pseudonyms separated by commas/);
  });
});

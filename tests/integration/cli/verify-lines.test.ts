import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../src-main/core/text/normalize';
import { addCase, addPlaintiff, expectFailure, initVault, okJson, runCli, sandbox, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 12, item 7: `verify` cites the place a reader of the page sees. On pleading paper that is
 * the numbered line (1–28), not the n-th line of extracted text (it said "page 4, line 45").
 * The oracle is independent of DoeVault's reader: pdftotext -layout prints each numbered line
 * with its number at the left, so the row a hit cites must begin with that number and show the
 * name.
 */
describe('verify cites pleading page and line', () => {
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

    const checked = await runCli([...vault.auth, 'verify', '--case', caseId, `${out}/sealed.pdf`, '--json']);
    expectFailure(checked, 3, undefined);
    const hits = (JSON.parse(checked.stdout) as { hits: { page?: number; line: number; margin?: string; kind: string; pseudonyms: string[] }[] }).hits;
    const fullNames = hits.filter((hit) => hit.kind === 'full-name' && hit.page !== undefined && hit.margin === undefined);
    expect(fullNames.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fullNames.map((hit) => hit.page)).size).toBeGreaterThan(1);

    const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', `${out}/sealed.pdf`, '-'], { encoding: 'utf8' }).split('\f');
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

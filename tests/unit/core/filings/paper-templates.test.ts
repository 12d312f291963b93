import { Faker, en } from '@faker-js/faker';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../src-main/core/errors';
import { splitDraft } from '../../../../src-main/core/filings/filing-facts';
import { parseBody } from '../../../../src-main/core/filings/markdown';
import { fillTemplate, templatePath } from '../../../../src-main/core/filings/paper-templates';
import type { PaperFacts } from '../../../../src-main/core/filings/sealing-set';
import { findTokens } from '../../../../src-main/core/filings/tokens';

const faker = new Faker({ locale: [en] });
faker.seed(1313);
const attorney = faker.person.fullName();

const dir = mkdtempSync(join(tmpdir(), 'doevault-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A template of our own, in a temp folder, filled as the shipped ones are. */
function template(name: string, text: string): string {
  const path = join(dir, `${name}.md`);
  writeFileSync(path, text);
  return path;
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

/** Every fact the sealing papers' templates may name, with a value of each. */
const FACTS: PaperFacts = {
  court: 'Superior Court of California, County of Los Angeles',
  caseNumber: '26STCV04410',
  caseTitle: 'Does v. Harbor City',
  plaintiffs: 'JANE DOES 1 through 70 and JOHN DOES 1 through 70',
  plaintiffCount: '140',
  defendants: 'HARBOR CITY, et al.',
  judge: faker.person.fullName(),
  department: '14',
  hearingDate: 'May 1, 2026',
  counsel: attorney,
  firm: `${faker.person.lastName()} & ${faker.person.lastName()} LLP`,
  today: 'March 7, 2026',
  district: 'Central District of California',
  sealingRule: 'C.D. Cal. L.R. 79-5',
};

describe('fillTemplate: the court papers the project ships, filled from the case’s facts', () => {
  it('writes each fact where its placeholder stands, in the front matter and in the body', () => {
    const path = template('motion-test', '---\ntitle: "Declaration of {{counsel}}"\nlabels: none\n---\n\nI, {{ counsel }}, declare in case {{caseNumber}}.\n');
    const { text } = fillTemplate('motion-test', { counsel: 'Ann Example', caseNumber: '26STCV04410' }, path);
    const { facts, body } = splitDraft(text);
    expect(facts).toMatchObject({ title: 'Declaration of Ann Example', labels: 'none' });
    expect(parseBody(body)).toEqual([{ type: 'paragraph', runs: [{ text: 'I, Ann Example, declare in case 26STCV04410.' }] }]);
  });

  it('prints a value as typed: Markdown in it is text, and a quote or colon cannot break the front matter', () => {
    const firm = 'Quinlan & *Marsh* [LLP] # _one_ <two>';
    const title = 'Declaration of "Ann": Example';
    const path = template('escape-test', '---\ntitle: "{{title}}"\n---\n\n{{firm}}\n\n{{firm}} of counsel.\n');
    const { text } = fillTemplate('escape-test', { firm, title }, path);
    const { facts, body } = splitDraft(text);
    expect(facts?.title).toBe(title);
    expect(parseBody(body)).toEqual([
      { type: 'paragraph', runs: [{ text: firm }] },
      { type: 'paragraph', runs: [{ text: `${firm} of counsel.` }] },
    ]);
  });

  it('keeps a "not a plaintiff" answer inside a value a token, so the papers print it as the draft answered it', () => {
    const path = template('token-test', 'I, {{counsel}}, declare.\n');
    const { text } = fillTemplate('token-test', { counsel: '{{not a plaintiff|Alexandra}} Q. Test_well' }, path);
    expect(findTokens(text).map(({ token }) => token)).toEqual([{ kind: 'not-a-plaintiff', wording: 'Alexandra' }]);
    expect(text).toContain('Q. Test\\_well');
  });

  it('refuses a placeholder that is not a fact, as a fault of the template naming it and the placeholder', () => {
    const path = template('unknown-test', 'Heard on {{hearingDate}} by {{jduge}} and {{Jane Doe 1}}.\n');
    const error = thrown(() => fillTemplate('unknown-test', { hearingDate: 'May 1, 2026', judge: 'X' }, path));
    expect(isVaultError(error, 'INTERNAL')).toBe(true);
    expect(error.message).toContain('unknown-test.md');
    expect(error.message).toContain('{{jduge}}');
    expect(error.message).toContain('{{Jane Doe 1}}');
    expect(error.message).not.toContain('{{hearingDate}}');
  });

  it('refuses a name that could reach outside resources/templates, and a template that is not there', () => {
    expect(isVaultError(thrown(() => fillTemplate('../courts', {})), 'INTERNAL')).toBe(true);
    const missing = thrown(() => fillTemplate('no-such-template', {}));
    expect(isVaultError(missing, 'INTERNAL')).toBe(true);
    expect(missing.message).toContain('no-such-template.md');
  });

  it('gives the template’s own words without any value: text the project wrote', () => {
    const path = template('words-test', 'The {{court}} may grant leave.\n');
    const { ownWords } = fillTemplate('words-test', { court: 'Superior Court of Somewhere' }, path);
    expect(ownWords).toContain('may grant leave');
    expect(ownWords).not.toContain('Somewhere');
  });

  const shipped = readdirSync(join(templatePath('motion-california'), '..'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -3))
    // The declaration of identities has its own placeholders, filled by declaration.ts (declaration.test.ts).
    .filter((name) => name !== 'declaration-of-identities');

  it('ships the three papers for California and for the federal courts', () => {
    for (const paper of ['motion', 'declaration-of-counsel', 'proposed-order']) {
      expect(shipped).toContain(`${paper}-california`);
      expect(shipped).toContain(`${paper}-federal`);
    }
  });

  it.each(shipped)('%s.md names only facts DoeVault fills, has a title, prints no label and leaves no placeholder', (name) => {
    const { text } = fillTemplate(name, FACTS);
    const { facts, body } = splitDraft(text);
    expect(facts?.title).toBeTruthy();
    expect(facts?.labels).toBe('none');
    expect(text).not.toMatch(/\{\{/);
    expect(body).toContain(FACTS.plaintiffs);
  });
});

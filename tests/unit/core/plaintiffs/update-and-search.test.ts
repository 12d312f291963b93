import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleNames, parseScheme } from '../../../../src-main/core/cases/pseudonyms';
import type { VaultService } from '../../../../src-main/core/service';
import { tempVault } from '../../../fixtures/temp-vault';

const schemeExamples = (scheme: string) => exampleNames(parseScheme(scheme));

describe('editing and searching plaintiffs', () => {
  let vault: VaultService;
  let cleanup: () => void;
  let caseId: string;

  beforeEach(async () => {
    ({ vault, cleanup } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. Search' }).id;
    vault.plaintiffs.addMany(caseId, [
      { legalName: 'María Ramírez', gender: 'female', aliases: ['Mari'] },
      { legalName: 'Tomás Oyelaran', gender: 'male' },
      { legalName: 'Kai Ramirez-Lund' },
    ]);
  });
  afterEach(() => cleanup());

  const ids = () => vault.plaintiffs.roster(caseId).map((entry) => entry.id);

  it('finds by legal name, alias or pseudonym, ignoring case and accents, in roster order', () => {
    const [maria, tomas, kai] = ids();
    expect(vault.plaintiffs.search(caseId, 'ramirez')).toEqual([maria, kai]);
    expect(vault.plaintiffs.search(caseId, 'RAMÍREZ')).toEqual([maria, kai]);
    expect(vault.plaintiffs.search(caseId, 'mari')).toEqual([maria]);
    expect(vault.plaintiffs.search(caseId, 'john doe 2')).toEqual([tomas]);
    expect(vault.plaintiffs.search(caseId, '')).toEqual([maria, tomas, kai]);
    expect(vault.plaintiffs.search(caseId, 'nobody')).toEqual([]);
  });

  it('sees plaintiffs added and names corrected after the first search', () => {
    expect(vault.plaintiffs.search(caseId, 'okafor')).toEqual([]);
    const [, tomas] = ids();
    vault.plaintiffs.update(caseId, tomas!, { legalName: 'Tomás Okafor', gender: 'male' });
    expect(vault.plaintiffs.search(caseId, 'okafor')).toEqual([tomas]);
    const added = vault.plaintiffs.add(caseId, { legalName: 'Ada Okafor' });
    expect(vault.plaintiffs.search(caseId, 'okafor')).toEqual([tomas, added.id]);
  });

  it('is unavailable once locked', () => {
    vault.plaintiffs.search(caseId, 'ramirez');
    vault.vault.lock();
    expect(() => vault.plaintiffs.search(caseId, 'ramirez')).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });

  it('updating keeps the pseudonym, replaces the identity, moves the duplicate index and is audited', () => {
    const [maria] = ids();
    const before = vault.plaintiffs.roster(caseId)[0]!;
    const entry = vault.plaintiffs.update(caseId, maria!, { legalName: 'María Ramírez Soto', gender: 'male', dob: '1984-03-07' });
    expect(entry).toEqual(before);
    expect(vault.plaintiffs.reveal(caseId, maria!)).toMatchObject({ pseudonym: 'Jane Doe 1', legalName: 'María Ramírez Soto', dob: '1984-03-07' });
    expect(vault.plaintiffs.findDuplicates({ legalName: 'María Ramírez' })).toEqual([]);
    expect(vault.plaintiffs.findDuplicates({ legalName: 'maria ramirez soto' })).toHaveLength(1);
    expect(vault.audit.list().map((e) => e.action)).toContain('plaintiff.updated');
  });

  it('refuses invalid input and unknown plaintiffs without writing', () => {
    const [maria] = ids();
    const audit = vault.audit.list().length;
    expect(() => vault.plaintiffs.update(caseId, maria!, { legalName: '' })).toThrow(expect.objectContaining({ code: 'VALIDATION', field: 'legalName' }));
    expect(() => vault.plaintiffs.update(caseId, 'nope', { legalName: 'A B' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(vault.audit.list()).toHaveLength(audit);
    expect(vault.plaintiffs.reveal(caseId, maria!).legalName).toBe('María Ramírez');
  });

  it('withdraws by id as by pseudonym', () => {
    const [, tomas] = ids();
    expect(vault.plaintiffs.withdraw(caseId, { plaintiffId: tomas! })).toMatchObject({ pseudonym: 'John Doe 2', status: 'withdrawn' });
  });

  it('shows what a scheme will produce', () => {
    expect(schemeExamples('gendered')).toEqual(['Jane Doe 1', 'John Doe 2', 'Doe 3']);
    expect(schemeExamples('letters')).toEqual(['Plaintiff A', 'Plaintiff B', 'Plaintiff C']);
    expect(schemeExamples('initials')).toEqual(['M.R.', 'J.D.', 'M.R. 2']);
    expect(schemeExamples('prefix:Officer Doe')).toEqual(['Officer Doe 1', 'Officer Doe 2', 'Officer Doe 3']);
    expect(() => schemeExamples('nonsense')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../../../../src-main/core/service';
import { tempVault } from '../../../fixtures/temp-vault';

/** Issue 11: the doxxing surface is stored encrypted with the identity and comes back whole. */

const PROFILE = {
  family: [{ name: 'Zofia Quillfeather', relation: 'daughter' }],
  pastAddresses: ['4417 Juniper Boulevard, Fresno CA'],
  affiliations: [
    { name: 'Hollingsworth Academy', kind: 'school' as const },
    { name: 'Brightwater Freight', kind: 'employer' as const },
  ],
  vehicles: [{ plate: '7QXZ918', state: 'CA', description: 'grey sedan' }],
  handles: ['@quill_rider77'],
  characteristics: ['Phoenix tattoo on the left forearm'],
};

describe('the doxxing surface in the vault', () => {
  let vault: VaultService;
  let path: string;
  let dir: string;
  let cleanup: () => void;
  let caseId: string;

  beforeEach(async () => {
    ({ vault, path, dir, cleanup } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. Profile' }).id;
  });
  afterEach(() => cleanup());

  it('round-trips through add, reveal, the sealed roster and update', () => {
    const added = vault.plaintiffs.add(caseId, { legalName: 'Marta Quillfeather', ...PROFILE });
    expect(vault.plaintiffs.reveal(caseId, added.id)).toMatchObject(PROFILE);
    expect(vault.plaintiffs.sealedRoster(caseId)[0]).toMatchObject(PROFILE);

    vault.plaintiffs.update(caseId, added.id, { legalName: 'Marta Quillfeather', ...PROFILE, vehicles: [], handles: ['@quill_rider78'] });
    const revealed = vault.plaintiffs.reveal(caseId, added.id);
    expect(revealed.vehicles).toBeUndefined();
    expect(revealed.handles).toEqual(['@quill_rider78']);
    expect(revealed.family).toEqual(PROFILE.family);
  });

  it('writes none of it in plaintext to the vault file', () => {
    vault.plaintiffs.add(caseId, { legalName: 'Marta Quillfeather', ...PROFILE });
    const bytes = Buffer.concat([path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file))).toString('latin1');
    for (const secret of ['Zofia', 'Juniper', 'Hollingsworth', 'Brightwater', '7QXZ918', 'quill_rider', 'Phoenix tattoo']) {
      expect(bytes.includes(secret), secret).toBe(false);
    }
  });

  it('lists it in the sealed CSV and XLSX rosters, in columns the importer maps', async () => {
    vault.plaintiffs.addMany(caseId, [{ legalName: 'Marta Quillfeather', ...PROFILE }, { legalName: 'Anna Nobody' }]);
    await vault.plaintiffs.exportRoster(caseId, { sealed: true, format: 'csv' }, join(dir, 'sealed.csv'));
    const [header, first, second] = readFileSync(join(dir, 'sealed.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    // "@" starts a formula in a spreadsheet: the cell is neutralised (the importer takes the quote off).
    expect(header).toContain('Family 1,Family 1 relation,Past address 1,School 1,Employer 1,Vehicle 1 plate,Vehicle 1 state,Vehicle 1 description,Handle 1,Characteristic 1');
    expect(first).toContain(`Zofia Quillfeather,daughter,"4417 Juniper Boulevard, Fresno CA",Hollingsworth Academy,Brightwater Freight,7QXZ918,CA,grey sedan,'@quill_rider77,Phoenix tattoo on the left forearm`);
    expect(second!.endsWith(',,,,,,,,,,')).toBe(true);

    await vault.plaintiffs.exportRoster(caseId, { sealed: true, format: 'xlsx' }, join(dir, 'sealed.xlsx'));
    const { Workbook } = (await import('exceljs')).default;
    const workbook = new Workbook();
    await workbook.xlsx.readFile(join(dir, 'sealed.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const plate = headers.indexOf('Vehicle 1 plate') + 1;
    expect(plate).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(plate).value).toBe('7QXZ918');

    // The public roster says nothing of it.
    await vault.plaintiffs.exportRoster(caseId, { sealed: false, format: 'csv' }, join(dir, 'public.csv'));
    expect(readFileSync(join(dir, 'public.csv'), 'utf8')).not.toMatch(/Zofia|7QXZ918|Family/);
  });
});

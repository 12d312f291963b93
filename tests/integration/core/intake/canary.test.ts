import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CANARY_EMAILS, filesUnder, findCanaries } from '../../../fixtures/canary-search';
import { CANARIES, syntheticPlaintiffs } from '../../../fixtures/synthetic';

/** A fresh private temp folder for the whole file (set before anything is imported, SQLite included). */
const { privateTmp, realTmp } = await vi.hoisted(async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const realTmp = os.tmpdir();
  const privateTmp = fs.mkdtempSync(path.join(realTmp, 'doevault-intake-canary-'));
  process.env.TMPDIR = privateTmp;
  process.env.SQLITE_TMPDIR = privateTmp;
  return { privateTmp, realTmp };
});

const { tempVault } = await import('../../../fixtures/temp-vault');
const { intakeCsv, writeIntakeXlsx } = await import('../../../fixtures/intake-files');

const EMAILS = CANARY_EMAILS;

describe('intake canaries', () => {
  afterAll(() => {
    rmSync(privateTmp, { recursive: true, force: true });
    delete process.env.SQLITE_TMPDIR;
    process.env.TMPDIR = realTmp;
  });

  it('no identity of an imported CSV or XLSX is in plaintext in any file on disk afterwards (temp folder included), once the intake files are deleted', async () => {
    expect(tmpdir()).toBe(privateTmp);
    const { vault, dir } = await tempVault();
    const caseId = vault.cases.create({ title: 'Doe v. Example' }).id;
    const canaries = CANARIES.map((legalName, i) => ({ legalName, aliases: [legalName.split(' ')[0]!], dob: `198${i}-0${i + 1}-1${i}`, email: EMAILS[i], gender: 'female' as const }));
    const csv = join(privateTmp, 'intake.csv');
    writeFileSync(csv, intakeCsv([...syntheticPlaintiffs(20, 5), canaries[0]!, canaries[1]!]));
    const xlsx = join(privateTmp, 'intake.xlsx');
    await writeIntakeXlsx(xlsx, [canaries[2]!, ...syntheticPlaintiffs(10, 6)], { extraSheet: true });
    const inspected = await vault.intake.inspect(caseId, csv);
    await vault.intake.preview(caseId, csv, { mapping: inspected.mapping });
    await vault.intake.import(caseId, csv, { mapping: inspected.mapping, onDuplicate: 'fail' });
    const sheet = await vault.intake.inspect(caseId, xlsx, { sheet: 'Plaintiffs' });
    await vault.intake.import(caseId, xlsx, { sheet: 'Plaintiffs', mapping: sheet.mapping, onDuplicate: 'fail' });
    await vault.plaintiffs.exportRoster(caseId, { sealed: false, format: 'csv' }, join(dir, 'public.csv'));
    expect(vault.plaintiffs.sealedRoster(caseId).map((p) => p.legalName)).toEqual(expect.arrayContaining([...CANARIES]));
    // The search works: the intake files hold them.
    expect(findCanaries([csv], dir)).not.toEqual([]);
    rmSync(csv);
    rmSync(xlsx);
    const check = () => findCanaries(filesUnder(privateTmp), privateTmp);
    expect(check()).toEqual([]); // open: vault, WAL and shared memory
    vault.close();
    expect(check()).toEqual([]);
  });
});

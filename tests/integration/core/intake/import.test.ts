import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVaultError } from '../../../../src-main/core/errors';
import { IntakeRejected, type IntakeField } from '../../../../src-main/core/intake';
import type { VaultService } from '../../../../src-main/core/service';
import { intakeCsv, writeIntakeCsv, writeIntakeXlsx } from '../../../fixtures/intake-files';
import { syntheticPlaintiffs } from '../../../fixtures/synthetic';
import { tempVault } from '../../../fixtures/temp-vault';

const MAPPING: (IntakeField | null)[] = ['lastName', 'firstName', 'dob', 'gender', 'email', 'phone', 'idNumbers', 'aliases', 'address', 'notes'];

let vault: VaultService;
let dir: string;
let cleanup: () => void;
let caseId: string;

beforeEach(async () => {
  ({ vault, dir, cleanup } = await tempVault());
  caseId = vault.cases.create({ title: 'Does 1-140 v. Daily Courier', scheme: 'gendered' }).id;
});
afterEach(() => cleanup());

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function failure(run: () => Promise<unknown>): Promise<Error & { code?: string; summary?: IntakeRejected['summary'] }> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('inspectIntakeFile', () => {
  it('detects the mapping, gives sample rows and the delimiter', async () => {
    const path = file('intake.csv', intakeCsv(syntheticPlaintiffs(30, 1)).replace(/,/g, ';').replace(/""/g, '"'));
    const inspection = await vault.intake.inspect(caseId, path);
    expect(inspection).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', sheets: [], sheet: null, mappingSource: 'detected', totalRows: null });
    expect(inspection.mapping).toEqual(MAPPING);
    expect(inspection.sampleRows).toHaveLength(20);
    expect(inspection.sampleRows[0]!.row).toBe(2);
  });

  it('maps common headers: Full Name, Date of Birth, Gender, Serial No., Alias, Email, Phone', async () => {
    const path = file('h.csv', 'Full Name,Date of Birth,Gender,Serial No.,Alias,Email,Phone,Favourite colour\n');
    const { mapping } = await vault.intake.inspect(caseId, path);
    expect(mapping).toEqual(['legalName', 'dob', 'gender', 'idNumbers', 'aliases', 'email', 'phone', null]);
  });

  it('remembers the last mapping per case, for the same headers only', async () => {
    const plaintiffs = syntheticPlaintiffs(3, 2);
    const path = file('a.csv', intakeCsv(plaintiffs));
    const custom = [...MAPPING];
    custom[9] = null; // notes ignored
    custom[5] = 'notes'; // phone column as notes, say
    await vault.intake.import(caseId, path, { mapping: custom, onDuplicate: 'fail' });
    const again = file('b.csv', intakeCsv(syntheticPlaintiffs(2, 3)));
    expect(await vault.intake.inspect(caseId, again)).toMatchObject({ mapping: custom, mappingSource: 'remembered' });
    const other = vault.cases.create({ title: 'Other' }).id;
    expect(await vault.intake.inspect(other, again)).toMatchObject({ mapping: MAPPING, mappingSource: 'detected' });
    const differentHeaders = file('c.csv', 'Name,DOB\nAda Quill,1980-01-01\n');
    expect(await vault.intake.inspect(caseId, differentHeaders)).toMatchObject({ mapping: ['legalName', 'dob'], mappingSource: 'detected' });
  });
});

describe('importPlaintiffs', () => {
  it('imports every row in one go, pseudonyms in file order, and audits counts only', async () => {
    const plaintiffs = syntheticPlaintiffs(140, 7);
    const path = join(dir, 'intake.csv');
    writeIntakeCsv(path, plaintiffs);
    const summary = await vault.intake.import(caseId, path, { mapping: MAPPING, onDuplicate: 'fail' });
    expect(summary).toMatchObject({ added: 140, skipped: 0, merged: 0, rejected: 0, problems: [] });
    const sealed = vault.plaintiffs.sealedRoster(caseId);
    expect(sealed.map((p) => p.legalName)).toEqual(plaintiffs.map((p) => p.legalName));
    expect(sealed[0]).toMatchObject({ dob: plaintiffs[0]!.dob, email: plaintiffs[0]!.email, idNumbers: plaintiffs[0]!.idNumbers });
    expect(summary.pseudonyms).toEqual({ first: sealed[0]!.pseudonym, last: sealed[139]!.pseudonym });
    const entry = vault.audit.list().find((e) => e.action === 'plaintiffs.imported')!;
    expect(entry.details).toEqual({ caseId, rows: 140, added: 140, skipped: 0, merged: 0 });
  });

  it('rejects the whole file when any row is invalid, listing every problem with row and field', async () => {
    const path = file('bad.csv', 'Name,DOB,Email,Sex\nAda Quill,1980-01-01,ada@example.org,F\n,1981-02-02,x@example.org,M\nBo Lark,1990-13-45,not-an-email,Q\n');
    const error = await failure(() => vault.intake.import(caseId, path, { mapping: ['legalName', 'dob', 'email', 'gender'], onDuplicate: 'fail' }));
    expect(error).toBeInstanceOf(IntakeRejected);
    expect(error.code).toBe('VALIDATION');
    expect(error.summary!.rejected).toBe(2);
    expect(error.summary!.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'legalName'],
      [4, 'gender'],
      [4, 'dob'],
      [4, 'email'],
    ]);
    expect(error.message).toMatch(/Row 3, legalName \(column "Name"\): Legal name is required/);
    expect(error.message).not.toMatch(/Bo Lark|not-an-email|Ada/);
    expect(vault.plaintiffs.roster(caseId)).toEqual([]);
  });

  it('finds duplicates within the file and across every case, with the date of birth', async () => {
    const other = vault.cases.create({ title: 'Earlier case', scheme: 'neutral' }).id;
    vault.plaintiffs.add(other, { legalName: 'Ada Quill', dob: '1980-01-01' });
    vault.plaintiffs.add(other, { legalName: 'Cy Moss', dob: '1970-05-05' });
    const path = file('d.csv', 'Name,DOB\nADA  QUILL,1980-01-01\nBo Lark,\nbo lark,1990-01-01\nCy Moss,1971-01-01\n');
    const preview = await vault.intake.preview(caseId, path, { mapping: ['legalName', 'dob'] });
    expect(preview).toMatchObject({ rows: 4, valid: 4, problems: [] });
    expect(preview.duplicates).toEqual([
      { row: 2, against: 'vault', caseId: other, plaintiffId: expect.any(String), pseudonym: 'Doe 1', sameDateOfBirth: true },
      { row: 4, against: 'file', otherRow: 3, sameDateOfBirth: false },
    ]);
    // Cy Moss has another date of birth: another person. Nothing was written by the preview.
    expect(vault.plaintiffs.roster(caseId)).toEqual([]);
    const conflict = await failure(() => vault.intake.import(caseId, path, { mapping: ['legalName', 'dob'], onDuplicate: 'fail' }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/row 2 matches Doe 1, same date of birth; row 4 repeats row 3/);
    const skipped = await vault.intake.import(caseId, path, { mapping: ['legalName', 'dob'], onDuplicate: 'skip' });
    expect(skipped).toMatchObject({ added: 2, skipped: 2 });
  });

  it('takes a decision per row: skip, import anyway, merge (fills empty fields, adds aliases and IDs, pseudonym kept, audited)', async () => {
    const existing = vault.plaintiffs.add(caseId, { legalName: 'Ada Quill', gender: 'female', aliases: ['Addy'], idNumbers: ['B-1'] });
    const path = file('m.csv', 'Name,DOB,Email,Badge,AKA\nAda Quill,1980-01-01,ada@example.org,B-2,Ace\nBo Lark,,,,\nBo Lark,,bo@example.org,B-3,\nBo Lark,,,,\n');
    const summary = await vault.intake.import(caseId, path, {
      mapping: ['legalName', 'dob', 'email', 'idNumbers', 'aliases'],
      onDuplicate: 'fail',
      decisions: { 2: 'merge', 4: 'merge', 5: 'skip' },
    });
    expect(summary).toMatchObject({ added: 1, skipped: 1, merged: 2 });
    const roster = vault.plaintiffs.sealedRoster(caseId);
    expect(roster).toHaveLength(2);
    expect(roster[0]).toMatchObject({ id: existing.id, pseudonym: existing.pseudonym, legalName: 'Ada Quill', dob: '1980-01-01', email: 'ada@example.org', aliases: ['Addy', 'Ace'], idNumbers: ['B-1', 'B-2'] });
    expect(roster[1]).toMatchObject({ legalName: 'Bo Lark', email: 'bo@example.org', idNumbers: ['B-3'] });
    expect(vault.audit.list().filter((e) => e.action === 'plaintiff.merged').map((e) => e.details)).toEqual([{ caseId, pseudonym: existing.pseudonym, rows: 1 }]);
  });

  it('cancel leaves the vault as it was (roster, audit log), during reading and during writing', async () => {
    vault.plaintiffs.add(caseId, { legalName: 'Ada Quill' });
    const path = join(dir, 'big.csv');
    writeIntakeCsv(path, syntheticPlaintiffs(3000, 9));
    const before = { roster: vault.plaintiffs.roster(caseId), audit: vault.audit.list(), cases: vault.cases.list() };
    for (const step of ['Reading rows', 'Looking for duplicates', 'Writing']) {
      let cancel = false;
      const error = await failure(() =>
        vault.intake.import(caseId, path, {
          mapping: MAPPING,
          onDuplicate: 'import',
          control: {
            onProgress: (done, _total, at) => {
              if (at === step && done >= 1000) cancel = true;
            },
            isCancelled: () => cancel,
          },
        }),
      );
      expect(isVaultError(error, 'CANCELLED'), step).toBe(true);
      expect({ roster: vault.plaintiffs.roster(caseId), audit: vault.audit.list(), cases: vault.cases.list() }).toEqual(before);
    }
    expect(await vault.intake.inspect(caseId, path)).toMatchObject({ mappingSource: 'detected' });
  });

  it('reports progress with counts', async () => {
    const path = join(dir, 'p.csv');
    writeIntakeCsv(path, syntheticPlaintiffs(2500, 10));
    const seen: string[] = [];
    await vault.intake.import(caseId, path, {
      mapping: MAPPING,
      onDuplicate: 'import',
      control: { onProgress: (done, total, step) => seen.push(`${step} ${done}/${total}`) },
    });
    expect(seen).toContain('Reading rows 2500/2500');
    expect(seen).toContain('Writing 2500/2500');
  });
});

describe('bad input, each with a clear outcome', () => {
  const importOf = (path: string, mapping: (IntakeField | null)[] = ['legalName']) =>
    failure(() => vault.intake.import(caseId, path, { mapping, onDuplicate: 'fail' }));

  it('an empty file', async () => {
    const error = await importOf(file('empty.csv', ''));
    expect([error.code, error.message]).toEqual(['VALIDATION', expect.stringMatching(/file is empty/)]);
    expect((await failure(() => vault.intake.inspect(caseId, file('blank.csv', '\n\n  \n')))).message).toMatch(/file is empty/);
  });

  it('a header only', async () => {
    const path = file('header.csv', 'Name,DOB\n');
    expect(await vault.intake.inspect(caseId, path)).toMatchObject({ headers: ['Name', 'DOB'], sampleRows: [] });
    expect(await vault.intake.preview(caseId, path, { mapping: ['legalName', 'dob'] })).toEqual({ rows: 0, valid: 0, problems: [], duplicates: [] });
    expect((await importOf(path, ['legalName', 'dob'])).message).toMatch(/header but no plaintiff rows/);
  });

  it('a file of 300 MB is refused before reading, with the limit', async () => {
    const path = file('huge.csv', '');
    truncateSync(path, 300_000_000); // sparse: nothing to read anyway
    const error = await failure(() => vault.intake.inspect(caseId, path));
    expect([error.code, error.message]).toEqual(['VALIDATION', expect.stringMatching(/is 300 MB; DoeVault imports CSV files of up to 268 MB. Nothing was read/)]);
    const xlsx = file('huge.xlsx', '');
    truncateSync(xlsx, 300_000_000);
    expect((await failure(() => vault.intake.inspect(caseId, xlsx))).message).toMatch(/Excel workbooks of up to 67 MB/);
  });

  it('binary garbage, as .csv and as .xlsx', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await importOf(file('garbage.csv', garbage))).message).toMatch(/binary data/);
    expect((await importOf(file('garbage.xlsx', garbage))).message).toMatch(/not an Excel workbook/);
    expect((await importOf(file('zip.csv', Buffer.from('PK\x03\x04rest')))).message).toMatch(/zip archive/);
    expect((await importOf(file('old.xls', 'x'))).message).toMatch(/\.xls\) cannot be read/);
  });

  it('ragged rows: a value beyond the header is a problem; a short row reads as blanks', async () => {
    const path = file('ragged.csv', 'Name,DOB\nAda Quill\nBo Lark,1990-01-01,extra\nCy Moss,1970-05-05,\n');
    const preview = await vault.intake.preview(caseId, path, { mapping: ['legalName', 'dob'] });
    expect(preview.problems).toEqual([{ row: 3, field: 'columns', message: expect.stringMatching(/Row 3 has a value in column 3, but the header has only 2 columns/) }]);
    expect(preview.valid).toBe(2);
  });

  it('a mapping without a legal name, or with one field twice', async () => {
    const path = file('map.csv', 'Name,DOB,Born\nAda Quill,1980-01-01,1980-01-01\n');
    expect((await importOf(path, [null, 'dob', null])).message).toMatch(/No column is mapped to the legal name/);
    expect((await importOf(path, ['legalName', 'dob', 'dob'])).message).toMatch(/Columns 2 and 3 are both mapped to dob/);
  });
});

describe('XLSX', () => {
  it('lists the sheets, reads the first by default, the chosen one on request', async () => {
    const path = join(dir, 'two.xlsx');
    await writeIntakeXlsx(path, syntheticPlaintiffs(12, 11), { extraSheet: true });
    const first = await vault.intake.inspect(caseId, path);
    expect(first).toMatchObject({ format: 'xlsx', sheets: ['Instructions', 'Plaintiffs'], sheet: 'Instructions' });
    const chosen = await vault.intake.inspect(caseId, path, { sheet: 'Plaintiffs' });
    expect(chosen).toMatchObject({ sheet: 'Plaintiffs', mapping: MAPPING, totalRows: 12 });
    expect((await failure(() => vault.intake.inspect(caseId, path, { sheet: 'Nope' }))).message).toMatch(/no sheet "Nope". Its sheets: "Instructions", "Plaintiffs"/);
    const summary = await vault.intake.import(caseId, path, { sheet: 'Plaintiffs', mapping: MAPPING, onDuplicate: 'fail' });
    expect(summary.added).toBe(12);
  });

  it('merged cells, dates stored as numbers or as dates, formulas read as their cached result (never evaluated)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Intake');
    sheet.addRow(['First Name', 'Last Name', 'DOB', 'Address', 'Badge', 'Notes']);
    sheet.addRow(['Ada', 'Quill', 29221, '1 Elm St', 'B-1', 'x']); // 1980-01-01 as a plain number
    sheet.addRow(['Bo', 'Lark', new Date(Date.UTC(1990, 5, 15)), null, { formula: 'CONCAT("B-","2")', result: 'B-2' }, { formula: 'HYPERLINK("http://evil.example","click")', result: 'click' }]);
    sheet.addRow(['Cy', 'Moss', { formula: 'DATE(1970,5,5)', result: 25693 }, null, { formula: '1+1' }, null]);
    sheet.mergeCells('D2:D4'); // one address for three rows
    const path = join(dir, 'merged.xlsx');
    await workbook.xlsx.writeFile(path);
    const inspection = await vault.intake.inspect(caseId, path);
    expect(inspection.mapping).toEqual(['firstName', 'lastName', 'dob', 'address', 'idNumbers', 'notes']);
    await vault.intake.import(caseId, path, { mapping: inspection.mapping, onDuplicate: 'fail' });
    const roster = vault.plaintiffs.sealedRoster(caseId);
    expect(roster.map((p) => [p.legalName, p.dob, p.address, p.idNumbers, p.notes])).toEqual([
      ['Ada Quill', '1980-01-01', '1 Elm St', ['B-1'], 'x'],
      ['Bo Lark', '1990-06-15', '1 Elm St', ['B-2'], 'click'],
      ['Cy Moss', '1970-05-05', '1 Elm St', [], undefined],
    ]);
  });
});

describe('exportRoster', () => {
  it('public CSV: pseudonym and status only; sealed CSV with identities, audited; formula injection neutralised; never overwrites', async () => {
    vault.plaintiffs.add(caseId, { legalName: 'Ada Quill', gender: 'female', phone: '+1 555 0100 200', notes: '=HYPERLINK("http://x","y")', aliases: ['@ada'] });
    vault.plaintiffs.add(caseId, { legalName: 'Bo Lark', gender: 'male', notes: '-5 then\ttab' });
    const publicPath = join(dir, 'out', 'public.csv');
    const pub = await vault.plaintiffs.exportRoster(caseId, { sealed: false, format: 'csv' }, publicPath);
    expect(pub).toMatchObject({ path: publicPath, rows: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const text = (await import('node:fs')).readFileSync(publicPath, 'utf8');
    expect(text).toBe('\uFEFFPseudonym,Status\r\nJane Doe 1,active\r\nJohn Doe 2,active\r\n');
    expect(statSync(publicPath).mode & 0o777).toBe(0o600);

    const sealedPath = join(dir, 'out', 'sealed.csv');
    await vault.plaintiffs.exportRoster(caseId, { sealed: true, format: 'csv' }, sealedPath);
    const sealed = (await import('node:fs')).readFileSync(sealedPath, 'utf8');
    expect(sealed).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(sealed).toContain("'+1 555 0100 200");
    expect(sealed).toContain("'@ada");
    expect(sealed).toContain(`"'-5 then\ttab"`);
    expect(vault.audit.list().filter((e) => e.action === 'roster.exported').map((e) => e.details)).toEqual([
      { caseId, sealed: false, format: 'csv', rows: 2, file: publicPath },
      { caseId, sealed: true, format: 'csv', rows: 2, file: sealedPath },
    ]);
    expect((await failure(() => vault.plaintiffs.exportRoster(caseId, { sealed: false, format: 'csv' }, publicPath))).code).toBe('CONFLICT');

    // A sealed roster imports back into another case with the detected mapping.
    const other = vault.cases.create({ title: 'Copy' }).id;
    const back = await vault.intake.inspect(other, sealedPath);
    expect(back.mapping.slice(2)).toEqual(['legalName', 'aliases', 'gender', 'dob', 'email', 'phone', 'address', 'idNumbers', 'notes']);

    const xlsxPath = join(dir, 'out', 'sealed.xlsx');
    await vault.plaintiffs.exportRoster(caseId, { sealed: true, format: 'xlsx' }, xlsxPath);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    expect(book.worksheets[0]!.getRow(2).getCell(3).value).toBe('Ada Quill');
    expect(book.worksheets[0]!.getRow(2).getCell(11).value).toBe(`'=HYPERLINK("http://x","y")`);
    const jsonPath = join(dir, 'out', 'public.json');
    await vault.plaintiffs.exportRoster(caseId, { sealed: false, format: 'json' }, jsonPath);
    expect(JSON.parse((await import('node:fs')).readFileSync(jsonPath, 'utf8'))).toEqual([
      { pseudonym: 'Jane Doe 1', status: 'active' },
      { pseudonym: 'John Doe 2', status: 'active' },
    ]);
  });
});

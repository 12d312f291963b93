import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MASK } from '../../../../src-main/ipc/handlers/intake';
import { PASSPHRASE } from '../../../fixtures/temp-vault';
import { desktop, withCase, type Desktop } from './desktop';

const CSV = ['Full Name,DOB,Email', 'Ada Quill,1980-02-03,ada@example.org', 'Bo Tran,,', 'Cy Moreau,1975-07-08,cy@example.org'].join('\n');

describe('intake:* handlers over a real vault', () => {
  let d: Desktop;
  let caseId: string;
  let file: string;

  beforeEach(async () => {
    d = await desktop();
    caseId = await withCase(d);
    file = join(d.dir, 'intake.csv');
    writeFileSync(file, CSV);
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('the file comes from main\'s dialog; sample cells leave main masked, real only when asked for', async () => {
    expect(await d.value('intake:chooseFile', { caseId })).toBeNull();
    d.answers.chooseIntakeFile = file;
    const inspection = await d.value('intake:chooseFile', { caseId });
    expect(inspection).toMatchObject({ fileName: 'intake.csv', format: 'csv', headers: ['Full Name', 'DOB', 'Email'], mapping: ['legalName', 'dob', 'email'] });
    expect(inspection!.sampleRows).toEqual([
      { row: 2, cells: [MASK, MASK, MASK] },
      { row: 3, cells: [MASK, '', ''] },
      { row: 4, cells: [MASK, MASK, MASK] },
    ]);
    expect(JSON.stringify(inspection)).not.toMatch(/Ada|Quill|example\.org/);
    expect((await d.value('intake:revealSample', { caseId }))[0]).toEqual({ row: 2, cells: ['Ada Quill', '1980-02-03', 'ada@example.org'] });
  });

  it('preview lists problems by row and field; import adds all rows in one go with counted progress', async () => {
    d.answers.chooseIntakeFile = file;
    const { mapping } = (await d.value('intake:chooseFile', { caseId }))!;
    expect(await d.value('intake:preview', { caseId, mapping })).toMatchObject({ rows: 3, valid: 3, problems: [], duplicates: [] });
    d.events.length = 0;
    const summary = await d.value('intake:import', { caseId, mapping, onDuplicate: 'fail' });
    expect(summary).toMatchObject({ added: 3, skipped: 0, merged: 0, rejected: 0, problems: [], pseudonyms: { first: expect.any(String), last: expect.any(String) } });
    expect(d.events.some((e) => (e.payload as { total: number | null; step?: string }).step !== undefined)).toBe(true);
    expect(await d.value('plaintiffs:roster', { caseId })).toHaveLength(6);
    // The file is forgotten after an import.
    expect(await d.call('intake:preview', { caseId, mapping })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'file' } });
  });

  it('a file with problems: every one listed by row and field, and the import refused whole', async () => {
    writeFileSync(file, ['Full Name,Email', ',a@example.org', 'Dee Hart,not-an-email'].join('\n'));
    d.answers.chooseIntakeFile = file;
    const { mapping } = (await d.value('intake:chooseFile', { caseId }))!;
    const preview = await d.value('intake:preview', { caseId, mapping });
    expect(preview.problems.map((p) => [p.row, p.field])).toEqual([
      [2, expect.stringMatching(/legalName|name/i)],
      [3, expect.stringMatching(/email/)],
    ]);
    expect(await d.call('intake:import', { caseId, mapping, onDuplicate: 'skip' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await d.value('plaintiffs:roster', { caseId })).toHaveLength(3);
  });

  it('the file belongs to its case and is forgotten on lock', async () => {
    d.answers.chooseIntakeFile = file;
    const { mapping } = (await d.value('intake:chooseFile', { caseId }))!;
    const other = (await d.value('cases:create', { title: 'Other', scheme: 'neutral' })).id;
    expect(await d.call('intake:preview', { caseId: other, mapping })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await d.value('vault:lock', {});
    await d.value('vault:unlock', { passphrase: PASSPHRASE });
    expect(await d.call('intake:preview', { caseId, mapping })).toMatchObject({ ok: false, error: { field: 'file' } });
  });

  it('roster exports go where main\'s save dialog says: public without names, sealed with them', async () => {
    expect(await d.value('plaintiffs:exportRoster', { caseId, sealed: false, format: 'csv' })).toBeNull();
    expect(d.asked.at(-1)).toBe('chooseRosterDestination');
    d.answers.chooseRosterDestination = join(d.dir, 'public.csv');
    const pub = await d.value('plaintiffs:exportRoster', { caseId, sealed: false, format: 'csv' });
    expect(pub).toMatchObject({ fileName: 'public.csv', rows: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readFileSync(join(d.dir, 'public.csv'), 'utf8')).not.toMatch(/Ramírez|Castellanos/);
    d.answers.chooseRosterDestination = join(d.dir, 'sealed.csv');
    await d.value('plaintiffs:exportRoster', { caseId, sealed: true, format: 'csv' });
    expect(readFileSync(join(d.dir, 'sealed.csv'), 'utf8')).toMatch(/Castellanos/);
    expect((await d.value('audit:list', {})).map((e) => e.action)).toContain('roster.exported');
  });
});

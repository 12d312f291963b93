import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput, EventPayload } from '../../../../src-preload/contract';
import { desktop, withCase, type Desktop } from './desktop';

const FRONT_MATTER = `---
court: cacd
caseNumber: 2:26-cv-00001
title: Complaint for Damages
parties:
  defendants:
    - DAILY COURIER, INC.
counsel:
  - name: Ann Example
    firm: Example LLP
    attorneysFor: Plaintiffs
---

1. {{Jane Doe 1}} was followed home.
`;

type Written = Extract<NonNullable<ChannelOutput<'filings:sealingSet'>>, { status: 'written' }>;

describe('filings:sealingSetChoices and filings:sealingSet over a real vault', () => {
  let d: Desktop;
  let caseId: string;

  beforeEach(async () => {
    d = await desktop();
    caseId = await withCase(d);
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('offers the courts, the filings whose front matter can give the caption (newest first), and that filing’s court', async () => {
    await d.value('filings:create', { caseId, filing: { title: 'Notes', body: 'No front matter here.' } });
    const complaint = await d.value('filings:create', { caseId, filing: { title: 'Complaint for Damages', body: FRONT_MATTER } });
    const choices = await d.value('filings:sealingSetChoices', { caseId });
    expect(choices.courts.map((c) => c.id)).toEqual(expect.arrayContaining(['ca-sup-los-angeles', 'cacd', 'federal']));
    expect(choices.courts.find((c) => c.id === 'cacd')).toEqual({ id: 'cacd', name: expect.stringContaining('Central District'), system: 'federal' });
    expect(choices.sources).toEqual([{ filingId: complaint.id, title: 'Complaint for Damages', court: 'cacd' }]);
    expect(choices.court).toBe('cacd');
  });

  it('cancelled folder dialog: null, nothing written', async () => {
    expect(await d.value('filings:sealingSet', { caseId, court: 'ca-sup-alameda', docx: false })).toBeNull();
    expect(d.asked).toEqual(['chooseExportFolder']);
  });

  it('writes the set with the chosen filing’s caption: each file with its role and true SHA-256, progress, and Show in folder', async () => {
    const complaint = await d.value('filings:create', { caseId, filing: { title: 'Complaint for Damages', body: FRONT_MATTER } });
    const folder = join(d.dir, 'sets', 'first');
    d.answers.chooseExportFolder = folder;
    d.events.length = 0;
    const report = (await d.value('filings:sealingSet', { caseId, court: 'cacd', factsFrom: complaint.id, docx: true })) as Written;
    expect(report.status).toBe('written');
    expect(report.set).toEqual({ court: 'cacd', format: 'federal', plaintiffs: 3 });
    expect(report.files.map((f) => [f.name, f.role ?? null])).toEqual([
      ['motion.pdf', 'public'],
      ['declaration-of-counsel.pdf', 'public'],
      ['proposed-order.pdf', 'public'],
      ['declaration-of-identities.pdf', 'lodged'],
      ['motion.docx', 'public'],
      ['declaration-of-counsel.docx', 'public'],
      ['proposed-order.docx', 'public'],
      ['manifest.json', null],
    ]);
    for (const file of report.files) expect(file.sha256).toBe(createHash('sha256').update(readFileSync(join(folder, file.name))).digest('hex'));
    expect('manifest' in report).toBe(false); // shaped by the output schema
    expect(JSON.stringify(report)).not.toMatch(/Ramírez|Castellanos/);
    const progress = d.events.map((e) => e.payload as EventPayload<'progress'>);
    expect(new Set(progress.map((p) => p.operation))).toEqual(new Set(['Writing the sealing papers']));
    expect(progress.map((p) => p.step)).toContain('Reading back and scanning the public files');
    expect(await d.value('filings:showInFolder', {})).toEqual({ shown: true });
    expect(d.shown).toEqual([join(folder, 'motion.pdf')]);
  });

  it('operations:cancel while the papers are typeset: CANCELLED, and nothing of the set is left in the folder', async () => {
    const folder = join(d.dir, 'sets', 'cancelled');
    d.answers.chooseExportFolder = folder;
    const emit = d.session.ports.emit;
    d.session.ports.emit = (kind, payload) => {
      emit(kind, payload);
      const step = (payload as EventPayload<'progress'>).step ?? '';
      if (kind === 'progress' && step.startsWith('Typesetting the proposed order')) void d.call('operations:cancel', {});
    };
    expect(await d.call('filings:sealingSet', { caseId, court: 'ca-sup-alameda', docx: false })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('refuses a filing that is not the case’s as the caption’s source (NOT_FOUND), and a court id not in the list (VALIDATION)', async () => {
    d.answers.chooseExportFolder = join(d.dir, 'sets', 'refused');
    expect(await d.call('filings:sealingSet', { caseId, court: 'cacd', factsFrom: 'a'.repeat(16), docx: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await d.call('filings:sealingSet', { caseId, court: 'ca-sup-atlantis', docx: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'court' } });
  });
});

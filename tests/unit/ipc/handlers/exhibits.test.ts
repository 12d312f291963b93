import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bornDigitalPdf } from '../../../fixtures/exhibits';
import { desktop, withCase, type Desktop } from './desktop';

/** A born-digital page naming two invented plaintiffs of withCase (Jane Doe 1, Jane Doe 2). */
async function exhibit(dir: string): Promise<string> {
  const file = join(dir, 'exhibit-a.pdf');
  writeFileSync(
    file,
    await bornDigitalPdf({ visible: ['Report of the Gangs and Narcotics Division', 'Officer Maria Elena Ramírez was assigned.'], underImage: 'Zoë Castellanos', white: 'Nothing here' }),
  );
  return file;
}

describe('exhibits:* handlers over a real vault', () => {
  let d: Desktop;
  let caseId: string;

  beforeEach(async () => {
    d = await desktop();
    caseId = await withCase(d);
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('the file comes from main\'s dialog; nothing is read before one is chosen', async () => {
    const none = await d.call('exhibits:scan', { caseId, exhibitId: 'e0000000000000000' });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await d.value('exhibits:chooseFile', { caseId })).toBeNull();
    expect(d.asked).toEqual(['chooseExhibitFile']);
  });

  it('findings leave main without their words; the words come on request; a page comes as a PNG', { timeout: 120_000 }, async () => {
    d.answers.chooseExhibitFile = await exhibit(d.dir);
    const { exhibitId } = (await d.value('exhibits:chooseFile', { caseId }))!;
    expect(exhibitId).toMatch(/^e[0-9a-f]{16}$/);
    const scan = await d.value('exhibits:scan', { caseId, exhibitId, dpi: 100 });
    expect(scan.pages).toHaveLength(1);
    expect(scan.findings.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(scan)).not.toMatch(/Ram[ií]rez|Castellanos|Maria/);
    expect(scan.findings.flatMap((f) => f.targets.map((t) => t.pseudonym))).toEqual(expect.arrayContaining(['Jane Doe 1', 'Jane Doe 2']));
    const reveals = async () => (await d.value('audit:list', {})).filter((e) => e.action === 'exhibit.finding-revealed');
    expect(await reveals()).toEqual([]);
    const revealed = await Promise.all(scan.findings.map((f) => d.value('exhibits:revealFinding', { caseId, exhibitId, findingId: f.id })));
    expect(revealed.map((r) => r.text).join(' ')).toMatch(/Castellanos/);
    // Each reveal is in the audit log, by finding and page, never by the words shown.
    const entries = await reveals();
    expect(entries.map((e) => e.details.finding).sort()).toEqual(scan.findings.map((f) => f.id).sort());
    expect(entries.every((e) => e.details.page === 1 && e.details.caseId === caseId)).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/Ram[ií]rez|Castellanos|Maria|Zoë/);
    expect(await d.call('exhibits:revealFinding', { caseId, exhibitId, findingId: 'x000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const page = await d.value('exhibits:page', { caseId, exhibitId, page: 1, width: 200 });
    expect(page.width).toBeLessThanOrEqual(200);
    expect(Buffer.from(page.png, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(page.widthPt).toBeCloseTo(612);
    expect(await d.call('exhibits:page', { caseId, exhibitId, page: 2, width: 200 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'page' } });
  });

  it('redacts into the folder chosen in main, with a drawn region; a cancelled folder dialog writes nothing', { timeout: 240_000 }, async () => {
    d.answers.chooseExhibitFile = await exhibit(d.dir);
    const { exhibitId } = (await d.value('exhibits:chooseFile', { caseId }))!;
    const scan = await d.value('exhibits:scan', { caseId, exhibitId, dpi: 100 });
    const decisions = Object.fromEntries(scan.findings.filter((f) => f.question).map((f) => [f.id, 'redact' as const]));
    const input = { caseId, exhibitId, decisions, regions: [{ page: 1, box: { x: 72, y: 500, width: 100, height: 40 } }], ocrLayer: false, dpi: 100, faces: false };
    expect(await d.value('exhibits:redact', input)).toBeNull();
    d.answers.chooseExhibitFolder = join(d.dir, 'out');
    const report = await d.value('exhibits:redact', input);
    expect(report).toMatchObject({ status: 'written', pages: 1 });
    if (report?.status !== 'written') return;
    expect(report.redactions).toBeGreaterThanOrEqual(3);
    expect(report.files.map((f) => f.role)).toEqual(['public', 'sealed', 'manifest']);
    expect(await d.value('exhibits:showInFolder', {})).toEqual({ shown: true });
    expect(d.shown).toEqual([join(d.dir, 'out', 'exhibit-a-public.pdf')]);
  });

  it('several exhibits are open at once, each by its own id; one is removed, the rest on lock', { timeout: 120_000 }, async () => {
    d.answers.chooseExhibitFile = await exhibit(d.dir);
    const a = (await d.value('exhibits:chooseFile', { caseId }))!;
    const second = join(d.dir, 'exhibit-b.pdf');
    writeFileSync(second, await bornDigitalPdf({ visible: ['Minutes of the Gangs and Narcotics Division', 'Nobody of the vault is named.'], underImage: '', white: '' }));
    d.answers.chooseExhibitFile = second;
    const b = (await d.value('exhibits:chooseFile', { caseId }))!;
    expect(a.exhibitId).not.toBe(b.exhibitId);
    // Each id reads its own file.
    expect((await d.value('exhibits:scan', { caseId, exhibitId: b.exhibitId, dpi: 100 })).fileName).toBe('exhibit-b.pdf');
    expect((await d.value('exhibits:scan', { caseId, exhibitId: a.exhibitId, dpi: 100 })).fileName).toBe('exhibit-a.pdf');
    // An id is good for its own case only.
    const { id: other } = await d.value('cases:create', { title: 'Roes v. Daily Courier', court: 'Superior Court of California', number: 'CV-2', scheme: 'gendered' });
    expect(await d.call('exhibits:page', { caseId: other, exhibitId: a.exhibitId, page: 1, width: 100 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await d.value('exhibits:remove', { caseId: other, exhibitId: a.exhibitId })).toEqual({ removed: false });

    expect(await d.value('exhibits:remove', { caseId, exhibitId: a.exhibitId })).toEqual({ removed: true });
    expect(await d.call('exhibits:page', { caseId, exhibitId: a.exhibitId, page: 1, width: 100 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await d.value('exhibits:page', { caseId, exhibitId: b.exhibitId, page: 1, width: 100 })).page).toBe(1);
    await d.value('vault:lock', {});
    expect(d.session.exhibitFiles.size).toBe(0);
  });
});

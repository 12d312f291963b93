import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktop, withCase, type Desktop } from './desktop';

const FIRM = [{ name: 'Wren Halloway', barNumber: '0112358', firm: 'Halloway Stone LLP', address: '5 Example Way\nSample Town, CA 90002', attorneysFor: 'Plaintiffs' }];
const DRAFT = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} was followed home.' };

describe('counsel:* handlers over a real vault', () => {
  let d: Desktop;
  let caseId: string;

  beforeEach(async () => {
    d = await desktop();
    caseId = await withCase(d);
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('firm counsel: set, get, printed by a preview of a draft without counsel, cleared', async () => {
    expect(await d.value('counsel:get', {})).toEqual({ scope: 'vault', counsel: [], firm: [] });
    const saved = await d.value('counsel:set', { counsel: FIRM });
    expect(saved.counsel).toEqual(FIRM);
    expect(await d.value('counsel:get', { caseId })).toEqual({ scope: 'case', counsel: [], firm: FIRM });
    const page = await d.value('filings:preview', { caseId, filing: DRAFT, audience: 'public' });
    expect(page.counsel[0]).toBe('Wren Halloway (State Bar No. 0112358)');
    expect(await d.value('counsel:clear', {})).toEqual({ cleared: true });
    expect((await d.value('filings:preview', { caseId, filing: DRAFT, audience: 'public' })).counsel).toEqual([]);
  });

  it('case counsel is kept apart from the firm counsel', async () => {
    await d.value('counsel:set', { counsel: FIRM });
    const own = [{ name: 'Juniper Oakes', email: 'joakes@oakes.test' }];
    expect(await d.value('counsel:set', { caseId, counsel: own })).toEqual({ scope: 'case', counsel: own, firm: FIRM });
    expect((await d.value('counsel:get', {})).counsel).toEqual(FIRM);
  });

  it('bad input is VALIDATION naming the field; unknown keys and foreign ids are refused at the boundary', async () => {
    expect(await d.call('counsel:set', { counsel: [{ name: 'Wren Halloway', email: 'nope' }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/Email must look like/), field: 'counsel.0.email' },
    });
    expect(await d.call('counsel:set', { counsel: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/at least one attorney/) } });
    expect(await d.call('counsel:set', { counsel: [{ name: 'A', nickname: 'B' }] } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await d.call('counsel:get', { caseId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await d.call('counsel:get', { caseId: 'zzzzzzzzzzzzzzzz' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await d.value('counsel:get', {})).counsel).toEqual([]);
  });

  it('a locked vault answers LOCKED', async () => {
    await d.value('vault:lock', {});
    expect(await d.call('counsel:get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseDetails } from '../../../../src-main/core/cases/cases';
import type { Run } from '../../../../src-main/core/filings/document';
import { parseFilingInput } from '../../../../src-main/core/filings/filing-input';
import { RedactionNumbering } from '../../../../src-main/core/filings/redactions';
import { renderFiling } from '../../../../src-main/core/filings/render';
import { codeOf } from '../../../fixtures/checks';

/** Issue 13, item 2: each withheld text gets a stable, numbered reference. */

describe('RedactionNumbering', () => {
  it('numbers texts in the order they are met; the same text keeps its reference', () => {
    const numbering = new RedactionNumbering();
    expect(numbering.refFor('maple.vance@example.test')).toBe('[REDACTED-1]');
    expect(numbering.refFor('(555) 010-0199')).toBe('[REDACTED-2]');
    expect(numbering.refFor('maple.vance@example.test')).toBe('[REDACTED-1]');
    expect(numbering.refFor('SN-4471-QX')).toBe('[REDACTED-3]');
    expect(numbering.entries()).toEqual([
      { ref: '[REDACTED-1]', text: 'maple.vance@example.test' },
      { ref: '[REDACTED-2]', text: '(555) 010-0199' },
      { ref: '[REDACTED-3]', text: 'SN-4471-QX' },
    ]);
  });

  it('compares texts after trimming and folding white space, letter case counting', () => {
    const numbering = new RedactionNumbering();
    expect(numbering.refFor('  12 Quill   Lane ')).toBe('[REDACTED-1]');
    expect(numbering.refFor('12 Quill\nLane')).toBe('[REDACTED-1]');
    expect(numbering.refFor('12 QUILL LANE')).toBe('[REDACTED-2]');
    expect(numbering.entries()[0]!.text).toBe('12 Quill Lane');
  });

  it("prints the court's form of reference; a form without one {n} is refused", async () => {
    expect(new RedactionNumbering('REDACTED ITEM {n}').refFor('x')).toBe('REDACTED ITEM 1');
    expect(await codeOf(() => new RedactionNumbering('[REDACTED]'))).toBe('INTERNAL');
    expect(await codeOf(() => new RedactionNumbering('[{n}-{n}]'))).toBe('INTERNAL');
  });

  it('property: distinct texts get distinct references, numbered 1..k in order of first appearance, and keep them', () => {
    const text = fc.stringMatching(/^[ a-zA-Z0-9@.()-]{1,12}$/).filter((t) => t.trim() !== '');
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (texts) => {
        const numbering = new RedactionNumbering();
        const refs = texts.map((t) => numbering.refFor(t));
        const key = (t: string) => t.trim().replace(/\s+/g, ' ');
        const distinct = [...new Set(texts.map(key))];
        // One reference per distinct text, and no two texts share one.
        expect(new Set(refs).size).toBe(distinct.length);
        texts.forEach((t, i) => expect(refs[i]).toBe(`[REDACTED-${distinct.indexOf(key(t)) + 1}]`));
        // Stable: asking again, in any order, gives the same answers.
        [...texts].reverse().forEach((t) => expect(numbering.refFor(t)).toBe(refs[texts.indexOf(t)]));
        expect(numbering.entries().map((e) => e.text)).toEqual(distinct);
      }),
    );
  });
});

const CASE: CaseDetails = { title: 'Does 1–3 v. Example Harbor District', court: 'Superior Court of California, County of Example', number: '26STCV00013', scheme: { kind: 'gendered' } };
const render = (body: string, numbering?: RedactionNumbering) =>
  renderFiling(parseFilingInput({ title: 'Complaint', body }), { caseDetails: CASE, plaintiffs: [], now: '2026-11-22T10:00:00.000Z' }, { numbering });
const bodyText = (runs: readonly Run[]) => runs.map((run) => run.text).join('');

describe('a numbering shared by the papers of a filing set', () => {
  it('numbers the same text the same way in each paper; each paper lists only its own redactions', () => {
    const numbering = new RedactionNumbering();
    const motion = render('Call {{redacted|(555) 010-0199}} or write {{redacted|maple.vance@example.test}}.', numbering);
    const order = render('Write {{redacted|maple.vance@example.test}} about {{redacted|SN-4471-QX}}.', numbering);
    const [motionBody] = motion.public.blocks;
    const [orderBody] = order.public.blocks;
    expect(motionBody?.type === 'paragraph' && bodyText(motionBody.runs)).toBe('Call [REDACTED-1] or write [REDACTED-2].');
    expect(orderBody?.type === 'paragraph' && bodyText(orderBody.runs)).toBe('Write [REDACTED-2] about [REDACTED-3].');
    expect(order.redactions).toEqual([
      { ref: '[REDACTED-2]', text: 'maple.vance@example.test' },
      { ref: '[REDACTED-3]', text: 'SN-4471-QX' },
    ]);
    expect(numbering.entries()).toHaveLength(3);
  });

  it('a paper alone numbers from 1', () => {
    const alone = render('Write {{redacted|maple.vance@example.test}}.');
    expect(alone.redactions).toEqual([{ ref: '[REDACTED-1]', text: 'maple.vance@example.test' }]);
  });
});

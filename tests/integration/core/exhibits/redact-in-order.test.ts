import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf, syntheticPeople } from '../../../fixtures/exhibits';
import { tempVault } from '../../../fixtures/temp-vault';

/**
 * Each page of an exhibit is burned and written while its reading holds it (service.ts), by
 * parallel lanes, in page order. What the attorney relies on: a question on a middle page
 * leaves nothing behind (no file in the folder, none in the staging folder), and the sealed
 * log's references run in page order, boxes drawn by hand numbered on their own page.
 */
const TIMEOUT = 600_000;

describe('an exhibit redacted page by page, in page order', () => {
  let fixture: Awaited<ReturnType<typeof tempVault>>;
  let caseId: string;
  let exhibit: string;
  const [first, second, outsider] = syntheticPeople(3, 1407) as [ReturnType<typeof syntheticPeople>[number], ReturnType<typeof syntheticPeople>[number], ReturnType<typeof syntheticPeople>[number]];

  beforeAll(async () => {
    fixture = await tempVault();
    const { vault } = fixture;
    caseId = vault.cases.create({ title: 'Does v. Metropolis', number: 'MCV-7' }).id;
    vault.plaintiffs.addMany(caseId, [{ legalName: first.legalName }, { legalName: second.legalName }]);
    const other = vault.cases.create({ title: 'Roes v. Metropolis' }).id;
    vault.plaintiffs.addMany(other, [{ legalName: outsider.legalName }]);
    exhibit = join(fixture.dir, 'records.pdf');
    writeFileSync(
      exhibit,
      await scannedPdf([
        { dpi: 150, seed: 1, fontSize: 14, lines: ['RECORDS OF THE DIVISION', `Officer ${first.legalName} filed the report.`] },
        { dpi: 150, seed: 2, fontSize: 14, lines: ['The report was copied', `to ${outsider.legalName} on Monday.`] },
        { dpi: 150, seed: 3, fontSize: 14, lines: ['The sergeant signed it', `with ${second.legalName} present.`] },
      ]),
    );
  }, TIMEOUT);
  afterAll(() => fixture?.cleanup());

  it('a question on page 2 writes nothing, anywhere; answered, the log runs in page order', { timeout: TIMEOUT }, async () => {
    const { vault } = fixture;
    const out = join(fixture.dir, 'out');
    mkdirSync(out);
    const asked = await vault.exhibits.redact(caseId, exhibit, { destination: out, dpi: 150 });
    expect(asked.status).toBe('needs-decision');
    if (asked.status !== 'needs-decision') return;
    expect(asked.questions.map((q) => [q.page, q.action.kind === 'ask' ? q.action.why : 'redact'])).toEqual([[2, 'other-case']]);
    // Page 1 was burned and written before page 2's question: the staged file is gone too.
    expect(readdirSync(out)).toEqual([]);
    const staging = `${fixture.path}.staging`;
    expect(existsSync(staging) ? readdirSync(staging, { recursive: true }) : []).toEqual([]);

    const drawn = { x: 400, y: 700, width: 80, height: 30 };
    const progress: { done: number; total: number | null; step: string }[] = [];
    const report = await vault.exhibits.redact(caseId, exhibit, {
      control: { onProgress: (done, total, step) => progress.push({ done, total, step }) },
      destination: out,
      dpi: 150,
      decisions: { [asked.questions[0]!.id]: 'redact' },
      regions: [
        { page: 3, box: drawn },
        { page: 1, box: drawn },
      ],
    });
    expect(report).toMatchObject({ status: 'written', redactions: 5 });
    // The progress an attorney watches moves forward only: the count never falls, and a step,
    // once left, does not come back (reading and writing go side by side under one label).
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: 9, total: 9 });
    const steps = progress.map((p) => p.step).filter((step, i, all) => i === 0 || all[i - 1] !== step);
    expect(new Set(steps).size, steps.join(' → ')).toBe(steps.length);
    const log = execFileSync('pdftotext', ['-layout', join(out, 'records-redaction-log.pdf'), '-'], { encoding: 'utf8' });
    const rows = log
      .split('\n')
      .map((line) => /\[REDACTED-(\d+)\]\s+(\d+)/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])]);
    // Reference n on page p: pages never go back as the numbers go up; each page has its own.
    expect(rows.map(([ref]) => ref)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map(([, page]) => page)).toEqual([1, 1, 2, 3, 3]);
  });
});

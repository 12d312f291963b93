import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../../src-main/core/text/normalize';
import { bornDigitalPdf, scannedPdf, syntheticPeople, tiffOf } from '../../fixtures/exhibits';
import { addCase, addPlaintiff, type CliVault, expectFailure, initVault, okJson, pdftotext, runCli, sandbox, type Sandbox } from './helpers';

/**
 * Issue 14, "Done when" 1 and 2, through the built CLI: a scanned exhibit (synthetic names
 * typed into page images, rotated, with noise, saved as an image-only PDF at 300 dpi) and a
 * born-digital PDF hiding names under an image and in white text, each redacted; the results
 * read by other tools (pdftotext, pdftoppm + native tesseract) as an adversary would.
 */
const DIVISION = 'Gangs and Narcotics Division';
/** OCR on two cores shared with other work. */
const SLOW = { timeoutMs: 300_000 };
const TEST_TIMEOUT = 600_000;

function nativeOcr(pdf: string, dir: string): string {
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', pdf, `${dir}/ocr-page`]);
  return readdirSync(dir)
    .filter((name) => name.startsWith('ocr-page'))
    .sort()
    .map((name) => execFileSync('tesseract', [`${dir}/${name}`, '-', '--psm', '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
    .join('\n');
}

/** Every form a reader could recognise: the full name and each part (folded, spaces collapsed). */
function leaks(text: string, names: readonly { legalName: string; given: string; surname: string }[]): string[] {
  const plain = fold(text).replace(/\s+/g, ' ');
  const squeezed = plain.replace(/[^a-z]/g, '');
  return names.flatMap((n) => [n.surname, n.given, n.legalName].filter((form) => plain.includes(fold(form)) || squeezed.includes(fold(form).replace(/[^a-z]/g, ''))));
}

describe('exhibit redact through the CLI', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  const people = syntheticPeople(4, 1414);
  const [first, second, third, outsider] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number]];

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Metropolis', '--number', 'MCV-14');
    for (const person of [first, second, third]) await addPlaintiff(vault, caseId, '--name', person.legalName);
    const otherCase = await addCase(vault, '--title', 'Roes v. Metropolis');
    await addPlaintiff(vault, otherCase, '--name', outsider.legalName);
  }, TEST_TIMEOUT);
  afterAll(() => box.cleanup());

  it('a scanned exhibit: no planted name survives pdftotext or tesseract; the text around them does; the log lists each redaction with its page', { timeout: TEST_TIMEOUT }, async () => {
    const exhibit = box.path('incident-report.pdf');
    writeFileSync(
      exhibit,
      await scannedPdf([
        { dpi: 300, rotate: 1.4, noise: 0.004, seed: 1, lines: ['INCIDENT REPORT', `Officer ${first.legalName} of the ${DIVISION}`, `was seen with ${second.legalName} at the station.`] },
        { dpi: 300, rotate: -1.1, noise: 0.004, seed: 2, lines: [`The ${DIVISION} reviewed it.`, `Sergeant ${third.legalName} signed the report.`] },
      ]),
    );
    const out = box.path('scanned-out');
    const report = await okJson<{ status: string; redactions: number }>([...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--bates', 'MCV:101', '--cover', 'EXHIBIT A'], SLOW);
    expect(report).toMatchObject({ status: 'written', redactions: 3 });
    const publicPdf = `${out}/incident-report-public.pdf`;
    expect(readdirSync(out).sort()).toEqual(['incident-report-manifest.json', 'incident-report-public.pdf', 'incident-report-redaction-log.pdf']);

    const extracted = pdftotext(publicPdf);
    expect(leaks(extracted, people)).toEqual([]);
    expect(extracted).toContain('EXHIBIT A');
    expect(extracted).toContain('MCV000101');
    expect(extracted).toContain('MCV000102');
    const ocr = nativeOcr(publicPdf, box.dir);
    expect(leaks(ocr, people)).toEqual([]);
    expect(ocr.replace(/\s+/g, ' ')).toContain(DIVISION);
    // The burned boxes carry their references, in the pixels.
    expect(ocr).toMatch(/REDACTED/);

    const log = pdftotext(`${out}/incident-report-redaction-log.pdf`, { layout: true });
    expect(leaks(log, people)).toEqual([]);
    const rows = log.split('\n').filter((line) => /\[REDACTED-\d+\]/.test(line));
    expect(rows.map((row) => row.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['[REDACTED-1]', '1', '2'],
      ['[REDACTED-2]', '1', '2'],
      ['[REDACTED-3]', '2', '3'],
    ]);
    expect(log).toMatch(/Jane Doe 1|Doe 1/);
    const manifest = readFileSync(`${out}/incident-report-manifest.json`, 'utf8');
    expect(leaks(manifest, people)).toEqual([]);
    const audit = await okJson<{ action: string; details: Record<string, unknown> }[]>([...vault.auth, 'audit', 'list']);
    const entry = audit.find((e) => e.action === 'exhibit.redacted');
    expect(entry?.details).toMatchObject({ pages: 2, redactions: 3 });
    expect(leaks(JSON.stringify(audit), people)).toEqual([]);
  });

  it('a born-digital PDF: a name under an image and one in white text are both found and removed; someone of another case is a question', { timeout: TEST_TIMEOUT }, async () => {
    const exhibit = box.path('city-records.pdf');
    writeFileSync(
      exhibit,
      await bornDigitalPdf({
        visible: [`Records of the ${DIVISION}`, `Copied to ${outsider.legalName}.`],
        underImage: `Informant ${first.legalName}`,
        white: `Contact ${second.legalName}`,
      }),
    );
    const out = box.path('digital-out');
    const scan = await runCli([...vault.auth, 'exhibit', 'scan', '--case', caseId, exhibit, '--json'], SLOW);
    expect(scan.code, scan.stderr).toBe(3);
    const found = JSON.parse(scan.stdout) as { findings: { id: string; kind: string; source: string; action: { kind: string } }[] };
    expect(found.findings.map((f) => [f.kind, f.action.kind]).sort()).toEqual([['full-name', 'ask'], ['full-name', 'redact'], ['full-name', 'redact']]);
    const asked = await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--json'], SLOW);
    expect(asked.code, asked.stderr).toBe(3);
    const { questions } = JSON.parse(asked.stdout) as { questions: { id: string; action: { why: string } }[] };
    expect(questions.map((q) => q.action.why)).toEqual(['other-case']);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);

    // A full name cannot be kept in a public exhibit, even someone else's.
    const decisions = box.path('decisions.txt');
    writeFileSync(decisions, `# reviewed\n${questions[0]!.id} keep\n`);
    expectFailure(await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--decisions', decisions], SLOW), 5);
    writeFileSync(decisions, `${questions[0]!.id} redact\n`);
    const report = await okJson<{ status: string; redactions: number }>([...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--decisions', decisions, '--ocr-layer'], SLOW);
    expect(report).toMatchObject({ status: 'written', redactions: 3 });
    const publicPdf = `${out}/city-records-public.pdf`;
    const extracted = pdftotext(publicPdf);
    expect(leaks(extracted, people)).toEqual([]);
    expect(extracted.replace(/\s+/g, ' ')).toContain(DIVISION);
    // Nothing of the source: one image per page, no fonts but the OCR layer's.
    expect(execFileSync('pdfimages', ['-list', publicPdf], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(3);
  });

  it('a "keep" lets a surname alone stay (the read-back passes), never a full name; an unknown --court is refused', { timeout: TEST_TIMEOUT }, async () => {
    const exhibit = box.path('duty-roster.pdf');
    writeFileSync(
      exhibit,
      await bornDigitalPdf({ visible: [`Duty roster of the ${DIVISION}`, `Signed by Sergeant ${third.surname} at noon.`, `Copied to ${first.legalName}.`], underImage: '', white: '' }),
    );
    const out = box.path('keep-out');
    // A usage error, before the vault is unlocked or the exhibit read.
    expect(expectFailure(await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--court', 'nowhere-court'], SLOW), 1)).toMatch(/--court: Unknown court "nowhere-court"/);

    // A surname alone is redacted by default (it can only be this plaintiff), but is low confidence: the attorney may keep it.
    const scan = await runCli([...vault.auth, 'exhibit', 'scan', '--case', caseId, exhibit, '--json'], SLOW);
    expect(scan.code, scan.stderr).toBe(3);
    const { findings } = JSON.parse(scan.stdout) as { findings: { id: string; kind: string; confidence: string; action: { kind: string } }[] };
    expect(findings.map((f) => [f.kind, f.confidence, f.action.kind]).sort()).toEqual([['full-name', 'high', 'redact'], ['surname', 'low', 'redact']]);
    const decisions = box.path('keep-decisions.txt');
    const fullName = findings.find((f) => f.kind === 'full-name')!;
    writeFileSync(decisions, `${fullName.id} keep\n`);
    expectFailure(await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--decisions', decisions], SLOW), 5);
    writeFileSync(decisions, `${findings.find((f) => f.kind === 'surname')!.id} keep\n`);
    const report = await okJson<{ status: string; redactions: number; kept: number }>(
      [...vault.auth, 'exhibit', 'redact', '--case', caseId, exhibit, '--out', out, '--decisions', decisions, '--ocr-layer', '--court', 'cacd'],
      SLOW,
    );
    // Read back with the surname still on the page: it is where the attorney kept it.
    expect(report).toMatchObject({ status: 'written', redactions: 1, kept: 1 });
    const extracted = pdftotext(`${out}/duty-roster-public.pdf`);
    expect(extracted).toContain(third.surname);
    expect(leaks(extracted, [first])).toEqual([]);
  });

  it('a TIFF bomb through the CLI: the message names the file and the limit, nothing is written', { timeout: TEST_TIMEOUT }, async () => {
    const bomb = box.path('scan.tiff');
    writeFileSync(bomb, tiffOf([{ width: 60_000, height: 60_000, data: new Uint8Array(16) }]));
    const out = box.path('bomb-out');
    const message = expectFailure(await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, bomb, '--out', out], SLOW), 5);
    expect(message).toMatch(/scan\.tiff: .*60,000 × 60,000 pixels.*up to 60,000,000 pixels/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('an exhibit whose file name names a plaintiff is refused before anything is read', { timeout: TEST_TIMEOUT }, async () => {
    const named = box.path(`${first.given}-${first.surname}.pdf`);
    writeFileSync(named, await bornDigitalPdf({ visible: ['Nothing here'], underImage: 'x', white: 'y' }));
    const message = expectFailure(await runCli([...vault.auth, 'exhibit', 'redact', '--case', caseId, named, '--out', box.path('named-out')], SLOW), 5);
    expect(message).toMatch(/file name .* names someone of the vault/);
  });
});

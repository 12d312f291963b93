import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCase, addPlaintiff, auditActions, expectFailure, initVault, ok, okJson, runCli, sandbox, type AuditEntryJson, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 12, item 1: counsel stored once (`doe-vault counsel`), printed on every filing whose
 * draft names none; `export --court`, `--counsel-file` and `--labels` over the front matter.
 * Read back with pdftotext -layout, whose rows begin with the pleading line's number.
 */

const FIRM_YAML = `- name: Marlowe Tenbury
  barNumber: "0456789"
  firm: Tenbury & Voss LLP
  address: |
    77 Placeholder Avenue, Floor 3
    Sample City, CA 90001
  phone: (555) 010-7777
  email: mtenbury@tenbury.test
  attorneysFor: Plaintiffs
`;
const CASE_YAML = `counsel:
  - name: Ilse Brackwater
    barNumber: "222333"
    firm: Brackwater Law
`;
const DRAFT = '# Complaint for Damages\n\n1. Plaintiffs bring this action.\n2. {{Jane Doe 1}} is an officer.\n';

interface View {
  scope: string;
  counsel: { name: string }[];
  firm: { name: string }[];
}

describe('doe-vault counsel and export flags', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  let exports = 0;

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Sample Harbor');
    await addPlaintiff(vault, caseId, '--name', 'Oriane Castellmoor', '--gender', 'female');
    await addPlaintiff(vault, caseId, '--name', 'Pelham Strauberg', '--gender', 'male');
    writeFileSync(box.path('firm.yaml'), FIRM_YAML);
    writeFileSync(box.path('case.yaml'), CASE_YAML);
    writeFileSync(box.path('draft.md'), DRAFT);
  }, 120_000);
  afterAll(() => box.cleanup());

  /** Exports draft.md with `flags` and returns page 1 of public.pdf, row by row. */
  const page1 = async (...flags: string[]): Promise<string[]> => {
    const out = box.path(`out-${++exports}`);
    const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', box.path('draft.md'), '--out', out, ...flags]);
    expect(report.status).toBe('exported');
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', `${out}/public.pdf`, '-'], { encoding: 'utf8' }).split('\n');
  };
  const allText = async (out: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', `${out}/public.pdf`, '-'], { encoding: 'utf8' });
  const rowsBetween = (rows: string[], from: number, to: number): string => {
    const at = (n: number) => rows.findIndex((row) => new RegExp(`^\\s*${n}(\\s|$)`).test(row));
    return rows.slice(at(from), at(to)).join('\n');
  };

  it('counsel show on a new vault says none is stored and how to store it', async () => {
    expect(await ok([...vault.auth, 'counsel', 'show'])).toMatch(/^No counsel stored\. Store it with `doe-vault counsel set --file COUNSEL\.yaml`/);
  });

  it('counsel set stores the firm counsel; show prints it; the audit log records it', async () => {
    expect(await ok([...vault.auth, 'counsel', 'set', '--file', box.path('firm.yaml')])).toBe('Stored 1 attorney as firm counsel.\n');
    const shown = await ok([...vault.auth, 'counsel', 'show']);
    expect(shown).toContain('Marlowe Tenbury (State Bar No. 0456789)');
    expect(shown).toContain('77 Placeholder Avenue, Floor 3');
    expect((await okJson<View>([...vault.auth, 'counsel', 'show', '--case', caseId])).firm[0]!.name).toBe('Marlowe Tenbury');
    expect(await ok([...vault.auth, 'counsel', 'show', '--case', caseId])).toMatch(/^This case has no counsel of its own; its filings print the firm counsel:/);
    expect(auditActions(await okJson<AuditEntryJson[]>([...vault.auth, 'audit', 'list']))).toContain('counsel.set');
  });

  it('export of a draft without front matter prints the stored counsel on lines 1–4 and signs "/s/ Name"', async () => {
    const rows = await page1();
    expect(rowsBetween(rows, 1, 5)).toMatch(/Marlowe Tenbury \(State Bar No\. 0456789\)/);
    expect(rowsBetween(rows, 1, 5)).toMatch(/Tenbury & Voss LLP/);
    const out = box.path(`out-${exports}`);
    expect(await allText(out)).toMatch(/\/s\/ Marlowe Tenbury/);
  }, 120_000);

  it('case counsel overrides the firm counsel; clearing it brings the firm counsel back', async () => {
    await ok([...vault.auth, 'counsel', 'set', '--file', box.path('case.yaml'), '--case', caseId]);
    let rows = await page1();
    expect(rowsBetween(rows, 1, 5)).toMatch(/Ilse Brackwater \(State Bar No\. 222333\)/);
    expect(rows.join('\n')).not.toContain('Marlowe Tenbury');
    expect(await okJson([...vault.auth, 'counsel', 'clear', '--case', caseId])).toEqual({ cleared: true });
    expect(await ok([...vault.auth, 'counsel', 'clear', '--case', caseId])).toBe(`No counsel of case ${caseId} was stored; nothing changed.\n`);
    rows = await page1();
    expect(rowsBetween(rows, 1, 5)).toMatch(/Marlowe Tenbury/);
  }, 120_000);

  it('--counsel-file prints that counsel over the stored one', async () => {
    const rows = await page1('--counsel-file', box.path('case.yaml'));
    expect(rowsBetween(rows, 1, 5)).toMatch(/Ilse Brackwater/);
    expect(rows.join('\n')).not.toContain('Marlowe Tenbury');
  }, 120_000);

  it('--court cacd prints UNITED STATES DISTRICT COURT and no SUPERIOR COURT; --labels sets the labels over the court\'s', async () => {
    const federal = (await page1('--court', 'cacd')).join('\n');
    expect(federal).toContain('UNITED STATES DISTRICT COURT');
    expect(federal).toContain('CENTRAL DISTRICT OF CALIFORNIA');
    expect(federal).not.toMatch(/SUPERIOR COURT/i);
    // The draft redacts nothing: the court's public label is not printed (issue 13).
    expect(federal).not.toMatch(/REDACTED VERSION OF DOCUMENT/);
    writeFileSync(box.path('labels.txt'), '[public]\nPUBLIC VERSION\n');
    const own = (await page1('--court', 'cacd', '--labels', box.path('labels.txt'))).join('\n');
    expect(own).toContain('UNITED STATES DISTRICT COURT');
    expect(own).toMatch(/PUBLIC VERSION/);
  }, 120_000);

  it('a bad --court id is a usage error (exit 1) naming the nearest ids; nothing is unlocked or written', async () => {
    const message = expectFailure(await runCli([...vault.auth, 'export', '--case', caseId, '--in', box.path('draft.md'), '--out', box.path('never'), '--court', 'cacx']), 1);
    expect(message).toMatch(/--court: Unknown court "cacx"\. Did you mean .*"cacd"/);
  });

  it('a bad counsel file is refused (exit 5) naming the file and the problem; nothing is stored', async () => {
    writeFileSync(box.path('bad.yaml'), '- name: Nobody Real\n  email: not-an-email\n');
    let message = expectFailure(await runCli([...vault.auth, 'counsel', 'set', '--file', box.path('bad.yaml')]), 5);
    expect(message).toMatch(/bad\.yaml: Email must look like name@example\.com/);
    writeFileSync(box.path('typo.yaml'), '- name: Nobody Real\n  barNumbr: "1"\n');
    message = expectFailure(await runCli([...vault.auth, 'counsel', 'set', '--file', box.path('typo.yaml')]), 5);
    expect(message).toMatch(/typo\.yaml: .*barNumbr/);
    expect((await okJson<View>([...vault.auth, 'counsel', 'show'])).counsel.map((c) => c.name)).toEqual(['Marlowe Tenbury']);
    expectFailure(await runCli([...vault.auth, 'counsel', 'set']), 1);
  });

  it('counsel clear removes the firm counsel; an export then prints no counsel', async () => {
    expect(await ok([...vault.auth, 'counsel', 'clear'])).toBe('Removed the firm counsel.\n');
    const rows = await page1();
    expect(rows.join('\n')).not.toContain('Marlowe Tenbury');
  }, 120_000);
});

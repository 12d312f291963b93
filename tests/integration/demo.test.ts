import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../src-main/core/crypto';
import { pdfText } from '../../src-main/core/documents';
import { VaultService } from '../../src-main/core/service';
import { fold } from '../../src-main/core/text/normalize';
import { DEMO_INTAKE_FILE, DEMO_PLAINTIFFS, DEMO_SEED, runDemo } from '../demo/demo';
import { syntheticPlaintiffs } from '../fixtures/synthetic';
import { tempDir } from '../fixtures/temp-vault';

describe('npm run demo', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });

  async function demo() {
    const temp = tempDir('doevault-demo-test-');
    cleanup = temp.cleanup;
    const lines: string[] = [];
    const result = await runDemo({ dir: temp.dir, log: (line) => lines.push(line), kdf: TEST_ONLY_INSECURE_KDF });
    return { result, output: lines.join('\n') };
  }

  it('prints the 140 pseudonyms and statuses of a vault it leaves on disk', async () => {
    const { result, output } = await demo();

    expect(result.roster).toHaveLength(DEMO_PLAINTIFFS);
    const printed = [...output.matchAll(/\b(?:(?:Jane|John) )?Doe (\d+) +active\b/g)].map((m) => Number(m[1]));
    expect(printed.sort((a, b) => a - b)).toEqual(Array.from({ length: DEMO_PLAINTIFFS }, (_, i) => i + 1));
    for (const entry of result.roster) {
      expect(output).toMatch(new RegExp(`(?:^|\\s)${entry.pseudonym} +active\\b`, 'm'));
    }

    expect(existsSync(result.vaultPath)).toBe(true);
    expect(statSync(result.passphraseFile).mode & 0o777).toBe(0o600);
    expect(statSync(result.recoveryKeyFile).mode & 0o777).toBe(0o600);
    expect(output).toContain(result.vaultPath);
    expect(output).toContain(`--passphrase-file ${result.passphraseFile} roster --case ${result.caseId}`);
    expect(output).toContain('audit list');

    // The vault opens with the passphrase from the file and holds the same roster.
    const vault = await VaultService.open(result.vaultPath);
    try {
      vault.vault.unlock(readFileSync(result.passphraseFile, 'utf8').trim());
      expect(vault.plaintiffs.roster(result.caseId).map((e) => e.pseudonym)).toEqual(result.roster.map((e) => e.pseudonym));
    } finally {
      vault.close();
    }
  });

  it('imports its 140 plaintiffs from a generated CSV (0600, said to be synthetic) through the import path', async () => {
    const { result, output } = await demo();
    const intake = join(result.vaultPath, '..', DEMO_INTAKE_FILE);
    expect(statSync(intake).mode & 0o777).toBe(0o600);
    expect(output).toContain(`Intake spreadsheet: ${intake} (mode 0600)`);
    expect(output).toMatch(/SYNTHETIC names/);
    expect(output).toContain(`added ${DEMO_PLAINTIFFS}, skipped 0, rejected 0`);
    const people = syntheticPlaintiffs(DEMO_PLAINTIFFS, DEMO_SEED);
    const vault = await VaultService.open(result.vaultPath);
    try {
      vault.vault.unlock(readFileSync(result.passphraseFile, 'utf8').trim());
      const sealed = vault.plaintiffs.sealedRoster(result.caseId);
      expect(sealed.map((p) => [p.legalName, p.dob, p.email, p.idNumbers])).toEqual(people.map((p) => [p.legalName, p.dob, p.email, p.idNumbers]));
      expect(vault.audit.list().some((e) => e.action === 'plaintiffs.imported' && e.details.added === DEMO_PLAINTIFFS)).toBe(true);
    } finally {
      vault.close();
    }
  });

  it('exports the complaint: public.pdf names none of the 140, the sealed PDF names those it cites', async () => {
    const { result, output } = await demo();
    const people = syntheticPlaintiffs(DEMO_PLAINTIFFS, DEMO_SEED);
    const read = async (name: string) => fold((await pdfText(new Uint8Array(readFileSync(join(result.folder, name))))).text);
    const publicText = await read('public.pdf');
    for (const person of people) expect(publicText).not.toContain(fold(person.legalName));
    const sealedText = await read('sealed.pdf');
    const cited = people.filter((person) => sealedText.includes(fold(person.legalName)));
    expect(cited.length).toBeGreaterThanOrEqual(12);
    // The draft's contact details became redactions: the sealed reference list is written with them.
    expect(readdirSync(result.folder).sort()).toEqual([
      'declaration-of-identities.docx',
      'declaration-of-identities.pdf',
      'manifest.json',
      'public.docx',
      'public.pdf',
      'reference-list.pdf',
      'sealed.docx',
      'sealed.doesealed',
      'sealed.pdf',
    ]);
    expect(output).toMatch(/checked against all 140 identities of the vault:\n {2}0 found/);
    expect(output).toContain('pdftotext public.pdf: no real name');
    expect(existsSync(result.draftPath)).toBe(true);
  });

  it('prints no identity and no secret', async () => {
    const { result, output } = await demo();
    const people = syntheticPlaintiffs(DEMO_PLAINTIFFS, DEMO_SEED);
    const folded = output.toLowerCase();
    for (const person of people) {
      expect(folded).not.toContain(person.legalName.toLowerCase());
      expect(folded).not.toContain(person.email!.toLowerCase());
    }
    expect(output).not.toContain(readFileSync(result.passphraseFile, 'utf8').trim());
    expect(output).not.toContain(readFileSync(result.recoveryKeyFile, 'utf8').trim());
  });
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ONLY_INSECURE_KDF } from '../../src-main/core/crypto';
import { VaultService } from '../../src-main/core/service';
import { DEMO_PLAINTIFFS, DEMO_SEED, runDemo } from '../demo/demo';
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
      vault.unlock(readFileSync(result.passphraseFile, 'utf8').trim());
      expect(vault.roster(result.caseId).map((e) => e.pseudonym)).toEqual(result.roster.map((e) => e.pseudonym));
    } finally {
      vault.close();
    }
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

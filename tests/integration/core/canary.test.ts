import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fold } from '../../../src-main/core/text/normalize';
import { CANARY_EMAILS, filesUnder, findCanaries as findIn } from '../../fixtures/canary-search';
import { CANARIES, syntheticPlaintiffs } from '../../fixtures/synthetic';

/**
 * This process's temporary directory is a fresh, private one for the whole file (set before
 * anything is imported, so SQLite sees it too): every file the session writes there, the vault
 * folder included, is new and ours, and no other test running alongside can put a name there.
 */
const { privateTmp, realTmp } = await vi.hoisted(async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const realTmp = os.tmpdir();
  const privateTmp = fs.mkdtempSync(path.join(realTmp, 'doevault-canary-'));
  process.env.TMPDIR = privateTmp;
  process.env.SQLITE_TMPDIR = privateTmp;
  return { privateTmp, realTmp };
});

const { VaultService } = await import('../../../src-main/core/service');
const { PASSPHRASE, tempVault } = await import('../../fixtures/temp-vault');

const EMAILS = CANARY_EMAILS;
const findCanaries = (files: string[]) => findIn(files, privateTmp);

describe('canary identities', () => {
  beforeAll(() => {
    expect(tmpdir()).toBe(privateTmp);
  });
  afterAll(() => {
    rmSync(privateTmp, { recursive: true, force: true });
    delete process.env.SQLITE_TMPDIR;
    process.env.TMPDIR = realTmp;
  });

  it('the search finds a canary written in clear, in either encoding', () => {
    const control = join(privateTmp, 'control.txt');
    try {
      writeFileSync(control, Buffer.from(`x ${CANARIES[2]} x`, 'utf16le'));
      expect(findCanaries([control])).toContain(`control.txt: ${CANARIES[2]} (utf16le)`);
      writeFileSync(control, `contact: ${EMAILS[0]}`);
      expect(findCanaries([control])).toContain(`control.txt: ${EMAILS[0]} (utf8)`);
      writeFileSync(control, `folded: ${fold(CANARIES[2])}`);
      expect(findCanaries([control])).toContain(`control.txt: ${fold(CANARIES[2])} (utf8)`);
    } finally {
      rmSync(control, { force: true });
    }
  });

  it('appear in no file written during a full session, WAL and shared memory included', async () => {
    const { vault, path, dir } = await tempVault();
    expect(dir.startsWith(privateTmp)).toBe(true);
    const caseId = vault.cases.create({ title: 'Doe v. Example Corp', court: 'District Court', number: '24-cv-0140' }).id;
    const canaries = CANARIES.map((legalName, i) => ({
      legalName,
      aliases: [legalName.split(' ')[0]!],
      gender: (['female', 'male', 'female'] as const)[i],
      dob: `198${i}-0${i + 1}-1${i}`,
      email: EMAILS[i],
      notes: `Also known as ${legalName.toUpperCase()}.`,
    }));
    const added = vault.plaintiffs.addMany(caseId, [...syntheticPlaintiffs(30, 77).slice(0, 15), ...canaries, ...syntheticPlaintiffs(30, 77).slice(15)]);
    const canaryEntries = added.slice(15, 15 + CANARIES.length);

    expect(vault.plaintiffs.reveal(caseId, canaryEntries[0]!.id).legalName).toBe(CANARIES[0]);
    expect(vault.plaintiffs.sealedRoster(caseId).map((p) => p.legalName)).toEqual(expect.arrayContaining([...CANARIES]));
    expect(vault.plaintiffs.findDuplicates({ legalName: fold(CANARIES[1]) })).toHaveLength(1);
    const backupDir = join(privateTmp, 'backups');
    mkdirSync(backupDir);
    const backup = join(backupDir, 'backup.doevault');
    await vault.vault.backup(backup);
    vault.vault.changePassphrase(PASSPHRASE, 'a different passphrase entirely');
    vault.plaintiffs.withdraw(caseId, { pseudonym: canaryEntries[1]!.pseudonym });

    // While the vault is open: its write-ahead log and shared memory hold recent pages.
    const openFiles = filesUnder(dir);
    expect(openFiles.map((file) => relative(dir, file)).sort()).toEqual(['vault.doevault', 'vault.doevault-shm', 'vault.doevault-wal']);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    expect(findCanaries(openFiles)).toEqual([]);

    vault.vault.lock();
    vault.close();

    const reopened = await VaultService.open(path);
    reopened.vault.unlock('a different passphrase entirely');
    expect(reopened.plaintiffs.roster(caseId)[16]).toMatchObject({ status: 'withdrawn' });
    reopened.close();

    const written = filesUnder(privateTmp);
    expect(written).toEqual(expect.arrayContaining([path, backup]));
    expect(findCanaries(written)).toEqual([]);
    // The session left no other file behind (no stray temporary copies or journals).
    expect(readdirSync(privateTmp).sort()).toEqual(['backups', relative(privateTmp, dir)].sort());
  });
});

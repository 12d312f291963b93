import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKeypair } from '../../../../src-main/core/export/sealed-package';
import { desktop, withCase, type Desktop } from './desktop';

const READY = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} was followed home.' };
const PACKAGE_PASSPHRASE = 'lantern meadow copper ninety';
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('packages:* handlers over a real vault', () => {
  let d: Desktop;
  let caseId: string;

  beforeEach(async () => {
    d = await desktop();
    caseId = await withCase(d);
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('a passphrase package: exported with the filing, opened into a folder chosen in main, Show in folder', async () => {
    d.answers.chooseExportFolder = join(d.dir, 'export');
    const report = await d.value('filings:export', { caseId, filing: READY, docx: false, package: { kind: 'passphrase', passphrase: PACKAGE_PASSPHRASE } });
    expect(report?.status).toBe('exported');
    const packagePath = join(d.dir, 'export', 'sealed.doesealed');
    expect(existsSync(packagePath)).toBe(true);

    // Cancelled at any dialog: null, nothing written.
    expect(await d.value('packages:open', { secret: { kind: 'passphrase', passphrase: PACKAGE_PASSPHRASE } })).toBeNull();
    d.answers.chooseSealedPackage = packagePath;
    expect(await d.value('packages:open', { secret: { kind: 'passphrase', passphrase: PACKAGE_PASSPHRASE } })).toBeNull();

    d.answers.chooseSealedPackage = packagePath;
    d.answers.choosePackageDestination = join(d.dir, 'opened-wrong');
    expect(await d.call('packages:open', { secret: { kind: 'passphrase', passphrase: 'not the right passphrase' } })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(existsSync(join(d.dir, 'opened-wrong', 'sealed.pdf'))).toBe(false);

    d.answers.chooseSealedPackage = packagePath;
    d.answers.choosePackageDestination = join(d.dir, 'opened');
    d.events.length = 0;
    const opened = await d.value('packages:open', { secret: { kind: 'passphrase', passphrase: PACKAGE_PASSPHRASE } });
    expect(opened!.folder).toBe(join(d.dir, 'opened'));
    expect(opened!.files.map((f) => f.name)).toEqual(['sealed.pdf', 'declaration-of-identities.pdf', 'manifest.json']);
    for (const file of opened!.files) expect(file.sha256).toBe(sha256(join(d.dir, 'export', file.name)));
    expect(readdirSync(join(d.dir, 'opened')).sort()).toEqual(['declaration-of-identities.pdf', 'manifest.json', 'sealed.pdf']);
    expect(d.events.map((e) => (e.payload as { operation: string }).operation)).toEqual(['Opening the sealed package', 'Opening the sealed package']);

    expect(await d.value('packages:showInFolder', {})).toEqual({ shown: true });
    expect(d.shown).toEqual([join(d.dir, 'opened', 'sealed.pdf')]);

    // Never over files already there.
    d.answers.chooseSealedPackage = packagePath;
    d.answers.choosePackageDestination = join(d.dir, 'opened');
    expect(await d.call('packages:open', { secret: { kind: 'passphrase', passphrase: PACKAGE_PASSPHRASE } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('a package sealed to a recipient key: the .pub chosen in main, its fingerprint shown; opened with the .key chosen in main', async () => {
    const { publicKeyPath, secretKeyPath } = await writeKeypair(join(d.dir, 'clerk'));
    expect(await d.value('packages:chooseRecipientKey', {})).toBeNull();
    d.answers.chooseRecipientKey = secretKeyPath; // the wrong kind of file
    expect(await d.call('packages:chooseRecipientKey', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    d.answers.chooseRecipientKey = publicKeyPath;
    const key = await d.value('packages:chooseRecipientKey', {});
    const keyLine = readFileSync(publicKeyPath, 'utf8').split('\n')[1]!;
    expect(key).toEqual({ fileName: 'clerk.pub', fingerprint: keyLine.slice(0, 9) });

    d.answers.chooseExportFolder = join(d.dir, 'export');
    expect((await d.value('filings:export', { caseId, filing: READY, docx: false, package: { kind: 'recipient-key' } }))?.status).toBe('exported');

    d.answers.chooseSealedPackage = join(d.dir, 'export', 'sealed.doesealed');
    d.answers.chooseSecretKey = secretKeyPath;
    d.answers.choosePackageDestination = join(d.dir, 'opened');
    const opened = await d.value('packages:open', { secret: { kind: 'secret-key' } });
    expect(opened!.files.map((f) => f.name)).toEqual(['sealed.pdf', 'declaration-of-identities.pdf', 'manifest.json']);
    expect(d.asked.slice(-3)).toEqual(['chooseSealedPackage', 'chooseSecretKey', 'choosePackageDestination']);
  });

  it('the chosen recipient key is forgotten on lock and on request', async () => {
    const { publicKeyPath } = await writeKeypair(join(d.dir, 'clerk'));
    d.answers.chooseRecipientKey = publicKeyPath;
    await d.value('packages:chooseRecipientKey', {});
    expect(d.session.recipientKey).toBeDefined();
    expect(await d.value('packages:clearRecipientKey', {})).toEqual({ cleared: true });
    expect(d.session.recipientKey).toBeUndefined();
    d.answers.chooseRecipientKey = publicKeyPath;
    await d.value('packages:chooseRecipientKey', {});
    await d.value('vault:lock', {});
    expect(d.session.recipientKey).toBeUndefined();
  });
});

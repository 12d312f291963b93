import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../src-main/core/crypto';
import { isVaultError } from '../../../../src-main/core/errors';
import { ExportAnswers } from '../../../../src-main/core/export/answers';
import { manifestOnDisk } from '../../../../src-main/core/export/manifest';
import { buildSetManifest, type SetFileFacts } from '../../../../src-main/core/export/set-manifest';
import type { Verification } from '../../../../src-main/core/export/verification';

const written = (name: string, content: string) => ({ name, sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length });
const FILES = [written('motion.pdf', 'motion'), written('declaration-of-identities.pdf', 'identities'), written('motion.docx', 'word')];
const TITLE = "Notice of Motion and Motion for Leave to Proceed Under Pseudonyms and to File Plaintiffs' Identities Under Seal";
const FACTS = new Map<string, SetFileFacts>([
  ['motion.pdf', { role: 'public', title: TITLE, labels: [] }],
  ['motion.docx', { role: 'public', title: TITLE, labels: [] }],
  ['declaration-of-identities.pdf', { role: 'lodged', title: 'Declaration of Identities', labels: ['CONDITIONALLY UNDER SEAL'] }],
]);
const VERIFICATION: Verification = { result: 'passed', scanned: ['motion.pdf', 'motion.docx'], identities: 3, hits: [], cleared: 2, sealedComplete: true };

describe('the sealing set’s manifest', () => {
  let answers: ExportAnswers;
  beforeAll(async () => {
    await initCrypto();
    answers = new ExportAnswers(new Uint8Array(32).fill(9));
  });

  const build = (facts: ReadonlyMap<string, SetFileFacts> = FACTS) =>
    buildSetManifest({
      caseCaption: { title: 'Does v. Harbor City', court: 'Superior Court', number: '26STCV04410' },
      set: { court: 'ca-sup-los-angeles', format: 'california', plaintiffs: 3 },
      createdAt: '2026-03-07T10:00:00.000Z',
      files: FILES,
      facts,
      verification: VERIFICATION,
      clearedHashes: ['b'.repeat(64), 'a'.repeat(64), 'b'.repeat(64)],
      authenticate: (m) => answers.authenticate(m),
    });

  it('lists every file written, in order, with its role, title, labels, size and SHA-256', () => {
    const manifest = build();
    // Nothing beyond the public caption, titles, labels, hashes and counts: the manifest goes into the package and beside the public papers.
    expect(Object.keys(manifest)).toEqual(['format', 'case', 'set', 'createdAt', 'files', 'verification', 'answers', 'authentication']);
    expect(manifest.format).toBe('doevault-sealing-set/1');
    expect(manifest.files).toEqual([
      { name: 'motion.pdf', role: 'public', title: TITLE, labels: [], sha256: FILES[0]!.sha256, bytes: 6 },
      { name: 'declaration-of-identities.pdf', role: 'lodged', title: 'Declaration of Identities', labels: ['CONDITIONALLY UNDER SEAL'], sha256: FILES[1]!.sha256, bytes: 10 },
      { name: 'motion.docx', role: 'public', title: TITLE, labels: [], sha256: FILES[2]!.sha256, bytes: 4 },
    ]);
    expect(manifest.set).toEqual({ court: 'ca-sup-los-angeles', format: 'california', plaintiffs: 3 });
    expect(manifest.verification).toEqual({ result: 'passed', scanned: ['motion.pdf', 'motion.docx'], identitiesChecked: 3, hits: 0, clearedByUser: 2, sealedNamesPresent: true });
    expect(manifest.answers.notAPlaintiff).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
  });

  it('is authenticated like an export’s, and read back by verify: a role or a hash changed by hand is not authentic', () => {
    const onDisk = JSON.parse(JSON.stringify(build())) as ReturnType<typeof build>;
    expect(answers.isAuthentic(onDisk)).toBe(true);
    const parsed = manifestOnDisk.parse(onDisk);
    expect(parsed.files.map((f) => [f.name, f.role])).toEqual([
      ['motion.pdf', 'public'],
      ['declaration-of-identities.pdf', 'lodged'],
      ['motion.docx', 'public'],
    ]);
    // A public paper passed off as lodged would be reported as "sealed by design" instead of checked.
    const changed = (files: typeof onDisk.files): typeof onDisk => ({ ...onDisk, files });
    expect(answers.isAuthentic(changed(onDisk.files.map((f) => (f.name === 'motion.pdf' ? { ...f, role: 'lodged' as const } : f))))).toBe(false);
    expect(answers.isAuthentic(changed(onDisk.files.map((f) => ({ ...f, sha256: '0'.repeat(64) }))))).toBe(false);
    expect(new ExportAnswers(new Uint8Array(32).fill(8)).isAuthentic(onDisk)).toBe(false);
  });

  it('refuses a written file it has no role for: a set never lists a file without saying what it is', () => {
    let error: unknown;
    try {
      build(new Map([...FACTS].filter(([name]) => name !== 'motion.docx')));
    } catch (caught) {
      error = caught;
    }
    expect(isVaultError(error, 'INTERNAL')).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../src-main/core/documents';
import { addCase, addPlaintiff, expectFailure, initVault, okJson, runCli, sandbox, writePdf, type CliVault, type Sandbox } from './helpers';

/**
 * Issue 12, item 8: bookmarks, the title in the metadata and PDF/A-2b (`--pdfa`), from the
 * built CLI; and a name hidden in a bookmark is caught by `verify`.
 */
const DRAFT = `---
court: ca-sup-los-angeles
caseNumber: 26STCV00808
title: Complaint for Damages
---

## PARTIES

1. Plaintiffs bring this action.

### Facts as to {{Jane Doe 1}}

2. {{Jane Doe 1}} is an officer of the department.

## FIRST CAUSE OF ACTION

3. Plaintiffs reallege paragraphs 1 and 2.
`;

const FILES = ['public.pdf', 'sealed.pdf', 'declaration-of-identities.pdf'] as const;

describe('export: bookmarks, metadata and --pdfa', () => {
  let box: Sandbox;
  let vault: CliVault;
  let caseId: string;
  const name = 'Marisol Okonkwo-Baptiste';

  beforeAll(async () => {
    box = sandbox();
    vault = await initVault(box.path('v.doevault'));
    caseId = await addCase(vault, '--title', 'Does v. Harbor City');
    await addPlaintiff(vault, caseId, '--name', name, '--gender', 'female');
    writeFileSync(box.path('draft.md'), DRAFT);
    for (const [folder, extra] of [['archival', ['--pdfa']], ['plain', []]] as const) {
      const report = await okJson<{ status: string }>([...vault.auth, 'export', '--case', caseId, '--in', box.path('draft.md'), '--out', box.path(folder), ...extra]);
      expect(report.status).toBe('exported');
    }
  });
  afterAll(() => box.cleanup());

  const outline = async (file: string) => {
    const { metadata } = await pdfText(new Uint8Array(readFileSync(file)));
    return metadata;
  };

  it('bookmarks the headings of each version in its own text: the pseudonym in public, the name under seal', async () => {
    const publicMarks = await outline(box.path('plain/public.pdf'));
    expect(publicMarks).toEqual(expect.arrayContaining(['PARTIES', 'Facts as to Jane Doe 1', 'FIRST CAUSE OF ACTION']));
    expect(publicMarks.join('\n')).not.toContain('Okonkwo');
    const sealed = (await outline(box.path('plain/sealed.pdf'))).find((title) => title.startsWith('Facts as to'));
    expect(sealed).toContain(name);
  });

  it('titles every PDF with the document title, never a person, and shows it as the window title', () => {
    for (const file of FILES) {
      const info = execFileSync('pdfinfo', [box.path(`plain/${file}`)], { encoding: 'utf8' });
      // The declaration is its own paper: its own title (no counsel in this draft, so "Counsel").
      const title = file === 'declaration-of-identities.pdf' ? 'Declaration of Counsel Identifying Plaintiffs Proceeding Under Pseudonyms' : 'Complaint for Damages';
      expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'));
      expect(info).toMatch(/^Creator:\s+DoeVault$/m);
      expect(info).not.toMatch(/^Author:/m);
      expect(readFileSync(box.path(`plain/${file}`)).toString('latin1')).toContain('/DisplayDocTitle true');
    }
  });

  it('--pdfa writes every PDF as PDF/A-2b with embedded fonts; without it none claims PDF/A', () => {
    for (const file of FILES) {
      const bytes = readFileSync(box.path(`archival/${file}`)).toString('latin1');
      expect(bytes, file).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(bytes, file).toContain('/S /GTS_PDFA1');
      expect(bytes, file).not.toContain('/Encrypt');
      const fonts = execFileSync('pdffonts', [box.path(`archival/${file}`)], { encoding: 'utf8' }).split('\n').slice(2).filter((row) => row.trim() !== '');
      for (const row of fonts) expect(row, `${file}: ${row}`).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
      expect(readFileSync(box.path(`plain/${file}`)).toString('latin1'), file).not.toContain('pdfaid');
    }
  });

  it('the PDF/A files verify as the export verified them', async () => {
    const publicCheck = await runCli([...vault.auth, 'verify', '--case', caseId, box.path('archival/public.pdf')]);
    expect(publicCheck.code, publicCheck.stdout + publicCheck.stderr).toBe(0);
    for (const file of ['sealed.pdf', 'declaration-of-identities.pdf']) {
      const result = await runCli([...vault.auth, 'verify', '--case', caseId, box.path(`archival/${file}`)]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('sealed version');
    }
  });

  it('verify finds a name that is only in a bookmark (exit 3, "metadata")', async () => {
    const file = box.path('bookmarked.pdf');
    await writePdf(file, (doc) => {
      doc.fontSize(12).text('Plaintiffs allege as follows.', 72, 72);
      doc.outline.addItem('Exhibits').addItem(`Declaration of ${name}`);
    });
    const found = await runCli([...vault.auth, 'verify', '--case', caseId, file]);
    expectFailure(found, 3, undefined);
    expect(found.stdout).toMatch(/bookmarked\.pdf \(metadata\).*Jane Doe 1/);
  });
});

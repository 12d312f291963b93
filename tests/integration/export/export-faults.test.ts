import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../src-main/core/documents';
import { ExportAnswers } from '../../../src-main/core/export/answers';
import { exportFiling, type ExportRequest } from '../../../src-main/core/export/export-filing';
import { ExportJournal } from '../../../src-main/core/export/export-staging';
import { defaultFontsDir } from '../../../src-main/core/export/fonts-dir';
import { Clearances } from '../../../src-main/core/export/verification';
import type { Block } from '../../../src-main/core/filings/document';
import { parseFilingInput } from '../../../src-main/core/filings/filing-input';
import { renderFiling } from '../../../src-main/core/filings/render';
import { LeakScanner } from '../../../src-main/core/scan';
import type { VaultService } from '../../../src-main/core/service';
import { codeOf, sha256 } from '../../fixtures/checks';
import { tempVault } from '../../fixtures/temp-vault';

// Invented people.
const MARIA = { legalName: 'Maria Elena Ramírez', gender: 'female', email: 'maria.ramirez@example.org' } as const;
const LUKASZ = { legalName: 'Łukasz Wiśniewski', gender: 'male' } as const;

describe('export: bad input and faults leave nothing half-written', () => {
  let vault: VaultService;
  let dir: string;
  let cleanup: () => void;
  let caseId: string;
  const good = { title: 'Complaint for Damages', body: 'Plaintiff {{Jane Doe 1}} and {{John Doe 2}} sue.' };

  beforeAll(async () => {
    ({ vault, dir, cleanup } = await tempVault());
    caseId = vault.cases.create({ title: 'Does v. Courier', court: 'Superior Court', number: 'MCV-1' }).id;
    vault.plaintiffs.addMany(caseId, [MARIA, LUKASZ]);
  });
  afterAll(() => cleanup());

  const folder = (name: string) => join(dir, name);

  it('a token for an unknown pseudonym: VALIDATION naming it, no folder made', async () => {
    const out = folder('unknown-token');
    await expect(vault.filings.export(caseId, { ...good, body: 'By {{Jane Doe 9}}.' }, { destination: out })).rejects.toThrow(/\{\{Jane Doe 9\}\} names no plaintiff/);
    expect(existsSync(out)).toBe(false);
  });

  it('an empty draft: VALIDATION, nothing written', async () => {
    const out = folder('empty');
    expect(await codeOf(() => vault.filings.export(caseId, { ...good, body: '  \n ' }, { destination: out }))).toBe('VALIDATION');
    expect(existsSync(out)).toBe(false);
  });

  it('a folder that already holds an export: CONFLICT, its files untouched', async () => {
    const out = folder('taken');
    mkdirSync(out);
    writeFileSync(join(out, 'public.pdf'), 'an earlier export');
    const before = sha256(join(out, 'public.pdf'));
    expect(await codeOf(() => vault.filings.export(caseId, good, { destination: out }))).toBe('CONFLICT');
    expect(readdirSync(out)).toEqual(['public.pdf']);
    expect(sha256(join(out, 'public.pdf'))).toBe(before);
  });

  it('a destination that cannot be a folder: VALIDATION with the reason', async () => {
    const file = folder('a-file');
    writeFileSync(file, 'x');
    await expect(vault.filings.export(caseId, good, { destination: file })).rejects.toThrow(/is a file, not a folder/);
    await expect(vault.filings.export(caseId, good, { destination: join(file, 'below') })).rejects.toThrow(/Cannot write to .* \(ENOTDIR\)/);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission: VALIDATION', async () => {
    const out = folder('read-only');
    mkdirSync(out);
    chmodSync(out, 0o500);
    expect(await codeOf(() => vault.filings.export(caseId, good, { destination: out }))).toBe('VALIDATION');
    chmodSync(out, 0o700);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a good export writes exactly the files asked for, private, with the hashes it reports', async () => {
    const out = folder('good');
    const report = await vault.filings.export(caseId, good, { destination: out, docx: true, package: { passphrase: 'a long one-time package passphrase' } });
    expect(report.status).toBe('exported');
    if (report.status !== 'exported') return;
    expect(readdirSync(out).sort()).toEqual(['declaration-of-identities.docx', 'declaration-of-identities.pdf', 'manifest.json', 'public.docx', 'public.pdf', 'sealed.docx', 'sealed.doesealed', 'sealed.pdf']);
    for (const file of report.files) expect(sha256(join(out, file.name))).toBe(file.sha256);
    expect(report.manifest.files.map((f) => f.name)).toEqual(['public.pdf', 'sealed.pdf', 'declaration-of-identities.pdf', 'public.docx', 'sealed.docx', 'declaration-of-identities.docx']);
    expect(report.verification).toMatchObject({ result: 'passed', hits: [], identities: 2, sealedComplete: true });
    expect(vault.audit.list().at(-1)).toMatchObject({ action: 'filing.exported', details: { caseId, files: 8, cited: 2, declared: 2 } });
  });

  it('a 500-page draft exports whole: every page there, nothing lost', async () => {
    const out = folder('long');
    const paragraph = (i: number) => `${i}. Plaintiff {{Jane Doe 1}} and {{John Doe 2}} state the facts of paragraph ${i}, which runs long enough to fill several lines of pleading paper on its own, as paragraphs of a long complaint do.`;
    const body = Array.from({ length: 4700 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const report = await vault.filings.export(caseId, { title: 'Complaint for Damages', body }, { destination: out });
    expect(report.status).toBe('exported');
    const text = await pdfText(new Uint8Array(readFileSync(join(out, 'public.pdf'))));
    expect((text.pageStarts?.length ?? 0) + 1).toBeGreaterThanOrEqual(500);
    expect(text.text).toContain('paragraph 4700,');
  }, 180_000);

  describe('the verifier is the last line: a public file that names someone is never left behind', () => {
    const scanner = () =>
      LeakScanner.build([
        { plaintiffId: 'p1', caseId: 'c', pseudonym: 'Jane Doe 1', legalName: MARIA.legalName, aliases: [], email: MARIA.email, idNumbers: [] },
        { plaintiffId: 'p2', caseId: 'c', pseudonym: 'John Doe 2', legalName: LUKASZ.legalName, aliases: [], idNumbers: [] },
      ]);
    const request = (destination: string, details: Record<string, unknown>): ExportRequest => {
      const s = scanner();
      return {
        // Rendered without the checks an export makes first: as if a bug let a name through.
        renders: renderFiling(parseFilingInput({ title: 'Complaint', ...details }), {
          caseDetails: { title: 'Does v. Courier', scheme: { kind: 'gendered' } },
          plaintiffs: [],
          now: '2026-11-22T10:00:00.000Z',
        }),
        caseCaption: { title: 'Does v. Courier' },
        destination,
        docx: true,
        fontsDir: defaultFontsDir(),
        scan: (source) => s.scan(source),
        identities: 2,
        clearances: new Clearances([]),
        answers: new ExportAnswers(new Uint8Array(32).fill(7)),
        journal: new ExportJournal(join(dir, 'staging')),
      };
    };

    it('a name in the body: leak-found with file, page and line; nothing written', async () => {
      const out = folder('leak-body');
      const outcome = await exportFiling(request(out, { body: 'Intro.\n\nLater, Łukasz Wiśniewski testified.' }));
      expect(outcome.status).toBe('leak-found');
      const hits = outcome.verification.hits;
      expect(hits.map((h) => [h.file, h.kind, h.pseudonyms])).toEqual([
        ['public.pdf', 'full-name', ['John Doe 2']],
        ['public.docx', 'full-name', ['John Doe 2']],
      ]);
      expect(hits[0]!.page).toBe(1);
      expect(readdirSync(out)).toEqual([]);
    });

    it('a name only in the metadata title: found there too', async () => {
      const out = folder('leak-metadata');
      const req = request(out, { body: 'Text.' });
      req.renders.public.metadataTitle = 'Declaration of Maria Elena Ramírez';
      const outcome = await exportFiling(req);
      expect(outcome.status).toBe('leak-found');
      expect([...new Set(outcome.verification.hits.map((h) => h.file))].sort()).toEqual(['manifest.json', 'public.docx', 'public.pdf (metadata)']);
      expect(readdirSync(out)).toEqual([]);
    });

    it('a sealed version or reference list missing a withheld text stops the export as a defect; nothing written (issue 13)', async () => {
      const body = 'Serial {{redacted|SN-4471-QX}} and phone {{redacted|(555) 010-0199}}.';
      const lost = (block: Block): Block => (block.type === 'paragraph' ? { ...block, runs: block.runs.filter((run) => !run.withheld?.ref.endsWith('-2]')) } : block);
      const sealedLoses = request(folder('lost-sealed'), { body });
      sealedLoses.renders.sealed.blocks = sealedLoses.renders.sealed.blocks.map(lost);
      const listLoses = request(folder('lost-list'), { body });
      const list = listLoses.renders.referenceList!;
      listLoses.renders.referenceList = (locations) => ({ ...list(locations), blocks: list(locations).blocks.slice(0, 1) });
      for (const req of [sealedLoses, listLoses]) {
        expect(await codeOf(() => exportFiling(req))).toBe('INTERNAL');
        expect(readdirSync(req.destination)).toEqual([]);
      }
      // Untouched, the same filing exports with its reference list (a redacted dash, no word in it, too).
      const whole = request(folder('whole'), { body: `${body} Then {{redacted|—}}.` });
      expect((await exportFiling(whole)).status).toBe('exported');
      expect(readdirSync(whole.destination)).toContain('reference-list.pdf');
    });

    it('a file that appears in the folder while exporting: CONFLICT, and ours are taken back', async () => {
      const out = folder('race');
      const req = request(out, { body: 'Nothing to see.' });
      req.onProgress = (step) => {
        if (step.startsWith('Moving')) writeFileSync(join(out, 'manifest.json'), 'someone else');
      };
      expect(await codeOf(() => exportFiling(req))).toBe('CONFLICT');
      expect(readdirSync(out)).toEqual(['manifest.json']);
    });
  });
});

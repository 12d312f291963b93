import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../../src-preload/contract';
import { desktop, withCase, type Desktop } from './desktop';

const DRAFT = 'Plaintiff Maria Elena Ramírez was followed home.\nCastellanos saw it happen.\n';

describe('filings:* handlers over a real vault', () => {
  let d: Desktop;
  let caseId: string;

  beforeEach(async () => {
    d = await desktop();
    caseId = await withCase(d);
  });
  afterEach(async () => {
    await d.dispose();
  });

  it('create, list, get, update and delete; the list carries no body', async () => {
    const created = await d.value('filings:create', { caseId, filing: { title: 'Complaint', documentType: 'Complaint', body: 'Draft of {{Jane Doe 1}}.' } });
    expect(created).toMatchObject({ title: 'Complaint', format: 'california', details: { body: 'Draft of {{Jane Doe 1}}.', keyFields: [], labels: {} } });
    const list = await d.value('filings:list', { caseId });
    expect(list).toEqual([{ id: created.id, title: 'Complaint', documentType: 'Complaint', format: 'california', createdAt: created.createdAt, updatedAt: created.updatedAt }]);
    const updated = await d.value('filings:update', { caseId, filingId: created.id, filing: { title: 'Complaint', body: 'Second', format: 'federal', orderDate: '' } });
    expect(updated.details).toMatchObject({ body: 'Second', format: 'federal' });
    expect(updated.details.orderDate).toBeUndefined();
    expect((await d.value('filings:get', { caseId, filingId: created.id })).details.body).toBe('Second');
    expect(await d.value('filings:delete', { caseId, filingId: created.id })).toEqual({ deleted: true });
    expect(await d.call('filings:get', { caseId, filingId: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await d.call('filings:create', { caseId, filing: { title: ' ', body: '' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'title' } });
  });

  it('scan: each mention with what DoeVault does with it, whom it may name by pseudonym, and whether "not a plaintiff" is allowed', async () => {
    const findings = await d.value('filings:scan', { caseId, text: DRAFT });
    expect(findings.map((f) => [f.text, f.kind, f.action, f.canClear])).toEqual([
      ['Maria Elena Ramírez', 'full-name', { kind: 'plaintiff', pseudonym: 'Jane Doe 1' }, false],
      ['Castellanos', 'surname', { kind: 'ask', why: 'several' }, true],
    ]);
    expect(findings[1]!.targets.map((t) => t.pseudonym).sort()).toEqual(['Jane Doe 2', 'John Doe 3']);
    expect(findings[1]!.line).toBe(2);
    // Nothing about the people beyond the draft's own words.
    expect(JSON.stringify(findings)).not.toMatch(/Zoë|Roberto|example\.org/);
    expect(d.events).toEqual([]); // typing is not announced as a long operation
  });

  it('importDraft: the file is chosen in main (the renderer names none); cancelled is null; names become tokens', async () => {
    expect(await d.value('filings:importDraft', { caseId })).toBeNull();
    expect(d.asked).toEqual(['chooseDraftToImport']);
    const file = join(d.dir, 'complaint.md');
    writeFileSync(file, `# Complaint\n\n${DRAFT}`);
    d.answers.chooseDraftToImport = file;
    const imported = await d.value('filings:importDraft', { caseId });
    expect(imported).toMatchObject({ fileName: 'complaint.md', converted: 1 });
    expect(imported!.text).toContain('Plaintiff {{Jane Doe 1}} was followed home.');
    expect(imported!.questions.map((q) => q.text)).toEqual(['Castellanos']);
    expect(JSON.stringify(imported)).not.toContain(d.dir);
    expect(d.events.map((e) => e.payload)).toEqual([
      { operation: 'Importing the draft', done: 0, total: null },
      { operation: 'Importing the draft', done: 1, total: 1 },
    ]);
    expect(await d.call('filings:importDraft', { caseId, path: file } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('importDraft refuses while locked before any dialog opens', async () => {
    await d.value('vault:lock', {});
    expect(await d.call('filings:importDraft', { caseId })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(d.asked).toEqual([]);
  });

  it('resolve: a plaintiff, a redaction, "not a plaintiff"; refuses stale offsets and "not a plaintiff" on a full name', async () => {
    const text = 'Castellanos met Maria Elena Ramírez.';
    const [surname, full] = await d.value('filings:scan', { caseId, text });
    const at = (f: typeof surname) => ({ start: f!.start, end: f!.end });
    expect(await d.value('filings:resolve', { caseId, text, ...at(surname), choice: { kind: 'plaintiff', pseudonym: 'John Doe 3' } })).toEqual({
      text: '{{John Doe 3|Castellanos}} met Maria Elena Ramírez.',
    });
    expect((await d.value('filings:resolve', { caseId, text, ...at(surname), choice: { kind: 'redact' } })).text).toBe('{{redacted|Castellanos}} met Maria Elena Ramírez.');
    expect((await d.value('filings:resolve', { caseId, text, ...at(surname), choice: { kind: 'not-a-plaintiff' } })).text).toBe(
      '{{not a plaintiff|Castellanos}} met Maria Elena Ramírez.',
    );
    expect(await d.call('filings:resolve', { caseId, text: `x${text}`, ...at(surname), choice: { kind: 'redact' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await d.call('filings:resolve', { caseId, text, ...at(full), choice: { kind: 'not-a-plaintiff' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('check: the body as the export reads it (unambiguous names made tokens) and the questions, caption fields included', async () => {
    const checked = await d.value('filings:check', { caseId, filing: { title: 'Complaint of Castellanos', body: DRAFT } });
    expect(checked.converted).toBe(1);
    expect(checked.body).toBe('Plaintiff {{Jane Doe 1}} was followed home.\nCastellanos saw it happen.');
    expect(checked.questions.map((q) => [q.field, q.text, q.line])).toEqual([
      ['body', 'Castellanos', 2],
      ['title', 'Castellanos', 1],
    ]);
    const q = checked.questions[0]!;
    expect(checked.body.slice(q.start, q.end)).toBe('Castellanos');
  });

  it('defaultLabels: the court rules computed in main, with and without a sealing order; a bad date is refused', async () => {
    expect(await d.value('filings:defaultLabels', { format: 'federal' })).toEqual({
      public: ['REDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED'],
      sealed: ['UNREDACTED VERSION OF DOCUMENT SOUGHT TO BE SEALED'],
      lodged: ['[PROPOSED] FILED UNDER SEAL', 'DOCUMENT SOUGHT TO BE SEALED IN ITS ENTIRETY'],
    });
    const ordered = await d.value('filings:defaultLabels', { format: 'california', orderDate: '2026-03-07' });
    expect(ordered.sealed).toEqual(['FILED UNDER SEAL PURSUANT TO ORDER OF THE COURT DATED MARCH 7, 2026']);
    expect(ordered.lodged).toEqual(ordered.sealed);
    const conditional = await d.value('filings:defaultLabels', { format: 'california', orderDate: '' });
    expect(conditional.sealed[0]).toBe('CONDITIONALLY UNDER SEAL');
    expect(conditional.lodged[0]).toBe('CONDITIONALLY LODGED UNDER SEAL');
    expect(await d.call('filings:defaultLabels', { format: 'california', orderDate: '2026-13-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('preview: the public version prints pseudonyms; the sealed one names the plaintiff, marks what the public one withheld, and is audited', async () => {
    const filing = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} sued.' };
    const pub = await d.value('filings:preview', { caseId, filing, audience: 'public' });
    expect(JSON.stringify(pub)).not.toContain('Ramírez');
    // Nothing redacted: no "PUBLIC — REDACTS…" label on the public version.
    expect(pub.labels).toEqual([]);
    const redacting = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} sued from {{redacted|12 Quill Lane}}.' };
    const redacted = await d.value('filings:preview', { caseId, filing: redacting, audience: 'public' });
    expect(redacted.labels).toEqual(['PUBLIC — REDACTS MATERIALS FROM CONDITIONALLY SEALED RECORD']);
    expect(JSON.stringify(redacted.blocks)).toContain('sued from [REDACTED-1].');
    const sealed = await d.value('filings:preview', { caseId, filing: redacting, audience: 'sealed' });
    expect(JSON.stringify(sealed.blocks)).toContain('Maria Elena Ramírez');
    expect(sealed.blocks[0]).toMatchObject({ type: 'paragraph', runs: [{}, { text: '12 Quill Lane', withheld: { ref: '[REDACTED-1]', mark: 'highlight' } }, { text: '.' }] });
    const log = await d.value('audit:list', {});
    expect(log.filter((e) => e.action === 'filing.previewed')).toHaveLength(1);
  });

  it('preview of the declaration: every plaintiff by default, the set the filing names otherwise, the signature its declarant’s; audited', async () => {
    const filing = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} sued.' };
    const rows = (doc: ChannelOutput<'filings:preview'>) =>
      doc.blocks.flatMap((block) => (block.type === 'table' ? block.rows.map((row) => row[0]!.map((run) => run.text).join('')) : []));
    const all = await d.value('filings:preview', { caseId, filing, audience: 'declaration' });
    expect(all.audience).toBe('declaration');
    expect(rows(all)).toEqual(['Jane Doe 1', 'Jane Doe 2', 'John Doe 3']);
    expect(all.blocks.at(-1)).toMatchObject({ type: 'signature', signature: { declarant: true } });
    const cited = await d.value('filings:preview', { caseId, filing: { ...filing, identities: 'cited' }, audience: 'declaration' });
    expect(rows(cited)).toEqual(['Jane Doe 1']);
    const listed = await d.value('filings:preview', { caseId, filing: { ...filing, identities: ['John Doe 3'] }, audience: 'declaration' });
    expect(rows(listed)).toEqual(['John Doe 3']);
    expect(await d.call('filings:preview', { caseId, filing: { ...filing, identities: 'some' }, audience: 'declaration' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await d.call('filings:preview', { caseId, filing: { ...filing, identities: ['Jane Doe 99'] }, audience: 'declaration' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'identities' },
    });
    const log = await d.value('audit:list', {});
    expect(log.filter((e) => e.action === 'filing.previewed').map((e) => e.details.version)).toEqual(['declaration', 'declaration', 'declaration']);
  });

  describe('export', () => {
    const ready = { title: 'Complaint', body: 'Plaintiff {{Jane Doe 1}} was followed home by {{redacted|Castellanos}}.' };

    it('with questions open it asks for no folder and writes nothing', async () => {
      const report = await d.value('filings:export', { caseId, filing: { title: 'Complaint', body: DRAFT }, docx: false, package: { kind: 'none' } });
      expect(report).toMatchObject({ status: 'needs-resolution', questions: [{ text: 'Castellanos', canClear: true }] });
      expect(report && 'body' in report ? report.body : '').toContain('{{Jane Doe 1}}');
      expect(d.asked).toEqual([]);
    });

    it('a short package passphrase, or a recipient key not chosen, is refused before the folder dialog', async () => {
      expect(await d.call('filings:export', { caseId, filing: ready, docx: false, package: { kind: 'passphrase', passphrase: 'short' } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field: 'passphrase' },
      });
      expect(await d.call('filings:export', { caseId, filing: ready, docx: false, package: { kind: 'recipient-key' } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field: 'package' },
      });
      expect(d.asked).toEqual([]);
    });

    it('pdfa: true writes PDF/A-2b PDFs; left out, the export is an ordinary PDF; not a boolean, refused', async () => {
      const claims = async (name: string, pdfa?: boolean) => {
        const folder = join(d.dir, 'exports', name);
        d.answers.chooseExportFolder = folder;
        const report = await d.value('filings:export', { caseId, filing: ready, docx: false, ...(pdfa === undefined ? {} : { pdfa }), package: { kind: 'none' } });
        expect(report?.status).toBe('exported');
        return ['public.pdf', 'sealed.pdf', 'declaration-of-identities.pdf'].map((file) => readFileSync(join(folder, file), 'latin1').includes('<pdfaid:part>2</pdfaid:part>'));
      };
      expect(await claims('archival', true)).toEqual([true, true, true]);
      expect(await claims('default')).toEqual([false, false, false]);
      expect(await d.call('filings:export', { caseId, filing: ready, docx: false, pdfa: 'yes' as unknown as boolean, package: { kind: 'none' } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    });

    it('cancelled folder dialog: null, nothing written', async () => {
      expect(await d.value('filings:export', { caseId, filing: ready, docx: false, package: { kind: 'none' } })).toBeNull();
      expect(d.asked).toEqual(['chooseExportFolder']);
    });

    it('writes into the chosen folder, reports each file with its SHA-256, shows it in the file manager, and refuses the same folder again', async () => {
      const folder = join(d.dir, 'exports', 'complaint');
      d.answers.chooseExportFolder = folder;
      d.events.length = 0;
      const report = (await d.value('filings:export', { caseId, filing: ready, docx: true, package: { kind: 'none' } })) as Extract<
        ChannelOutput<'filings:export'>,
        { status: 'exported' }
      >;
      expect(report.status).toBe('exported');
      expect(report.folder).toBe(folder);
      expect(report.files.map((f) => `${f.name} ${f.role}`)).toEqual([
        'public.pdf public',
        'sealed.pdf sealed',
        'declaration-of-identities.pdf lodged',
        'reference-list.pdf sealed',
        'public.docx public',
        'sealed.docx sealed',
        'declaration-of-identities.docx lodged',
        'manifest.json manifest',
      ]);
      for (const file of report.files) {
        const bytes = readFileSync(join(folder, file.name));
        expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(file.bytes).toBe(bytes.length);
      }
      expect(report.verification).toMatchObject({ result: 'passed', hits: [], sealedComplete: true });
      expect(report.verification.identities).toBe(3);
      expect('manifest' in report).toBe(false); // shaped by the output schema
      const progress = d.events.map((e) => e.payload as { operation: string; done: number; total: number | null; step?: string });
      expect([...new Set(progress.map((p) => p.operation))]).toEqual(['Checking the filing', 'Exporting the filing']);
      // The export's own steps: determinate (counts of a known total, each step in words), in order.
      const steps = progress.filter((p) => p.step !== undefined);
      expect(steps.length).toBeGreaterThan(2);
      for (const step of steps) expect(step).toMatchObject({ operation: 'Exporting the filing', total: steps[0]!.total });
      expect(steps.map((p) => p.done)).toEqual(steps.map((_, i) => i + 1));
      expect(progress.at(-1)).toEqual({ operation: 'Exporting the filing', done: 1, total: 1 });

      expect(await d.value('filings:showInFolder', {})).toEqual({ shown: true });
      expect(d.shown).toEqual([join(folder, 'public.pdf')]);

      d.answers.chooseExportFolder = folder;
      const again = await d.call('filings:export', { caseId, filing: ready, docx: false, package: { kind: 'none' } });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(!again.ok && again.error.message).toMatch(/already holds an export/);
    });

    it('Show in folder before any export shows nothing, and takes no path', async () => {
      expect(await d.value('filings:showInFolder', {})).toEqual({ shown: false });
      expect(await d.call('filings:showInFolder', { path: '/etc' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(d.shown).toEqual([]);
    });

    it('into a folder where a file is in the way (a file, not a folder): refused, nothing written', async () => {
      const blocker = join(d.dir, 'not-a-folder');
      writeFileSync(blocker, 'x');
      d.answers.chooseExportFolder = blocker;
      expect(await d.call('filings:export', { caseId, filing: ready, docx: false, package: { kind: 'none' } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      mkdirSync(join(d.dir, 'empty'));
      expect(existsSync(join(d.dir, 'empty', 'public.pdf'))).toBe(false);
    });
  });
});

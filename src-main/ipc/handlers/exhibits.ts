import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import type { ChannelOutput } from '../../../src-preload/contract';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { requireUnlocked } from './filings';
import { clearable, VaultError } from '../../core/helpers';
import type { ExhibitFinding } from '../../core';

/** Exhibits open for review at once: each holds its findings' words in main until removed or locked. */
const MAX_OPEN_EXHIBITS = 50;

type FindingDto = ChannelOutput<'exhibits:scan'>['findings'][number];

/**
 * A finding as it leaves main: where, what kind, whom it may name (pseudonyms), whether it is
 * a question and whether "keep" may be answered (the core's rule, so the renderer has no copy
 * of it). The words read there stay in main until exhibits:revealFinding.
 */
export function findingView(f: ExhibitFinding): FindingDto {
  const why = f.action.kind === 'ask' ? f.action.why : undefined;
  return {
    id: f.id,
    page: f.page,
    box: f.box,
    kind: f.kind,
    confidence: f.confidence,
    source: f.source,
    targets: f.targets,
    question: f.action.kind === 'ask',
    ...(why === undefined ? {} : { why }),
    canKeep: f.kind === 'face' || clearable({ kind: f.kind, confidence: f.confidence, reasons: why === 'common-word' ? ['common-word'] : [] }),
    ocrConfidence: f.ocrConfidence,
  };
}

/**
 * Exhibits (issue 14): a document from others chosen in main's dialog, read in the worker
 * (pages rendered, text layer and OCR searched), shown page by page, and redacted into a
 * folder chosen in main. The paths stay in the session: the renderer names an exhibit by the id
 * main gave it, and its pages, decisions and drawn boxes, so it cannot make main read any other file.
 */
export function exhibitHandlers(session: DesktopSession): DomainHandlers<'exhibits'> {
  const { host, ports } = session;

  const chosen = (caseId: string, exhibitId: string) => {
    const file = session.exhibitFiles.get(exhibitId);
    if (!file || file.caseId !== caseId) throw new VaultError('VALIDATION', 'That exhibit is no longer open: add the file again.', { field: 'file' });
    return file;
  };

  return {
    'exhibits:chooseFile': async ({ caseId }) => {
      await requireUnlocked(session);
      const path = await ports.chooseExhibitFile();
      if (path === null) return null;
      if (session.exhibitFiles.size >= MAX_OPEN_EXHIBITS) {
        throw new VaultError('VALIDATION', `${MAX_OPEN_EXHIBITS} exhibits are open: remove one you are done with, then add the next.`, { field: 'file' });
      }
      const exhibitId = `e${randomBytes(8).toString('hex')}`;
      session.exhibitFiles.set(exhibitId, { caseId, path, fileName: basename(path) });
      return { exhibitId, fileName: basename(path) };
    },

    'exhibits:scan': async ({ caseId, exhibitId, dpi, faces }) => {
      const file = chosen(caseId, exhibitId);
      const scan = await session.track('Reading the exhibit', (progress) => host.run('exhibits.scan', [caseId, file.path, { dpi, faces, control: undefined }], progress));
      file.read = { sha256: scan.sha256, findings: new Map(scan.findings.map((f) => [f.id, { text: f.text, page: f.page }])) };
      return {
        fileName: file.fileName,
        format: scan.format,
        pages: scan.pages,
        findings: scan.findings.map(findingView),
        questions: scan.questions,
      };
    },

    'exhibits:page': async ({ caseId, exhibitId, page, width }) => {
      const file = chosen(caseId, exhibitId);
      const preview = await host.call('exhibits.preview', caseId, file.path, { page, width });
      return { page: preview.page, png: Buffer.from(preview.png).toString('base64'), width: preview.width, height: preview.height, widthPt: preview.widthPt, heightPt: preview.heightPt };
    },

    // Audited first: if the record cannot be written, the words are not shown.
    'exhibits:revealFinding': async ({ caseId, exhibitId, findingId }) => {
      const { read } = chosen(caseId, exhibitId);
      const finding = read?.findings.get(findingId);
      if (read === undefined || finding === undefined) throw new VaultError('NOT_FOUND', 'That finding is not in the last reading of the exhibit. Read the exhibit again.');
      await host.call('exhibits.revealed', caseId, { findingId, page: finding.page, sha256: read.sha256 });
      return { text: finding.text };
    },

    // The folder is chosen in main, then the worker redacts, reads the result back and places
    // it only when nothing is found: a question still open comes back before any folder is asked for.
    'exhibits:redact': async ({ caseId, exhibitId, decisions, regions, ocrLayer, bates, cover, dpi, faces }) => {
      const file = chosen(caseId, exhibitId);
      const destination = await ports.chooseExhibitFolder();
      if (destination === null) return null;
      const report = await session.track('Redacting the exhibit', (progress) =>
        host.run('exhibits.redact', [caseId, file.path, { destination, decisions, regions, ocrLayer, bates, cover, dpi, faces, control: undefined }], progress),
      );
      switch (report.status) {
        case 'needs-decision':
          return { status: 'needs-decision' as const, questions: report.questions.map(findingView) };
        case 'leak-found':
          return { status: 'leak-found' as const, hits: report.hits };
        case 'written': {
          const first = report.files[0];
          session.lastExhibit = first ? join(report.folder, first.name) : report.folder;
          return {
            status: 'written' as const,
            folder: report.folder,
            files: report.files.map((f) => ({ ...f, role: f.name.endsWith('-public.pdf') ? ('public' as const) : f.name.endsWith('-redaction-log.pdf') ? ('sealed' as const) : ('manifest' as const) })),
            pages: report.pages,
            redactions: report.redactions,
            kept: report.kept,
          };
        }
      }
    },

    'exhibits:showInFolder': async () => {
      if (session.lastExhibit === undefined) return { shown: false };
      await ports.showInFolder(session.lastExhibit);
      return { shown: true };
    },

    'exhibits:remove': ({ caseId, exhibitId }) => {
      const file = session.exhibitFiles.get(exhibitId);
      if (!file || file.caseId !== caseId) return { removed: false };
      session.exhibitFiles.delete(exhibitId);
      return { removed: true };
    },

    'exhibits:clear': () => {
      session.exhibitFiles.clear();
      return { cleared: true as const };
    },
  };
}

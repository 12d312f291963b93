import { basename, join } from 'node:path';
// Pure code only (labels, input rules, the passphrase rule): the vault itself loads in the worker.
import { z } from 'zod';
import type { ChannelInput } from '../../../src-preload/contract';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { checkNewPassphrase, clearable, defaultLabels, defaultLodgedLabels, isoDate, optional, parseInput, VaultError } from '../../core/helpers';

/** The core's rule for "not a plaintiff", sent along so the renderer has no copy of it. */
function withClearable<F extends Parameters<typeof clearable>[0] & { cannotClear?: true }>(finding: F): F & { canClear: boolean } {
  return { ...finding, canClear: finding.cannotClear !== true && clearable(finding) };
}

const orderDateInput = z.object({ orderDate: optional(isoDate('Order date')) });

export function filingHandlers(session: DesktopSession): DomainHandlers<'filings'> {
  const { host, ports } = session;
  return {
    'filings:list': ({ caseId }) => host.call('filings.list', caseId),
    'filings:get': ({ caseId, filingId }) => host.call('filings.get', caseId, filingId),
    'filings:create': ({ caseId, filing }) => host.call('filings.create', caseId, filing),
    'filings:update': ({ caseId, filingId, filing }) => host.call('filings.update', caseId, filingId, filing),
    'filings:delete': async ({ caseId, filingId }) => {
      await host.call('filings.delete', caseId, filingId);
      return { deleted: true as const };
    },

    // Called as the user types (debounced): no progress events, no audit.
    'filings:scan': async ({ caseId, text }) => (await host.call('filings.scan', caseId, text)).map(withClearable),

    'filings:importDraft': async ({ caseId }) => {
      await requireUnlocked(session);
      const path = await ports.chooseDraftToImport();
      if (path === null) return null;
      const prepared = await session.track('Importing the draft', () => host.call('filings.importDraft', caseId, path));
      return { ...prepared, questions: prepared.questions.map(withClearable), fileName: basename(path) };
    },

    'filings:resolve': async ({ caseId, text, start, end, choice }) => ({
      text: await host.call('filings.resolve', caseId, text, { start, end }, choice),
    }),

    'filings:check': async ({ caseId, filing }) => {
      const checked = await session.track('Checking the filing', () => host.call('filings.check', caseId, filing));
      return { body: checked.details.body, converted: checked.converted, questions: checked.questions.map(withClearable) };
    },

    'filings:defaultLabels': ({ format, orderDate }) => {
      const date = parseInput(orderDateInput, { orderDate }).orderDate;
      return { ...defaultLabels(format, date), lodged: defaultLodgedLabels(format, date) };
    },

    'filings:preview': ({ caseId, filing, audience }) => host.call('filings.preview', caseId, filing, audience),

    // Questions first (no folder is asked for while one is open), the passphrase's rule next,
    // then the folder, chosen in main's dialog, then the export itself in the worker.
    'filings:export': async ({ caseId, filing, docx, pdfa, package: protection }) => {
      const checked = await session.track('Checking the filing', () => host.call('filings.check', caseId, filing));
      if (checked.questions.length > 0) {
        return { status: 'needs-resolution' as const, questions: checked.questions.map(withClearable), body: checked.details.body };
      }
      const sealing = packageOption(session, protection);
      const destination = await ports.chooseExportFolder();
      if (destination === null) return null;
      const report = await session.track('Exporting the filing', (progress) =>
        host.run('filings.export', [caseId, filing, { destination, docx, pdfa, package: sealing }], progress),
      );
      if (report.status === 'needs-resolution') return { ...report, questions: report.questions.map(withClearable) };
      if (report.status === 'exported') {
        const first = report.files[0];
        session.lastExport = first ? join(report.folder, first.name) : report.folder;
      }
      return report;
    },

    'filings:sealingSetChoices': ({ caseId }) => host.call('filings.sealingSetChoices', caseId),

    // The folder is chosen in main's dialog, then the set is written in the worker: the papers
    // typeset, the public ones read back and scanned, the lodged one checked, or nothing at all.
    'filings:sealingSet': async ({ caseId, court, factsFrom, docx, pdfa }) => {
      await requireUnlocked(session);
      const destination = await ports.chooseExportFolder();
      if (destination === null) return null;
      const facts = factsFrom === undefined ? undefined : { filingId: factsFrom };
      const report = await session.track('Writing the sealing papers', (progress) =>
        host.run('filings.sealingSet', [caseId, { destination, court, facts, docx, pdfa }], progress),
      );
      if (report.status === 'leak-found') return report;
      const first = report.files[0];
      session.lastExport = first ? join(report.folder, first.name) : report.folder;
      return { ...report, set: report.manifest.set };
    },

    'filings:showInFolder': async () => {
      if (session.lastExport === undefined) return { shown: false };
      await ports.showInFolder(session.lastExport);
      return { shown: true };
    },
  };
}

/** What seals the package, checked before any folder is asked for. */
function packageOption(session: DesktopSession, protection: ChannelInput<'filings:export'>['package']) {
  switch (protection.kind) {
    case 'none':
      return undefined;
    case 'passphrase':
      checkNewPassphrase(protection.passphrase);
      return { passphrase: protection.passphrase };
    case 'recipient-key': {
      const key = session.recipientKey;
      if (!key) {
        throw new VaultError('VALIDATION', "Choose the recipient's public key file (.pub) first, or protect the package with a passphrase.", {
          field: 'package',
        });
      }
      return { recipientPublicKey: key.publicKey };
    }
  }
}

/** Refuses before a dialog opens, so nobody picks a file only to hear the vault is locked. */
export async function requireUnlocked(session: DesktopSession): Promise<void> {
  if ((await session.status()).state !== 'unlocked') {
    throw new VaultError('LOCKED', 'The vault is locked. Unlock it with the passphrase first.');
  }
}

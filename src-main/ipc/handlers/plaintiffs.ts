import { basename } from 'node:path';
import { VaultError } from '../../core/errors';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { requireUnlocked } from './filings';

export function plaintiffHandlers(session: DesktopSession): DomainHandlers<'plaintiffs'> {
  const { host, ports } = session;
  return {
    'plaintiffs:roster': ({ caseId }) => session.track('Loading the roster', () => host.call('roster', caseId)),
    // Called at each keystroke: no progress events (they would cost more than the search).
    'plaintiffs:search': ({ caseId, query }) => host.call('searchPlaintiffs', caseId, query),
    'plaintiffs:filter': async ({ caseId, query }) => {
      const { count, mask } = await host.call('searchPlaintiffMask', caseId, query);
      return { count, mask: Buffer.from(mask.buffer, mask.byteOffset, mask.byteLength).toString('base64') };
    },
    'plaintiffs:prepareSearch': async ({ caseId }) => ({ ready: await host.call('warmSearch', caseId) }),
    'plaintiffs:add': ({ caseId, plaintiff }) => host.call('addPlaintiff', caseId, plaintiff),
    'plaintiffs:update': ({ caseId, plaintiffId, plaintiff }) => host.call('updatePlaintiff', caseId, plaintiffId, plaintiff),
    'plaintiffs:withdraw': ({ caseId, plaintiffId }) => host.call('withdrawPlaintiffById', caseId, plaintiffId),
    'plaintiffs:reveal': ({ caseId, plaintiffId }) => host.call('revealPlaintiff', caseId, plaintiffId),
    'plaintiffs:copyName': async ({ caseId, plaintiffId }) => {
      const revealed = await host.call('revealPlaintiff', caseId, plaintiffId);
      return { clearsAfterSeconds: await session.copyToClipboard(revealed.legalName) };
    },
    'plaintiffs:exportRoster': async ({ caseId, sealed, format }) => {
      await requireUnlocked(session);
      const cases = await host.call('listCases');
      const title = cases.find((c) => c.id === caseId)?.title;
      if (title === undefined) throw new VaultError('NOT_FOUND', 'No such case in the vault. Reload the list of cases.');
      const destination = await ports.chooseRosterDestination({ sealed, format, caseTitle: title });
      if (destination === null) return null;
      const written = await session.track(sealed ? 'Writing the sealed roster' : 'Writing the public roster', () =>
        host.call('exportRoster', caseId, { sealed, format }, destination),
      );
      session.lastExport = written.path;
      return { fileName: basename(written.path), rows: written.rows, sha256: written.sha256 };
    },
  };
}

import { basename } from 'node:path';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { requireUnlocked } from './filings';
import { VaultError } from '../../core/helpers';

export function plaintiffHandlers(session: DesktopSession): DomainHandlers<'plaintiffs'> {
  const { host, ports } = session;
  return {
    'plaintiffs:roster': ({ caseId }) => session.track('Loading the roster', () => host.call('plaintiffs.roster', caseId)),
    // Called at each keystroke: no progress events (they would cost more than the search).
    'plaintiffs:search': ({ caseId, query }) => host.call('plaintiffs.search', caseId, query),
    'plaintiffs:filter': async ({ caseId, query }) => {
      const { count, mask } = await host.call('plaintiffs.filter', caseId, query);
      return { count, mask: Buffer.from(mask.buffer, mask.byteOffset, mask.byteLength).toString('base64') };
    },
    'plaintiffs:prepareSearch': async ({ caseId }) => ({ ready: await host.call('plaintiffs.prepareSearch', caseId) }),
    'plaintiffs:add': ({ caseId, plaintiff }) => host.call('plaintiffs.add', caseId, plaintiff),
    'plaintiffs:update': ({ caseId, plaintiffId, plaintiff }) => host.call('plaintiffs.update', caseId, plaintiffId, plaintiff),
    'plaintiffs:withdraw': ({ caseId, plaintiffId }) => host.call('plaintiffs.withdraw', caseId, { plaintiffId }),
    'plaintiffs:reveal': ({ caseId, plaintiffId }) => host.call('plaintiffs.reveal', caseId, plaintiffId),
    'plaintiffs:copyName': async ({ caseId, plaintiffId }) => {
      const revealed = await host.call('plaintiffs.reveal', caseId, plaintiffId);
      return { clearsAfterSeconds: await session.copyToClipboard(revealed.legalName) };
    },
    'plaintiffs:exportRoster': async ({ caseId, sealed, format }) => {
      await requireUnlocked(session);
      const cases = await host.call('cases.list');
      const title = cases.find((c) => c.id === caseId)?.title;
      if (title === undefined) throw new VaultError('NOT_FOUND', 'No such case in the vault. Reload the list of cases.');
      const destination = await ports.chooseRosterDestination({ sealed, format, caseTitle: title });
      if (destination === null) return null;
      const written = await session.track(sealed ? 'Writing the sealed roster' : 'Writing the public roster', () =>
        host.call('plaintiffs.exportRoster', caseId, { sealed, format }, destination),
      );
      session.lastExport = written.path;
      return { fileName: basename(written.path), rows: written.rows, sha256: written.sha256 };
    },
  };
}

// Pure naming code only: the vault itself (its cryptography and SQLite) loads in the worker, not here.
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';
import { exampleNames, formatScheme, parseScheme } from '../../core/helpers';
import type { CaseSummary } from '../../core';

const summary = (c: CaseSummary) => ({ ...c, scheme: formatScheme(c.scheme) });

export function caseHandlers({ host }: DesktopSession): DomainHandlers<'cases'> {
  return {
    'cases:list': async () => (await host.call('cases.list')).map(summary),
    'cases:create': async (input) => summary(await host.call('cases.create', input)),
    'cases:update': async (input) => summary(await host.call('cases.update', input)),
    'cases:delete': ({ caseId }) => host.call('cases.delete', caseId),
    'cases:schemeExamples': ({ scheme }) => exampleNames(parseScheme(scheme)),
  };
}

import type { CaseSummary } from '../../core/cases/cases';
// Pure naming code only: the vault itself (its cryptography and SQLite) loads in the worker, not here.
import { exampleNames, formatScheme, parseScheme } from '../../core/plaintiffs/pseudonyms';
import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

const summary = (c: CaseSummary) => ({ ...c, scheme: formatScheme(c.scheme) });

export function caseHandlers({ host }: DesktopSession): DomainHandlers<'cases'> {
  return {
    'cases:list': async () => (await host.call('listCases')).map(summary),
    'cases:create': async (input) => summary(await host.call('createCase', input)),
    'cases:delete': ({ caseId }) => host.call('deleteCase', caseId),
    'cases:schemeExamples': ({ scheme }) => exampleNames(parseScheme(scheme)),
  };
}

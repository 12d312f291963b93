import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

export function auditHandlers({ host }: DesktopSession): DomainHandlers<'audit'> {
  return {
    'audit:list': () => host.call('audit.list'),
    'audit:verify': () => host.call('audit.verify'),
  };
}

import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

export function auditHandlers({ host }: DesktopSession): DomainHandlers<'audit'> {
  return {
    'audit:list': () => host.call('auditLog'),
    'audit:verify': () => host.call('verifyAudit'),
  };
}

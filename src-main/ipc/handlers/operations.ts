import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

/** Long operations as a whole: the window's Cancel button. */
export function operationHandlers(session: DesktopSession): DomainHandlers<'operations'> {
  return {
    'operations:cancel': () => ({ cancelled: session.cancelRunning() }),
  };
}

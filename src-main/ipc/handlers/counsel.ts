import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

export function counselHandlers({ host }: DesktopSession): DomainHandlers<'counsel'> {
  return {
    'counsel:get': (scope) => host.call('counsel.get', scope),
    'counsel:set': (input) => host.call('counsel.set', input),
    'counsel:clear': (scope) => host.call('counsel.clear', scope),
  };
}

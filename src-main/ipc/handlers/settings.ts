import type { DesktopSession } from '../desktop-session';
import type { DomainHandlers } from '../dispatcher';

export function settingsHandlers(session: DesktopSession, onChange: () => void): DomainHandlers<'settings'> {
  return {
    'settings:get': () => session.getSettings(),
    'settings:set': (settings) => {
      const saved = session.saveSettings({ ...session.getSettings(), ...settings, lastVaultPath: session.path });
      onChange();
      return saved;
    },
  };
}

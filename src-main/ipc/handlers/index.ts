import type { DesktopSession } from '../desktop-session';
import type { Handlers } from '../dispatcher';
import { auditHandlers } from './audit';
import { caseHandlers } from './cases';
import { counselHandlers } from './counsel';
import { exhibitHandlers } from './exhibits';
import { filingHandlers } from './filings';
import { intakeHandlers } from './intake';
import { operationHandlers } from './operations';
import { packageHandlers } from './packages';
import { plaintiffHandlers } from './plaintiffs';
import { settingsHandlers } from './settings';
import { vaultHandlers } from './vault';

/** Every channel's handler, domain by domain. The type makes a missing channel a compile error. */
export function createHandlers(
  session: DesktopSession,
  options: { defaultVaultPath: string; onSettingsChange: () => void },
): Handlers {
  return {
    ...vaultHandlers(session, options.defaultVaultPath),
    ...settingsHandlers(session, options.onSettingsChange),
    ...caseHandlers(session),
    ...counselHandlers(session),
    ...plaintiffHandlers(session),
    ...auditHandlers(session),
    ...filingHandlers(session),
    ...packageHandlers(session),
    ...intakeHandlers(session),
    ...exhibitHandlers(session),
    ...operationHandlers(session),
  };
}
